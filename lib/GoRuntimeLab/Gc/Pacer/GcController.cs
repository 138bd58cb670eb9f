// Mirrors: runtime/mgcpacer.go (gcControllerState: init, startCycle, revise, endCycle, resetLive, markWorkerStop,
// update, addScannableStack, addGlobals, heapGoal, heapGoalInternal, memoryLimitHeapGoal, trigger, commit,
// setGCPercent, setMemoryLimit, add/need/remove/setMaxIdleMarkWorker(s)), Go 1.19, 1.20, 1.21, 1.22, 1.23.
// Simplified: single-threaded (atomics are plain fields), no per-P state (addScannableStack has no slack batching),
// no tracing/scavenger/sweeper side effects of gcControllerCommit, debug.gcstoptheworld ignored.
using System.Globalization;

namespace GoRuntimeLab.Gc.Pacer;

/// <summary>
/// Go's GC pacer (<c>gcControllerState</c>) as a mutable state machine: the same fields (in C# casing), the same
/// methods, the same uint64/int64/float64 arithmetic in the same order, with the behaviour that changed between
/// releases selected by <see cref="Version"/>:
/// <list type="bullet">
/// <item>cons/mark smoothing: Go 1.19 a PI controller; 1.20 the mean of the last two estimates; 1.21+ the max of
/// the current and the last four estimates;</item>
/// <item><see cref="Triggered"/>: Go 1.19 records the precomputed trigger, 1.20+ the heap size the cycle actually
/// started at;</item>
/// <item>memory-limit headroom: 1 MiB in 1.19–1.20, max(3 %, 1 MiB) in 1.21+.</item>
/// </list>
/// Call <see cref="Init"/> (or use <see cref="Create(GcConfig)"/>) before anything else, as the runtime does.
/// </summary>
public sealed class GcController
{
    private readonly double[] _lastConsMark;
    private ulong _idleMarkWorkers;

    /// <summary>An uninitialised controller for <paramref name="version"/>; call <see cref="Init"/> next.</summary>
    public GcController(GoVersion version)
    {
        GcConfig.ValidateVersion(version);
        Version = version;
        // Go 1.20 keeps one previous estimate (lastConsMark float64), 1.21+ four ([4]float64), 1.19 none.
        _lastConsMark = new double[SmoothingOf(version) switch
        {
            ConsMarkSmoothing.MovingAverage => 1,
            ConsMarkSmoothing.MaxOfLastFive => 4,
            _ => 0,
        }];
    }

    /// <summary>A controller initialised from <paramref name="config"/> (version, GOGC, memory limit).</summary>
    public static GcController Create(GcConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var c = new GcController(config.Version);
        c.Init(config.Gogc, config.MemoryLimit);
        return c;
    }

    /// <summary>The Go release whose pacer this is.</summary>
    public GoVersion Version { get; }

    /// <summary>How this version smooths the cons/mark estimate.</summary>
    public ConsMarkSmoothing Smoothing => SmoothingOf(Version);

    /// <summary>gcPercent: GOGC; -1 means off.</summary>
    public int GcPercent { get; private set; }

    /// <summary>memoryLimit: the soft memory limit in bytes (math.MaxInt64 = none).</summary>
    public long MemoryLimit { get; private set; }

    /// <summary>heapMinimum: defaultHeapMinimum*GOGC/100 (computed in uint64, so GOGC=off wraps, as in Go).</summary>
    public ulong HeapMinimum { get; private set; }

    /// <summary>runway: heap bytes the GC should be given once it starts, computed by commit from cons/mark.</summary>
    public ulong RunwayBytes { get; private set; }

    /// <summary>
    /// consMark: the smoothed cons/mark estimate (allocation rate over scan rate, per CPU). Settable for what-if
    /// experiments (as Go's own package code may); <see cref="Commit"/> turns it into <see cref="RunwayBytes"/>.
    /// </summary>
    public double ConsMark { get; set; }

    /// <summary>
    /// lastConsMark: the previous raw estimates, oldest first (Go 1.20: one; 1.21+: four; 1.19: none).
    /// </summary>
    public IReadOnlyList<double> LastConsMark => _lastConsMark;

