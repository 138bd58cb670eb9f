using GoRuntimeLab.Gc.Mark;

namespace GoRuntimeLab.Tests.Gc.Mark;

/// <summary>
/// The collector's rules, each checked against the Go source it mirrors (runtime/mgcmark.go, mbarrier.go, malloc.go):
/// a rule the model got wrong makes one of these fail.
/// </summary>
public class MarkSimulatorTests
{
    // G1 holds A (whose next is B) and C; nothing is scanned before the first markroot job.
    private static ObjectGraph WriteGraph() => ObjectGraph.Builder()
        .Goroutine("G1", "a", "c")
        .Object("A", "next").Object("B").Object("C")
        .Pointer("G1.a", "A").Pointer("A.next", "B").Pointer("G1.c", "C")
        .Build();

    [Theory]
    // mbarrier.go: the hybrid barrier shades *slot (Yuasa) and ptr (Dijkstra) — the implementation both, always.
    [InlineData(WriteBarrierMode.Hybrid, "B,C")]
    [InlineData(WriteBarrierMode.DijkstraInsertion, "C")]
    [InlineData(WriteBarrierMode.YuasaDeletion, "B")]
    [InlineData(WriteBarrierMode.None, "")]
    public void A_heap_write_shades_old_and_or_new_value_by_barrier(WriteBarrierMode mode, string expectedGrey)
    {
        // Gc(2): gcStart (STW) and start the world — the barrier is on, no root scanned: A, B, C all white.
        var script = MarkScript.Begin().Gc(2).Run("G1", "a.next = c");
        var run = MarkSimulator.Run(WriteGraph(), MarkConfig.Default.WithBarrier(mode), script);
        var write = run.States.Single(s => s.Kind == MarkStepKind.Mutator);
        Assert.Equal(expectedGrey, string.Join(",", write.GreyQueue.Order(StringComparer.Ordinal)));
        Assert.Equal(expectedGrey.Length == 0 ? 0 : expectedGrey.Split(',').Length, run.BarrierShades);
        Assert.Contains("G1: a.next = c ⇒ A.next = C", write.Caption, StringComparison.Ordinal);
    }

    [Fact]
    public void Stack_writes_and_loads_never_run_the_barrier()
    {
        // The compiler omits barriers for writes to the current frame; Go has no read barrier.
        var script = MarkScript.Begin().Gc(2).Run("G1", "x = a.next").Run("G1", "c = nil").Run("G1", "y = a");
        var run = MarkSimulator.Run(WriteGraph(), MarkConfig.Default, script);
        foreach (var s in run.States.Where(s => s.Kind == MarkStepKind.Mutator))
        {
            Assert.Empty(s.GreyQueue);
            Assert.Contains("stack write: no write barrier", s.Caption, StringComparison.Ordinal);
        }
        Assert.Equal(0, run.BarrierShades);
    }

    [Fact]
    public void Writes_to_globals_have_the_barrier()
    {
        // mbarrier.go "Global writes": barriers on globals so that globals need no re-scan in mark termination.
        var graph = ObjectGraph.Builder().Global("g", "A").Goroutine("G1", "c").Object("A").Object("C").Pointer("G1.c", "C").Build();
        var run = MarkSimulator.Run(graph, MarkConfig.Default, MarkScript.Begin().Gc(2).Run("G1", "g = c"));
        var write = run.States.Single(s => s.Kind == MarkStepKind.Mutator);
        Assert.Equal<string>(["A", "C"], write.GreyQueue.Order(StringComparer.Ordinal));
        Assert.True(run.Safe);
    }

    [Fact]
    public void The_barrier_is_off_before_the_cycle_starts()
    {
        // writeBarrier.enabled only while gcphase != _GCoff: a write before gcStart shades nothing.
        var run = MarkSimulator.Run(WriteGraph(), MarkConfig.Default, MarkScript.Begin().Run("G1", "a.next = c"));
        var write = run.States.Single(s => s.Kind == MarkStepKind.Mutator);
        Assert.Equal(MarkPhase.Off, write.Phase);
        Assert.Empty(write.GreyQueue);
        Assert.False(write.WriteBarrierOn);
        Assert.Equal<string>(["B"], run.Freed); // A.next no longer points to B
    }

