// Mirrors: see MarkScriptItem.cs, Go 1.8–1.23.
// Simplified: three kinds of script entry.
namespace GoRuntimeLab.Gc.Mark;

/// <summary>The kind of a <see cref="MarkScriptItem"/>.</summary>
public enum MarkScriptItemKind
{
    /// <summary>Run a number of GC steps.</summary>
    Gc,

    /// <summary>Run GC steps until an object is black or a root (global, goroutine stack) has been scanned.</summary>
    GcUntilBlack,

    /// <summary>Run one mutator statement on a goroutine.</summary>
    Statement,
}
