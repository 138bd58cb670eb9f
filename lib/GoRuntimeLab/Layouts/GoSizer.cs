// Mirrors: cmd/compile/internal/types/size.go (Go 1.19; unchanged in what it computes through 1.23): CalcSize (the
// width and alignment of each kind; int64/uint64/float64/complex128 align to RegSize, complex64 to 4, string and
// interfaces are two words aligned to PtrSize, slices three words, pointers/maps/chans/funcs one word, arrays
// n×elem aligned as their element, TARRAY's "larger than address space" check, "too large" on 32-bit), and
// calcStructOffset (each field rounded up to its alignment with Rnd, struct alignment = the largest field
// alignment and at least 1, a non-empty struct ending in a zero-size field gets one more byte — issue 9401, Go 1.5 —
// and the size rounded up to the alignment; offsets must stay below MaxWidth, 2³¹−1 on 32-bit targets).
// Not modelled: sync/atomic.align64 (types of other packages are refused before sizing).
namespace GoRuntimeLab.Layouts;

/// <summary>Sizes the types of one file for one architecture, as the Go compiler does.</summary>
internal sealed class GoSizer
{
    private readonly Dictionary<string, GoTypeDecl> _decls = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (long Size, long Align)> _named = new(StringComparer.Ordinal);
    private readonly HashSet<string> _sizing = new(StringComparer.Ordinal);

    /// <summary>The longest chain of declared types sized inside one another (type T0 [1]T1; type T1 [1]T2; …).</summary>
    public const int MaxNamedDepth = 1000;
    private readonly string _file;

