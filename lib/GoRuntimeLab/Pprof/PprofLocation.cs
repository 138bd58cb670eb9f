// Mirrors: github.com/google/pprof profile.Location (profile.proto message Location), Go 1.19-1.23.
// Simplified: the mapping is a reference (null when mapping_id is 0) instead of an id.
namespace GoRuntimeLab.Pprof;

/// <summary>
/// One program counter of a stack. <see cref="Lines"/> lists the inlined calls at this address, the innermost
/// (inlined) function first and the function it was inlined into last, as profile.proto says.
/// </summary>
public sealed record PprofLocation(ulong Id, PprofMapping? Mapping, ulong Address, IReadOnlyList<PprofLine> Lines, bool IsFolded = false)
{
    public override string ToString() => Lines.Count == 0
        ? $"0x{Address:x}"
        : string.Join(" < ", Lines.Select(l => l.Function.Name));
}
