// Mirrors: randomEnum (proc.go: done, next, position), Go 1.13–1.23.
// Simplified: none.
namespace GoRuntimeLab.Sched;

/// <summary>One pass over all Ps in a random order.</summary>
internal struct RandomEnum(uint count, uint pos, uint inc)
{
    private uint _i;

    public readonly bool Done => _i == count;

    public readonly int Position => (int)pos;

    public void Next()
    {
        _i++;
        pos = (pos + inc) % count;
    }
}
