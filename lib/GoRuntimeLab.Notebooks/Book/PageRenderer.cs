using System.Globalization;
using System.Net;
using System.Text;
using GoRuntimeLab.Notebooks.Runner;
using Markdig;
using Microsoft.DotNet.Interactive.Documents;

namespace GoRuntimeLab.Notebooks.Book;

/// <summary>Renders an executed notebook as one HTML page: markdown (Markdig), highlighted code, every output —
/// HTML outputs (charts) raw, text escaped, errors in a red box where they happened.</summary>
public static class PageRenderer
{
    private static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder()
        .UseAdvancedExtensions()
        .Build();

    /// <summary>Markdown to HTML; headings get ids from <paramref name="ids"/> (one per page) when given.</summary>
    public static string MarkdownToHtml(string markdown, HeadingIds? ids = null)
    {
        var html = Markdig.Markdown.ToHtml(markdown, Markdown);
        return ids is null ? html : ids.AddIds(html);
    }

    /// <summary>The page for <paramref name="run"/>. Links: index, previous and next chapter, the executed .ipynb.
    /// With <paramref name="live"/>, a page holding <c>data-golab-live</c> widgets loads live/golab-live.js.</summary>
    public static string Render(NotebookRunResult run, string title, string? previousPage, string? nextPage, string executedNotebookName, bool live = false)
    {
        var body = new StringBuilder();
        var ids = new HeadingIds();
        var cellsById = run.Cells.ToDictionary(c => c.Index);
        for (var i = 0; i < run.Document.Elements.Count; i++)
        {
            var element = run.Document.Elements[i];
            var cell = cellsById[i];
            if (cell.Status == CellStatus.NotCode)
            {
                body.Append("<section class=\"md\">").Append(MarkdownToHtml(element.Contents, ids)).Append("</section>\n");
                continue;
            }
            var css = cell.Status switch { CellStatus.Failed => "cell failed", CellStatus.Skipped => "cell skipped", _ => "cell" };
            body.Append(CultureInfo.InvariantCulture, $"<div class=\"{css}\" id=\"cell-{i}\">");
            body.Append(CultureInfo.InvariantCulture, $"<div class=\"prompt\">[{(element.ExecutionOrder > 0 ? element.ExecutionOrder.ToString(CultureInfo.InvariantCulture) : " ")}]</div>");
            body.Append("<pre class=\"code\"><code class=\"language-csharp\">").Append(CodeHighlighter.ToHtml(element.Contents)).Append("</code></pre>\n");
            if (cell.Status == CellStatus.Failed)
                body.Append(CultureInfo.InvariantCulture, $"<div class=\"failnote\">该单元格执行失败 / This cell failed (cell {i}).</div>\n");
            if (cell.Status == CellStatus.Skipped)
                body.Append("<div class=\"failnote\">未执行：前面的单元格失败 / Not run: an earlier cell failed.</div>\n");
            foreach (var output in cell.Outputs) body.Append(RenderOutput(output));
            body.Append("</div>\n");
        }
        var nav = new StringBuilder("<nav><a href=\"index.html\">目录 / Contents</a>");
        if (previousPage is not null) nav.Append(CultureInfo.InvariantCulture, $" · <a href=\"{previousPage}\">← 上一章</a>");
        if (nextPage is not null) nav.Append(CultureInfo.InvariantCulture, $" · <a href=\"{nextPage}\">下一章 →</a>");
        nav.Append(CultureInfo.InvariantCulture, $" · <a href=\"{executedNotebookName}\" download>.ipynb</a></nav>");
        var status = run.Failed
            ? $"<p class=\"runinfo failed\">{run.FailedCells.Count()} 个单元格失败 / cell(s) failed — 见红框 / see the red boxes.</p>"
            : $"<p class=\"runinfo\">由 golab 执行于 {run.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} 秒 / executed by golab in {run.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s.</p>";
        var html = nav + status + body.ToString() + nav;
        return Page(title, html, live && LiveWidgets.HasWidgets(html));
    }

