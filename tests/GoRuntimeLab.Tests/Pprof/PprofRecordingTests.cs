using System.Globalization;
using GoRuntimeLab.Pprof;
using GoRuntimeLab.Testing;

namespace GoRuntimeLab.Tests.Pprof;

/// <summary>
/// Oracle: `go tool pprof -top` (Go 1.19.8) output recorded beside real profiles of data/go/pprofdemo
/// (data/recordings/pprof, see data/README.md). The kit's Top must print the same report.
/// </summary>
public class PprofRecordingTests
{
    internal static string Dir => Path.Combine(Requirement.RepoRoot(), "data", "recordings", "pprof");

    internal static PprofProfile Load(string name) => PprofReader.Read(Path.Combine(Dir, name));

    // recorded text file → (profile, base, -sample_index, -nodecount, -focus, -ignore), as in data/go/pprofdemo/record.sh
    public static TheoryData<string, string, string?, string?, int, string?, string?> Cases => new()
    {
        { "cpu.top.txt", "cpu.pb.gz", null, null, 0, null, null },
        { "cpu.nodecount5.top.txt", "cpu.pb.gz", null, null, 5, null, null },
        { "cpu.samples.top.txt", "cpu.pb.gz", null, "samples", 0, null, null },
        { "cpu.focus-sortLoop.top.txt", "cpu.pb.gz", null, null, 0, "sortLoop", null },
        { "cpu.ignore-fib.top.txt", "cpu.pb.gz", null, null, 0, null, "fib" },
        { "heap.top.txt", "heap.pb.gz", null, null, 0, null, null },
        { "heap.alloc_objects.top.txt", "heap.pb.gz", null, "alloc_objects", 0, null, null },
        { "heap.alloc_space.top.txt", "heap.pb.gz", null, "alloc_space", 0, null, null },
        { "heap.inuse_objects.top.txt", "heap.pb.gz", null, "inuse_objects", 0, null, null },
        { "heap.inuse_space.top.txt", "heap.pb.gz", null, "inuse_space", 0, null, null },
        { "leak-before.top.txt", "leak-before.pb.gz", null, null, 0, null, null },
        { "leak-after.top.txt", "leak-after.pb.gz", null, null, 0, null, null },
        { "leak-diff.top.txt", "leak-after.pb.gz", "leak-before.pb.gz", null, 0, null, null },
        { "leak-diff.alloc_space.top.txt", "leak-after.pb.gz", "leak-before.pb.gz", "alloc_space", 0, null, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Top_prints_what_go_tool_pprof_printed(string recorded, string file, string? baseFile, string? sampleIndex, int nodeCount, string? focus, string? ignore)
    {
        var profile = Load(file);
        if (baseFile is not null) profile = PprofProfile.Diff(Load(baseFile), profile);
        var report = profile.Top(TopOptions.Default.WithSampleIndex(sampleIndex).WithNodeCount(nodeCount).WithFocus(focus).WithIgnore(ignore));
        var expected = File.ReadAllText(Path.Combine(Dir, recorded));

        // The acceptance rule first: the same top-10 functions in the same order, flat and cum equal to the printed precision.
        var goRows = GoTopText.Parse(expected);
        Assert.NotEmpty(goRows);
        foreach (var (go, kit) in goRows.Take(10).Zip(report.Rows.Take(10)))
        {
            Assert.Equal(go.Function, kit.Function);
            Assert.Equal(go.Flat, kit.FlatText);
            Assert.Equal(go.Cum, kit.CumText);
            Assert.Equal(go.FlatPercent, kit.FlatPercentText.Trim());
            Assert.Equal(go.CumPercent, kit.CumPercentText.Trim());
        }
        Assert.Equal(goRows.Count, report.Rows.Count);
        // And then the whole report, header lines included, byte for byte.
        Assert.Equal(expected, report.Text);
    }

    [Fact]
    public void Cpu_profile_has_what_runtime_pprof_writes()
    {
        var p = Load("cpu.pb.gz");
        Assert.Equal(["samples/count", "cpu/nanoseconds"], p.SampleTypes.Select(t => t.ToString()));
        Assert.Equal(new PprofValueType("cpu", "nanoseconds"), p.PeriodType);
        Assert.Equal(10_000_000, p.Period);   // 100 Hz
        Assert.All(p.Samples, s => Assert.Equal(s.Values[0] * p.Period, s.Values[1]));
        Assert.InRange(p.DurationNanos, 2_500_000_000, 4_000_000_000);
        Assert.Contains(p.Samples, s => s.Stack[0] == "main.fib" && s.Stack[^1] == "runtime.main");
        Assert.Equal(p.Total("cpu"), p.Total("samples") * p.Period);
    }

    [Fact]
    public void Heap_profile_switches_sample_index_like_pprof()
    {
        var p = Load("heap.pb.gz");
        Assert.Equal(["alloc_objects", "alloc_space", "inuse_objects", "inuse_space"], p.SampleTypes.Select(t => t.Type));
        Assert.Equal(3, p.SampleIndex(null));            // no default_sample_type in a heap profile: the last
        Assert.Throws<KitInputException>(() => p.SampleIndex("space"));   // pprof strips "inuse_" from the request, not the type
        Assert.Equal(1, p.SampleIndex("alloc_space"));
        Assert.Equal(2, p.SampleIndex("2"));
        Assert.Throws<KitInputException>(() => p.SampleIndex("4"));
        var e = Assert.Throws<KitInputException>(() => p.SampleIndex("cpu"));
        Assert.Contains("alloc_objects alloc_space inuse_objects inuse_space", e.Message, StringComparison.Ordinal);
        Assert.All(p.Samples.Where(s => s.Values[0] > 0), s => Assert.Contains(s.Labels, l => l.Key == "bytes" && l.IsNumeric));
    }

    [Fact]
    public void Diff_of_the_leak_points_at_the_leaking_function()
    {
        var diff = PprofProfile.Diff(Load("leak-before.pb.gz"), Load("leak-after.pb.gz"));
        var top = diff.Top();
        Assert.Equal("main.handleRequest", top.Rows[0].Function);
        Assert.True(top.Rows[0].Flat > 20 << 20, top.Text);
        // Base minus itself is empty (all samples cancel and vanish, as in profile.Merge).
        var before = Load("leak-before.pb.gz");
        Assert.Empty(PprofProfile.Diff(before, before).Samples);
        Assert.Throws<KitInputException>(() => PprofProfile.Diff(Load("cpu.pb.gz"), before));
    }

    [Fact]
    public void Recordings_hold_no_absolute_path_of_the_recording_machine()
    {
        foreach (var file in Directory.EnumerateFiles(Dir).Append(Path.Combine(Requirement.RepoRoot(), "data", "go", "pprofdemo", "main.go")))
        {
            var bytes = File.ReadAllBytes(file);
            var text = file.EndsWith(".gz", StringComparison.Ordinal)
                ? string.Join("\n", PprofReader.Parse(bytes, file) is var p ? p.Functions.Select(f => f.FileName).Concat(p.Mappings.Select(m => m.FileName)) : [])
                : System.Text.Encoding.UTF8.GetString(bytes);
            foreach (var bad in (string[])["/work", "/tmp/", "/root", "/home/", "/usr/lib/go"])
                Assert.False(text.Contains(bad, StringComparison.Ordinal), $"{Path.GetFileName(file)} contains {bad}");
        }
        // The binary ran from the neutral folder the recording script names.
        Assert.Equal("/srv/pprofdemo/pprofdemo", Load("cpu.pb.gz").Mappings[0].FileName);
    }

    [Fact]
    public void Top_values_are_in_the_sample_unit_and_sum_up()
    {
        var top = Load("cpu.pb.gz").Top();
        Assert.Equal("cpu", top.SampleType.Type);
        Assert.Equal(top.Total, Load("cpu.pb.gz").Total());
        Assert.Equal(double.Parse(top.Rows[0].FlatText.TrimEnd('s'), CultureInfo.InvariantCulture) * 1e9, top.Rows[0].Flat, 1);
        Assert.Equal(top.Rows.Sum(r => r.Flat) * 100.0 / top.Total, top.Rows[^1].SumPercent, 9);
    }
}
