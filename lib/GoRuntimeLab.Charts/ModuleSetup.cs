using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using GoRuntimeLab.Charts.Display;

namespace GoRuntimeLab.Charts;

internal static class ModuleSetup
{
    /// <summary>The first use of any type of this library in a kernel registers the chart formatter, so a learner
    /// who restyles a chart with Plotly.NET directly still sees a chart, not a tree of properties.</summary>
    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255", Justification = "Deliberate: registration on load is what a notebook library needs.")]
    [SuppressMessage("Design", "CA1031", Justification = "Where FSharp.Core 10.1 is missing, Kit.Setup reports it; loading must not throw.")]
    internal static void Initialize()
    {
        EnvironmentFormatter.Register();
        SummaryFormatter.Register(typeof(GoVersion).Assembly);
        Microsoft.DotNet.Interactive.Formatting.Formatter.Register<KeyValueTable>(
            (table, writer) => writer.Write(table.ToHtml()), Microsoft.DotNet.Interactive.Formatting.HtmlFormatter.MimeType);
        Microsoft.DotNet.Interactive.Formatting.Formatter.Register<RowTable>(
            (table, writer) => writer.Write(table.ToHtml()), Microsoft.DotNet.Interactive.Formatting.HtmlFormatter.MimeType);
        try { RegisterCharts(); }
        catch (Exception) { /* reported by Kit.Setup */ }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void RegisterCharts() => ChartFormatter.Register();
}
