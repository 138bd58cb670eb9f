// Mirrors: the wake-ups of the real runtime's threads (an M finishing work, futexwakeup, timer expiry, syscall return, epoll, sysmon's usleep, SIGURG), Go 1.13–1.23.
// Simplified: each is one discrete event.
namespace GoRuntimeLab.Sched.Engine;

internal enum EventKind : byte
{
    /// <summary>The M on P A continues its G (context switch over, compute slice over, or a call boundary reached); B = P epoch.</summary>
    PRun,
    /// <summary>The spinning M on P A has finished its steal passes; B = P epoch.</summary>
    SpinDone,
    /// <summary>M B, woken by startm, acquires P A.</summary>
    MStart,
    /// <summary>A timer on P A expires.</summary>
    TimerFire,
    /// <summary>The syscall of G A returns; B = the G's run generation.</summary>
    SyscallDone,
    /// <summary>The network descriptor G A waits on becomes ready.</summary>
    NetReady,
    /// <summary>sysmon wakes from usleep; B = sysmon epoch.</summary>
    Sysmon,
    /// <summary>sysmon wakes from its deep sleep (notetsleep); A = 1 if woken by a syscall exit; B = sysmon epoch.</summary>
    SysmonWake,
    /// <summary>SIGURG reaches the thread running G A; B = the G's run generation.</summary>
    Signal,
}
