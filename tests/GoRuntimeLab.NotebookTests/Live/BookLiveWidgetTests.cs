using System.Text.Json;
using GoRuntimeLab.Testing;
using Xunit.Abstractions;

namespace GoRuntimeLab.NotebookTests.Live;

/// <summary>
/// The built book (<see cref="ExecutedBook"/>: a fresh checkout, the CLI built elsewhere, <c>golab book</c>) has its
/// live widgets: one copy of golab's browser build in live/, and every widget of chapter 2, served over loopback HTTP,
/// computes exactly the CLI's <c>--json</c> document for its flags.
/// </summary>
[Collection(SharedBook.Name)]
public class BookLiveWidgetTests(ExecutedBook book, HeadlessChromium chromium, ITestOutputHelper output) : IClassFixture<HeadlessChromium>
{
    [SkippableFact]
    public async Task Chapter_2_widgets_compute_the_clis_json_when_the_book_is_served()
    {
        Requirement.Tool(File.Exists(HeadlessChromium.Executable), "GOLAB_REQUIRE_BROWSER", $"{HeadlessChromium.Executable} not found (apt-get install chromium)");
        Assert.True(book.Book.ExitCode == 0, book.Book.Stdout + book.Book.Stderr);
        Assert.Contains("live widgets: golab for the browser", book.Book.Stdout, StringComparison.Ordinal);
        var runtimes = Directory.GetFiles(book.Site, "dotnet.js", SearchOption.AllDirectories);
        Assert.Equal([Path.Combine(book.Site, "live", "_framework", "dotnet.js")], runtimes);

        using var server = new StaticSite(book.Site);
        await using var context = await chromium.NewContextAsync();
        var tab = await context.NewPageAsync();
        var problems = new List<string>();
        tab.PageError += (_, e) => problems.Add("pageerror: " + e);
        tab.Response += (_, r) => { if (r.Status >= 400 && !r.Url.EndsWith("/favicon.ico", StringComparison.Ordinal)) problems.Add($"HTTP {r.Status}: {r.Url}"); };
        await tab.GotoAsync(server.Url("02-runtime-internals.html"));
        var widgets = await tab.EvaluateAsync<int>("document.querySelectorAll('[data-golab-live]').length");
        Assert.True(widgets >= 4, $"chapter 2 has {widgets} live widgets, expected gc simulate, gc guide, alloc class and sched simulate");
        await tab.WaitForFunctionAsync("[...document.querySelectorAll('[data-golab-live]')].every(w => ['done', 'error'].includes(w.getAttribute('data-golab-state')))",
            null, new() { Timeout = 180_000 });
        var computed = await tab.EvaluateAsync<string[][]>(
            "[...document.querySelectorAll('[data-golab-live]')].map(w => [w.getAttribute('data-golab-live'), w.getAttribute('data-golab-state'), w.getAttribute('data-golab-args'), w.getAttribute('data-golab-result') || w.innerText])");
        foreach (var w in computed)
        {
            Assert.True(w[1] == "done", $"{w[0]}: {w[3]}");
            var args = JsonSerializer.Deserialize<string[]>(w[2])!;
            var cli = Golab.Run(Requirement.RepoRoot(), args);
            Assert.Equal(0, cli.ExitCode);
            Assert.Equal(cli.Stdout, w[3]);
            output.WriteLine($"golab {string.Join(' ', args)}: equal ({w[3].Length} chars)");
        }
        Assert.Contains("gc simulate", computed.Select(w => w[0]));
        Assert.Contains("sched simulate", computed.Select(w => w[0]));
        Assert.Contains("alloc class", computed.Select(w => w[0]));
        Assert.Empty(problems);
    }
}
