using CsCheck;
using GoRuntimeLab.Gc.Pacer;

namespace GoRuntimeLab.Tests.Gc.Pacer;

/// <summary>GcConfig validation and the GOGC/GOMEMLIMIT parsers (readGOGC, parseByteCount in runtime/string.go).</summary>
public class GcConfigTests
{
    [Fact]
    public void Default_and_with_copies()
    {
        var d = GcConfig.Default;
        Assert.Equal((100, long.MaxValue, 8, GoVersion.Latest), (d.Gogc, d.MemoryLimit, d.Procs, d.Version));
        var c = d.WithGogc(200).WithMemoryLimit("64MiB").WithProcs(2).WithVersion("1.19");
        Assert.Equal((200, 64L << 20, 2, GoVersion.Go1_19), (c.Gogc, c.MemoryLimit, c.Procs, c.Version));
        Assert.Equal(100, d.Gogc); // the original is unchanged
        Assert.True(c.HasMemoryLimit);
        Assert.False(c.WithoutMemoryLimit().HasMemoryLimit);
        Assert.True(d.WithGogc("off").GcOff);
        Assert.Equal("GOGC=200 GOMEMLIMIT=64MiB GOMAXPROCS=2 go1.19", c.ToString());
        Assert.Equal(c, d.WithGogc(200).WithMemoryLimit(64L << 20).WithProcs(2).WithVersion(GoVersion.Go1_19));
    }

    [Theory]
    [InlineData("GOMEMLIMIT", "limit")]
    [InlineData("GOMAXPROCS", "procs")]
    [InlineData("version", "version")]
    public void Bad_values_name_the_parameter(string parameter, string which)
    {
        var e = Assert.Throws<KitInputException>(() => which switch
        {
            "limit" => GcConfig.Default.WithMemoryLimit(-1), // 0 is a valid GOMEMLIMIT in Go
            "procs" => GcConfig.Default.WithProcs(0),
            _ => GcConfig.Default.WithVersion("1.18"),
        });
        Assert.Equal(parameter, e.Parameter);
        Assert.StartsWith(parameter + ": ", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("off", -1)]
    [InlineData("100", 100)]
    [InlineData("0", 0)]
    [InlineData("-5", -1)]
    [InlineData("2147483647", int.MaxValue)]
    [InlineData("-", -1 + 1)] // atoi64("-") is (0, true) in Go: GOGC=- means 0
    public void Gogc_parses_like_readGOGC(string text, int value) => Assert.Equal(value, GoGcSetting.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("+100")]
    [InlineData("1e3")]
    [InlineData("OFF")]
    [InlineData(" 100")]
    [InlineData("2147483648")]
    public void Gogc_rejects_what_go_would_read_as_100(string text)
    {
        Assert.Equal("GOGC", Assert.Throws<KitInputException>(() => GoGcSetting.Parse(text)).Parameter);
        Assert.Equal(100, GoGcSetting.ReadLikeGo(text));
    }

    [Theory]
    [InlineData("off", long.MaxValue)]
    [InlineData("", long.MaxValue)]
    [InlineData("0", 0L)]
    [InlineData("1024", 1024L)]
    [InlineData("12B", 12L)]
    [InlineData("1KiB", 1024L)]
    [InlineData("64MiB", 64L << 20)]
    [InlineData("3GiB", 3L << 30)]
    [InlineData("2TiB", 2L << 40)]
    [InlineData("8388607TiB", 8388607L << 40)]
    [InlineData("9223372036854775807", long.MaxValue)]
    public void Memory_limit_parses_like_parseByteCount(string text, long bytes) => Assert.Equal(bytes, MemoryLimit.Parse(text));

    [Theory]
    [InlineData("12XB", "unknown unit \"XB\"")]
    [InlineData("64MB", "unknown unit \"MB\"")]
    [InlineData("1.5GiB", "is not an integer")]
    [InlineData("-1", "negative")]
    [InlineData("-1MiB", "negative")]
    [InlineData("10K", "unknown suffix 'K'")]
    [InlineData("B", "unknown suffix 'B'")]
    [InlineData("iB", "no digits")]
    [InlineData("1PiB", "unknown unit \"PiB\"")]
    [InlineData("8388608TiB", "overflows")]
    [InlineData("9223372036854775808", "is not an integer")]
    public void Memory_limit_rejects_bad_text_saying_why(string text, string why)
    {
        var e = Assert.Throws<KitInputException>(() => MemoryLimit.Parse(text));
        Assert.Equal("GOMEMLIMIT", e.Parameter);
        Assert.Contains(why, e.Message, StringComparison.Ordinal);
        Assert.False(MemoryLimit.TryParseByteCount(text, out _));
    }

    [Fact]
    public void Format_and_parse_round_trip()
    {
        // Whole binary units (k × 1024^u, ±1) as well as arbitrary byte counts, so every suffix branch is exercised.
        var unitSized = Gen.Select(Gen.Long[0, 8_388_607], Gen.Int[0, 4], Gen.Int[-1, 1], (k, u, d) => Math.Max(0, (k << (10 * u)) + d));
        Gen.OneOf(unitSized, Gen.Long[0, long.MaxValue]).Sample(n => MemoryLimit.Parse(MemoryLimit.Format(n)) == n, iter: 2000);
        Gen.OneOf(Gen.Const(-1), Gen.Int[0, 1000], Gen.Int[-1, int.MaxValue]).Sample(n => GoGcSetting.Parse(GoGcSetting.Format(n)) == n);
        Assert.Equal("64KiB", MemoryLimit.Format(64L << 10));
        Assert.Equal("3TiB", MemoryLimit.Format(3L << 40));
        Assert.Equal("off", GoGcSetting.Format(-1));
        Assert.Equal("512MiB", MemoryLimit.Format(512L << 20));
        Assert.Equal("off", MemoryLimit.Format(MemoryLimit.None));
    }

    [Fact]
    public void Parsers_never_throw_anything_but_kit_input_errors()
    {
        // Strings over the parsers' own alphabet (digits, unit letters, signs), so numbers, suffixes and overflow are reached.
        var text = Gen.String[Gen.Char["0123456789KMGTiB+-. off"], 0, 24];
        Gen.OneOf(text, Gen.String).Sample(s =>
        {
            var parsed = MemoryLimit.TryParseByteCount(s, out _);
            try
            {
                MemoryLimit.Parse(s);
                if (s.Length > 0 && s != "off" && !parsed) return false; // Parse must agree with parseByteCount
            }
            catch (KitInputException e)
            {
                if (e.Parameter != "GOMEMLIMIT" || parsed) return false;
            }

            try { GoGcSetting.Parse(s); }
            catch (KitInputException e) { if (e.Parameter is null) return false; }
            return true;
        }, iter: 3000);
    }
}
