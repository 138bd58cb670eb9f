// Mirrors: nothing in Go; the kit's thresholds for calling a series "flat" or "leaking".
using System.Globalization;

namespace GoRuntimeLab.Leaks;

/// <summary>
/// When a series is judged flat: the least-squares slope of live heap bytes and of goroutines per step must stay
/// within these bounds. Defaults: 16 KiB per step (the fixed leakhunt program drifts by under 8 KiB per step from
/// map and runtime bookkeeping; the leaky one grows by over 500 KiB) and 0.5 goroutine per step (a leak of one
/// goroutine per step is 1).
/// </summary>
public sealed record LeakCriteria
{
    /// <summary>The largest heap slope (bytes per step) still called flat.</summary>
    public double MaxFlatHeapBytesPerStep { get; private init; } = 16 * 1024;

    /// <summary>The largest goroutine slope (goroutines per step) still called flat.</summary>
    public double MaxFlatGoroutinesPerStep { get; private init; } = 0.5;

    public static LeakCriteria Default { get; } = new();

    /// <summary>A copy with another heap bound (≥ 0, finite).</summary>
    public LeakCriteria WithMaxFlatHeapBytesPerStep(double bytes) => double.IsFinite(bytes) && bytes >= 0
        ? this with { MaxFlatHeapBytesPerStep = bytes }
        : throw KitInputException.For($"must be a finite number ≥ 0, not {bytes.ToString(CultureInfo.InvariantCulture)}", parameter: "maxFlatHeapBytesPerStep");

    /// <summary>A copy with another goroutine bound (≥ 0, finite).</summary>
    public LeakCriteria WithMaxFlatGoroutinesPerStep(double goroutines) => double.IsFinite(goroutines) && goroutines >= 0
        ? this with { MaxFlatGoroutinesPerStep = goroutines }
        : throw KitInputException.For($"must be a finite number ≥ 0, not {goroutines.ToString(CultureInfo.InvariantCulture)}", parameter: "maxFlatGoroutinesPerStep");
}
