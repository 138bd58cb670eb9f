// Mirrors: p (runtime2.go): status, schedtick, syscalltick, sysmontick, m, runq[256]/runqhead/runqtail/runnext, timers, gFree; Go 1.13–1.23.
// Simplified: timers are a heap of sleeping Gs; gFree is only a count.
namespace GoRuntimeLab.Sched.Engine;

internal sealed class SimP(int id)
{
    public const int RunqLength = 256;

    public int Id { get; } = id;
    public PStatus Status;
    public SimG?[] Runq { get; } = new SimG?[RunqLength];
    public uint Head;
    public uint Tail;
    public SimG? Runnext;
    public uint Schedtick;
    public uint Syscalltick;
    public SimM? M;
    public SimG? Cur;
    public SimG? SyscallG;
    public PriorityQueue<SimG, EventKey> Timers { get; } = new();
    public bool InIdleList;
    public int GFree;
    public int Epoch;

    // sysmontick
    public uint SysmonSchedtick;
    public long SysmonSchedwhen;
    public uint SysmonSyscalltick;
    public long SysmonSyscallwhen;

    // timeline
    public PActivity Act = PActivity.Idle;
    public int ActG;
    public long ActSince;

    public int RunqSize => (int)(Tail - Head);

    public bool RunqEmpty => Tail == Head && Runnext is null;
}
