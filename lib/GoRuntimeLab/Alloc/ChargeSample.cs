// Mirrors: runtime.MemStats deltas (TotalAlloc, Mallocs) around a loop of one allocation size, as data/go/sizeclass
// prints them, Go 1.19–1.23. Simplified: nothing; one line of the recorder's output.
using System.Globalization;

namespace GoRuntimeLab.Alloc;

/// <summary>One measurement of the sizeclass recorder: what the real runtime charged for <see cref="Objects"/> allocations.</summary>
/// <param name="Size">Requested bytes per object.</param>
/// <param name="Pointers">Pointerful (<c>make([]*byte, size/8)</c>) or pointer-free (<c>make([]byte, size)</c>).</param>
/// <param name="Objects">Allocations in the measured loop.</param>
/// <param name="TotalAlloc">MemStats.TotalAlloc delta (bytes).</param>
/// <param name="Mallocs">MemStats.Mallocs delta (objects).</param>
/// <param name="Line">1-based line of the recording (or output) it came from.</param>
public sealed record ChargeSample(long Size, bool Pointers, int Objects, long TotalAlloc, long Mallocs, int Line)
{
    /// <summary>Bytes charged per object (fractional for tiny objects that share 16-byte blocks).</summary>
    public double BytesCharged => Objects == 0 ? 0 : (double)TotalAlloc / Objects;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Size} B {(Pointers ? "pointerful" : "pointer-free")}: {BytesCharged:0.####} B charged per object ({TotalAlloc} B / {Objects}, {Mallocs} mallocs)");
}
