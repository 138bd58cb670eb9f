// Mirrors: cmd/cover/func.go (funcOutput: per file, findFuncs then FuncExtent.coverage — the blocks overlapping the
// function's span, sorted by start, stopping at the first block after its end — and the "total:" line over the
// functions), Go 1.19.
using GoRuntimeLab.IO;
using GoRuntimeLab.Pprof;

namespace GoRuntimeLab.Cover;

/// <summary>
/// The per-function coverage of <c>go tool cover -func</c>: each function's covered and total statements, from the
/// profile's blocks and the function spans of the Go sources (<see cref="GoFuncScanner"/>).
/// </summary>
public static class CoverFuncs
{
    /// <summary>1 MiB: far beyond one Go source file of a package under test.</summary>
    public static readonly KitReadLimits SourceLimits = new("Go source file", 1L << 20);

    /// <summary>
    /// The functions of every file of <paramref name="profile"/>, whose sources are found by the import path:
    /// a profile file "<paramref name="importPath"/>/grade.go" is read from "<paramref name="sourceDir"/>/grade.go".
    /// </summary>
    /// <exception cref="KitInputException">A profile file outside <paramref name="importPath"/>, a missing or malformed source.</exception>
    public static IReadOnlyList<CoverFunc> ForProfile(CoverProfile profile, string sourceDir, string importPath)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentException.ThrowIfNullOrEmpty(sourceDir);
        ArgumentException.ThrowIfNullOrEmpty(importPath);
        var prefix = importPath.TrimEnd('/') + "/";
        var result = new List<CoverFunc>();
        foreach (var file in profile.Files)
        {
            if (!file.FileName.StartsWith(prefix, StringComparison.Ordinal) || file.FileName[prefix.Length..].Contains('/', StringComparison.Ordinal))
                throw KitInputException.For($"the profile's file {file.FileName} is not in package {importPath}", parameter: "importPath", file: profile.SourceName);
            var path = Path.Combine(sourceDir, file.FileName[prefix.Length..]);
            var source = KitFile.ReadAllText(path, SourceLimits, "sourceDir");
            result.AddRange(ForFile(file, GoFuncScanner.Scan(source, Path.GetFileName(path))));
        }
        return result;
    }

    /// <summary>The coverage of each function of <paramref name="extents"/> in <paramref name="file"/> (func.go's coverage()).</summary>
    public static IReadOnlyList<CoverFunc> ForFile(CoverFile file, IReadOnlyList<CoverFuncExtent> extents)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(extents);
        var result = new List<CoverFunc>(extents.Count);
        foreach (var f in extents)
        {
            long covered = 0, total = 0;
            foreach (var b in file.Blocks)
            {
                if (b.StartLine > f.EndLine || (b.StartLine == f.EndLine && b.StartCol >= f.EndCol)) break;
                if (b.EndLine < f.StartLine || (b.EndLine == f.StartLine && b.EndCol <= f.StartCol)) continue;
                total += b.NumStmt;
                if (b.Count > 0) covered += b.NumStmt;
            }
            result.Add(new CoverFunc(file.FileName, f.StartLine, f.Name, covered, total));
        }
        return result;
    }

    /// <summary>The "total:" line of <c>go tool cover -func</c>: statements over the listed functions, "%.1f%%".</summary>
    public static string TotalText(IReadOnlyList<CoverFunc> funcs)
    {
        ArgumentNullException.ThrowIfNull(funcs);
        long covered = funcs.Sum(f => f.CoveredStatements), total = funcs.Sum(f => f.Statements);
        return GoFloatFormat.Fixed(total == 0 ? 0 : 100.0 * covered / total, 1) + "%";
    }
}
