// Mirrors: nothing in Go; the stdout of data/go/gateway (its load phase's latency percentiles and the deltas of
// runtime.MemStats TotalAlloc, Mallocs, NumGC and PauseTotalNs, runtime/mstats.go, Go 1.19–1.23).
using System.Globalization;

namespace GoRuntimeLab.Gateway;

/// <summary>What one run of data/go/gateway printed about its load phase.</summary>
/// <param name="Pool">The JSON buffer came from a sync.Pool (-pool) rather than new per request.</param>
/// <param name="Requests">Requests issued (-n).</param>
/// <param name="Concurrency">Concurrent clients (-c).</param>
/// <param name="Items">Items in each response (-items).</param>
/// <param name="Procs">GOMAXPROCS.</param>
/// <param name="GoVersion">runtime.Version(), e.g. go1.19.8.</param>
/// <param name="ElapsedNs">Wall time of the load phase (ns).</param>
/// <param name="Latencies">p50, p90, p99, p999, max.</param>
/// <param name="TotalAllocBytes">MemStats.TotalAlloc grew by this during the load (bytes).</param>
/// <param name="Mallocs">MemStats.Mallocs grew by this.</param>
/// <param name="NumGc">MemStats.NumGC grew by this: GC cycles completed during the load.</param>
/// <param name="HeapAllocAfterBytes">MemStats.HeapAlloc after the load.</param>
/// <param name="PauseTotalNs">MemStats.PauseTotalNs grew by this.</param>
/// <param name="Gogc">The effective GOGC (debug.SetGCPercent read back).</param>
public sealed record GatewayRun(
    bool Pool, int Requests, int Concurrency, int Items, int Procs, string GoVersion, long ElapsedNs,
    IReadOnlyList<LatencyPercentile> Latencies, long TotalAllocBytes, long Mallocs, int NumGc, long HeapAllocAfterBytes,
    long PauseTotalNs, int Gogc)
{
    /// <summary>"pool" or "nopool".</summary>
    public string Variant => Pool ? "pool" : "nopool";

    /// <summary>Load-phase duration in seconds.</summary>
    public double ElapsedSeconds => ElapsedNs / 1e9;

    /// <summary>Requests per second of the load phase.</summary>
    public double RequestsPerSecond => Requests / ElapsedSeconds;

    /// <summary>Bytes allocated per request (exact: MemStats counts every allocation).</summary>
    public double AllocBytesPerRequest => (double)TotalAllocBytes / Requests;

    /// <summary>Heap allocations (objects) per request.</summary>
    public double MallocsPerRequest => (double)Mallocs / Requests;

    /// <summary>Allocation rate of the load phase (bytes/s).</summary>
    public double AllocBytesPerSecond => TotalAllocBytes / ElapsedSeconds;

    /// <summary>GC cycles per second of the load phase.</summary>
    public double GcPerSecond => NumGc / ElapsedSeconds;

    /// <summary>GC cycles per 1000 requests: the GC rate independent of how fast the (shared) machine ran.</summary>
    public double GcPerThousandRequests => NumGc * 1000.0 / Requests;

    /// <summary>The latency at <paramref name="name"/> (p50, p90, p99, p999, max) in µs.</summary>
    /// <exception cref="KitInputException">No such percentile.</exception>
    public double Latency(string name) =>
        Latencies.FirstOrDefault(l => l.Name == name)?.Microseconds
        ?? throw KitInputException.For($"must be one of {string.Join(", ", Latencies.Select(l => l.Name))}, not \"{name}\"", parameter: nameof(name));

    private static readonly (string Name, double Q)[] Quantiles = [("p50", 0.5), ("p90", 0.9), ("p99", 0.99), ("p999", 0.999), ("max", 1)];

    /// <summary>Parses data/go/gateway's stdout.</summary>
    /// <exception cref="KitInputException">A line is missing or malformed; names <paramref name="sourceName"/> and the line.</exception>
    public static GatewayRun Parse(string stdout, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        var lines = stdout.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var header = Array.FindIndex(lines, l => l.StartsWith("gateway ", StringComparison.Ordinal));
        if (header < 0) throw KitInputException.For("no \"gateway pool=…\" line: not the output of data/go/gateway", parameter: "stdout", file: sourceName);
        var head = new Dictionary<string, string>(StringComparer.Ordinal);
        string? go = null;
        foreach (var word in lines[header].Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1))
        {
            var eq = word.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0) head[word[..eq]] = word[(eq + 1)..];
            else go = word;
        }
        var values = new Dictionary<string, (string Value, int Line)>(StringComparer.Ordinal);
        for (var i = header + 1; i < lines.Length; i++)
        {
            var parts = lines[i].Trim().Split(' ');
            if (parts.Length == 2) values[parts[0]] = (parts[1], i + 1);
        }

        string Head(string key) => head.TryGetValue(key, out var v) ? v
            : throw KitInputException.For($"the gateway line has no {key}=", parameter: "stdout", file: sourceName, line: header + 1);
        int HeadInt(string key) => int.TryParse(Head(key), NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v > 0 ? v
            : throw KitInputException.For($"{key}={Head(key)} is not a positive integer", parameter: "stdout", file: sourceName, line: header + 1);
        double Number(string key)
        {
            if (!values.TryGetValue(key, out var v))
                throw KitInputException.For($"no \"{key}\" line", parameter: "stdout", file: sourceName);
            if (!double.TryParse(v.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) || d < 0 || double.IsInfinity(d))
                throw KitInputException.For($"{key} {v.Value} is not a number ≥ 0", parameter: "stdout", file: sourceName, line: v.Line);
            return d;
        }
        long Whole(string key) => Number(key) is var d && d <= long.MaxValue / 2 && d == Math.Floor(d) ? (long)d
            : throw KitInputException.For($"{key} must be a whole number", parameter: "stdout", file: sourceName, line: values[key].Line);

        var pool = Head("pool") switch
        {
            "true" => true,
            "false" => false,
            var p => throw KitInputException.For($"pool={p} is not true or false", parameter: "stdout", file: sourceName, line: header + 1),
        };
        var elapsed = Whole("elapsed-ns");
        if (elapsed == 0) throw KitInputException.For("elapsed-ns is 0", parameter: "stdout", file: sourceName, line: values["elapsed-ns"].Line);
        var numGc = Whole("num-gc");
        if (numGc > int.MaxValue) throw KitInputException.For("num-gc is too large", parameter: "stdout", file: sourceName, line: values["num-gc"].Line);
        var gogc = values.TryGetValue("gogc", out var g) && int.TryParse(g.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var gv) ? gv
            : throw KitInputException.For("no \"gogc N\" line", parameter: "stdout", file: sourceName);
        return new GatewayRun(
            pool, HeadInt("requests"), HeadInt("concurrency"), HeadInt("items"), HeadInt("GOMAXPROCS"),
            go ?? throw KitInputException.For("the gateway line has no Go version", parameter: "stdout", file: sourceName, line: header + 1),
            elapsed,
            [.. Quantiles.Select(q => new LatencyPercentile(q.Name, q.Q, Number($"latency-{q.Name}-us")))],
            Whole("total-alloc-bytes"), Whole("mallocs"), (int)numGc, Whole("heap-alloc-after-bytes"), Whole("gc-pause-total-ns"), gogc);
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"gateway {Variant} {GoVersion}: {Requests} requests in {ElapsedSeconds:0.###} s, {AllocBytesPerRequest:0} B/request, {NumGc} GC ({GcPerThousandRequests:0.##} per 1000 requests), p50 {Latency("p50")} µs, p99 {Latency("p99")} µs");
}
