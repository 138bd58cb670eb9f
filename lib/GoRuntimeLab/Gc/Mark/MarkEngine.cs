// Mirrors: runtime/mgc.go (gcStart, gcMarkDone, gcMarkTermination, gcSweep), mgcmark.go (gcMarkRootPrepare, markroot,
// gcMarkRootCheck, gcDrain, gcDrainN, scanobject, greyobject, shade, gcmarknewobject), mbarrier.go + mwbbuf.go (write
// barrier), Go 1.8–1.23 (and the Dijkstra barrier with stack re-scan of Go 1.5–1.7).
// Simplified: one background worker (assists optional); the barrier shades at once (no wbBuf); whole objects (no oblets);
// no finalizer/span/free-G-stack root jobs, tiny allocs or goroutine creation; one step is atomic.
using System.Collections.Immutable;

namespace GoRuntimeLab.Gc.Mark;

/// <summary>The mutable machine behind <see cref="MarkSimulator"/>: one instance per run.</summary>
internal sealed class MarkEngine
{
    private const int MaxLocalsPerGoroutine = 4;
    private const int MaxFieldsPerObject = 3;

    private readonly ObjectGraph graph;
    private readonly MarkConfig config;
    private readonly Random rng;

    // The heap: live objects in a stable order, their pointer fields and colours (mark bit + "queued" = grey).
    private readonly List<string> objectOrder = [];
    private readonly Dictionary<string, OrderedDictionary<string, string?>> fields = new(StringComparer.Ordinal);
    private readonly Dictionary<string, MarkColor> colors = new(StringComparer.Ordinal);
    private readonly HashSet<string> allocatedDuringMark = new(StringComparer.Ordinal);
    private readonly HashSet<string> everAllocatedNames = new(StringComparer.Ordinal);

    // The roots.
    private readonly OrderedDictionary<string, string?> globals = new(StringComparer.Ordinal);
    private readonly OrderedDictionary<string, OrderedDictionary<string, string?>> stacks = new(StringComparer.Ordinal);

    // Root jobs (gcMarkRootPrepare) and their progress.
    private readonly List<string[]> globalBlocks = [];
    private readonly HashSet<string> scannedGlobals = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> stackScans = new(StringComparer.Ordinal);
    private readonly HashSet<string> rescanned = new(StringComparer.Ordinal);
    private int markrootJobs;
    private int markrootNext;

    // The grey queue: a LIFO like the gcWork buffers (put and tryGet use the same end).
    private readonly List<string> grey = [];

    private MarkPhase phase = MarkPhase.Off;
    private bool started;
    private bool finished;

    // Output.
    private readonly List<MarkState> states = [];
    private long recordedItems;   // objects, roots and edges in states, against MarkConfig.MaxRecordedItems
    private readonly List<string> events = [];
    private readonly Dictionary<string, int> brokenSince = new(StringComparer.Ordinal);
    private readonly List<MarkViolation> violations = [];
    private readonly List<string> freed = [];
    private readonly List<string> allocated = [];
    private int mutatorSteps;
    private int barrierShades;
    private int allocCounter;

    public MarkEngine(ObjectGraph graph, MarkConfig config)
    {
        this.graph = graph;
        this.config = config;
        rng = new Random(config.Seed);
        foreach (var o in graph.Objects)
        {
            objectOrder.Add(o);
            fields[o] = new OrderedDictionary<string, string?>(StringComparer.Ordinal);
            colors[o] = MarkColor.White;
            everAllocatedNames.Add(o);
        }
        foreach (var g in graph.Globals) globals[g] = null;
        foreach (var g in graph.Goroutines) stacks[g] = new OrderedDictionary<string, string?>(StringComparer.Ordinal);
        foreach (var s in graph.Slots)
        {
            switch (s.Kind)
            {
                case SlotKind.Global: globals[s.Name] = s.Target; break;
                case SlotKind.Local: stacks[s.Owner][s.Name] = s.Target; break;
                default: fields[s.Owner][s.Name] = s.Target; break;
            }
        }
    }

    // ------------------------------------------------------------------ drivers

