// Mirrors: randomOrder/randomEnum (proc.go: stealOrder.reset, start, next, position), Go 1.13–1.23.
// Simplified: none — the steal order visits all Ps starting at r%n with a stride coprime to n.

namespace GoRuntimeLab.Sched;

/// <summary>Go's steal order (randomOrder): start at <c>r % count</c>, step by <c>coprimes[r / count % len]</c>.</summary>
public sealed class StealOrder
{
    private readonly uint _count;
    private readonly uint[] _coprimes;

    public StealOrder(uint count)
    {
        _count = count;
        var list = new List<uint>();
        for (uint i = 1; i <= count; i++) if (Gcd(i, count) == 1) list.Add(i);
        _coprimes = list.ToArray();
    }

    /// <summary>The P ids one stealWork pass visits for random value <paramref name="r"/>.</summary>
    public IReadOnlyList<int> Enumerate(uint r)
    {
        var list = new List<int>();
        for (var e = Start(r); !e.Done; e.Next()) list.Add(e.Position);
        return list;
    }

    internal RandomEnum Start(uint r) => new(_count, r % _count, _coprimes[r / _count % (uint)_coprimes.Length]);

    private static uint Gcd(uint a, uint b)
    {
        while (b != 0) (a, b) = (b, a % b);
        return a;
    }
}
