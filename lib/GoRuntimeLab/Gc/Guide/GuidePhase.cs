// Mirrors: golang/website _content/doc/gc-guide.js (gcModel's `work` items, from a graph's data-workload), the GC guide of Go 1.19+.
// Simplified: nothing beyond the page; a phase is a steady state (constant rates) for a stretch of mutator CPU time.
using System.Globalization;

namespace GoRuntimeLab.Gc.Guide;

/// <summary>
/// One phase of a GC-guide workload: for <paramref name="Duration"/> seconds of mutator CPU time the program
/// allocates <paramref name="AllocRate"/> MiB/s; the GC scans live memory at <paramref name="ScanRate"/> MiB per
/// CPU-second; a fraction <paramref name="NewSurvivalRate"/> of what the phase allocates stays live, and a fraction
/// <paramref name="OldDeathRate"/> of the live heap at the phase's start dies during it.
/// </summary>
public sealed record GuidePhase(double Duration, double AllocRate, double ScanRate, double NewSurvivalRate, double OldDeathRate)
{
    /// <summary>Checks the phase; <paramref name="index"/> (0-based) names it in the message.</summary>
    /// <exception cref="KitInputException">A non-positive duration or rate, or a survival/death rate outside [0, 1].</exception>
    public void Validate(int index)
    {
        var at = string.Create(CultureInfo.InvariantCulture, $"phases[{index}].");
        // gcModel divides by allocRate (mutator time) and scanRate (GC time) and by duration (prorating the live
        // change), so all three must be positive; a zero allocRate would make the page's loop produce NaN times.
        Positive(Duration, at + nameof(Duration));
        Positive(AllocRate, at + nameof(AllocRate));
        Positive(ScanRate, at + nameof(ScanRate));
        Fraction(NewSurvivalRate, at + nameof(NewSurvivalRate));
        Fraction(OldDeathRate, at + nameof(OldDeathRate));
    }

    private static void Positive(double value, string parameter)
    {
        if (!double.IsFinite(value) || value <= 0)
            throw KitInputException.For(string.Create(CultureInfo.InvariantCulture, $"must be a positive finite number, not {value}"), parameter: parameter);
    }

    private static void Fraction(double value, string parameter)
    {
        if (!(value >= 0 && value <= 1))
            throw KitInputException.For(string.Create(CultureInfo.InvariantCulture, $"must be between 0 and 1, not {value}"), parameter: parameter);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Duration:0.###} s at {AllocRate:0.###} MiB/s (scan {ScanRate:0.###} MiB/s, new survive {NewSurvivalRate:0.###}, old die {OldDeathRate:0.###})");
}
