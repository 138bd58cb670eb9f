// Mirrors: the workload of data/go/gcload (a live heap held for the whole run plus short-lived garbage allocated at a
// paced rate), described in the units the runtime accounts in (bytes, ns). Not a Go source file: the input to GcSimulator.
using System.Globalization;
using GoRuntimeLab.Gc.Pacer;

namespace GoRuntimeLab.Gc.Simulation;

/// <summary>
/// A GC workload: <see cref="LiveBytes"/> of objects of <see cref="ObjectSize"/> bytes allocated before the run and
/// kept alive, plus garbage allocated at <see cref="AllocRate"/> bytes per second of wall time for
/// <see cref="DurationNs"/>, with goroutine stacks and globals as the extra GC roots. Immutable: change it with the
/// <c>With*</c> copies, e.g. <c>GcWorkload.Default.WithLive("64MiB").WithAllocRate("512MiB/s")</c>.
/// </summary>
public sealed record GcWorkload
{
    private GcWorkload(long liveBytes, long objectSize, bool pointers, double allocRate, long durationNs, long stackBytes, long globalsBytes)
    {
        LiveBytes = liveBytes;
        ObjectSize = objectSize;
        Pointers = pointers;
        AllocRate = allocRate;
        DurationNs = durationNs;
        StackBytes = stackBytes;
        GlobalsBytes = globalsBytes;
    }

    /// <summary>The recorded gcload workload: 32 MiB live of 1 KiB pointerful objects, 256 MiB/s for 5 s, 8 KiB of stack, 32 KiB of globals.</summary>
    public static GcWorkload Default { get; } = new(32L << 20, 1024, true, 256.0 * (1 << 20), 5_000_000_000, 8 << 10, 32 << 10);

    /// <summary>Bytes kept live for the whole run (allocated before it starts).</summary>
    public long LiveBytes { get; private init; }

    /// <summary>Size of each object, live or garbage (bytes).</summary>
    public long ObjectSize { get; private init; }

    /// <summary>Objects contain pointers (the GC scans them) rather than being pointer-free (noscan spans).</summary>
    public bool Pointers { get; private init; }

    /// <summary>Garbage allocated per second of wall time (bytes/s).</summary>
    public double AllocRate { get; private init; }

    /// <summary>How long the allocation runs (ns).</summary>
    public long DurationNs { get; private init; }

    /// <summary>Goroutine stack bytes the GC scans (a GC root; part of the heap goal since Go 1.18).</summary>
    public long StackBytes { get; private init; }

    /// <summary>Scannable globals (data+bss) bytes (a GC root; part of the heap goal since Go 1.18).</summary>
    public long GlobalsBytes { get; private init; }

    /// <summary>
    /// Goroutines that allocate (each runs on one P at a time): caps how much CPU the program can spend allocating and
    /// assisting. gcload has one.
    /// </summary>
    public int Goroutines { get; private init; } = 1;

    /// <summary>A copy with another number of allocating goroutines (≥ 1).</summary>
    public GcWorkload WithGoroutines(int goroutines) =>
        goroutines is < 1 or > 100_000 ? throw KitInputException.For($"must be between 1 and 100000, not {goroutines}", parameter: "goroutines") : this with { Goroutines = goroutines };

    /// <summary>Extra live bytes allocated at <see cref="SpikeAtNs"/> and dropped <see cref="SpikeForNs"/> later (0: no spike).</summary>
    public long SpikeBytes { get; private init; }

    /// <summary>When the spike is allocated (ns since the start).</summary>
    public long SpikeAtNs { get; private init; }

    /// <summary>How long the spike stays live (ns).</summary>
    public long SpikeForNs { get; private init; }

    /// <summary>
    /// A copy with a transient spike of live heap, like the GC guide's graph 3 and gcload's -spike: <paramref name="bytes"/>
    /// allocated at <paramref name="at"/> and garbage again after <paramref name="duration"/> (Go duration syntax).
    /// </summary>
    public GcWorkload WithSpike(string bytes, string at, string duration)
    {
        var w = this with
        {
            SpikeBytes = ParseBytes(bytes, "spikeBytes"),
            SpikeAtNs = GoDuration.Parse(at, "spikeAt"),
            SpikeForNs = GoDuration.Parse(duration, "spikeFor"),
        };
        CheckBytes(w.SpikeBytes, "spikeBytes");
        if (w.SpikeAtNs is < 0 or > MaxDurationNs) throw KitInputException.For("must be ≥ 0 and at most 1 year", parameter: "spikeAt");
        if (w.SpikeForNs is <= 0 or > MaxDurationNs) throw KitInputException.For("must be > 0 and at most 1 year", parameter: "spikeFor");
        return w;
    }

