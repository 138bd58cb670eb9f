// Mirrors: what the M holding a P is doing: running a G, spinning in findRunnable/stealWork, the P parked in _Psyscall, or the P idle, Go 1.13–1.23.
// Simplified: the context switch is counted as part of running the next G.
namespace GoRuntimeLab.Sched;

/// <summary>What a P's timeline shows during a slice.</summary>
public enum PActivity
{
    Idle,
    Running,
    Spinning,
    Syscall,
}
