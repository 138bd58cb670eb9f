// Mirrors: runtime/mstats.go (MemStats: Mallocs, Frees, TotalAlloc, HeapAlloc, HeapInuse, HeapSys, NumGC), Go 1.19–1.23.
// Simplified: the model's counters after the whole stream; waste is split into rounding, free slots and span tails.
using System.Globalization;

namespace GoRuntimeLab.Alloc;

/// <summary>The outcome of an <see cref="AllocatorModel"/> run. Byte counts are as MemStats would report them.</summary>
public sealed record AllocatorResult(
    AllocatorConfig Config,
    string StreamName,
    long Requests,
    long Mallocs,
    long TinyAllocs,
    long TinyBlocks,
    long SmallAllocs,
    long LargeAllocs,
    long TotalAllocBytes,
    long RequestedBytes,
    long Frees,
    long Refills,
    long SpansGrown,
    long SpansFreed,
    int Gcs,
    long HeapInUseBytes,
    long PeakHeapInUseBytes,
    long HeapMappedBytes,
    long ObjectBytes,
    long ObjectRequestedBytes,
    long FreeSlotBytes,
    long TailWasteBytes,
    IReadOnlyList<SpanClassStats> Classes,
    IReadOnlyList<HeapSample> Samples)
{
    /// <summary>Bytes of occupied slots beyond what their objects asked for (class rounding, headers, tiny-block slack, page rounding).</summary>
    public long RoundingWasteBytes => ObjectBytes - ObjectRequestedBytes;

    /// <summary>Small allocations (slots, counting tiny blocks) per mcache refill.</summary>
    public double AllocsPerRefill => Refills == 0 ? 0 : (double)(SmallAllocs + TinyBlocks) / Refills;

    /// <summary>Share of the bytes charged (TotalAlloc) that nobody asked for.</summary>
    public double ChargedWastePercent => TotalAllocBytes == 0 ? 0 : 100.0 * (TotalAllocBytes - RequestedBytes) / TotalAllocBytes;

    /// <summary>Share of the in-use heap at the end not holding requested bytes (rounding + free slots + span tails).</summary>
    public double HeapWastePercent => HeapInUseBytes == 0 ? 0 : 100.0 * (HeapInUseBytes - ObjectRequestedBytes) / HeapInUseBytes;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{StreamName} [{Config}]: {Mallocs} mallocs ({TinyAllocs + TinyBlocks} tiny in {TinyBlocks} blocks, {LargeAllocs} large), " +
        $"TotalAlloc {Bytes(TotalAllocBytes)} for {Bytes(RequestedBytes)} requested ({ChargedWastePercent:0.#}% waste); " +
        $"{Refills} refills ({AllocsPerRefill:0.#} allocs/refill), {SpansGrown} spans grown, {Gcs} GCs; " +
        $"end: HeapInuse {Bytes(HeapInUseBytes)} (peak {Bytes(PeakHeapInUseBytes)}), {HeapWastePercent:0.#}% not requested");

    internal static string Bytes(long b) => b switch
    {
        >= 1 << 20 => string.Create(CultureInfo.InvariantCulture, $"{b / 1048576.0:0.##} MiB"),
        >= 1 << 10 => string.Create(CultureInfo.InvariantCulture, $"{b / 1024.0:0.#} KiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{b} B"),
    };
}
