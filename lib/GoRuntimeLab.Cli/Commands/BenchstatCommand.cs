using System.CommandLine;
using System.Text.Json;
using GoRuntimeLab.Benchstat;
using GoRuntimeLab.Cli.Infrastructure;

namespace GoRuntimeLab.Cli.Commands;

/// <summary>
/// <c>golab benchstat OLD NEW [--alpha A] [--confidence C] [--json]</c>: what <c>benchstat OLD NEW</c> prints — the
/// median ± its 95 % interval per benchmark and unit, the change or "~" by a Mann–Whitney U-test, the geomean row.
/// </summary>
internal static class BenchstatCommand
{
    public static Command Build()
    {
        var oldFile = CliOptions.TextArgument("OLD", "The baseline: `go test -bench . -count 10` output (the Go benchmark format).");
        var newFile = CliOptions.TextArgument("NEW", "The results to compare with the baseline, in the same format.");
        var alpha = CliOptions.Double("--alpha", "Significance level: a change with p ≤ alpha is reported, otherwise \"~\" (benchstat -alpha).", 0.05, 1e-9, 0.999999999, "A");
        var confidence = CliOptions.Double("--confidence", "Confidence level of the median's interval, the \"± x%\" (benchstat -confidence).", 0.95, 1e-9, 0.999999999, "C");
        var json = new Option<bool>("--json")
        {
            Description = "One JSON document: {old, new, alpha, confidence, config, rows: [{name, unit, package, old: {center, lo, hi, n, range} | null, " +
                          "new: {…} | null, delta (percent; null when \"~\" or not computable), deltaText, p, significant, warnings}], " +
                          "geomeans: [{package, unit, old, new, delta}]}. Values in base units (sec/op, B/s, B/op); lo/hi null when unbounded.",
        };
        var command = new Command("benchstat", "Compare two `go test -bench` outputs like benchstat: median ± CI, Mann–Whitney U p-value, \"~\" when not significant.")
        {
            oldFile, newFile, alpha, confidence, json,
        };
        command.SetAction(parse =>
        {
            var options = BenchstatOptions.Default.WithAlpha(parse.GetValue(alpha)).WithConfidence(parse.GetValue(confidence));
            var report = BenchstatComparer.CompareFiles(parse.GetValue(oldFile), parse.GetValue(newFile), options);
            Console.Out.Write(parse.GetValue(json) ? ToJson(report) + "\n" : report.ToString());
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string ToJson(BenchstatReport report) => JsonSerializer.Serialize(new
    {
        old = report.OldName,
        @new = report.NewName,
        alpha = report.Options.Alpha,
        confidence = report.Options.Confidence,
        config = report.SharedConfig.ToDictionary(c => c.Key, c => c.Value),
        rows = report.Rows.Select(r => new
        {
            name = r.Name,
            unit = r.Unit,
            package = r.Package,
            old = Summary(r.Old),
            @new = Summary(r.New),
            delta = r.DeltaPercent,
            deltaText = r.DeltaText,
            p = r.Comparison?.P,
            significant = r.Comparison?.Significant,
            warnings = (r.Old?.Warnings ?? []).Concat(r.New?.Warnings ?? []).Concat(r.Comparison?.Warnings ?? []).Distinct().ToArray(),
        }),
        geomeans = report.Tables.Where(t => t.HasGeomeanRow).Select(t => new
        {
            package = t.Package,
            unit = t.Unit,
            old = t.OldGeomean,
            @new = t.NewGeomean,
            delta = t.GeomeanDeltaPercent,
        }),
    }, CliJson.Options);

    private static object? Summary(BenchSummary? s) => s is null ? null : new
    {
        center = s.Center,
        lo = double.IsInfinity(s.Lo) ? (double?)null : s.Lo,
        hi = double.IsInfinity(s.Hi) ? (double?)null : s.Hi,
        n = s.N,
        range = s.RangeText,
    };
}
