// Mirrors: nothing in Go; reads data/go/escape/cases.json (format in data/README.md). Go 1.19 and 1.23 columns.
using System.Text.Json;
using GoRuntimeLab.IO;

namespace GoRuntimeLab.Escape;

/// <summary>The curated cases of data/go/escape, read from cases.json.</summary>
public static class EscapeCaseTable
{
    /// <summary>The kit's limit for cases.json: 4 MiB (the course's file is a few KiB).</summary>
    public static readonly KitReadLimits Limits = new("cases.json file", 4L << 20);

    /// <summary>Reads cases.json.</summary>
    /// <exception cref="KitInputException">Missing file, bad JSON, a missing field, or an unknown kind; the message names the file.</exception>
    public static IReadOnlyList<EscapeCase> Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(KitFile.ReadAllText(path, Limits, "path"));
        }
        catch (JsonException e)
        {
            throw KitInputException.For($"not valid JSON: {KitText.Excerpt(e.Message, 200)}", file: path, line: (int?)(e.LineNumber + 1));
        }

        using (doc)
        {
            if (!doc.RootElement.TryGetProperty("cases", out var cases) || cases.ValueKind != JsonValueKind.Array)
                throw KitInputException.For("expected an object with a \"cases\" array", file: path);
            var result = new List<EscapeCase>();
            var index = 0;
            foreach (var c in cases.EnumerateArray())
            {
                string Text(string field) =>
                    c.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s
                        ? s
                        : throw KitInputException.For($"case {index}: \"{field}\" must be a non-empty string", file: path);
                var line = c.TryGetProperty("line", out var l) && l.ValueKind == JsonValueKind.Number && l.TryGetInt32(out var n) && n >= 1
                    ? n
                    : throw KitInputException.For($"case {index}: \"line\" must be a positive integer", file: path);
                string? name = c.TryGetProperty("name", out var nm) && nm.ValueKind == JsonValueKind.String ? nm.GetString() : null;
                if (!c.TryGetProperty("expected", out var expected) || expected.ValueKind != JsonValueKind.Object)
                    throw KitInputException.For($"case {index}: \"expected\" must be an object {{\"go1.19\": kind, …}}", file: path);
                var byVersion = new Dictionary<GoVersion, EscapeKind?>();
                foreach (var e in expected.EnumerateObject())
                {
                    if (!GoVersion.TryParse(e.Name, out var version))
                        throw KitInputException.For($"case {index}: \"{KitText.Excerpt(e.Name)}\" is not a Go version", file: path);
                    var kindText = e.Value.ValueKind == JsonValueKind.String ? e.Value.GetString() : e.Value.GetRawText();
                    if (kindText == "none") byVersion[version] = null;
                    else if (EscapeKinds.TryParse(kindText, out var kind)) byVersion[version] = kind;
                    else throw KitInputException.For($"case {index}: \"{KitText.Excerpt(kindText)}\" is not an escape kind (e.g. movedToHeap, doesNotEscape, none)", file: path);
                }
                if (byVersion.Count == 0) throw KitInputException.For($"case {index}: \"expected\" is empty", file: path);
                result.Add(new EscapeCase(Text("function"), Text("file"), line, name, byVersion, Text("explanation")));
                index++;
            }
            return result;
        }
    }
}
