namespace GoRuntimeLab.Trace.Exec.V2;

/// <summary>
/// The event tables of the Go 1.22+ execution-trace format, indexed by type byte. Mirrors the <c>specs</c> array of
/// internal/trace/v2/event/go122/event.go (Go 1.22.12) and internal/trace/event/go122/event.go (Go 1.23.5; 1.23 adds
/// GoSwitch, GoSwitchDestroy, GoCreateBlocked, GoStatusStack, ExperimentalBatch and the alloc/free experiment's events
/// from type 128). Go 1.23's tool reads 1.22 traces with the 1.23 table; each table here is the one the SAME Go
/// version's <c>go tool trace</c> uses.
/// </summary>
public static class V2EventSpecs
{
    /// <summary>Structural type bytes (go122.EvEventBatch … go122.EvFrequency, go122.EvExperimentalBatch).</summary>
    public const byte EvEventBatch = 1, EvStacks = 2, EvStack = 3, EvStrings = 4, EvString = 5, EvCPUSamples = 6, EvCPUSample = 7,
        EvFrequency = 8, EvExperimentalBatch = 49;

    /// <summary>go122.MaxBatchSize, MaxFramesPerStack, MaxStringSize.</summary>
    public const int MaxBatchSize = 64 << 10, MaxFramesPerStack = 128, MaxStringSize = 1 << 10;

    private static readonly V2EventSpec?[] Go122 = Build(122);
    private static readonly V2EventSpec?[] Go123 = Build(123);

    /// <summary>True when the kit reads traces whose header says go 1.<paramref name="minor"/> with this format.</summary>
    public static bool Supports(int minor) => minor is 22 or 23;

    /// <summary>The table for a trace whose header says go 1.<paramref name="minor"/> (22 or 23), indexed by type byte; null entries are invalid types.</summary>
    public static IReadOnlyList<V2EventSpec?> For(int minor) => minor switch
    {
        22 => Go122,
        23 => Go123,
        _ => throw new ArgumentOutOfRangeException(nameof(minor), minor, "the generation-based trace format is read for Go 1.22 and 1.23"),
    };

