// Mirrors: github.com/google/pprof profile.ValueType (profile.proto message ValueType), Go 1.19-1.23's vendored pprof.
// Simplified: strings instead of string-table indices.
namespace GoRuntimeLab.Pprof;

/// <summary>What one sample value means: e.g. cpu/nanoseconds, alloc_space/bytes, samples/count.</summary>
public sealed record PprofValueType(string Type, string Unit)
{
    public override string ToString() => $"{Type}/{Unit}";
}
