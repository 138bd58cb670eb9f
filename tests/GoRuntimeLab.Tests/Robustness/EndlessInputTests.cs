using GoRuntimeLab.IO;

namespace GoRuntimeLab.Tests.Robustness;

/// <summary>
/// Input that never ends — /dev/zero, an endless stream of plausible lines — is refused at the reader's limit with a
/// <see cref="KitInputLimitException"/>, having read and allocated little more than that limit.
/// </summary>
public class EndlessInputTests
{
    public static TheoryData<string> Targets => [.. FuzzTargets.All.Keys];

    public static TheoryData<string> TextTargets => [.. FuzzTargets.All.Keys.Where(k => k is not ("pprof" or "workload"))];

    private static readonly KitReadLimits Small = new("test input", 2L << 20);

    [Theory]
    [MemberData(nameof(Targets))]
    public void An_endless_stream_of_zero_bytes_is_refused_with_the_default_limits(string target)
    {
        var t = FuzzTargets.All[target];
        var zeros = new EndlessStream([0]);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var e = FuzzHarness.Guarded(() => Assert.ThrowsAny<KitInputException>(() => t.Parse(zeros, "zeros", null)));
        FuzzHarness.AssertWellFormed(e, "zeros", target);
        // Text readers stop at the 1 Mi-character line limit, the workload reader at its 8 MiB, pprof at the first byte (tag 0 is no field).
        Assert.True(zeros.Served <= (9L << 20), $"{target} read {zeros.Served >> 20} MiB of zeros");
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < (64L << 20), $"{target} allocated too much");
    }

    [Theory]
    [MemberData(nameof(TextTargets))]
    public void An_endless_stream_of_plausible_lines_stops_at_the_size_limit(string target)
    {
        var t = FuzzTargets.All[target];
        var lines = new EndlessStream(t.PlausibleLine, t.EndlessPrefix);
        var e = FuzzHarness.Guarded(() => Assert.Throws<KitInputLimitException>(() => t.Parse(lines, "endless", Small)));
        FuzzHarness.AssertWellFormed(e, "endless", target);
        Assert.Contains("more than 2 MiB, the limit for a test input", e.Message, StringComparison.Ordinal);
        Assert.Equal(Small.MaxBytes, e.Limit);
        Assert.InRange(lines.Served, Small.MaxBytes, Small.MaxBytes + (1 << 20));
    }

    [Fact]
    public void An_endless_workload_is_refused_by_its_nesting_limit_before_anything_recurses()
    {
        var t = FuzzTargets.All["workload"];
        var deep = new string('[', 10_000);
        var e = Assert.ThrowsAny<KitInputException>(() => t.Parse(new MemoryStream(System.Text.Encoding.ASCII.GetBytes(deep)), "deep.json", null));
        Assert.Contains("nested deeper than 64 levels", e.Message, StringComparison.Ordinal);
        Assert.StartsWith("deep.json:1: ", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public void Dev_zero_and_a_folder_named_as_the_file_are_refused_before_reading(string target)
    {
        var t = FuzzTargets.All[target];
        var folder = Assert.ThrowsAny<KitInputException>(() => t.ReadFile(FuzzTargets.Recordings));
        Assert.Contains("is a folder", folder.Message, StringComparison.Ordinal);
        var missing = Assert.ThrowsAny<KitInputException>(() => t.ReadFile("no/such/file"));
        Assert.StartsWith($"no/such/file: file not found (relative paths start at {Environment.CurrentDirectory})", missing.Message, StringComparison.Ordinal);
        if (!OperatingSystem.IsLinux()) return;
        var zero = FuzzHarness.Guarded(() => Assert.ThrowsAny<KitInputException>(() => t.ReadFile("/dev/zero")));
        Assert.Equal("/dev/zero: is a character device, not a regular file; expected a " + ExpectedWhat(target), zero.Message);
    }

    private static string ExpectedWhat(string target) => target switch
    {
        "gctrace" => "gctrace log",
        "schedtrace" => "schedtrace log",
        "escape" => "compiler output",
        "gobench" => "go test -bench output",
        "defer-d" => "-d=defer output",
        "recording" => "golab recording",
        "leakhunt" => "golab recording",
        "pprof" => "pprof profile",
        "benchfmt" => "benchmark results file",
        "race" => "race detector output",
        "cover" => "coverage profile",
        "exectrace" or "exectrace-analysis" => "execution trace",
        _ => "workload file",
    };
}
