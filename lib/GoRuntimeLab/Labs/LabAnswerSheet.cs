// Mirrors: nothing in Go; the answers file of golab lab check: {"02.1-heap-goal": 137, ...}.
using System.Text;
using System.Text.Json;
using GoRuntimeLab.IO;

namespace GoRuntimeLab.Labs;

/// <summary>
/// Reads an answers file: one JSON object, lab id → answer (a number, string, boolean, array, or null for "not
/// answered yet"). A malformed file is a <see cref="KitInputException"/> naming file:line:column; an unknown lab id
/// or an id given twice names the line of that key.
/// </summary>
public static class LabAnswerSheet
{
    public static readonly KitReadLimits Limits = new("answers file", 1L << 20);

    /// <summary>Reads <paramref name="path"/>.</summary>
    public static IReadOnlyDictionary<string, LabAnswer> Read(string path) =>
        Parse(KitFile.ReadAllText(path, Limits), path);

    /// <summary>Parses <paramref name="json"/>; <paramref name="source"/> names it in errors.</summary>
    public static IReadOnlyDictionary<string, LabAnswer> Parse(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = false, MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            var line = (int)(e.LineNumber ?? 0) + 1;
            var column = (int)(e.BytePositionInLine ?? 0) + 1;
            throw At(source, line, column, "not valid JSON: " + FirstSentence(e.Message));
        }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
                throw At(source, 1, 1, "expected one JSON object {\"lab-id\": answer, ...}, not a " + doc.RootElement.ValueKind.ToString().ToLowerInvariant());
            var answers = new Dictionary<string, LabAnswer>(StringComparer.Ordinal);
            var searchFrom = 0;
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                var (line, column, at) = Position(json, p.Name, searchFrom);
                searchFrom = at + 1;
                if (LabCatalog.Find(p.Name) is null)
                    throw At(source, line, column, $"no lab \"{p.Name}\" (golab lab list shows the ids)");
                if (!answers.TryAdd(p.Name, LabAnswer.From(p.Value.Clone())))
                    throw At(source, line, column, $"lab \"{p.Name}\" is answered twice");
            }
            return answers;
        }
    }

    private static KitInputException At(string source, int line, int column, string what) =>
        new($"{source}:{line}:{column}: {what}") { Parameter = "file", FilePath = source, Line = line, Reason = what };

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        var text = (cut > 0 ? message[..cut] : message).TrimEnd('.', ' ');
        return new string(text.Select(c => char.IsControl(c) ? ' ' : c).ToArray());
    }

    // The line and column (1-based; the column in UTF-8 bytes, as System.Text.Json counts) of the key "name".
    // Keys come in document order, so each is searched for after the previous one.
    private static (int Line, int Column, int At) Position(string json, string name, int from)
    {
        var key = JsonSerializer.Serialize(name);
        var at = json.IndexOf(key, from, StringComparison.Ordinal);
        if (at < 0) at = json.IndexOf(name, from, StringComparison.Ordinal);
        if (at < 0) return (1, 1, from);
        var lineStart = at == 0 ? 0 : json.LastIndexOf('\n', at - 1) + 1;
        var line = 1 + json.AsSpan(0, lineStart).Count('\n');
        return (line, Encoding.UTF8.GetByteCount(json.AsSpan(lineStart, at - lineStart)) + 1, at);
    }
}
