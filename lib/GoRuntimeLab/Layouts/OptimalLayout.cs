namespace GoRuntimeLab.Layouts;

/// <summary>The field order fieldalignment suggests and the size the compiler gives the struct in that order.</summary>
/// <param name="Size">The struct's size with its fields in <see cref="Order"/>.</param>
/// <param name="Order">Field names, in the suggested order.</param>
public sealed record OptimalLayout(long Size, IReadOnlyList<string> Order)
{
    /// <summary>Bytes saved against the declared order.</summary>
    public long SavedFrom(long declaredSize) => declaredSize - Size;
}
