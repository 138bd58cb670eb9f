using GoRuntimeLab.IO;

namespace GoRuntimeLab.Tests.Robustness;

/// <summary>
/// One parser or loader under fuzzing: real recordings (<see cref="SeedFiles"/>, cut to <see cref="Seeds"/>) to mutate, how to parse a stream (with optional limits),
/// how to read a file by path, a plausible line for endless-stream tests, and what to do with a result (so the
/// result's own code — reports, summaries — runs on odd input too).
/// </summary>
internal sealed record FuzzTarget(
    string Name,
    string Extension,
    IReadOnlyList<string> SeedFiles,
    Func<Stream, string, KitReadLimits?, object> Parse,
    Func<string, object> ReadFile,
    byte[] PlausibleLine,
    Action<object, string> Use)
{
    /// <summary>Bytes sent before the endless plausible lines (a recording's header).</summary>
    public byte[] EndlessPrefix { get; init; } = [];

    /// <summary>The most bytes of a seed file kept for mutating (cut at a line end), so 1000 mutations stay fast.</summary>
    public int MaxSeedBytes { get; init; } = 12 * 1024;

    /// <summary>Further seeds made by the test (e.g. uncompressed profiles, a 2,000-frame stack).</summary>
    public Func<IEnumerable<byte[]>> MoreSeeds { get; init; } = () => [];

    /// <summary>The seed files' bytes, cut after <see cref="MaxSeedBytes"/> at a line end, then <see cref="MoreSeeds"/>.</summary>
    public IReadOnlyList<byte[]> Seeds => _seeds ??= [.. SeedFiles.Select(f =>
    {
        var bytes = File.ReadAllBytes(f);
        if (bytes.Length <= MaxSeedBytes) return bytes;
        var cut = Array.LastIndexOf(bytes, (byte)'\n', MaxSeedBytes);
        return bytes[..(cut + 1)];
    }), .. MoreSeeds()];

    private IReadOnlyList<byte[]>? _seeds;

    public override string ToString() => Name;
}