    /// <summary>consMarkController: the Go 1.19 PI controller (null in other versions).</summary>
    public PiController? ConsMarkController { get; private set; }

    /// <summary>gcPercentHeapGoal: the GOGC goal, or ^uint64(0) when GOGC is off.</summary>
    public ulong GcPercentHeapGoal { get; private set; }

    /// <summary>sweepDistMinTrigger: heapLive + 1 MiB at commit while sweeping, else 0.</summary>
    public ulong SweepDistMinTrigger { get; private set; }

    /// <summary>triggered: where the running cycle triggered; ^uint64(0) outside a cycle.</summary>
    public ulong Triggered { get; private set; }

    /// <summary>True between <see cref="StartCycle"/> and <see cref="ResetLive"/> (triggered != ^uint64(0)).</summary>
    public bool InCycle => Triggered != PacerConstants.NoValue;

    /// <summary>lastHeapGoal: heapGoal() when the last cycle ended.</summary>
    public ulong LastHeapGoal { get; private set; }

    /// <summary>heapLive: bytes considered live (marked last cycle plus allocated since).</summary>
    public ulong HeapLive { get; set; }

    /// <summary>heapScan: the scannable part of heapLive; fixed during a cycle.</summary>
    public ulong HeapScan { get; set; }

    /// <summary>lastHeapScan: heap bytes scanned by the last cycle.</summary>
    public ulong LastHeapScan { get; private set; }

    /// <summary>lastStackScan: stack bytes scanned by the last cycle.</summary>
    public ulong LastStackScan { get; private set; }

    /// <summary>maxStackScan: allocated goroutine stack bytes (an overestimate of stack scan work).</summary>
    public ulong MaxStackScan { get; set; }

    /// <summary>globalsScan: scannable data+bss bytes.</summary>
    public ulong GlobalsScan { get; set; }

    /// <summary>heapMarked: bytes marked by the previous cycle.</summary>
    public ulong HeapMarked { get; private set; }

    /// <summary>heapScanWork: heap scan work done this cycle.</summary>
    public long HeapScanWork { get; set; }

    /// <summary>stackScanWork: stack scan work done this cycle.</summary>
    public long StackScanWork { get; set; }

    /// <summary>globalsScanWork: globals scan work done this cycle.</summary>
    public long GlobalsScanWork { get; set; }

    /// <summary>bgScanCredit: background scan credit that assists may steal.</summary>
    public long BgScanCredit { get; set; }

    /// <summary>assistTime: nanoseconds of mutator assists this cycle.</summary>
    public long AssistTime { get; set; }

    /// <summary>dedicatedMarkTime: nanoseconds of dedicated mark workers this cycle.</summary>
    public long DedicatedMarkTime { get; private set; }

    /// <summary>fractionalMarkTime: nanoseconds of the fractional worker this cycle.</summary>
    public long FractionalMarkTime { get; private set; }

    /// <summary>idleMarkTime: nanoseconds of idle mark workers this cycle.</summary>
    public long IdleMarkTime { get; private set; }

    /// <summary>markStartTime: when assists and workers started (ns).</summary>
    public long MarkStartTime { get; private set; }

    /// <summary>dedicatedMarkWorkersNeeded: dedicated workers still to start this cycle.</summary>
    public long DedicatedMarkWorkersNeeded { get; set; }

    /// <summary>assistWorkPerByte: scan work owed per allocated byte.</summary>
    public double AssistWorkPerByte { get; private set; }

    /// <summary>assistBytesPerWork: 1/assistWorkPerByte (computed separately, as in Go).</summary>
    public double AssistBytesPerWork { get; private set; }

    /// <summary>fractionalUtilizationGoal: fraction of time each P should run the fractional worker.</summary>
    public double FractionalUtilizationGoal { get; private set; }

    /// <summary>The memory stats memoryLimitHeapGoal reads (all 0 in Go's TestGcPacer).</summary>
    public PacerMemStats MemStats { get; set; }

