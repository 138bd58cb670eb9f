// Mirrors: `go build -gcflags=-d=defer` output for one function of data/go/defer, next to the model's prediction.
// Simplified: kinds only, matched by source line.
namespace GoRuntimeLab.Defer;

/// <summary>The model against the real compiler for one case and one build.</summary>
/// <param name="Case">The case.</param>
/// <param name="Build">"default", "noopt", "race" or "noopendefer".</param>
/// <param name="Classification">The model's verdict for the case's shape in that build.</param>
/// <param name="Recorded">The kinds the compiler printed at the case's defer lines (null where it printed none).</param>
public sealed record DeferCaseResult(DeferCase Case, string Build, DeferClassification Classification, IReadOnlyList<DeferKind?> Recorded)
{
    /// <summary>True when every defer's recorded kind equals the predicted one.</summary>
    public bool Agrees => Recorded.Count == Classification.Sites.Count
        && Recorded.Select((k, i) => k == Classification.Sites[i].Kind).All(x => x);

    public override string ToString() =>
        $"{(Agrees ? "✓" : "✗")} {Case.Name} [{Build}]: model {string.Join(",", Classification.Kinds.Select(DeferClassifier.GoName))}; go {string.Join(",", Recorded.Select(k => k is null ? "-" : DeferClassifier.GoName(k.Value)))}";
}
