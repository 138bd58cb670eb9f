namespace GoRuntimeLab.Tests.Pprof;

/// <summary>Parses the rows of `go tool pprof -top` text: "flat flat% sum% cum cum% name [(inline)]".</summary>
internal static class GoTopText
{
    public sealed record Row(string Flat, string FlatPercent, string SumPercent, string Cum, string CumPercent, string Function);

    public static List<Row> Parse(string text)
    {
        var lines = text.Split('\n');
        var header = Array.FindIndex(lines, l => l.TrimStart().StartsWith("flat  flat%", StringComparison.Ordinal));
        if (header < 0) throw new FormatException("no `flat  flat%` header line");
        var rows = new List<Row>();
        foreach (var line in lines.Skip(header + 1).Where(l => l.Length > 0))
        {
            var f = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
            var name = f[5].Trim();
            foreach (var suffix in (string[])[" (inline)", " (partial-inline)"])
                if (name.EndsWith(suffix, StringComparison.Ordinal)) name = name[..^suffix.Length];
            rows.Add(new Row(f[0], f[1], f[2], f[3], f[4], name));
        }
        return rows;
    }
}
