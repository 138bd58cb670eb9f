// Mirrors: runtime/mgcpacer_test.go (gcExecTest: name, gcPercent, memoryLimit, globalsBytes, nCores, the five streams,
// length, checker; next), Go 1.19–1.23. Simplified: streams are built by factories so a scenario can run many times.
namespace GoRuntimeLab.Gc.Pacer;

/// <summary>
/// One TestGcPacer scenario: the GC settings, the workload streams (rates in KiB per CPU-ms) and Go's pass
/// conditions. Streams are created fresh for every run by the factories.
/// </summary>
public sealed record PacerScenario
{
    /// <summary>Go's minRate: rates and growth are clamped to at least 1e-4.</summary>
    public const double MinRate = 0.0001;

    public required string Name { get; init; }

    public required int GcPercent { get; init; }

    public required long MemoryLimit { get; init; }

    public required ulong GlobalsBytes { get; init; }

    public required int NCores { get; init; }

    public required Func<CycleSeries> AllocRate { get; init; }

    public required Func<CycleSeries> ScanRate { get; init; }

    public required Func<CycleSeries> GrowthRate { get; init; }

    public required Func<CycleSeries> ScannableFrac { get; init; }

    public required Func<CycleSeries> StackBytes { get; init; }

    public required int Length { get; init; }

    /// <summary>Go's checker, run after every cycle with all results so far.</summary>
    public required Action<PacerCheck, IReadOnlyList<PacerCycleResult>> Checker { get; init; }

    /// <summary>A one-line description of the workload, in Go's stream notation.</summary>
    public string Describe() =>
        $"{Name}: GOGC={GoGcSetting.Format(GcPercent)} limit={Pacer.MemoryLimit.Format(MemoryLimit)} globals={GlobalsBytes} " +
        $"cores={NCores} alloc={AllocRate()} scan={ScanRate()} growth={GrowthRate()} frac={ScannableFrac()} stacks={StackBytes()} length={Length}";

    public override string ToString() => $"PacerScenario {Name} ({Length} cycles, GOGC={GoGcSetting.Format(GcPercent)}, limit={Pacer.MemoryLimit.Format(MemoryLimit)})";
}
