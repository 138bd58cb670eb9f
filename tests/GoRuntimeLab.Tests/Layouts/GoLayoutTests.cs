using GoRuntimeLab.Layouts;

namespace GoRuntimeLab.Tests.Layouts;

/// <summary>
/// Hand-checked layouts, each one also confirmed by the real compiler (go tool compile -S of unsafe.Sizeof/Offsetof
/// tables, Go 1.19.8, the method of data/go/layoutgen); the generated-struct recordings cover the rest.
/// </summary>
public class GoLayoutTests
{
    [Fact]
    public void Bool_int64_bool_pads_to_24_on_amd64_and_fieldalignment_packs_it_into_16()
    {
        var t = GoLayout.Analyze("type T struct { a bool; b int64; c bool }")["T"];
        Assert.Equal((24L, 8L, 14L), (t.Size, t.Align, t.Padding));
        Assert.Equal([0L, 8L, 16L], t.Fields.Select(f => f.Offset));
        Assert.Equal([0L, 7L, 0L], t.Fields.Select(f => f.PaddingBefore));
        Assert.Equal(16, t.Optimal.Size);
        Assert.Equal(["b", "a", "c"], t.Optimal.Order);
    }

    [Theory]
    [InlineData("386", 16, 4, 4, 12)]
    [InlineData("arm", 16, 4, 4, 12)]
    [InlineData("arm64", 24, 8, 8, 16)]
    public void Eight_byte_values_align_to_the_register_size(string arch, long size, long align, long offsetB, long offsetC)
    {
        var t = GoLayout.Analyze("type T struct { a bool; b float64; c bool }", arch)["T"];
        Assert.Equal((size, align), (t.Size, t.Align));
        Assert.Equal([0L, offsetB, offsetC], t.Fields.Select(f => f.Offset));
    }

    [Theory]
    [InlineData("amd64", "struct { a int64; z struct{} }", 16, 8)]
    [InlineData("386", "struct { a int64; z struct{} }", 12, 4)]
    [InlineData("amd64", "struct { a byte; z [0]int64 }", 16, 8)]   // z is rounded to 8, then the extra byte
    [InlineData("amd64", "struct { z struct{}; a byte }", 1, 1)]     // leading zero-size fields cost nothing
    [InlineData("amd64", "struct { z [0]int64 }", 0, 8)]             // an all-zero struct stays 0 bytes
    [InlineData("amd64", "struct {}", 0, 1)]
    [InlineData("amd64", "struct { a [0]int32; b int8; c [0]int32 }", 8, 4)]
    [InlineData("386", "struct { c complex64; s string; e error; m map[int]int; f func() }", 32, 4)]
    [InlineData("amd64", "struct { c complex64; s string; e error; m map[int]int; f func() }", 56, 8)]
    [InlineData("amd64", "struct { x []byte; y interface{ M() }; p unsafe.Pointer; ch <-chan int; a [3]uint16 }", 64, 8)]
    public void Trailing_zero_size_fields_and_every_kind_have_the_compilers_size(string arch, string type, long size, long align)
    {
        var t = GoLayout.Analyze($"import \"unsafe\"\ntype T {type}\nvar _ unsafe.Pointer", arch)["T"];
        Assert.Equal((size, align), (t.Size, t.Align));
    }

    [Fact]
    public void Reads_groups_multiple_names_embedded_fields_tags_comments_and_skips_funcs()
    {
        const string source = """
            package demo

            import (
                "fmt"
                "unsafe"
            )

            // Point is a point.
            type (
                Point struct{ X, Y int32 }
                Alias = Point
                List  []Point
            )

            type Shape struct {
                Point              `json:"p"`
                *List
                Name, Kind string  // two fields
                inner      struct {
                    ok bool
                    n  [0x2]Alias
                }
                /* a comment
                   on two lines */
                _ [3]byte
                _ [5]byte
            }

            func (s *Shape) String() string { return fmt.Sprint(unsafe.Sizeof(*s), "}") }

            var x = struct{ a int }{1}
            """;
        var report = GoLayout.Analyze(source, "amd64", "demo.go");
        Assert.Equal(["Point", "Alias", "List", "Shape"], report.Types.Select(t => t.Name));
        var shape = report["Shape"];
        Assert.Equal(["Point", "List", "Name", "Kind", "inner", "_", "_"], shape.Fields.Select(f => f.Name));
        Assert.Equal([0L, 8L, 16L, 32L, 48L, 68L, 71L], shape.Fields.Select(f => f.Offset));
        Assert.Equal(80, shape.Size);
        Assert.Equal("struct{ok bool; n [2]Alias}", shape.Fields[4].Type);
        Assert.Equal("*List", shape.Fields[1].Type);
        Assert.Equal(8, report["Alias"].Size);
        Assert.Equal(GoTypeKind.Slice, report["List"].Kind);
        Assert.Equal("struct", report["Alias"].KindName);
    }

