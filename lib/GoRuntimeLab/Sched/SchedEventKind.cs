// Mirrors: the scheduler decisions the kit shows on timelines: runqsteal, preemption (cooperative/async), handoffp, syscall retake, runqputslow, goready, Go 1.13–1.23.
// Simplified: a subset of the execution tracer's events.
namespace GoRuntimeLab.Sched;

/// <summary>Kinds of notable scheduler events in <see cref="SchedResult.Events"/>.</summary>
public enum SchedEventKind
{
    /// <summary>P stole Count Gs from OtherP (half of its queue, rounded up; Detail says when it was runnext).</summary>
    Steal,
    /// <summary>G was preempted at a function call (stack check).</summary>
    PreemptCooperative,
    /// <summary>G was preempted by SIGURG (asyncPreempt).</summary>
    PreemptAsync,
    /// <summary>sysmon asked P's G to stop (preemptone).</summary>
    PreemptRequest,
    /// <summary>handoffp after entersyscallblock.</summary>
    Handoff,
    /// <summary>sysmon retook P from a G in a syscall (then handoffp).</summary>
    SyscallRetake,
    /// <summary>runqputslow moved Count Gs from P's full ring to the global queue.</summary>
    RunqOverflow,
    /// <summary>G became runnable (goready) on P.</summary>
    Ready,
    /// <summary>G went to the global queue by Gosched.</summary>
    Gosched,
}
