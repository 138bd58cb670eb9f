// Mirrors: nothing in Go; an I/O helper of the kit. Each reader documents its own limits (real files are far smaller).
using System.Globalization;

namespace GoRuntimeLab.IO;

/// <summary>
/// How much of a file a reader accepts. Each parser publishes its limits as a constant sized from what real Go
/// tools write (e.g. a gctrace log of a long run is a few MiB; the kit accepts 64 MiB), so a wrong file, an endless
/// stream or a gzip bomb is refused early with a <see cref="KitInputLimitException"/> instead of filling memory.
/// </summary>
/// <param name="What">What the file is, for messages ("gctrace log", "pprof profile").</param>
/// <param name="MaxBytes">The most bytes read from the file (compressed bytes, for a gzip file).</param>
/// <param name="MaxLineChars">The longest line a text reader accepts, in characters.</param>
public sealed record KitReadLimits(string What, long MaxBytes, int MaxLineChars = KitReadLimits.DefaultMaxLineChars)
{
    /// <summary>1 Mi characters: far beyond any line a Go tool prints (gctrace ~150, -m=2 a few hundred).</summary>
    public const int DefaultMaxLineChars = 1 << 20;

    /// <summary>The most bytes a gzip stream may decompress to (0: the same as <see cref="MaxBytes"/>).</summary>
    public long MaxDecompressedBytes { get; init; }

    /// <summary>
    /// The highest decompressed/compressed ratio accepted beyond <see cref="RatioSlackBytes"/>: real profiles compress
    /// 2–10×, a gzip bomb about 1000×.
    /// </summary>
    public int MaxCompressionRatio { get; init; } = 64;

    /// <summary>Decompressed bytes always allowed whatever the ratio, so tiny files are never refused for it.</summary>
    public long RatioSlackBytes { get; init; } = 1 << 20;

    /// <summary>The effective decompressed-size limit.</summary>
    public long DecompressedLimit => MaxDecompressedBytes > 0 ? MaxDecompressedBytes : MaxBytes;

    /// <summary>"64 MiB", "512 KiB", "100 bytes".</summary>
    public static string Size(long bytes) => bytes switch
    {
        >= 1L << 30 when bytes % (1L << 30) == 0 => string.Create(CultureInfo.InvariantCulture, $"{bytes >> 30} GiB"),
        >= 1L << 20 when bytes % (1L << 20) == 0 => string.Create(CultureInfo.InvariantCulture, $"{bytes >> 20} MiB"),
        >= 1L << 10 when bytes % (1L << 10) == 0 => string.Create(CultureInfo.InvariantCulture, $"{bytes >> 10} KiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"),
    };
}
