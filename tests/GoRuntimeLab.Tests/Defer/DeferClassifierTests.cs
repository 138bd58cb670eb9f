using CsCheck;
using GoRuntimeLab.Defer;

namespace GoRuntimeLab.Tests.Defer;

/// <summary>The rules of walk.walkStmt / escape.goDeferStmt / ssagen.buildssa at their boundaries. The recorded
/// compiler output (DeferRecordingTests) is the oracle for real functions; these pin the edges.</summary>
public class DeferClassifierTests
{
    private static readonly GoVersion[] Versions = [GoVersion.Go1_19, GoVersion.Go1_20, GoVersion.Go1_21, GoVersion.Go1_22, GoVersion.Go1_23];

    [Theory]
    [InlineData(8, 0, DeferKind.OpenCoded, DeferRule.None)]
    [InlineData(9, 0, DeferKind.StackAllocated, DeferRule.TooManyDefers)]
    [InlineData(1, 15, DeferKind.OpenCoded, DeferRule.None)]
    [InlineData(1, 16, DeferKind.StackAllocated, DeferRule.TooManyReturns)]
    [InlineData(3, 5, DeferKind.OpenCoded, DeferRule.None)]
    [InlineData(2, 8, DeferKind.StackAllocated, DeferRule.TooManyReturns)]
    [InlineData(2, 7, DeferKind.OpenCoded, DeferRule.None)]
    public void Defer_and_return_counts_at_the_limits(int defers, int returns, DeferKind kind, DeferRule rule)
    {
        foreach (var v in Versions)
        {
            var c = DeferClassifier.Classify(FunctionShape.Of(defers, returns), v);
            Assert.All(c.Sites, s => Assert.Equal(kind, s.Kind));
            Assert.Equal(rule, c.Rule);
            Assert.Equal(kind == DeferKind.OpenCoded, c.OpenCoded);
        }
    }

    [Fact]
    public void A_loop_defer_is_heap_allocated_and_turns_the_others_into_stack_defers()
    {
        var c = DeferClassifier.Classify(FunctionShape.Of(3).WithDeferInLoop(1));
        Assert.Equal([DeferKind.StackAllocated, DeferKind.HeapAllocated, DeferKind.StackAllocated], c.Kinds);
        Assert.Equal(DeferRule.DeferInLoop, c.Rule);
        Assert.Contains("escape.goDeferStmt", c.Sites[1].Reason, StringComparison.Ordinal);
        Assert.Contains("deferprocStack", c.Sites[0].Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DeferRule.OptimizationsDisabled)]
    [InlineData(DeferRule.RaceInstrumentation)]
    [InlineData(DeferRule.HeapAllocatedResult)]
    [InlineData(DeferRule.NoOpenDeferFlag)]
    [InlineData(DeferRule.Shared386)]
    public void Each_build_or_result_rule_alone_makes_stack_defers(DeferRule rule)
    {
        var shape = FunctionShape.Of(1, 1);
        shape = rule switch
        {
            DeferRule.OptimizationsDisabled => shape.WithOptimizationsDisabled(),
            DeferRule.RaceInstrumentation => shape.WithRace(),
            DeferRule.HeapAllocatedResult => shape.WithHeapAllocatedResult(),
            DeferRule.NoOpenDeferFlag => shape.WithNoOpenDeferFlag(),
            _ => shape.WithShared386(),
        };
        var c = DeferClassifier.Classify(shape, GoVersion.Go1_19);
        Assert.Equal([rule], c.Rules);
        Assert.Equal(DeferKind.StackAllocated, Assert.Single(c.Sites).Kind);
    }

    [Fact]
    public void Norace_pragma_keeps_open_coding_under_race()
    {
        Assert.True(DeferClassifier.Classify(FunctionShape.Of(1).WithRace().WithNoRacePragma()).OpenCoded);
    }

    [Fact]
    public void Rules_are_listed_in_the_compilers_order()
    {
        var c = DeferClassifier.Classify(FunctionShape.Of(9, 2).WithDeferInLoop(8).WithOptimizationsDisabled().WithHeapAllocatedResult().WithRace());
        Assert.Equal([DeferRule.TooManyDefers, DeferRule.DeferInLoop, DeferRule.OptimizationsDisabled, DeferRule.RaceInstrumentation, DeferRule.HeapAllocatedResult, DeferRule.TooManyReturns], c.Rules);
        Assert.Equal(8, c.Count(DeferKind.StackAllocated));
        Assert.Equal(1, c.Count(DeferKind.HeapAllocated));
    }

    [Fact]
    public void Range_func_defers_exist_from_1_23_and_are_heap_allocated()
    {
        var shape = FunctionShape.Of(2).WithDeferInRangeFuncBody(1);
        var c = DeferClassifier.Classify(shape, GoVersion.Go1_23);
        Assert.Equal([DeferKind.StackAllocated, DeferKind.HeapAllocated], c.Kinds);
        Assert.Equal(DeferRule.RangeFuncDefer, c.Rule);
        var e = Assert.Throws<KitInputException>(() => DeferClassifier.Classify(shape, GoVersion.Go1_22));
        Assert.Equal("defers", e.Parameter);
    }

