// Mirrors: the G status constants _Gidle … _Gpreempted (runtime2.go), with Go's numeric values as printed by schedtrace, Go 1.14–1.23.
// Simplified: _Gmoribund_unused, _Genqueue_unused, _Gcopystack and the _Gscan bit are never used by the simulator.
namespace GoRuntimeLab.Sched;

/// <summary>A goroutine's state; the numbers are Go's (<c>status=4(chan receive)</c> in scheddetail).</summary>
public enum GStatus
{
    Idle = 0,
    Runnable = 1,
    Running = 2,
    Syscall = 3,
    Waiting = 4,
    Dead = 6,
    Preempted = 9,
}
