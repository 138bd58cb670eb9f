// Mirrors: runtime/mgc.go (gcMarkTermination's gctrace print, fmtNSAsMS, itoaDiv), Go 1.19–1.23 (identical code).
// Simplified: formats given values; the runtime's own bookkeeping that produces them is modelled elsewhere.
using System.Globalization;
using System.Text;

namespace GoRuntimeLab.Gc.Trace;

/// <summary>Prints a gctrace line exactly as the Go runtime does.</summary>
public static class GcTraceFormatter
{
    /// <summary>The line Go prints for <paramref name="cycle"/> (without the final "\n").</summary>
    /// <exception cref="KitInputException">Timestamps out of order, a negative CPU time, a bad fraction, or only one of stacks/globals.</exception>
    public static string Format(GcTraceCycle cycle)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        Validate(cycle);
        // util := int(memstats.gc_cpu_fraction * 100): Go's float→int conversion truncates toward zero, as C#'s does.
        var util = (long)(cycle.CpuFraction * 100);
        var s = new StringBuilder(160);
        s.Append("gc ").Append(cycle.Number.ToString(CultureInfo.InvariantCulture))
            .Append(" @").Append(ItoaDiv((ulong)(cycle.SweepTermStart - cycle.RuntimeInitTime) / 1_000_000, 3)).Append("s ")
            .Append(util.ToString(CultureInfo.InvariantCulture)).Append("%: ");
        // Clock: the three phase durations, each the difference of consecutive timestamps.
        s.Append(FormatNsAsMs(cycle.MarkStart - cycle.SweepTermStart)).Append('+')
            .Append(FormatNsAsMs(cycle.MarkTermStart - cycle.MarkStart)).Append('+')
            .Append(FormatNsAsMs(cycle.End - cycle.MarkTermStart)).Append(" ms clock, ");
        // CPU: STW1 + assist / background / idle + STW2 — "Separate mark time components with /".
        s.Append(FormatNsAsMs(cycle.SweepTermCpu)).Append('+')
            .Append(FormatNsAsMs(cycle.AssistTime)).Append('/')
            .Append(FormatNsAsMs(cycle.BackgroundMarkTime)).Append('/')
            .Append(FormatNsAsMs(cycle.IdleMarkTime)).Append('+')
            .Append(FormatNsAsMs(cycle.MarkTermCpu)).Append(" ms cpu, ");
        // Heap sizes are printed as bytes>>20: truncated MiB, labelled "MB".
        s.Append(Mb(cycle.Heap0)).Append("->").Append(Mb(cycle.Heap1)).Append("->").Append(Mb(cycle.Heap2)).Append(" MB, ")
            .Append(Mb(cycle.HeapGoal)).Append(" MB goal, ");
        if (cycle.StackScan is { } stacks && cycle.GlobalsScan is { } globals)
            s.Append(Mb(stacks)).Append(" MB stacks, ").Append(Mb(globals)).Append(" MB globals, ");
        s.Append(cycle.MaxProcs.ToString(CultureInfo.InvariantCulture)).Append(" P");
        if (cycle.UserForced) s.Append(" (forced)");
        return s.ToString();
    }

    /// <summary>
    /// Go's fmtNSAsMS: ≥ 10 ms as whole ms; otherwise two significant digits with at most three decimals
    /// (so below 1 µs it is "0"). Digits are truncated, never rounded: 9 999 999 ns prints "9.9".
    /// </summary>
    /// <exception cref="KitInputException"><paramref name="ns"/> is negative (Go would print a wrapped uint64).</exception>
    public static string FormatNsAsMs(long ns)
    {
        if (ns < 0) throw KitInputException.For($"must not be negative, got {ns}", parameter: nameof(ns));
        var u = (ulong)ns;
        if (u >= 10_000_000)
            return ItoaDiv(u / 1_000_000, 0); // Format as whole milliseconds.
        // Format two digits of precision, with at most three decimal places.
        var x = u / 1_000;
        if (x == 0) return "0";
        var dec = 3;
        while (x >= 100)
        {
            x /= 10;
            dec--;
        }
        return ItoaDiv(x, dec);
    }

    /// <summary>
    /// Go's itoaDiv: val/10^dec in decimal, with exactly <paramref name="dec"/> digits after the point. Ported
    /// digit by digit (fills a buffer from the right), including its quirk: with dec 0 a one-digit value gains a
    /// leading "0" — never reached from fmtNSAsMS, whose dec-0 values are ≥ 10. The "@" time is
    /// ItoaDiv(ms, 3).
    /// </summary>
    /// <exception cref="KitInputException"><paramref name="dec"/> outside 0–19 (Go's 24-byte buffer).</exception>
    public static string ItoaDiv(ulong val, int dec)
    {
        if (dec is < 0 or > 19) throw KitInputException.For($"must be 0 to 19, not {dec}", parameter: nameof(dec));
        Span<char> buf = stackalloc char[24];
        var i = buf.Length - 1;
        var idec = i - dec;
        while (val >= 10 || i >= idec)
        {
            buf[i] = (char)(val % 10 + '0');
            i--;
            if (i == idec)
            {
                buf[i] = '.';
                i--;
            }
            val /= 10;
        }
        buf[i] = (char)(val + '0');
        return new string(buf[i..]);
    }

    private static string Mb(ulong bytes) => (bytes >> 20).ToString(CultureInfo.InvariantCulture);

    private static void Validate(GcTraceCycle c)
    {
        // nanotime is monotonic, so Go never sees these out of order; a negative difference would print as a huge uint64.
        if (c.SweepTermStart < c.RuntimeInitTime) throw Order(nameof(c.SweepTermStart), nameof(c.RuntimeInitTime));
        if (c.MarkStart < c.SweepTermStart) throw Order(nameof(c.MarkStart), nameof(c.SweepTermStart));
        if (c.MarkTermStart < c.MarkStart) throw Order(nameof(c.MarkTermStart), nameof(c.MarkStart));
        if (c.End < c.MarkTermStart) throw Order(nameof(c.End), nameof(c.MarkTermStart));
        foreach (var (name, value) in new[]
                 {
                     (nameof(c.SweepTermCpu), c.SweepTermCpu), (nameof(c.AssistTime), c.AssistTime),
                     (nameof(c.BackgroundMarkTime), c.BackgroundMarkTime), (nameof(c.IdleMarkTime), c.IdleMarkTime),
                     (nameof(c.MarkTermCpu), c.MarkTermCpu),
                 })
            if (value < 0) throw KitInputException.For($"must not be negative, got {value} ns", parameter: name);
        if (!double.IsFinite(c.CpuFraction) || c.CpuFraction < 0 || c.CpuFraction > 1e6)
            throw KitInputException.For($"must be a fraction ≥ 0, got {c.CpuFraction}", parameter: nameof(c.CpuFraction));
        if (c.StackScan.HasValue != c.GlobalsScan.HasValue)
            throw KitInputException.For("stacks and globals are printed together (Go 1.18+) or not at all (≤ 1.17): set both or neither", parameter: nameof(c.StackScan));
        if (c.MaxProcs < 1) throw KitInputException.For($"must be at least 1, not {c.MaxProcs}", parameter: nameof(c.MaxProcs));
    }

    private static KitInputException Order(string later, string earlier) =>
        KitInputException.For($"must not be before {earlier} (nanotime is monotonic)", parameter: later);
}
