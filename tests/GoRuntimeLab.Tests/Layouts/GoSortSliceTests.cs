using GoRuntimeLab.Layouts;

namespace GoRuntimeLab.Tests.Layouts;

/// <summary>
/// The port of sort.Slice leaves equal keys exactly where Go's pdqsort does (data/recordings/layout/sortslice-go1.19.8.txt,
/// data/go/sortslice; Go 1.23.5 prints the same), over lengths around its thresholds (12: insertion sort, 50: ninther
/// pivots and partial insertion sort) and patterns that reach its reverse, equal-partition and pattern-breaking paths.
/// </summary>
public class GoSortSliceTests
{
    [Fact]
    public void Every_recorded_case_sorts_to_gos_permutation()
    {
        var lines = File.ReadAllLines(Path.Combine(LayoutRecordingTests.Recordings, "sortslice-go1.19.8.txt")).Where(l => !l.StartsWith('#')).ToList();
        Assert.Equal(2 * 14 * 7, lines.Count);
        var failures = new List<string>();
        for (var c = 0; c < lines.Count; c += 2)
        {
            var head = lines[c].Split(' ');
            var keys = head.Length > 2 ? head[2].Select(ch => ch - '0').ToArray() : [];
            Assert.Equal(int.Parse(head[1], System.Globalization.CultureInfo.InvariantCulture), keys.Length);
            var elems = keys.Select((k, i) => (Index: i, Key: k)).ToList();
            GoSortSlice.Sort(elems, (x, y) => x.Key < y.Key);
            var got = string.Join(' ', elems.Select(e => e.Index));
            if (got != lines[c + 1]) failures.Add($"{head[0]} n={head[1]}: golab {got} | go {lines[c + 1]}");
        }
        Assert.Empty(failures);
    }

    [Fact]
    public void Long_structs_get_the_analyzers_order_among_equal_fields()
    {
        // 20 int64 fields and one bool: all int64s compare equal, so sort.Slice (not stable) decides their order.
        var fields = string.Join("; ", Enumerable.Range(0, 20).Select(i => $"f{i} int64"));
        var t = GoLayout.Analyze($"type T struct {{ b bool; {fields} }}")["T"];
        var elems = t.Fields.Select((f, i) => (f.Name, Key: i == 0 ? 1 : 0)).ToList(); // b (align 1) sorts after the int64s
        GoSortSlice.Sort(elems, (x, y) => x.Key < y.Key);
        Assert.Equal(elems.Select(e => e.Name), t.Optimal.Order);
        Assert.Equal("b", t.Optimal.Order[^1]);
        Assert.Equal(168, t.Optimal.Size);
    }
}
