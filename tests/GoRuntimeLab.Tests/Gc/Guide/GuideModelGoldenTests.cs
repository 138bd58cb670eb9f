using System.Text.Json;
using GoRuntimeLab.Gc.Guide;

namespace GoRuntimeLab.Tests.Gc.Guide;

/// <summary>
/// The C# port against the real JavaScript model (golden.json, recorded by running golang/website's gc-guide.js
/// under node): every case's footer numbers, cycle count and point count; the whole series where recorded.
/// </summary>
public class GuideModelGoldenTests
{
    private const double Relative = 1e-9;

    public static TheoryData<int> CaseIndexes()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < GuideGolden.Cases.Count; i++) data.Add(i);
        return data;
    }

    [Fact]
    public void The_golden_file_covers_every_graph_the_sliders_and_the_extra_options()
    {
        var cases = GuideGolden.Cases;
        Assert.True(cases.Count >= 700, $"{cases.Count} cases");
        for (var g = 1; g <= 5; g++) Assert.Contains(cases, c => c.GetProperty("graph").GetInt32() == g);
        Assert.Contains(cases, c => c.GetProperty("gogcDisplay").GetString() == "off");
        Assert.Contains(cases, c => c.GetProperty("gogcDisplay").GetString() == "100");
        Assert.Contains(cases, c => c.GetProperty("limitDisplay").ValueKind == JsonValueKind.String && c.GetProperty("limitDisplay").GetString() == "1.0 MiB");
        foreach (var option in new[] { "otherMem", "memoryLimit", "trackLive", "initialLive", "fixedWindow" })
            Assert.Contains(cases, c => c.GetProperty("configOverride").TryGetProperty(option, out _) && c.TryGetProperty("series", out _));
        Assert.True(cases.Count(c => c.TryGetProperty("series", out _)) >= 40);
    }

    [Theory]
    [MemberData(nameof(CaseIndexes))]
    public void Footer_cycles_and_points_equal_the_javascript(int index)
    {
        var c = GuideGolden.Cases[index];
        var what = GuideGolden.Describe(c);
        var (_, config) = GuideGolden.ConfigOf(c);
        var graph = GuideGraphs.Graph(c.GetProperty("graph").GetInt32());
        var result = graph.Run(config);

        Assert.Equal(c.GetProperty("gogcDisplay").GetString(), GuideGraphs.GogcDisplay(config.Gogc));
        if (c.GetProperty("limitDisplay").ValueKind == JsonValueKind.String)
            Assert.Equal(c.GetProperty("limitDisplay").GetString(), GuideGraphs.LimitDisplay(config.MemoryLimit));
        Close(c.GetProperty("peakMem").GetDouble(), result.PeakMem, what + " peakMem");
        Close(c.GetProperty("gcCpuPercent").GetDouble(), result.GcCpuPercent, what + " gcCpuPercent");
        Close(c.GetProperty("totalTime").GetDouble(), result.TotalTime, what + " totalTime");
        Assert.True(c.GetProperty("cycles").GetInt32() == result.Cycles, $"{what}: cycles {result.Cycles}, JS {c.GetProperty("cycles")}");
        Assert.True(c.GetProperty("points").GetInt32() == result.Series.Count, $"{what}: points {result.Series.Count}, JS {c.GetProperty("points")}");
        // The page's "Peak Live Mem" is the max of the "Live Heap" series, which trackLive replaces by per-GC series.
        var peakLive = c.GetProperty("peakLive");
        if (config.TrackLive) Assert.Equal(JsonValueKind.Null, peakLive.ValueKind);
        else Close(peakLive.GetDouble(), result.PeakLive, what + " peakLive");
        var other = c.GetProperty("otherMem");
        if (config.OtherMem == 0) Assert.Equal(JsonValueKind.Null, other.ValueKind);
        else Close(other.GetDouble(), config.OtherMem, what + " otherMem");
    }

    /// <summary>The golden cases that recorded their whole series (48 of them).</summary>
    public static TheoryData<int> SeriesCaseIndexes()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < GuideGolden.Cases.Count; i++)
            if (GuideGolden.Cases[i].TryGetProperty("series", out _)) data.Add(i);
        return data;
    }

    [Theory]
    [MemberData(nameof(SeriesCaseIndexes))]
    public void Series_equals_the_javascript_where_recorded(int index)
    {
        var c = GuideGolden.Cases[index];
        Assert.True(c.TryGetProperty("series", out var series), "a series case without a series");
        var what = GuideGolden.Describe(c);
        var (graph, config) = GuideGolden.ConfigOf(c);
        var result = graph.Run(config);
        var expected = series.EnumerateArray().ToList();
        Assert.Equal(expected.Count, result.Series.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var e = expected[i];
            var p = result.Series[i];
            var at = $"{what} point {i}";
            Close(e.GetProperty("t").GetDouble(), p.T, at + " t");
            Close(e.GetProperty("other").GetDouble(), p.Other, at + " other");
            if (e.TryGetProperty("live", out var live))
            {
                Close(live.GetDouble(), p.Live, at + " live");
                Close(e.GetProperty("new").GetDouble(), p.New, at + " new");
            }
            if (e.TryGetProperty("liveFromGc", out var perGc))
            {
                var values = perGc.EnumerateArray().Select(v => v.GetDouble()).ToList();
                Assert.Equal(values.Count, p.LiveFromGc.Count);
                for (var j = 0; j < values.Count; j++) Close(values[j], p.LiveFromGc[j], $"{at} liveFromGc[{j}]");
            }
            else Assert.Empty(p.LiveFromGc);
        }
    }

    [Fact]
    public void The_five_graphs_are_the_pages_workloads_configs_and_sliders()
    {
        var graphs = GuideGolden.Root.GetProperty("graphs").EnumerateArray().ToList();
        Assert.Equal(5, graphs.Count);
        foreach (var g in graphs)
        {
            var graph = GuideGraphs.Graph(g.GetProperty("graph").GetInt32());
            var phases = g.GetProperty("workload").EnumerateArray().Select(p => new GuidePhase(
                p.GetProperty("duration").GetDouble(), p.GetProperty("allocRate").GetDouble(), p.GetProperty("scanRate").GetDouble(),
                p.GetProperty("newSurvivalRate").GetDouble(), p.GetProperty("oldDeathRate").GetDouble())).ToList();
            Assert.Equal(phases, graph.Workload.Phases);
            var config = g.GetProperty("config");
            Assert.Equal(config.GetProperty("fixedCost").GetDouble(), graph.BaseConfig.FixedCost);
            Assert.Equal(config.GetProperty("otherMem").GetDouble(), graph.BaseConfig.OtherMem);
            var limit = config.GetProperty("memoryLimit");
            var sliders = g.GetProperty("sliders").EnumerateArray().ToList();
            Assert.Equal(graph.Sliders.Count, sliders.Count);
            Assert.Equal(limit.ValueKind == JsonValueKind.String, graph.HasLimitSlider);
            if (!graph.HasLimitSlider) Assert.Equal(limit.GetDouble(), graph.BaseConfig.MemoryLimit);
            Assert.Equal(JsonValueKind.String, config.GetProperty("GOGC").ValueKind);
            foreach (var s in sliders)
            {
                var gogc = s.GetProperty("id").GetString()!.EndsWith("-gogc", StringComparison.Ordinal);
                double D(string name) => double.Parse(s.GetProperty(name).GetString()!, System.Globalization.CultureInfo.InvariantCulture);
                Assert.Equal(gogc ? GuideGraphs.GogcSliderMin : GuideGraphs.LimitSliderMin, D("min"));
                Assert.Equal(gogc ? GuideGraphs.GogcSliderMax : GuideGraphs.LimitSliderMax, D("max"));
                Assert.Equal(gogc ? GuideGraphs.GogcSliderStep : GuideGraphs.LimitSliderStep, D("step"));
                Assert.Equal(gogc ? GuideGraphs.GogcSliderDefault : GuideGraphs.LimitSliderDefault, D("value"));
                if (!gogc) Assert.Equal(D("value"), graph.BaseConfig.MemoryLimit);
            }
        }
    }

    internal static void Close(double expected, double actual, string what)
    {
        var scale = Math.Max(Math.Abs(expected), Math.Abs(actual));
        // Relative 1e-9; values that should be 0 may carry round-off of the order of 1e-14 MiB.
        Assert.True(Math.Abs(expected - actual) <= Math.Max(Relative * scale, 1e-12), $"{what}: C# {actual:R}, JS {expected:R}");
    }
}
