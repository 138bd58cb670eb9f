using System.Text.Json;
using System.Text.Json.Nodes;

namespace GoRuntimeLab.NotebookTests;

/// <summary>Writes small .ipynb files for engine tests (nbformat 4.5, C# cells, cell ids).</summary>
internal static class TestNotebook
{
    public static string Write(string path, params (string Kind, string Source)[] cells)
    {
        var array = new JsonArray();
        for (var i = 0; i < cells.Length; i++)
        {
            var (kind, source) = cells[i];
            var cell = new JsonObject
            {
                ["cell_type"] = kind == "md" ? "markdown" : "code",
                ["id"] = $"c{i}",
                ["metadata"] = kind == "md" ? new JsonObject() : new JsonObject { ["dotnet_interactive"] = new JsonObject { ["language"] = "csharp" } },
                ["source"] = source,
            };
            if (kind != "md")
            {
                cell["execution_count"] = null;
                cell["outputs"] = new JsonArray();
            }
            array.Add(cell);
        }
        var nb = new JsonObject
        {
            ["cells"] = array,
            ["metadata"] = new JsonObject { ["kernelspec"] = new JsonObject { ["name"] = "golab-csharp", ["display_name"] = "C# (GoRuntimeLab)", ["language"] = "C#" } },
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, nb.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return path;
    }
}
