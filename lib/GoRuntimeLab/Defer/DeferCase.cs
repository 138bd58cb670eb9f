// Mirrors: nothing in Go; one function of data/go/defer with its FunctionShape and the kinds Go 1.19.8/1.23.5 print
// for it (cases.json). Simplified: the shape is stated by hand next to the Go source and checked against the compiler.
namespace GoRuntimeLab.Defer;

/// <summary>One function of the defer cases program.</summary>
/// <param name="Name">The case name, as in the "// defer-site NAME" comments.</param>
/// <param name="File">The Go file, relative to the program folder ("main.go", "bench/bench_test.go").</param>
/// <param name="Shape">Its shape in the default build.</param>
/// <param name="Expected">The kind of each defer in the default build, in source order.</param>
/// <param name="Lines">1-based source line of each defer statement (from the comments), in source order.</param>
/// <param name="Note">What the case shows.</param>
public sealed record DeferCase(string Name, string File, FunctionShape Shape, IReadOnlyList<DeferKind> Expected, IReadOnlyList<int> Lines, string Note)
{
    public override string ToString() => $"{Name} ({File}): {Shape} → {string.Join(", ", Expected.Select(DeferClassifier.GoName))}";
}
