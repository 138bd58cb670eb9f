// Mirrors: compiler-rt tsan_report.cpp, Go build (PrintReport for ReportTypeRace: the accesses, locations, goroutines).
namespace GoRuntimeLab.Race;

/// <summary>
/// One "WARNING: DATA RACE" block: the conflicting accesses (the current one first, then the previous one), the
/// memory's location if reported, and the creation stacks of the goroutines involved; <paramref name="Line"/> is the
/// 1-based line of its "WARNING" line.
/// </summary>
public sealed record RaceReport(int Line, IReadOnlyList<RaceAccess> Accesses, IReadOnlyList<RaceLocation> Locations, IReadOnlyList<RaceGoroutine> Goroutines)
{
    /// <summary>The access that detected the race.</summary>
    public RaceAccess Current => Accesses[0];

    /// <summary>The earlier access it conflicts with, if printed.</summary>
    public RaceAccess? Previous => Accesses.Count > 1 ? Accesses[1] : null;

    /// <summary>The creation stack of goroutine <paramref name="id"/>, or null (the main goroutine has none).</summary>
    public RaceGoroutine? GoroutineById(int id) => Goroutines.FirstOrDefault(g => g.Id == id);

    /// <summary>"write by goroutine 9 at …:48 (main.Peek.func1) vs previous read by main goroutine at …:50 (main.Peek)".</summary>
    public override string ToString() => string.Join(" vs ", Accesses);
}
