// Mirrors: runtime/mgcpacer_test.go (TestGcPacer's simulation loop, gcExecTest.next/check) and runtime/export_test.go
// (NewGCController, GCController.StartCycle, Revise, EndCycle), Go 1.19–1.23.
// Simplified: nothing in the arithmetic; checks are collected instead of failing a testing.T.
namespace GoRuntimeLab.Gc.Pacer;

/// <summary>
/// Go's TestGcPacer harness: an idealised GC in which marking proceeds in 500 µs steps, the mutator allocates at
/// the scenario's rate and assists keep the allocated-to-scanned ratio at the pacer's assist ratio. Each cycle
/// yields a <see cref="PacerCycleResult"/> identical to the line Go logs, so model and real Go can be compared
/// byte for byte.
/// </summary>
public static class PacerHarness
{
    private const ulong InitialHeapBytes = 256 << 10;
    private const long RevisePeriod = 500_000; // 500 µs in ns
    private const double RateConv = 1024 * (double)RevisePeriod / 1_000_000; // KiB/cpu-ms → bytes per period per core

    /// <summary>
    /// Budget: revise periods (500 µs steps of a mark phase) over a whole scenario. Go's scenarios take a few thousand;
    /// a scenario whose heap outgrows its scan rate (growth compounding over many cycles) would take for ever, so
    /// more than 10,000,000 throws <see cref="SimulationBudgetException"/>.
    /// </summary>
    public const long MaxSteps = 10_000_000;

    /// <summary>The longest scenario accepted (cycles): Go's run 50–150; each cycle keeps a result line.</summary>
    public const int MaxLength = 100_000;

    /// <summary>Runs the scenario called <paramref name="name"/> for Go <paramref name="version"/>.</summary>
    public static PacerRun Run(string name, GoVersion version) => Run(PacerScenarios.Get(name), version);

    /// <summary>Runs <paramref name="scenario"/> for the newest modelled Go.</summary>
    public static PacerRun Run(PacerScenario scenario) => Run(scenario, GoVersion.Latest);

    /// <summary>Runs <paramref name="scenario"/> for Go <paramref name="version"/>.</summary>
    public static PacerRun Run(PacerScenario scenario, GoVersion version) => Run(scenario, version, observe: null);

