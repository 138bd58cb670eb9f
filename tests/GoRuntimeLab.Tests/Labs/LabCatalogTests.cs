using System.Globalization;
using System.Text.RegularExpressions;
using GoRuntimeLab.Labs;
using Xunit.Abstractions;

namespace GoRuntimeLab.Tests.Labs;

/// <summary>The catalog (issue 14): at least five labs with graded hints in each of chapters 1–4; every lab accepts
/// its computed answer, waits for a missing one, and rejects a wrong one with a hint that does not give it away.</summary>
public class LabCatalogTests(ITestOutputHelper output)
{
    public static TheoryData<string> Ids() => new(LabCatalog.All.Select(l => l.Id));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Each_of_chapters_1_to_5_has_at_least_five_labs_with_graded_hints(int chapter)
    {
        var labs = LabCatalog.ForChapter(chapter);
        Assert.True(labs.Count >= 5, $"chapter {chapter} has {labs.Count} labs");
        Assert.All(labs, l => Assert.True(l.Hints.Count >= 2, $"{l.Id}: {l.Hints.Count} hint(s)"));
        Assert.All(labs, l => Assert.StartsWith(chapter.ToString("00", CultureInfo.InvariantCulture) + ".", l.Id, StringComparison.Ordinal));
    }

    [Fact]
    public void Ids_are_unique_and_the_catalog_refuses_a_bad_one()
    {
        Assert.Equal(LabCatalog.All.Count, LabCatalog.All.Select(l => l.Id).Distinct().Count());
        var lab = LabCatalog.Get("02.1-heap-goal");
        Assert.Equal(2, lab.Chapter);
        Assert.Equal("2.1", lab.Section);
        Assert.Throws<InvalidOperationException>(() => LabCatalog.Validate([lab, lab]));
        Assert.Throws<InvalidOperationException>(() => LabCatalog.Validate([lab with { Id = "2.1-heap" }]));
        Assert.Throws<InvalidOperationException>(() => LabCatalog.Validate([lab with { Hints = [] }]));
        Assert.Throws<InvalidOperationException>(() => LabCatalog.Validate([lab with { Points = 0 }]));
        var e = Assert.Throws<KitInputException>(() => LabCatalog.Get("02.1-heap"));
        Assert.Contains("02.1-heap-goal", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void A_lab_accepts_its_answer_waits_for_one_and_hints_at_a_wrong_one(string id)
    {
        var lab = LabCatalog.Get(id);
        var answer = LabCatalog.AnswerFor(id);
        output.WriteLine($"{id}: {Convert.ToString(answer, CultureInfo.InvariantCulture)}  spoilers: {string.Join(" | ", LabCatalog.SpoilersFor(id))}");

        var missing = lab.Judge(LabAnswer.From(null), () => 0);
        Assert.Equal(LabStatus.NotAnswered, missing.Status);
        Assert.Contains("未作答", missing.Message, StringComparison.Ordinal);
        Assert.Equal(0, missing.Points);

        var right = lab.Judge(LabAnswer.From(answer), () => 0);
        Assert.True(right.Status == LabStatus.Right, right.Message);
        Assert.Equal(lab.Points, right.Points);
        Assert.StartsWith("✅", right.Message, StringComparison.Ordinal);

        object wrong = answer switch
        {
            long n => n + 1,
            int n => n + 1,
            string[] => new[] { "25", "off" },
            string s when s.StartsWith("package", StringComparison.Ordinal) => "package main\n\nfunc Sum(xs []int) int {\n\tbuf := make([]int, len(xs))\n\treturn copy(buf, xs)\n}\n",
            _ => "not-the-answer",
        };
        var miss = lab.Judge(LabAnswer.From(wrong), () => 1);
        Assert.True(miss.Status == LabStatus.Wrong, miss.Message);
        Assert.Contains("再想想：" + lab.Hints[Math.Min(1, lab.Hints.Count - 1)], miss.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', miss.Message);
        Assert.DoesNotContain('\n', missing.Message);
        if (!lab.Open)
        {
            // Neither the wrong answer's message (beyond the learner's own answer) nor a hint states the answer; the
            // question (whose setting may hold the same small number, or list the choices) has none of the spoiler phrases.
            var hints = string.Join("\n", [miss.Message.Replace(LabAnswer.From(wrong).ToString(), "", StringComparison.Ordinal), .. lab.Hints]);
            var bare = Convert.ToString(answer, CultureInfo.InvariantCulture)!;
            Assert.False(Regex.IsMatch(hints, $@"(?<![\w.]){Regex.Escape(bare)}(?![\w.])"), $"{id}: the answer {bare} appears in: {hints}");
            Assert.All(LabCatalog.SpoilersFor(id), s => Assert.DoesNotContain(s, hints + "\n" + lab.Question, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Hints_come_one_at_a_time_in_order_and_a_wrong_check_reveals_the_next()
    {
        const string id = "02.4-closed-receive";
        var lab = LabCatalog.Get(id);
        Lab.ResetHints(id);
        Assert.Equal($"提示 1/{lab.Hints.Count}（{id}）：{lab.Hints[0]}", Lab.Hint(id));
        Assert.Contains(lab.Hints[1], Lab.Check(id, 99).Message, StringComparison.Ordinal);
        Assert.Contains(lab.Hints[2], Lab.Hint(id), StringComparison.Ordinal);
        Assert.Contains(lab.Hints[^1], Lab.Hint(id), StringComparison.Ordinal); // after the last, the last again
        Assert.Equal(LabStatus.Right, Lab.Check(id, LabCatalog.AnswerFor(id)).Status);
        Lab.ResetHints(id);
        Assert.Contains(lab.Hints[0], Lab.Check(id, 99).Message, StringComparison.Ordinal);
        Lab.ResetHints(id);
    }

    [Fact]
    public void Show_gives_the_question_and_points_but_not_the_answer()
    {
        var card = Lab.Show("02.2-header-576");
        Assert.Contains("576", card.ToString(), StringComparison.Ordinal);
        Assert.Contains($"（{card.Points} 分）", card.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToString(LabCatalog.AnswerFor("02.2-header-576"), CultureInfo.InvariantCulture)!, card.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Answers_are_read_alike_from_cells_and_from_json()
    {
        using var doc = System.Text.Json.JsonDocument.Parse("""{"n": 137, "s": "137", "f": 137.0, "half": 1.5, "b": true, "a": ["100", "480MiB"], "z": null}""");
        LabAnswer Of(string name) => LabAnswer.From(doc.RootElement.GetProperty(name).Clone());
        foreach (var a in new[] { Of("n"), Of("s"), Of("f"), LabAnswer.From(137), LabAnswer.From(137L), LabAnswer.From(137UL), LabAnswer.From(137.0) })
            Assert.True(a.TryInteger(out var n) && n == 137, a.ToString());
        Assert.False(Of("half").TryInteger(out _));
        Assert.True(Of("b").TryBoolean(out var b) && b);
        Assert.Equal(2, Of("a").Items!.Count);
        Assert.Equal(2, LabAnswer.From(new List<string> { "100", "480MiB" }).Items!.Count);
        Assert.True(Of("z").IsMissing);
        Assert.Equal("LeakingParam", LabAnswer.From(GoRuntimeLab.Escape.EscapeKind.LeakingParam).Text);
    }
}
