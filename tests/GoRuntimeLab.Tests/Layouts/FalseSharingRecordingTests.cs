using GoRuntimeLab.Layouts;

namespace GoRuntimeLab.Tests.Layouts;

/// <summary>The recorded false-sharing benchmark (data/recordings/layout/falseshare-go1.19.8.txt) reads into rows with ratios.</summary>
public class FalseSharingRecordingTests
{
    private static FalseSharingRecording Recording =>
        FalseSharingRecording.Read(Path.Combine(LayoutRecordingTests.Recordings, "falseshare-go1.19.8.txt"));

    [Fact]
    public void Every_op_layout_and_goroutine_count_is_measured_on_a_machine_whose_cores_are_recorded()
    {
        var r = Recording;
        Assert.True(r.Cores >= 1);
        Assert.NotEmpty(r.LoadBefore);
        var goroutines = r.Rows.Select(x => x.Goroutines).Distinct().Order().ToList();
        Assert.Equal(1, goroutines[0]);
        Assert.Equal(2 * r.Cores, goroutines[^1]); // 1, 2, 4, … up to twice the cores
        foreach (var op in new[] { "atomic", "plain" })
            foreach (var layout in new[] { "unpadded", "pad64", "pad128" })
                foreach (var g in goroutines)
                    Assert.True(r[op, layout, g].Runs >= 5);
    }

    [Fact]
    public void Ratios_are_throughput_against_unpadded_counters_at_the_same_op_and_goroutines()
    {
        var r = Recording;
        Assert.All(r.Rows.Where(x => x.Layout == "unpadded"), x => Assert.Equal((1.0, 1.0), (x.VsUnpadded, x.BestVsUnpadded)));
        var row = r["atomic", "pad64", 2];
        Assert.Equal(r["atomic", "unpadded", 2].MedianNsPerOp / row.MedianNsPerOp, row.VsUnpadded, 12);
        Assert.Equal(r["atomic", "unpadded", 2].MinNsPerOp / row.MinNsPerOp, row.BestVsUnpadded, 12);
        Assert.Equal(1000 / row.MedianNsPerOp, row.MopsPerSecond, 12);
    }

    [Fact]
    public void A_recording_without_the_core_count_is_refused()
    {
        var path = Path.Combine(Path.GetTempPath(), "golab-fs-" + Guid.NewGuid().ToString("N")[..8] + ".txt");
        File.WriteAllLines(path, File.ReadLines(Path.Combine(LayoutRecordingTests.Recordings, "falseshare-go1.19.8.txt")).Where(l => !l.StartsWith("nproc:", StringComparison.Ordinal)));
        try
        {
            var e = Assert.Throws<KitInputException>(() => FalseSharingRecording.Read(path));
            Assert.Contains("nproc", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
