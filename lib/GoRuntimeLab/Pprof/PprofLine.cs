// Mirrors: github.com/google/pprof profile.Line (profile.proto message Line), Go 1.19-1.23.
// Simplified: none (column is upstream's 2024 addition; Go 1.19-1.23 write 0).
namespace GoRuntimeLab.Pprof;

/// <summary>One source line of a location: the function and line number (and column, if a writer set it).</summary>
public sealed record PprofLine(PprofFunction Function, long Line, long Column = 0)
{
    public override string ToString() => $"{Function.Name}:{Line}";
}