    public void RunRandom()
    {
        Snapshot(MarkStepKind.Initial, "GC off: every object white; roots are the globals and the goroutine stacks");
        while (!finished)
        {
            if (phase == MarkPhase.Mark && mutatorSteps < config.MutatorSteps && rng.NextDouble() < config.MutatorShare
                && RandomStatement() is { } next)
            {
                Execute(next.Goroutine, next.Statement);
            }
            else
            {
                GcStep();
            }
        }
    }

    public void RunScript(MarkScript script)
    {
        Snapshot(MarkStepKind.Initial, "GC off: every object white; roots are the globals and the goroutine stacks");
        foreach (var item in script.Items)
        {
            switch (item.Kind)
            {
                case MarkScriptItemKind.Gc:
                    for (var i = 0; i < item.Count; i++)
                    {
                        if (finished) throw KitInputException.For($"\"{item}\" runs past the end of the cycle (step {states.Count - 1})", parameter: "script");
                        GcStep();
                    }
                    break;
                case MarkScriptItemKind.GcUntilBlack:
                    var name = item.Name!;
                    if (!colors.ContainsKey(name) && !globals.ContainsKey(name) && !stacks.ContainsKey(name))
                        throw KitInputException.For($"\"{name}\" is not an object, global or goroutine of the graph", parameter: "script");
                    while (!IsBlack(name))
                    {
                        if (finished) throw KitInputException.For($"\"{item}\": the cycle ended and {name} never became black", parameter: "script");
                        GcStep();
                    }
                    break;
                default:
                    // The world is stopped: the statement waits for it to restart.
                    while (!finished && phase is MarkPhase.SweepTermination or MarkPhase.MarkTermination) GcStep();
                    if (finished) throw KitInputException.For($"\"{item}\" comes after the end of the cycle", parameter: "script");
                    Execute(item.Name!, item.Statement!);
                    break;
            }
        }
        while (!finished) GcStep();
    }

    public MarkRun Result() => new(graph, config, [.. states], [.. violations], [.. freed], markrootJobs,
        stackScans.ToImmutableDictionary(StringComparer.Ordinal), mutatorSteps, [.. allocated], barrierShades);

    private bool IsBlack(string name)
    {
        if (colors.TryGetValue(name, out var c)) return c == MarkColor.Black;
        // A root counts once its markroot job ran (with re-scan a stack still shows grey until mark termination).
        return globals.ContainsKey(name) ? scannedGlobals.Contains(name) : stackScans.GetValueOrDefault(name) > 0;
    }

    // ------------------------------------------------------------------ the collector

    private void GcStep()
    {
        switch (phase)
        {
            case MarkPhase.Off when !started:
                SweepTermination();
                break;
            case MarkPhase.SweepTermination:
                // gcStart: startTheWorldWithSema after gcBlackenEnabled = 1.
                phase = MarkPhase.Mark;
                Snapshot(MarkStepKind.Phase, "start the world: concurrent mark (background worker runs gcDrain)");
                break;
            case MarkPhase.Mark:
                var rootsLeft = markrootNext < markrootJobs;
                // gcDrainN (a mutator assist) takes grey heap objects before root jobs; gcDrain (the background
                // worker) drains root jobs first. With assists on, the seed picks who does the next unit of work.
                if (config.Assists && rootsLeft && grey.Count > 0 && rng.Next(2) == 0) ScanObject(MarkStepKind.Scan, "assist (gcDrainN): ");
                else if (rootsLeft) MarkRoot();
                else if (grey.Count > 0) ScanObject(MarkStepKind.Scan, "");
                else MarkDone();
                break;
            case MarkPhase.MarkTermination:
                var pending = config.RescanStacks ? stacks.Keys.FirstOrDefault(g => !rescanned.Contains(g)) : null;
                if (pending is not null) Rescan(pending);
                else if (grey.Count > 0) ScanObject(MarkStepKind.Scan, "mark termination (STW): ");
                else SweepStep();
                break;
            default:
                throw new InvalidOperationException($"no GC step in phase {phase} (finished: {finished})");
        }
    }

