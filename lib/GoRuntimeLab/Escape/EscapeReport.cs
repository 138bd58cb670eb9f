// Mirrors: the whole diagnostic output of one `go build -gcflags=-m[=2]` (or `go tool compile -m`) run,
// cmd/compile Go 1.19–1.23. Simplified: findings are kept as text; nothing is re-derived from Go source.
using System.Globalization;
using System.Text;

namespace GoRuntimeLab.Escape;

/// <summary>Parsed `-gcflags=-m` output: every diagnostic as a finding, counts per kind, and every unrecognised line.</summary>
/// <param name="FileName">The name the output was parsed under (a path, "live …", or "&lt;string&gt;").</param>
/// <param name="Findings">Every diagnostic, in output order (-m=2 explanations attached to their conclusion).</param>
/// <param name="Other">Lines that are neither diagnostics nor go-command noise: kept, counted, never dropped.</param>
/// <param name="Packages">The "# package" header lines, without "# ".</param>
/// <param name="LineCount">Lines in the parsed text (a final newline does not start a line).</param>
public sealed record EscapeReport(
    string FileName,
    IReadOnlyList<EscapeFinding> Findings,
    IReadOnlyList<EscapeUnknownLine> Other,
    IReadOnlyList<string> Packages,
    int LineCount)
{
    /// <summary>Where the output came from: "parsed FILE", "live go1.19.8 linux/amd64" or "recorded go1.19.8 (data/recordings/…)".</summary>
    public string Source { get; init; } = "";

    /// <summary>Number of findings of every kind (all kinds present, zero included), in <see cref="EscapeKind"/> order.</summary>
    public IReadOnlyDictionary<EscapeKind, int> Counts { get; } = CountKinds(Findings);

    /// <summary>How many findings are of <paramref name="kind"/>.</summary>
    public int Count(EscapeKind kind) => Counts[kind];

    /// <summary>The findings on one source line (file compared by its last path segment, so "./a.go" matches "a.go").</summary>
    public IReadOnlyList<EscapeFinding> At(string file, int line)
    {
        ArgumentNullException.ThrowIfNull(file);
        var name = BaseName(file);
        return [.. Findings.Where(f => f.Line == line && BaseName(f.File) == name)];
    }

    /// <summary>The findings of one kind.</summary>
    public IReadOnlyList<EscapeFinding> OfKind(EscapeKind kind) => [.. Findings.Where(f => f.Kind == kind)];

    /// <summary>
    /// The escape-analysis verdict for one source line, as cases.json spells it: the most "heap" kind among the line's
    /// escape findings (moved / escapes / leaking… before does-not-escape), or null when the compiler said nothing about
    /// escaping there. Inliner, capture and devirtualization lines are ignored.
    /// </summary>
    public EscapeKind? VerdictAt(string file, int line, string? name = null)
    {
        var found = At(file, line).Where(f => Rank(f.Kind) > 0 && (name is null || f.Name == name)).ToList();
        return found.Count == 0 ? null : found.MaxBy(f => Rank(f.Kind))!.Kind;
    }

    /// <summary>One line: the source, then the non-zero counts.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"escape report {(Source.Length > 0 ? Source : FileName)}: {Findings.Count} findings");
        var parts = Counts.Where(kv => kv.Value > 0).Select(kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Key} {kv.Value}")).ToList();
        if (parts.Count > 0) text.Append(" (").Append(string.Join(", ", parts)).Append(')');
        text.Append(CultureInfo.InvariantCulture, $"; {Other.Count} unrecognised lines");
        return text.ToString();
    }

    // Heap verdicts outrank "does not escape": a line with both (e.g. "... argument does not escape" and "x escapes to heap")
    // does allocate on the heap.
    private static int Rank(EscapeKind kind) => kind switch
    {
        EscapeKind.MovedToHeap => 6,
        EscapeKind.EscapesToHeap => 5,
        EscapeKind.LeakingParam => 4,
        EscapeKind.LeakingParamContent => 3,
        EscapeKind.LeakingParamToResult => 2,
        EscapeKind.DoesNotEscape => 1,
        _ => 0,
    };

    private static string BaseName(string file) => file.Replace('\\', '/').Split('/')[^1];

    private static Dictionary<EscapeKind, int> CountKinds(IReadOnlyList<EscapeFinding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var counts = Enum.GetValues<EscapeKind>().ToDictionary(k => k, _ => 0);
        foreach (var f in findings) counts[f.Kind]++;
        return counts;
    }
}
