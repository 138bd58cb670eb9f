namespace GoRuntimeLab.Layouts;

/// <summary>The kinds of Go type expression the layout reader understands.</summary>
public enum GoTypeKind
{
    /// <summary>A type name: predeclared (int, string, error…) or declared in the file.</summary>
    Named,

    /// <summary>unsafe.Pointer.</summary>
    UnsafePointer,

    /// <summary>*T (the compiler's TPTR).</summary>
    PointerTo,

    /// <summary>[]T.</summary>
    Slice,

    /// <summary>[N]T.</summary>
    Array,

    /// <summary>map[K]V.</summary>
    Map,

    /// <summary>chan T, &lt;-chan T, chan&lt;- T.</summary>
    Chan,

    /// <summary>func(…) ….</summary>
    Func,

    /// <summary>interface{…}.</summary>
    Interface,

    /// <summary>struct{…}.</summary>
    Struct,
}
