// Mirrors: runtime/mstats.go (MemStats.BySize: per-class Mallocs) and the mcache/mcentral traffic per span class, Go 1.19–1.23.
// Simplified: counts from the model, not from a real heap.
using System.Globalization;

namespace GoRuntimeLab.Alloc;

/// <summary>What one span class (size class × scan/noscan) saw during an <see cref="AllocatorModel"/> run.</summary>
/// <param name="SpanClass">class&lt;&lt;1 | noscan.</param>
/// <param name="SizeClass">Size class (0 = large objects).</param>
/// <param name="Noscan">Pointer-free objects.</param>
/// <param name="ElemSize">Bytes per slot (for class 0: the last large object's span bytes).</param>
/// <param name="Allocs">Slots handed out (for class 2 noscan: tiny blocks opened, not tiny objects).</param>
/// <param name="Refills">mcache.refill calls (each swaps in a span from mcentral).</param>
/// <param name="Grows">mcentral.grow calls: new spans taken from the page heap.</param>
/// <param name="SpansAtEnd">Spans of this class in use when the stream ended.</param>
/// <param name="PeakSpans">Most spans of this class in use at once.</param>
public sealed record SpanClassStats(int SpanClass, int SizeClass, bool Noscan, long ElemSize, long Allocs, long Refills, long Grows, long SpansAtEnd, long PeakSpans)
{
    /// <summary>Allocations served per refill: how well the per-P cache amortises the trip to mcentral.</summary>
    public double AllocsPerRefill => Refills == 0 ? 0 : (double)Allocs / Refills;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"spanclass {SpanClass} (class {SizeClass}, {ElemSize} B, {(Noscan ? "noscan" : "scan")}): {Allocs} allocs, {Refills} refills ({AllocsPerRefill:0.#}/refill), {Grows} spans grown, {SpansAtEnd} in use");
}
