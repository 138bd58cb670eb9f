using System.CommandLine;
using GoRuntimeLab.Cli.Infrastructure;

namespace GoRuntimeLab.CliTests;

/// <summary>
/// Every subcommand, one bad thing at a time: a bad value for each option, an empty value, an unknown flag, a folder,
/// a file or an unwritable place where the other is expected. Each must exit 2 with exactly one line on stderr that
/// names the option as typed (or the file), shows no stack frame and no raw control character, and print nothing on
/// stdout. The command tree is walked, so a new command or option without a case here fails the test.
/// </summary>
public sealed class CliMatrixTests : IDisposable
{
    private const string Cpu = "data/recordings/pprof/cpu.pb.gz";

    // A bad value that no option accepts, with control bytes that must not reach the terminal raw.
    private const string Garbage = "\u0001bad\u001b[31m";

    private static readonly string Temp = Path.Combine(Path.GetTempPath(), "golab-cli-matrix-" + Environment.ProcessId);

    // A valid command line for every leaf command (positional arguments first); each case changes one thing in it.
    private static readonly Dictionary<string, string[]> Valid = new(StringComparer.Ordinal)
    {
        // The book reads a copy of the notebooks, so a regression that writes into its sources cannot touch the repository's.
        ["book"] = ["--out", $"{Temp}/site", "--only", "01", "--notebooks", $"{Temp}/notebooks"],
        ["kernel install"] = ["--prefix", $"{Temp}/prefix"],
        ["kernel remove"] = ["--prefix", $"{Temp}/prefix"],
        ["gc pacer"] = ["--scenario", "Steady"],
        ["gc guide"] = ["--graph", "1"],
        ["gc simulate"] = ["--duration", "10ms"],
        ["escape parse"] = ["data/recordings/escape/cases-go1.19-m1.txt"],
        ["escape run"] = ["data/go/escape"],
        ["alloc class"] = ["64"],
        ["alloc classes"] = [],
        ["alloc simulate"] = ["--count", "1000"],
        ["defer classify"] = ["--defers", "1"],
        ["defer bench"] = ["data/recordings/defer/bench-go1.19.8.log"],
        ["sched simulate"] = ["--workload", "pingpong", "--duration", "10ms"],
        ["gctrace parse"] = ["data/recordings/gc/go1.19.8-gogc100.txt"],
        ["pprof top"] = [Cpu],
        ["pprof diff"] = [Cpu, Cpu],
        ["pprof flame"] = [Cpu, "--html", $"{Temp}/flame.html"],
        ["pprof convert"] = [Cpu, "--out", $"{Temp}/cpu.pb.gz"],
        ["schedtrace parse"] = ["data/recordings/sched/schedload-go1.19.8-p2.txt"],
        ["metrics list"] = [],
        ["metrics expose"] = [],
        ["metrics serve"] = ["--port", "0", "--duration", "0.2"],
        ["pool simulate"] = ["--requests", "50"],
        ["race parse"] = ["data/recordings/race/racedemo-run-go1.19.8.txt"],
        ["cover gate"] = ["data/recordings/cover/coverdemo-set-go1.19.8.out"],
        ["benchstat"] = ["data/recordings/benchstat/old-go1.19.8.txt", "data/recordings/benchstat/new-go1.19.8.txt"],
        ["trace stats"] = ["data/recordings/trace/tracegen-go1.19.trace"],
        ["trace goroutines"] = ["data/recordings/trace/tracegen-go1.19.trace"],
        ["trace pprof"] = ["data/recordings/trace/tracegen-go1.19.trace", "--kind", "sync", "--out", $"{Temp}/sync.pb.gz"],
        ["trace chrome"] = ["data/recordings/trace/tracegen-go1.19.trace", "--out", $"{Temp}/trace.json"],
        ["trace tasks"] = ["data/recordings/trace-v2/tracegen-go1.23.trace"],
        ["lab list"] = ["--chapter", "1"],
        ["lab check"] = [$"{Temp}/notebooks/answers.json", "--board", $"{Temp}/notebooks/board.jsonl", "--name", "team"],
        ["lab board"] = [$"{Temp}/notebooks/board.jsonl"],
        ["layout"] = ["data/recordings/layout/structs.go", "--arch", "386"],
        ["leak"] = ["data/recordings/leak/buffers-leaky-go1.19.8.txt"],
        ["binary"] = ["data/recordings/build/tiny-hello"],
    };

    // Options whose generic bad value is valid for them, with one that is not.
    private static readonly Dictionary<string, string[]> BadValues = new(StringComparer.Ordinal)
    {
        ["--focus"] = ["("],
        ["--ignore"] = ["("],
        ["--only"] = ["99"],
        ["--notebooks"] = ["no/such/folder"],
        ["--spike"] = ["12XB"],
    };

    // Options naming a file to write: a folder, a place that cannot be written, and a file standing where a folder must be.
    private static readonly string[] BadOutputFiles = ["", "data", "/proc/golab-none/out", "README.md/out"];

    // Where a command writes: the bad places for it, by "command option" or option.
    private static readonly Dictionary<string, string[]> BadOutputs = new(StringComparer.Ordinal)
    {
        ["--html"] = BadOutputFiles,
        ["--chrome-trace"] = BadOutputFiles,
        ["pprof convert --out"] = BadOutputFiles,
        ["trace pprof --out"] = BadOutputFiles,
        ["trace chrome --out"] = BadOutputFiles,
        // The book writes a folder: not a file, not the notebooks it reads, not inside a file, not where nothing can be written.
        ["book --out"] = ["", "README.md", $"{Temp}/notebooks", $"{Temp}/notebooks/site", "README.md/site", "/proc/golab-none/site"],
        ["--prefix"] = ["", "README.md", "README.md/prefix"],
        ["--board"] = BadOutputFiles,
    };

