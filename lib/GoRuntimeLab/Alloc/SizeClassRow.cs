// Mirrors: runtime/mksizeclasses.go (printComment: the comment table atop sizeclasses.go), Go 1.19–1.23.
// Simplified: nothing; MaxWastePercent keeps full precision (Go prints it rounded to 2 decimals).
using System.Globalization;

namespace GoRuntimeLab.Alloc;

/// <summary>One row of the size-class table, the columns sizeclasses.go's comment shows.</summary>
/// <param name="Class">Size class 1…67.</param>
/// <param name="Size">bytes/obj: class_to_size.</param>
/// <param name="SpanBytes">bytes/span: class_to_allocnpages × 8 KiB.</param>
/// <param name="Objects">Objects per span: SpanBytes / Size.</param>
/// <param name="TailWaste">Bytes left at the end of a span: SpanBytes − Objects × Size.</param>
/// <param name="MaxWastePercent">Worst case waste: every object one byte bigger than the previous class, plus the tail.</param>
/// <param name="MinAlign">The alignment every object of the class has: the size's lowest set bit, capped at a page.</param>
public sealed record SizeClassRow(int Class, int Size, int SpanBytes, int Objects, int TailWaste, double MaxWastePercent, int MinAlign)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"class {Class}: {Size} B × {Objects} in a {SpanBytes} B span (tail waste {TailWaste} B, max waste {MaxWastePercent:F2}%)");
}