    public GoSizer(GoTypeFile file, GoArch arch)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(arch);
        Arch = arch;
        _file = file.Path;
        foreach (var d in file.Types.Where(d => d.Name != "_")) _decls[d.Name] = d;
    }

    public GoArch Arch { get; }

    /// <summary>The declaration a name refers to (declared names shadow predeclared ones), or null for a predeclared name.</summary>
    public GoTypeDecl? Declared(string name) => _decls.GetValueOrDefault(name);

    /// <summary>Checks that every name a type uses is declared or predeclared (also behind pointers, slices, maps…).</summary>
    public void CheckNames(GoTypeExpr t)
    {
        switch (t.Kind)
        {
            case GoTypeKind.Named:
                if (!_decls.ContainsKey(t.Name) && Predeclared(t.Name) is null)
                    throw Error(t, t.Name == "comparable" ? "comparable can only be used as a type constraint" : $"undefined: {t.Name}");
                break;
            case GoTypeKind.Struct:
                foreach (var f in t.Fields) CheckNames(f.Type);
                break;
            default:
                if (t.Key is not null) CheckNames(t.Key);
                if (t.Elem is not null) CheckNames(t.Elem);
                break;
        }
    }

    /// <summary>
    /// The checks gc makes once every type is sized (types2 struct.go, size.go TCHANARGS): an embedded field is not a
    /// pointer type nor a pointer to an interface or pointer; a channel's element is smaller than 64 kB.
    /// </summary>
    /// <exception cref="KitInputException">The first violation, with its line.</exception>
    public void CheckAfterSizing(GoTypeExpr t)
    {
        switch (t.Kind)
        {
            case GoTypeKind.Struct:
                foreach (var f in t.Fields)
                {
                    if (f.Embedded)
                    {
                        var pointer = f.Type.Kind == GoTypeKind.PointerTo;
                        var named = Underlying(pointer ? f.Type.Elem! : f.Type);
                        if (named.Kind == GoTypeKind.PointerTo || named.Kind == GoTypeKind.UnsafePointer)
                            throw Error(f.Type, "embedded field type cannot be a pointer");
                        if (pointer && (named.Kind == GoTypeKind.Interface || named.Name is "error" or "any"))
                            throw Error(f.Type, "embedded field type cannot be a pointer to an interface");
                    }
                    CheckAfterSizing(f.Type);
                }
                break;
            case GoTypeKind.Chan:
                if (Measure(t.Elem!).Size >= 1 << 16) throw Error(t, "channel element type too large (>64kB)");
                CheckAfterSizing(t.Elem!);
                break;
            default:
                if (t.Key is not null) CheckAfterSizing(t.Key);
                if (t.Elem is not null) CheckAfterSizing(t.Elem);
                break;
        }
    }

    // A declared name's underlying type expression (aliases and defined types followed; cycles were refused by Measure).
    private GoTypeExpr Underlying(GoTypeExpr t)
    {
        for (var steps = 0; t.Kind == GoTypeKind.Named && _decls.TryGetValue(t.Name, out var d) && steps <= _decls.Count; steps++) t = d.Type;
        return t;
    }

    /// <summary>unsafe.Sizeof and unsafe.Alignof of <paramref name="t"/>.</summary>
    /// <exception cref="KitInputException">An invalid recursive type, an undefined name, or a type too large for the architecture.</exception>
    public (long Size, long Align) Measure(GoTypeExpr t)
    {
        var p = Arch.PtrSize;
        (long Size, long Align) result;
        switch (t.Kind)
        {
            case GoTypeKind.Named:
                return MeasureNamed(t);
            case GoTypeKind.UnsafePointer:
            case GoTypeKind.PointerTo:
            case GoTypeKind.Map:
            case GoTypeKind.Chan:
            case GoTypeKind.Func:
                return (p, p);
            case GoTypeKind.Slice:
                return (3L * p, p);
            case GoTypeKind.Interface:
                return (2L * p, p);
            case GoTypeKind.Array:
                var (elemSize, elemAlign) = Measure(t.Elem!);
                if (elemSize != 0 && (ulong)t.Length > (ulong)(Arch.MaxWidth - 1) / (ulong)elemSize)
                    throw Error(t, $"type {t} larger than address space on {Arch}");
                result = (t.Length * elemSize, elemAlign);
                break;
            default:
                var (_, size, align) = Offsets(t, t.Fields.Select(f => Measure(f.Type)).ToList());
                result = (size, align);
                break;
        }
        if (p == 4 && result.Size != (int)result.Size) throw Error(t, $"type {t} too large on {Arch}");
        return result;
    }

    /// <summary>
    /// calcStructOffset for a struct (flag 1) whose fields have the given sizes and alignments, in order: each
    /// field's offset, the struct's size and alignment.
    /// </summary>
    public (long[] Offsets, long Size, long Align) Offsets(GoTypeExpr at, IReadOnlyList<(long Size, long Align)> fields)
    {
        var offsets = new long[fields.Count];
        long o = 0, maxAlign = 1, lastZero = 0;
        var maxWidth = Arch.MaxWidth < 1L << 32 ? (1L << 31) - 1 : Arch.MaxWidth;
        for (var i = 0; i < fields.Count; i++)
        {
            var (w, a) = fields[i];
            if (a > maxAlign) maxAlign = a;
            if (a > 0) o = Rnd(o, a);
            offsets[i] = o;
            if (w == 0) lastZero = o;
            o += w;
            if (o >= maxWidth) throw Error(at, $"type {at} too large on {Arch}");
        }
        // "For nonzero-sized structs which end in a zero-sized thing, we add an extra byte of padding to the type.
        // This padding ensures that taking the address of the zero-sized thing can't manufacture a pointer to the
        // next object in the heap. See issue 9401."
        if (o > 0 && o == lastZero) o++;
        o = Rnd(o, maxAlign);
        return (offsets, o, maxAlign);
    }

    // size.go Rnd: round o up to a multiple of r (a power of two from 1 to 8).
    private static long Rnd(long o, long r) => (o + r - 1) & ~(r - 1);

    private (long Size, long Align) MeasureNamed(GoTypeExpr t)
    {
        if (_decls.TryGetValue(t.Name, out var decl))
        {
            if (_named.TryGetValue(t.Name, out var known)) return known;
            if (!_sizing.Add(t.Name)) throw Error(decl.Type, $"invalid recursive type {t.Name}");
            if (_sizing.Count > MaxNamedDepth)
                throw Error(decl.Type, $"type {t.Name} is sized through more than {MaxNamedDepth} declared types nested in one another; not supported");
            try
            {
                var measured = Measure(decl.Type);
                _named[t.Name] = measured;
                return measured;
            }
            finally
            {
                _sizing.Remove(t.Name);
            }
        }
        return Predeclared(t.Name) ?? throw Error(t, t.Name == "comparable" ? "comparable can only be used as a type constraint" : $"undefined: {t.Name}");
    }

    /// <summary>Size and alignment of a predeclared type (SimType maps int, uint, uintptr to the word-sized integer).</summary>
    public (long Size, long Align)? Predeclared(string name)
    {
        long p = Arch.PtrSize, r = Arch.RegSize;
        return name switch
        {
            "bool" or "int8" or "uint8" or "byte" => (1, 1),
            "int16" or "uint16" => (2, 2),
            "int32" or "uint32" or "rune" or "float32" => (4, 4),
            "int64" or "uint64" or "float64" => (8, r),
            "complex64" => (8, 4),
            "complex128" => (16, r),
            "int" or "uint" or "uintptr" => p == 8 ? (8, r) : (4, 4),
            "string" or "error" or "any" => (2 * p, p),
            _ => null,
        };
    }

    private KitInputException Error(GoTypeExpr at, string what) => KitInputException.For(what, parameter: "path", file: _file, line: at.Line);
}
