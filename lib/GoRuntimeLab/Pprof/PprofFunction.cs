// Mirrors: github.com/google/pprof profile.Function (profile.proto message Function), Go 1.19-1.23.
// Simplified: strings instead of string-table indices.
namespace GoRuntimeLab.Pprof;

/// <summary>A function as pprof stores it: Go writes the package-qualified name, e.g. "main.fib" or "sort.(*IntSlice).Less".</summary>
public sealed record PprofFunction(ulong Id, string Name, string SystemName, string FileName, long StartLine)
{
    public override string ToString() => Name;
}
