// Mirrors: nothing in Go; the stable camelCase spelling of EscapeKind used by cases.json and `golab escape … --json`.
// Any Go version.
using System.Text.Json;

namespace GoRuntimeLab.Escape;

/// <summary>camelCase names of <see cref="EscapeKind"/> ("movedToHeap"), as JSON documents spell them.</summary>
public static class EscapeKinds
{
    /// <summary>"movedToHeap" for <see cref="EscapeKind.MovedToHeap"/>.</summary>
    public static string ToCamelCase(EscapeKind kind) => JsonNamingPolicy.CamelCase.ConvertName(kind.ToString());

    /// <summary>Parses a camelCase (or PascalCase) kind name; false for anything else.</summary>
    public static bool TryParse(string? text, out EscapeKind kind)
    {
        kind = default;
        if (string.IsNullOrEmpty(text) || !char.IsAsciiLetter(text[0])) return false;
        return Enum.TryParse(char.ToUpperInvariant(text[0]) + text[1..], ignoreCase: false, out kind) && Enum.IsDefined(kind);
    }
}
