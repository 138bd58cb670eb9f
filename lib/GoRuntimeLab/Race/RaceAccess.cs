// Mirrors: compiler-rt tsan_report.cpp, Go build (PrintMop: "Read|Write|Previous read|Previous write at 0xADDR by
// main goroutine|goroutine N:"; the main goroutine is tid 1, kMainGoroutineId).
namespace GoRuntimeLab.Race;

/// <summary>
/// One of the two conflicting memory accesses of a race: read or write, the current one (the access that found the
/// race) or the previous one, the address, the goroutine (1 = the main goroutine) and its stack (empty when the
/// detector could not restore it, <see cref="StackRestored"/> false).
/// </summary>
public sealed record RaceAccess(bool IsWrite, bool IsPrevious, ulong Address, int Goroutine, IReadOnlyList<RaceFrame> Stack, bool StackRestored = true)
{
    /// <summary>The goroutine the report calls "main goroutine".</summary>
    public const int MainGoroutine = 1;

    /// <summary>"read" or "write".</summary>
    public string Kind => IsWrite ? "write" : "read";

    /// <summary>"goroutine 8" or "main goroutine".</summary>
    public string GoroutineName => Goroutine == MainGoroutine ? "main goroutine" : $"goroutine {Goroutine}";

    /// <summary>The innermost frame (where the access is), or null without a stack.</summary>
    public RaceFrame? Top => Stack.Count > 0 ? Stack[0] : null;

    /// <summary>"previous read by main goroutine at golab/racedemo/main.go:50 (main.Peek)".</summary>
    public override string ToString() =>
        $"{(IsPrevious ? "previous " : "")}{Kind} by {GoroutineName}{(Top is { } t ? $" at {t.File}:{t.Line} ({t.Function})" : " (stack not restored)")}";
}
