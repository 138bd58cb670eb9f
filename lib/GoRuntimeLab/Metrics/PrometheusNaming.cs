// Mirrors: prometheus/client_golang prometheus/internal/go_runtime_metrics.go (RuntimeMetricsToProm,
// RuntimeMetricsBucketsForUnit, reBucketExp) and go_collector_latest.go (batchHistogram.update/Write), which is how
// the Go client turns runtime/metrics into Prometheus series. Simplified: no UTF-8 names (the classic charset only).
using System.Text;
using System.Text.RegularExpressions;

namespace GoRuntimeLab.Metrics;

/// <summary>
/// The Go Prometheus client's conventions for runtime/metrics: the series name (<c>/gc/heap/goal:bytes</c> →
/// <c>go_gc_heap_goal_bytes</c>; cumulative scalars get <c>_total</c>), the coarser buckets it exposes for
/// histograms, and the cumulative <c>le</c> buckets it writes.
/// </summary>
public static partial class PrometheusNaming
{
    [GeneratedRegex("^[a-zA-Z_:][a-zA-Z0-9_:]*$")]
    private static partial Regex ValidName();

    /// <summary>
    /// RuntimeMetricsToProm: "go" + the path with '/' and '-' turned into '_' + the unit ('-'/'*' → '_', '/' →
    /// "_per_") + "_total" for cumulative non-histograms. Null when the result is not a valid classic metric name.
    /// </summary>
    public static string? ToPrometheusName(MetricDescription description)
    {
        ArgumentNullException.ThrowIfNull(description);
        var path = description.Path;
        var unit = description.Unit;
        var key = path.TrimStart('/');
        var slash = key.LastIndexOf('/');
        // path.Dir / path.Base: the last element is the name, the rest the subsystem.
        var subsystem = slash < 0 ? "." : key[..slash];
        var name = slash < 0 ? key : key[(slash + 1)..];
        subsystem = subsystem.Replace('/', '_').Replace('-', '_');
        unit = unit.Replace('-', '_').Replace('*', '_').Replace("/", "_per_", StringComparison.Ordinal);
        name = name.Replace('-', '_') + "_" + unit;
        if (description.Cumulative && description.Kind != MetricKind.Float64Histogram) name += "_total";
        var full = "go_" + subsystem + "_" + name;
        return ValidName().IsMatch(full) ? full : null;
    }

    /// <summary>
    /// RuntimeMetricsBucketsForUnit: bytes histograms re-bucketed at powers of 2, seconds at powers of 10 with
    /// everything above 1 s merged into +Inf; other units unchanged. Boundaries stay in runtime/metrics form
    /// (inclusive lower bounds, -Inf kept when present).
    /// </summary>
    public static IReadOnlyList<double> BucketsForUnit(IReadOnlyList<double> buckets, string unit)
    {
        ArgumentNullException.ThrowIfNull(buckets);
        switch (unit)
        {
            case "bytes":
                return ReBucketExp(buckets, 2);
            case "seconds":
                var b = ReBucketExp(buckets, 10);
                for (var i = 0; i < b.Count; i++)
                {
                    if (b[i] <= 1) continue;
                    b[i] = double.PositiveInfinity;
                    b.RemoveRange(i + 1, b.Count - i - 1);
                    break;
                }

                return b;
            default:
                return [.. buckets];
        }
    }

    // reBucketExp: keep a boundary only once it is at least `base` times the last kept one (divided, for negatives).
    private static List<double> ReBucketExp(IReadOnlyList<double> buckets, double @base)
    {
        var list = buckets.ToList();
        var result = new List<double>();
        var bucket = list[0];
        if (double.IsNegativeInfinity(bucket))
        {
            result.Add(bucket);
            list.RemoveAt(0);
            bucket = list[0];
        }

        for (var i = 1; i < list.Count; i++)
        {
            if (bucket >= 0 && list[i] < bucket * @base) continue;
            if (bucket < 0 && list[i] < bucket / @base) continue;
            result.Add(bucket);
            bucket = list[i];
        }

        result.Add(bucket);
        return result;
    }

    /// <summary>
    /// batchHistogram.update + Write: folds <paramref name="histogram"/> into the coarser <paramref name="reduced"/>
    /// boundaries (from <see cref="BucketsForUnit"/>), then writes Prometheus buckets: inclusive upper bounds (the
    /// float just below each exclusive runtime/metrics bound), cumulative counts, total count, and the sum the Go
    /// client estimates (each count times its bucket's lower bound, -Inf bucket dropped — an underestimate).
    /// </summary>
    public static PrometheusHistogram ToPrometheus(Float64Histogram histogram, IReadOnlyList<double> reduced)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        ArgumentNullException.ThrowIfNull(reduced);
        var hb = reduced.ToList();
        if (hb.Count > 0 && double.IsNegativeInfinity(hb[0])) hb.RemoveAt(0); // Prometheus has no -Inf bucket
        if (hb.Count < 2) throw KitInputException.For("need at least two reduced boundaries", parameter: "reduced");
        var counts = new ulong[hb.Count - 1];
        var j = 0;
        var src = histogram.Buckets;
        for (var i = 0; i < histogram.Counts.Count; i++)
        {
            counts[j] += histogram.Counts[i];
            if (src[i + 1] == hb[j + 1]) j++;
            if (j >= counts.Length) break;
        }

        var bounds = new List<double>();
        var cumulative = new List<ulong>();
        ulong total = 0;
        double sum = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            total += counts[i];
            if (counts[i] != 0) sum += hb[i] * counts[i];
            if (double.IsPositiveInfinity(hb[i + 1])) break; // the +Inf bucket is implicit
            bounds.Add(Math.BitDecrement(hb[i + 1]));
            cumulative.Add(total);
        }

        for (var i = bounds.Count + 1; i < counts.Length; i++) total += counts[i];
        return new PrometheusHistogram(bounds, cumulative, total, sum, [.. hb]);
    }

    /// <summary>The names of a whole catalogue, as the Go client exposes them (invalid ones dropped).</summary>
    public static IEnumerable<string> Names(MetricCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        foreach (var d in catalog.All)
            if (ToPrometheusName(d) is { } n) yield return n;
    }

    /// <summary>Short text for a name mapping, e.g. for a notebook table.</summary>
    public static string Describe(MetricDescription d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var sb = new StringBuilder(d.Name).Append(" → ").Append(ToPrometheusName(d) ?? "(not exposable)");
        return sb.ToString();
    }
}
