using GoRuntimeLab.Gc.Mark;

namespace GoRuntimeLab.Tests.Gc.Mark;

public class ObjectGraphTests
{
    [Fact]
    public void Builder_declares_roots_objects_and_pointers()
    {
        var g = ObjectGraph.Builder()
            .Global("g").Goroutine("G1", "a").Object("A").Object("B", "next").Object("C")
            .Pointer("g", "A").Pointer("G1.a", "B").Pointer("B.next", "C").Pointer("A", "C").Pointer("A", "B").Pointer("G1", "C")
            .Build();
        Assert.Equal<string>(["A", "B", "C"], g.Objects);
        Assert.Equal<string>(["g", "G1.a", "G1.v0", "B.next", "A.f0", "A.f1"], g.Slots.Select(s => s.Path));
        Assert.Equal<string>(["A", "B", "C"], g.Reachable());
        Assert.Contains("3 objects, 1 globals, 1 goroutines, 6 pointers", g.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Builder_rejects_bad_names_and_targets()
    {
        Assert.Contains("not a declared object", Assert.Throws<KitInputException>(() =>
            ObjectGraph.Builder().Global("g").Pointer("g", "Z").Build()).Message, StringComparison.Ordinal);
        Assert.Throws<KitInputException>(() => ObjectGraph.Builder().Object("A").Object("A"));
        Assert.Throws<KitInputException>(() => ObjectGraph.Builder().Object("A").Global("A"));
        Assert.Throws<KitInputException>(() => ObjectGraph.Builder().Object("nil"));
        Assert.Throws<KitInputException>(() => ObjectGraph.Builder().Object("A.b"));
        Assert.Throws<KitInputException>(() => ObjectGraph.Builder().Pointer("X.f", "A"));
        Assert.Throws<KitInputException>(() => ObjectGraph.Builder().Global("g").Pointer("g.f", "A"));
    }

    [Fact]
    public void Random_graphs_are_deterministic_per_seed()
    {
        static string Show(ObjectGraph g) => string.Join(";", g.Slots);
        Assert.Equal(Show(ObjectGraph.Random(10, 15, 4, seed: 9)), Show(ObjectGraph.Random(10, 15, 4, seed: 9)));
        Assert.NotEqual(Show(ObjectGraph.Random(10, 15, 4, seed: 9)), Show(ObjectGraph.Random(10, 15, 4, seed: 10)));
        var g = ObjectGraph.Random(30, 40, 6, seed: 1, goroutines: 3);
        Assert.Equal(30, g.Objects.Length);
        Assert.Equal("O1", g.Objects[0]);
        Assert.Equal(40, g.Slots.Count(s => s.Kind == SlotKind.Field));
        Assert.Equal(6, g.Slots.Count(s => s.Kind != SlotKind.Field));
        Assert.Throws<KitInputException>(() => ObjectGraph.Random(0, 1, 1, 1));
        Assert.Throws<KitInputException>(() => ObjectGraph.Random(5, 1, 0, 1));
    }
}
