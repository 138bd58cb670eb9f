using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GoRuntimeLab.Labs;
using GoRuntimeLab.Testing;
using Xunit.Abstractions;

namespace GoRuntimeLab.NotebookTests;

/// <summary>
/// Issue 14: no lab answer appears in a notebook or on a rendered page. For every lab with one answer, the texts that
/// would give it away (<c>LabCatalog.SpoilersFor</c>: the answer itself when it is distinctive — 3+ digits, or a word
/// of 5+ letters, unless the lab marks it common — and the phrases stating it, e.g. "137 MiB", "3 cut off") are searched in every
/// notebook's cells and in what a reader sees on every page of the book <see cref="ExecutedBook"/> rendered (the page
/// text and every cell output; chart data is not searched: reading a chart is how a learner works an answer out).
/// Numbers match whole, not inside a longer number.
/// </summary>
[Collection(SharedBook.Name)]
public partial class LabAnswerLeakTests(ExecutedBook book, ITestOutputHelper output)
{
    public static TheoryData<string> Labs() => new(LabCatalog.All.Where(l => !LabCatalog.IsOpen(l.Id)).Select(l => l.Id));

    [Theory]
    [MemberData(nameof(Labs))]
    public void No_lab_answer_appears_in_a_notebook_or_on_a_rendered_page(string id)
    {
        var forms = LabCatalog.SpoilersFor(id);
        Assert.NotEmpty(forms);
        output.WriteLine($"{id}: {string.Join(" | ", forms)}");
        var places = Places().ToList();
        Assert.Contains(places, p => p.Name.EndsWith(".html", StringComparison.Ordinal));
        foreach (var (name, text) in places)
            foreach (var form in forms)
            {
                var m = Pattern(form).Match(text);
                Assert.False(m.Success, $"{id}: \"{form}\" appears in {name}: …{Around(text, m.Index)}…");
            }

        // Not vacuous: the lab's chapter page shows the lab, unanswered.
        var chapter = LabCatalog.Get(id).Chapter;
        var page = places.Single(p => p.Name.StartsWith($"site/{chapter:00}", StringComparison.Ordinal) && p.Name.EndsWith(".html", StringComparison.Ordinal));
        Assert.Contains($"{id} {LabCatalog.Get(id).Title}：未作答", page.Text, StringComparison.Ordinal);
    }

    // Every notebook's cells (the committed sources) and what the book shows: each page's visible text, each executed cell's outputs.
    private IEnumerable<(string Name, string Text)> Places()
    {
        foreach (var path in Directory.GetFiles(Path.Combine(Requirement.RepoRoot(), "notebooks"), "*.ipynb").Order(StringComparer.Ordinal))
            yield return ("notebooks/" + Path.GetFileName(path), string.Join("\n", Ipynb.Cells(JsonNode.Parse(File.ReadAllText(path))!).Select(Ipynb.Source)));
        Assert.True(book.Book.ExitCode == 0, book.Book.Stdout + book.Book.Stderr);
        foreach (var path in Directory.GetFiles(book.Site, "*.html").Order(StringComparer.Ordinal))
            yield return ("site/" + Path.GetFileName(path), Visible(File.ReadAllText(path)));
        foreach (var notebook in ExecutedBook.Chapters())
            yield return ("site/" + notebook + " outputs", string.Join("\n", Ipynb.Outputs(book.Executed(notebook)).Select(OutputText)));
    }

    private static string OutputText(JsonNode o)
    {
        var html = Ipynb.Html(o);
        var text = Ipynb.Text(o["data"]?["text/plain"]) + "\n" + Ipynb.Text(o["text"]);
        return (html.Contains("newPlot", StringComparison.Ordinal) ? "" : Visible(html)) + "\n" + text;
    }

    // What a reader sees: scripts and styles dropped, inline tags removed, block tags as spaces, entities decoded.
    private static string Visible(string html)
    {
        var text = ScriptOrStyle().Replace(html, " ");
        text = InlineTag().Replace(text, "");
        text = AnyTag().Replace(text, " ");
        return WebUtility.HtmlDecode(text);
    }

    private static Regex Pattern(string form)
    {
        var p = Regex.Escape(form);
        if (char.IsDigit(form[0])) p = @"(?<![\d.])" + p;
        if (char.IsDigit(form[^1])) p += @"(?![\d.])";
        return new Regex(p, RegexOptions.CultureInvariant);
    }

    private static string Around(string text, int at) => text.Substring(Math.Max(0, at - 60), Math.Min(text.Length - Math.Max(0, at - 60), 140)).ReplaceLineEndings(" ");

    [GeneratedRegex(@"<(script|style)\b[\s\S]*?</\1>", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex(@"</?(span|a|code|strong|em|b|i)\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineTag();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex AnyTag();
}
