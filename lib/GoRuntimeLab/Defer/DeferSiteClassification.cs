// Mirrors: cmd/compile/internal/ssagen/ssa.go (state.stmt, case ODEFER: open-coded / stack-allocated / heap-allocated), Go 1.19–1.23.
// Simplified: the verdict for one defer statement with the rule that decided it, in words.
namespace GoRuntimeLab.Defer;

/// <summary>The kind of one defer statement and why.</summary>
/// <param name="Index">0-based position among the function's defers (source order).</param>
/// <param name="Site">The site as described.</param>
/// <param name="Kind">What <c>-d=defer</c> prints for it.</param>
/// <param name="Rule">The rule that decided it (<see cref="DeferRule.None"/> when open-coded).</param>
/// <param name="Reason">The rule in words, citing the Go function.</param>
public sealed record DeferSiteClassification(int Index, DeferSite Site, DeferKind Kind, DeferRule Rule, string Reason)
{
    /// <summary>The kind as <c>-d=defer</c> spells it: "open-coded", "stack-allocated", "heap-allocated".</summary>
    public string GoName => DeferClassifier.GoName(Kind);

    public override string ToString() => $"#{Index} {GoName}: {Reason}";
}
