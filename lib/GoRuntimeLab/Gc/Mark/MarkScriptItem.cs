// Mirrors: an interleaving of GC work (gcDrain) and mutator code, as the scheduler would produce it, Go 1.8–1.23.
// Simplified: the interleaving is written out by hand instead of coming from a scheduler.
namespace GoRuntimeLab.Gc.Mark;

/// <summary>One entry of a <see cref="MarkScript"/>: GC work, GC work until something is black, or a mutator statement.</summary>
/// <param name="Kind">Which of the three.</param>
/// <param name="Count">GC steps to run, for <see cref="MarkScriptItemKind.Gc"/>.</param>
/// <param name="Name">The object or root to wait for (<see cref="MarkScriptItemKind.GcUntilBlack"/>) or the goroutine running the statement.</param>
/// <param name="Statement">The mutator statement, for <see cref="MarkScriptItemKind.Statement"/>.</param>
public sealed record MarkScriptItem(MarkScriptItemKind Kind, int Count, string? Name, MutatorStatement? Statement)
{
    public override string ToString() => Kind switch
    {
        MarkScriptItemKind.Gc => $"gc ×{Count}",
        MarkScriptItemKind.GcUntilBlack => $"gc until {Name} is black",
        _ => $"{Name}: {Statement}",
    };
}
