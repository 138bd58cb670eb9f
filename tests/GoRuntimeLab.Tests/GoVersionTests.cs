using CsCheck;

namespace GoRuntimeLab.Tests;

public class GoVersionTests
{
    [Theory]
    [InlineData("1.23", 1, 23, 0)]
    [InlineData("go1.19.8", 1, 19, 8)]
    [InlineData("1.19.8", 1, 19, 8)]
    [InlineData("go1.22rc1", 1, 22, 0)]
    [InlineData("go1.21beta1", 1, 21, 0)]
    [InlineData("go1.21.0", 1, 21, 0)]
    [InlineData("go1", 1, 0, 0)]
    [InlineData("  go1.20.14 ", 1, 20, 14)]
    public void Parse_accepts_go_spellings(string text, int major, int minor, int patch) =>
        Assert.Equal(new GoVersion(major, minor, patch), GoVersion.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("go")]
    [InlineData("1.")]
    [InlineData("1..2")]
    [InlineData("go1.19.8.1")]
    [InlineData("-1.19")]
    [InlineData("1.-19")]
    [InlineData("v1.19")]
    [InlineData("go1.22rc")]
    [InlineData("go1.22.1rc1")]
    [InlineData("go1.22alpha1")]
    [InlineData("1.99999999999")]
    [InlineData("devel go1.24-abcdef")]
    public void Parse_rejects_non_versions_with_KitInputException(string text)
    {
        var e = Assert.Throws<KitInputException>(() => GoVersion.Parse(text));
        Assert.Equal("version", e.Parameter);
        Assert.False(GoVersion.TryParse(text, out _));
    }

    [Fact]
    public void TryParse_of_null_is_false() => Assert.False(GoVersion.TryParse(null, out _));

    [Theory]
    [InlineData(1, 23, 0, "go1.23")]
    [InlineData(1, 19, 8, "go1.19.8")]
    [InlineData(1, 0, 0, "go1.0")]
    public void ToString_is_gos_spelling_without_a_zero_patch(int major, int minor, int patch, string expected) =>
        Assert.Equal(expected, new GoVersion(major, minor, patch).ToString());

    [Fact]
    public void Comparison_orders_by_minor_then_patch_not_as_text()
    {
        // As strings, "go1.9" > "go1.19" and "1.19.10" < "1.19.9": the numbers must be compared, not the text.
        Assert.True(GoVersion.Parse("1.9") < GoVersion.Parse("1.19"));
        Assert.True(GoVersion.Parse("1.19.10") > GoVersion.Parse("1.19.9"));
        Assert.True(GoVersion.Parse("1.19.8") < GoVersion.Go1_20);
        Assert.True(GoVersion.Go1_21 <= GoVersion.Parse("go1.21rc2"));
        Assert.True(GoVersion.Go1_21 >= GoVersion.Parse("go1.21rc2"));
        var same = GoVersion.Parse("go1.22.0");
        Assert.False(GoVersion.Go1_22 > same);
        Assert.True(GoVersion.Go1_22 >= same && GoVersion.Go1_22 <= same);
        Assert.True(GoVersion.Parse("go1.21.3").AtLeast(GoVersion.Go1_21));
        Assert.False(GoVersion.Parse("go1.20.99").AtLeast(GoVersion.Go1_21));
    }

    [Fact]
    public void Well_known_versions_are_ordered_and_Latest_is_the_newest()
    {
        GoVersion[] known = [GoVersion.Go1_19, GoVersion.Go1_20, GoVersion.Go1_21, GoVersion.Go1_22, GoVersion.Go1_23];
        Assert.Equal(known.Select(v => v.Minor), [19, 20, 21, 22, 23]);
        Assert.Equal(known, known.Order());
        Assert.Equal(known.Max(), GoVersion.Latest);
        Assert.Equal(GoVersion.Parse("1.23"), GoVersion.Latest);
    }

    [Fact]
    public void ToString_round_trips_through_Parse_and_CompareTo_agrees_with_tuple_order()
    {
        var gen = Gen.Select(Gen.Int[0, 3], Gen.Int[0, 40], Gen.Int[0, 30], (a, b, c) => new GoVersion(a, b, c));
        gen.Sample(v => Assert.Equal(v, GoVersion.Parse(v.ToString())));
        Gen.Select(gen, gen).Sample(p =>
        {
            var (a, b) = p;
            var expected = (a.Major, a.Minor, a.Patch).CompareTo((b.Major, b.Minor, b.Patch));
            Assert.Equal(Math.Sign(expected), Math.Sign(a.CompareTo(b)));
            Assert.Equal(expected < 0, a < b);
            Assert.Equal(expected == 0, a == b);
        });
    }

    [Fact]
    public void Random_text_never_throws_anything_but_KitInputException()
    {
        Gen.String.Sample(s =>
        {
            try { GoVersion.Parse(s); }
            catch (KitInputException) { }
        });
        Gen.Char["go1.2349rcbeta- "].Array[0, 12].Select(cs => new string(cs)).Sample(s =>
        {
            try { GoVersion.Parse(s); }
            catch (KitInputException) { }
        });
    }
}
