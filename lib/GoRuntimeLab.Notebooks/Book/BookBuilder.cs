using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using GoRuntimeLab.Notebooks.Runner;

namespace GoRuntimeLab.Notebooks.Book;

/// <summary>
/// <c>golab book</c>: executes the chapter notebooks in this process and writes the HTML book — index.html (course
/// map), one page per chapter, the executed .ipynb beside each page and one shared plotly.min.js, so the book works
/// offline (ARCHITECTURE.md §5).
/// </summary>
public static partial class BookBuilder
{
    [GeneratedRegex(@"^\d\d-[^/\\]+\.ipynb$")]
    private static partial Regex ChapterFile();

    [GeneratedRegex("<h2 id=\"(?<id>[^\"]+)\">(?<text>.*?)</h2>", RegexOptions.Singleline)]
    private static partial Regex H2();

    private const string OnlyParameter = nameof(BookOptions) + "." + nameof(BookOptions.Only);
    private const string NotebooksParameter = nameof(BookOptions) + "." + nameof(BookOptions.NotebooksDirectory);

    /// <summary>The chapter notebooks to build (NN-*.ipynb), filtered by <see cref="BookOptions.Only"/>. Bad input
    /// (missing folder, a chapter number that matches nothing) throws <see cref="KitInputException"/>.</summary>
    public static IReadOnlyList<string> SelectNotebooks(BookOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.NotebooksDirectory))
            throw new KitInputException("the notebooks folder is empty; name the folder holding NN-*.ipynb") { Parameter = NotebooksParameter };
        if (!Directory.Exists(options.NotebooksDirectory))
            throw KitInputException.For("notebooks folder not found", parameter: NotebooksParameter, file: options.NotebooksDirectory);
        var all = Directory.GetFiles(options.NotebooksDirectory, "*.ipynb")
            .Where(p => ChapterFile().IsMatch(Path.GetFileName(p)))
            .Order(StringComparer.Ordinal).ToList();
        if (options.Only is not { Count: > 0 } only) return all;
        var selected = new List<string>();
        foreach (var raw in only)
        {
            if (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n is < 1 or > 99)
                throw new KitInputException($"'{raw}' is not a chapter number (01-99)") { Parameter = OnlyParameter };
            var prefix = n.ToString("00", CultureInfo.InvariantCulture) + "-";
            var match = all.Where(p => Path.GetFileName(p).StartsWith(prefix, StringComparison.Ordinal)).ToList();
            if (match.Count == 0)
                throw new KitInputException(
                    $"no chapter {prefix[..2]}: no {prefix}*.ipynb in {options.NotebooksDirectory} (chapters present: {string.Join(", ", all.Select(p => Path.GetFileName(p)[..2]))})")
                {
                    Parameter = OnlyParameter,
                };
            selected.AddRange(match);
        }
        return selected.Distinct().ToList();
    }

    public static async Task<BookResult> BuildAsync(BookOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        // All input checked before anything runs or is written: the chapters, the output folder, every notebook
        // readable and its kit references resolvable.
        var notebooks = SelectNotebooks(options);
        var outDir = OutputFolder.Check(options.OutputDirectory, options.NotebooksDirectory);
        foreach (var path in notebooks) NotebookRunner.Prepare(path);
        var clock = Stopwatch.StartNew();
        OutputFolder.Create(outDir);
        var plotlyPath = Path.Combine(outDir, "plotly.min.js");
        AtomicFile.Write(plotlyPath, options.PlotlyJs());
        var wantsLive = notebooks.Any(p => File.ReadAllText(p).Contains(LiveWidgets.Attribute, StringComparison.Ordinal));
        var live = wantsLive && LiveWidgets.IsBundle(options.LiveBundle);
        if (live)
        {
            var bytes = LiveWidgets.Install(options.LiveBundle!, outDir);
            options.Log?.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"live widgets: golab for the browser ({bytes / 1048576.0:0.0} MiB) copied to {Path.Combine(outDir, LiveWidgets.Folder)}"));
        }
        else if (wantsLive)
        {
            options.Log?.WriteLine("live widgets: off — no browser build of golab (build lib/GoRuntimeLab.Cli without -p:GolabLive=false to publish lib/GoRuntimeLab.Wasm)");
        }

        var results = new List<BookChapterResult>();
        for (var k = 0; k < notebooks.Count; k++)
        {
            var path = notebooks[k];
            var file = Path.GetFileName(path);
            var chapter = CourseMap.Chapters.FirstOrDefault(c => c.Notebook == file);
            options.Log?.WriteLine($"[{k + 1}/{notebooks.Count}] {file}");
            var progress = options.Log is null ? null : new InlineProgress<NotebookProgress>(p =>
            {
                if (p.Status is not null)
                    options.Log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    cell {p.Cell}/{p.CellCount} {p.Status.ToString()!.ToLowerInvariant(),-9} {p.Elapsed.TotalSeconds,6:0.0}s"));
            });
            var run = await NotebookRunner.RunAsync(path, NotebookRunOptions.Default.WithProgress(progress).WithCellTimeout(options.CellTimeout),
                cancellationToken).ConfigureAwait(false);
            foreach (var failed in run.FailedCells)
                options.Log?.WriteLine($"    FAILED {file} cell {failed.Index}: {failed.Error}");

            var executedPath = Path.Combine(outDir, file);
            NotebookRunner.Write(run.Document, executedPath);
            var pagePath = Path.Combine(outDir, Path.ChangeExtension(file, ".html"));
            var previous = k > 0 ? Path.ChangeExtension(Path.GetFileName(notebooks[k - 1]), ".html") : null;
            var next = k + 1 < notebooks.Count ? Path.ChangeExtension(Path.GetFileName(notebooks[k + 1]), ".html") : null;
            var pageHtml = PageRenderer.Render(run, chapter?.Title ?? file, previous, next, file, live);
            AtomicFile.Write(pagePath, Encoding.UTF8.GetBytes(pageHtml));
            using var self = Process.GetCurrentProcess();
            results.Add(new BookChapterResult(chapter, run, pagePath, executedPath, self.PeakWorkingSet64, Sections(pageHtml)));
        }

        var indexPath = Path.Combine(outDir, "index.html");
        AtomicFile.Write(indexPath, Encoding.UTF8.GetBytes(RenderIndex(results)));
        return new BookResult(outDir, indexPath, plotlyPath, results, clock.Elapsed);
    }

    /// <summary>The course map: every chapter of <see cref="CourseMap"/>, linked where built, with the sections the
    /// notebook actually has (its level-2 headings, linked to their anchors).</summary>
    internal static string RenderIndex(IReadOnlyList<BookChapterResult> built)
    {
        var sb = new StringBuilder();
        sb.Append("<h1>深圳Go语言从入门到精通 · GoRuntimeLab</h1>\n");
        sb.Append("<p>用 C# 笔记本和忠实于 Go 运行时的模型学习 Go：改参数、看图、再对照真实 Go 的输出。<br>");
        sb.Append("Learn Go's runtime with C# notebooks: change a parameter, watch the model answer, compare with real Go.</p>\n");
        foreach (var chapter in CourseMap.Chapters)
        {
            var result = built.FirstOrDefault(b => b.Chapter == chapter);
            sb.Append("<div class=\"chapter\">");
            if (result is null)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<h2 class=\"missing\">{WebUtility.HtmlEncode(chapter.Title)}</h2>");
                sb.Append(CultureInfo.InvariantCulture, $"<p class=\"missing\">{WebUtility.HtmlEncode(chapter.Summary)} — 未包含在本次构建中 / not in this build.</p>");
                sb.Append("<ul>").Append(string.Concat(chapter.Sections.Select(s => $"<li class=\"missing\">{WebUtility.HtmlEncode(s)}</li>"))).Append("</ul>");
            }
            else
            {
                AppendBuilt(sb, result, chapter.Title, chapter.Summary);
            }
            sb.Append("</div>\n");
        }
        foreach (var extra in built.Where(b => b.Chapter is null))
        {
            sb.Append("<div class=\"chapter\">");
            AppendBuilt(sb, extra, Path.GetFileNameWithoutExtension(extra.PagePath), null);
            sb.Append("</div>\n");
        }
        return PageRenderer.Page("深圳Go语言从入门到精通 · GoRuntimeLab", sb.ToString());
    }

    private static void AppendBuilt(StringBuilder sb, BookChapterResult result, string title, string? summary)
    {
        var page = Path.GetFileName(result.PagePath);
        var state = result.Run.Failed ? " <span class=\"failnote\">（有失败的单元格 / has failed cells）</span>" : "";
        sb.Append(CultureInfo.InvariantCulture, $"<h2><a href=\"{page}\">{WebUtility.HtmlEncode(title)}</a>{state}</h2>");
        sb.Append(CultureInfo.InvariantCulture, $"<p>{WebUtility.HtmlEncode(summary ?? "")} · <a href=\"{Path.GetFileName(result.ExecutedNotebookPath)}\">.ipynb</a></p><ul>");
        foreach (var (id, text) in result.Sections)
            sb.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{page}#{WebUtility.HtmlEncode(id)}\">{text}</a></li>");
        sb.Append("</ul>");
    }

    /// <summary>The page's level-2 headings (id, inner HTML), in order: the chapter's sections.</summary>
    private static List<(string Id, string Html)> Sections(string pageHtml) =>
        H2().Matches(pageHtml).Select(m => (m.Groups["id"].Value, m.Groups["text"].Value)).ToList();

    /// <summary>Progress that reports on the caller's thread (Progress&lt;T&gt; posts to the thread pool, which
    /// reorders lines).</summary>
    private sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
