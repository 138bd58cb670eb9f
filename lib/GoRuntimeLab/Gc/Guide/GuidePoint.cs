// Mirrors: golang/website _content/doc/gc-guide.js (gcModel's emit(): one datum per point of the stacked chart), the GC guide of Go 1.19+.
// Simplified: Live and New are kept even with trackLive (the page's datum then has only the per-GC series).
using System.Globalization;

namespace GoRuntimeLab.Gc.Guide;

/// <summary>
/// One point of the model's memory-over-CPU-time series (MiB, s). The stacked chart draws Other, then Live, then
/// New (or, with <see cref="GuideConfig.TrackLive"/>, Other then <see cref="LiveFromGc"/>[0..]).
/// </summary>
/// <param name="T">CPU time (mutator + GC) in seconds.</param>
/// <param name="Other">Other memory ("Other Mem.").</param>
/// <param name="Live">Live heap as of the last GC ("Live Heap").</param>
/// <param name="New">Heap allocated since the last GC ("New Heap").</param>
/// <param name="LiveFromGc">With trackLive: "Live Heap From GC i+1" for each i (the last one is the current cycle's
/// new heap); empty otherwise.</param>
public sealed record GuidePoint(double T, double Other, double Live, double New, IReadOnlyList<double> LiveFromGc)
{
    /// <summary>The top of the stack at this point, summed in the page's stacking order.</summary>
    public double Total
    {
        get
        {
            // d3.stack (stackOffsetNone) adds series bottom-up in key order: other first, then live, then new.
            var top = Other;
            if (LiveFromGc.Count == 0) return top + Live + New;
            foreach (var v in LiveFromGc) top += v;
            return top;
        }
    }

    public bool Equals(GuidePoint? other) => other is not null && T.Equals(other.T) && Other.Equals(other.Other) &&
        Live.Equals(other.Live) && New.Equals(other.New) && LiveFromGc.SequenceEqual(other.LiveFromGc);

    public override int GetHashCode() => HashCode.Combine(T, Other, Live, New, LiveFromGc.Count);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"t={T:0.####} s: other {Other:0.##} + live {Live:0.##} + new {New:0.##} MiB");
}
