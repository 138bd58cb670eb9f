namespace GoRuntimeLab.Layouts;

/// <summary>A <c>type Name T</c> (or alias <c>type Name = T</c>) declaration.</summary>
/// <param name="Name">The declared name.</param>
/// <param name="Type">Its underlying type expression.</param>
/// <param name="IsAlias">An alias declaration (<c>=</c>).</param>
/// <param name="Line">1-based line of the name.</param>
public sealed record GoTypeDecl(string Name, GoTypeExpr Type, bool IsAlias, int Line);
