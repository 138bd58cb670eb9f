using System.Text.RegularExpressions;
using GoRuntimeLab.Charts;
using GoRuntimeLab.Charts.Defer;
using GoRuntimeLab.Charts.Display;
using GoRuntimeLab.Charts.Gc;
using GoRuntimeLab.Charts.Sched;
using GoRuntimeLab.Defer;
using GoRuntimeLab.Gc.Mark;
using GoRuntimeLab.Sched;

namespace GoRuntimeLab.Tests.Charts;

/// <summary>The notebooks' Chinese renderings leave no English sentence of the model untranslated.</summary>
public partial class LearnerTextTests
{
    // Three or more English words in a row: a sentence the translation table missed (Go terms are single words
    // or identifiers such as "setGCPhase(_GCmark)").
    [GeneratedRegex(@"\b[a-z]{2,}\s+[a-z]{2,}\s+[a-z]{2,}\b")]
    private static partial Regex EnglishPhrase();

    private static void AssertChinese(string text)
    {
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", text);
        Assert.DoesNotMatch(EnglishPhrase(), text);
    }

    [Theory]
    [InlineData(WriteBarrierMode.Hybrid, false, false)]
    [InlineData(WriteBarrierMode.None, false, true)]
    [InlineData(WriteBarrierMode.YuasaDeletion, true, false)]
    [InlineData(WriteBarrierMode.DijkstraInsertion, true, true)]
    public void Every_tri_colour_caption_of_random_runs_is_translated(WriteBarrierMode mode, bool rescan, bool checkMark)
    {
        for (var seed = 1; seed <= 20; seed++)
        {
            var run = MarkSimulator.Run(ObjectGraph.Random(10, 20, 6, seed),
                MarkConfig.Default.WithBarrier(mode).WithRescanStacks(rescan).WithCheckMark(checkMark).WithSeed(seed).WithAssists().WithMutatorShare(0.6));
            foreach (var state in run.States) AssertChinese(TriColorText.Caption(state));
            foreach (var line in TriColorText.Violations(run)) AssertChinese(line);
            AssertChinese(TriColorText.Summary(run));
        }
    }

    [Fact]
    public void The_lost_object_report_names_the_object_path_and_step_in_chinese()
    {
        var lost = MarkScenarios.LostObject(WriteBarrierMode.None).Run();
        var v = Assert.Single(lost.Violations);
        var text = TriColorText.Violation(v);
        Assert.Contains("C 在第", text, StringComparison.Ordinal);
        Assert.Contains(v.ReachableVia, text, StringComparison.Ordinal);
        Assert.Contains("弱三色不变式", text, StringComparison.Ordinal);
        AssertChinese(text);
        Assert.Contains("没有写屏障", text, StringComparison.Ordinal);
        Assert.Equal(text, LearnerText.Of(v));
    }

    [Theory]
    [InlineData("fanout")]
    [InlineData("syscall-mix")]
    [InlineData("deadlock")]
    public void Scheduler_summaries_are_chinese(string workload)
    {
        var run = Scheduler.Run(workload, SchedConfig.Default.WithProcs(2));
        var text = SchedText.Summary(run);
        Assert.Contains("GOMAXPROCS=2", text, StringComparison.Ordinal);
        Assert.Contains($"抢占 {run.Preemptions.Async} 次异步", text, StringComparison.Ordinal);
        Assert.All(run.Goroutines, g => Assert.StartsWith($"G{g.Id} ", SchedText.Goroutine(g), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(2, 8, false, DeferRule.TooManyReturns)]
    [InlineData(9, 1, false, DeferRule.TooManyDefers)]
    [InlineData(2, 1, true, DeferRule.DeferInLoop)]
    [InlineData(1, 1, false, DeferRule.None)]
    public void Defer_verdicts_are_chinese_with_the_deciding_rule(int defers, int returns, bool inLoop, DeferRule rule)
    {
        var shape = FunctionShape.Of(defers, returns);
        if (inLoop) shape = shape.WithDeferInLoop(0);
        var verdict = DeferClassifier.Classify(shape);
        Assert.Equal(rule, verdict.Rule);
        var text = DeferText.Verdict(verdict);
        AssertChinese(text);
        Assert.Contains(DeferText.Rule(rule, shape), text, StringComparison.Ordinal);
        Assert.Equal(defers, DeferText.Sites(verdict).Count);
        Assert.All(DeferText.Sites(verdict), AssertChinese);
    }

    [Fact]
    public void An_object_becomes_a_name_value_table_in_declaration_order()
    {
        var table = new { 种子数 = 200, ratio = 0.5, name = "<b>", list = new[] { 1, 2 } }.AsTable();
        Assert.Equal(["种子数", "ratio", "name", "list"], table.Rows.Select(r => r.Key));
        Assert.Equal(["200", "0.5", "<b>", "1, 2"], table.Rows.Select(r => r.Value));
        var html = table.ToHtml();
        Assert.Contains("<th style=\"text-align:left\">种子数</th>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(5, false)]
    [InlineData(1024, true)]
    [InlineData(100_000, false)]
    public void Size_class_lookups_are_chinese(long size, bool pointers)
    {
        var c = GoRuntimeLab.Alloc.SizeClasses.Lookup(size, pointers, GoVersion.Go1_23);
        var text = GoRuntimeLab.Charts.Alloc.AllocText.Lookup(c);
        AssertChinese(text);
        Assert.StartsWith($"{size} B", text, StringComparison.Ordinal);
        Assert.Equal(text, LearnerText.Of(c));
    }

    [Fact]
    public void A_list_becomes_one_table_with_a_column_per_property()
    {
        var table = new[] { (A: 1, B: "x"), (A: 2, B: "y") }.AsTable();
        Assert.Equal(["Item1", "Item2"], table.Columns);
        var records = GoRuntimeLab.Sched.Analysis.GTransitions.Count(Scheduler.Run("fanout", SchedConfig.Default)).AsTable();
        Assert.Equal(["From", "To", "Count", "ZeroLength"], records.Columns);
        Assert.All(records.Rows, r => Assert.Equal(4, r.Count));
        var anon = new[] { new { 名 = "a", n = 1.5 } }.AsTable();
        Assert.Equal(["名", "n"], anon.Columns);
        Assert.Equal(["a", "1.5"], anon.Rows[0]);
        var strings = new[] { "<x>", "y" }.AsTable();
        Assert.Equal([RowTable.ValueColumn], strings.Columns);
        Assert.Contains("&lt;x&gt;", strings.ToHtml(), StringComparison.Ordinal);
        // Kinds the kit renders in Chinese keep one column of that text.
        var states = MarkScenarios.LostObject(WriteBarrierMode.Hybrid).Run().States.AsTable();
        Assert.Equal([RowTable.ValueColumn], states.Columns);
        Assert.StartsWith("#0 [GC 未运行", states.Rows[0][0], StringComparison.Ordinal);
    }
}
