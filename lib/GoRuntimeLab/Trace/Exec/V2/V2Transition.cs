// Mirrors: internal/trace/v2 event.go Event.StateTransition and resources.go StateTransition (Go 1.22.12;
// internal/trace event.go in 1.23.5, which adds GoCreateBlocked, GoSwitch, GoSwitchDestroy and GoStatusStack).
namespace GoRuntimeLab.Trace.Exec.V2;

/// <summary>
/// A state transition of a goroutine or a P. <see cref="Id"/> is the goroutine or P; <see cref="Stack"/> is the
/// transition's stack (for GoCreate the new goroutine's start stack); <see cref="Reason"/> the wait or stop reason.
/// </summary>
internal readonly record struct V2Transition(bool IsGoroutine, long Id, int From, int To, ulong Stack, string Reason)
{
    // go122.GoStatus → GoState: go122GoStatus2GoState (GoBad, Runnable, Running, Syscall, Waiting).
    private static readonly V2GoState[] GoStatus2State = [V2GoState.Undetermined, V2GoState.Runnable, V2GoState.Running, V2GoState.Syscall, V2GoState.Waiting];

    /// <summary>ProcState: Undetermined 0, NotExist 1, Running 2, Idle 3 (resources.go).</summary>
    public const int ProcUndetermined = 0, ProcNotExist = 1, ProcRunning = 2, ProcIdle = 3;

    // go122ProcStatus2ProcState (ProcBad, Running, Idle, Syscall → Running, SyscallAbandoned → Idle).
    private static readonly int[] ProcStatus2State = [ProcUndetermined, ProcRunning, ProcIdle, ProcRunning, ProcIdle];

    public static V2GoState GoState(ulong status) => status < (ulong)GoStatus2State.Length ? GoStatus2State[status] : V2GoState.Undetermined;

    public static int ProcState(ulong status) => status < (ulong)ProcStatus2State.Length ? ProcStatus2State[status] : ProcUndetermined;

    public V2GoState GoFrom => (V2GoState)From;
    public V2GoState GoTo => (V2GoState)To;

    private static V2Transition Go(long id, V2GoState from, V2GoState to, ulong stack = 0, string reason = "") => new(true, id, (int)from, (int)to, stack, reason);
    private static V2Transition Proc(long id, int from, int to) => new(false, id, from, to, 0, "");

    /// <summary>The transition of <paramref name="e"/>, or null when its kind is not EventStateTransition.</summary>
    public static V2Transition? Of(V2Event e, IReadOnlyList<V2EventSpec?> specs) => e.Type switch
    {
        10 => Proc((long)e.Args[0], ProcIdle, ProcRunning),                                                          // ProcStart
        11 => Proc(e.P, ProcRunning, ProcIdle),                                                                      // ProcStop
        12 => Proc((long)e.Args[0], e.Extra0 == 4 ? ProcIdle : ProcRunning, ProcIdle),                               // ProcSteal (extra: old status; 4 SyscallAbandoned)
        13 => Proc((long)e.Args[0], (int)e.Extra0, ProcState(e.Args[1])),                                           // ProcStatus
        14 => Go((long)e.Args[0], V2GoState.NotExist, V2GoState.Runnable, e.Args[1]),                                // GoCreate
        47 => Go((long)e.Args[0], V2GoState.NotExist, V2GoState.Waiting, e.Args[1]),                                 // GoCreateBlocked (1.23)
        15 => Go((long)e.Args[0], V2GoState.NotExist, V2GoState.Syscall),                                            // GoCreateSyscall
        16 => Go((long)e.Args[0], V2GoState.Runnable, V2GoState.Running),                                            // GoStart
        17 => Go(e.G, V2GoState.Running, V2GoState.NotExist, e.StackId(specs)),                                      // GoDestroy
        18 => Go(e.G, V2GoState.Syscall, V2GoState.NotExist),                                                        // GoDestroySyscall
        19 => Go(e.G, V2GoState.Running, V2GoState.Runnable, e.StackId(specs), e.Str(0)),                            // GoStop
        20 => Go(e.G, V2GoState.Running, V2GoState.Waiting, e.StackId(specs), e.Str(0)),                             // GoBlock
        21 or 45 or 46 => Go((long)e.Args[0], V2GoState.Waiting, V2GoState.Runnable),                                // GoUnblock, GoSwitch, GoSwitchDestroy
        22 => Go(e.G, V2GoState.Running, V2GoState.Syscall, e.StackId(specs)),                                       // GoSyscallBegin
        23 => Go(e.G, V2GoState.Syscall, V2GoState.Running, e.StackId(specs)),                                       // GoSyscallEnd
        24 => Go(e.G, V2GoState.Syscall, V2GoState.Runnable, e.StackId(specs)),                                      // GoSyscallEndBlocked
        25 or 48 => Go((long)e.Args[0], (V2GoState)e.Extra0, GoState(e.Args[2])),                                    // GoStatus, GoStatusStack
        _ => null,
    };
}
