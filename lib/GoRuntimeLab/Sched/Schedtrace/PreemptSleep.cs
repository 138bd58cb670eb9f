// Mirrors: nothing in Go's runtime; one measurement of data/go/preempt (time.Sleep on 1 P beside a spinning
// goroutine), whose length is set by sysmon's retake/preemptone (runtime/proc.go), Go 1.14+.
namespace GoRuntimeLab.Sched.Schedtrace;

/// <summary>One "sleep i=… requestedNs=… tookNs=…" line: how long main's time.Sleep really took.</summary>
/// <param name="Index">1-based sleep number in the run.</param>
/// <param name="RequestedNs">The duration asked for (100 µs by default).</param>
/// <param name="TookNs">The duration measured around the call (monotonic clock).</param>
public sealed record PreemptSleep(int Index, long RequestedNs, long TookNs)
{
    /// <summary>Measured duration in milliseconds.</summary>
    public double TookMs => TookNs / 1e6;

    /// <summary>How much longer than requested (the scheduling delay), in milliseconds.</summary>
    public double DelayMs => (TookNs - RequestedNs) / 1e6;

    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"sleep {Index}: {TookMs:0.###} ms for {RequestedNs / 1e3:0.###} µs requested");
}
