// Mirrors: the output of data/go/zerocopy (testing.Benchmark results printed in `go test -bench -benchmem` format),
// read with Benchstat.BenchfmtReader (golang.org/x/perf benchfmt). Go 1.19–1.23.
using GoRuntimeLab.Benchstat;
using GoRuntimeLab.GoTool;

namespace GoRuntimeLab.ZeroCopy;

/// <summary>
/// The zero-copy benchmarks of one Go release: one row per case and size. One-line use:
/// <c>ZeroCopyBench.Read("data/recordings/zerocopy/bench-go1.19.8.txt").Rows</c>, or
/// <c>ZeroCopyBench.Parse(await GoProgram.RunOrReplayAsync(…))</c> for a live run.
/// </summary>
/// <param name="Source">Where the results came from ("live go1.19.8 linux/amd64", or the recording).</param>
/// <param name="Go">The Go release (the program's own "go:" line).</param>
/// <param name="Rows">The cases in the program's order.</param>
public sealed record ZeroCopyBench(string Source, string Go, IReadOnlyList<ZeroCopyRow> Rows)
{
    /// <summary>Reads a recording of data/go/zerocopy (a golab recording, data/README.md).</summary>
    /// <exception cref="KitInputException">Missing or malformed file, another program, or no results.</exception>
    public static ZeroCopyBench Read(string path)
    {
        var recording = GoRecording.Read(path);
        if (!recording.Program.Replace('\\', '/').TrimEnd('/').EndsWith("data/go/zerocopy", StringComparison.Ordinal))
            throw KitInputException.For($"this recording is of {recording.Program}, not of data/go/zerocopy", parameter: "path", file: path);
        return Parse(recording.Stdout, GoProgram.DisplayPath(path));
    }

    /// <summary>Reads every <c>bench-*.txt</c> of <paramref name="directory"/>, oldest Go first.</summary>
    /// <exception cref="KitInputException">The folder is missing or has no bench-*.txt, or one is malformed.</exception>
    public static IReadOnlyList<ZeroCopyBench> ReadAll(string directory, string pattern = "bench-*.txt")
    {
        if (!Directory.Exists(directory)) throw KitInputException.For("no such folder", parameter: "directory", file: directory);
        var files = Directory.GetFiles(directory, pattern);
        if (files.Length == 0) throw KitInputException.For($"no {pattern} here", parameter: "directory", file: directory);
        return files.Select(Read).OrderBy(b => GoVersion.Parse(b.Go)).ToList();
    }

    /// <summary>The results of a run (live or replayed).</summary>
    /// <exception cref="KitInputException">The program failed, or printed no results.</exception>
    public static ZeroCopyBench Parse(ProgramOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (output.ExitCode != 0)
            throw KitInputException.For($"data/go/zerocopy exited with {output.ExitCode}: {output.Stderr.Trim()}", parameter: "output");
        return Parse(output.Stdout, output.Source);
    }

    /// <summary>Parses the program's standard output; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="KitInputException">A malformed line (source:line), an unknown case, a missing unit, or no results.</exception>
    public static ZeroCopyBench Parse(string stdout, string source)
    {
        var file = BenchfmtReader.Parse(stdout, source);
        var go = file.ConfigValue("go") ?? throw KitInputException.For("no \"go: goX.Y.Z\" line", parameter: "file", file: source);
        var groups = new List<(string Name, List<BenchResult> Results)>();
        foreach (var r in file.Results)
        {
            var name = StripProcs(r.Name);
            var group = groups.FirstOrDefault(g => g.Name == name);
            if (group.Results is null) groups.Add((name, [r]));
            else group.Results.Add(r);
        }
        if (groups.Count == 0) throw KitInputException.For("no benchmark results", parameter: "file", file: source);
        var rows = groups.Select(g =>
        {
            var cut = g.Name.LastIndexOf('/');
            if (cut < 0) throw Error(g.Results[0], $"{g.Name}: expected FAMILY/n=SIZE");
            var family = g.Name[..cut];
            var info = ZeroCopyCases.All.FirstOrDefault(c => c.Family == family) ?? throw Error(g.Results[0], $"unknown case {family}");
            double Ns(BenchResult r) => Value(r, "ns/op");
            var ns = g.Results.Select(Ns).Order().ToArray();
            var median = ns.Length % 2 == 1 ? ns[ns.Length / 2] : (ns[ns.Length / 2 - 1] + ns[ns.Length / 2]) / 2;
            return new ZeroCopyRow(info, g.Name[(cut + 1)..], go, ns.Length, median, ns[0],
                g.Results.Max(r => (long)Value(r, "B/op")), g.Results.Max(r => (long)Value(r, "allocs/op")));
        }).ToList();
        return new ZeroCopyBench(source, go, rows);

        KitInputException Error(BenchResult r, string what) => KitInputException.For(what, parameter: "file", file: source, line: r.Line);
        double Value(BenchResult r, string unit) =>
            r.Values.FirstOrDefault(v => v.OrigUnit == unit)?.OrigValue ?? throw Error(r, $"Benchmark{r.Name}: no {unit} (run with -benchmem / b.ReportAllocs)");
    }

    /// <summary>The row of <paramref name="name"/> ("StringFromBytes/escapes/n=64").</summary>
    /// <exception cref="KitInputException">Not measured in this run.</exception>
    public ZeroCopyRow this[string name] =>
        Rows.FirstOrDefault(r => r.Name == name) ?? throw KitInputException.For($"no case {name} in {Source}", parameter: "name");

    /// <summary>
    /// Side by side over releases (oldest first as given): per case and size, allocs/op and B/op of each release and
    /// its median ns/op; a case missing on a release (Unsafe/* before 1.20) has nulls there.
    /// </summary>
    public static IReadOnlyList<ZeroCopyVersionsRow> Compare(IReadOnlyList<ZeroCopyBench> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        if (runs.Count == 0) throw KitInputException.For("no runs to compare", parameter: "runs");
        var names = runs.SelectMany(r => r.Rows).Select(r => r.Name).Distinct().ToList();
        return names.Select(name =>
        {
            var cells = runs.Select(run => run.Rows.FirstOrDefault(r => r.Name == name)).ToList();
            var any = cells.First(c => c is not null)!;
            return new ZeroCopyVersionsRow(any.Case, any.Size, runs.Select(r => r.Go).ToList(),
                cells.Select(c => c?.AllocsPerOp).ToList(), cells.Select(c => c?.BytesPerOp).ToList(), cells.Select(c => c?.MedianNsPerOp).ToList());
        }).ToList();
    }

    private static string StripProcs(string name)
    {
        var dash = name.LastIndexOf('-');
        return dash > 0 && name[(dash + 1)..].All(char.IsAsciiDigit) && dash + 1 < name.Length ? name[..dash] : name;
    }
}
