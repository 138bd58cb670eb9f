// Mirrors: the hchan invariants stated at the top of chan.go (qcount > 0 ⇒ recvq empty; qcount < dataqsiz ⇒ sendq empty), Go 1.13–1.23.
// Simplified: thrown by the simulator when SchedConfig.CheckInvariants is on; a broken invariant is a bug in the model.
namespace GoRuntimeLab.Sched;

/// <summary>A scheduler or hchan invariant was broken (a model bug, never a workload error).</summary>
public sealed class SchedInvariantException : InvalidOperationException
{
    public SchedInvariantException(string message) : base(message) { }

    public SchedInvariantException(string message, Exception inner) : base(message, inner) { }

    public SchedInvariantException() : base("scheduler invariant broken") { }
}
