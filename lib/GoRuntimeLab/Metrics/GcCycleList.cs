// Mirrors: nothing in Go — an adapter that turns precomputed GC cycles (e.g. GoRuntimeLab.Gc.Simulation.GcSimulator's
// GcSimCycle list) into an IGcCycleSource. Simplified: the cycles are taken as given, after an order check.
using System.Globalization;

namespace GoRuntimeLab.Metrics;

/// <summary>
/// A fixed list of cycles as an <see cref="IGcCycleSource"/>: the adapter for any GC model; <see cref="From"/> takes a
/// GC simulator run.
/// </summary>
public sealed class GcCycleList : IGcCycleSource
{
    private readonly GcCycleRecord[] _cycles;

    /// <summary>Checks that the cycles are numbered 1, 2, … and do not overlap in time.</summary>
    public GcCycleList(IEnumerable<GcCycleRecord> cycles, double allocBytesPerSecond, ulong initialHeapBytes)
    {
        ArgumentNullException.ThrowIfNull(cycles);
        if (!(allocBytesPerSecond >= 0) || double.IsInfinity(allocBytesPerSecond))
            throw KitInputException.For("must be a finite number ≥ 0 of bytes per second", parameter: "allocBytesPerSecond");
        _cycles = [.. cycles.Select(c => c.Validated())];
        for (var i = 0; i < _cycles.Length; i++)
        {
            if (_cycles[i].Number != i + 1)
                throw KitInputException.For(string.Create(CultureInfo.InvariantCulture, $"cycle {i + 1} is numbered {_cycles[i].Number}"), parameter: "cycles");
            if (i > 0 && _cycles[i].StartNs < _cycles[i - 1].EndNs)
                throw KitInputException.For(string.Create(CultureInfo.InvariantCulture, $"cycle {i + 1} starts before cycle {i} ends"), parameter: "cycles");
        }

        AllocBytesPerSecond = allocBytesPerSecond;
        InitialHeapBytes = initialHeapBytes;
    }

    /// <summary>
    /// The cycles of a <see cref="Gc.Simulation.GcSimulator"/> run (the run proper, renumbered from 1), so a simulated
    /// process exposes the concurrent model's heap, goals and pauses.
    /// </summary>
    public static GcCycleList From(Gc.Simulation.GcSimResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var heap = (ulong)(result.Workload.LiveBytes + result.Workload.HolderBytes);
        return new GcCycleList(
            result.Cycles.Select((c, i) => new GcCycleRecord(i + 1, c.StartNs, c.SweepTermNs, c.MarkNs, c.MarkTermNs,
                c.HeapAtTrigger, c.HeapAtMarkEnd, c.Marked, c.Goal, c.NextGoal)),
            result.Workload.AllocRate, heap);
    }

    /// <inheritdoc/>
    public double AllocBytesPerSecond { get; }

    /// <inheritdoc/>
    public ulong InitialHeapBytes { get; }

    /// <inheritdoc/>
    public IEnumerable<GcCycleRecord> Cycles() => _cycles;
}
