using System.Diagnostics;
using GoRuntimeLab.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace GoRuntimeLab.NotebookTests;

/// <summary>
/// The rendered book in a real headless browser (Debian chromium, driven by Playwright): every chart on the page
/// draws (plotly's SVG appears), no script error, and nothing is fetched from the network — the book works offline.
/// The pages are those of <see cref="ExecutedBook"/> (the book built once per test run).
/// </summary>
[Collection(SharedBook.Name)]
public class BrowserBookTests(ExecutedBook book, HeadlessChromium chromium, ITestOutputHelper output) : IClassFixture<HeadlessChromium>
{
    private const string Chromium = HeadlessChromium.Executable;

    [SkippableTheory]
    [InlineData("01", "01-getting-started", 2)]
    [InlineData("02", "02-runtime-internals", 20)]
    [InlineData("03", "03-diagnostics", 8)]
    [InlineData("04", "04-tuning", 5)]
    // 5.3 draws 3 charts; 5.1, 5.2 and 5.4 at least one each (ChapterNotebookTests' per-section rule).
    [InlineData("05", "05-case-studies", 6)]
    public async Task Chapter_page_draws_every_chart_offline_with_no_script_error(string chapter, string page, int atLeast)
    {
        Requirement.Tool(File.Exists(Chromium), "GOLAB_REQUIRE_BROWSER", $"{Chromium} not found (apt-get install chromium)");
        Assert.True(book.Book.ExitCode == 0, book.Book.Stdout + book.Book.Stderr);
        var pagePath = Path.Combine(book.Site, $"{page}.html");
        Assert.True(File.Exists(pagePath), $"chapter {chapter}: the book has no {pagePath}");
        var expectedCharts = CountOccurrences(File.ReadAllText(pagePath), "class=\"golab-chart\"");
        Assert.True(expectedCharts >= atLeast, $"chapter {chapter} should have at least {atLeast} charts, found {expectedCharts}");

        var clock = Stopwatch.StartNew();
        await using var context = await chromium.NewContextAsync();
        var tab = await context.NewPageAsync();
        var problems = new List<string>();
        tab.Console += (_, m) => { if (m.Type == "error") problems.Add("console: " + m.Text); };
        tab.PageError += (_, e) => problems.Add("pageerror: " + e);
        tab.RequestFailed += (_, r) => { if (r.Url.StartsWith("file:", StringComparison.Ordinal)) problems.Add("missing: " + r.Url + " " + r.Failure); };
        var network = new List<string>();
        await tab.RouteAsync("**/*", async route =>
        {
            if (route.Request.Url.StartsWith("file:", StringComparison.Ordinal)) await route.ContinueAsync();
            else { network.Add(route.Request.Url); await route.AbortAsync(); }
        });

        await tab.GotoAsync(new Uri(pagePath).AbsoluteUri);
        await tab.WaitForFunctionAsync($"document.querySelectorAll('.golab-chart .main-svg').length > 0 && document.querySelectorAll('.golab-chart').length === {expectedCharts} && [...document.querySelectorAll('.golab-chart')].every(d => d.querySelector('.main-svg'))",
            null, new() { Timeout = 120000 });
        var drawn = await tab.EvaluateAsync<int>("[...document.querySelectorAll('.golab-chart')].filter(d => d.querySelector('.main-svg g.trace, .main-svg .barlayer .point, .main-svg .scatterlayer .trace, .main-svg .heatmaplayer .hm, .main-svg .table .table-control-view')).length");
        output.WriteLine($"browser check {clock.Elapsed.TotalSeconds:0.0}s; charts {drawn}/{expectedCharts}");

        Assert.Equal(expectedCharts, drawn);
        Assert.Empty(problems);
        Assert.Empty(network);
    }

    private static int CountOccurrences(string text, string what)
    {
        var n = 0;
        for (var i = text.IndexOf(what, StringComparison.Ordinal); i >= 0; i = text.IndexOf(what, i + what.Length, StringComparison.Ordinal)) n++;
        return n;
    }
}
