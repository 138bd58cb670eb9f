using CsCheck;
using GoRuntimeLab.GoTool;
using GoRuntimeLab.Testing;

namespace GoRuntimeLab.Tests.GoTool;

public class GoRecordingTests
{
    private const string Sample = """
        golab-recording: 1
        program: data/go/welcome-sleep
        command: cd data/go/welcome-sleep && go run . -work 700ms
        args: ["-work","700ms"]
        go: go1.19.8 linux/amd64
        exit-code: 0
        gomaxprocs: 2
        ==> stdout <==
        line one
        line two
        ==> stderr <==
        warning

        """;

    [Fact]
    public void Parses_header_and_both_streams()
    {
        var r = GoRecording.Parse(Sample, "s.txt");
        Assert.Equal("data/go/welcome-sleep", r.Program);
        Assert.Equal("cd data/go/welcome-sleep && go run . -work 700ms", r.Command);
        Assert.Equal(["-work", "700ms"], r.Args);
        Assert.Equal("go1.19.8", r.GoVersionText);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("line one\nline two\n", r.Stdout);
        Assert.Equal("warning\n", r.Stderr);
        Assert.Equal([new KeyValuePair<string, string>("gomaxprocs", "2")], r.Notes);
        Assert.Equal(Sample, r.Format());
        Assert.Equal(r.Stdout, GoRecording.Parse(Sample.Replace("\n", "\r\n", StringComparison.Ordinal), "crlf.txt").Stdout);
    }

    [Theory]
    [InlineData("golab-recording: 1", "golab-recording: 2", 1, "not a golab recording")]
    [InlineData("gomaxprocs: 2", "gomaxprocs 2", 7, "header lines are \"key: value\"")]
    [InlineData("gomaxprocs: 2", "go: go1.20", 7, "\"go\" appears twice")]
    [InlineData("exit-code: 0", "exit-code: zero", 6, "exit-code \"zero\" is not an integer")]
    [InlineData("args: [\"-work\",\"700ms\"]", "args: -work 700ms", 4, "args must be a JSON array")]
    [InlineData("args: [\"-work\",\"700ms\"]", "args: [\"-work\",null]", 4, "args must be a JSON array")]
    [InlineData("program: data/go/welcome-sleep\n", "", 7, "the header has no \"program:\" line")]
    public void Malformed_recordings_fail_with_file_and_line(string from, string to, int line, string expected)
    {
        var e = Assert.Throws<KitInputException>(() => GoRecording.Parse(Sample.Replace(from, to, StringComparison.Ordinal), "r.txt"));
        Assert.StartsWith($"r.txt:{line}: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_markers_and_missing_files_are_named()
    {
        Assert.Contains("no \"==> stderr <==\" line",
            Assert.Throws<KitInputException>(() => GoRecording.Parse(Sample.Split("==> stderr")[0], "r.txt")).Message, StringComparison.Ordinal);
        Assert.Contains("no \"==> stdout <==\" line",
            Assert.Throws<KitInputException>(() => GoRecording.Parse(Sample.Split("==> stdout")[0], "r.txt")).Message, StringComparison.Ordinal);
        var missing = Assert.Throws<KitInputException>(() => GoRecording.Read("data/recordings/welcome/nope.txt"));
        Assert.Equal("data/recordings/welcome/nope.txt", missing.FilePath);
        Assert.StartsWith("data/recordings/welcome/nope.txt: file not found (relative paths start at", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_and_Parse_round_trip_any_output_lines()
    {
        var output = Gen.Select(Gen.String.Array[0, 5], lines => lines.Length == 0 ? "" : string.Join('\n', lines.Select(l => l.Replace("\n", "", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal))) + "\n");
        Gen.Select(Gen.String.Array[0, 4], output, output, Gen.Int, (args, stdout, stderr, exit) => (args, stdout, stderr, exit))
            .Sample(c =>
            {
                var r = new GoRecording("data/go/x", "cd data/go/x && go run .", c.args, "go1.19.8 linux/amd64", c.exit, c.stdout, c.stderr);
                var back = GoRecording.Parse(r.Format(), "round-trip");
                Assert.Equal(r.Args, back.Args);
                Assert.Equal(r.Stdout, back.Stdout);
                Assert.Equal(r.Stderr, back.Stderr);
                Assert.Equal(r.ExitCode, back.ExitCode);
            });
    }

    [Fact]
    public void No_recording_holds_an_absolute_path_of_the_recording_machine()
    {
        var data = Path.Combine(Requirement.RepoRoot(), "data");
        // Recording scripts are code that may name such folders (e.g. to search for leaks); everything else is data. The
        // binary canned traces of trace/go-testdata are Go's own, copied from GOROOT as they are (their string tables hold
        // the paths of Go's builders, and rewriting them would change what go tool trace -d printed for the oracles).
        var goTestdata = string.Join(Path.DirectorySeparatorChar, "", "trace", "go-testdata", "");
        foreach (var file in Directory.GetFiles(data, "*", SearchOption.AllDirectories)
                     .Where(f => !f.EndsWith(".sh", StringComparison.Ordinal) && !f.Contains(goTestdata, StringComparison.Ordinal)))
        {
            var content = File.ReadAllText(file);
            foreach (var leak in (string[])["/work/", "/tmp/", "/root/", "/home/"])
                Assert.False(content.Contains(leak, StringComparison.Ordinal), $"{Path.GetRelativePath(data, file)} contains {leak}");
        }
    }
}
