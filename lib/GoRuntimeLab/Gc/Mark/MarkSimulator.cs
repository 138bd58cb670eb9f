// Mirrors: runtime/mgc.go (gcStart, gcMarkDone, gcMarkTermination) and mgcmark.go (gcMarkRootPrepare, markroot,
// gcMarkRootCheck, scanobject), Go 1.8–1.23. Simplified: one GC cycle, see MarkEngine.cs for what is left out.
namespace GoRuntimeLab.Gc.Mark;

/// <summary>
/// Runs one GC cycle over an <see cref="ObjectGraph"/>, interleaving marking steps with mutator statements, and
/// records an immutable <see cref="MarkState"/> after every step. The mutator is either a <see cref="MarkScript"/>
/// or, when none is given, a seeded random mutator (<see cref="MarkConfig.Seed"/>). The configured tri-colour
/// invariant is checked after every step and the sweep is checked for freed reachable objects.
/// </summary>
public static class MarkSimulator
{
    /// <summary>Runs the cycle. Same graph, config and script (or seed) ⇒ identical result.</summary>
    /// <exception cref="KitInputException">A script names an unknown goroutine or variable, dereferences nil,
    /// or has GC work left after the cycle ended.</exception>
    public static MarkRun Run(ObjectGraph graph, MarkConfig? config = null, MarkScript? script = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var engine = new MarkEngine(graph, config ?? MarkConfig.Default);
        if (script is null) engine.RunRandom();
        else engine.RunScript(script);
        return engine.Result();
    }
}