    private static V2EventSpec?[] Build(int version)
    {
        var go123 = version >= 123;
        var t = new V2EventSpec?[go123 ? 137 : 45];
        void Structural(byte type, string name, params string[] args) =>
            t[type] = new V2EventSpec(type, name, args, false, [], [], -1, -1);
        void Timed(byte type, string name, string[] args, int[]? stacks = null, int[]? strings = null)
        {
            var g = Array.FindIndex(args, a => a is "g" or "new_g");
            var p = Array.FindIndex(args, a => a == "p");
            t[type] = new V2EventSpec(type, name, ["dt", .. args], true, stacks ?? [], strings ?? [], g < 0 ? -1 : g + 1, p < 0 ? -1 : p + 1);
        }

        Structural(EvEventBatch, "EventBatch", "gen", "m", "time", "size");
        Structural(EvStacks, "Stacks");
        Structural(EvStack, "Stack", "id", "nframes");
        Structural(EvStrings, "Strings");
        Structural(EvString, "String", "id");
        Structural(EvCPUSamples, "CPUSamples");
        // Go 1.22's spec names the arguments time, p, g, m, but the runtime writes (and the parser reads) time, m, p, g
        // (runtime/trace2cpu.go traceReadCPU; generation.go addCPUSamples); Go 1.23 corrected the names.
        Structural(EvCPUSample, "CPUSample", "time", "m", "p", "g", "stack");
        Structural(EvFrequency, "Frequency", "freq");

        Timed(9, "ProcsChange", ["procs_value", "stack"], stacks: [2]);
        Timed(10, "ProcStart", ["p", "p_seq"]);
        Timed(11, "ProcStop", []);
        Timed(12, "ProcSteal", ["p", "p_seq", "m"]);
        Timed(13, "ProcStatus", ["p", "pstatus"]);
        Timed(14, "GoCreate", ["new_g", "new_stack", "stack"], stacks: [3, 2]);
        Timed(15, "GoCreateSyscall", ["new_g"]);
        Timed(16, "GoStart", ["g", "g_seq"]);
        Timed(17, "GoDestroy", []);
        Timed(18, "GoDestroySyscall", []);
        Timed(19, "GoStop", ["reason_string", "stack"], stacks: [2], strings: [1]);
        Timed(20, "GoBlock", ["reason_string", "stack"], stacks: [2], strings: [1]);
        Timed(21, "GoUnblock", ["g", "g_seq", "stack"], stacks: [3]);
        Timed(22, "GoSyscallBegin", ["p_seq", "stack"], stacks: [2]);
        Timed(23, "GoSyscallEnd", []);
        Timed(24, "GoSyscallEndBlocked", []);
        Timed(25, "GoStatus", ["g", "m", "gstatus"]);
        Timed(26, "STWBegin", ["kind_string", "stack"], stacks: [2], strings: [1]);
        Timed(27, "STWEnd", []);
        Timed(28, "GCActive", ["gc_seq"]);
        Timed(29, "GCBegin", ["gc_seq", "stack"], stacks: [2]);
        Timed(30, "GCEnd", ["gc_seq"]);
        Timed(31, "GCSweepActive", ["p"]);
        Timed(32, "GCSweepBegin", ["stack"], stacks: [1]);
        Timed(33, "GCSweepEnd", ["swept_value", "reclaimed_value"]);
        Timed(34, "GCMarkAssistActive", ["g"]);
        Timed(35, "GCMarkAssistBegin", ["stack"], stacks: [1]);
        Timed(36, "GCMarkAssistEnd", []);
        Timed(37, "HeapAlloc", ["heapalloc_value"]);
        Timed(38, "HeapGoal", ["heapgoal_value"]);
        Timed(39, "GoLabel", ["label_string"], strings: [1]);
        Timed(40, "UserTaskBegin", ["task", "parent_task", "name_string", "stack"], stacks: [4], strings: [3]);
        Timed(41, "UserTaskEnd", ["task", "stack"], stacks: [2]);
        Timed(42, "UserRegionBegin", ["task", "name_string", "stack"], stacks: [3], strings: [2]);
        Timed(43, "UserRegionEnd", ["task", "name_string", "stack"], stacks: [3], strings: [2]);
        Timed(44, "UserLog", ["task", "key_string", "value_string", "stack"], stacks: [4], strings: [2, 3]);
        if (!go123) return t;

        Timed(45, "GoSwitch", ["g", "g_seq"]);
        Timed(46, "GoSwitchDestroy", ["g", "g_seq"]);
        Timed(47, "GoCreateBlocked", ["new_g", "new_stack", "stack"], stacks: [3, 2]);
        Timed(48, "GoStatusStack", ["g", "m", "gstatus", "stack"], stacks: [4]);
        Structural(EvExperimentalBatch, "ExperimentalBatch", "exp", "gen", "m", "time");
        // The alloc/free experiment (go122.AllocFree, GODEBUG=traceallocfree=1): types from 128, written into the Ms'
        // ordinary batches (runtime/traceallocfree.go via eventWriter); its ExperimentalBatch holds only a type table.
        Timed(128, "Span", ["id", "npages_value", "kindclass"]);
        Timed(129, "SpanAlloc", ["id", "npages_value", "kindclass"]);
        Timed(130, "SpanFree", ["id"]);
        Timed(131, "HeapObject", ["id", "type"]);
        Timed(132, "HeapObjectAlloc", ["id", "type"]);
        Timed(133, "HeapObjectFree", ["id"]);
        Timed(134, "GoroutineStack", ["id", "order"]);
        Timed(135, "GoroutineStackAlloc", ["id", "order"]);
        Timed(136, "GoroutineStackFree", ["id"]);
        return t;
    }
}
