// Mirrors: golang.org/x/tools/cover/profile.go (ParseProfilesFromReader: the "mode: " line first, parseLine reading
// each line from its end with seekBack, blocks sorted by start (blocksByStart), identical spans merged — OR of the
// counts in set mode, their sum otherwise — and files sorted by name), as vendored in Go 1.19's cmd/cover.
// Simplified: the mode must be set, count or atomic (Go takes any word).
using System.Globalization;
using GoRuntimeLab.IO;

namespace GoRuntimeLab.Cover;

/// <summary>Reads a coverage profile written by <c>go test -coverprofile</c>.</summary>
public static class CoverProfileParser
{
    /// <summary>64 MiB: a profile has one ~50-byte line per basic block.</summary>
    public static readonly KitReadLimits Limits = new("coverage profile", 64L << 20);

    /// <summary>Reads the profile at <paramref name="path"/>.</summary>
    /// <exception cref="KitInputException">Missing file, a bad mode line or block line (file:line), inconsistent NumStmt.</exception>
    public static CoverProfile ReadFile(string? path, string parameter = "file") =>
        KitFile.ParseLines(path, Limits, lines => Read(lines, Path.GetFileName(path!), parameter), parameter);

    /// <summary>Reads a profile held in a string.</summary>
    /// <exception cref="KitInputException">A bad mode line or block line (source:line), inconsistent NumStmt.</exception>
    public static CoverProfile Parse(string text, string sourceName = "cover.out")
    {
        ArgumentNullException.ThrowIfNull(text);
        return KitLineReader.Parse(text, sourceName, Limits, lines => Read(lines, sourceName, "file"));
    }

    /// <summary>Reads UTF-8 text from a stream, line by line within <paramref name="limits"/> (default <see cref="Limits"/>).</summary>
    /// <exception cref="KitInputException">Malformed input (source:line), or more text than the limits allow.</exception>
    public static CoverProfile Parse(Stream stream, string sourceName, KitReadLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return KitLineReader.Parse(stream, sourceName, limits ?? Limits, lines => Read(lines, sourceName, "file"));
    }

    private static CoverProfile Read(KitLineReader lines, string sourceName, string parameter)
    {
        KitInputException Error(string what) => KitInputException.For(what, parameter: parameter, file: lines.Source, line: Math.Max(lines.LineNumber, 1));
        var modeLine = lines.ReadLine();
        const string prefix = "mode: ";
        if (modeLine is null || !modeLine.StartsWith(prefix, StringComparison.Ordinal) || modeLine == prefix)
            throw Error($"bad mode line: \"{Clip(modeLine ?? "")}\" (a profile starts with \"mode: set\", \"mode: count\" or \"mode: atomic\")");
        var mode = modeLine[prefix.Length..];
        if (mode is not ("set" or "count" or "atomic")) throw Error($"unknown mode \"{Clip(mode)}\" (set, count or atomic)");

        var files = new Dictionary<string, List<(CoverBlock Block, int Line)>>(StringComparer.Ordinal);
        while (lines.ReadLine() is { } line)
        {
            var (file, block) = ParseLine(line, Error);
            if (!files.TryGetValue(file, out var blocks)) files[file] = blocks = [];
            blocks.Add((block, lines.LineNumber));
        }

        var result = new List<CoverFile>();
        foreach (var (file, blocks) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            // blocksByStart, then merge blocks with the same span (a package tested by several test binaries).
            var sorted = blocks.OrderBy(b => b.Block.StartLine).ThenBy(b => b.Block.StartCol).ToList();
            var merged = new List<CoverBlock>();
            foreach (var (b, line) in sorted)
            {
                if (merged.Count > 0 && merged[^1] is var last && (last.StartLine, last.StartCol, last.EndLine, last.EndCol) == (b.StartLine, b.StartCol, b.EndLine, b.EndCol))
                {
                    if (b.NumStmt != last.NumStmt)
                        throw KitInputException.For($"inconsistent NumStmt: changed from {last.NumStmt} to {b.NumStmt}", parameter: parameter, file: lines.Source, line: line);
                    merged[^1] = last with { Count = mode == "set" ? last.Count | b.Count : last.Count + b.Count };
                    continue;
                }
                merged.Add(b);
            }
            result.Add(new CoverFile(file, merged));
        }
        return new CoverProfile(sourceName, mode, result);
    }

    // parseLine: from the end, "count", "numStmt" (space-separated), then "endCol" after '.', "endLine" after ',',
    // "startCol" after '.', "startLine" after ':'; what is left is the file name.
    private static (string File, CoverBlock Block) ParseLine(string line, Func<string, KitInputException> error)
    {
        var end = line.Length;
        long SeekBack(char separator, string what)
        {
            var at = line.LastIndexOf(separator, end - 1 < 0 ? 0 : end - 1);
            if (end == 0 || at < 0) throw error($"line \"{Clip(line)}\" doesn't match the profile format: couldn't find a '{separator}' before {what}");
            var digits = line[(at + 1)..end];
            if (!long.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
                throw error($"line \"{Clip(line)}\" doesn't match the profile format: couldn't parse {what} \"{Clip(digits)}\"");
            if (value < 0) throw error($"line \"{Clip(line)}\" doesn't match the profile format: negative values are not allowed for {what}, found {value}");
            end = at;
            return value;
        }
        var count = SeekBack(' ', "Count");
        var numStmt = SeekBack(' ', "NumStmt");
        var endCol = SeekBack('.', "EndCol");
        var endLine = SeekBack(',', "EndLine");
        var startCol = SeekBack('.', "StartCol");
        var startLine = SeekBack(':', "StartLine");
        if (end == 0) throw error($"line \"{Clip(line)}\" doesn't match the profile format: a FileName cannot be blank");
        if (numStmt > int.MaxValue || startLine > int.MaxValue || startCol > int.MaxValue || endLine > int.MaxValue || endCol > int.MaxValue)
            throw error($"line \"{Clip(line)}\": a number is too large");
        return (line[..end], new CoverBlock((int)startLine, (int)startCol, (int)endLine, (int)endCol, (int)numStmt, count));
    }

    private static string Clip(string s) => KitText.Excerpt(s);
}
