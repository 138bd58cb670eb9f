// Mirrors: nothing in Go; reads what data/go/chantrace prints: its Go version, GOMAXPROCS, workload, the trace file it
// wrote, and the non-empty buckets of runtime/metrics /sched/latencies:seconds (runtime/metrics description.go;
// filled by proc.go casgstatus, which times only every 8th transition out of _Grunning per goroutine: gTrackingPeriod
// in runtime2.go, Go 1.17–1.23) counted while the trace was on.
// Simplified: none.
using System.Globalization;
using GoRuntimeLab.IO;

namespace GoRuntimeLab.Trace.Views;

/// <summary>One run of data/go/chantrace: where its trace is, and the runtime's own scheduling-latency histogram of the traced window.</summary>
public sealed record ChantraceOutput(string Go, int Procs, string Workload, string TracePath, long TraceBytes, IReadOnlyList<LatencyBucket> Latency)
{
    /// <summary>runtime/metrics samples one in this many transitions out of running per goroutine (runtime2.go gTrackingPeriod).</summary>
    public const int TrackingPeriod = 8;

    /// <summary>Values counted in the metric's histogram.</summary>
    public long LatencyCount => Latency.Sum(b => b.Count);

    /// <summary>Parses the program's standard output; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="KitInputException">A line that is not one of the program's, or a required line missing; names the line.</exception>
    public static ChantraceOutput Parse(string stdout, string source)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(source);
        string? go = null, workload = null, trace = null;
        int? procs = null;
        long bytes = 0;
        var buckets = new List<LatencyBucket>();
        var lines = stdout.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Length == 0) continue;
            var f = line.Split(' ');
            KitInputException Bad(string why) => KitInputException.For($"{why}: \"{KitText.Excerpt(line, 120)}\"", parameter: "stdout", file: source, line: i + 1);
            switch (f[0])
            {
                case "go" when f.Length == 2:
                    go = f[1];
                    break;
                case "gomaxprocs" when f.Length == 2:
                    procs = int.TryParse(f[1], NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p >= 1 ? p : throw Bad("GOMAXPROCS must be a positive integer");
                    break;
                case "workload" when f.Length == 2:
                    workload = f[1];
                    break;
                case "trace" when f.Length == 3:
                    trace = f[1];
                    bytes = long.TryParse(f[2], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : throw Bad("the trace size must be a byte count");
                    break;
                case "latency" when f.Length == 4:
                    {
                        if (!double.TryParse(f[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var lo)
                            || !double.TryParse(f[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var hi) || !(lo < hi))
                            throw Bad("bucket bounds must be two increasing numbers of seconds");
                        if (!long.TryParse(f[3], NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1)
                            throw Bad("the bucket count must be a positive integer");
                        if (buckets.Count > 0 && lo < buckets[^1].UpperSeconds) throw Bad("buckets must be in increasing order");
                        buckets.Add(new LatencyBucket(lo, hi, count));
                        break;
                    }
                default:
                    throw Bad("not a line chantrace prints (go, gomaxprocs, workload, trace, latency)");
            }
        }
        if (go is null || procs is null || workload is null || trace is null)
            throw KitInputException.For("the go, gomaxprocs, workload and trace lines are all required", parameter: "stdout", file: source);
        return new ChantraceOutput(go, procs.Value, workload, trace, bytes, buckets);
    }
}
