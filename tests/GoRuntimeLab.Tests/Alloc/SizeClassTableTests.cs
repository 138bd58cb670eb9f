using GoRuntimeLab.Alloc;

namespace GoRuntimeLab.Tests.Alloc;

/// <summary>The tables copied into <see cref="SizeClasses"/> against runtime/sizeclasses.go of Go 1.19.8 and 1.23.5.</summary>
public class SizeClassTableTests
{
    public static TheoryData<string> Sources()
    {
        var data = new TheoryData<string>();
        foreach (var release in (string[])["1.19.8", "1.23.5"])
            foreach (var path in GoSizeClassSource.Paths(release)) data.Add(path);
        return data;
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public void The_arrays_equal_the_go_source(string path)
    {
        var go = GoSizeClassSource.Read(path);
        Assert.Equal(SizeClasses.NumSizeClasses, go.ClassToSize.Length);
        for (var c = 0; c < SizeClasses.NumSizeClasses; c++)
        {
            Assert.Equal(go.ClassToSize[c], SizeClasses.ClassSize(c));
            Assert.Equal(go.ClassToAllocNPages[c], SizeClasses.ClassPages(c));
        }
        Assert.Equal(129, go.SizeToClass8.Length);
        Assert.Equal(249, go.SizeToClass128.Length);
        // The lookup tables, through ClassFor at the sizes each entry stands for.
        for (var i = 1; i < go.SizeToClass8.Length - 1; i++) Assert.Equal(go.SizeToClass8[i], SizeClasses.ClassFor(i * 8));
        for (var i = 1; i < go.SizeToClass128.Length; i++) Assert.Equal(go.SizeToClass128[i], SizeClasses.ClassFor(1024 + i * 128));
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public void The_printed_table_equals_the_comment_in_the_go_source(string path)
    {
        // objects, tail waste, max waste and min align are computed as mksizeclasses.go does; Go's comment is the oracle.
        Assert.Equal(GoSizeClassSource.Read(path).CommentTable, SizeClasses.FormatTable());
    }

    [Fact]
    public void Go_1_19_and_1_23_have_identical_tables()
    {
        var a = GoSizeClassSource.Read(GoSizeClassSource.Paths("1.19.8").First());
        var b = GoSizeClassSource.Read(GoSizeClassSource.Paths("1.23.5").First());
        Assert.Equal(a.CommentTable, b.CommentTable);
        Assert.Equal(a.ClassToSize, b.ClassToSize);
        Assert.Equal(a.ClassToAllocNPages, b.ClassToAllocNPages);
        Assert.Equal(a.SizeToClass8, b.SizeToClass8);
        Assert.Equal(a.SizeToClass128, b.SizeToClass128);
    }

    [Fact]
    public void The_committed_copies_are_the_installed_sources_when_present()
    {
        foreach (var release in (string[])["1.19.8", "1.23.5"])
        {
            var paths = GoSizeClassSource.Paths(release).ToList();
            if (paths.Count == 2) Assert.Equal(File.ReadAllText(paths[1]), File.ReadAllText(paths[0]));
        }
    }

    [Fact]
    public void Rows_match_the_anchor_examples()
    {
        Assert.Equal(67, SizeClasses.Rows.Count);
        Assert.Equal(new SizeClassRow(1, 8, 8192, 1024, 0, 87.5, 8), SizeClasses.Row(1));
        var r5 = SizeClasses.Row(5);
        Assert.Equal((48, 170, 32), (r5.Size, r5.Objects, r5.TailWaste));
        Assert.Equal((32768, 1), (SizeClasses.Row(67).Size, SizeClasses.Row(67).Objects));
        Assert.Equal(1024, SizeClasses.Row(32).Size);
        Assert.Equal(1152, SizeClasses.Row(33).Size);
        Assert.Equal(SizeClasses.MaxObjsPerSpan, SizeClasses.Rows.Max(r => r.Objects));
        Assert.Equal(136, SizeClasses.NumSpanClasses);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(68)]
    [InlineData(-1)]
    public void A_bad_class_names_the_parameter(int sizeClass)
    {
        var e = Assert.Throws<KitInputException>(() => SizeClasses.Row(sizeClass));
        Assert.Equal("sizeClass", e.Parameter);
    }
}
