using GoRuntimeLab.Layouts;
using GoRuntimeLab.Testing;

namespace GoRuntimeLab.Tests.Layouts;

/// <summary>Which fields share a 64-byte line, on the structs the false-sharing benchmark uses (data/go/falseshare/counters.go).</summary>
public class CacheLineMapTests
{
    private static LayoutReport Counters(string arch = "amd64") =>
        GoLayout.AnalyzeFile(Path.Combine(Requirement.RepoRoot(), "data", "go", "falseshare", "counters.go"), arch);

    [Fact]
    public void The_benchmarks_counter_types_have_the_sizes_its_go_test_checks()
    {
        // falseshare_test.go TestSizes asserts the same with unsafe.Sizeof under the real compiler.
        var report = Counters();
        Assert.Equal([8L, 64L, 128L, 32L, 256L], report.Types.Select(t => t.Size));
    }

    [Fact]
    public void Four_hot_counters_share_one_line_and_padding_gives_each_its_own()
    {
        var stats = Counters()["Stats"].CacheLines();
        var line = Assert.Single(stats.Lines);
        Assert.Equal(["requests", "errors", "bytesIn", "bytesOut"], line.Fields);
        Assert.Equal(6, stats.Shared.Count);
        Assert.True(stats.Share("errors", "requests"));

        var padded = Counters()["PaddedStats"].CacheLines();
        Assert.Equal([0, 1, 2, 3], padded.Lines.Select(l => l.Index));
        Assert.Equal([0L, 64L, 128L, 192L], padded.Lines.Select(l => l.Start));
        Assert.Empty(padded.Shared);
    }

    [Fact]
    public void An_object_that_does_not_start_on_a_line_boundary_can_share_a_line_despite_64_byte_padding()
    {
        var padded = Counters()["PaddedStats"];
        var shifted = padded.CacheLines(baseOffset: 60); // requests spans bytes 60–67 of lines 0 and 1
        Assert.True(shifted.Share("requests", "errors"));
        Assert.Equal([1], shifted.Shared.Single(p => p.First == "requests").Lines);
        Assert.Equal(-60, shifted.Lines[0].Start);
    }

    [Fact]
    public void On_386_and_arm_the_stats_fit_one_line_even_of_arms_32_byte_runtime_padding()
    {
        Assert.Single(Counters("386")["Stats"].CacheLines().Lines);
        Assert.Equal(32, GoArch.Arm.CacheLinePadSize);
        Assert.Single(Counters("arm")["Stats"].CacheLines(lineSize: GoArch.Arm.CacheLinePadSize).Lines); // 4 × uint64 = 32 bytes
    }

    [Theory]
    [InlineData(48, 0, "lineSize")]
    [InlineData(8, 0, "lineSize")]
    [InlineData(64, 64, "baseOffset")]
    [InlineData(64, -1, "baseOffset")]
    public void Bad_line_sizes_and_offsets_are_refused_by_name(int lineSize, long baseOffset, string parameter)
    {
        var e = Assert.Throws<KitInputException>(() => Counters()["Stats"].CacheLines(lineSize, baseOffset));
        Assert.Equal(parameter, e.Parameter);
    }

    [Fact]
    public void A_type_that_is_not_a_struct_has_no_fields_to_map()
    {
        var e = Assert.Throws<KitInputException>(() => GoLayout.Analyze("type A [8]uint64")["A"].CacheLines());
        Assert.Equal("type", e.Parameter);
    }
}
