// Mirrors: golang/website _content/doc/gc-guide.js (gcModel's `config`: fixedCost, otherMem, GOGC, memoryLimit,
// initialLive, trackLive, fixedWindow), the GC guide of Go 1.19+. Simplified: sliders are resolved to numbers first.
using System.Globalization;

namespace GoRuntimeLab.Gc.Guide;

/// <summary>
/// The GC guide model's knobs. Immutable: change one with a <c>With*</c> copy, e.g.
/// <c>GuideConfig.Default.WithGogc(200).WithMemoryLimit(50)</c>. Sizes are MiB, times CPU-seconds.
/// </summary>
public sealed record GuideConfig
{
    /// <summary>The page's "no limit": its graphs without a limit slider set memoryLimit to 100000 MiB.</summary>
    public const double NoLimit = 100000;

    /// <summary>fixedCost 0.04 s, no other memory, GOGC 100, no memory limit, no initial live heap.</summary>
    public static GuideConfig Default { get; } = new();

    private GuideConfig() { }

    /// <summary>Fixed GC CPU cost per cycle (s); the page uses 0.04.</summary>
    public double FixedCost { get; private init; } = 0.04;

    /// <summary>Memory outside the heap that counts against the limit (MiB): the page's "Other Mem.".</summary>
    public double OtherMem { get; private init; }

    /// <summary>GOGC; null means off (the page's Infinity).</summary>
    public int? Gogc { get; private init; } = 100;

    /// <summary>The memory limit (MiB); <see cref="NoLimit"/> (100000) when none is set.</summary>
    public double MemoryLimit { get; private init; } = NoLimit;

    /// <summary>Live heap at the start (MiB); gcModel's optional initialLive, 0 on every graph of the page.</summary>
    public double InitialLive { get; private init; }

    /// <summary>Split the live heap by the GC cycle that found it (the "Live Heap From GC i" series).</summary>
    public bool TrackLive { get; private init; }

    /// <summary>Stop the run at this CPU time (s); null for none (gcModel's optional fixedWindow, Infinity by default).</summary>
    public double? FixedWindow { get; private init; }

    /// <summary>GOGC as gcModel sees it: a number, positive infinity when off.</summary>
    public double GogcValue => Gogc is { } g ? g : double.PositiveInfinity;

    /// <summary>True when a memory limit other than the page's "none" (100000 MiB) is set.</summary>
    public bool HasLimit => MemoryLimit != NoLimit;

    /// <exception cref="KitInputException">Negative or not finite.</exception>
    public GuideConfig WithFixedCost(double seconds) => this with { FixedCost = NonNegative(seconds, "fixedCost") };

    /// <exception cref="KitInputException">Negative or not finite.</exception>
    public GuideConfig WithOtherMem(double mib) => this with { OtherMem = NonNegative(mib, "otherMem") };

    /// <summary>
    /// GOGC as a percentage (0 is allowed, as in Go: collect continuously, bounded by the 4 MiB minimum heap); any
    /// negative value is off, as everywhere in the kit (<see cref="GoSettings.WithGogc(int)"/>).
    /// </summary>
    public GuideConfig WithGogc(int percent) => percent < 0 ? WithGogcOff() : this with { Gogc = percent };

    /// <summary>
    /// GOGC and GOMEMLIMIT from the kit's Go settings (the page's model has no GOMAXPROCS or release): bytes become
    /// MiB, the page's unit; GOMEMLIMIT=off is the page's "no limit".
    /// </summary>
    public GuideConfig WithSettings(GoSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var c = WithGogc(settings.Gogc);
        return settings.HasMemoryLimit ? c.WithMemoryLimit(settings.MemoryLimit / (double)(1 << 20)) : c.WithoutMemoryLimit();
    }

    /// <summary>GOGC or off (null).</summary>
    public GuideConfig WithGogc(int? percent) => percent is { } p ? WithGogc(p) : WithGogcOff();

    /// <summary>GOGC=off: only the memory limit triggers a GC.</summary>
    public GuideConfig WithGogcOff() => this with { Gogc = null };

    /// <summary>The memory limit in MiB (the page's slider goes from 1 to 100; 0 is allowed, as GOMEMLIMIT=0 is in Go).</summary>
    /// <exception cref="KitInputException">Negative or not finite.</exception>
    public GuideConfig WithMemoryLimit(double mib) => this with { MemoryLimit = NonNegative(mib, GoSettings.MemoryLimitName) };

    /// <summary>No memory limit (the page's 100000 MiB).</summary>
    public GuideConfig WithoutMemoryLimit() => this with { MemoryLimit = NoLimit };

    /// <exception cref="KitInputException">Negative or not finite.</exception>
    public GuideConfig WithInitialLive(double mib) => this with { InitialLive = NonNegative(mib, "initialLive") };

    public GuideConfig WithTrackLive(bool track = true) => this with { TrackLive = track };

    /// <summary>Stop at this CPU time (s); null for no window.</summary>
    /// <exception cref="KitInputException">Not positive or not finite.</exception>
    public GuideConfig WithFixedWindow(double? seconds) => this with { FixedWindow = seconds is { } s ? Positive(s, "fixedWindow") : null };

    private static double NonNegative(double value, string parameter) => double.IsFinite(value) && value >= 0
        ? value
        : throw KitInputException.For(string.Create(CultureInfo.InvariantCulture, $"must be a finite number, 0 or more, not {value}"), parameter: parameter);

    private static double Positive(double value, string parameter) => double.IsFinite(value) && value > 0
        ? value
        : throw KitInputException.For(string.Create(CultureInfo.InvariantCulture, $"must be a positive finite number, not {value}"), parameter: parameter);

    public override string ToString()
    {
        var text = string.Create(CultureInfo.InvariantCulture,
            $"GOGC={(Gogc is { } g ? g.ToString(CultureInfo.InvariantCulture) : "off")}, limit {(HasLimit ? MemoryLimit.ToString("0.###", CultureInfo.InvariantCulture) + " MiB" : "none")}, other {OtherMem:0.###} MiB, fixed cost {FixedCost:0.###} s");
        if (InitialLive != 0) text += string.Create(CultureInfo.InvariantCulture, $", initial live {InitialLive:0.###} MiB");
        if (FixedWindow is { } w) text += string.Create(CultureInfo.InvariantCulture, $", window {w:0.###} s");
        if (TrackLive) text += ", live per GC";
        return text;
    }
}
