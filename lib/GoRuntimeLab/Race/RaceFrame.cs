// Mirrors: compiler-rt tsan_report.cpp, Go build (PrintStack: "  func()\n      file:line +0xoffset"), as linked into Go's
// runtime/race (.syso) in Go 1.19–1.23.
namespace GoRuntimeLab.Race;

/// <summary>One frame of a race report's stack: the function ("main.(*Counter).Add"), file, line and PC offset.</summary>
public sealed record RaceFrame(string Function, string File, int Line, long PcOffset)
{
    /// <summary>"main.(*Counter).Add golab/racedemo/main.go:17".</summary>
    public override string ToString() => $"{Function} {File}:{Line}";
}
