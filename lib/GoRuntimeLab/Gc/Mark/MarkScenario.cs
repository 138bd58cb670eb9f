// Mirrors: the interleavings discussed in runtime/mbarrier.go and proposal 17503-eliminate-rescan.md, Go 1.5–1.23.
// Simplified: a named graph + script + config, runnable under any barrier.
namespace GoRuntimeLab.Gc.Mark;

/// <summary>A ready-made case: a graph, a scripted mutator and the settings; <see cref="Run"/> it, or swap the barrier first.</summary>
/// <param name="Name">Short name.</param>
/// <param name="Description">What the mutator does and what goes wrong without the right barrier.</param>
/// <param name="Graph">The starting graph.</param>
/// <param name="Script">The interleaving of GC work and mutator statements.</param>
/// <param name="Config">The settings (barrier, re-scan).</param>
public sealed record MarkScenario(string Name, string Description, ObjectGraph Graph, MarkScript Script, MarkConfig Config)
{
    /// <summary>The same scenario under another barrier.</summary>
    public MarkScenario WithBarrier(WriteBarrierMode barrier) => this with { Config = Config.WithBarrier(barrier) };

    /// <summary>The same scenario with or without the Go 1.5–1.7 stack re-scan in mark termination.</summary>
    public MarkScenario WithRescanStacks(bool rescan = true) => this with { Config = Config.WithRescanStacks(rescan) };

    /// <summary>Runs it (deterministic: no randomness is involved).</summary>
    public MarkRun Run() => MarkSimulator.Run(Graph, Config, Script);

    public override string ToString() => $"{Name} ({Config}): {Description}";
}
