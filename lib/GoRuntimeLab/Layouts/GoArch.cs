// Mirrors: cmd/internal/sys/arch.go (Go 1.19–1.23): the PtrSize and RegSize of the four architectures the kit models,
// cmd/compile/internal/{x86,amd64,arm,arm64}/galign.go: MAXWIDTH; internal/cpu/cpu_{x86,arm64,arm}.go: CacheLinePadSize.
namespace GoRuntimeLab.Layouts;

/// <summary>
/// A target architecture as the Go compiler sizes types for it: <see cref="PtrSize"/> (pointers, int, uintptr) and
/// <see cref="RegSize"/>, which is also the alignment of 8-byte values (int64, uint64, float64, complex128) — so on
/// 386 and arm those align to 4.
/// </summary>
/// <param name="Name">GOARCH: amd64, 386, arm64 or arm.</param>
/// <param name="PtrSize">Bytes in a pointer.</param>
/// <param name="RegSize">Bytes in a general-purpose register.</param>
/// <param name="MaxWidth">The largest type width the compiler accepts (arch.MAXWIDTH).</param>
/// <param name="CacheLinePadSize">The padding Go's runtime uses against false sharing on this architecture (cpu.CacheLinePad).</param>
public sealed record GoArch(string Name, int PtrSize, int RegSize, long MaxWidth, int CacheLinePadSize)
{
    /// <summary>The parameter name of an architecture in errors.</summary>
    public const string ParameterName = "arch";

    /// <summary>amd64: 8-byte pointers and registers.</summary>
    public static GoArch Amd64 { get; } = new("amd64", 8, 8, 1L << 50, 64);

    /// <summary>386: 4-byte pointers and registers; 8-byte values align to 4.</summary>
    public static GoArch I386 { get; } = new("386", 4, 4, (1L << 32) - 1, 64);

    /// <summary>arm64: 8-byte pointers and registers.</summary>
    public static GoArch Arm64 { get; } = new("arm64", 8, 8, 1L << 50, 64);

    /// <summary>arm: 4-byte pointers and registers; 8-byte values align to 4.</summary>
    public static GoArch Arm { get; } = new("arm", 4, 4, (1L << 32) - 1, 32);

    /// <summary>The four architectures, in the order the kit lists them.</summary>
    public static IReadOnlyList<GoArch> All { get; } = [Amd64, I386, Arm64, Arm];

    /// <summary>The architecture named by GOARCH text (amd64, 386, arm64, arm).</summary>
    /// <exception cref="KitInputException">Any other name.</exception>
    public static GoArch Parse(string? name) =>
        All.FirstOrDefault(a => a.Name == name)
        ?? throw KitInputException.For($"must be one of {string.Join(", ", All.Select(a => a.Name))}, not \"{name}\"", parameter: ParameterName);

    public override string ToString() => Name;
}
