// Mirrors: nothing in Go; a seeded draw of server time for the pool simulators.
using static System.FormattableString;

namespace GoRuntimeLab.NetPool;

/// <summary>A server-time distribution: constant, uniform or exponential. Draws use the simulator's seeded Random.</summary>
public sealed record LatencyDistribution
{
    private LatencyDistribution(LatencyKind kind, TimeSpan a, TimeSpan b)
    {
        Kind = kind;
        A = a;
        B = b;
    }

    /// <summary>The shape.</summary>
    public LatencyKind Kind { get; }

    /// <summary>Constant: the time; Uniform: the minimum; Exponential: the mean.</summary>
    public TimeSpan A { get; }

    /// <summary>Uniform: the maximum; otherwise equal to <see cref="A"/>.</summary>
    public TimeSpan B { get; }

    /// <summary>The mean server time.</summary>
    public TimeSpan Mean => Kind == LatencyKind.Uniform ? (A + B) / 2 : A;

    /// <summary>Every request takes <paramref name="time"/> (0 to 1 hour).</summary>
    public static LatencyDistribution Constant(TimeSpan time) => new(LatencyKind.Constant, Check(time, "latency"), time);

    /// <summary>Uniform between <paramref name="min"/> and <paramref name="max"/> (0 ≤ min ≤ max ≤ 1 hour).</summary>
    public static LatencyDistribution Uniform(TimeSpan min, TimeSpan max)
    {
        Check(min, "latencyMin");
        Check(max, "latencyMax");
        if (max < min) throw KitInputException.For(Invariant($"must not be below the minimum {min.TotalMilliseconds} ms (got {max.TotalMilliseconds} ms)"), parameter: "latencyMax");
        return new(LatencyKind.Uniform, min, max);
    }

    /// <summary>Exponential with mean <paramref name="mean"/> (0 to 1 hour).</summary>
    public static LatencyDistribution Exponential(TimeSpan mean) => new(LatencyKind.Exponential, Check(mean, "latency"), mean);

    /// <summary>One draw in nanoseconds.</summary>
    public long SampleNanoseconds(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var a = A.Ticks * 100L;
        var b = B.Ticks * 100L;
        return Kind switch
        {
            LatencyKind.Constant => a,
            LatencyKind.Uniform => a + (long)(random.NextDouble() * (b - a)),
            _ => (long)Math.Min(-Math.Log(1 - random.NextDouble()) * a, 100.0 * a),
        };
    }

    private static TimeSpan Check(TimeSpan value, string parameter) =>
        value >= TimeSpan.Zero && value <= TimeSpan.FromHours(1)
            ? value
            : throw KitInputException.For(Invariant($"must be 0 to 1 hour (got {value.TotalMilliseconds} ms)"), parameter: parameter);

    /// <inheritdoc/>
    public override string ToString() => Kind switch
    {
        LatencyKind.Constant => Invariant($"constant {A.TotalMilliseconds} ms"),
        LatencyKind.Uniform => Invariant($"uniform {A.TotalMilliseconds}–{B.TotalMilliseconds} ms"),
        _ => Invariant($"exponential, mean {A.TotalMilliseconds} ms"),
    };
}
