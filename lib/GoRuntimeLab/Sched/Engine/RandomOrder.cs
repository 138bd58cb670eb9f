// Mirrors: randomOrder/randomEnum (proc.go: stealOrder.reset, start, next, position), Go 1.13–1.23.
// Simplified: none — the steal order visits all Ps starting at r%n with a stride coprime to n.
namespace GoRuntimeLab.Sched.Engine;

/// <summary>Go's steal order: start at <c>r % count</c>, step by <c>coprimes[r / count % len]</c>.</summary>
internal sealed class RandomOrder
{
    private readonly uint _count;
    private readonly uint[] _coprimes;

    public RandomOrder(uint count)
    {
        _count = count;
        var list = new List<uint>();
        for (uint i = 1; i <= count; i++) if (Gcd(i, count) == 1) list.Add(i);
        _coprimes = list.ToArray();
    }

    public RandomEnum Start(uint r) => new(_count, r % _count, _coprimes[r / _count % (uint)_coprimes.Length]);

    private static uint Gcd(uint a, uint b)
    {
        while (b != 0) (a, b) = (b, a % b);
        return a;
    }
}
