// Mirrors: golang/website _content/doc/gc-guide.html (one `gc-guide-graph` div: data-workload, data-config and its
// range inputs) and gc-guide.js (setupSlider), the GC guide of Go 1.19+. Simplified: sliders as numbers, not DOM inputs.
using System.Globalization;

namespace GoRuntimeLab.Gc.Guide;

/// <summary>
/// One of the five interactive graphs of the GC guide: its workload, its fixed configuration, and which sliders
/// it has (GOGC always; memory limit on graphs 4 and 5). <see cref="Config"/> turns slider positions into a
/// <see cref="GuideConfig"/> exactly as the page does.
/// </summary>
/// <param name="Number">1 to 5, in page order.</param>
/// <param name="Title">What the graph shows, as the page's text introduces it.</param>
/// <param name="Section">The page section (anchor) the graph sits in.</param>
/// <param name="Workload">The graph's data-workload.</param>
/// <param name="BaseConfig">The graph's data-config with the sliders at their default positions.</param>
/// <param name="HasLimitSlider">True for graphs 4 and 5 ("Memory Limit" slider, 1–100 MiB).</param>
public sealed record GuideGraph(int Number, string Title, string Section, GuideWorkload Workload, GuideConfig BaseConfig, bool HasLimitSlider)
{
    /// <summary>The sliders the page shows under this graph (every graph has GOGC).</summary>
    public IReadOnlyList<string> Sliders => HasLimitSlider ? ["GOGC", "Memory Limit"] : ["GOGC"];

    /// <summary>
    /// The configuration for slider positions: GOGC slider <paramref name="gogcSlider"/> (0–10, default 6.64 → GOGC 100)
    /// and, on graphs with one, the limit slider <paramref name="limitSlider"/> (1–100 MiB, default 100). Passing a
    /// limit to a graph without a limit slider is refused (use <see cref="GuideConfig.WithMemoryLimit"/> to model one).
    /// </summary>
    /// <exception cref="KitInputException">A slider value out of its range, or a limit slider the graph lacks.</exception>
    public GuideConfig Config(double gogcSlider = GuideGraphs.GogcSliderDefault, double? limitSlider = null)
    {
        var config = BaseConfig.WithGogc(GuideGraphs.GogcFromSlider(gogcSlider));
        if (limitSlider is { } limit)
        {
            if (!HasLimitSlider)
                throw KitInputException.For(string.Create(CultureInfo.InvariantCulture, $"graph {Number} has no memory limit slider (graphs 4 and 5 have one)"), parameter: "limitSlider");
            config = config.WithMemoryLimit(GuideGraphs.LimitFromSlider(limit));
        }
        return config;
    }

    /// <summary>Runs the model with the sliders at the given positions (the page's defaults when omitted).</summary>
    public GuideResult Run(double gogcSlider = GuideGraphs.GogcSliderDefault, double? limitSlider = null) =>
        GuideModel.Run(Workload, Config(gogcSlider, limitSlider));

    /// <summary>
    /// Runs the graph at each GOGC (null = off), the other settings from <paramref name="config"/> (default: the
    /// graph's own), e.g. <c>graph.SweepGogc([25, 50, 100, 200, 400])</c> for the GOGC trade-off chart.
    /// </summary>
    /// <exception cref="KitInputException">A negative GOGC.</exception>
    public IReadOnlyList<GuideResult> SweepGogc(IEnumerable<int?> gogcs, GuideConfig? config = null)
    {
        ArgumentNullException.ThrowIfNull(gogcs);
        var baseConfig = config ?? BaseConfig;
        return [.. gogcs.Select(g => GuideModel.Run(Workload, baseConfig.WithGogc(g)))];
    }

    /// <summary>Runs the model with this graph's workload and an explicit configuration.</summary>
    public GuideResult Run(GuideConfig config) => GuideModel.Run(Workload, config);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"graph {Number}: {Title} — {Workload}; sliders: {string.Join(", ", Sliders)}; defaults {BaseConfig}");
}
