using System.Text;
using GoRuntimeLab.IO;

namespace GoRuntimeLab.Tests.IO;

public class KitLineReaderTests
{
    private static readonly KitReadLimits Limits = new("test log", 1000, MaxLineChars: 10);

    private static List<string> Lines(string text, KitReadLimits? limits = null)
    {
        using var r = new KitLineReader(new StringReader(text), "t.txt", limits ?? Limits);
        return [.. r.Lines()];
    }

    [Theory]
    [InlineData("", new string[0])]
    [InlineData("a", new[] { "a" })]
    [InlineData("a\n", new[] { "a" })]
    [InlineData("a\n\nb", new[] { "a", "", "b" })]
    [InlineData("a\r\nb\r\n", new[] { "a", "b" })]
    [InlineData("a\rb\n", new[] { "a\rb" })]
    public void Lines_end_at_newline_and_one_carriage_return_before_it_is_dropped(string text, string[] expected) =>
        Assert.Equal(expected, Lines(text));

    [Fact]
    public void Line_numbers_count_returned_lines_and_peeking_does_not_move()
    {
        using var r = new KitLineReader(new StringReader("one\ntwo\nthree"), "t.txt", Limits);
        Assert.Equal("one", r.PeekLine());
        Assert.Equal(0, r.LineNumber);
        Assert.Equal("one", r.ReadLine());
        Assert.Equal(1, r.LineNumber);
        Assert.Equal("two", r.ReadLine());
        Assert.Equal("three", r.PeekLine());
        Assert.Equal("three", r.ReadLine());
        Assert.Equal(3, r.LineNumber);
        Assert.Null(r.PeekLine());
        Assert.Null(r.ReadLine());
    }

    [Fact]
    public void A_line_past_the_limit_is_refused_with_its_number()
    {
        Assert.Equal(["0123456789"], Lines("0123456789\r\n"));
        var e = Assert.Throws<KitInputLimitException>(() => Lines("ok\n0123456789A\n"));
        Assert.Equal("t.txt:2: line longer than 10 characters, the limit for a test log", e.Message);
        Assert.Equal(2, e.Line);
        Assert.Equal(10, e.Limit);
        var big = new KitReadLimits("test log", 1L << 30, MaxLineChars: 100);
        Assert.Throws<KitInputLimitException>(() => Lines(new string('x', 100_000), big));
    }

    [Fact]
    public void The_size_limit_counts_bytes_from_a_stream_and_characters_from_a_reader()
    {
        var text = string.Concat(Enumerable.Repeat("123456789\n", 101)); // 1010 characters
        var e = Assert.Throws<KitInputLimitException>(() => Lines(text));
        Assert.StartsWith("t.txt: more than 1000 bytes, the limit for a test log", e.Message, StringComparison.Ordinal);
        using var exact = KitLineReader.FromStream(new MemoryStream(Encoding.UTF8.GetBytes(text[..1000])), "s.txt", Limits);
        Assert.Equal(100, exact.Lines().Count());
        using var over = KitLineReader.FromStream(new MemoryStream(Encoding.UTF8.GetBytes(text)), "s.txt", Limits);
        Assert.Throws<KitInputLimitException>(() => over.Lines().Count());
    }

    [Fact]
    public void A_byte_order_mark_is_skipped_and_invalid_utf8_becomes_replacement_characters()
    {
        using var r = KitLineReader.FromStream(new MemoryStream([0xef, 0xbb, 0xbf, (byte)'a', 0xff, (byte)'\n']), "s.txt", Limits);
        Assert.Equal("a\uFFFD", r.ReadLine());
    }
}