    private void SweepTermination()
    {
        started = true;
        phase = MarkPhase.SweepTermination;
        // gcMarkRootPrepare: count the root jobs — globals blocks, then one job per goroutine stack (allgs snapshot).
        var names = globals.Keys.ToArray();
        for (var i = 0; i < names.Length; i += config.GlobalsPerBlock)
            globalBlocks.Add(names[i..Math.Min(names.Length, i + config.GlobalsPerBlock)]);
        foreach (var g in stacks.Keys) stackScans[g] = 0;
        markrootJobs = globalBlocks.Count + stacks.Count;
        markrootNext = 0;
        Snapshot(MarkStepKind.Phase,
            "gcStart: stop the world (sweep termination)",
            $"gcMarkRootPrepare: {globalBlocks.Count} globals block(s) + {stacks.Count} stack(s) = {markrootJobs} root jobs (none scanned yet)",
            "setGCPhase(_GCmark): write barrier on");
    }

    private void MarkRoot()
    {
        // markroot(gcw, i): the job index selects a globals block (markrootBlock) or a goroutine stack (scanstack).
        var job = markrootNext++;
        if (job < globalBlocks.Count)
        {
            var block = globalBlocks[job];
            var shaded = block.Where(g => Shade(globals[g])).Select(g => globals[g]!).ToList();
            foreach (var g in block) scannedGlobals.Add(g);
            Snapshot(MarkStepKind.RootJob, $"markroot job {job + 1}/{markrootJobs}: scanned globals block ({string.Join(", ", block)}){Shaded(shaded)}");
            return;
        }

        var gname = stacks.Keys.ElementAt(job - globalBlocks.Count);
        // markroot: `if gp.gcscandone { throw("g already scanned") }` — each stack is scanned once per cycle.
        if (stackScans[gname] > 0) throw new InvalidOperationException($"g already scanned: {gname}");
        var shadedLocals = ScanStack(gname);
        Snapshot(MarkStepKind.RootJob, $"markroot job {job + 1}/{markrootJobs}: scanned stack of {gname} (suspendG, scanstack, resumeG){Shaded(shadedLocals)}");
    }

    private List<string> ScanStack(string gname)
    {
        var shaded = stacks[gname].Values.Where(Shade).Select(t => t!).ToList();
        stackScans[gname]++;
        return shaded;
    }

    private void ScanObject(MarkStepKind kind, string who)
    {
        // gcDrain: b := gcw.tryGet(); scanobject(b, gcw) — greyobject on every pointer slot, and b is black.
        var name = grey[^1];
        grey.RemoveAt(grey.Count - 1);
        var shaded = fields[name].Values.Where(Shade).Select(t => t!).ToList();
        colors[name] = MarkColor.Black;
        Snapshot(kind, $"{who}scanobject {name}: {name} black{Shaded(shaded)}");
    }

    private void MarkDone()
    {
        // gcMarkDone found no work (all wbBufs flushed in this model), stops the world; gcMarkTermination follows.
        // gcMark (mgc.go, Go 1.8–1.23) always checks that the mark queue is empty and every root job ran ("non-empty
        // mark queue after concurrent mark"); gcMarkRootCheck, which walks allgs to confirm every stack was scanned,
        // runs only under GODEBUG=gccheckmark=1 ("expensive when there's a large number of Gs").
        if (markrootNext < markrootJobs) throw new InvalidOperationException("non-empty mark queue after concurrent mark");
        var missed = stackScans.Where(kv => kv.Value == 0).Select(kv => kv.Key).FirstOrDefault();
        if (config.CheckMark && missed is not null) throw new InvalidOperationException($"scan missed a g: {missed}");
        phase = MarkPhase.MarkTermination;
        Snapshot(MarkStepKind.Phase,
            "gcMarkDone: no grey objects and no root jobs left; stop the world (mark termination)",
            $"gcMark: mark queue empty, {markrootNext}/{markrootJobs} root jobs done",
            config.CheckMark ? "gcMarkRootCheck (GODEBUG=gccheckmark=1): every stack scanned" : "gcMarkRootCheck skipped (only with GODEBUG=gccheckmark=1)",
            config.RescanStacks ? "stacks will be re-scanned (Go ≤ 1.7)" : "no stack re-scan (Go 1.8+)");
    }

