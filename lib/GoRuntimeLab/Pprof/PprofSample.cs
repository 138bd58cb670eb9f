// Mirrors: github.com/google/pprof profile.Sample (profile.proto message Sample), Go 1.19-1.23.
// Simplified: locations are references instead of ids.
namespace GoRuntimeLab.Pprof;

/// <summary>
/// One sample: a call stack (leaf first) and one value per sample type. <see cref="Stack"/> is the stack as
/// function names, leaf first, with inlined frames expanded (what <c>go tool pprof -traces</c> prints).
/// </summary>
public sealed record PprofSample(IReadOnlyList<PprofLocation> Locations, IReadOnlyList<long> Values, IReadOnlyList<PprofLabel> Labels)
{
    /// <summary>Function names, leaf first (each location's lines in order: inlined callee before its caller).</summary>
    public IReadOnlyList<string> Stack => Locations.SelectMany(l => l.Lines.Select(x => x.Function.Name)).ToList();

    public override string ToString() => $"[{string.Join(", ", Values)}] {string.Join(" < ", Stack)}";
}
