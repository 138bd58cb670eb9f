// Mirrors: a network read that parks in netpollblock (netpoll.go, gopark waitReasonIOWait) until the poller reports it ready, Go 1.13–1.23.
// Simplified: the descriptor becomes ready after a fixed delay; delivery waits for a netpoll (findRunnable, sysmon, an idle M).
namespace GoRuntimeLab.Sched.Steps;

/// <summary>A read on a network connection whose data arrives after <paramref name="Nanoseconds"/>.</summary>
public sealed record NetWaitStep(long Nanoseconds) : WorkloadStep
{
    public override string Describe() => $"conn.Read() // data after {GoDuration.Format(Nanoseconds)}";
}
