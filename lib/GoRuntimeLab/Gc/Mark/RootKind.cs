// Mirrors: runtime/mgcmark.go markroot (data/BSS block jobs and one stack job per goroutine), Go 1.8–1.23.
// Simplified: no finalizer, free-G-stack or span-special root jobs (the model has no finalizers).
namespace GoRuntimeLab.Gc.Mark;

/// <summary>The kinds of root the model scans.</summary>
public enum RootKind
{
    /// <summary>A global variable, scanned as part of a globals block job (markrootBlock).</summary>
    Global,

    /// <summary>A goroutine stack, scanned once by its own job (scanstack; gcscandone).</summary>
    Stack,
}