    private void Rescan(string gname)
    {
        // Go 1.5–1.7 mark termination: re-scan stacks (with the world stopped) because stack writes have no barrier.
        var shaded = ScanStack(gname);
        rescanned.Add(gname);
        Snapshot(MarkStepKind.Rescan, $"mark termination (STW): re-scanned stack of {gname}{Shaded(shaded)}");
    }

    private void SweepStep()
    {
        var sweepStep = states.Count;
        CheckSafety(sweepStep);
        var white = objectOrder.Where(o => colors[o] == MarkColor.White).ToList();
        foreach (var o in white)
        {
            objectOrder.Remove(o);
            colors.Remove(o);
            fields.Remove(o);
        }
        freed.AddRange(white);
        phase = MarkPhase.Sweep;
        finished = true;
        Snapshot(MarkStepKind.Sweep,
            "gcMarkTermination: setGCPhase(_GCoff), write barrier off; start the world",
            white.Count == 0 ? "sweep: nothing white to free" : $"sweep: freed {string.Join(", ", white)} (white)");
    }

    private bool Shade(string? target)
    {
        // shade/greyobject: if the mark bit is set, nothing to do; else set it and queue the object (grey).
        if (target is null || colors[target] != MarkColor.White) return false;
        colors[target] = MarkColor.Grey;
        grey.Add(target);
        return true;
    }

    private static string Shaded(List<string> shaded) => shaded.Count == 0 ? " → nothing new to shade" : $" → shaded {string.Join(", ", shaded)}";

    // ------------------------------------------------------------------ the mutator

    private void Execute(string g, MutatorStatement s)
    {
        if (!stacks.TryGetValue(g, out var locals))
            throw KitInputException.For($"\"{g}\" is not a goroutine of the graph ({string.Join(", ", stacks.Keys)})", parameter: "goroutine");
        mutatorSteps++;
        events.Clear();
        string? value = s.Value switch
        {
            MutatorValue.Nil => null,
            MutatorValue.New => Allocate(),
            MutatorValue.Variable => Read(g, locals, s.Source!, s),
            _ => ReadField(Deref(g, locals, s.Source!, s), s.SourceField!, s),
        };
        var shown = value ?? "nil";
        if (s.TargetField is null && (locals.ContainsKey(s.Target) || !globals.ContainsKey(s.Target)))
        {
            // A stack write: the compiler emits no write barrier for the current frame.
            locals[s.Target] = value;
            events.Insert(0, $"{g}: {s.Text} ⇒ {g}.{s.Target} = {shown} (stack write: no write barrier)");
        }
        else if (s.TargetField is null)
        {
            var old = globals[s.Target];
            events.Insert(0, $"{g}: {s.Text} ⇒ global {s.Target} = {shown}");
            Barrier(old, value);
            globals[s.Target] = value;
        }
        else
        {
            var holder = Deref(g, locals, s.Target, s);
            var slots = fields[holder];
            var old = slots.GetValueOrDefault(s.TargetField);
            events.Insert(0, $"{g}: {s.Text} ⇒ {holder}.{s.TargetField} = {shown}");
            Barrier(old, value);
            slots[s.TargetField] = value;
        }
        Snapshot(MarkStepKind.Mutator);
    }

    private string Allocate()
    {
        string name;
        do name = $"N{++allocCounter}"; while (everAllocatedNames.Contains(name) || globals.ContainsKey(name) || stacks.ContainsKey(name));
        everAllocatedNames.Add(name);
        objectOrder.Add(name);
        fields[name] = new OrderedDictionary<string, string?>(StringComparer.Ordinal);
        allocated.Add(name);
        // mallocgc: `if gcphase != _GCoff { gcmarknewobject(...) }` — allocate black; its slots are nil, nothing to scan.
        var marking = phase is MarkPhase.SweepTermination or MarkPhase.Mark or MarkPhase.MarkTermination;
        colors[name] = marking ? MarkColor.Black : MarkColor.White;
        if (marking) allocatedDuringMark.Add(name);
        events.Add(marking ? $"mallocgc: {name} allocated black (gcmarknewobject)" : $"mallocgc: {name} allocated (GC off: white)");
        return name;
    }

    private string? Read(string g, OrderedDictionary<string, string?> locals, string name, MutatorStatement s)
    {
        if (locals.TryGetValue(name, out var v)) return v;
        if (globals.TryGetValue(name, out v)) return v;
        throw KitInputException.For($"\"{s.Text}\": {g} has no local or global named {name}", parameter: "statement");
    }

