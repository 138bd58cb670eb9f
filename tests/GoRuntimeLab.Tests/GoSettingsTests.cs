using GoRuntimeLab.Alloc;
using GoRuntimeLab.Gc.Guide;
using GoRuntimeLab.Gc.Pacer;
using GoRuntimeLab.Gc.Simulation;
using GoRuntimeLab.Metrics;
using GoRuntimeLab.Sched;

namespace GoRuntimeLab.Tests;

public sealed class GoSettingsTests
{
    [Theory]
    [InlineData("off", -1)]
    [InlineData("-1", -1)]
    [InlineData("-200", -1)] // setGCPercent: any negative value is off
    [InlineData("0", 0)]
    [InlineData("50", 50)]
    [InlineData("2147483647", int.MaxValue)]
    public void Gogc_is_read_as_readGOGC_reads_it(string text, int expected) =>
        Assert.Equal(expected, GoSettings.ParseGogc(text));

    [Theory]
    [InlineData("OFF")]   // Go compares with "off" exactly and falls back to 100
    [InlineData("Off")]
    [InlineData("1e3")]   // atoi32 takes digits only
    [InlineData("+50")]
    [InlineData(" 50")]
    [InlineData("50%")]
    [InlineData("2147483648")] // beyond int32
    [InlineData("")]
    public void Gogc_text_go_would_silently_read_as_100_is_refused_naming_GOGC(string text)
    {
        var e = Assert.Throws<KitInputException>(() => GoSettings.ParseGogc(text));
        Assert.Equal(GoSettings.GogcName, e.Parameter);
        Assert.StartsWith("GOGC: ", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("GOGC: ", e.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("off", long.MaxValue)]
    [InlineData("0", 0L)]
    [InlineData("64MiB", 64L << 20)]
    [InlineData("67108864", 64L << 20)]
    [InlineData("1GiB", 1L << 30)]
    [InlineData("12B", 12L)]
    public void Gomemlimit_is_read_as_parseByteCount_reads_it(string text, long expected) =>
        Assert.Equal(expected, GoSettings.ParseMemoryLimit(text));

    [Theory]
    [InlineData("64MB")]
    [InlineData("1.5GiB")]
    [InlineData("-1")]
    [InlineData("12XB")]
    [InlineData("")]
    [InlineData("OFF")]
    public void Bad_gomemlimit_is_refused_naming_GOMEMLIMIT(string text) =>
        Assert.Equal(GoSettings.MemoryLimitName, Assert.Throws<KitInputException>(() => GoSettings.ParseMemoryLimit(text)).Parameter);

    [Theory]
    [InlineData("0")]
    [InlineData("257")]
    [InlineData("-1")]
    [InlineData("+4")]
    [InlineData("4.0")]
    [InlineData("")]
    public void Gomaxprocs_has_one_range(string text) =>
        Assert.Equal(GoSettings.ProcsName, Assert.Throws<KitInputException>(() => GoSettings.ParseProcs(text)).Parameter);

    [Fact]
    public void Every_model_config_takes_the_same_settings_and_limits()
    {
        var s = GoSettings.Default.WithGogc("off").WithMemoryLimit("64MiB").WithProcs(8).WithVersion("1.21");
        Assert.Equal(s, GcConfig.Default.WithSettings(s).Settings);
        Assert.Equal(s, GcSimOptions.Default.WithSettings(s).Settings);
        Assert.Equal(s, ProcessConfig.Default.WithSettings(s).Settings);
        Assert.Equal(s.WithoutMemoryLimit(), AllocatorConfig.Default.WithSettings(s).Settings); // no GOMEMLIMIT in the allocator model
        Assert.Equal(GoSettings.Default.WithProcs(8).WithVersion("1.21"), SchedConfig.Default.WithSettings(s).Settings); // only GOMAXPROCS and the release
        var guide = GuideConfig.Default.WithSettings(s);
        Assert.Null(guide.Gogc);
        Assert.Equal(64, guide.MemoryLimit);

        // The same GOMAXPROCS limit in every config, named the same way.
        foreach (var set in new Action[]
                 {
                     () => GcConfig.Default.WithProcs(257), () => GcSimOptions.Default.WithProcs(257), () => ProcessConfig.Default.WithProcs(257),
                     () => AllocatorConfig.Default.WithProcs(257), () => SchedConfig.Default.WithProcs(257),
                 })
            Assert.Equal(GoSettings.ProcsName, Assert.Throws<KitInputException>(set).Parameter);

        // Any negative GOGC is off in every config.
        Assert.Equal(-1, GcConfig.Default.WithGogc(-7).Gogc);
        Assert.Equal(-1, GcSimOptions.Default.WithGogc(-7).Gogc);
        Assert.Equal(-1, ProcessConfig.Default.WithGogc(-7).Gogc);
        Assert.Equal(-1, AllocatorConfig.Default.WithGogc(-7).Gogc);
        Assert.Null(GuideConfig.Default.WithGogc(-7).Gogc);
    }

    [Fact]
    public void A_release_a_model_does_not_cover_is_refused_under_the_one_name()
    {
        var old = GoSettings.Default.WithVersion("1.18");
        Assert.Equal(GoSettings.VersionName, Assert.Throws<KitInputException>(() => GcConfig.Default.WithSettings(old)).Parameter);
        Assert.Equal(GoSettings.VersionName, Assert.Throws<KitInputException>(() => GcSimOptions.Default.WithSettings(old)).Parameter);
        Assert.Equal(GoSettings.VersionName, Assert.Throws<KitInputException>(() => AllocatorConfig.Default.WithSettings(old)).Parameter);
        Assert.Equal(GoSettings.VersionName, Assert.Throws<KitInputException>(() => GoSettings.ParseVersion("banana")).Parameter);
    }

    [Fact]
    public void An_error_relabelled_for_a_front_end_keeps_its_reason()
    {
        var e = Assert.Throws<KitInputException>(() => GoSettings.ParseProcs("0"));
        var cli = e.WithParameter("--procs");
        Assert.Equal("--procs", cli.Parameter);
        Assert.Equal("--procs: " + e.Reason, cli.Message);
    }
}
