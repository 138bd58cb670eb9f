namespace GoRuntimeLab.Layouts;

/// <summary>The type declarations of one Go source file, in source order.</summary>
/// <param name="Path">The file as the user named it (or a label for text given directly).</param>
/// <param name="Package">The package clause's name.</param>
/// <param name="Types">Every top-level type declaration, in order.</param>
public sealed record GoTypeFile(string Path, string Package, IReadOnlyList<GoTypeDecl> Types);