    [Fact]
    public void Bad_input_names_the_parameter()
    {
        Assert.Equal("defers", Assert.Throws<KitInputException>(() => FunctionShape.Of(0)).Parameter);
        Assert.Equal("defers", Assert.Throws<KitInputException>(() => FunctionShape.Of(FunctionShape.MaxDefers + 1)).Parameter);
        Assert.Equal("returns", Assert.Throws<KitInputException>(() => FunctionShape.Of(1, -1)).Parameter);
        Assert.Equal("returns", Assert.Throws<KitInputException>(() => FunctionShape.Of(1).WithReturns(-3)).Parameter);
        Assert.Equal("index", Assert.Throws<KitInputException>(() => FunctionShape.Of(2).WithDeferInLoop(2)).Parameter);
        Assert.Equal("name", Assert.Throws<KitInputException>(() => FunctionShape.Of(2).WithName(" ")).Parameter);
        Assert.Equal("version", Assert.Throws<KitInputException>(() => DeferClassifier.Classify(FunctionShape.Of(1), new GoVersion(1, 18))).Parameter);
        Assert.Equal("version", Assert.Throws<KitInputException>(() => DeferClassifier.Classify(FunctionShape.Of(1), new GoVersion(1, 24))).Parameter);
        Assert.Equal("kind", Assert.Throws<KitInputException>(() => DeferClassifier.ParseKind("open defer")).Parameter);
    }

    [Fact]
    public void With_copies_leave_the_original_alone_and_compare_by_value()
    {
        var a = FunctionShape.Of(2, 3);
        var b = a.WithDeferInLoop(0).WithRace();
        Assert.False(a.Defers[0].InLoop);
        Assert.False(a.Race);
        Assert.Equal(FunctionShape.Of(2, 3), a);
        Assert.Equal(FunctionShape.Of(2, 3).GetHashCode(), a.GetHashCode());
        Assert.NotEqual(a, b);
        Assert.Equal("f: 2 defers (1 in loop), 3 returns, -race", b.ToString());
        Assert.Equal("f: 2 defers, 8 returns (go1.23) → 2 stack-allocated: returns × defers = 8 × 2 = 16 > 15: the deferred calls would be copied to every return (ssagen.buildssa)",
            DeferClassifier.Classify(FunctionShape.Of(2, 8)).ToString());
    }

    [Fact]
    public void Random_shapes_obey_the_invariants_and_no_rule_differs_between_1_19_and_1_23()
    {
        // Flags and loops are usually off and returns cluster around 15/defers, so open-coded shapes and both sides of
        // every limit (8 defers, returns × defers = 15/16) come up often, not once in thousands.
        var flagsGen = Gen.Frequency((6, Gen.Const(0)), (4, Gen.Int[0, 63]));
        var loopsGen = Gen.Frequency((6, Gen.Const(0)), (4, Gen.Int[0, 4095]));
        var pairGen = Gen.Int[1, 12].SelectMany(d => Gen.Frequency((3, Gen.Int[0, 20]), (2, Gen.Int[Math.Max(0, 15 / d - 1), 15 / d + 1])).Select(r => (d, r)));
        var gen = Gen.Select(pairGen, flagsGen, loopsGen, (dr, flags, loops) =>
        {
            var (d, r) = dr;
            var s = FunctionShape.Of(d, r)
                .WithOptimizationsDisabled((flags & 1) != 0).WithRace((flags & 2) != 0).WithNoRacePragma((flags & 4) != 0)
                .WithHeapAllocatedResult((flags & 8) != 0).WithNoOpenDeferFlag((flags & 16) != 0).WithShared386((flags & 32) != 0);
            for (var i = 0; i < d; i++)
                if ((loops >> i & 1) != 0) s = s.WithDeferInLoop(i);
            return s;
        });
        gen.Sample(shape =>
        {
            var c = DeferClassifier.Classify(shape, GoVersion.Go1_23);
            foreach (var v in Versions) Assert.Equal(c.Kinds, DeferClassifier.Classify(shape, v).Kinds);
            var open = shape.Defers.Count <= 8 && shape.Defers.All(d => !d.InLoop) && shape.Returns * shape.Defers.Count <= 15
                && !shape.OptimizationsDisabled && !(shape.Race && !shape.NoRacePragma) && !shape.HeapAllocatedResult
                && !shape.NoOpenDeferFlag && !shape.Shared386;
            Assert.Equal(open, c.OpenCoded);
            Assert.Equal(open, c.Rules.Count == 0);
            for (var i = 0; i < shape.Defers.Count; i++)
                Assert.Equal(open ? DeferKind.OpenCoded : shape.Defers[i].InLoop ? DeferKind.HeapAllocated : DeferKind.StackAllocated, c.Sites[i].Kind);
        }, iter: 2000);
        // The generator does reach open-coded shapes and the returns × defers boundary.
        var sample = gen.Array[400].Single();
        Assert.True(sample.Count(x => DeferClassifier.Classify(x, GoVersion.Go1_23).OpenCoded) > 10); // about 40 expected
        Assert.Contains(sample, x => x.Returns * x.Defers.Count is 15 or 16);
    }

    [Fact]
    public void Defers_in_a_range_over_func_body_do_not_count_towards_the_outer_functions_limits()
    {
        // walk/stmt.go: such a defer belongs to the body closure; the outer function is disallowed only through
        // deferrangefunc (walk/expr.go), so the rule list names that alone — not "> 8 defers" or "returns × defers".
        var shape = FunctionShape.Of(9, returns: 1).WithDeferInRangeFuncBody(8);
        var c = DeferClassifier.Classify(shape, GoVersion.Go1_23);
        Assert.Equal([DeferRule.RangeFuncDefer], c.Rules);
        var manyReturns = FunctionShape.Of(2, returns: 8).WithDeferInRangeFuncBody(1);
        Assert.DoesNotContain(DeferRule.TooManyReturns, DeferClassifier.Classify(manyReturns, GoVersion.Go1_23).Rules);
    }
}
