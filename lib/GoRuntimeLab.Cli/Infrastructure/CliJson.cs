using System.Text.Encodings.Web;
using System.Text.Json;

namespace GoRuntimeLab.Cli.Infrastructure;

/// <summary>The one JSON style of every <c>--json</c> document: camelCase, indented, and readable text.</summary>
internal static class CliJson
{
    /// <summary>
    /// camelCase names, indented; strings keep '&lt;', '&gt;', '&amp;', '+' and Chinese as they are ("&amp;Node{...}",
    /// "4->4->2 MB", "调步器"), since the documents go to a terminal or a file, never into an HTML script.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The same style for documents written field by field with a <see cref="Utf8JsonWriter"/>.</summary>
    public static JsonWriterOptions WriterOptions { get; } = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
