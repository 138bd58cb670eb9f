// Mirrors: the P status constants _Pidle … _Pdead (runtime2.go), Go 1.13–1.23.
// Simplified: _Pgcstop and _Pdead are never entered (no GC, fixed GOMAXPROCS).
namespace GoRuntimeLab.Sched;

/// <summary>A P's state; the numbers are Go's (<c>P0: status=1</c> in scheddetail).</summary>
public enum PStatus
{
    Idle = 0,
    Running = 1,
    Syscall = 2,
    GcStop = 3,
    Dead = 4,
}
