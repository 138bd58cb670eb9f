
namespace GoRuntimeLab.Tests;

/// <summary>Cases from Go's own time/time_test.go (parseDurationTests, durationTests), Go 1.19.</summary>
public sealed class GoDurationTests
{
    [Theory]
    [InlineData("0", 0L)]
    [InlineData("5s", 5_000_000_000L)]
    [InlineData("30s", 30_000_000_000L)]
    [InlineData("1478s", 1_478_000_000_000L)]
    [InlineData("-5s", -5_000_000_000L)]
    [InlineData("+5s", 5_000_000_000L)]
    [InlineData("5.0s", 5_000_000_000L)]
    [InlineData("5.6s", 5_600_000_000L)]
    [InlineData("5.s", 5_000_000_000L)]
    [InlineData(".5s", 500_000_000L)]
    [InlineData("1.004s", 1_004_000_000L)]
    [InlineData("10ns", 10L)]
    [InlineData("11us", 11_000L)]
    [InlineData("12µs", 12_000L)]
    [InlineData("12μs", 12_000L)]
    [InlineData("13ms", 13_000_000L)]
    [InlineData("15m", 900_000_000_000L)]
    [InlineData("16h", 57_600_000_000_000L)]
    [InlineData("3h30m", 12_600_000_000_000L)]
    [InlineData("10.5s4m", 250_500_000_000L)]
    [InlineData("1h2m3s4ms5us6ns", 3_723_004_005_006L)]
    [InlineData("39h9m14.425s", 0L)]
    [InlineData("9223372036854775807ns", long.MaxValue)]
    [InlineData("-9223372036854775808ns", long.MinValue)]
    public void Parses_like_go(string text, long ns)
    {
        if (text == "39h9m14.425s") ns = ((39L * 60 + 9) * 60 + 14) * 1_000_000_000 + 425_000_000;
        Assert.Equal(ns, GoDuration.Parse(text));
    }

    [Theory]
    [InlineData("", "time: invalid duration \"\"")]
    [InlineData("3", "time: missing unit in duration \"3\"")]
    [InlineData("-", "time: invalid duration \"-\"")]
    [InlineData("s", "time: invalid duration \"s\"")]
    [InlineData(".", "time: invalid duration \".\"")]
    [InlineData("-.", "time: invalid duration \"-.\"")]
    [InlineData(".s", "time: invalid duration \".s\"")]
    [InlineData("+.s", "time: invalid duration \"+.s\"")]
    [InlineData("3000000h", "time: invalid duration \"3000000h\"")]
    [InlineData("9223372036854775808ns", "time: invalid duration \"9223372036854775808ns\"")]
    [InlineData("5x", "time: unknown unit \"x\" in duration \"5x\"")]
    public void Rejects_what_go_rejects_with_gos_message(string text, string message)
    {
        Assert.False(GoDuration.TryParse(text, out _, out var error));
        Assert.Equal(message, error);
        var e = Assert.Throws<KitInputException>(() => GoDuration.Parse(text, "--duration"));
        Assert.Equal("--duration", e.Parameter);
    }

    [Theory]
    [InlineData(0L, "0s")]
    [InlineData(1L, "1ns")]
    [InlineData(1100L, "1.1µs")]
    [InlineData(2_200_000L, "2.2ms")]
    [InlineData(3_300_000_000L, "3.3s")]
    [InlineData(240_000_000_000L + 5_000_000_000L, "4m5s")]
    [InlineData(240_000_000_000L + 5_001_000_000L, "4m5.001s")]
    [InlineData(18_000_000_000_000L + 360_000_000_000L + 5_001_000_000L, "5h6m5.001s")]
    [InlineData(28_800_000_000_000L + 1L, "8h0m0.000000001s")]
    [InlineData(long.MaxValue, "2562047h47m16.854775807s")]
    [InlineData(-1L, "-1ns")]
    public void Formats_like_duration_string(long ns, string text) => Assert.Equal(text, GoDuration.Format(ns));
}
