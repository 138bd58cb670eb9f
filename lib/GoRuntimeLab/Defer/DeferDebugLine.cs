// Mirrors: the diagnostic cmd/compile prints for -d=defer (ssagen/ssa.go state.stmt ODEFER: base.WarnfAt(n.Pos(), "%s defer")), Go 1.19–1.23.
// Simplified: one record per printed line; the "# package" headers go build adds are kept as the Package.
namespace GoRuntimeLab.Defer;

/// <summary>One "./main.go:27:2: open-coded defer" line.</summary>
/// <param name="Package">The "# golab/defer" header above it ("" if none).</param>
/// <param name="File">The file as printed ("./main.go", "bench/bench_test.go").</param>
/// <param name="Line">1-based line of the defer statement.</param>
/// <param name="Column">1-based column of the defer keyword.</param>
/// <param name="Kind">The kind printed.</param>
/// <param name="OutputLine">1-based line in the compiler output.</param>
public sealed record DeferDebugLine(string Package, string File, int Line, int Column, DeferKind Kind, int OutputLine)
{
    public override string ToString() => $"{File}:{Line}:{Column}: {DeferClassifier.GoName(Kind)} defer";
}
