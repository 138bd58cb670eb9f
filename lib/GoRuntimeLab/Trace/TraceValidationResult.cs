// Mirrors: Perfetto's legacy JSON importer constraints (complete events on one track must nest, not overlap).
// Simplified: not applicable.
namespace GoRuntimeLab.Trace;

/// <summary>Problems found in a Chrome trace document (empty = valid), and how many events were checked.</summary>
public sealed record TraceValidationResult(IReadOnlyList<string> Problems, int EventCount, int SliceCount)
{
    public bool IsValid => Problems.Count == 0;

    public override string ToString() => IsValid
        ? $"valid: {EventCount} events, {SliceCount} slices"
        : $"{Problems.Count} problem(s) in {EventCount} events; first: {Problems[0]}";
}
