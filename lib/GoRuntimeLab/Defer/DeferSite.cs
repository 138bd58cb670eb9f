// Mirrors: escape/call.go (escape.goDeferStmt: loopDepth == 1 ⇒ EscNever; 1.23 also DeferAt == nil), Go 1.19–1.23.
// Simplified: a defer statement is reduced to the two facts the kind depends on.
namespace GoRuntimeLab.Defer;

/// <summary>One defer statement of a function.</summary>
/// <param name="InLoop">Inside a for loop, or after a label that a later goto jumps back to (escape analysis
/// calls both "looping"). A defer inside a closure is judged within the closure: a closure called in a loop does
/// not put its defers in a loop.</param>
/// <param name="InRangeFuncBody">Inside the body of a range-over-func loop (Go 1.23+).</param>
public sealed record DeferSite(bool InLoop = false, bool InRangeFuncBody = false)
{
    /// <summary>A top-level defer (not in a loop).</summary>
    public static DeferSite TopLevel { get; } = new();

    /// <summary>A defer inside a loop.</summary>
    public static DeferSite Loop { get; } = new(InLoop: true);

    public override string ToString() => InRangeFuncBody ? "range-func body" : InLoop ? "in loop" : "top level";
}