    /// <summary>Number of idle mark workers running (low int32 of idleMarkWorkers).</summary>
    public int IdleMarkWorkers => unchecked((int)(uint)_idleMarkWorkers);

    /// <summary>Maximum idle mark workers allowed (high int32 of idleMarkWorkers).</summary>
    public int MaxIdleMarkWorkers => unchecked((int)(_idleMarkWorkers >> 32));

    private static ConsMarkSmoothing SmoothingOf(GoVersion v) =>
        v.AtLeast(GoVersion.Go1_21) ? ConsMarkSmoothing.MaxOfLastFive
        : v.AtLeast(GoVersion.Go1_20) ? ConsMarkSmoothing.MovingAverage
        : ConsMarkSmoothing.PiController;

    /// <summary>init: heapMinimum, triggered = none, (1.19) the PI controller, GOGC, the limit, then commit(true).</summary>
    public void Init(int gcPercent, long memoryLimit)
    {
        HeapMinimum = PacerConstants.DefaultHeapMinimum;
        Triggered = PacerConstants.NoValue;
        if (Smoothing == ConsMarkSmoothing.PiController) ConsMarkController = PiController.ConsMark();
        SetGcPercent(gcPercent);
        SetMemoryLimit(memoryLimit);
        Commit(isSweepDone: true); // No sweep phase in the first GC cycle.
    }

    /// <summary>
    /// startCycle: resets the per-cycle counters, records the trigger point, sizes the 25 % background workers
    /// (dedicated Ps plus a fractional goal) and the idle-worker limit, then revise().
    /// </summary>
    public void StartCycle(long markStartTime, int procs, GcTriggerKind trigger)
    {
        if (procs < 1) throw KitInputException.For($"procs must be ≥ 1, got {procs}", parameter: "procs");
        HeapScanWork = 0;
        StackScanWork = 0;
        GlobalsScanWork = 0;
        BgScanCredit = 0;
        AssistTime = 0;
        DedicatedMarkTime = 0;
        FractionalMarkTime = 0;
        IdleMarkTime = 0;
        MarkStartTime = markStartTime;

        // Go 1.19 records the precomputed trigger (the TODO about #53738); 1.20 (#53892) switched to the heap
        // size at which the cycle actually started.
        Triggered = Version.AtLeast(GoVersion.Go1_20) ? HeapLive : Trigger().Trigger;

        // Round the 25 % to whole dedicated workers; if that is more than 30 % off (GOMAXPROCS ≤ 3 or 6),
        // use fractional workers to make up the difference.
        var totalUtilizationGoal = procs * PacerConstants.GcBackgroundUtilization;
        var dedicated = GoConvert.ToInt64(totalUtilizationGoal + 0.5);
        var utilError = dedicated / totalUtilizationGoal - 1;
        const double maxUtilError = 0.3;
        if (utilError < -maxUtilError || utilError > maxUtilError)
        {
            if (dedicated > totalUtilizationGoal) dedicated--;
            FractionalUtilizationGoal = (totalUtilizationGoal - dedicated) / procs;
        }
        else
        {
            FractionalUtilizationGoal = 0;
        }

        if (trigger == GcTriggerKind.Time)
        {
            // Periodic GC: the system is idle anyway, so no idle workers — but keep one if there is no dedicated
            // worker, since fractional workers alone may never be scheduled (#44163).
            SetMaxIdleMarkWorkers(dedicated > 0 ? 0 : 1);
        }
        else
        {
            SetMaxIdleMarkWorkers(procs - (int)dedicated);
        }

        DedicatedMarkWorkersNeeded = dedicated;
        Revise();
    }

