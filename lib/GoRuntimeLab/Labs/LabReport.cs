namespace GoRuntimeLab.Labs;

/// <summary>An answers file graded: <see cref="Score"/> of <see cref="Max"/> points (the labs answered or expected),
/// one <see cref="LabResult"/> per lab. <see cref="Passed"/>: every answered lab right and none missing.</summary>
public sealed record LabReport(int Score, int Max, IReadOnlyList<LabResult> Results)
{
    public bool Passed => Results.All(r => r.Status == LabStatus.Right);

    public override string ToString() => $"{Score}/{Max} 分：{Results.Count(r => r.Ok)} 个正确，{Results.Count(r => r.Status == LabStatus.Wrong)} 个错误，{Results.Count(r => r.Status == LabStatus.NotAnswered)} 个未作答";
}
