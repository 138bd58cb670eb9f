using Microsoft.DotNet.Interactive.Formatting;
using Plotly.NET;

namespace GoRuntimeLab.Charts.Display;

/// <summary>
/// The kit's <c>text/html</c> formatter for Plotly.NET charts. Plotly.NET.Interactive's own formatter loads
/// plotly.js through RequireJS from a CDN (blank charts in JupyterLab, none offline) and pins old .NET Interactive
/// betas; this one uses <see cref="PlotlyHtml"/> instead.
/// </summary>
public static class ChartFormatter
{
    private static int registered;

    /// <summary>Registers the formatter once per process. Touches Plotly.NET types: call only where FSharp.Core 10.1
    /// loads (see <see cref="Kit.Setup()"/>, which checks first).</summary>
    public static void Register()
    {
        if (Interlocked.Exchange(ref registered, 1) == 1) return;
        Formatter.Register<GenericChart>((chart, writer) => writer.Write(ToHtml(chart)), HtmlFormatter.MimeType);
        Formatter.SetPreferredMimeTypesFor(typeof(GenericChart), HtmlFormatter.MimeType);
    }

    /// <summary>The chart as self-loading HTML (see <see cref="PlotlyHtml"/>).</summary>
    public static string ToHtml(GenericChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var (_, height) = GenericChart.tryGetLayoutSize(chart).ToValueTuple();
        var heightPx = height is { } h ? h.Value : 420;
        return PlotlyHtml.FromFigureJson(GenericChart.toFigureJson(chart), heightPx: heightPx);
    }
}
