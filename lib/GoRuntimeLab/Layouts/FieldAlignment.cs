// Mirrors: golang.org/x/tools/go/analysis/passes/fieldalignment/fieldalignment.go (x/tools 2020–2024): optimalOrder
// (zero-size fields first; then larger alignment first; then fields with pointers before pointer-free ones; among
// fields with pointers, fewer trailing non-pointer bytes first; then larger size first) and the analyzer's own
// gcSizes (Alignof, Sizeof, ptrdata with WordSize = MaxAlign = unsafe.Sizeof/Alignof(unsafe.Pointer)).
// The analyzer sorts with sort.Slice (not stable), ported step for step in GoSortSlice, so fields that compare equal
// end in the analyzer's order too. The suggested order's size is then computed by GoSizer, the compiler's rules
// (the analyzer's own gcSizes gives complex64 alignment 8 on 64-bit targets).
namespace GoRuntimeLab.Layouts;

/// <summary>The field order <c>fieldalignment</c> suggests for a struct.</summary>
internal sealed class FieldAlignment
{
    private readonly GoSizer _sizer;
    private readonly long _word;
    private readonly Dictionary<string, (long Align, long Size, long PtrData)> _named = new(StringComparer.Ordinal);

    public FieldAlignment(GoSizer sizer)
    {
        _sizer = sizer;
        _word = sizer.Arch.PtrSize;
    }

    /// <summary>optimalOrder: the indexes of <paramref name="fields"/> in the suggested order.</summary>
    public int[] OptimalOrder(IReadOnlyList<GoField> fields)
    {
        var elems = fields.Select((f, i) => (Index: i, Align: Alignof(f.Type), Size: Sizeof(f.Type), PtrData: PtrData(f.Type))).ToList();
        GoSortSlice.Sort(elems, Less);
        return elems.Select(e => e.Index).ToArray();
    }

    private static bool Less((int Index, long Align, long Size, long PtrData) ei, (int Index, long Align, long Size, long PtrData) ej)
    {
        // Place zero sized objects before non-zero sized objects.
        bool zeroi = ei.Size == 0, zeroj = ej.Size == 0;
        if (zeroi != zeroj) return zeroi;
        // Next, place more tightly aligned objects before less tightly aligned objects.
        if (ei.Align != ej.Align) return ei.Align > ej.Align;
        // Place pointerful objects before pointer-free objects.
        bool noptrsi = ei.PtrData == 0, noptrsj = ej.PtrData == 0;
        if (noptrsi != noptrsj) return noptrsj;
        if (!noptrsi)
        {
            // If both have pointers, place objects with less trailing non-pointer bytes earlier.
            long traili = ei.Size - ei.PtrData, trailj = ej.Size - ej.PtrData;
            if (traili != trailj) return traili < trailj;
        }
        // Lastly, order by size.
        return ei.Size > ej.Size;
    }

    // The underlying type of a declared name; a predeclared name stays as it is.
    private GoTypeExpr Underlying(GoTypeExpr t)
    {
        var seen = 0;
        while (t.Kind == GoTypeKind.Named && _sizer.Declared(t.Name) is { } d && seen++ < 10_000) t = d.Type;
        return t;
    }

    // The analyzer's three sizes of a declared type, computed once (the analyzer recomputes; same numbers).
    private (long Align, long Size, long PtrData)? Declared(GoTypeExpr type)
    {
        if (type.Kind != GoTypeKind.Named || _sizer.Declared(type.Name) is null) return null;
        if (_named.TryGetValue(type.Name, out var known)) return known;
        var t = Underlying(type);
        var measured = (AlignofUnderlying(t), SizeofUnderlying(t), PtrDataUnderlying(t));
        _named[type.Name] = measured;
        return measured;
    }

    private long Alignof(GoTypeExpr type) => Declared(type)?.Align ?? AlignofUnderlying(type);

    private long Sizeof(GoTypeExpr type) => Declared(type)?.Size ?? SizeofUnderlying(type);

    private long PtrData(GoTypeExpr type) => Declared(type)?.PtrData ?? PtrDataUnderlying(type);

    private long AlignofUnderlying(GoTypeExpr type)
    {
        var t = Underlying(type);
        if (t.Kind == GoTypeKind.Array) return Alignof(t.Elem!);
        if (t.Kind == GoTypeKind.Struct) return t.Fields.Select(f => Alignof(f.Type)).DefaultIfEmpty(1).Max() is var m && m > 1 ? m : 1;
        var a = Sizeof(t);
        return a < 1 ? 1 : Math.Min(a, _word);
    }

    private long SizeofUnderlying(GoTypeExpr type)
    {
        var t = Underlying(type);
        switch (t.Kind)
        {
            case GoTypeKind.Named:
                return t.Name switch
                {
                    "bool" or "int8" or "uint8" or "byte" => 1,
                    "int16" or "uint16" => 2,
                    "int32" or "uint32" or "rune" or "float32" => 4,
                    "int64" or "uint64" or "float64" or "complex64" => 8,
                    "complex128" => 16,
                    "string" or "error" or "any" => 2 * _word,
                    _ => _word,
                };
            case GoTypeKind.Array: return t.Length * Sizeof(t.Elem!);
            case GoTypeKind.Slice: return 3 * _word;
            case GoTypeKind.Interface: return 2 * _word;
            case GoTypeKind.Struct:
                if (t.Fields.Count == 0) return 0;
                long o = 0, max = 1;
                for (var i = 0; i < t.Fields.Count; i++)
                {
                    var ft = t.Fields[i].Type;
                    long a = Alignof(ft), sz = Sizeof(ft);
                    if (a > max) max = a;
                    if (i == t.Fields.Count - 1 && sz == 0 && o != 0) sz = 1;
                    o = Align(o, a) + sz;
                }
                return Align(o, max);
            default:
                return _word;
        }
    }

    private long PtrDataUnderlying(GoTypeExpr type)
    {
        var t = Underlying(type);
        switch (t.Kind)
        {
            case GoTypeKind.Named:
                return t.Name switch
                {
                    "string" => _word,
                    "error" or "any" => 2 * _word,
                    _ => 0,
                };
            case GoTypeKind.UnsafePointer or GoTypeKind.Chan or GoTypeKind.Map or GoTypeKind.PointerTo or GoTypeKind.Func or GoTypeKind.Slice:
                return _word;
            case GoTypeKind.Interface:
                return 2 * _word;
            case GoTypeKind.Array:
                if (t.Length == 0) return 0;
                var a = PtrData(t.Elem!);
                return a == 0 ? 0 : (t.Length - 1) * Sizeof(t.Elem!) + a;
            default:
                long o = 0, p = 0;
                foreach (var f in t.Fields)
                {
                    long al = Alignof(f.Type), sz = Sizeof(f.Type), fp = PtrData(f.Type);
                    o = Align(o, al);
                    if (fp != 0) p = o + fp;
                    o += sz;
                }
                return p;
        }
    }

    private static long Align(long x, long a) => (x + a - 1) / a * a;
}
