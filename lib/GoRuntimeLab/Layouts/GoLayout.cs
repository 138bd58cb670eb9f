// Mirrors: cmd/compile/internal/types/size.go (via GoSizer) and x/tools fieldalignment's optimalOrder (via
// FieldAlignment); see those files. This is the entry point notebooks and golab call.
using GoRuntimeLab.IO;

namespace GoRuntimeLab.Layouts;

/// <summary>
/// Struct layout as the Go compiler computes it: size, alignment, every field's offset and the padding, plus the field
/// order fieldalignment suggests. One-line use: <c>GoLayout.Analyze("type T struct{ a bool; b int64 }")["T"]</c>.
/// </summary>
public static class GoLayout
{
    /// <summary>The largest Go file the reader accepts (4 MiB; generated files of thousands of types are far smaller).</summary>
    public static KitReadLimits Limits { get; } = new("Go source file", 4L << 20);

    /// <summary>Reads the Go file <paramref name="path"/> and lays out every type it declares for <paramref name="arch"/>.</summary>
    /// <exception cref="KitInputException">Missing file, syntax the reader does not support (file:line), or an invalid type.</exception>
    public static LayoutReport AnalyzeFile(string path, string arch = "amd64")
    {
        var target = GoArch.Parse(arch);
        var source = KitFile.ReadAllText(path, Limits, "path");
        return Analyze(GoTypeParser.Parse(source, path), target);
    }

    /// <summary>
    /// Lays out the types declared in Go source text; a missing <c>package</c> clause is supplied, so a cell can pass
    /// just <c>type T struct{…}</c>.
    /// </summary>
    public static LayoutReport Analyze(string source, string arch = "amd64", string file = "source.go")
    {
        ArgumentNullException.ThrowIfNull(source);
        var target = GoArch.Parse(arch);
        var text = HasPackageClause(source) ? source : "package p; " + source;
        return Analyze(GoTypeParser.Parse(text, file), target);
    }

    /// <summary>The same file laid out for each of the four architectures (amd64, 386, arm64, arm).</summary>
    public static IReadOnlyList<LayoutReport> AnalyzeAll(string source, string file = "source.go") =>
        GoArch.All.Select(a => Analyze(source, a.Name, file)).ToList();

    /// <summary>Lays out every type of a parsed file.</summary>
    public static LayoutReport Analyze(GoTypeFile file, GoArch arch)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(arch);
        var sizer = new GoSizer(file, arch);
        foreach (var d in file.Types) sizer.CheckNames(d.Type);
        foreach (var d in file.Types.Where(d => d.Name != "_")) sizer.Measure(new GoTypeExpr(GoTypeKind.Named, d.Line) { Name = d.Name });
        foreach (var d in file.Types) sizer.CheckAfterSizing(d.Type);
        var order = new FieldAlignment(sizer);
        var types = new List<TypeLayout>();
        foreach (var d in file.Types.Where(d => d.Name != "_"))
        {
            var (size, align) = sizer.Measure(new GoTypeExpr(GoTypeKind.Named, d.Line) { Name = d.Name });
            var underlying = Underlying(sizer, d.Type);
            if (underlying.Kind != GoTypeKind.Struct)
            {
                var kind = underlying is { Kind: GoTypeKind.Named, Name: "error" or "any" } ? GoTypeKind.Interface : underlying.Kind;
                types.Add(new TypeLayout(d.Name, kind, size, align, 0, [], new OptimalLayout(size, []), d.Line));
                continue;
            }
            var measured = underlying.Fields.Select(f => sizer.Measure(f.Type)).ToList();
            var (offsets, _, _) = sizer.Offsets(underlying, measured);
            var fields = new List<FieldLayout>(measured.Count);
            long end = 0;
            for (var i = 0; i < measured.Count; i++)
            {
                var f = underlying.Fields[i];
                fields.Add(new FieldLayout(f.Name, f.Type.ToString(), offsets[i], measured[i].Size, measured[i].Align, offsets[i] - end));
                end = offsets[i] + measured[i].Size;
            }
            var best = order.OptimalOrder(underlying.Fields);
            var (_, bestSize, _) = sizer.Offsets(underlying, best.Select(i => measured[i]).ToList());
            types.Add(new TypeLayout(d.Name, GoTypeKind.Struct, size, align, size - measured.Sum(m => m.Size), fields,
                new OptimalLayout(bestSize, best.Select(i => underlying.Fields[i].Name).ToList()), d.Line));
        }
        return new LayoutReport(file.Path, arch, types);
    }

    private static GoTypeExpr Underlying(GoSizer sizer, GoTypeExpr t)
    {
        while (t.Kind == GoTypeKind.Named && sizer.Declared(t.Name) is { } d) t = d.Type;
        return t;
    }

    private static bool HasPackageClause(string source)
    {
        try
        {
            var first = GoTypeLexer.Tokenize(source, "source.go").FirstOrDefault();
            return first.IsKeyword("package");
        }
        catch (KitInputException)
        {
            return true; // let the parser report it with its line
        }
    }
}
