// Mirrors: nothing in Go; the list of the course's labs (issue 14), checked when it is first used.
using System.Globalization;
using System.Text.RegularExpressions;

namespace GoRuntimeLab.Labs;

/// <summary>
/// Every lab of the course, in order. Loading checks the catalog: ids unique and well formed ("CC.S-name"), titles,
/// questions and at least one hint present, points 1–10, spoiler phrases for every lab with one answer. An answer is computed only when
/// a lab is checked.
/// </summary>
public static partial class LabCatalog
{
    private static readonly Lazy<IReadOnlyList<Lab>> Labs = new(() => Validate([
            .. Chapter1Labs.All(), .. Chapter2Labs.All(), .. Chapter3Labs.All(),
            .. Chapter4Labs.All(),
            .. Chapter5GatewayLabs.All(),
            .. Chapter5CrossLabs.All(),
            .. Chapter5CiLabs.All(),
            .. Chapter5LeakLabs.All(),
        ]),
        LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>All labs, by chapter and section.</summary>
    public static IReadOnlyList<Lab> All => Labs.Value;

    /// <summary>The labs of chapter <paramref name="chapter"/> (empty for a chapter without labs yet).</summary>
    public static IReadOnlyList<Lab> ForChapter(int chapter) => All.Where(l => l.Chapter == chapter).ToList();

    /// <summary>The lab <paramref name="id"/>.</summary>
    /// <exception cref="KitInputException">No such lab (the message lists the known ids of its chapter, or all).</exception>
    public static Lab Get(string id) => Find(id) ?? throw KitInputException.For(
        $"no lab \"{id}\"; known: {string.Join(", ", Suggestions(id))}", parameter: "id");

    /// <summary>The lab <paramref name="id"/>, or null.</summary>
    public static Lab? Find(string? id) => All.FirstOrDefault(l => string.Equals(l.Id, id?.Trim(), StringComparison.Ordinal));

    /// <summary>A right answer of <paramref name="id"/> (computed), for tests that keep answers off the page.</summary>
    internal static object AnswerFor(string id) => Get(id).Reference();

    /// <summary>True when <paramref name="id"/> has many right answers (nothing single to keep off the page).</summary>
    internal static bool IsOpen(string id) => Get(id).Open;

    /// <summary>
    /// The texts that would give <paramref name="id"/>'s answer away: its spoiler phrases with the answer filled in, and
    /// the answer itself when it is distinctive enough to search bare (a number of 3 or more digits, a word of 5 or more
    /// letters, unless the lab is marked common). Empty for an open lab.
    /// </summary>
    internal static IReadOnlyList<string> SpoilersFor(string id)
    {
        var lab = Get(id);
        if (lab.Open) return [];
        var answer = Convert.ToString(lab.Reference(), CultureInfo.InvariantCulture)!;
        var forms = lab.Spoilers.Select(s => s.Replace("{0}", answer, StringComparison.Ordinal)).ToList();
        var number = long.TryParse(answer, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);
        if (!lab.Common && answer.Length >= (number ? 3 : 5)) forms.Insert(0, answer);
        return forms;
    }

    private static IEnumerable<string> Suggestions(string id)
    {
        var chapter = id.Length >= 2 ? id[..2] : "";
        var same = All.Where(l => l.Id.StartsWith(chapter, StringComparison.Ordinal)).Select(l => l.Id).ToList();
        return same.Count > 0 ? same : All.Select(l => l.Id);
    }

    internal static IReadOnlyList<Lab> Validate(IReadOnlyList<Lab> labs)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var lab in labs)
        {
            if (!IdPattern().IsMatch(lab.Id)) throw new InvalidOperationException($"lab id \"{lab.Id}\" is not CC.S-name (e.g. 02.1-heap-goal)");
            if (!seen.Add(lab.Id)) throw new InvalidOperationException($"lab id \"{lab.Id}\" is used twice");
            if (string.IsNullOrWhiteSpace(lab.Title) || string.IsNullOrWhiteSpace(lab.Question)) throw new InvalidOperationException($"lab {lab.Id}: no title or question");
            if (lab.Points is < 1 or > 10) throw new InvalidOperationException($"lab {lab.Id}: points {lab.Points} not in 1–10");
            if (lab.Hints.Count == 0 || lab.Hints.Any(string.IsNullOrWhiteSpace)) throw new InvalidOperationException($"lab {lab.Id}: needs hints, none blank");
            if (!lab.Open && lab.Spoilers.Count == 0) throw new InvalidOperationException($"lab {lab.Id}: a lab with one answer needs spoiler phrases");
        }
        return labs;
    }

    [GeneratedRegex(@"^\d\d\.\d+-[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();
}
