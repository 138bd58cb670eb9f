// Mirrors: github.com/google/pprof profile.proto message Label (string or numeric sample labels), Go 1.19-1.23.
// Simplified: one record for both kinds; Str is null for a numeric label.
namespace GoRuntimeLab.Pprof;

/// <summary>A sample label: a string (<see cref="Str"/>) or a number with an optional unit (Go's heap profile
/// labels each sample with bytes=&lt;average block size&gt;).</summary>
public sealed record PprofLabel(string Key, string? Str, long Num = 0, string? NumUnit = null)
{
    public bool IsNumeric => Str is null;

    public override string ToString() => Str is not null ? $"{Key}={Str}" : $"{Key}={Num}{NumUnit}";
}
