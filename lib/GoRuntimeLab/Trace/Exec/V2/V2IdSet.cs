namespace GoRuntimeLab.Trace.Exec.V2;

/// <summary>
/// A set of trace IDs (goroutines, Ps, table IDs): a bitmap for the small IDs the runtime hands out densely, a hash set
/// for the rest. The per-event loop adds to these sets for nearly every event, so the common case is a bit test.
/// </summary>
internal sealed class V2IdSet
{
    private const int DenseLimit = 1 << 16;
    private readonly ulong[] _dense = new ulong[DenseLimit / 64];
    private readonly HashSet<ulong> _sparse = [];
    private int _denseCount;

    public int Count => _denseCount + _sparse.Count;

    /// <summary>Adds <paramref name="id"/>; false when it was already present.</summary>
    public bool Add(ulong id)
    {
        if (id >= DenseLimit) return _sparse.Add(id);
        ref var word = ref _dense[id >> 6];
        var bit = 1UL << (int)(id & 63);
        if ((word & bit) != 0) return false;
        word |= bit;
        _denseCount++;
        return true;
    }

    public bool Contains(ulong id) => id < DenseLimit ? (_dense[id >> 6] & (1UL << (int)(id & 63))) != 0 : _sparse.Contains(id);

    public void Clear()
    {
        if (_denseCount > 0) Array.Clear(_dense);
        _denseCount = 0;
        _sparse.Clear();
    }
}
