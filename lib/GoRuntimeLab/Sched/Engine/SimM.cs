// Mirrors: m (runtime2.go): p, curg, spinning, blocked, oldp, fastrand/cheaprand; Go 1.13–1.23.
// Simplified: no g0/gsignal, no locked Gs.
namespace GoRuntimeLab.Sched.Engine;

internal sealed class SimM(int id, ulong seed)
{
    public int Id { get; } = id;
    public CheapRand Rand { get; } = new(seed);
    public SimP? P;
    public SimG? Curg;
    public SimP? OldP;
    public bool Spinning;
    public long SpinSince;
    public bool Blocked;
    public bool IsSysmon;
}