    [Theory]
    [InlineData("package p\n\nimport \"sync\"\n\ntype T struct {\n\tmu sync.Mutex\n}\n", 6, "sync.Mutex")]
    [InlineData("package p\ntype T[P any] struct{ v P }\n", 2, "generic")]
    [InlineData("package p\nconst N = 3\ntype T struct{\n a [N]int\n}\n", 4, "integer literal")]
    [InlineData("package p\ntype T struct{ a Missing }\n", 2, "undefined: Missing")]
    [InlineData("package p\ntype T struct{\n\tnext T\n}\n", 2, "invalid recursive type T")]
    [InlineData("package p\ntype T struct{ a int; a bool }\n", 2, "duplicate field a")]
    [InlineData("package p\ntype T struct{ a int\n", 2, "struct not closed")]
    [InlineData("package p\ntype T [4611686018427387904]int64\n", 2, "larger than address space")]
    [InlineData("package p\ntype T [1 << 10]int64\n", 2, "integer literal")]
    [InlineData("package p\ntype T struct{ a \"x }\n", 2, "not terminated")]
    [InlineData("type T struct{}\n", 1, "package")]
    [InlineData("package p\ntype I interface{ M() }\ntype T struct{\n\t*I\n}\n", 4, "pointer to an interface")]
    [InlineData("package p\ntype P *int\ntype T struct{ P }\n", 3, "cannot be a pointer")]
    [InlineData("package p\ntype T struct{\n\tc chan [65536]byte\n}\n", 3, "channel element type too large")]
    public void Unsupported_or_invalid_syntax_names_the_file_and_line(string source, int line, string what)
    {
        var e = Assert.Throws<KitInputException>(() => GoLayout.Analyze(GoTypeParser.Parse(source, "bad.go"), GoArch.Amd64));
        Assert.Equal("bad.go", e.FilePath);
        Assert.Equal(line, e.Line);
        Assert.Contains(what, e.Message, StringComparison.Ordinal);
        Assert.StartsWith($"bad.go:{line}: ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Types_that_are_too_large_for_32_bit_targets_are_refused_there_only()
    {
        const string source = "type T [2147483648]byte";
        Assert.Equal(1L << 31, GoLayout.Analyze(source, "amd64")["T"].Size);
        Assert.Throws<KitInputException>(() => GoLayout.Analyze(source, "386"));
    }

    [Theory]
    [InlineData("type E error", "interface", 16)]
    [InlineData("type B int16", "basic", 2)]
    [InlineData("type P *B; type B int16", "pointer", 8)]
    [InlineData("type U unsafe.Pointer", "unsafe.Pointer", 8)]
    [InlineData("type C <-chan int", "chan", 8)]
    public void Types_that_are_not_structs_have_a_kind_a_size_and_no_fields(string source, string kind, long size)
    {
        var t = GoLayout.Analyze(source).Types[0];
        Assert.Equal((kind, size), (t.KindName, t.Size));
        Assert.Empty(t.Fields);
        Assert.Equal(size, t.Optimal.Size);
    }

    [Fact]
    public void An_unknown_architecture_is_refused_under_arch()
    {
        var e = Assert.Throws<KitInputException>(() => GoLayout.Analyze("type T int", "riscv64"));
        Assert.Equal(GoArch.ParameterName, e.Parameter);
    }

    [Fact]
    public void Fieldalignment_puts_zero_size_first_then_alignment_then_pointers_before_scalars()
    {
        var t = GoLayout.Analyze("type T struct { a bool; z struct{}; n int64; b bool; p *int; s string; u uint64 }")["T"];
        // z (zero size); then align 8: p (trailing scalar bytes 0) before s (8), then pointer-free n, u as declared; then a, b.
        Assert.Equal(["z", "p", "s", "n", "u", "a", "b"], t.Optimal.Order);
        Assert.Equal(48, t.Optimal.Size);
        Assert.Equal(56, t.Size);
    }
}
