// Mirrors: nothing in Go; the labs of the course (issue 14): a question, graded hints and a checker in the library.
using System.Collections.Concurrent;
using System.Globalization;

namespace GoRuntimeLab.Labs;

/// <summary>
/// One lab: an id such as <c>02.1-heap-goal</c> (chapter, section, name), a Chinese title and question, its points,
/// graded hints (revealed one at a time), and a checker that computes or holds the answer here in the library, so a
/// notebook shows only the question, the learner's answer and the verdict. Notebooks call <see cref="Show"/>,
/// <see cref="Check"/> and <see cref="Hint"/>; <c>golab lab check</c> grades a whole answers file with
/// <see cref="LabGrader"/>.
/// </summary>
public sealed record Lab
{
    private static readonly ConcurrentDictionary<string, int> HintsShown = new(StringComparer.Ordinal);

    /// <summary>"CC.S-name": two-digit chapter, section number, lower-case name.</summary>
    public required string Id { get; init; }

    /// <summary>The title, in Chinese.</summary>
    public required string Title { get; init; }

    /// <summary>What a right answer earns (1–10).</summary>
    public required int Points { get; init; }

    /// <summary>The question, in Chinese, with the form the answer takes.</summary>
    public required string Question { get; init; }

    /// <summary>The hints, in Chinese, from gentle to nearly the answer (never the answer itself).</summary>
    public required IReadOnlyList<string> Hints { get; init; }

    /// <summary>The chapter: the id's first two digits.</summary>
    public int Chapter => int.Parse(Id.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>The section as the notebook numbers it ("2.1").</summary>
    public string Section => Id[..Id.IndexOf('-', StringComparison.Ordinal)].TrimStart('0');

    /// <summary>Judges a present answer (the grader handles a missing one).</summary>
    internal Func<LabAnswer, LabVerdict> Checker { get; init; } = _ => throw new InvalidOperationException("a lab without a checker");

    /// <summary>A right answer, for tests (the computed value, or one accepted answer of an open lab).</summary>
    internal Func<object> Reference { get; init; } = () => throw new InvalidOperationException("a lab without a reference answer");

    /// <summary>True when many answers are right (settings, source code): no single answer to keep off the page.</summary>
    internal bool Open { get; init; }

    /// <summary>Phrases that would give the answer away on a page, {0} standing for the answer (tests search the book
    /// for them, and for the answer itself when that is distinctive enough to search bare).</summary>
    internal IReadOnlyList<string> Spoilers { get; init; } = [];

    /// <summary>True when the answer is a term or value the course shows elsewhere for other reasons (a wait reason,
    /// an escape category, a flag, a duration of the lab's own setting): only the spoiler phrases are kept off the
    /// page, not the bare answer.</summary>
    internal bool Common { get; init; }

    /// <summary>What a right answer adds to the explanation (may state the answer: shown only after it is found).</summary>
    internal string Explanation { get; init; } = "";

    /// <summary>The question card for <paramref name="id"/>.</summary>
    public static LabCard Show(string id)
    {
        var lab = LabCatalog.Get(id);
        return new LabCard(lab.Id, lab.Title, lab.Points, lab.Question, lab.Hints.Count);
    }

    /// <summary>
    /// Checks <paramref name="answer"/> (null: not answered yet) and returns the one-line verdict. A wrong answer
    /// reveals the next hint of this session, in order (the same sequence as <see cref="Hint"/>).
    /// </summary>
    public static LabResult Check(string id, object? answer)
    {
        var lab = LabCatalog.Get(id);
        var a = LabAnswer.From(answer);
        return lab.Judge(a, () => NextHintIndex(lab));
    }

    /// <summary>The next hint for <paramref name="id"/> in this session ("提示 1/3：…"), one more each call; after
    /// the last it repeats the last.</summary>
    public static string Hint(string id)
    {
        var lab = LabCatalog.Get(id);
        var i = NextHintIndex(lab);
        return string.Create(CultureInfo.InvariantCulture, $"提示 {i + 1}/{lab.Hints.Count}（{lab.Id}）：{lab.Hints[i]}");
    }

    /// <summary>Forgets the hints shown in this session (all labs, or one).</summary>
    public static void ResetHints(string? id = null)
    {
        if (id is null) HintsShown.Clear();
        else HintsShown.TryRemove(LabCatalog.Get(id).Id, out _);
    }

    private static int NextHintIndex(Lab lab)
    {
        var shown = HintsShown.AddOrUpdate(lab.Id, 1, (_, n) => n + 1);
        return Math.Min(shown, lab.Hints.Count) - 1;
    }

    /// <summary>Judges <paramref name="answer"/>; a wrong answer carries the hint whose 0-based number
    /// <paramref name="hint"/> gives (asked only for a wrong answer).</summary>
    internal LabResult Judge(LabAnswer answer, Func<int> hint)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(hint);
        var head = $"{Id} {Title}";
        if (answer.IsMissing)
            return new LabResult(Id, Title, LabStatus.NotAnswered, 0, Points, $"✏️ {head}：未作答（把 null 换成你的答案后重新运行）。");
        LabVerdict verdict;
        try
        {
            verdict = Checker(answer);
        }
        catch (KitInputException e)
        {
            verdict = LabVerdict.Wrong($"这个答案无法检查：{e.Reason}。");
        }
        verdict = verdict with { Detail = string.Join(" ", verdict.Detail.Split((char[])['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) };
        if (verdict.Ok)
        {
            var more = string.Join(" ", new[] { verdict.Detail, Explanation }.Where(s => s.Length > 0));
            return new LabResult(Id, Title, LabStatus.Right, Points, Points,
                string.Create(CultureInfo.InvariantCulture, $"✅ {head}：正确（+{Points} 分）。{more}").TrimEnd());
        }
        var detail = verdict.Detail.Length > 0 ? verdict.Detail + " " : "";
        var h = Hints[Math.Clamp(hint(), 0, Hints.Count - 1)];
        return new LabResult(Id, Title, LabStatus.Wrong, 0, Points, $"❌ {head}：你的答案 {answer} 不对。{detail}再想想：{h}");
    }
}
