using GoRuntimeLab.IO;

namespace GoRuntimeLab.Tests.IO;

public class KitTextTests
{
    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData("\u001b[2Jcleared", "\\x1b[2Jcleared")]
    [InlineData("a\tb\rc\nd\0", "a\\tb\\rc\\nd\\x00")]
    [InlineData("\u009b31m", "\\x9b31m")]
    [InlineData("line\u2028sep", "line\\u2028sep")]
    [InlineData("中文 Go 😀", "中文 Go 😀")]
    public void Control_characters_are_escaped_and_text_kept(string input, string expected)
    {
        Assert.Equal(expected, KitText.Excerpt(input));
        Assert.True(KitText.IsSafe(KitText.Excerpt(input)));
    }

    [Fact]
    public void Long_text_is_cut_with_an_ellipsis()
    {
        Assert.Equal(new string('x', 80) + "…", KitText.Excerpt(new string('x', 10_000)));
        Assert.Equal("abc…", KitText.Excerpt("abcdef", 3));
        Assert.Equal("", KitText.Excerpt((string?)null));
        Assert.False(KitText.IsSafe("a\u001bb"));
        Assert.Equal("\\ud800lone", KitText.Excerpt("\ud800lone"));
    }
}
