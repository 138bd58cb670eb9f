// Mirrors: runtime/malloc.go (mallocgc: size-class rounding, tiny path, malloc header, allocLarge), Go 1.19–1.23.
// Simplified: one object on its own; a tiny object's bytes are those of a block filled with objects of its size.
using System.Globalization;

namespace GoRuntimeLab.Alloc;

/// <summary>Where one heap allocation goes and what it costs (<see cref="SizeClasses.Lookup"/>).</summary>
/// <param name="RequestedSize">Bytes asked for.</param>
/// <param name="Pointers">The type contains pointers (span class "scan"); false = noscan.</param>
/// <param name="Version">The Go release the rules are those of.</param>
/// <param name="Path">mallocgc's branch: zero base, tiny, small or large.</param>
/// <param name="Class">Size class: 1…67 small, 2 for tiny blocks, 0 for large objects and size 0.</param>
/// <param name="Size">Bytes the object occupies: the class size (including any header), 16 for a tiny block, whole pages for a large object.</param>
/// <param name="HeaderBytes">Go 1.22+: 8 for pointerful objects over 512 B (the type pointer in front of the object), else 0.</param>
/// <param name="SpanBytes">Bytes of one span of the class (the whole span for a large object).</param>
/// <param name="Objects">Objects (tiny: 16-byte blocks) per span.</param>
/// <param name="TailWaste">Bytes at the end of each span that no object can use.</param>
/// <param name="SpanClass">class&lt;&lt;1 | noscan: the index of the mcache's span for this allocation.</param>
/// <param name="Pages">8 KiB pages per span.</param>
public sealed record AllocClass(
    long RequestedSize, bool Pointers, GoVersion Version, AllocPath Path, int Class, long Size, int HeaderBytes,
    long SpanBytes, int Objects, long TailWaste, int SpanClass, long Pages)
{
    /// <summary>Tiny path: the alignment of the object inside the block (8, 4, 2 or 1); 0 otherwise.</summary>
    public int TinyAlign { get; init; }

    /// <summary>Tiny path: objects of this size that fit one 16-byte block; 0 otherwise.</summary>
    public int TinyPerBlock { get; init; }

    /// <summary>Served by the tiny allocator.</summary>
    public bool Tiny => Path == AllocPath.Tiny;

    /// <summary>A large object (&gt; 32 KiB; Go 1.22+: &gt; 32760 B) in its own span.</summary>
    public bool Large => Path == AllocPath.Large;

    /// <summary>No pointers: the GC does not scan it.</summary>
    public bool Noscan => !Pointers;

    /// <summary>
    /// Bytes charged per object (MemStats TotalAlloc): <see cref="Size"/>, or for a tiny object 16 divided by the objects
    /// of its size one block holds (a steady stream of that one size).
    /// </summary>
    public double BytesPerObject => Tiny ? (double)Size / TinyPerBlock : Size;

    /// <summary>
    /// Bytes charged but not asked for: rounding to the class (header included) or to pages; for a tiny object, the
    /// block's unused bytes shared among the objects in it.
    /// </summary>
    public double Waste => BytesPerObject - RequestedSize;

    /// <summary><see cref="Waste"/> as a percentage of the bytes charged.</summary>
    public double WastePercent => BytesPerObject == 0 ? 0 : 100 * Waste / BytesPerObject;

    public override string ToString()
    {
        var kind = Pointers ? "pointerful" : "pointer-free";
        var inv = CultureInfo.InvariantCulture;
        return Path switch
        {
            AllocPath.ZeroBase => $"0 B ({kind}, {Version}): no allocation (&zerobase)",
            AllocPath.Tiny => string.Create(inv, $"{RequestedSize} B ({kind}, {Version}) → tiny: {TinyPerBlock} per 16 B block (align {TinyAlign}), {BytesPerObject:0.##} B each, class 2 span {SpanBytes} B"),
            AllocPath.Large => string.Create(inv, $"{RequestedSize} B ({kind}, {Version}) → large: {Pages} page(s) = {Size} B, waste {Waste:0} B ({WastePercent:0.#}%)"),
            _ => string.Create(inv, $"{RequestedSize} B ({kind}, {Version}) → class {Class} ({Size} B{(HeaderBytes > 0 ? $" incl. {HeaderBytes} B header" : "")}), {Objects} per {SpanBytes} B span, waste {Waste:0} B ({WastePercent:0.#}%)"),
        };
    }
}
