// Mirrors: cmd/compile/internal/ssagen/ssa.go (buildssa: s.hasOpenDefers) and walk/stmt.go (walkStmt ODEFER), Go 1.19–1.23.
// Simplified: the function-level decision plus one verdict per defer site; no code generation.
using System.Globalization;

namespace GoRuntimeLab.Defer;

/// <summary>The compiler's decision for one function: open-coded or not, and each defer's kind.</summary>
/// <param name="Shape">The function classified.</param>
/// <param name="Version">The Go release whose rules were applied.</param>
/// <param name="OpenCoded">True when the function uses open-coded defers (buildssa's s.hasOpenDefers).</param>
/// <param name="Rules">Every rule that stands in the way of open-coding, in the order the compiler checks them
/// (walk first, then buildssa); empty when open-coded. The first is the one that decided.</param>
/// <param name="Sites">One verdict per defer statement, in source order.</param>
public sealed record DeferClassification(
    FunctionShape Shape,
    GoVersion Version,
    bool OpenCoded,
    IReadOnlyList<DeferRule> Rules,
    IReadOnlyList<DeferSiteClassification> Sites)
{
    /// <summary>The rule that disabled open-coding first, or <see cref="DeferRule.None"/>.</summary>
    public DeferRule Rule => Rules.Count == 0 ? DeferRule.None : Rules[0];

    /// <summary>The function-level reason in words.</summary>
    public string Reason => DeferClassifier.Explain(Rule, Shape);

    /// <summary>How many sites got <paramref name="kind"/>.</summary>
    public int Count(DeferKind kind) => Sites.Count(s => s.Kind == kind);

    /// <summary>Kinds in source order.</summary>
    public IReadOnlyList<DeferKind> Kinds => Sites.Select(s => s.Kind).ToArray();

    /// <summary>"f: 2 defers, 8 returns (go1.23) → 2 stack-allocated: returns × defers = 8 × 2 = 16 &gt; 15 (ssagen.buildssa)".</summary>
    public override string ToString()
    {
        var counts = Enum.GetValues<DeferKind>().Where(k => Count(k) > 0)
            .Select(k => string.Create(CultureInfo.InvariantCulture, $"{Count(k)} {DeferClassifier.GoName(k)}"));
        return $"{Shape} ({Version}) → {string.Join(", ", counts)}: {Reason}";
    }
}
