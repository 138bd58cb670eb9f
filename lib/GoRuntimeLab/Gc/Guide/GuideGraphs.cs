// Mirrors: golang/website _content/doc/gc-guide.html (the five `gc-guide-graph` divs and their range inputs) and
// gc-guide.js (setupSlider's GOGC and memoryLimit mappings), the GC guide of Go 1.19+. Simplified: nothing left out.
using System.Globalization;

namespace GoRuntimeLab.Gc.Guide;

/// <summary>The GC guide's five interactive graphs and its slider mappings.</summary>
public static class GuideGraphs
{
    /// <summary>GOGC slider: min 0, max 10, step 0.005, default 6.64 (→ GOGC 100).</summary>
    public const double GogcSliderMin = 0, GogcSliderMax = 10, GogcSliderStep = 0.005, GogcSliderDefault = 6.64;

    /// <summary>Memory limit slider (graphs 4 and 5): min 1, max 100, step 0.5, default 100 MiB.</summary>
    public const double LimitSliderMin = 1, LimitSliderMax = 100, LimitSliderStep = 0.5, LimitSliderDefault = 100;

    /// <summary>A GOGC of this or more from the slider means off.</summary>
    public const int GogcOffFrom = 1024;

    private static readonly GuidePhase[] SteadyState =
    [
        new(1.0, 20, 1024, 1.00, 0.00),
        new(9.0, 20, 1024, 0.00, 0.00),
    ];

    private static readonly GuidePhase[] TransientSpike =
    [
        new(1.0, 20, 1024, 1.00, 0.00),
        new(4.0, 20, 1024, 0.00, 0.00),
        new(0.5, 20, 1024, 1.00, 0.00),
        new(0.5, 20, 1024, 0.00, 0.00),
        new(0.5, 20, 1024, 0.00, 0.50),
        new(3.5, 20, 1024, 0.00, 0.00),
    ];

    private static readonly GuidePhase[] VaryingLive =
    [
        new(1.0, 20, 1024, 1.00, 0.00),
        new(1.0, 20, 1024, 0.00, 0.50),
        new(1.0, 20, 1024, 0.50, 0.00),
        new(1.0, 20, 1024, 0.00, 0.50),
        new(1.0, 20, 1024, 0.50, 0.00),
        new(5.0, 200, 1024, 0.02, 1.00),
    ];

    private static readonly IReadOnlyList<GuideGraph> Five =
    [
        new(1, "steady state: 20 MiB live, 200 MiB allocated in 10 s of CPU", "GOGC",
            GuideWorkload.Of(SteadyState), GuideConfig.Default, HasLimitSlider: false),
        new(2, "changing live heap, then 200 MiB/s for 5 s", "GOGC",
            GuideWorkload.Of(VaryingLive), GuideConfig.Default, HasLimitSlider: false),
        new(3, "transient live-heap spike (+10 MiB at 5 s, half dies at 6 s)", "Memory_limit",
            GuideWorkload.Of(TransientSpike), GuideConfig.Default, HasLimitSlider: false),
        new(4, "steady state with 10 MiB of other memory and a memory limit", "Memory_limit",
            GuideWorkload.Of(SteadyState), GuideConfig.Default.WithOtherMem(10).WithMemoryLimit(LimitSliderDefault), HasLimitSlider: true),
        new(5, "transient spike with a memory limit", "Memory_limit",
            GuideWorkload.Of(TransientSpike), GuideConfig.Default.WithMemoryLimit(LimitSliderDefault), HasLimitSlider: true),
    ];

    /// <summary>The five graphs, in page order.</summary>
    public static IReadOnlyList<GuideGraph> All => Five;

    /// <summary>Graph <paramref name="number"/> (1 to 5).</summary>
    /// <exception cref="KitInputException">Not 1 to 5.</exception>
    public static GuideGraph Graph(int number) => number is >= 1 and <= 5
        ? Five[number - 1]
        : throw KitInputException.For(string.Create(CultureInfo.InvariantCulture, $"must be 1 to 5 (the page has five graphs), not {number}"), parameter: "graph");

    /// <summary>
    /// The page's GOGC slider mapping: round(2^x), where 1024 or more means off (null). x=6.64 gives 100; x=10 is off.
    /// </summary>
    /// <exception cref="KitInputException">x outside [0, 10].</exception>
    public static int? GogcFromSlider(double x)
    {
        if (!(x >= GogcSliderMin && x <= GogcSliderMax))
            throw KitInputException.For(string.Create(CultureInfo.InvariantCulture, $"must be between {GogcSliderMin} and {GogcSliderMax}, not {x}"), parameter: "gogcSlider");
        // setupSlider: Math.round(Math.pow(2, x)); Math.round rounds halves up, which for positive numbers is away from zero.
        var v = Math.Round(Math.Pow(2, x), MidpointRounding.AwayFromZero);
        return v >= GogcOffFrom ? null : (int)v;
    }

    /// <summary>The page's memory limit slider mapping (parseFloat: the position is the limit in MiB).</summary>
    /// <exception cref="KitInputException">Outside [1, 100].</exception>
    public static double LimitFromSlider(double mib) => mib is >= LimitSliderMin and <= LimitSliderMax
        ? mib
        : throw KitInputException.For(string.Create(CultureInfo.InvariantCulture, $"must be between {LimitSliderMin} and {LimitSliderMax} MiB, not {mib}"), parameter: "limitSlider");

    /// <summary>What the page prints next to the GOGC slider: the number, or "off".</summary>
    public static string GogcDisplay(int? gogc) => gogc is { } g ? g.ToString(CultureInfo.InvariantCulture) : "off";

    /// <summary>What the page prints next to the limit slider: e.g. "42.0 MiB".</summary>
    public static string LimitDisplay(double mib) => mib.ToString("0.0", CultureInfo.InvariantCulture) + " MiB";
}
