// Mirrors: the choices behind runtime/mbarrier.go (barrier kind), mgcmark.go (markroot order, gcDrain vs gcDrainN)
// and proposal 17503 (no stack re-scan since Go 1.8), Go 1.5–1.23. Simplified: one background worker plus optional assists.
namespace GoRuntimeLab.Gc.Mark;

/// <summary>Immutable settings of a <see cref="MarkSimulator"/> run; copy with the <c>With*</c> methods,
/// e.g. <c>MarkConfig.Default.WithBarrier(WriteBarrierMode.None).WithSeed(7)</c>.</summary>
public sealed record MarkConfig
{
    /// <summary>Go 1.8+ (the newest modelled): hybrid barrier, no stack re-scan, globals in blocks of 4, seed 1.</summary>
    public static MarkConfig Default { get; } = new();

    /// <summary>The write barrier on heap and global pointer writes while the cycle runs.</summary>
    public WriteBarrierMode Barrier { get; init; } = WriteBarrierMode.Hybrid;

    /// <summary>Re-scan every stack in mark termination (Go 1.5–1.7, which the Dijkstra barrier needed). Off since Go 1.8.</summary>
    public bool RescanStacks { get; init; }

    /// <summary>GODEBUG=gccheckmark=1: mark termination also runs gcMarkRootCheck (mgc.go gcMark, Go 1.8–1.23), which
    /// confirms every goroutine's stack was scanned. A debugging mode, off by default as in Go.</summary>
    public bool CheckMark { get; init; }

    /// <summary>Globals per globals-block root job (the model's rootBlockBytes, which is 256 KiB in Go).</summary>
    public int GlobalsPerBlock { get; init; } = 4;

    /// <summary>Let mutator assists take part (gcDrainN: grey heap objects before the remaining root jobs), so heap
    /// objects can turn black while some stacks are still unscanned, as with several mark workers. Random choice per step.</summary>
    public bool Assists { get; init; }

    /// <summary>Random mutator: the chance that the next step is a mutator statement rather than GC work.</summary>
    public double MutatorShare { get; init; } = 0.5;

    /// <summary>Random mutator: how many statements it runs at most during the cycle.</summary>
    public int MutatorSteps { get; init; } = 30;

    /// <summary>Seed of the random mutator and of the assist choices. Same graph, config and seed ⇒ same run.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>
    /// Budget: objects, roots and edges recorded over all the run's <see cref="MarkState"/> snapshots (one per step,
    /// each a copy of the whole graph, so a run costs steps × graph size). Default 2,000,000 (≈ 100 MB): the course's
    /// graphs of tens of objects record a few thousand. Exceeding it throws <see cref="SimulationBudgetException"/>
    /// naming <c>MarkConfig.MaxRecordedItems</c>.
    /// </summary>
    public long MaxRecordedItems { get; init; } = 2_000_000;

    /// <summary>The invariant the barrier should keep: strong for Dijkstra, weak for the others (none keeps nothing,
    /// so its runs are checked against the weak invariant, the one whose loss makes a lost object possible).</summary>
    public TriColorInvariant ExpectedInvariant => Barrier == WriteBarrierMode.DijkstraInsertion ? TriColorInvariant.Strong : TriColorInvariant.Weak;

    /// <summary>The collector of a Go release: hybrid barrier without re-scan from 1.8; Dijkstra with stack re-scan in 1.5–1.7.</summary>
    public static MarkConfig For(GoVersion version)
    {
        if (version.AtLeast(new GoVersion(1, 8))) return Default;
        if (version.AtLeast(new GoVersion(1, 5))) return Default with { Barrier = WriteBarrierMode.DijkstraInsertion, RescanStacks = true };
        throw KitInputException.For($"{version}: Go before 1.5 stopped the world for the whole mark phase; no concurrent mark to model", parameter: "version");
    }

    public MarkConfig WithBarrier(WriteBarrierMode barrier) =>
        Enum.IsDefined(barrier) ? this with { Barrier = barrier } : throw KitInputException.For($"unknown barrier {barrier}", parameter: "barrier");

    public MarkConfig WithRescanStacks(bool rescan = true) => this with { RescanStacks = rescan };

    public MarkConfig WithGlobalsPerBlock(int globals) =>
        globals is >= 1 and <= 1000 ? this with { GlobalsPerBlock = globals }
            : throw KitInputException.For($"{globals}: expected 1 to 1000 globals per block", parameter: "globalsPerBlock");

    public MarkConfig WithAssists(bool assists = true) => this with { Assists = assists };

    /// <summary>Turns on GODEBUG=gccheckmark=1's gcMarkRootCheck at mark termination.</summary>
    public MarkConfig WithCheckMark(bool checkMark = true) => this with { CheckMark = checkMark };

    public MarkConfig WithMutatorShare(double share) =>
        share is >= 0 and < 1 ? this with { MutatorShare = share }
            : throw KitInputException.For($"{share}: expected a probability in [0, 1)", parameter: "mutatorShare");

    public MarkConfig WithMutatorSteps(int steps) =>
        steps is >= 0 and <= 100_000 ? this with { MutatorSteps = steps }
            : throw KitInputException.For($"{steps}: expected 0 to 100000 mutator steps", parameter: "mutatorSteps");

    public MarkConfig WithSeed(int seed) => this with { Seed = seed };

    public MarkConfig WithMaxRecordedItems(long items) =>
        items >= 1 ? this with { MaxRecordedItems = items }
            : throw KitInputException.For($"{items}: expected at least 1", parameter: "MarkConfig.MaxRecordedItems");

    public override string ToString() =>
        $"{Barrier} barrier{(RescanStacks ? " + stack re-scan" : "")}{(Assists ? " + assists" : "")}{(CheckMark ? " + gccheckmark=1" : "")}, seed {Seed}";
}
