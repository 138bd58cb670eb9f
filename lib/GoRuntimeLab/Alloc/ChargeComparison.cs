// Mirrors: runtime.MemStats TotalAlloc per object (real, recorded) next to SizeClasses.Lookup / AllocatorModel, Go 1.19–1.23.
// Simplified: nothing; one row of the "对照真实 Go" table.
using System.Globalization;

namespace GoRuntimeLab.Alloc;

/// <summary>Bytes the real runtime charged per object next to what the model predicts for the same loop.</summary>
/// <param name="Go">The release that ran the recorder.</param>
/// <param name="Size">Requested bytes.</param>
/// <param name="Pointers">Pointerful object.</param>
/// <param name="Class">The model's size class (0: large or zero-size).</param>
/// <param name="RealBytes">MemStats TotalAlloc delta per object, recorded.</param>
/// <param name="ModelBytes">The model's TotalAlloc per object for the same loop (from an empty mcache).</param>
public sealed record ChargeComparison(string Go, long Size, bool Pointers, int Class, double RealBytes, double ModelBytes)
{
    /// <summary>Real and model agree exactly.</summary>
    public bool Match => RealBytes == ModelBytes;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Go} {Size} B {(Pointers ? "pointerful" : "pointer-free")}: real {RealBytes:0.####} B, model {ModelBytes:0.####} B {(Match ? "✓" : "✗")}");
}
