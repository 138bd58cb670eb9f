namespace GoRuntimeLab.Layouts;

/// <summary>The layout of every type declared in a file, for one architecture.</summary>
/// <param name="Source">The file as the user named it.</param>
/// <param name="Arch">The architecture the sizes are for.</param>
/// <param name="Types">One entry per declared type (blank <c>_</c> types left out), in source order.</param>
public sealed record LayoutReport(string Source, GoArch Arch, IReadOnlyList<TypeLayout> Types)
{
    /// <summary>The layout of the type <paramref name="name"/>.</summary>
    /// <exception cref="KitInputException">No such type in the file.</exception>
    public TypeLayout this[string name] => Types.FirstOrDefault(t => t.Name == name)
        ?? throw KitInputException.For($"no type {name} in {Source} (types: {string.Join(", ", Types.Select(t => t.Name))})", parameter: "name");
}
