// Mirrors: runtime/mgc.go (gcStart → sweep termination STW → concurrent mark → gcMarkDone → mark termination STW →
// gcMarkTermination) driving runtime/mgcpacer.go (GcController) and runtime/mgclimit.go (GcCpuLimiter), Go 1.19–1.23.
// Simplified: time-stepped; marking is a work budget drained by the 25 % workers, idle Ps and assists; sweeping is instant.
using GoRuntimeLab.Alloc;
using GoRuntimeLab.Gc.Pacer;
using GoRuntimeLab.Gc.Trace;

namespace GoRuntimeLab.Gc.Simulation;

/// <summary>
/// Runs a <see cref="GcWorkload"/> under the real pacer: the heap grows at the allocation rate until it reaches the
/// pacer's trigger; the cycle stops the world briefly, marks concurrently (the 25 % background workers, idle-priority
/// workers on idle Ps, and mark assists charged to allocation at the pacer's assist ratio unless the GC CPU limiter
/// is on), stops the world again, and commits the next goal and trigger from what it marked.
/// </summary>
/// <remarks>
/// <para>What is Go's: every pacer rule (goal with GC roots, memory-limit goal with headroom, trigger bounds and
/// runway, cons/mark smoothing by version, assist ratio), the CPU limiter's bucket, allocate-black (objects allocated
/// during mark count as marked), the gctrace line format.</para>
/// <para>What is measured rather than derived: how fast a core marks (<see cref="GcSimOptions.ScanBytesPerCoreSecond"/>),
/// pause lengths, mutator CPU per byte, and the runtime's non-heap memory (<see cref="NonHeapEstimate"/>).</para>
/// <para>Not modelled: sweeping (assumed done before the next trigger, as it is for this kind of workload), the
/// scavenger, goroutine scheduling, the 64 KiB minimum assist (gcOverAssistWork) and per-P credit batching.</para>
/// </remarks>
public static class GcSimulator
{
    private const long OffStepNs = 1_000_000;   // heap growth step outside marking
    private const long MarkStepNs = 50_000;     // marking step: fine enough for ms-long mark phases
    // Longer phases take longer steps, so that the step count stays bounded whatever the heap, rate or duration:
    // a mark phase takes at most about MarkStepsPerPhase steps, a run (or the setup) about OffStepsPerRun growth steps,
    // and the heap series keeps at most about SeriesPointsPerRun points (plus one per cycle). The recorded workloads
    // (seconds long, mark phases of tens of ms) stay on the fixed 50 µs and 1 ms steps.
    private const double MarkStepsPerPhase = 20_000;
    private const double OffStepsPerRun = 200_000;
    private const double SeriesPointsPerRun = 100_000;

