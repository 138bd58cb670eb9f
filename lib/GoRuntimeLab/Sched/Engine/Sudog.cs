// Mirrors: sudog (runtime2.go): a G waiting on a channel, with elem, isSelect, success, c; Go 1.13–1.23.
// Simplified: elem is the value itself; no waitlink (the G keeps a list of its select sudogs).
namespace GoRuntimeLab.Sched.Engine;

internal sealed class Sudog(SimG g, SimChan c)
{
    public SimG G { get; } = g;
    public SimChan C { get; } = c;
    public bool IsSelect;
    public long Elem;
    public bool Success;
    public int CaseIndex;
    public Sudog? Next;
    public Sudog? Prev;
}