    /// <summary>
    /// Bytes each object costs besides itself: the program reaches every object through an <c>interface{}</c> holding a
    /// slice, so the 24-byte slice header is boxed on the heap (gcload's newObject; <c>-gcflags=-m</c> reports
    /// "o escapes to heap"). Live objects also take a 16-byte slot in the holder (<c>[]interface{}</c>). 0: no box.
    /// </summary>
    public long BoxBytes { get; private init; } = 24;

    /// <summary>A copy with another per-object box size (bytes ≥ 0; 0 = objects are not boxed).</summary>
    public GcWorkload WithBoxBytes(long bytes) =>
        bytes < 0 ? throw KitInputException.For($"must be ≥ 0 bytes, not {bytes}", parameter: "boxBytes") : this with { BoxBytes = bytes };

    /// <summary>Live objects at time <paramref name="ns"/>: the live heap's, plus the spike's while it lives.</summary>
    public long LiveObjectsAt(long ns) =>
        LiveBytes / ObjectSize + (SpikeBytes > 0 && ns >= SpikeAtNs && ns < SpikeAtNs + SpikeForNs ? SpikeBytes / ObjectSize : 0);

    /// <summary>Heap scan work of what is live at <paramref name="ns"/>: pointerful objects, and always boxes and holder slots.</summary>
    public long LiveScanAt(long ns) => LiveObjectsAt(ns) * ((Pointers ? ObjectSize : 0) + BoxBytes + 16);

    /// <summary>Bytes besides the live objects themselves that keep them live: their boxes and holder slots.</summary>
    public long HolderBytes => LiveBytes / ObjectSize * (BoxBytes + 16);

    /// <summary>Heap scan work of the live heap: the objects if pointerful, and always boxes and holder slots.</summary>
    public long LiveScanBytes => LiveScanAt(-1);

    /// <summary>A copy with another live heap (bytes, ≥ 0).</summary>
    public GcWorkload WithLive(long bytes) => Validated(this with { LiveBytes = bytes });

    /// <summary>A copy with another live heap in Go's byte syntax ("64MiB").</summary>
    public GcWorkload WithLive(string bytes) => WithLive(ParseBytes(bytes, "liveBytes"));

    /// <summary>A copy with another object size (bytes, ≥ 8).</summary>
    public GcWorkload WithObjectSize(long bytes) => Validated(this with { ObjectSize = bytes });

    /// <summary>A copy with pointerful (true) or pointer-free objects.</summary>
    public GcWorkload WithPointers(bool pointers) => this with { Pointers = pointers };

    /// <summary>A copy with another allocation rate (bytes per second, &gt; 0).</summary>
    public GcWorkload WithAllocRate(double bytesPerSecond) => Validated(this with { AllocRate = bytesPerSecond });

    /// <summary>A copy with another allocation rate written "256MiB/s" (or plain bytes per second).</summary>
    public GcWorkload WithAllocRate(string rate) => WithAllocRate(ParseRate(rate, "allocRate"));

    /// <summary>A copy with another duration (ns, &gt; 0).</summary>
    public GcWorkload WithDuration(long ns) => Validated(this with { DurationNs = ns });

    /// <summary>A copy with another duration in Go's syntax ("5s", "1500ms").</summary>
    public GcWorkload WithDuration(string duration) => WithDuration(GoDuration.Parse(duration, "duration"));

    /// <summary>A copy with other goroutine stack bytes (≥ 0).</summary>
    public GcWorkload WithStacks(long bytes) => Validated(this with { StackBytes = bytes });

    /// <summary>A copy with other stack bytes in Go's byte syntax ("64KiB").</summary>
    public GcWorkload WithStacks(string bytes) => WithStacks(ParseBytes(bytes, "stackBytes"));

