// Mirrors: the output of `go test -bench` (testing/benchmark.go) for data/go/falseshare, read with
// Defer.GoBenchOutput; the header lines (nproc, machine, load) are written by the recording command in data/README.md.
using System.Globalization;
using GoRuntimeLab.Defer;

namespace GoRuntimeLab.Layouts;

/// <summary>
/// A recorded false-sharing benchmark: per op, layout and goroutine count, the median time per increment and the
/// throughput relative to unpadded counters — measured ratios in place of a course's invented table. One-line use:
/// <c>FalseSharingRecording.Read("data/recordings/layout/falseshare-go1.19.8.txt").Rows</c>.
/// </summary>
/// <param name="Source">The file.</param>
/// <param name="Cores">CPUs of the measuring machine (nproc).</param>
/// <param name="Machine">CPU model and OS as recorded.</param>
/// <param name="LoadBefore">The 1/5/15-minute load averages before the run (other work competing for the cores).</param>
/// <param name="Rows">One row per op, layout and goroutine count, in the order measured.</param>
public sealed record FalseSharingRecording(string Source, int Cores, string Machine, string LoadBefore, IReadOnlyList<FalseSharingRow> Rows)
{
    /// <summary>Reads a recording made as data/README.md says.</summary>
    /// <exception cref="KitInputException">Missing file, no nproc line, or no FalseSharing results.</exception>
    public static FalseSharingRecording Read(string path)
    {
        var output = GoBenchOutput.Read(path);
        if (!output.Config.TryGetValue("nproc", out var nproc) || !int.TryParse(nproc, NumberStyles.None, CultureInfo.InvariantCulture, out var cores) || cores < 1)
            throw KitInputException.For("no \"nproc: N\" line: the core count of the measuring machine is part of the recording", parameter: "path", file: path);
        var parsed = new List<(string Op, string Layout, int G, GoBenchSummary S)>();
        foreach (var s in output.Summaries())
        {
            var parts = s.Name.Split('/');
            if (parts.Length != 4 || parts[0] != "BenchmarkFalseSharing") continue;
            string Value(string part, string key) => part.StartsWith(key + "=", StringComparison.Ordinal)
                ? part[(key.Length + 1)..]
                : throw KitInputException.For($"benchmark {s.Name}: expected {key}=… in its name", parameter: "path", file: path);
            var g = int.Parse(Value(parts[3], "g"), NumberStyles.None, CultureInfo.InvariantCulture);
            parsed.Add((Value(parts[1], "op"), Value(parts[2], "layout"), g, s));
        }
        if (parsed.Count == 0) throw KitInputException.For("no BenchmarkFalseSharing results", parameter: "path", file: path);
        var rows = parsed.Select(p =>
        {
            var baseline = parsed.FirstOrDefault(q => q.Op == p.Op && q.G == p.G && q.Layout == "unpadded").S;
            var ratio = baseline is null ? double.NaN : baseline.MedianNsPerOp / p.S.MedianNsPerOp;
            var best = baseline is null ? double.NaN : baseline.MinNsPerOp / p.S.MinNsPerOp;
            return new FalseSharingRow(p.Op, p.Layout, p.G, p.S.Runs, p.S.MedianNsPerOp, p.S.MinNsPerOp, p.S.MaxNsPerOp, ratio, best);
        }).ToList();
        return new FalseSharingRecording(path, cores, output.Config.GetValueOrDefault("machine", ""), output.Config.GetValueOrDefault("loadavg-before", ""), rows);
    }

    /// <summary>The row for <paramref name="op"/>, <paramref name="layout"/> and <paramref name="goroutines"/>.</summary>
    /// <exception cref="KitInputException">Not measured.</exception>
    public FalseSharingRow this[string op, string layout, int goroutines] =>
        Rows.FirstOrDefault(r => r.Op == op && r.Layout == layout && r.Goroutines == goroutines)
        ?? throw KitInputException.For($"no row op={op} layout={layout} g={goroutines} in {Source}", parameter: "layout");
}
