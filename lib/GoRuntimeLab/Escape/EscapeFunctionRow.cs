// Mirrors: nothing in Go; a per-function view of `-gcflags=-m` findings (the compiler reports per line, learners think
// per function). Go 1.19–1.23.
using System.Globalization;

namespace GoRuntimeLab.Escape;

/// <summary>The escape findings inside one function.</summary>
/// <param name="Function">Compiler-style name ("Counter", "(*Tally).Inc").</param>
/// <param name="Findings">Its escape findings (moved/escapes/leaking/does-not-escape), in output order.</param>
public sealed record EscapeFunctionRow(string Function, IReadOnlyList<EscapeFinding> Findings)
{
    /// <summary>How many findings of <paramref name="kind"/> the function has.</summary>
    public int Count(EscapeKind kind) => Findings.Count(f => f.Kind == kind);

    /// <summary>True when something in the function ends up on the heap (moved or escaping; leaks are the caller's business).</summary>
    public bool Allocates => Findings.Any(f => f.Kind is EscapeKind.MovedToHeap or EscapeKind.EscapesToHeap);

    /// <summary>"Counter: MovedToHeap n, EscapesToHeap func literal".</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Function}: {string.Join(", ", Findings.Select(f => $"{f.Kind} {f.Name}"))}");
}
