namespace GoRuntimeLab.Layouts;

/// <summary>Where one field sits in its struct, as the compiler places it.</summary>
/// <param name="Name">The field name (an embedded field's type name).</param>
/// <param name="Type">The field's type as written.</param>
/// <param name="Offset">Bytes from the start of the struct (unsafe.Offsetof).</param>
/// <param name="Size">unsafe.Sizeof of the field.</param>
/// <param name="Align">unsafe.Alignof of the field.</param>
/// <param name="PaddingBefore">Bytes of padding between the previous field's end (or 0) and this field.</param>
public sealed record FieldLayout(string Name, string Type, long Offset, long Size, long Align, long PaddingBefore);
