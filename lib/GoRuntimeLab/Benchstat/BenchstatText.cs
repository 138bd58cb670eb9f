// Mirrors: golang.org/x/perf cmd/benchstat/internal/benchtab/table.go (Table.ToText: one label column, then per
// file "center ± range [footnotes]", and for the new file "delta (p=… n=…) [footnotes]"; the geomean row; numbered
// footnotes), builder.go (printTables: configuration lines when they change, a blank line between tables) and the
// layout texttab gives a two-file table, x/perf at 712aea8.
// Simplified: only the two-file table; a header wider than its columns widens the first (or last) column of its group.
using System.Text;

namespace GoRuntimeLab.Benchstat;

/// <summary>Formats a <see cref="BenchstatReport"/> as benchstat's default text output.</summary>
public static class BenchstatText
{
    private const string Superscripts = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    // Columns of the two-file table.
    private const int Label = 0, C1 = 1, R1 = 2, W1 = 3, C2 = 4, R2 = 5, W2 = 6, D = 7, Pn = 8, W3 = 9, Count = 10;

    /// <summary>The whole report: configuration lines, then each table with its footnotes.</summary>
    public static string Format(BenchstatReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var output = new StringBuilder();
        BenchstatTable? previous = null;
        foreach (var table in report.Tables)
        {
            if (previous is not null) output.Append('\n');
            foreach (var (key, value) in report.SharedConfig)
            {
                if (key == "pkg")
                {
                    if (previous is null || previous.Package != table.Package) output.Append("pkg: ").Append(table.Package).Append('\n');
                }
                else if (previous is null) output.Append(key).Append(": ").Append(value).Append('\n');
            }
            FormatTable(report, table, output);
            previous = table;
        }
        return output.ToString();
    }

    private static void FormatTable(BenchstatReport report, BenchstatTable table, StringBuilder output)
    {
        var footnotes = new List<string>();
        string Notes(IEnumerable<string> warnings)
        {
            var marks = new List<string>();
            foreach (var w in warnings)
            {
                var i = footnotes.IndexOf(w);
                if (i < 0) { footnotes.Add(w); i = footnotes.Count - 1; }
                marks.Add(Superscript(i + 1));
            }
            return string.Join(' ', marks);
        }

        var rows = new List<string?[]>();
        foreach (var row in table.Rows)
        {
            var cells = new string?[Count];
            cells[Label] = row.Name;
            var scaler = BenchUnit.CommonScale(new[] { row.Old, row.New }.Where(s => s is not null).Select(s => s!.Center), table.Unit);
            if (row.Old is { } o)
            {
                cells[C1] = scaler.Format(o.Center);
                cells[R1] = o.RangeText;
                cells[W1] = Notes(o.Warnings);
            }
            if (row.New is { } n)
            {
                cells[C2] = scaler.Format(n.Center);
                cells[R2] = n.RangeText;
                cells[W2] = Notes(n.Warnings);
                if (row.Comparison is { } c)
                {
                    cells[D] = row.DeltaText;
                    cells[Pn] = "(" + c + ")";
                    cells[W3] = Notes(c.Warnings);
                }
            }
            rows.Add(cells);
        }
        if (table.HasGeomeanRow)
        {
            var cells = new string?[Count];
            cells[Label] = "geomean";
            if (table.OldGeomean is { } og) cells[C1] = BenchUnit.Scale(og, table.Unit);
            cells[W1] = Notes(table.OldGeomeanWarnings);
            if (table.NewGeomean is { } ng) cells[C2] = BenchUnit.Scale(ng, table.Unit);
            cells[D] = table.GeomeanDeltaPercent is { } d ? BenchComparison.SignedPercent(d) : "?";
            cells[W3] = Notes(table.NewGeomeanWarnings);
            rows.Add(cells);
        }

        var w = new int[Count];
        foreach (var cells in rows)
            for (var c = 0; c < Count; c++) w[c] = Math.Max(w[c], cells[c]?.Length ?? 0);
        int Note(int col) => w[col] > 0 ? 1 + w[col] : 0;
        int Group0() => w[C1] + 3 + w[R1] + Note(W1);
        int Center1() => w[C2] + 3 + w[R2] + Note(W2);
        int Delta1() => 2 + w[D] + 1 + w[Pn] + Note(W3);
        // Headers wider than their columns widen the group.
        w[C1] += Math.Max(0, Math.Max(report.OldName.Length, table.Unit.Length) - Group0());
        w[C2] += Math.Max(0, table.Unit.Length - Center1());
        w[Pn] += Math.Max(0, "vs base".Length - (Delta1() - 2));
        w[Pn] += Math.Max(0, report.NewName.Length - (Center1() + Delta1()));

        var blank = new string(' ', w[Label]);
        output.Append(blank).Append(" │ ").Append(Centered(report.OldName, Group0())).Append(" │ ")
            .Append(Centered(report.NewName, Center1() + Delta1())).Append(" │\n");
        output.Append(blank).Append(" │ ").Append(Centered(table.Unit, Group0())).Append(" │ ")
            .Append(Centered(table.Unit, Center1())).Append("  ").Append("vs base".PadRight(Delta1() - 2)).Append(" │\n");

        foreach (var cells in rows)
        {
            var line = new StringBuilder();
            line.Append((cells[Label] ?? "").PadRight(w[Label])).Append("   ");
            AppendSummary(line, cells[C1], cells[R1], cells[W1], w[C1], w[R1], w[W1]);
            line.Append("   ");
            AppendSummary(line, cells[C2], cells[R2], cells[W2], w[C2], w[R2], w[W2]);
            line.Append("  ").Append((cells[D] ?? "").PadLeft(w[D])).Append(' ').Append((cells[Pn] ?? "").PadRight(w[Pn]));
            if (w[W3] > 0) line.Append(' ').Append((cells[W3] ?? "").PadRight(w[W3]));
            output.Append(line.ToString().TrimEnd()).Append('\n');
        }
        for (var i = 0; i < footnotes.Count; i++) output.Append(Superscript(i + 1)).Append(' ').Append(footnotes[i]).Append('\n');
    }

    // "center ± range notes": the "±" only where there is a range (the geomean row has none).
    private static void AppendSummary(StringBuilder line, string? center, string? range, string? notes, int wc, int wr, int wn)
    {
        line.Append((center ?? "").PadLeft(wc));
        line.Append(range is null ? "   " : " ± ").Append((range ?? "").PadLeft(wr));
        if (wn > 0) line.Append(' ').Append((notes ?? "").PadRight(wn));
    }

    private static string Centered(string text, int width)
    {
        if (text.Length >= width) return text;
        var left = (width - text.Length) / 2;
        return new string(' ', left) + text + new string(' ', width - text.Length - left);
    }

    private static string Superscript(int i)
    {
        var digits = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return string.Concat(digits.Select(d => Superscripts[d - '0']));
    }
}
