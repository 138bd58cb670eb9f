namespace GoRuntimeLab.Layouts;

/// <summary>
/// Size, alignment and (for a struct) the field offsets of one type declared in a file, as cmd/compile computes them
/// for one architecture.
/// </summary>
/// <param name="Name">The declared type name.</param>
/// <param name="Kind">The kind of its underlying type (struct, array, …).</param>
/// <param name="Size">unsafe.Sizeof.</param>
/// <param name="Align">unsafe.Alignof.</param>
/// <param name="Padding">Size minus the sum of the fields' sizes (0 for a type that is not a struct).</param>
/// <param name="Fields">The fields in declared order (empty for a type that is not a struct).</param>
/// <param name="Optimal">fieldalignment's order and its size (for a struct; otherwise the same size and no order).</param>
/// <param name="Line">1-based line of the declaration.</param>
public sealed record TypeLayout(string Name, GoTypeKind Kind, long Size, long Align, long Padding, IReadOnlyList<FieldLayout> Fields, OptimalLayout Optimal, int Line)
{
    /// <summary>The kind in Go's words: struct, array, slice, map, chan, func, interface, pointer, unsafe.Pointer, or basic (a predeclared type).</summary>
    public string KindName => Kind switch
    {
        GoTypeKind.Named => "basic",
        GoTypeKind.PointerTo => "pointer",
        GoTypeKind.UnsafePointer => "unsafe.Pointer",
        _ => Kind.ToString().ToLowerInvariant(),
    };

    /// <summary>Bytes the suggested order saves.</summary>
    public long Saving => Size - Optimal.Size;

    /// <summary>Which fields share a cache line (see <see cref="CacheLineMap.Of"/>).</summary>
    public CacheLineMap CacheLines(int lineSize = CacheLineMap.DefaultLineSize, long baseOffset = 0) => CacheLineMap.Of(this, lineSize, baseOffset);
}
