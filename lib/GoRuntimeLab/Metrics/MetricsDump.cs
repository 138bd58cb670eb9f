// Mirrors: the output of data/go/metricsdump (runtime/metrics.All and metrics.Read of every histogram in a real Go
// process), Go 1.19–1.23. Simplified: descriptions, histogram boundaries and totals only (no scalar values).
using System.Globalization;
using System.Text.Json;
using GoRuntimeLab.GoTool;
using GoRuntimeLab.IO;

namespace GoRuntimeLab.Metrics;

/// <summary>What a real Go runtime said about its metrics (a data/recordings/metrics recording or a live run).</summary>
/// <param name="GoVersion">runtime.Version(), e.g. go1.19.8.</param>
/// <param name="GcCycles">/gc/cycles/total:gc-cycles when the histograms were read.</param>
/// <param name="Metrics">metrics.All(), in Go's order (including /godebug/ counters on 1.21+).</param>
/// <param name="Histograms">Every histogram metric's boundaries and sample total.</param>
public sealed record MetricsDump(
    string GoVersion,
    ulong GcCycles,
    IReadOnlyList<MetricDescription> Metrics,
    IReadOnlyList<MetricsDumpHistogram> Histograms)
{
    /// <summary>Parses the program's JSON output.</summary>
    /// <exception cref="KitInputException">Not metricsdump output; the message names <paramref name="source"/>.</exception>
    public static MetricsDump Parse(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            var metrics = root.GetProperty("metrics").EnumerateArray().Select(e => new MetricDescription(
                Text(e.GetProperty("name")),
                MetricDescription.ParseKind(Text(e.GetProperty("kind"))),
                e.GetProperty("cumulative").GetBoolean(),
                Text(e.GetProperty("description")))).ToList();
            var hists = root.GetProperty("histograms").EnumerateArray().Select(e => new MetricsDumpHistogram(
                Text(e.GetProperty("name")),
                e.GetProperty("counts").GetInt32(),
                [.. e.GetProperty("buckets").EnumerateArray().Select(b => ParseGoFloat(Text(b)))],
                e.GetProperty("total").GetUInt64())).ToList();
            return new MetricsDump(Text(root.GetProperty("goVersion")), root.GetProperty("gcCycles").GetUInt64(), metrics, hists);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or OverflowException or KitInputException)
        {
            throw KitInputException.For($"not metricsdump output: {KitText.Excerpt(e.Message, 200)}", file: source);
        }
    }

    private static string Text(JsonElement e) =>
        e.ValueKind == JsonValueKind.String ? e.GetString()! : throw new FormatException($"expected a JSON string, found {e.ValueKind}");

    /// <summary>Reads a data/recordings/metrics recording.</summary>
    public static MetricsDump Read(string recordingPath)
    {
        var rec = GoRecording.Read(recordingPath);
        return Parse(rec.Stdout, recordingPath);
    }

    /// <summary>The histogram of that name.</summary>
    public MetricsDumpHistogram Histogram(string name) =>
        Histograms.FirstOrDefault(h => h.Name == name) ?? throw KitInputException.For($"no histogram \"{name}\" in the dump of {GoVersion}", parameter: "name");

    /// <summary>strconv.FormatFloat(b, 'g', -1, 64) text back to the float64 ("+Inf", "-Inf", "1e-09").</summary>
    public static double ParseGoFloat(string text) => text switch
    {
        "+Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"metricsdump of {GoVersion}: {Metrics.Count} metrics, {Histograms.Count} histograms, {GcCycles} GC cycles");
}
