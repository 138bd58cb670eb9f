// Mirrors: the three ways a mutator hides an object, from runtime/mbarrier.go (points 1 and 2 of the hybrid barrier
// comment) and proposal 17503-eliminate-rescan.md, Go 1.5–1.23. Simplified: smallest graphs that show each case.
namespace GoRuntimeLab.Gc.Mark;

/// <summary>Scripted scenarios for the notebook and the tests.</summary>
public static class MarkScenarios
{
    /// <summary>
    /// A small program state for a first look: global <c>cfg</c>, goroutines G1 (locals a, b) and G2 (local x), six
    /// objects of which E and F are garbage. The mutator moves pointers around while the collector runs.
    /// </summary>
    public static MarkScenario Tour(WriteBarrierMode barrier = WriteBarrierMode.Hybrid)
    {
        var graph = ObjectGraph.Builder()
            .Global("cfg")
            .Goroutine("G1", "a", "b")
            .Goroutine("G2", "x")
            .Object("A", "next").Object("B", "next").Object("C", "next").Object("D", "next").Object("E", "next").Object("F", "next")
            .Pointer("cfg", "A")
            .Pointer("G1.a", "A").Pointer("G1.b", "B")
            .Pointer("G2.x", "D")
            .Pointer("A.next", "B").Pointer("B.next", "C")
            .Pointer("E.next", "F")
            .Build();
        var script = MarkScript.Begin()
            .GcUntilBlack("G1")
            .Run("G1", "c = b.next")      // load C onto G1's (already scanned) stack: stack writes have no barrier
            .Run("G2", "n = new")         // allocated black (gcmarknewobject)
            .Run("G2", "n.next = x")      // heap write: shade(new D)
            .Run("G2", "x = nil")         // G2's stack (not scanned yet) drops D: only the black N1 points to it now
            .Run("G1", "b.next = nil");   // delete the heap pointer to C: shade(old C); C lives on in G1.c
        return new MarkScenario("tour",
            "G1 loads B.next (C) onto its scanned stack and deletes B.next; G2 links D into a new (black) N1 and drops its own pointer",
            graph, script, MarkConfig.Default.WithBarrier(barrier));
    }

    /// <summary>
    /// The classic lost object. G1's stack is scanned (A and B grey), A is scanned (black) while B is still grey.
    /// Then the mutator copies B.next (the only pointer to the white C) into the black A and deletes B.next. With
    /// no barrier, nothing shades C: it is freed although A.next still points to it.
    /// </summary>
    public static MarkScenario LostObject(WriteBarrierMode barrier = WriteBarrierMode.None)
    {
        var graph = ObjectGraph.Builder()
            .Goroutine("G1", "b", "a") // scanned in this order: B then A are queued, A (top of the LIFO) is scanned first
            .Object("A", "next").Object("B", "next").Object("C").Object("D")
            .Pointer("G1.a", "A").Pointer("G1.b", "B")
            .Pointer("B.next", "C")
            .Build();
        var script = MarkScript.Begin()
            .GcUntilBlack("A")
            .Run("G1", "c = b.next")   // C onto the stack (stack write: never a barrier)
            .Run("G1", "a.next = c")   // the only other pointer to C goes into black A
            .Run("G1", "b.next = nil") // and the grey B's pointer is deleted
            .Run("G1", "c = nil");     // the stack's copy dies: A.next is C's only pointer
        return new MarkScenario("lost object",
            "move the only pointer to white C into black A (a.next = c) and delete grey B's pointer (b.next = nil)",
            graph, script, MarkConfig.Default.WithBarrier(barrier));
    }

    /// <summary>
    /// Why Dijkstra needed stack re-scan (Go 1.5–1.7): G1's stack is already scanned (black) when G1 loads the only
    /// pointer to white C from grey B onto its stack and deletes B.next. Stack writes have no barrier and Dijkstra
    /// shades only the new value (nil), so C survives only if mark termination re-scans G1's stack.
    /// </summary>
    public static MarkScenario HiddenOnStack(WriteBarrierMode barrier = WriteBarrierMode.DijkstraInsertion, bool rescanStacks = false)
    {
        var graph = ObjectGraph.Builder()
            .Goroutine("G1", "b")
            .Object("B", "next").Object("C")
            .Pointer("G1.b", "B").Pointer("B.next", "C")
            .Build();
        var script = MarkScript.Begin()
            .GcUntilBlack("G1")
            .Run("G1", "c = b.next")    // C onto the black stack: no barrier on stack writes
            .Run("G1", "b.next = nil"); // delete the heap pointer: Dijkstra shades only nil
        return new MarkScenario("hidden on a scanned stack",
            "G1 (stack already scanned) does c = b.next; b.next = nil — the pointer to C now lives only on a black stack",
            graph, script, MarkConfig.Default.WithBarrier(barrier).WithRescanStacks(rescanStacks));
    }

    /// <summary>
    /// Why the hybrid barrier also shades the new pointer while a stack is grey: G1's stack is not scanned yet and
    /// holds the only pointer to C. G1 allocates N1 (black, gcmarknewobject), stores C into it and drops its local.
    /// A pure deletion (Yuasa) barrier shades only the old value (nil): when G1's stack is finally scanned, N1 is
    /// already black and C is never found.
    /// </summary>
    public static MarkScenario HiddenInNewObject(WriteBarrierMode barrier = WriteBarrierMode.YuasaDeletion)
    {
        var graph = ObjectGraph.Builder()
            .Goroutine("G1", "x")
            .Object("C")
            .Pointer("G1.x", "C")
            .Build();
        var script = MarkScript.Begin()
            .Gc(2)                       // gcStart (STW) and start the world: no root scanned yet
            .Run("G1", "n = new")        // allocated black
            .Run("G1", "n.next = x")     // heap write into a black object: old value nil, new value C
            .Run("G1", "x = nil");       // the grey stack's own pointer dies (no barrier)
        return new MarkScenario("hidden in a new object",
            "G1, before its stack is scanned, stores its only pointer to C into a freshly allocated (black) object and drops the local",
            graph, script, MarkConfig.Default.WithBarrier(barrier));
    }
}
