using Microsoft.FSharp.Core;
using Plotly.NET;

namespace GoRuntimeLab.Charts;

/// <summary>Small C# shims over Plotly.NET's F# style functions that Plotly.NET.CSharp 0.14 does not wrap.</summary>
public static class ChartStyle
{
    /// <summary>Sets the chart's title (Plotly.NET <c>Chart.withTitle</c>).</summary>
    public static GenericChart WithTitle(GenericChart chart, string title) =>
        Plotly.NET.Chart.withTitle(title, FSharpOption<Font>.None).Invoke(chart);
}