    private string Deref(string g, OrderedDictionary<string, string?> locals, string name, MutatorStatement s) =>
        Read(g, locals, name, s) ?? throw KitInputException.For($"\"{s.Text}\": nil pointer dereference ({name} is nil on {g})", parameter: "statement");

    private string? ReadField(string holder, string field, MutatorStatement s) =>
        fields[holder].TryGetValue(field, out var v) ? v
            : throw KitInputException.For($"\"{s.Text}\": object {holder} has no field {field}", parameter: "statement");

    private void Barrier(string? old, string? value)
    {
        // The barrier runs only while writeBarrier.enabled (gcphase != _GCoff), before the slot is written.
        if (phase is not (MarkPhase.SweepTermination or MarkPhase.Mark or MarkPhase.MarkTermination)) return;
        var mode = config.Barrier;
        if (mode == WriteBarrierMode.None)
        {
            events.Add("no write barrier (mode None)");
            return;
        }
        var shaded = new List<string>();
        // Hybrid (mbarrier.go): shade(*slot) — Yuasa — and shade(ptr) — Dijkstra — both unconditionally
        // (the "if current stack is grey" test would need a memory fence; gcWriteBarrier enqueues both pointers).
        if (mode is WriteBarrierMode.Hybrid or WriteBarrierMode.YuasaDeletion && Shade(old)) shaded.Add(old!);
        if (mode is WriteBarrierMode.Hybrid or WriteBarrierMode.DijkstraInsertion && Shade(value)) shaded.Add(value!);
        barrierShades += shaded.Count;
        var what = mode switch
        {
            WriteBarrierMode.Hybrid => $"shade(old {old ?? "nil"}), shade(new {value ?? "nil"})",
            WriteBarrierMode.DijkstraInsertion => $"shade(new {value ?? "nil"})",
            _ => $"shade(old {old ?? "nil"})",
        };
        events.Add(shaded.Count == 0
            ? $"write barrier ({mode}): {what} → nothing white"
            : $"write barrier ({mode}): {what} → shaded {string.Join(", ", shaded)}");
    }

    private (string Goroutine, MutatorStatement Statement)? RandomStatement()
    {
        var names = stacks.Keys.ToArray();
        var g = names[rng.Next(names.Length)];
        var locals = stacks[g];
        var vars = locals.Keys.Concat(globals.Keys.Where(k => !locals.ContainsKey(k))).ToList();
        var holders = vars.Where(v => (locals.TryGetValue(v, out var t) ? t : globals[v]) is not null).ToList();
        for (var attempt = 0; attempt < 12; attempt++)
        {
            string? text = null;
            switch (rng.Next(12))
            {
                case 0 or 1 or 2: // load a pointer from the heap into a local: x = y.f
                {
                    var withFields = holders.Where(h => fields[Value(locals, h)].Count > 0).ToList();
                    if (withFields.Count == 0) break;
                    var y = withFields[rng.Next(withFields.Count)];
                    var f = fields[Value(locals, y)].Keys.ElementAt(rng.Next(fields[Value(locals, y)].Count));
                    text = $"{LocalToWrite(g, locals)} = {y}.{f}";
                    break;
                }
                case 3 or 4 or 5: // store into a heap field: y.f = z | nil
                {
                    if (holders.Count == 0) break;
                    var y = holders[rng.Next(holders.Count)];
                    var slots = fields[Value(locals, y)];
                    var f = slots.Count > 0 && (slots.Count >= MaxFieldsPerObject || rng.Next(3) > 0)
                        ? slots.Keys.ElementAt(rng.Next(slots.Count))
                        : NewName("f", slots.ContainsKey);
                    var z = rng.Next(4) == 0 || holders.Count == 0 ? "nil" : holders[rng.Next(holders.Count)];
                    text = $"{y}.{f} = {z}";
                    break;
                }
                case 6: // store into a global: g = z | nil
                {
                    if (globals.Count == 0) break;
                    var gl = globals.Keys.ElementAt(rng.Next(globals.Count));
                    if (locals.ContainsKey(gl)) break; // shadowed by a local of the same name
                    var z = rng.Next(3) == 0 || holders.Count == 0 ? "nil" : holders[rng.Next(holders.Count)];
                    text = $"{gl} = {z}";
                    break;
                }
                case 7: // copy a pointer into a local: x = y (local or global)
                {
                    if (holders.Count == 0) break;
                    text = $"{LocalToWrite(g, locals)} = {holders[rng.Next(holders.Count)]}";
                    break;
                }
                case 8: // allocate: x = new, or y.f = new
                {
                    if (holders.Count > 0 && rng.Next(3) == 0)
                    {
                        var y = holders[rng.Next(holders.Count)];
                        var slots = fields[Value(locals, y)];
                        var f = slots.Count > 0 && (slots.Count >= MaxFieldsPerObject || rng.Next(2) > 0)
                            ? slots.Keys.ElementAt(rng.Next(slots.Count))
                            : NewName("f", slots.ContainsKey);
                        text = $"{y}.{f} = new";
                    }
                    else
                    {
                        text = $"{LocalToWrite(g, locals)} = new";
                    }
                    break;
                }
                default: // drop a stack reference: x = nil
                {
                    var live = locals.Where(kv => kv.Value is not null).Select(kv => kv.Key).ToList();
                    if (live.Count == 0) break;
                    text = $"{live[rng.Next(live.Count)]} = nil";
                    break;
                }
            }
            if (text is not null) return (g, MutatorStatement.Parse(text));
        }
        return null;
    }

