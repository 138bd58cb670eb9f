using System.Text.Json;
using GoRuntimeLab.Gc.Guide;
using GoRuntimeLab.Testing;

namespace GoRuntimeLab.Tests.Gc.Guide;

/// <summary>
/// data/oracles/gc-guide/golden.json: what the real gc-guide.js computed under node (run-oracle.js), loaded once.
/// A case's config is rebuilt the way the page builds it: the graph's sliders, then the config overrides the
/// oracle wrote into data-config (values the page has no slider for).
/// </summary>
internal static class GuideGolden
{
    public static string Path => System.IO.Path.Combine(Requirement.RepoRoot(), "data", "oracles", "gc-guide", "golden.json");

    private static readonly Lazy<JsonDocument> Document = new(() => JsonDocument.Parse(File.ReadAllText(Path)));

    public static JsonElement Root => Document.Value.RootElement;

    public static IReadOnlyList<JsonElement> Cases => [.. Root.GetProperty("cases").EnumerateArray()];

    public static (GuideGraph Graph, GuideConfig Config) ConfigOf(JsonElement c)
    {
        var graph = GuideGraphs.Graph(c.GetProperty("graph").GetInt32());
        var limit = c.GetProperty("limitSlider");
        var config = graph.Config(c.GetProperty("gogcSlider").GetDouble(), limit.ValueKind == JsonValueKind.Null ? null : limit.GetDouble());
        foreach (var o in c.GetProperty("configOverride").EnumerateObject())
        {
            config = o.Name switch
            {
                "otherMem" => config.WithOtherMem(o.Value.GetDouble()),
                // On graphs with a limit slider the page's slider wins over the attribute (setupSlider only replaces non-numbers).
                "memoryLimit" => graph.HasLimitSlider ? config : config.WithMemoryLimit(o.Value.GetDouble()),
                "trackLive" => config.WithTrackLive(o.Value.GetBoolean()),
                "initialLive" => config.WithInitialLive(o.Value.GetDouble()),
                "fixedWindow" => config.WithFixedWindow(o.Value.GetDouble()),
                _ => throw new InvalidOperationException("unknown override " + o.Name),
            };
        }
        return (graph, config);
    }

    public static string Describe(JsonElement c) =>
        $"graph {c.GetProperty("graph")} x={c.GetProperty("gogcSlider")} limit={c.GetProperty("limitSlider")} override={c.GetProperty("configOverride")}";
}
