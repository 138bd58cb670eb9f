// Mirrors: nothing in Go; reads the golab recordings of data/go/poolprobe (data/recordings/netpool/*.txt).
using System.Globalization;
using System.Text.Json;
using GoRuntimeLab.GoTool;

namespace GoRuntimeLab.NetPool;

/// <summary>The cases of one poolprobe recording, or of a live run's stdout.</summary>
public static class PoolProbeRecording
{
    /// <summary>Reads a recording file (the kit's golab-recording format) and parses its stdout.</summary>
    /// <exception cref="KitInputException">Not a recording, not of data/go/poolprobe, or a line is not a case.</exception>
    public static IReadOnlyList<PoolProbeCase> Read(string path)
    {
        var recording = GoRecording.Read(path);
        if (!recording.Program.Replace('\\', '/').TrimEnd('/').EndsWith("poolprobe", StringComparison.Ordinal))
            throw KitInputException.For($"this recording is of {recording.Program}, not of data/go/poolprobe", parameter: "path", file: path);
        return Parse(recording.Stdout, path);
    }

    /// <summary>Parses a poolprobe recording from a stream (the kit's golab-recording format).</summary>
    public static IReadOnlyList<PoolProbeCase> Parse(Stream stream, string sourceName, GoRuntimeLab.IO.KitReadLimits? limits = null) =>
        Parse(GoRecording.Parse(stream, sourceName, limits).Stdout, sourceName);

    /// <summary>Parses poolprobe's stdout: one JSON object per line (blank lines skipped).</summary>
    /// <exception cref="KitInputException">A line is not a poolprobe case; names <paramref name="sourceName"/> and the line.</exception>
    public static IReadOnlyList<PoolProbeCase> Parse(string stdout, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        var cases = new List<PoolProbeCase>();
        var lines = stdout.Split('\n');
        for (var n = 0; n < lines.Length; n++)
        {
            var line = lines[n].Trim();
            if (line.Length == 0) continue;
            try
            {
                using var doc = JsonDocument.Parse(line);
                cases.Add(FromJson(doc.RootElement));
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw KitInputException.For($"not a poolprobe case: {IO.KitText.Excerpt(e.Message, 200)}", parameter: "stdout", file: sourceName, line: n + 1);
            }
        }
        return cases;
    }

    private static PoolProbeCase FromJson(JsonElement e)
    {
        var mode = e.GetProperty("mode").GetString() ?? throw new FormatException("mode is null");
        if (mode is not ("http" or "sql")) throw new FormatException($"mode must be http or sql, not {mode}");
        int Int(string name) => e.TryGetProperty(name, out var v) ? v.GetInt32() : 0;
        long Long(string name) => e.TryGetProperty(name, out var v) ? v.GetInt64() : 0;
        double Dbl(string name) => e.TryGetProperty(name, out var v) ? v.GetDouble() : 0;
        var concurrency = e.GetProperty("concurrency").GetInt32();
        var requests = e.GetProperty("requests").GetInt32();
        if (concurrency < 1 || requests < 1) throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"concurrency {concurrency} and requests {requests} must be positive"));
        foreach (var (name, max) in new[] { ("latencyMs", 3_600_000.0), ("thinkMs", 3_600_000.0), ("staggerMs", 3_600_000.0), ("dialMeanUs", 3_600_000_000.0) })
            if (Dbl(name) is var v && !(v >= 0 && v <= max))
                throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"{name} must be 0 to {max} (got {v})"));
        int? maxIdle = e.TryGetProperty("maxIdle", out var mi) && mi.ValueKind == JsonValueKind.Number ? mi.GetInt32() : null;
        return new PoolProbeCase(mode, e.GetProperty("pattern").GetString() ?? "loop", concurrency, requests, Dbl("latencyMs"), Dbl("thinkMs"),
            Dbl("staggerMs"), !e.TryGetProperty("closeBody", out var cb) || cb.GetBoolean(), Int("maxIdleConnsPerHost"), Int("accepted"),
            Int("gotConnNew"), Int("gotConnReused"), Dbl("dialMeanUs"), Int("maxOpen"), maxIdle, Int("driverOpens"), Long("waitCount"),
            Long("maxIdleClosed"), Int("idleAtEnd"), Dbl("p50Ms"), Dbl("p99Ms"), e.TryGetProperty("go", out var g) ? g.GetString() ?? "" : "");
    }
}
