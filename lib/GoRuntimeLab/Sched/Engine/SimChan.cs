// Mirrors: hchan (chan.go): qcount, dataqsiz, buf, closed, sendx, recvx, recvq, sendq; Go 1.13–1.23.
// Simplified: elements are longs; Id stands for the hchan address (lock order).
namespace GoRuntimeLab.Sched.Engine;

internal sealed class SimChan(string name, int id, int capacity)
{
    public string Name { get; } = name;
    public int Id { get; } = id;
    public int Cap { get; } = capacity;
    public long[] Buf { get; } = new long[capacity];
    public int Qcount;
    public int Sendx;
    public int Recvx;
    public bool Closed;
    public WaitQueue Recvq { get; } = new();
    public WaitQueue Sendq { get; } = new();
}
