namespace GoRuntimeLab.Layouts;

/// <summary>One field of a struct type; <c>a, b int</c> is two fields.</summary>
/// <param name="Name">The field name; an embedded field's name is its type name (<c>*T</c> → T).</param>
/// <param name="Type">The field's type.</param>
/// <param name="Embedded">An embedded field.</param>
/// <param name="Line">1-based line of the field.</param>
public sealed record GoField(string Name, GoTypeExpr Type, bool Embedded, int Line);