    /// <summary>
    /// revise: recomputes the assist ratio from the scan work left and the heap distance left to the goal,
    /// extrapolating the goal when more work than expected shows up (a growing heap), capped by the hard goal.
    /// </summary>
    public void Revise()
    {
        var gcPercent = GcPercent;
        // A forced GC with GOGC=off: act as if GOGC were huge.
        if (gcPercent < 0) gcPercent = 100000;
        var live = HeapLive;
        var scan = HeapScan;
        var work = HeapScanWork + StackScanWork + GlobalsScanWork;

        var heapGoal = unchecked((long)HeapGoal());

        var scanWorkExpected = unchecked((long)(LastHeapScan + LastStackScan + GlobalsScan));

        var maxScanWork = unchecked((long)(scan + MaxStackScan + GlobalsScan));
        if (work > scanWorkExpected)
        {
            // More work than expected means the heap is growing: stretch the runway in proportion to the
            // worst-case work, but never past (1+GOGC/100) × goal.
            var triggered = unchecked((long)Triggered);
            var extHeapGoal = unchecked(GoConvert.ToInt64((double)(heapGoal - triggered) / scanWorkExpected * maxScanWork) + triggered);
            scanWorkExpected = maxScanWork;

            var hardGoal = GoConvert.ToInt64((1.0 + gcPercent / 100.0) * heapGoal);
            if (extHeapGoal > hardGoal) extHeapGoal = hardGoal;
            heapGoal = extHeapGoal;
        }

        if (unchecked((long)live) > heapGoal)
        {
            // Already past even the extended goal: allow 10 % overshoot and assume all scannable memory is live.
            const double maxOvershoot = 1.1;
            heapGoal = GoConvert.ToInt64(heapGoal * maxOvershoot);
            scanWorkExpected = maxScanWork;
        }

        // At least 1000 units of work left: marking is racy and may overshoot the estimate.
        var scanWorkRemaining = scanWorkExpected - work;
        if (scanWorkRemaining < 1000) scanWorkRemaining = 1000;

        var heapRemaining = heapGoal - unchecked((long)live);
        if (heapRemaining <= 0) heapRemaining = 1;

        AssistWorkPerByte = (double)scanWorkRemaining / heapRemaining;
        AssistBytesPerWork = (double)heapRemaining / scanWorkRemaining;
    }

    /// <summary>
    /// endCycle: records lastHeapGoal and updates the cons/mark estimate from this cycle's allocation during
    /// marking versus its scan work, smoothed the way <see cref="Version"/> does it.
    /// </summary>
    public void EndCycle(long now, int procs, bool userForced)
    {
        _ = userForced; // Go ignores it too since the 1.18 pacer (kept for the signature).
        if (procs < 1) throw KitInputException.For($"procs must be ≥ 1, got {procs}", parameter: "procs");
        LastHeapGoal = HeapGoal();

        var assistDuration = now - MarkStartTime;

        // Background marking is assumed to have met its goal; assists add to it.
        var utilization = PacerConstants.GcBackgroundUtilization;
        if (assistDuration > 0) utilization += (double)AssistTime / (assistDuration * procs);

        // No allocation during the cycle: nothing to learn (Go returns without touching the estimate).
        if (HeapLive <= Triggered) return;

        var idleUtilization = 0.0;
        if (assistDuration > 0) idleUtilization = (double)IdleMarkTime / (assistDuration * procs);

        // (bytes allocated per mutator CPU) / (bytes scanned per GC CPU); durations and procs cancel out.
        var scanWork = HeapScanWork + StackScanWork + GlobalsScanWork;
        var currentConsMark = (double)(HeapLive - Triggered) * (utilization + idleUtilization)
                              / ((double)scanWork * (1 - utilization));

        switch (Smoothing)
        {
            case ConsMarkSmoothing.PiController:
                // Go 1.19: PI controller chasing currentConsMark; on overflow, reset consMark to 0.
                var (next, ok) = ConsMarkController!.Next(ConsMark, currentConsMark, 1.0);
                ConsMark = ok ? next : 0;
                break;
            case ConsMarkSmoothing.MovingAverage:
                // Go 1.20: mean of this cycle's and the previous cycle's raw estimates.
                ConsMark = (currentConsMark + _lastConsMark[0]) / 2;
                _lastConsMark[0] = currentConsMark;
                break;
            default:
                // Go 1.21+: the max of this and the last four raw estimates, biased against noise (low outliers).
                ConsMark = currentConsMark;
                foreach (var last in _lastConsMark)
                {
                    if (last > ConsMark) ConsMark = last;
                }

                Array.Copy(_lastConsMark, 1, _lastConsMark, 0, _lastConsMark.Length - 1);
                _lastConsMark[^1] = currentConsMark;
                break;
        }
    }

