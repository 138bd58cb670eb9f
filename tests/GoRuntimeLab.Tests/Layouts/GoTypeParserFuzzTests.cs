using GoRuntimeLab.Layouts;

namespace GoRuntimeLab.Tests.Layouts;

/// <summary>Bad Go is refused with a KitInputException naming file:line — never another exception, a hang or a crash.</summary>
public class GoTypeParserFuzzTests
{
    private static readonly string[] Vocabulary =
    [
        "package", "p", "type", "T", "U", "struct", "{", "}", "[", "]", "(", ")", "*", ",", ";", "\n", "map", "chan", "<-", "func",
        "interface", "int64", "bool", "string", "unsafe", ".", "Pointer", "0", "3", "0x10", "=", "`tag`", "\"s\"", "'x'", "import", "var",
        "const", "...", "_", "a", "b", "/*", "*/", "//", "error", "[0]", "1_0", "09", "0b2", "é", "\u0001",
    ];

    [Fact]
    public void Random_token_soup_only_ever_raises_kit_input_errors()
    {
        var random = new Random(13);
        var parsed = 0;
        for (var n = 0; n < 3000; n++)
        {
            var words = Enumerable.Range(0, random.Next(1, 40)).Select(_ => Vocabulary[random.Next(Vocabulary.Length)]);
            var source = "package p\ntype T " + string.Join(" ", words);
            try
            {
                var report = GoLayout.Analyze(source, GoArch.All[n % 4].Name, "fuzz.go");
                foreach (var t in report.Types.Where(t => t.Kind == GoTypeKind.Struct)) t.CacheLines();
                parsed++;
            }
            catch (KitInputException e)
            {
                Assert.StartsWith("fuzz.go:", e.Message, StringComparison.Ordinal);
                Assert.NotNull(e.Line);
            }
        }
        Assert.InRange(parsed, 1, 2999);
    }

    [Theory]
    [InlineData("*", "")]
    [InlineData("[]", "")]
    [InlineData("[1]", "")]
    [InlineData("struct{ a ", "}")]
    [InlineData("map[int]", "")]
    public void Types_nested_deeper_than_the_limit_are_refused_not_a_stack_overflow(string open, string close)
    {
        var deep = $"type T {string.Concat(Enumerable.Repeat(open, 100_000))}int{string.Concat(Enumerable.Repeat(close, 100_000))}";
        var e = Assert.Throws<KitInputException>(() => GoLayout.Analyze(deep));
        Assert.Contains("nesting depth", e.Message, StringComparison.Ordinal);
        var fine = $"type T {string.Concat(Enumerable.Repeat(open, 100))}int{string.Concat(Enumerable.Repeat(close, 100))}";
        Assert.True(GoLayout.Analyze(fine)["T"].Size > 0);
    }

    [Fact]
    public void A_long_chain_of_declared_types_is_refused_and_a_doubling_chain_is_fast()
    {
        var chain = string.Join("\n", Enumerable.Range(0, 5000).Select(i => $"type T{i} [1]T{i + 1}")) + "\ntype T5000 int8";
        var e = Assert.Throws<KitInputException>(() => GoLayout.Analyze(chain));
        Assert.Contains("nested in one another", e.Message, StringComparison.Ordinal);

        // Each type holds the previous one twice: 2^40 visits without memoisation.
        var doubling = "type S0 struct{ a int32; b bool }\n" + string.Join("\n", Enumerable.Range(1, 40).Select(i => $"type S{i} struct{{ x, y S{i - 1}; z [0]S{i - 1} }}"));
        var layout = GoLayout.Analyze(doubling);
        Assert.Equal((12L << 20) - 4, layout["S20"].Size); // S(i) = 2·S(i−1) + 1 trailing byte, rounded to 4 (the compiler: S3 = 92)
    }

    [Fact]
    public void A_struct_too_large_to_map_onto_lines_is_refused_by_name()
    {
        var big = GoLayout.Analyze("type T struct{ a [1 << 0]byte; b [1099511627776]byte; c bool }".Replace("1 << 0", "1", StringComparison.Ordinal))["T"];
        var e = Assert.Throws<KitInputException>(() => big.CacheLines());
        Assert.Equal("type", e.Parameter);
    }
}
