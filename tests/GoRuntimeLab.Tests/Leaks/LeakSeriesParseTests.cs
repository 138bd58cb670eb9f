using GoRuntimeLab.Leaks;

namespace GoRuntimeLab.Tests.Leaks;

/// <summary>leakhunt's output format: malformed input is refused with the source and line.</summary>
public class LeakSeriesParseTests
{
    private static string Recorded() => GoRuntimeLab.GoTool.GoRecording.Read(Path.Combine(LeakRecordingTests.Dir, "http-fixed-go1.19.8.txt")).Stdout;

    [Fact]
    public void The_recorded_stdout_parses_with_its_settings()
    {
        var s = LeakSeries.Parse(Recorded(), "x.txt");
        Assert.Equal("8", s.Settings["requests"]);
        Assert.Equal(2, s.LastStep);
        Assert.Equal("inuse_space", s.Snapshot(1).Heap.SampleTypes[^1].Type);
        Assert.Equal("step", Assert.Throws<KitInputException>(() => s.Snapshot(9)).Parameter);
    }

    [Theory]
    [InlineData("hello\n", 1, "header")]
    [InlineData("leakhunt scenario=x mode=y go=z\nstep=0 label=a\n", 2, "missing t_ms")]
    [InlineData("leakhunt scenario=x mode=y go=z\nprofile step=0 kind=heap data=!!!\n", 2, "base64")]
    [InlineData("leakhunt scenario=x mode=y go=z\nprofile step=0 kind=heap data=aGVsbG8=\n", 2, "not a pprof profile")]
    [InlineData("leakhunt scenario=x mode=y\n", 1, "go=")]
    [InlineData("leakhunt scenario=x mode=y go=z\nstep=0 label=a t_ms=1 heap_objects_bytes=1 heap_objects=1 goroutines=1 allocs_bytes=1 gc_cycles=-1\n", 2, "gc_cycles")]
    [InlineData("leakhunt scenario=x mode=y go=z\nstep=0 label=a t_ms=1 heap_objects_bytes=1 heap_objects=1 goroutines=1 allocs_bytes=1 gc_cycles=1\n", 2, "no heap profile")]
    public void Malformed_output_names_the_line(string text, int line, string reason)
    {
        var e = Assert.Throws<KitInputException>(() => LeakSeries.Parse(text, "out.txt"));
        Assert.Equal("out.txt", e.FilePath);
        Assert.Equal(line, e.Line);
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_step_out_of_order_is_refused()
    {
        var lines = Recorded().Split('\n').ToList();
        var first = lines.FindIndex(l => l.StartsWith("step=1 ", StringComparison.Ordinal));
        var second = lines.FindIndex(l => l.StartsWith("step=2 ", StringComparison.Ordinal));
        (lines[first], lines[second]) = (lines[second], lines[first]);
        var e = Assert.Throws<KitInputException>(() => LeakSeries.Parse(string.Join('\n', lines), "swapped.txt", firstLine: 11));
        Assert.Equal(11 + second, e.Line);   // step=1 now comes after step=2
    }

    [Fact]
    public void A_recording_of_another_program_is_refused()
    {
        var other = Path.Combine(GoRuntimeLab.Testing.Requirement.RepoRoot(), "data", "recordings", "netpool", "http-waves-go1.19.8.txt");
        Assert.Contains("not of data/go/leakhunt", Assert.Throws<KitInputException>(() => LeakSeries.Read(other)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("main.worker", "main", false)]
    [InlineData("main.(*telemetryStore).appendFrame", "main", false)]
    [InlineData("bytes.growSlice", "bytes", true)]
    [InlineData("net/http.(*persistConn).readLoop", "net/http", true)]
    [InlineData("github.com/prometheus/client_golang/prometheus.(*Registry).Gather", "github.com/prometheus/client_golang/prometheus", false)]
    [InlineData("gopkg.in/yaml%2ev3.unmarshal", "gopkg.in/yaml%2ev3", false)]
    public void Standard_library_is_a_package_path_without_a_dot_in_its_first_element(string function, string package, bool std)
    {
        Assert.Equal(package, GoFunctionName.Package(function));
        Assert.Equal(std, GoFunctionName.IsStandardLibrary(function));
    }
}
