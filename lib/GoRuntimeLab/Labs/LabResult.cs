namespace GoRuntimeLab.Labs;

/// <summary>
/// The judgement of one lab answer: <see cref="Message"/> is the one Chinese line a notebook shows and
/// <c>golab lab check</c> prints (right; wrong with the next hint; or not answered). <see cref="Points"/> is what
/// the answer earned, out of <see cref="MaxPoints"/>.
/// </summary>
public sealed record LabResult(string Id, string Title, LabStatus Status, int Points, int MaxPoints, string Message)
{
    /// <summary>True when the answer is right.</summary>
    public bool Ok => Status == LabStatus.Right;

    public override string ToString() => Message;
}
