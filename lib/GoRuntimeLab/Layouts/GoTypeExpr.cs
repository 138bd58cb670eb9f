using System.Globalization;
using System.Text;

namespace GoRuntimeLab.Layouts;

/// <summary>A Go type expression as written in the source (go/ast's type expressions, reduced to what sizing needs).</summary>
/// <param name="Kind">What kind of type.</param>
/// <param name="Line">1-based line where it starts.</param>
public sealed record GoTypeExpr(GoTypeKind Kind, int Line)
{
    /// <summary>The type name (<see cref="GoTypeKind.Named"/>).</summary>
    public string Name { get; init; } = "";

    /// <summary>The element count (<see cref="GoTypeKind.Array"/>).</summary>
    public long Length { get; init; }

    /// <summary>The element (pointer, slice, array, chan) or value (map) type.</summary>
    public GoTypeExpr? Elem { get; init; }

    /// <summary>The key type of a map.</summary>
    public GoTypeExpr? Key { get; init; }

    /// <summary>The fields of a struct, in order.</summary>
    public IReadOnlyList<GoField> Fields { get; init; } = [];

    /// <summary>The source text of a func or interface type (its size does not depend on it), or a chan's direction keyword.</summary>
    public string Text { get; init; } = "";

    /// <summary>The type as Go prints it, with nested structs on one line: <c>map[string][]*T</c>, <c>struct{a int8; b [0]int64}</c>.</summary>
    public override string ToString() => Render(new StringBuilder()).ToString();

    private StringBuilder Render(StringBuilder s)
    {
        switch (Kind)
        {
            case GoTypeKind.Named: return s.Append(Name);
            case GoTypeKind.UnsafePointer: return s.Append("unsafe.Pointer");
            case GoTypeKind.PointerTo: return Elem!.Render(s.Append('*'));
            case GoTypeKind.Slice: return Elem!.Render(s.Append("[]"));
            case GoTypeKind.Array: return Elem!.Render(s.Append('[').Append(Length.ToString(CultureInfo.InvariantCulture)).Append(']'));
            case GoTypeKind.Map: return Elem!.Render(Key!.Render(s.Append("map[")).Append(']'));
            case GoTypeKind.Chan: return Elem!.Render(s.Append(Text).Append(' '));
            case GoTypeKind.Func:
            case GoTypeKind.Interface: return s.Append(Text);
            default:
                s.Append("struct{");
                for (var i = 0; i < Fields.Count; i++)
                {
                    if (i > 0) s.Append("; ");
                    var f = Fields[i];
                    if (!f.Embedded) s.Append(f.Name).Append(' ');
                    f.Type.Render(s);
                }
                return s.Append('}');
        }
    }
}
