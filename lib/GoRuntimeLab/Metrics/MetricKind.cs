// Mirrors: runtime/metrics/value.go (ValueKind: KindUint64, KindFloat64, KindFloat64Histogram), Go 1.19–1.23.
// Simplified: KindBad (the kind of an unknown name) is not a member; an unknown name is an error here instead.
namespace GoRuntimeLab.Metrics;

/// <summary>The kind of value a runtime/metrics metric has (<c>metrics.ValueKind</c>).</summary>
// CA1720: the members are Go's own kind names (metrics.KindUint64, KindFloat64); readers look for those words.
#pragma warning disable CA1720
public enum MetricKind
{
    /// <summary><c>KindUint64</c>: a counter or gauge in whole units (bytes, objects, cycles).</summary>
    Uint64 = 1,

    /// <summary><c>KindFloat64</c>: e.g. CPU seconds, mutex wait seconds.</summary>
    Float64 = 2,

    /// <summary><c>KindFloat64Histogram</c>: a <see cref="Float64Histogram"/> (pauses, latencies, sizes).</summary>
    Float64Histogram = 3,
}
#pragma warning restore CA1720