    [Fact]
    public void Objects_allocated_during_mark_are_black_and_never_scanned()
    {
        // malloc.go: `if gcphase != _GCoff { gcmarknewobject(...) }` — marked, not queued: its slots are nil.
        var script = MarkScript.Begin().Gc(2).Run("G1", "n = new").Run("G1", "m = new").Run("G1", "m = nil");
        var run = MarkSimulator.Run(WriteGraph(), MarkConfig.Default, script);
        var alloc = run.States.First(s => s.Kind == MarkStepKind.Mutator);
        Assert.Equal(MarkColor.Black, alloc.ColorOf("N1"));
        Assert.True(alloc.Objects.Single(o => o.Name == "N1").AllocatedDuringMark);
        Assert.DoesNotContain("N1", alloc.GreyQueue);
        Assert.Contains("gcmarknewobject", alloc.Caption, StringComparison.Ordinal);
        Assert.DoesNotContain(run.States, s => s.Caption.Contains("scanobject N", StringComparison.Ordinal));
        // N2 became garbage at once but was allocated black: floating garbage survives this cycle.
        Assert.Equal<string>(["N1", "N2"], run.Allocated);
        Assert.DoesNotContain("N2", run.Freed);
        Assert.Equal(MarkColor.Black, run.Final.ColorOf("N2"));
    }

    [Fact]
    public void Objects_allocated_before_the_cycle_are_white()
    {
        var run = MarkSimulator.Run(WriteGraph(), MarkConfig.Default, MarkScript.Begin().Run("G1", "n = new").Run("G1", "m = new").Run("G1", "m = nil"));
        Assert.Equal(MarkColor.White, run.States[1].ColorOf("N1"));
        Assert.Equal<string>(["N2"], run.Freed); // dropped before gcStart: plain garbage
    }

    [Fact]
    public void Root_jobs_are_globals_blocks_then_one_job_per_stack_each_scanned_once()
    {
        // gcMarkRootPrepare: data/BSS blocks, then stacks (allgs order); markroot throws "g already scanned" on a repeat.
        var b = ObjectGraph.Builder().Object("A");
        foreach (var g in new[] { "g1", "g2", "g3", "g4", "g5" }) b.Global(g, "A");
        b.Goroutine("G1").Goroutine("G2").Goroutine("G3");
        var run = MarkSimulator.Run(b.Build(), MarkConfig.Default.WithGlobalsPerBlock(2), MarkScript.Begin());
        Assert.Equal(3 + 3, run.RootJobs);
        Assert.Contains("gcMarkRootPrepare: 3 globals block(s) + 3 stack(s) = 6 root jobs", run.States[1].Caption, StringComparison.Ordinal);
        var jobs = run.States.Where(s => s.Kind == MarkStepKind.RootJob).Select(s => s.Events[0]).ToList();
        Assert.Equal(6, jobs.Count);
        Assert.StartsWith("markroot job 1/6: scanned globals block (g1, g2)", jobs[0], StringComparison.Ordinal);
        Assert.StartsWith("markroot job 3/6: scanned globals block (g5)", jobs[2], StringComparison.Ordinal);
        Assert.StartsWith("markroot job 4/6: scanned stack of G1", jobs[3], StringComparison.Ordinal);
        Assert.StartsWith("markroot job 6/6: scanned stack of G3", jobs[5], StringComparison.Ordinal);
        Assert.All(run.StackScans.Values, n => Assert.Equal(1, n));
        // Root jobs are claimed before any heap work by the background worker (gcDrain drains roots first).
        var firstScan = run.States.First(s => s.Kind == MarkStepKind.Scan).Step;
        Assert.True(run.States.Where(s => s.Kind == MarkStepKind.RootJob).All(s => s.Step < firstScan));
        var captions = string.Join("\n", run.States.Select(s => s.Caption));
        Assert.Contains("gcMark: mark queue empty, 6/6 root jobs done", captions, StringComparison.Ordinal);
        Assert.Contains("gcMarkRootCheck skipped (only with GODEBUG=gccheckmark=1)", captions, StringComparison.Ordinal);
    }

    [Fact]
    public void Gc_mark_root_check_runs_only_with_gccheckmark()
    {
        // mgc.go gcMark (Go 1.8–1.23): `if debug.gccheckmark > 0 { gcMarkRootCheck() }`.
        var graph = ObjectGraph.Builder().Goroutine("G1", "a").Object("A").Pointer("G1.a", "A").Build();
        var plain = MarkSimulator.Run(graph, MarkConfig.Default, MarkScript.Begin());
        var checkmark = MarkSimulator.Run(graph, MarkConfig.Default.WithCheckMark(), MarkScript.Begin());
        Assert.DoesNotContain(plain.States, s => s.Caption.Contains("every stack scanned", StringComparison.Ordinal));
        Assert.Contains(checkmark.States, s => s.Caption.Contains("gcMarkRootCheck (GODEBUG=gccheckmark=1): every stack scanned", StringComparison.Ordinal));
        Assert.False(MarkConfig.Default.CheckMark);
        Assert.Equal(plain.Freed, checkmark.Freed);
    }

