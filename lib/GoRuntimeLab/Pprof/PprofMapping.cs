// Mirrors: github.com/google/pprof profile.Mapping (profile.proto message Mapping), Go 1.19-1.23.
// Simplified: strings instead of string-table indices.
namespace GoRuntimeLab.Pprof;

/// <summary>A mapped binary: address range, file, build id, and which symbol information the profile already has.</summary>
public sealed record PprofMapping(
    ulong Id, ulong MemoryStart, ulong MemoryLimit, ulong FileOffset, string FileName, string BuildId,
    bool HasFunctions, bool HasFileNames, bool HasLineNumbers, bool HasInlineFrames)
{
    public override string ToString() => $"mapping {Id}: {FileName} [{MemoryStart:x}, {MemoryLimit:x})";
}
