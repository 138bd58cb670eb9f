// Mirrors: internal/trace/parser.go (Go 1.19 and Go 1.21): the Ev* constants, EventDescriptions and argNum.
namespace GoRuntimeLab.Trace.Exec.V1;

/// <summary>
/// The event types of the execution-trace format before Go 1.22 (runtime/trace.go traceEv*, copied into
/// internal/trace/parser.go as Ev*), with what parser.go's EventDescriptions says of each: its name as
/// <c>go tool trace -d</c> prints it, the first format version that has it, whether its last argument is a stack id,
/// and how many arguments it has after the timestamp.
/// </summary>
internal static class V1EventTypes
{
    public const int None = 0;
    public const int Batch = 1;
    public const int Frequency = 2;
    public const int Stack = 3;
    public const int GCStart = 7;
    public const int GCDone = 8;
    public const int GCSTWStart = 9;
    public const int GCSTWDone = 10;
    public const int GCSweepDone = 12;
    public const int GoCreate = 13;
    public const int GoStart = 14;
    public const int GoEnd = 15;
    public const int GoUnblock = 21;
    public const int GoSysExit = 29;
    public const int GoSysBlock = 30;
    public const int GoWaiting = 31;
    public const int GoInSyscall = 32;
    public const int TimerGoroutine = 35;
    public const int FutileWakeup = 36;
    public const int String = 37;
    public const int GoStartLocal = 38;
    public const int GoUnblockLocal = 39;
    public const int GoSysExitLocal = 40;
    public const int GoStartLabel = 41;
    public const int GoBlockGC = 42;
    public const int UserLog = 48;
    public const int CPUSample = 49;

    /// <summary>EvCount: one more than the last type.</summary>
    public const int Count = 50;

    // EventDescriptions of Go 1.19: Name, minVersion, Stack, len(Args).
    private static readonly (string Name, int MinVersion, bool Stack, int Args)[] Descriptions =
    [
        ("None", 1005, false, 0),
        ("Batch", 1005, false, 2),
        ("Frequency", 1005, false, 1),
        ("Stack", 1005, false, 2),
        ("Gomaxprocs", 1005, true, 1),
        ("ProcStart", 1005, false, 1),
        ("ProcStop", 1005, false, 0),
        ("GCStart", 1005, true, 1),
        ("GCDone", 1005, false, 0),
        ("GCSTWStart", 1005, false, 1),
        ("GCSTWDone", 1005, false, 0),
        ("GCSweepStart", 1005, true, 0),
        ("GCSweepDone", 1005, false, 2),
        ("GoCreate", 1005, true, 2),
        ("GoStart", 1005, false, 2),
        ("GoEnd", 1005, false, 0),
        ("GoStop", 1005, true, 0),
        ("GoSched", 1005, true, 0),
        ("GoPreempt", 1005, true, 0),
        ("GoSleep", 1005, true, 0),
        ("GoBlock", 1005, true, 0),
        ("GoUnblock", 1005, true, 2),
        ("GoBlockSend", 1005, true, 0),
        ("GoBlockRecv", 1005, true, 0),
        ("GoBlockSelect", 1005, true, 0),
        ("GoBlockSync", 1005, true, 0),
        ("GoBlockCond", 1005, true, 0),
        ("GoBlockNet", 1005, true, 0),
        ("GoSysCall", 1005, true, 0),
        ("GoSysExit", 1005, false, 3),
        ("GoSysBlock", 1005, false, 0),
        ("GoWaiting", 1005, false, 1),
        ("GoInSyscall", 1005, false, 1),
        ("HeapAlloc", 1005, false, 1),
        ("HeapGoal", 1005, false, 1),
        ("TimerGoroutine", 1005, false, 1),
        ("FutileWakeup", 1005, false, 0),
        ("String", 1007, false, 0),
        ("GoStartLocal", 1007, false, 1),
        ("GoUnblockLocal", 1007, true, 1),
        ("GoSysExitLocal", 1007, false, 2),
        ("GoStartLabel", 1008, false, 3),
        ("GoBlockGC", 1008, true, 0),
        ("GCMarkAssistStart", 1009, true, 0),
        ("GCMarkAssistDone", 1009, false, 0),
        ("UserTaskCreate", 1011, true, 3),
        ("UserTaskEnd", 1011, true, 1),
        ("UserRegion", 1011, true, 3),
        ("UserLog", 1011, true, 2),
        ("CPUSample", 1019, true, 3),
    ];

    /// <summary>
    /// The name <c>go tool trace -d</c> prints for <paramref name="type"/> in a trace of format <paramref name="version"/>
    /// (1019 = Go 1.19): the toolchain that wrote the trace is the one that reads it, and Go 1.21 renamed types 9 and 10
    /// from GCSTWStart/GCSTWDone to STWStart/STWDone (they mark every stop-the-world since 1.21, not only GC's).
    /// </summary>
    public static string Name(int type, int version) => (type, version >= 1021) switch
    {
        (GCSTWStart, true) => "STWStart",
        (GCSTWDone, true) => "STWDone",
        _ => Descriptions[type].Name,
    };

    // "a GoCreate event", made once per type and naming scheme, so reading an event allocates nothing.
    private static readonly string[][] Phrases =
    [
        [.. Enumerable.Range(0, Count).Select(t => $"a {Name(t, 1019)} event")],
        [.. Enumerable.Range(0, Count).Select(t => $"a {Name(t, 1021)} event")],
    ];

    /// <summary>"a GoCreate event": how errors name an event of <paramref name="type"/> being read.</summary>
    public static string Phrase(int type, int version) => Phrases[version >= 1021 ? 1 : 0][type];

    /// <summary>The format version (1007 = Go 1.7) that introduced <paramref name="type"/>.</summary>
    public static int MinVersion(int type) => Descriptions[type].MinVersion;

    /// <summary>True when the event's last argument is a stack id.</summary>
    public static bool HasStack(int type) => Descriptions[type].Stack;

    /// <summary>
    /// parser.go argNum (version ≥ 1.7): the number of arguments an event of <paramref name="type"/> carries,
    /// the timestamp delta and stack id included; <paramref name="actual"/> for Stack, whose length varies.
    /// </summary>
    public static int ArgNum(int type, int version, int actual)
    {
        if (type == Stack) return actual;
        var (_, _, stack, args) = Descriptions[type];
        var narg = args + (stack ? 1 : 0);
        if (type is Batch or Frequency or TimerGoroutine) return narg;
        narg++; // timestamp
        if (type == GCSweepDone && version < 1009) narg -= 2; // 1.9 added two arguments
        if (type == GCSTWStart && version < 1010) narg--;     // 1.10 added an argument
        return narg;
    }
}