    [Fact]
    public void Grey_objects_are_scanned_last_in_first_out_like_a_gcWork_buffer()
    {
        // gcw.put and gcw.tryGet work on the same end of wbuf1.
        var graph = ObjectGraph.Builder().Goroutine("G1", "a", "b", "c").Object("A").Object("B").Object("C")
            .Pointer("G1.a", "A").Pointer("G1.b", "B").Pointer("G1.c", "C").Build();
        var run = MarkSimulator.Run(graph, MarkConfig.Default, MarkScript.Begin());
        var order = run.States.Where(s => s.Kind == MarkStepKind.Scan).Select(s => s.Events[0].Split(' ')[1].TrimEnd(':')).ToList();
        Assert.Equal<string>(["C", "B", "A"], order);
    }

    [Fact]
    public void Phases_follow_gcStart_mark_termination_sweep_with_the_barrier_on_in_between()
    {
        var run = MarkScenarios.Tour().Run();
        var phases = run.States.Select(s => s.Phase).Distinct().ToList();
        Assert.Equal([MarkPhase.Off, MarkPhase.SweepTermination, MarkPhase.Mark, MarkPhase.MarkTermination, MarkPhase.Sweep], phases);
        Assert.All(run.States, s => Assert.Equal(s.Phase is MarkPhase.SweepTermination or MarkPhase.Mark or MarkPhase.MarkTermination, s.WriteBarrierOn));
        // The mutator runs only while the world is started.
        Assert.All(run.States.Where(s => s.Kind == MarkStepKind.Mutator), s => Assert.Equal(MarkPhase.Mark, s.Phase));
        // At the sweep every live object is black: nothing grey or white survives it.
        Assert.All(run.Final.Objects, o => Assert.Equal(MarkColor.Black, o.Color));
        Assert.Equal<string>(["E", "F"], run.Freed);
        Assert.True(run.Safe);
        Assert.True(run.InvariantAlwaysHeld);
    }

