// Mirrors: nothing in Go; one row of data/go/escape/cases.json — a curated function, the line that matters, and what
// `go build -gcflags=-m` says there under Go 1.19 and 1.23.
using System.Globalization;

namespace GoRuntimeLab.Escape;

/// <summary>One curated escape case: where to look, and the compiler's verdict per Go release.</summary>
/// <param name="Function">The Go function ("Counter", "Inc").</param>
/// <param name="File">Its file in data/go/escape ("closures.go").</param>
/// <param name="Line">The line of the interesting variable or expression.</param>
/// <param name="Name">The subject the verdict is about ("x", "func literal"), or null for "whatever is on that line"
/// (used where releases print the expression differently: 1.19 "make([]byte, 64 &lt;&lt; 10)", 1.23 "make([]byte, 65536)").</param>
/// <param name="Expected">Per release: the verdict kind, or null for "no escape message on that line" (it stays on the stack silently).</param>
/// <param name="Explanation">Why, in Chinese (the course's language).</param>
public sealed record EscapeCase(string Function, string File, int Line, string? Name, IReadOnlyDictionary<GoVersion, EscapeKind?> Expected, string Explanation)
{
    /// <summary>The verdict for <paramref name="version"/>: the newest recorded release not newer than it (else the oldest).</summary>
    public EscapeKind? ExpectedFor(GoVersion version)
    {
        var line = new GoVersion(version.Major, version.Minor);
        var best = Expected.Keys.Where(v => v <= line).DefaultIfEmpty(Expected.Keys.Min()).Max();
        return Expected[best];
    }

    /// <summary>What <paramref name="report"/> says on this case's line (see <see cref="EscapeReport.VerdictAt"/>).</summary>
    public EscapeKind? ActualIn(EscapeReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.VerdictAt(File, Line, Name);
    }

    /// <summary>"closures.go:5 Counter n: movedToHeap".</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{File}:{Line} {Function} {Name ?? "*"}: ")
        + string.Join(", ", Expected.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key} {(kv.Value is { } k ? EscapeKinds.ToCamelCase(k) : "none")}"));
}
