// Mirrors: runtime/metrics/histogram.go (Float64Histogram{Counts, Buckets} and its documented invariants), Go 1.19–1.23.
// Simplified: immutable (Go's slices are read-only by contract); the percentile helpers are the kit's, not Go's.
using System.Globalization;

namespace GoRuntimeLab.Metrics;

/// <summary>
/// A runtime/metrics histogram: <c>Counts[i]</c> is the weight of <c>[Buckets[i], Buckets[i+1])</c>, so there is one
/// more boundary than counts; boundaries strictly increase; only the first may be -Inf and only the last +Inf.
/// The constructor checks these invariants (Go documents them; it does not check them).
/// </summary>
public sealed class Float64Histogram
{
    private readonly ulong[] _counts;
    private readonly double[] _buckets;

    /// <summary>Builds a histogram, checking Go's invariants.</summary>
    /// <exception cref="KitInputException">The counts and boundaries break an invariant; the message says which.</exception>
    public Float64Histogram(IEnumerable<ulong> counts, IEnumerable<double> buckets)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(buckets);
        _counts = [.. counts];
        _buckets = [.. buckets];
        // "len(Buckets) != 1, always": two boundaries describe one bucket, zero describe none.
        if (_buckets.Length == 1) throw KitInputException.For("a single boundary describes no bucket", parameter: "buckets");
        if (_buckets.Length != 0 && _counts.Length != _buckets.Length - 1)
            throw KitInputException.For(
                string.Create(CultureInfo.InvariantCulture, $"{_counts.Length} counts need {_counts.Length + 1} boundaries, not {_buckets.Length}"),
                parameter: "buckets");
        if (_buckets.Length == 0 && _counts.Length != 0)
            throw KitInputException.For("counts without boundaries", parameter: "buckets");
        for (var i = 0; i < _buckets.Length; i++)
        {
            var b = _buckets[i];
            if (double.IsNaN(b)) throw KitInputException.For(Fmt($"boundary {i} is NaN"), parameter: "buckets");
            if (double.IsNegativeInfinity(b) && i != 0) throw KitInputException.For(Fmt($"-Inf may only be the first boundary (found at {i})"), parameter: "buckets");
            if (double.IsPositiveInfinity(b) && i != _buckets.Length - 1) throw KitInputException.For(Fmt($"+Inf may only be the last boundary (found at {i})"), parameter: "buckets");
            if (i > 0 && !(b > _buckets[i - 1])) throw KitInputException.For(Fmt($"boundaries must increase: [{i - 1}]={_buckets[i - 1]:R}, [{i}]={b:R}"), parameter: "buckets");
        }
    }

    /// <summary>Weights per bucket.</summary>
    public IReadOnlyList<ulong> Counts => _counts;

    /// <summary>Boundaries, one more than <see cref="Counts"/>.</summary>
    public IReadOnlyList<double> Buckets => _buckets;

    /// <summary>Sum of all counts (the number of samples).</summary>
    public ulong Total
    {
        get
        {
            ulong t = 0;
            foreach (var c in _counts) t += c;
            return t;
        }
    }

    /// <summary>
    /// The bucket that holds the <paramref name="q"/>-quantile sample (0 &lt; q ≤ 1): the first bucket whose cumulative
    /// count reaches ⌈q·Total⌉. Null when the histogram is empty.
    /// </summary>
    public (double Lower, double Upper, int Index)? QuantileBucket(double q)
    {
        if (!(q > 0 && q <= 1)) throw KitInputException.For(Fmt($"quantile must be in (0, 1], not {q}"), parameter: "q");
        var total = Total;
        if (total == 0) return null;
        var rank = (ulong)Math.Ceiling(q * total);
        if (rank == 0) rank = 1;
        ulong cum = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            cum += _counts[i];
            if (cum >= rank) return (_buckets[i], _buckets[i + 1], i);
        }

        throw new InvalidOperationException("unreachable: rank ≤ total");
    }

    /// <summary>
    /// An estimate of the <paramref name="q"/>-quantile (0 &lt; q ≤ 1), interpolating linearly inside the bucket that
    /// holds it as Prometheus' histogram_quantile does; a bucket reaching ±Inf answers with its finite bound. NaN
    /// when empty. Percentile(99) is Quantile(0.99).
    /// </summary>
    public double Quantile(double q)
    {
        var hit = QuantileBucket(q);
        if (hit is not { } h) return double.NaN;
        if (double.IsPositiveInfinity(h.Upper)) return h.Lower;
        if (double.IsNegativeInfinity(h.Lower)) return h.Upper;
        ulong before = 0;
        for (var i = 0; i < h.Index; i++) before += _counts[i];
        var inBucket = _counts[h.Index];
        var rank = q * Total - before;
        return h.Lower + (h.Upper - h.Lower) * Math.Clamp(rank / inBucket, 0, 1);
    }

    /// <summary>The <paramref name="percent"/>-th percentile (0 &lt; p ≤ 100): <c>Quantile(percent / 100)</c>.</summary>
    public double Percentile(double percent) => Quantile(percent / 100);

    /// <summary>The counts minus an earlier snapshot of the same metric (same boundaries): what happened in between.</summary>
    public Float64Histogram Minus(Float64Histogram earlier)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        if (!earlier._buckets.AsSpan().SequenceEqual(_buckets))
            throw KitInputException.For("the histograms have different boundaries", parameter: "earlier");
        var counts = new ulong[_counts.Length];
        for (var i = 0; i < counts.Length; i++)
        {
            if (earlier._counts[i] > _counts[i])
                throw KitInputException.For(Fmt($"bucket {i} shrank ({earlier._counts[i]} → {_counts[i]}): not an earlier snapshot"), parameter: "earlier");
            counts[i] = _counts[i] - earlier._counts[i];
        }

        return new Float64Histogram(counts, _buckets);
    }

    /// <summary>The non-empty buckets: (lower, upper, count).</summary>
    public IEnumerable<(double Lower, double Upper, ulong Count)> NonEmpty()
    {
        for (var i = 0; i < _counts.Length; i++)
            if (_counts[i] != 0) yield return (_buckets[i], _buckets[i + 1], _counts[i]);
    }

    /// <inheritdoc/>
    public override string ToString()
    {
        if (_buckets.Length == 0) return "Float64Histogram (no buckets)";
        var total = Total;
        var s = Fmt($"Float64Histogram: {_counts.Length} buckets [{_buckets[0]:G4}, {_buckets[^1]:G4}), {total} samples");
        return total == 0 ? s : s + Fmt($", p50 ≈ {Quantile(0.5):G4}, p99 ≈ {Quantile(0.99):G4}");
    }

    private static string Fmt(FormattableString f) => f.ToString(CultureInfo.InvariantCulture);
}