    /// <summary>Runs <paramref name="workload"/> with <paramref name="options"/>; deterministic for the options' seed.</summary>
    /// <param name="workload">What the program does.</param>
    /// <param name="options">Go settings, seed and costs.</param>
    /// <param name="recordSeries">Record the heap-over-time series (off for sweeps: faster, less memory).</param>
    public static GcSimResult Run(GcWorkload workload, GcSimOptions options, bool recordSeries = true)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(options);
        return new Simulation(workload, options, recordSeries).Execute();
    }

    /// <summary>Runs <paramref name="workload"/> once per GOGC value (same seed and options otherwise).</summary>
    public static IReadOnlyList<GcSimResult> SweepGogc(GcWorkload workload, GcSimOptions options, IEnumerable<int> gogcValues)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(gogcValues);
        return gogcValues.Select(g => Run(workload, options.WithGogc(g), recordSeries: false)).ToList();
    }

    private sealed class Simulation(GcWorkload w, GcSimOptions o, bool recordSeries)
    {
        private readonly Random _random = new(o.Seed);
        private readonly GcController _c = new(o.Version);
        private readonly List<GcSimCycle> _cycles = [];
        private readonly List<GcSimSample> _series = [];
        private GcCpuLimiter _limiter = null!;
        private long _t;
        private double _allocatedExact;   // R × t, so the total allocated never drifts from the rate
        private ulong _allocated;
        private ulong _peak;
        private long _gcCpuNs;
        private long _gcCpuSinceStart;
        private long _nonHeap;
        private bool _spiked;
        private ulong _backlog;     // allocation assists held back during mark; the paced program catches up after
        private readonly List<GcSimCycle> _setupCycles = [];
        private bool _setup;        // allocating the live heap before the run (every byte allocated stays live)
        private bool _forced;       // inside runtime.GC(): the program allocates nothing
        private ulong _setupTarget;
        private ulong _setupAllocated;
        private long _t0;           // when the run proper starts (after setup and the forced GC)
        private uint _numGc;
        private long _steps;
        private long _runSteps0;        // steps taken before the run proper (setup and the forced GC)
        private double _setupFraction;  // bytes the flat-out setup has allocated but not yet accounted (under 1 byte)

        // Heap bytes per object: it and its box occupy their size classes (SizeClasses.Lookup, malloc.go), which in
        // Go 1.22+ includes the 8-byte malloc header of pointerful objects > 512 B (1 KiB → the 1152 B class).
        private readonly double _perObjectHeap = SizeClasses.Lookup(w.ObjectSize, w.Pointers, o.Version).BytesPerObject
            + (w.BoxBytes > 0 ? SizeClasses.Lookup(w.BoxBytes, pointers: true, o.Version).BytesPerObject : 0);

        // Heap growth per byte the program asks for (its objects; the boxes come with them).
        private double _heapFactor => _perObjectHeap / w.ObjectSize;

        public GcSimResult Execute()
        {
            var procs = o.Procs;
            _c.Init(o.Gogc, o.MemoryLimit);
            _c.AddGlobals(w.GlobalsBytes);
            _c.AddScannableStack(w.StackBytes);
            _limiter = new GcCpuLimiter(0, procs);

            // Setup, as gcload does it: allocate the live heap as fast as the program can (GC cycles run meanwhile and
            // the pacer learns cons/mark from them), then runtime.GC(). The run proper starts from that pacer state.
            _setup = true;
            _setupTarget = LiveHeap(w.LiveObjectsAt(-1));
            Loop(long.MaxValue, () => _setupAllocated >= _setupTarget, OffStep(_setupTarget / MaxAllocRate() * 1e9));
            _setup = false;
            _forced = true;
            RunCycle(_c.HeapLive, GcTriggerKind.Cycle);
            _forced = false;
            _setupCycles.AddRange(_cycles);
            _cycles.Clear();
            _series.Clear();
            _gcCpuNs = 0;
            _peak = _c.HeapLive;
            _t0 = _t;
            _runSteps0 = _steps;

            Loop(_t0 + w.DurationNs, () => false, OffStep(w.DurationNs));

            var gcCount = _cycles.Count(c => c.EndNs <= w.DurationNs);
            var elapsed = _t - _t0;
            var fraction = elapsed > 0 ? (double)_gcCpuNs / ((double)elapsed * procs) : 0;
            return new GcSimResult(w, o, _cycles, gcCount, _peak, fraction, _nonHeap, _series) { SetupCycles = _setupCycles.ToList() };
        }

        // The heap-growth step for a phase lasting about phaseNs.
        private static long OffStep(double phaseNs) => (long)Math.Max(OffStepNs, Math.Min(phaseNs / OffStepsPerRun, 1e15));

        // Every step counts against GcSimOptions.MaxSteps; a run that needs more stops with the budget's exception.
        // Steps come at a steady pace in the run proper, so a run projected to need twice the budget is refused as soon
        // as the projection is made (every 65,536 steps) rather than after spending the whole budget.
        private void CountStep()
        {
            ++_steps;
            var projected = !_setup && !_forced && _t > _t0 && (_steps & 0xFFFF) == 0
                ? _runSteps0 + (_steps - _runSteps0) * ((double)w.DurationNs / (_t - _t0))
                : _steps;
            if (_steps > o.MaxSteps || projected > 2.0 * o.MaxSteps)
            {
                throw SimulationBudgetException.Exceeded("GcSimOptions.MaxSteps", o.MaxSteps, "simulation steps",
                    "shorten the run (GcWorkload.DurationNs), or raise the budget with GcSimOptions.WithMaxSteps");
            }
        }

        private void Loop(long end, Func<bool> done, long offStep)
        {
            while (_t < end && !done())
            {
                CountStep();
                SetMemStats();
                var (trigger, goal) = _c.Trigger();
                if (_c.HeapLive >= trigger)
                {
                    RunCycle(trigger, GcTriggerKind.Heap);
                    continue;
                }

                // Grow the heap to the trigger (or by one step), as mallocgc's gcTrigger test would see it.
                // A program held back by assists catches up as fast as its CPUs allow (gcload's paced loop does),
                // still crossing the trigger allocation by allocation rather than all at once.
                // The setup allocates flat out (SetupAllocate), whatever the workload's steady rate: the step to the
                // trigger must use the rate the heap really grows at, or it shrinks towards the trigger without reaching it.
                var steady = w.AllocRate * _heapFactor;
                var rate = _setup ? MaxAllocRate() : _backlog > 0 ? Math.Max(steady, MaxAllocRate()) : steady;
                var toTrigger = (trigger - _c.HeapLive) / rate * 1e9;
                var dt = (long)Math.Ceiling(Math.Min(Math.Min(offStep, toTrigger), end - _t));
                if (!_setup && !_spiked && w.SpikeBytes > 0 && _t0 + w.SpikeAtNs > _t) dt = Math.Min(dt, _t0 + w.SpikeAtNs - _t);
                if (dt < 1) dt = 1;
                ulong alloc;
                if (_setup)
                {
                    alloc = SetupAllocate(dt);
                }
                else
                {
                    // Rounded up, so that catching up allocates at least a byte per step (rounded down, a step of a few
                    // ns would catch up nothing and the heap would never reach the trigger the step was sized for).
                    var catchUp = (ulong)Math.Min(_backlog, Math.Ceiling(Math.Max(0, (rate - steady) * dt / 1e9)));
                    _backlog -= catchUp;
                    alloc = Allocate(dt) + Spike(_t + dt) + catchUp;
                }

                _c.Update((long)alloc, w.Pointers ? (long)alloc : 0, gcBlackenEnabled: false);
                AccountMutatorOnly(dt, alloc);
                _t += dt;
                if (WantsSample(marking: false)) Sample(goal, trigger, marking: false);
            }
        }

        // Setup allocation: flat out, until the live heap is complete.
        // The fraction of a byte a step allocates is carried to the next (like Allocate's exact total): dropped, steps of
        // a few ns near the trigger would allocate nothing and never reach it (the 1 GiB/s hang).
        private ulong SetupAllocate(long dt)
        {
            _setupFraction += MaxAllocRate() * dt / 1e9;
            var n = (ulong)Math.Min(_setupTarget - _setupAllocated, Math.Floor(_setupFraction));
            _setupFraction -= n;
            _setupAllocated += n;
            return n;
        }

        private void RunCycle(ulong trigger, GcTriggerKind kind)
        {
            var procs = o.Procs;
            var start = _t;
            var heap0 = _c.HeapLive;
            var speed = 1 + o.Jitter * (2 * _random.NextDouble() - 1);
            var stw1 = (long)(o.SweepTermPauseNs * (1 + o.Jitter * (2 * _random.NextDouble() - 1)));
            var stw2 = (long)(o.MarkTermPauseNs * (1 + o.Jitter * (2 * _random.NextDouble() - 1)));

            // gcStart: stop the world for sweep termination; the limiter counts it all as GC time.
            _limiter.StartGCTransition(enableGC: true, _t);
            _t += stw1;
            _limiter.FinishGCTransition(_t);
            // gcStart passes the time taken before stopping the world (work.tSweepTerm) to startCycle.
            _c.StartCycle(start, procs, kind);
            var markStart = _t;
            // The paced mutator catches up what it could not allocate during the pause: allocated black.
            GrowDuringMark(ProgramAllocation(stw1));

            // What is reachable when marking starts is what gets scanned (later garbage floats until the next cycle).
            // During setup (and in the forced GC that ends it) everything allocated so far is live.
            var setupLive = _setup || _forced;
            var liveAtStart = setupLive ? heap0 : LiveHeap(w.LiveObjectsAt(start - _t0));
            var scanRatio = (double)w.LiveScanBytes / (double)LiveHeap(w.LiveObjectsAt(-1));
            long globalsLeft = w.GlobalsBytes, stacksLeft = w.StackBytes;
            var heapLeft = setupLive ? (long)(heap0 * scanRatio) : w.LiveScanAt(start - _t0);
            double carried = 0;
            long assistNs = 0, backgroundNs = 0, idleNs = 0;
            var limiterOn = _limiter.Limiting;
            var rate = o.ScanBytesPerCoreSecond * speed / 1e9;                 // bytes per core-ns
            // startCycle rounds the 25 % to whole dedicated workers and makes up the rest with a fractional goal (only when
            // the rounding is more than 30 % off): GOMAXPROCS=5 gets 1 core (20 %), 7 gets 2 (28.6 %), 2 gets 0 + 0.5.
            var backgroundCores = _c.DedicatedMarkWorkersNeeded + _c.FractionalUtilizationGoal * procs;
            // The 25 % workers alone would finish in markAlone ns; idle workers and assists only shorten it.
            var markAlone = (globalsLeft + stacksLeft + heapLeft) / (rate * backgroundCores);
            var markStep = Math.Max(MarkStepNs, Math.Min(markAlone / MarkStepsPerPhase, 1e15));

            while (true)
            {
                CountStep();
                var dt = markStep;
                var step = (long)dt;
                // What the paced program wants to allocate now: its steady rate plus as much of its backlog as it can
                // catch up on flat out (MaxAllocRate) in this step.
                var catchUp = _setup || _forced ? 0 : (ulong)Math.Min(_backlog, Math.Max(0, (MaxAllocRate() - w.AllocRate * _heapFactor) * dt / 1e9));
                var want = ProgramAllocation(step) + catchUp;
                _backlog -= catchUp;
                // The mutator's CPU this step follows what it allocates (more while catching up); idle Ps run idle workers.
                var mutatorCores = MutatorCores(want, dt);
                var idleCores = Math.Max(0, procs - backgroundCores - mutatorCores);
                var bgWork = rate * backgroundCores * dt;
                var idleWork = rate * idleCores * dt;
                // gcFlushBgCredit: background and idle workers' work becomes credit that allocating goroutines steal
                // first (gcAssistAlloc). An allocation's debt is assistWorkPerByte × bytes; what the credit does not
                // cover, the goroutine scans itself before it may allocate — so assists take mutator time and slow
                // allocation down, which is what keeps the heap near its goal. With the CPU limiter on, no assists.
                var credit = carried + bgWork + idleWork;
                double assistWork = 0;
                var alloc = want;
                if (_limiter.Limiting)
                {
                    carried = credit;
                }
                else
                {
                    var debt = _c.AssistWorkPerByte * want;
                    if (debt <= credit)
                    {
                        carried = credit - debt;
                    }
                    else
                    {
                        // Spend a fraction f of the mutator's time assisting: A·want·(1−f) = credit + rate·mutator·dt·f.
                        var mutatorScan = rate * mutatorCores * dt;
                        var f = (debt - credit) / (debt + mutatorScan);
                        alloc = (ulong)(want * (1 - f));
                        if (_setup) _setupAllocated -= want - alloc; // still to allocate, flat out
                        else _backlog += want - alloc;
                        assistWork = mutatorScan * f;
                        carried = 0;
                    }
                }

                var total = bgWork + idleWork + assistWork;
                var left = globalsLeft + stacksLeft + heapLeft;
                var last = total >= left;
                if (last)
                {
                    // Marking ends inside this step: the time and allocation scale down with the work left.
                    var f = total > 0 ? left / total : 0;
                    dt = Math.Max(1000, dt * f);
                    bgWork *= f;
                    idleWork *= f;
                    assistWork *= f;
                    var done = (ulong)(alloc * Math.Min(1, dt / markStep));
                    _backlog += alloc - done;
                    alloc = done;
                    step = (long)Math.Round(dt);
                }

                var doneWork = last ? left : (long)Math.Round(bgWork + idleWork + assistWork);
                // Root jobs first (markroot: globals, then stacks), then the heap, as the harness orders them.
                var g = Math.Min(doneWork, globalsLeft);
                globalsLeft -= g;
                var s = Math.Min(doneWork - g, stacksLeft);
                stacksLeft -= s;
                var h = Math.Min(doneWork - g - s, heapLeft);
                heapLeft -= h;
                _c.GlobalsScanWork += g;
                _c.StackScanWork += s;
                _c.HeapScanWork += h;

                var aNs = (long)Math.Round(assistWork / rate);
                var bNs = (long)Math.Round(backgroundCores * dt);
                var iNs = (long)Math.Round(idleCores * dt);
                _c.AssistTime += aNs;
                _c.MarkWorkerStop(GcMarkWorkerMode.Fractional, bNs);
                if (iNs > 0 && _c.AddIdleMarkWorker()) _c.MarkWorkerStop(GcMarkWorkerMode.Idle, iNs);
                assistNs += aNs;
                backgroundNs += bNs;
                idleNs += iNs;

                _limiter.AddAssistTime(aNs);
                _limiter.AddIdleTime(iNs);
                _t += step;
                GrowDuringMark(alloc);
                if (_limiter.NeedUpdate(_t)) _limiter.Update(_t);
                limiterOn |= _limiter.Limiting;
                if (WantsSample(marking: true))
                {
                    var markGoal = _c.HeapGoal();
                    Sample(markGoal, markGoal, marking: true);
                }
                if (last) break;
            }

            var heap1 = _c.HeapLive;
            var markNs = _t - markStart;

            // gcMarkDone → mark termination: stop the world, endCycle (cons/mark), resetLive, commit the next goal.
            _limiter.StartGCTransition(enableGC: false, _t);
            _t += stw2;
            _limiter.FinishGCTransition(_t);
            SetMemStats();
            // gcMarkDone passes the time the world stopped for mark termination (work.tMarkTerm) to endCycle.
            _c.EndCycle(markStart + markNs, procs, userForced: kind == GcTriggerKind.Cycle);
            var goal = _c.LastHeapGoal;
            // Allocate-black: everything allocated since the cycle started survives it (gcmarknewobject).
            var marked = liveAtStart + (heap1 - heap0);
            _c.ResetLive(marked);
            SetMemStats();
            // gcMarkTermination: gcSweep starts a new sweep before gcControllerCommit, so commit sees sweeping not done and
            // keeps goal and trigger at least 1 MiB above the live heap (sweepDistMinTrigger, mgcpacer.go commit).
            _c.Commit(isSweepDone: false);
            var late = ProgramAllocation(stw2);
            _c.Update((long)late, w.Pointers ? (long)late : 0, gcBlackenEnabled: false);
            _numGc++;
            _limiter.NumGc = _numGc;

            var pauseCpu = (stw1 + stw2) * procs;
            _gcCpuNs += pauseCpu + assistNs + backgroundNs;
            _gcCpuSinceStart += pauseCpu + assistNs + backgroundNs;
            var fraction = (double)_gcCpuSinceStart / ((double)_t * procs); // gctrace's % counts from program start
            var stacks = o.Version.AtLeast(GoVersion.Go1_21) ? _c.LastStackScan : _c.MaxStackScan;
            var traceCycle = new GcTraceCycle
            {
                Number = _numGc,
                RuntimeInitTime = 0,
                SweepTermStart = start,
                MarkStart = markStart,
                MarkTermStart = markStart + markNs,
                End = _t,
                CpuFraction = fraction,
                AssistTime = assistNs,
                BackgroundMarkTime = backgroundNs,
                IdleMarkTime = idleNs,
                Heap0 = heap0,
                Heap1 = heap1,
                Heap2 = marked,
                HeapGoal = goal,
                StackScan = stacks,
                GlobalsScan = _c.GlobalsScan,
                MaxProcs = procs,
                UserForced = kind == GcTriggerKind.Cycle,
            }.WithStwProcs(procs);
            var next = _c.HeapGoal();
            if (_cycles.Count + _setupCycles.Count >= o.MaxCycles)
            {
                throw SimulationBudgetException.Exceeded("GcSimOptions.MaxCycles", o.MaxCycles, "GC cycles",
                    "shorten the run (GcWorkload.DurationNs), or raise the budget with GcSimOptions.WithMaxCycles");
            }
            _cycles.Add(new GcSimCycle((int)_numGc, start - _t0, stw1, markNs, stw2, trigger, heap0, heap1, marked, goal, next,
                assistNs, backgroundNs, idleNs, pauseCpu, limiterOn, fraction, GcTraceFormatter.Format(traceCycle)));
            if (WantsSample(marking: false, cycleEnd: true)) Sample(next, _c.Trigger().Trigger, marking: false);
        }

        // What the program allocates in dt ns: the live heap during setup, nothing inside runtime.GC(), else the workload.
        private ulong ProgramAllocation(long dt) => _setup ? SetupAllocate(dt) : _forced ? 0 : Allocate(dt) + Spike(_t + dt);

        // The spike's objects are allocated all at once when the clock passes SpikeAtNs.
        private ulong Spike(long now)
        {
            if (_spiked || w.SpikeBytes == 0 || now - _t0 < w.SpikeAtNs) return 0;
            _spiked = true;
            return LiveHeap(w.LiveObjectsAt(w.SpikeAtNs) - w.LiveObjectsAt(-1));
        }

        // How fast the program could allocate flat out: its allocating goroutines, each on one P at MutatorNsPerByte,
        // on at most the Ps the GC's 25 % leaves.
        private double MaxAllocRate() => o.MutatorNsPerByte <= 0 ? 1e11 : MutatorCoresMax() / o.MutatorNsPerByte * 1e9 * _heapFactor;

        // The mutator's CPU (cores) while it allocates heapBytes in dt ns, capped by its goroutines and the Ps left.
        private double MutatorCores(double heapBytes, double dt) => Math.Min(MutatorCoresMax(), heapBytes / _heapFactor * o.MutatorNsPerByte / dt);

        private double MutatorCoresMax() => Math.Min(w.Goroutines, o.Procs * (1 - PacerConstants.GcBackgroundUtilization));

        // The heap that n live objects take: each with its box, in their size classes, plus a 16-byte holder slot.
        private ulong LiveHeap(long objects) => (ulong)Math.Round(objects * (_perObjectHeap + 16));

        private ulong Allocate(long dt)
        {
            _allocatedExact += w.AllocRate * _heapFactor * dt / 1e9;
            var total = (ulong)_allocatedExact;
            var alloc = total - _allocated;
            _allocated = total;
            return alloc;
        }

        private void GrowDuringMark(ulong alloc)
        {
            SetMemStats();
            // update() with gcBlackenEnabled: heapLive grows, heapScan stays fixed for the cycle, revise().
            _c.Update((long)alloc, 0, gcBlackenEnabled: true);
            if (_c.HeapLive > _peak) _peak = _c.HeapLive;
        }

        private void AccountMutatorOnly(long dt, ulong allocated)
        {
            if (_c.HeapLive > _peak) _peak = _c.HeapLive;
            var mutatorCores = MutatorCores(allocated, dt);
            _limiter.AddIdleTime((long)((o.Procs - mutatorCores) * dt));
            if (_limiter.NeedUpdate(_t + dt)) _limiter.Update(_t + dt);
        }

        // memoryLimitHeapGoal reads mappedReady, heapFree and heapAlloc: the heap plus the runtime's other memory,
        // nothing free-but-mapped (the scavenger returns it under a limit).
        private void SetMemStats()
        {
            _nonHeap = o.OtherMemBytes ?? NonHeapEstimate.For(o.Version, (long)_peak, w.StackBytes);
            var heap = _c.HeapLive;
            _c.MemStats = new PacerMemStats(heap + (ulong)_nonHeap, 0, heap, 0);
        }

        // Whether a series point is due (recording on, in the run proper, at most every 0.5 ms while marking), checked
        // before computing the goal and trigger it needs, so runs without a series (sweeps) skip that work.
        // Points are at least SampleSpacing apart (except the one at each cycle's end), so a long run's series stays bounded.
        private bool WantsSample(bool marking, bool cycleEnd = false) =>
            recordSeries && !_setup && !_forced
            && (cycleEnd || _series.Count == 0 || _t - _t0 - _series[^1].TimeNs >= SampleSpacing(marking));

        // At most every 0.5 ms while marking, every growth step otherwise — or DurationNs / SeriesPointsPerRun if longer.
        private double SampleSpacing(bool marking)
        {
            var spacing = w.DurationNs / SeriesPointsPerRun;
            return marking ? Math.Max(500_000, spacing) : spacing >= OffStepNs ? spacing : 0;
        }

        private void Sample(ulong goal, ulong trigger, bool marking) =>
            _series.Add(new GcSimSample(_t - _t0, _c.HeapLive, goal, trigger, marking));
    }
}