    internal static string RenderOutput(InteractiveDocumentOutputElement output) => output switch
    {
        ErrorElement e => $"<div class=\"output error\"><strong>{WebUtility.HtmlEncode(e.ErrorName)}</strong><pre>{WebUtility.HtmlEncode(e.ErrorValue)}</pre></div>\n",
        TextElement t => $"<pre class=\"output {(t.Name == "stderr" ? "stderr" : "stdout")}\">{WebUtility.HtmlEncode(t.Text)}</pre>\n",
        DisplayElement d => RenderData(d.Data),
        ReturnValueElement r => RenderData(r.Data),
        _ => "",
    };

    private static string RenderData(IDictionary<string, object> data)
    {
        if (data.TryGetValue("text/html", out var html)) return $"<div class=\"output html\">{Text(html)}</div>\n";
        if (data.TryGetValue("image/svg+xml", out var svg)) return $"<div class=\"output html\">{Text(svg)}</div>\n";
        if (data.TryGetValue("image/png", out var png)) return $"<div class=\"output\"><img alt=\"output\" src=\"data:image/png;base64,{Text(png)}\"/></div>\n";
        if (data.TryGetValue("text/markdown", out var md)) return $"<div class=\"output md\">{MarkdownToHtml(Text(md))}</div>\n";
        if (data.TryGetValue("text/plain", out var plain)) return $"<pre class=\"output stdout\">{WebUtility.HtmlEncode(Text(plain))}</pre>\n";
        return "";
    }

    private static string Text(object value) => value switch
    {
        string s => s,
        IEnumerable<object> lines => string.Concat(lines),
        _ => value.ToString() ?? "",
    };

    /// <summary>The common page frame: offline, one shared plotly.min.js, no other script or font from outside;
    /// with <paramref name="live"/>, the live widgets' script (<see cref="LiveWidgets"/>).</summary>
    public static string Page(string title, string body, bool live = false) => $$"""
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{WebUtility.HtmlEncode(title)}}</title>
        {{(live ? LiveWidgets.ScriptTag + "\n" : "")}}<script src="plotly.min.js"></script>
        <style>{{Css}}</style>
        </head>
        <body>
        <main>
        {{body}}
        </main>
        </body>
        </html>
        """;

    private const string Css = """
        body{font-family:-apple-system,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;line-height:1.6;color:#222;background:#fafafa;margin:0}
        main{max-width:980px;margin:0 auto;padding:1.5em;background:#fff}
        nav{margin:.5em 0;font-size:.95em}
        pre{overflow-x:auto}
        pre.code{background:#f4f6f8;border-left:3px solid #4a90d9;padding:.6em .8em;margin:.2em 0;font-size:.9em}
        .cell{margin:1em 0}.prompt{color:#999;font-size:.8em}
        .cell.failed pre.code{border-left-color:#d33}.failnote{color:#b00;font-weight:bold}
        .output{margin:.3em 0 .3em 1em}pre.output{background:#fff;border:1px solid #eee;padding:.5em}
        pre.stderr{background:#fff6e5}.output.error{background:#fde8e8;border:1px solid #d33;padding:.5em}
        .runinfo{color:#666;font-size:.85em}.runinfo.failed{color:#b00;font-weight:bold}
        table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:.3em .6em}
        blockquote{border-left:4px solid #e0a800;background:#fff8e1;margin:1em 0;padding:.5em 1em}
        .c{color:#6a737d}.s{color:#032f62}.k{color:#d73a49}.n{color:#005cc5}.d{color:#6f42c1}
        .chapter{margin:1em 0}.chapter .missing{color:#999}
        [data-golab-live]{border:1px solid #4a90d9;border-radius:4px;padding:.5em .8em;margin:1em 0;background:#f7fbff}
        [data-golab-live]:empty{display:none}
        .golab-live-title{font-weight:bold;color:#2b6cb0}.golab-live-controls label{margin-right:1em;font-size:.9em}
        .golab-live-controls input{font-family:monospace}.golab-live-status{color:#666;font-size:.85em;margin:.3em 0}
        .golab-live-error{color:#b00;font-weight:bold;background:#fde8e8;border:1px solid #d33;padding:.4em}
        """;
}