    /// <summary>A copy with other globals bytes (≥ 0).</summary>
    public GcWorkload WithGlobals(long bytes) => Validated(this with { GlobalsBytes = bytes });

    /// <summary>A copy with other globals bytes in Go's byte syntax ("32KiB").</summary>
    public GcWorkload WithGlobals(string bytes) => WithGlobals(ParseBytes(bytes, "globalsBytes"));

    /// <summary>Go's byte count syntax (runtime parseByteCount: digits with an optional B/KiB/MiB/GiB/TiB suffix).</summary>
    /// <exception cref="KitInputException">Not a byte count; the message names <paramref name="parameter"/>.</exception>
    public static long ParseBytes(string text, string parameter)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (MemoryLimit.TryParseByteCount(text.Trim(), out var n)) return n;
        throw KitInputException.For($"\"{text}\" is not a byte count (expected e.g. 1048576, 512KiB, 64MiB or 1GiB)", parameter: parameter);
    }

    /// <summary>A rate "256MiB/s" (a byte count per second; the "/s" is optional).</summary>
    /// <exception cref="KitInputException">Not a rate; the message names <paramref name="parameter"/>.</exception>
    public static double ParseRate(string text, string parameter)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim();
        if (t.EndsWith("/s", StringComparison.Ordinal)) t = t[..^2];
        if (MemoryLimit.TryParseByteCount(t, out var n) && n > 0) return n;
        throw KitInputException.For($"\"{text}\" is not an allocation rate (expected e.g. 256MiB/s)", parameter: parameter);
    }

    /// <summary>
    /// The largest live heap, spike, stack or globals size accepted: 1 TiB. Physically motivated: more memory than all
    /// but the largest servers have (Go's own ceiling is the 256 TiB arena space, malloc.go heapAddrBits = 48 on
    /// linux/amd64); it keeps every byte count exact in a double and the simulated clock far from overflow.
    /// </summary>
    public const long MaxBytes = 1L << 40;

    /// <summary>
    /// The largest allocation rate accepted: 1 TiB/s, above the memory bandwidth of any machine (a server socket moves
    /// 0.1–0.5 TB/s); realistic programs allocate MB/s to a few GB/s.
    /// </summary>
    public const double MaxAllocRate = 1L << 40;

    /// <summary>The longest run accepted: 1 year of simulated time (a GC steady state repeats every few cycles).</summary>
    public const long MaxDurationNs = 365L * 24 * 3600 * 1_000_000_000;

    private static GcWorkload Validated(GcWorkload w)
    {
        CheckBytes(w.LiveBytes, "liveBytes");
        if (w.ObjectSize is < 8 or > MaxBytes) throw KitInputException.For($"must be between 8 bytes and 1 TiB, not {w.ObjectSize}", parameter: "objectSize");
        if (!(w.AllocRate is > 0 and <= MaxAllocRate)) throw KitInputException.For($"must be > 0 and at most 1 TiB/s, not {w.AllocRate} bytes/s", parameter: "allocRate");
        if (w.DurationNs is <= 0 or > MaxDurationNs) throw KitInputException.For($"must be > 0 and at most 1 year (8760h), not {GoDuration.Format(w.DurationNs)}", parameter: "duration");
        CheckBytes(w.StackBytes, "stackBytes");
        CheckBytes(w.GlobalsBytes, "globalsBytes");
        return w;
    }

    private static void CheckBytes(long bytes, string parameter)
    {
        if (bytes is < 0 or > MaxBytes) throw KitInputException.For($"must be between 0 bytes and 1 TiB, not {bytes}", parameter: parameter);
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"workload: {MemoryLimit.Format(LiveBytes)} live in {ObjectSize} B {(Pointers ? "pointerful" : "pointer-free")} objects, {MemoryLimit.Format((long)AllocRate)}/s of garbage for {GoDuration.Format(DurationNs)}{(SpikeBytes > 0 ? $", spike +{MemoryLimit.Format(SpikeBytes)} at {GoDuration.Format(SpikeAtNs)} for {GoDuration.Format(SpikeForNs)}" : "")}, stacks {MemoryLimit.Format(StackBytes)}, globals {MemoryLimit.Format(GlobalsBytes)}");
}
