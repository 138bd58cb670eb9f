using System.Text.Json.Nodes;

namespace GoRuntimeLab.NotebookTests;

/// <summary>Reading executed .ipynb files (nbformat 4) as JSON, the way Jupyter wrote them.</summary>
internal static class Ipynb
{
    public static IEnumerable<JsonNode> Cells(JsonNode notebook) => notebook["cells"]!.AsArray().OfType<JsonNode>();

    public static IEnumerable<JsonNode> Outputs(JsonNode notebook) =>
        Cells(notebook).SelectMany(c => c["outputs"]?.AsArray() ?? []).OfType<JsonNode>();

    /// <summary>An output's text/html ("" when it has none).</summary>
    public static string Html(JsonNode output) => Text(output["data"]?["text/html"]);

    /// <summary>A cell's source as one string.</summary>
    public static string Source(JsonNode cell) => Text(cell["source"]);

    // nbformat stores multi-line strings either as one string or as an array of lines.
    public static string Text(JsonNode? node) => node switch
    {
        null => "",
        JsonArray lines => string.Concat(lines.Select(l => (string?)l)),
        _ => (string?)node ?? "",
    };
}
