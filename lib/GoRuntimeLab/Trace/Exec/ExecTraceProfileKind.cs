// Mirrors: cmd/trace main.go -pprof flag (Go 1.19, 1.21): net, sync, syscall, sched.
namespace GoRuntimeLab.Trace.Exec;

/// <summary>The profiles <c>go tool trace -pprof=KIND</c> writes (cmd/trace pprof.go computePprof*).</summary>
public enum ExecTraceProfileKind
{
    /// <summary>Network blocking (computePprofIO): GoBlockNet until its unblock.</summary>
    Net,

    /// <summary>Synchronization blocking (computePprofBlock): channel send/recv, select, Mutex, Cond, GC assist wait.</summary>
    Sync,

    /// <summary>Syscalls (computePprofSyscall): a GoSysCall that blocked, until its GoSysExit.</summary>
    Syscall,

    /// <summary>Scheduler latency (computePprofSched): from GoCreate or GoUnblock until the goroutine runs.</summary>
    Sched,
}