    public CliMatrixTests()
    {
        Directory.CreateDirectory(Path.Combine(Temp, "notebooks"));
        foreach (var notebook in Directory.GetFiles(Path.Combine(Testing.Requirement.RepoRoot(), "notebooks"), "*.ipynb"))
            File.Copy(notebook, Path.Combine(Temp, "notebooks", Path.GetFileName(notebook)), overwrite: true);
        // The lab commands' files sit beside the notebook copies (the output tests expect nothing else in Temp).
        File.WriteAllText(Path.Combine(Temp, "notebooks", "answers.json"), "{\"01.2-parse-duration\": 1}\n");
        File.WriteAllText(Path.Combine(Temp, "notebooks", "board.jsonl"), "{\"team\":\"a\",\"time\":\"2026-12-06T00:00:00.000Z\",\"score\":1,\"max\":9}\n");
    }

    public void Dispose()
    {
        if (Directory.Exists(Temp)) Directory.Delete(Temp, recursive: true);
    }

    public static TheoryData<string, string[], string> Cases()
    {
        var data = new TheoryData<string, string[], string>();
        foreach (var (name, command) in Leaves(GolabCli.BuildRoot(), ""))
        {
            if (!Valid.TryGetValue(name, out var valid)) throw new InvalidOperationException($"no valid command line for \"golab {name}\" in CliMatrixTests.Valid");
            var words = name.Split(' ');
            data.Add(name, [.. words, .. valid, "--no-such-flag"], "--no-such-flag");
            foreach (var option in command.Options.Where(o => o.Name.StartsWith("--", StringComparison.Ordinal) && o.Name is not "--help" and not "--version"))
            {
                if (option.ValueType == typeof(bool)) continue;
                var values = BadOutputs.GetValueOrDefault($"{name} {option.Name}") ?? BadOutputs.GetValueOrDefault(option.Name)
                             ?? ["", .. BadValues.GetValueOrDefault(option.Name, [Garbage])];
                foreach (var value in values)
                    data.Add(name, [.. words, .. Without(valid, option.Name), option.Name, value], option.Name);
            }

            for (var i = 0; i < command.Arguments.Count; i++)
            {
                var argument = command.Arguments[i];
                var isFolderArgument = argument.Name.Contains("DIR", StringComparison.Ordinal);
                foreach (var value in isFolderArgument ? new[] { "", "no/such/folder", "README.md" } : ["", "no/such/file.txt", "data"])
                {
                    string[] args = [.. valid];
                    args[i] = value;
                    data.Add(name, [.. words, .. args], value.Length == 0 ? argument.Name : value);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bad_input_exits_2_with_one_line_naming_what_was_typed(string command, string[] args, string named)
    {
        _ = command;
        var r = InProcessGolab.Run(args);
        Assert.True(r.ExitCode == 2, $"golab {string.Join(' ', args)}: {r}");
        var line = Assert.Single(r.ErrorLines);
        Assert.StartsWith("golab: ", line, StringComparison.Ordinal);
        Assert.Contains(named, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", r.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(r.Stderr, c => char.IsControl(c) && c != '\n' && c != '\r');
        Assert.Equal("", r.Stdout);
    }

    [Fact]
    public void The_matrix_covers_every_command_and_nothing_else()
    {
        var leaves = Leaves(GolabCli.BuildRoot(), "").Select(l => l.Name).ToHashSet();
        Assert.Equal(Valid.Keys.Order(StringComparer.Ordinal), leaves.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Output_paths_are_refused_before_any_work_and_no_folder_is_created()
    {
        var missing = Path.Combine(Temp, "not-made", "deeper");
        foreach (var args in new[]
                 {
                     new[] { "pprof", "flame", Cpu, "--html", Path.Combine(missing, "f.html") },
                     ["pprof", "convert", Cpu, "--out", Path.Combine(missing, "c.pb.gz")],
                     ["sched", "simulate", "--workload", "pingpong", "--chrome-trace", Path.Combine(missing, "t.json")],
                 })
        {
            var r = InProcessGolab.Run(args);
            Assert.Equal(2, r.ExitCode);
            Assert.False(Directory.Exists(Path.Combine(Temp, "not-made")), string.Join(' ', args));
        }
    }

    [Fact]
    public void An_output_file_is_written_whole_and_nothing_is_left_beside_it()
    {
        var html = Path.Combine(Temp, "flame.html");
        var r = InProcessGolab.Run("pprof", "flame", Cpu, "--html", html);
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.EndsWith("</html>\n", File.ReadAllText(html), StringComparison.Ordinal);
        Assert.Equal(["flame.html"], Directory.GetFiles(Temp).Select(Path.GetFileName));
        Assert.Equal(["notebooks"], Directory.GetDirectories(Temp).Select(Path.GetFileName));
    }

    private static IEnumerable<(string Name, Command Command)> Leaves(Command command, string prefix)
    {
        foreach (var sub in command.Subcommands)
        {
            var name = prefix.Length == 0 ? sub.Name : $"{prefix} {sub.Name}";
            if (sub.Subcommands.Count == 0) yield return (name, sub);
            else foreach (var leaf in Leaves(sub, name)) yield return leaf;
        }
    }

    private static string[] Without(string[] args, string option)
    {
        var list = args.ToList();
        var at = list.IndexOf(option);
        if (at >= 0) list.RemoveRange(at, 2);
        return [.. list];
    }
}