    private string Value(OrderedDictionary<string, string?> locals, string holder) =>
        (locals.TryGetValue(holder, out var t) ? t : globals[holder])!;

    private string LocalToWrite(string g, OrderedDictionary<string, string?> locals)
    {
        if (locals.Count > 0 && (locals.Count >= MaxLocalsPerGoroutine || rng.Next(3) > 0))
            return locals.Keys.ElementAt(rng.Next(locals.Count));
        return NewName("t", n => locals.ContainsKey(n) || globals.ContainsKey(n) || stacks.ContainsKey(n) || n == g);
    }

    private static string NewName(string prefix, Func<string, bool> taken)
    {
        var i = 0;
        while (taken(prefix + i)) i++;
        return prefix + i;
    }

    // ------------------------------------------------------------------ invariants and safety

    private MarkColor RootColor(string name, RootKind kind)
    {
        if (!started) return MarkColor.White;
        if (kind == RootKind.Global) return scannedGlobals.Contains(name) ? MarkColor.Black : MarkColor.Grey;
        // With re-scan (Go ≤ 1.7) a scanned stack still counts as grey: it will be scanned again with the world stopped.
        if (config.RescanStacks) return rescanned.Contains(name) ? MarkColor.Black : MarkColor.Grey;
        return stackScans.GetValueOrDefault(name) > 0 ? MarkColor.Black : MarkColor.Grey;
    }

    private IEnumerable<(MarkColor Color, string Target)> ColouredPointers()
    {
        foreach (var (g, t) in globals) if (t is not null) yield return (RootColor(g, RootKind.Global), t);
        foreach (var (g, locals) in stacks)
        {
            var c = RootColor(g, RootKind.Stack);
            foreach (var t in locals.Values) if (t is not null) yield return (c, t);
        }
        foreach (var o in objectOrder)
            foreach (var t in fields[o].Values) if (t is not null) yield return (colors[o], t);
    }

    private ImmutableArray<string> InvariantBreaks()
    {
        if (phase is not (MarkPhase.SweepTermination or MarkPhase.Mark or MarkPhase.MarkTermination)) return [];
        var pointers = ColouredPointers().ToList();
        var blackToWhite = pointers.Where(p => p.Color == MarkColor.Black && colors[p.Target] == MarkColor.White)
            .Select(p => p.Target).Distinct(StringComparer.Ordinal).ToList();
        if (config.ExpectedInvariant == TriColorInvariant.Strong || blackToWhite.Count == 0) return [.. blackToWhite];

        // Weak: a white object pointed to by black must be reachable from a grey object or an unscanned root
        // through white objects only ("grey-protected", proposal 17503).
        var protectedSet = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>();
        foreach (var (c, t) in pointers)
            if (c == MarkColor.Grey && colors[t] == MarkColor.White && protectedSet.Add(t)) queue.Enqueue(t);
        while (queue.Count > 0)
        {
            foreach (var t in fields[queue.Dequeue()].Values)
                if (t is not null && colors[t] == MarkColor.White && protectedSet.Add(t)) queue.Enqueue(t);
        }
        return [.. blackToWhite.Where(o => !protectedSet.Contains(o))];
    }

