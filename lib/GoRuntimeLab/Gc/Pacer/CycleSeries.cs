// Mirrors: runtime/mgcpacer_test.go (float64Stream: constant, unit, oscillate, ramp, random, delay, scale, offset, sum,
// quantize, min, max, limit), Go 1.19–1.23. Simplified: nothing; each stream is a stateful generator like Go's closure.
namespace GoRuntimeLab.Gc.Pacer;

/// <summary>
/// Go's float64Stream: an infinite series of doubles, one per GC cycle, with TestGcPacer's generators and modifiers. Streams are
/// stateful (calling <see cref="Next"/> advances them), so build a fresh one for each run.
/// </summary>
public sealed class CycleSeries
{
    private readonly Func<double> _next;

    private CycleSeries(Func<double> next, string description)
    {
        _next = next;
        Description = description;
    }

    /// <summary>How the stream was built, in Go's notation (e.g. "constant(2).sum(ramp(-1, 12))").</summary>
    public string Description { get; }

    /// <summary>The next value (advances the stream).</summary>
    public double Next() => _next();

    /// <summary>constant(c): c forever.</summary>
    public static CycleSeries Constant(double c) => new(() => c, $"constant({G(c)})");

    /// <summary>unit(amp): amp once, then zeros (a Kronecker delta).</summary>
    public static CycleSeries Unit(double amp)
    {
        var dropped = false;
        return new(() =>
        {
            if (dropped) return 0;
            dropped = true;
            return amp;
        }, $"unit({G(amp)})");
    }

    /// <summary>oscillate(amp, phase, period): sin(2π·k/period + phase)·amp with Go's math.Sin.</summary>
    public static CycleSeries Oscillate(double amp, double phase, int period)
    {
        var cycle = 0;
        return new(() =>
        {
            var p = (double)cycle / period * 2 * Math.PI + phase;
            cycle++;
            if (cycle == period) cycle = 0;
            return GoMath.Sin(p) * amp;
        }, $"oscillate({G(amp)}, {G(phase)}, {period})");
    }

    /// <summary>ramp(height, length): height·k/length for k = 0..length, then height.</summary>
    public static CycleSeries Ramp(double height, int length)
    {
        var cycle = 0;
        return new(() =>
        {
            var h = height * cycle / length;
            if (cycle < length) cycle++;
            return h;
        }, $"ramp({G(height)}, {length})");
    }

    /// <summary>random(amp, seed): ((r.Float64()-0.5)·2)·amp with r = rand.New(rand.NewSource(seed)).</summary>
    public static CycleSeries Random(double amp, long seed)
    {
        var r = GoRand.GoRandom.New(seed);
        return new(() => (r.Float64() - 0.5) * 2 * amp, $"random({G(amp)}, 0x{seed:x})");
    }

    /// <summary>delay(cycles): zeros for <paramref name="cycles"/> steps, then this stream.</summary>
    public CycleSeries Delay(int cycles)
    {
        var zeroes = 0;
        return new(() =>
        {
            if (zeroes < cycles)
            {
                zeroes++;
                return 0;
            }

            return _next();
        }, $"{Description}.delay({cycles})");
    }

    /// <summary>scale(amt): this stream times amt.</summary>
    public CycleSeries Scale(double amt) => new(() => _next() * amt, $"{Description}.scale({G(amt)})");

    /// <summary>offset(amt): this stream plus amt.</summary>
    public CycleSeries Offset(double amt) => new(() => _next() + amt, $"{Description}.offset({G(amt)})");

    /// <summary>sum(fs...): this stream plus each of <paramref name="others"/>, evaluated left to right.</summary>
    public CycleSeries Sum(params CycleSeries[] others)
    {
        ArgumentNullException.ThrowIfNull(others);
        return new(() =>
        {
            var sum = _next();
            foreach (var s in others) sum += s.Next();
            return sum;
        }, $"{Description}.sum({string.Join(", ", others.Select(o => o.Description))})");
    }

    /// <summary>quantize(mult): rounded toward zero to a multiple of mult.</summary>
    public CycleSeries Quantize(double mult) => new(() =>
    {
        var r = _next() / mult;
        return r < 0 ? Math.Ceiling(r) * mult : Math.Floor(r) * mult;
    }, $"{Description}.quantize({G(mult)})");

    /// <summary>min(m): values below m become m (math.Max).</summary>
    public CycleSeries Min(double min) => new(() => GoMax(min, _next()), $"{Description}.min({G(min)})");

    /// <summary>max(m): values above m become m (math.Min).</summary>
    public CycleSeries Max(double max) => new(() => GoMin(max, _next()), $"{Description}.max({G(max)})");

    /// <summary>limit(min, max): clamped to [min, max].</summary>
    public CycleSeries Limit(double min, double max) => new(() =>
    {
        var v = _next();
        if (v < min) v = min;
        else if (v > max) v = max;
        return v;
    }, $"{Description}.limit({G(min)}, {G(max)})");

    // math.Max/math.Min: NaN wins, then +Inf/-Inf, and Max(+0,-0) = +0 — the same as .NET's Math.Max/Min.
    private static double GoMax(double x, double y) => Math.Max(x, y);

    private static double GoMin(double x, double y) => Math.Min(x, y);

    private static string G(double d) => d.ToString("G", System.Globalization.CultureInfo.InvariantCulture);

    public override string ToString() => Description;
}