    /// <summary>
    /// Runs <paramref name="scenario"/>, calling <paramref name="observe"/> with the controller after every state
    /// change (StartCycle, each Revise, EndCycle) — e.g. to check invariants or record the assist ratio.
    /// </summary>
    public static PacerRun Run(PacerScenario scenario, GoVersion version, Action<GcController>? observe)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (scenario.Length is < 0 or > MaxLength)
        {
            throw KitInputException.For(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"must be 0…{MaxLength} cycles, not {scenario.Length}"),
                parameter: "PacerScenario.Length");
        }
        var e = new StreamSet(scenario);
        var c = NewGcController(version, scenario.GcPercent, scenario.MemoryLimit);
        observe?.Invoke(c);

        long bytesAllocatedBlackLast = 0;
        long steps = 0;
        var results = new List<PacerCycleResult>(scenario.Length);
        var failures = new List<PacerCheckFailure>();
        var nCores = scenario.NCores;
        for (var i = 0; i < scenario.Length; i++)
        {
            var cycle = e.Next();
            StartCycle(c, cycle.StackBytes, scenario.GlobalsBytes, cycle.ScannableFrac, nCores);
            observe?.Invoke(c);

            long nextHeapMarked = i == 0
                ? (long)InitialHeapBytes
                : GoConvert.ToInt64((double)(unchecked((long)c.HeapMarked) - bytesAllocatedBlackLast) * cycle.GrowthRate);
            var workLeft = new long[]
            {
                unchecked((long)scenario.GlobalsBytes),
                unchecked((long)cycle.StackBytes),
                GoConvert.ToInt64(nextHeapMarked * cycle.ScannableFrac),
            };

            long gcDuration = 0;
            long assistTime = 0;
            long bytesAllocatedBlack = 0;
            while (workLeft[0] + workLeft[1] + workLeft[2] > 0)
            {
                if (++steps > MaxSteps)
                {
                    throw SimulationBudgetException.Exceeded("PacerHarness.MaxSteps", MaxSteps, "revise periods",
                        "the scenario's heap outgrows its scan rate (lower the growth or raise the scan rate, or shorten it)");
                }

                // Idealised assists: the assist ratio fixes scanned/allocated, which fixes the GC's CPU share
                // u = A·alloc / (A·alloc + scan); below 25 % assists simply do not run.
                var assistRatio = c.AssistWorkPerByte;
                var utilization = assistRatio * cycle.AllocRate / (assistRatio * cycle.AllocRate + cycle.ScanRate);
                if (utilization < PacerConstants.GcBackgroundUtilization) utilization = PacerConstants.GcBackgroundUtilization;

                var bytesScanned = GoConvert.ToInt64(cycle.ScanRate * RateConv * nCores * utilization);
                var bytesAllocated = GoConvert.ToInt64(cycle.AllocRate * RateConv * nCores * (1 - utilization));

                // Go's test loops for ever when a period scans nothing; the kit refuses such a scenario instead.
                if (bytesScanned <= 0)
                {
                    throw KitInputException.For(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                        $"cycle {i + 1}: the scan rate ({cycle.ScanRate} KiB per CPU-ms) scans nothing in a {RevisePeriod / 1000} µs revise period"),
                        parameter: "PacerScenario.ScanRate");
                }

                var (globalsScanned, stackScanned, heapScanned) = DoWork(workLeft, bytesScanned);

                // The last step may need less than a full period: scale its time and allocation down.
                var actualElapsed = RevisePeriod;
                var actualAllocated = bytesAllocated;
                var actualScanned = globalsScanned + stackScanned + heapScanned;
                if (actualScanned < bytesScanned)
                {
                    actualElapsed = GoConvert.ToInt64(actualScanned * (double)RevisePeriod / (cycle.ScanRate * RateConv * nCores * utilization));
                    actualAllocated = GoConvert.ToInt64(cycle.AllocRate * RateConv * actualElapsed / RevisePeriod * nCores * (1 - utilization));
                }

                Revise(c, new ReviseDelta(
                    HeapLive: actualAllocated,
                    HeapScan: GoConvert.ToInt64(actualAllocated * cycle.ScannableFrac),
                    HeapScanWork: heapScanned,
                    StackScanWork: stackScanned,
                    GlobalsScanWork: globalsScanned));
                observe?.Invoke(c);

                assistTime += GoConvert.ToInt64((double)actualElapsed * nCores * (utilization - PacerConstants.GcBackgroundUtilization));
                gcDuration += actualElapsed;
                bytesAllocatedBlack += actualAllocated;
            }

            var result = new PacerCycleResult(
                Cycle: i + 1,
                HeapLive: c.HeapMarked,
                HeapTrigger: c.Triggered,
                HeapGoal: c.HeapGoal(),
                HeapPeak: c.HeapLive,
                HeapScannable: GoConvert.ToInt64((double)(unchecked((long)c.HeapMarked) - bytesAllocatedBlackLast) * cycle.ScannableFrac),
                GcUtilization: (double)assistTime / ((double)gcDuration * nCores) + PacerConstants.GcBackgroundUtilization);
            results.Add(result);

            if (!Check(scenario, version, results, failures)) break;

            EndCycle(c, unchecked((ulong)(nextHeapMarked + bytesAllocatedBlack)), assistTime, gcDuration, nCores);
            observe?.Invoke(c);
            bytesAllocatedBlackLast = bytesAllocatedBlack;
        }

        return new PacerRun(scenario.Name, version, results, failures);
    }

    // doWork: globals first, then stacks, then heap.
    private static (long Globals, long Stacks, long Heap) DoWork(long[] workLeft, long work)
    {
        Span<long> deltas = stackalloc long[3];
        for (var i = 0; i < 3; i++)
        {
            if (workLeft[i] == 0) continue;
            if (workLeft[i] > work)
            {
                deltas[i] += work;
                workLeft[i] -= work;
                break;
            }

            deltas[i] += workLeft[i];
            work -= workLeft[i];
            workLeft[i] = 0;
        }

        return (deltas[0], deltas[1], deltas[2]);
    }

    // gcExecTest.check: generic checks (t.Error / t.Fatal), then the scenario's own; false after a t.Fatal.
    private static bool Check(PacerScenario scenario, GoVersion version, List<PacerCycleResult> results, List<PacerCheckFailure> failures)
    {
        var n = results.Count;
        var t = new PacerCheck(version, failures, n);
        if (n == 1 && results[0].Cycle != 1) t.Error("first cycle has incorrect number");
        if (n > 1 && results[n - 1].Cycle != results[n - 2].Cycle + 1) t.Error("cycle numbers out of order");
        if (results[n - 1].GcUtilization is < 0 or > 1)
        {
            t.Fatal("GC utilization not within acceptable bounds");
            return false;
        }

        if (results[n - 1].HeapScannable < 0)
        {
            t.Fatal("heapScannable is negative");
            return false;
        }

        scenario.Checker(t, results);
        return true;
    }

    /// <summary>export_test.go NewGCController: a controller for <paramref name="version"/> after init (commit(true)).</summary>
    public static GcController NewGcController(GoVersion version, int gcPercent, long memoryLimit)
    {
        var c = new GcController(version);
        c.Init(gcPercent, memoryLimit);
        return c;
    }

    /// <summary>
    /// export_test.go GCController.StartCycle: heapLive jumps to max(trigger, heapMarked), heapScan grows by the
    /// scannable part of that allocation, stacks and globals are set, then startCycle(0, procs, heap trigger).
    /// </summary>
    public static void StartCycle(GcController c, ulong stackSize, ulong globalsSize, double scannableFrac, int gomaxprocs)
    {
        ArgumentNullException.ThrowIfNull(c);
        var (trigger, _) = c.Trigger();
        if (c.HeapMarked > trigger) trigger = c.HeapMarked;
        c.MaxStackScan = stackSize;
        c.GlobalsScan = globalsSize;
        c.HeapLive = trigger;
        // Go 1.19: heapScan += uint64(f); 1.20+: heapScan.Add(int64(f)) — identical for the non-negative values here.
        c.HeapScan = unchecked(c.HeapScan + (ulong)GoConvert.ToInt64((trigger - c.HeapMarked) * scannableFrac));
        c.StartCycle(0, gomaxprocs, GcTriggerKind.Heap);
    }

    /// <summary>export_test.go GCController.Revise: apply the deltas, then revise().</summary>
    public static void Revise(GcController c, ReviseDelta d)
    {
        ArgumentNullException.ThrowIfNull(c);
        c.HeapLive = unchecked(c.HeapLive + (ulong)d.HeapLive);
        c.HeapScan = unchecked(c.HeapScan + (ulong)d.HeapScan);
        c.HeapScanWork += d.HeapScanWork;
        c.StackScanWork += d.StackScanWork;
        c.GlobalsScanWork += d.GlobalsScanWork;
        c.Revise();
    }

    /// <summary>export_test.go GCController.EndCycle: assistTime, endCycle(elapsed, procs), resetLive, commit(false).</summary>
    public static void EndCycle(GcController c, ulong bytesMarked, long assistTime, long elapsed, int gomaxprocs)
    {
        ArgumentNullException.ThrowIfNull(c);
        c.AssistTime = assistTime;
        c.EndCycle(elapsed, gomaxprocs, userForced: false);
        c.ResetLive(bytesMarked);
        c.Commit(isSweepDone: false);
    }

    // The five streams of a scenario, clamped per cycle exactly as gcExecTest.next does.
    private sealed class StreamSet(PacerScenario s)
    {
        private readonly CycleSeries _alloc = s.AllocRate().Min(PacerScenario.MinRate);
        private readonly CycleSeries _scan = s.ScanRate().Min(PacerScenario.MinRate);
        private readonly CycleSeries _growth = s.GrowthRate().Min(PacerScenario.MinRate);
        private readonly CycleSeries _frac = s.ScannableFrac().Limit(0, 1);
        private readonly CycleSeries _stacks = s.StackBytes().Quantize(2048).Min(0);

        public PacerCycleInput Next() => new(
            _alloc.Next(), _scan.Next(), _growth.Next(), _frac.Next(), GoConvert.ToUint64(_stacks.Next()));
    }
}
