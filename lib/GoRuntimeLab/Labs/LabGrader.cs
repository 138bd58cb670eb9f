// Mirrors: nothing in Go; grading an answers file (golab lab check).
namespace GoRuntimeLab.Labs;

/// <summary>
/// Grades answers against the catalog: every lab of the chapters the answers touch is judged (a lab of those
/// chapters left out is "未作答"; no answers at all expect every chapter), a wrong answer carries the lab's first hint. The maximum is the sum of those labs'
/// points.
/// </summary>
public static class LabGrader
{
    /// <summary>Grades <paramref name="answers"/> (lab id → answer; unknown ids are refused by the sheet reader).
    /// <paramref name="chapters"/>: the chapters to expect (default: those the answers name; every chapter for no answers).</summary>
    public static LabReport Grade(IReadOnlyDictionary<string, LabAnswer> answers, IReadOnlyCollection<int>? chapters = null)
    {
        ArgumentNullException.ThrowIfNull(answers);
        foreach (var id in answers.Keys) LabCatalog.Get(id);
        var expected = chapters ?? (answers.Count == 0 ? LabCatalog.All.Select(l => l.Chapter) : answers.Keys.Select(id => LabCatalog.Get(id).Chapter)).Distinct().ToList();
        var labs = LabCatalog.All.Where(l => expected.Contains(l.Chapter)).ToList();
        var results = labs.Select(l => l.Judge(answers.TryGetValue(l.Id, out var a) ? a : LabAnswer.From(null), () => 0)).ToList();
        return new LabReport(results.Sum(r => r.Points), results.Sum(r => r.MaxPoints), results);
    }
}