    /// <summary>resetLive: after mark termination, heapMarked = heapLive = bytesMarked and last-cycle scan sizes.</summary>
    public void ResetLive(ulong bytesMarked)
    {
        HeapMarked = bytesMarked;
        HeapLive = bytesMarked;
        HeapScan = unchecked((ulong)HeapScanWork);
        LastHeapScan = unchecked((ulong)HeapScanWork);
        LastStackScan = unchecked((ulong)StackScanWork);
        Triggered = PacerConstants.NoValue;
    }

    /// <summary>markWorkerStop: adds a worker's time to its mode's total (and frees the worker slot).</summary>
    public void MarkWorkerStop(GcMarkWorkerMode mode, long duration)
    {
        switch (mode)
        {
            case GcMarkWorkerMode.Dedicated:
                DedicatedMarkTime += duration;
                DedicatedMarkWorkersNeeded++;
                break;
            case GcMarkWorkerMode.Fractional:
                FractionalMarkTime += duration;
                break;
            case GcMarkWorkerMode.Idle:
                IdleMarkTime += duration;
                RemoveIdleMarkWorker();
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(mode), mode, "markWorkerStop: unknown mark worker mode");
        }
    }

    /// <summary>
    /// update: heapLive += dHeapLive; outside marking heapScan += dHeapScan (it is fixed during a cycle), during
    /// marking revise().
    /// </summary>
    public void Update(long dHeapLive, long dHeapScan, bool gcBlackenEnabled)
    {
        if (dHeapLive != 0) HeapLive = unchecked(HeapLive + (ulong)dHeapLive);
        if (!gcBlackenEnabled)
        {
            if (dHeapScan != 0) HeapScan = unchecked(HeapScan + (ulong)dHeapScan);
        }
        else
        {
            Revise();
        }
    }

    /// <summary>addScannableStack: maxStackScan += amount (Go batches per P by 8 KiB; applied at once here).</summary>
    public void AddScannableStack(long amount) => MaxStackScan = unchecked(MaxStackScan + (ulong)amount);

    /// <summary>addGlobals: globalsScan += amount.</summary>
    public void AddGlobals(long amount) => GlobalsScan = unchecked(GlobalsScan + (ulong)amount);

    /// <summary>heapGoal: the current heap goal.</summary>
    public ulong HeapGoal() => HeapGoalInternal().Goal;

    /// <summary>
    /// heapGoalInternal: the GOGC goal, or the memory-limit goal if smaller (then nothing else applies); otherwise
    /// raised to the sweep distance and, during a cycle, to at least triggered + 64 KiB.
    /// </summary>
    public (ulong Goal, ulong MinTrigger) HeapGoalInternal()
    {
        var goal = GcPercentHeapGoal;
        ulong minTrigger = 0;

        var newGoal = MemoryLimitHeapGoal();
        if (newGoal < goal)
        {
            goal = newGoal;
        }
        else
        {
            // Not memory-limited: keep the sweeper's minimum distance (goal and trigger).
            var sweepDistTrigger = SweepDistMinTrigger;
            if (sweepDistTrigger > goal) goal = sweepDistTrigger;
            minTrigger = sweepDistTrigger;

            // Assists are proportional to the distance left: keep at least minRunway past the trigger point.
            if (Triggered != PacerConstants.NoValue && goal < unchecked(Triggered + PacerConstants.MinRunway))
                goal = unchecked(Triggered + PacerConstants.MinRunway);
        }

        return (goal, minTrigger);
    }

    /// <summary>
    /// memoryLimitHeapGoal: memoryLimit minus non-heap memory and any overage, minus headroom (1 MiB in 1.19–1.20,
    /// max(3 %, 1 MiB) in 1.21+), never below heapMarked. Reads <see cref="MemStats"/>.
    /// </summary>
    public ulong MemoryLimitHeapGoal()
    {
        var heapFree = MemStats.HeapFree;
        var heapAlloc = MemStats.HeapAlloc;
        var mappedReady = MemStats.MappedReady;
        // Go spins until a consistent snapshot; a settable snapshot must be consistent already.
        if (unchecked(heapFree + heapAlloc) > mappedReady)
        {
            throw KitInputException.For(
                $"heapFree ({heapFree}) + heapAlloc ({heapAlloc}) exceeds mappedReady ({mappedReady})", parameter: "memStats");
        }

        var memoryLimit = unchecked((ulong)MemoryLimit);
        var nonHeapMemory = mappedReady - heapFree - heapAlloc;
        ulong overage = 0;
        if (mappedReady > memoryLimit) overage = mappedReady - memoryLimit;

        // Non-heap memory alone exceeds the limit: the lowest possible goal, heapMarked (continuous GC).
        if (unchecked(nonHeapMemory + overage) >= memoryLimit) return HeapMarked;

        var goal = memoryLimit - (nonHeapMemory + overage);
        goal = ApplyHeadroom(goal, Version);
        if (goal < HeapMarked) goal = HeapMarked;
        return goal;
    }

    /// <summary>
    /// The headroom step of memoryLimitHeapGoal for <paramref name="version"/> (also Go's test helper
    /// applyMemoryLimitHeapGoalHeadroom in 1.21+, and limit - 1 MiB in 1.19's tests).
    /// </summary>
    public static ulong ApplyHeadroom(ulong goal, GoVersion version)
    {
        var headroom = PacerConstants.MemoryLimitHeapGoalHeadroom;
        if (version.AtLeast(GoVersion.Go1_21))
        {
            // #57069: a fixed 1 MiB was too little for large heaps; take 3 % with a 1 MiB floor.
            headroom = goal / 100 * PacerConstants.MemoryLimitHeapGoalHeadroomPercent;
            if (headroom < PacerConstants.MemoryLimitMinHeapGoalHeadroom) headroom = PacerConstants.MemoryLimitMinHeapGoalHeadroom;
        }

        // Small limits: never go below the headroom itself.
        return goal < headroom || goal - headroom < headroom ? headroom : goal - headroom;
    }

    /// <summary>
    /// trigger: the heap size at which the next cycle should start, and the goal. goal - runway, clamped to
    /// [~0.7, ~0.95] of the way from heapMarked to the goal (the upper bound relaxed to goal - 4 MiB for big heaps).
    /// </summary>
    public (ulong Trigger, ulong Goal) Trigger()
    {
        var (goal, minTrigger) = HeapGoalInternal();

        // Defensive, as in Go: the goal should never be below heapMarked; if it is, trigger at the goal.
        if (HeapMarked >= goal) return (goal, goal);

        if (minTrigger < HeapMarked) minTrigger = HeapMarked;

        // Lower bound ~0.7: triggering too early would mean a GC that is almost always on.
        var triggerLowerBound = (goal - HeapMarked) / PacerConstants.TriggerRatioDen * PacerConstants.MinTriggerRatioNum + HeapMarked;
        if (minTrigger < triggerLowerBound) minTrigger = triggerLowerBound;

        // Upper bound ~0.95, or goal - defaultHeapMinimum for large heaps (the runway a GC with no work needs).
        var maxTrigger = (goal - HeapMarked) / PacerConstants.TriggerRatioDen * PacerConstants.MaxTriggerRatioNum + HeapMarked;
        if (goal > PacerConstants.DefaultHeapMinimum && goal - PacerConstants.DefaultHeapMinimum > maxTrigger)
            maxTrigger = goal - PacerConstants.DefaultHeapMinimum;
        if (maxTrigger < minTrigger) maxTrigger = minTrigger;

        var runway = RunwayBytes;
        var trigger = runway > goal ? minTrigger : goal - runway;
        if (trigger < minTrigger) trigger = minTrigger;
        if (trigger > maxTrigger) trigger = maxTrigger;
        if (trigger > goal)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"runtime: produced a trigger greater than the heap goal (trigger={trigger} heapGoal={goal} minTrigger={minTrigger} maxTrigger={maxTrigger})"));
        }

        return (trigger, goal);
    }

    /// <summary>
    /// commit: recomputes the sweep-distance bound, the GOGC goal (heapMarked + (heapMarked + lastStackScan +
    /// globalsScan)·GOGC/100, at least heapMinimum) and the runway (consMark·3·expected scan work).
    /// </summary>
    public void Commit(bool isSweepDone)
    {
        // Sweeping happens between heapLive and the trigger: give it at least sweepMinHeapDistance.
        SweepDistMinTrigger = isSweepDone ? 0 : unchecked(HeapLive + PacerConstants.SweepMinHeapDistance);

        var gcPercentHeapGoal = PacerConstants.NoValue;
        if (GcPercent >= 0)
        {
            // uint64, multiply before divide, roots included since Go 1.18 (#44167).
            gcPercentHeapGoal = unchecked(HeapMarked + (HeapMarked + LastStackScan + GlobalsScan) * (ulong)GcPercent / 100);
        }

        if (gcPercentHeapGoal < HeapMinimum) gcPercentHeapGoal = HeapMinimum;
        GcPercentHeapGoal = gcPercentHeapGoal;

        // Runway = expected scan work converted to bytes of allocation at a 25/75 GC/mutator CPU split.
        RunwayBytes = GoConvert.ToUint64(ConsMark * (1 - PacerConstants.GcGoalUtilization) / PacerConstants.GcGoalUtilization
                                         * (LastHeapScan + LastStackScan + GlobalsScan));
    }

    /// <summary>
    /// setGCPercent: sets GOGC (negative = off = -1) and heapMinimum = 4 MiB·GOGC/100 in uint64 (for -1 this wraps,
    /// exactly as in Go; the GOGC goal is ^uint64(0) then anyway). Returns the old value. Like Go's method it does not
    /// commit: the goal keeps its old value until <see cref="Commit"/>; what debug.SetGCPercent does is
    /// <see cref="DebugSetGcPercent"/>.
    /// </summary>
    public int SetGcPercent(int value)
    {
        var old = GcPercent;
        if (value < 0) value = -1;
        HeapMinimum = unchecked(PacerConstants.DefaultHeapMinimum * (ulong)(long)value / 100);
        GcPercent = value;
        return old;
    }

    /// <summary>
    /// runtime.setGCPercent (linkname runtime/debug.setGCPercent; mgcpacer.go, Go 1.19–1.23): the controller's
    /// setGCPercent followed by gcControllerCommit under the heap lock, so the new GOGC moves the heap goal and
    /// trigger at once, not only after the next GC (a fresh Go 1.19.8 process: goal 4194304 → 8388608 after
    /// debug.SetGCPercent(200); data/recordings/pacer). Returns the old value, as debug.SetGCPercent does.
    /// </summary>
    /// <param name="value">The new GOGC (negative = off).</param>
    /// <param name="isSweepDone">isSweepDone() at the call (true outside a sweep phase).</param>
    public int DebugSetGcPercent(int value, bool isSweepDone = true)
    {
        var old = SetGcPercent(value);
        ControllerCommit(isSweepDone);
        return old;
    }

    /// <summary>
    /// runtime.setMemoryLimit (linkname runtime/debug.setMemoryLimit; mgcpacer.go, Go 1.19–1.23): the controller's
    /// setMemoryLimit followed by gcControllerCommit, so a new limit applies to the goal at once. Returns the old value.
    /// </summary>
    public long DebugSetMemoryLimit(long value, bool isSweepDone = true)
    {
        var old = SetMemoryLimit(value);
        ControllerCommit(isSweepDone);
        return old;
    }

    /// <summary>
    /// gcControllerCommit (mgcpacer.go, Go 1.19–1.23): commit, then revise while a cycle is marking
    /// (gcphase != _GCoff). The sweeper/scavenger pacing it also updates is outside this model.
    /// </summary>
    public void ControllerCommit(bool isSweepDone)
    {
        Commit(isSweepDone);
        if (InCycle) Revise();
    }

    /// <summary>setMemoryLimit: sets the limit if ≥ 0 (negative only reads it). Returns the old value. Commit after.</summary>
    public long SetMemoryLimit(long value)
    {
        var old = MemoryLimit;
        if (value >= 0) MemoryLimit = value;
        return old;
    }

    /// <summary>addIdleMarkWorker: takes an idle-worker slot if fewer than the maximum run.</summary>
    public bool AddIdleMarkWorker()
    {
        var (n, max) = UnpackIdle();
        if (n >= max) return false; // n > max is tolerated: the max can drop below the count.
        if (n < 0) throw new InvalidOperationException($"runtime: negative idle mark workers (n={n} max={max})");
        PackIdle(n + 1, max);
        return true;
    }

    /// <summary>needIdleMarkWorker: a hint that another idle worker may start.</summary>
    public bool NeedIdleMarkWorker()
    {
        var (n, max) = UnpackIdle();
        return n < max;
    }

    /// <summary>removeIdleMarkWorker: an idle worker stopped.</summary>
    public void RemoveIdleMarkWorker()
    {
        var (n, max) = UnpackIdle();
        if (n - 1 < 0) throw new InvalidOperationException($"runtime: negative idle mark workers (n={n} max={max})");
        PackIdle(n - 1, max);
    }

    /// <summary>setMaxIdleMarkWorkers: the maximum (running workers are not stopped).</summary>
    public void SetMaxIdleMarkWorkers(int max)
    {
        var (n, _) = UnpackIdle();
        if (n < 0) throw new InvalidOperationException($"runtime: negative idle mark workers (n={n} max={max})");
        PackIdle(n, max);
    }

    private (int N, int Max) UnpackIdle() => (unchecked((int)(uint)_idleMarkWorkers), unchecked((int)(_idleMarkWorkers >> 32)));

    private void PackIdle(int n, int max) => _idleMarkWorkers = unchecked((ulong)(uint)n | ((ulong)(uint)max << 32));

    /// <summary>
    /// Checks the invariants Go's runtime asserts or relies on; returns the violations (empty when all hold).
    /// The tests call it after every state change of the harness.
    /// </summary>
    public IReadOnlyList<string> CheckInvariants()
    {
        var problems = new List<string>();
        var (goal, minTrigger) = HeapGoalInternal();
        if (minTrigger > goal && MemoryLimitHeapGoal() >= GcPercentHeapGoal) problems.Add($"minTrigger {minTrigger} > goal {goal}");
        if (HeapMarked < goal)
        {
            var (trigger, _) = Trigger();
            if (trigger > goal) problems.Add($"trigger {trigger} > goal {goal}");
            if (trigger < HeapMarked) problems.Add($"trigger {trigger} < heapMarked {HeapMarked}");
        }

        if (GcPercentHeapGoal < HeapMinimum) problems.Add($"gcPercentHeapGoal {GcPercentHeapGoal} < heapMinimum {HeapMinimum}");
        if (GcPercent < -1) problems.Add($"gcPercent {GcPercent} < -1");
        if (MemoryLimit < 0) problems.Add($"memoryLimit {MemoryLimit} < 0");
        if (IdleMarkWorkers < 0) problems.Add($"idle mark workers {IdleMarkWorkers} < 0");
        if (InCycle && !(AssistWorkPerByte > 0 && double.IsFinite(AssistWorkPerByte)))
            problems.Add($"assistWorkPerByte {AssistWorkPerByte} not positive and finite during a cycle");
        if (double.IsNaN(ConsMark) || ConsMark < 0 && Smoothing != ConsMarkSmoothing.PiController)
            problems.Add($"consMark {ConsMark} is NaN or negative");
        return problems;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"GcController {Version}: GOGC={(GcPercent < 0 ? "off" : GcPercent)} heapMarked={HeapMarked} heapLive={HeapLive} " +
        $"goal={HeapGoal()} trigger={Trigger().Trigger} consMark={ConsMark:G6}{(InCycle ? $" (marking, triggered at {Triggered})" : "")}");
}