    [Fact]
    public void Lost_object_without_a_barrier_frees_reachable_C_and_names_where_it_broke()
    {
        var run = MarkScenarios.LostObject().Run();
        var v = Assert.Single(run.Violations);
        Assert.Equal("C", v.ObjectName);
        Assert.Equal(TriColorInvariant.Weak, v.Invariant);
        Assert.Equal("G1.a → A.next → C", v.ReachableVia);
        var broke = run.States[v.BrokenAtStep];
        Assert.Equal(MarkStepKind.Mutator, broke.Kind);
        Assert.StartsWith("G1: b.next = nil", broke.Events[0], StringComparison.Ordinal);
        Assert.Equal<string>(["C"], broke.InvariantBreaks);
        Assert.True(run.States[v.BrokenAtStep - 1].InvariantHolds); // a.next = c alone kept the weak invariant (B still grey)
        Assert.Equal(run.Final.Step, v.FreedAtStep);
        Assert.Contains("C", run.Freed);
        Assert.Contains(run.Final.Edges, e => e.Slot == "A.next" && e.To == "C"); // the dangling pointer
        Assert.Contains("C freed at step", run.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(WriteBarrierMode.Hybrid, false)]
    [InlineData(WriteBarrierMode.YuasaDeletion, false)]
    [InlineData(WriteBarrierMode.DijkstraInsertion, true)]
    public void Lost_object_with_a_barrier_is_safe_and_keeps_its_invariant(WriteBarrierMode mode, bool rescan)
    {
        var run = MarkScenarios.LostObject(mode).WithRescanStacks(rescan).Run();
        Assert.True(run.Safe, run.ToString());
        Assert.True(run.InvariantAlwaysHeld, run.FirstInvariantBreak?.ToString());
        Assert.Equal<string>(["D"], run.Freed); // the real garbage is still collected
    }

    [Fact]
    public void Lost_object_with_Dijkstra_but_no_rescan_is_safe_here_yet_breaks_the_strong_invariant_on_the_stack()
    {
        // a.next = c shades C, so nothing is lost; but c = b.next put a white pointer on an already-black stack.
        var run = MarkScenarios.LostObject(WriteBarrierMode.DijkstraInsertion).Run();
        Assert.True(run.Safe);
        Assert.StartsWith("G1: c = b.next", run.FirstInvariantBreak!.Events[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Dijkstra_without_stack_rescan_loses_an_object_hidden_on_a_scanned_stack()
    {
        // Go 1.5–1.7 used the Dijkstra barrier and therefore re-scanned stacks in mark termination (STW). Proposal
        // 17503 (Go 1.8) removed the re-scan by adding the Yuasa half: shade(*slot) catches b.next = nil.
        var lost = MarkScenarios.HiddenOnStack().Run();
        var v = Assert.Single(lost.Violations);
        Assert.Equal(("C", TriColorInvariant.Strong, "G1.c → C"), (v.ObjectName, v.Invariant, v.ReachableVia));
        Assert.StartsWith("G1: c = b.next", v.BrokenBy, StringComparison.Ordinal);

        var rescan = MarkScenarios.HiddenOnStack(rescanStacks: true).Run();
        Assert.True(rescan.Safe);
        Assert.True(rescan.InvariantAlwaysHeld);
        Assert.Equal(2, rescan.StackScans["G1"]);
        Assert.Contains(rescan.States, s => s.Kind == MarkStepKind.Rescan && s.Phase == MarkPhase.MarkTermination);

        var hybrid = MarkScenarios.HiddenOnStack(WriteBarrierMode.Hybrid).Run();
        Assert.True(hybrid.Safe);
        Assert.Equal(1, hybrid.StackScans["G1"]);
    }

    [Fact]
    public void Yuasa_alone_loses_an_object_moved_from_a_grey_stack_into_a_black_new_object()
    {
        // mbarrier.go point 2: shade(ptr) stops hiding an object by moving the sole pointer from a (grey) stack
        // into a black heap object. Allocate-black makes N1 black before G1's stack is scanned.
        var lost = MarkScenarios.HiddenInNewObject().Run();
        var v = Assert.Single(lost.Violations);
        Assert.Equal(("C", "G1.n → N1.next → C"), (v.ObjectName, v.ReachableVia));
        Assert.True(MarkScenarios.HiddenInNewObject(WriteBarrierMode.Hybrid).Run().Safe);
        Assert.True(MarkScenarios.HiddenInNewObject(WriteBarrierMode.DijkstraInsertion).Run().Safe);
    }

    [Fact]
    public void Go_versions_select_the_collector()
    {
        Assert.Equal(MarkConfig.Default, MarkConfig.For(GoVersion.Go1_19));
        Assert.Equal(MarkConfig.Default, MarkConfig.For(new GoVersion(1, 8)));
        var old = MarkConfig.For(new GoVersion(1, 7));
        Assert.Equal((WriteBarrierMode.DijkstraInsertion, true), (old.Barrier, old.RescanStacks));
        Assert.Equal(TriColorInvariant.Strong, old.ExpectedInvariant);
        Assert.Throws<KitInputException>(() => MarkConfig.For(new GoVersion(1, 4)));
        Assert.True(MarkScenarios.HiddenOnStack() with { Config = old } is var s && s.Run().Safe);
    }

    [Fact]
    public void Same_seed_same_run_and_different_seeds_differ()
    {
        var graph = ObjectGraph.Random(12, 18, 5, seed: 3, goroutines: 3);
        string Captions(int seed) => string.Join("\n", MarkSimulator.Run(graph, MarkConfig.Default.WithSeed(seed).WithAssists()).States.Select(s => s.ToString()));
        Assert.Equal(Captions(5), Captions(5));
        Assert.NotEqual(Captions(5), Captions(6));
    }

    [Fact]
    public void Bad_scripts_and_statements_name_the_problem()
    {
        var graph = WriteGraph();
        Assert.Contains("statement", Assert.Throws<KitInputException>(() => MutatorStatement.Parse("a.next == c")).Message, StringComparison.Ordinal);
        Assert.Throws<KitInputException>(() => MutatorStatement.Parse("a.b.c = d"));
        Assert.Throws<KitInputException>(() => MutatorStatement.Parse("1a = b"));
        Assert.Contains("goroutine", Assert.Throws<KitInputException>(() =>
            MarkSimulator.Run(graph, null, MarkScript.Begin().Run("G9", "a = nil"))).Message, StringComparison.Ordinal);
        Assert.Contains("nil pointer dereference", Assert.Throws<KitInputException>(() =>
            MarkSimulator.Run(graph, null, MarkScript.Begin().Run("G1", "a = nil").Run("G1", "a.next = c"))).Message, StringComparison.Ordinal);
        Assert.Contains("no local or global named zz", Assert.Throws<KitInputException>(() =>
            MarkSimulator.Run(graph, null, MarkScript.Begin().Run("G1", "a = zz"))).Message, StringComparison.Ordinal);
        Assert.Contains("has no field", Assert.Throws<KitInputException>(() =>
            MarkSimulator.Run(graph, null, MarkScript.Begin().Run("G1", "x = c.next"))).Message, StringComparison.Ordinal);
        Assert.Contains("past the end", Assert.Throws<KitInputException>(() =>
            MarkSimulator.Run(graph, null, MarkScript.Begin().Gc(100))).Message, StringComparison.Ordinal);
        Assert.Throws<KitInputException>(() => MarkSimulator.Run(graph, null, MarkScript.Begin().GcUntilBlack("Q")));
        Assert.Throws<KitInputException>(() => MarkScript.Begin().Gc(0));
        Assert.Throws<KitInputException>(() => MarkConfig.Default.WithMutatorShare(1.5));
        Assert.Throws<KitInputException>(() => MarkConfig.Default.WithGlobalsPerBlock(0));
    }
}
