using System.Globalization;
using System.Text;
using System.Threading;

namespace GoRuntimeLab.Charts.Display;

/// <summary>
/// HTML for one chart that draws in every front end the kit meets: the book (plotly.js already on the page),
/// JupyterLab (no RequireJS), classic Notebook (RequireJS present: plotly's UMD bundle would register as an
/// anonymous AMD module and never set <c>window.Plotly</c>, so it is loaded through <c>require</c> there) and
/// VS Code. It never opens a browser.
/// </summary>
/// <remarks>Pure string work, no Plotly.NET types: usable from any kernel, e.g. to wrap an XPlot chart's script.</remarks>
public static class PlotlyHtml
{
    private static long counter;

    /// <summary>A fresh, deterministic-per-process element id.</summary>
    public static string NewId() => "golab-chart-" + Interlocked.Increment(ref counter).ToString(CultureInfo.InvariantCulture);

    /// <summary>HTML for a figure given as plotly JSON (<c>{"data":[…],"layout":{…}}</c>).</summary>
    public static string FromFigureJson(string figureJson, string? configJson = null, string? divId = null, int heightPx = 420)
    {
        divId ??= NewId();
        var draw = $"var fig = {figureJson}; P.newPlot('{divId}', fig.data, fig.layout || {{}}, {configJson ?? DefaultConfig});";
        return Wrap(divId, draw, heightPx);
    }

    /// <summary>HTML that runs <paramref name="drawScript"/> (JavaScript using the global <c>Plotly</c> or the local
    /// <c>P</c>) once plotly.js is available, into a div with id <paramref name="divId"/>.</summary>
    public static string Wrap(string divId, string drawScript, int heightPx = 420)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(divId);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<div id=\"{divId}\" class=\"golab-chart\" style=\"width:100%;height:{heightPx}px;\"></div>\n");
        sb.Append("<script type=\"text/javascript\">\n(function () {\n");
        sb.Append("  function draw(P) { var Plotly = P; ").Append(drawScript).Append(" }\n");
        sb.Append(CultureInfo.InvariantCulture, $"  var id = '{divId}';\n");
        sb.Append(Loader);
        sb.Append("})();\n</script>\n");
        return sb.ToString();
    }

    private const string DefaultConfig = "{\"responsive\": true, \"displaylogo\": false}";

    // Order: a page that already has Plotly (the book) > RequireJS (classic Notebook) > a script tag (JupyterLab,
    // VS Code). Several charts arriving before the script has loaded queue behind one <script> element.
    private static readonly string Loader = """
          if (window.Plotly) { draw(window.Plotly); return; }
          var url = window.golabPlotlyUrl || '
        """ + PlotlyJs.CdnUrl + """
        ';
          if (typeof window.requirejs === 'function' && typeof window.define === 'function' && window.define.amd) {
            window.requirejs.config({ paths: { golabplotly: url.replace(/\.js$/, '') } });
            window.requirejs(['golabplotly'], function (P) { window.Plotly = P; draw(P); });
            return;
          }
          if (window.__golabPlotlyQueue) { window.__golabPlotlyQueue.push(draw); return; }
          window.__golabPlotlyQueue = [draw];
          var s = document.createElement('script');
          s.src = url;
          s.onload = function () { var q = window.__golabPlotlyQueue; window.__golabPlotlyQueue = null; q.forEach(function (f) { f(window.Plotly); }); };
          s.onerror = function () { var d = document.getElementById(id); if (d) d.textContent = 'plotly.js could not be loaded from ' + url + ' (offline? run `golab book`: the book ships its own copy)'; };
          document.head.appendChild(s);

        """;
}
