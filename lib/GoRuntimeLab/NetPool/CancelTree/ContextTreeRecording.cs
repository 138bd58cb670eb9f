// Mirrors: nothing in Go; reads data/go/ctxtree's output (one JSON check line per "check" step).
using System.Text.Json;
using GoRuntimeLab.GoTool;

namespace GoRuntimeLab.NetPool.CancelTree;

/// <summary>The checks a real ctxtree run printed.</summary>
public static class ContextTreeRecording
{
    /// <summary>Reads a ctxtree recording (golab-recording format); returns the Go release and the checks.</summary>
    public static (GoVersion Version, IReadOnlyList<ContextCheck> Checks) Read(string path)
    {
        var recording = GoRecording.Read(path);
        if (!recording.Program.Replace('\\', '/').TrimEnd('/').EndsWith("ctxtree", StringComparison.Ordinal))
            throw KitInputException.For($"this recording is of {recording.Program}, not of data/go/ctxtree", parameter: "path", file: path);
        return (GoVersion.Parse(recording.GoVersionText), Parse(recording.Stdout, path));
    }

    /// <summary>Parses a ctxtree recording from a stream.</summary>
    public static IReadOnlyList<ContextCheck> Parse(Stream stream, string source, GoRuntimeLab.IO.KitReadLimits? limits = null) =>
        Parse(GoRecording.Parse(stream, source, limits).Stdout, source);

    /// <summary>Parses ctxtree's stdout.</summary>
    public static IReadOnlyList<ContextCheck> Parse(string stdout, string source)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        var checks = new List<ContextCheck>();
        var lines = stdout.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0) continue;
            try
            {
                using var doc = JsonDocument.Parse(lines[i]);
                var e = doc.RootElement;
                var nodes = e.GetProperty("nodes").EnumerateArray().Select(n => new ContextNodeState(n.GetProperty("name").GetString() ?? "",
                    n.GetProperty("done").GetBoolean(), n.GetProperty("err").GetString() ?? "", n.GetProperty("cause").GetString() ?? "",
                    n.GetProperty("deadlineMs").GetInt64())).ToList();
                static Dictionary<string, bool> Map(JsonElement e, string name) => e.TryGetProperty(name, out var m) && m.ValueKind == JsonValueKind.Object
                    ? m.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetBoolean(), StringComparer.Ordinal)
                    : new Dictionary<string, bool>(StringComparer.Ordinal);
                checks.Add(new ContextCheck(e.GetProperty("at").GetInt64(), nodes, Map(e, "afterFuncs"), Map(e, "stopped")));
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException)
            {
                throw KitInputException.For($"not a ctxtree check: {IO.KitText.Excerpt(ex.Message, 200)}", parameter: "stdout", file: source, line: i + 1);
            }
        }
        return checks;
    }
}