    private void CheckSafety(int sweepStep)
    {
        // What a correct collector guarantees: everything reachable from the roots is marked when the sweep starts.
        var via = new Dictionary<string, (string Slot, string? From)>(StringComparer.Ordinal);
        var queue = new Queue<string>();
        foreach (var (g, t) in globals)
            if (t is not null && via.TryAdd(t, (g, null))) queue.Enqueue(t);
        foreach (var (g, locals) in stacks)
            foreach (var (l, t) in locals)
                if (t is not null && via.TryAdd(t, ($"{g}.{l}", null))) queue.Enqueue(t);
        var order = new List<string>();
        while (queue.Count > 0)
        {
            var o = queue.Dequeue();
            order.Add(o);
            foreach (var (f, t) in fields[o])
                if (t is not null && via.TryAdd(t, ($"{o}.{f}", o))) queue.Enqueue(t);
        }
        foreach (var o in order.Where(o => colors[o] == MarkColor.White))
        {
            var path = new List<string> { o };
            string? head = null;
            for (var cur = o; ;)
            {
                if (colors[cur] == MarkColor.White) head = cur;
                var (slot, from) = via[cur];
                path.Insert(0, slot);
                if (from is null) break;
                cur = from;
            }
            var broken = head is not null && brokenSince.TryGetValue(head, out var s) ? s : sweepStep - 1;
            violations.Add(new MarkViolation(o, config.ExpectedInvariant, broken, string.Join("; ", states[broken].Events),
                sweepStep, string.Join(" → ", path)));
        }
    }

    // ------------------------------------------------------------------ snapshots

    private void Snapshot(MarkStepKind kind, params string[] what)
    {
        events.AddRange(what);
        var step = states.Count;
        var breaks = InvariantBreaks();
        foreach (var o in breaks) brokenSince.TryAdd(o, step);
        foreach (var o in brokenSince.Keys.Where(k => !breaks.Contains(k)).ToList()) brokenSince.Remove(o);

        var roots = globals.Keys.Select(g => new MarkRoot(g, RootKind.Global, RootColor(g, RootKind.Global), scannedGlobals.Contains(g) ? 1 : 0))
            .Concat(stacks.Keys.Select(g => new MarkRoot(g, RootKind.Stack, RootColor(g, RootKind.Stack), stackScans.GetValueOrDefault(g))));
        var edges = new List<MarkEdge>();
        foreach (var (g, t) in globals) if (t is not null) edges.Add(new MarkEdge(g, g, t));
        foreach (var (g, locals) in stacks)
            foreach (var (l, t) in locals) if (t is not null) edges.Add(new MarkEdge(g, $"{g}.{l}", t));
        foreach (var o in objectOrder)
            foreach (var (f, t) in fields[o]) if (t is not null) edges.Add(new MarkEdge(o, $"{o}.{f}", t));

        recordedItems += objectOrder.Count + globals.Count + stacks.Count + edges.Count;
        if (recordedItems > config.MaxRecordedItems)
        {
            throw SimulationBudgetException.Exceeded("MarkConfig.MaxRecordedItems", config.MaxRecordedItems,
                "objects, roots and edges recorded in its snapshots", "use a smaller graph or fewer mutator steps, or raise the budget with MarkConfig.WithMaxRecordedItems");
        }
        states.Add(new MarkState(step, phase, kind, [.. events],
            [.. objectOrder.Select(o => new MarkObject(o, colors[o], allocatedDuringMark.Contains(o)))],
            [.. roots], [.. edges], [.. grey],
            phase is MarkPhase.SweepTermination or MarkPhase.Mark or MarkPhase.MarkTermination,
            breaks, kind == MarkStepKind.Sweep ? [.. freed] : []));
        events.Clear();
    }
}
