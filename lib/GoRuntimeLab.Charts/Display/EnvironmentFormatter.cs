using System.Net;
using System.Text;
using Microsoft.DotNet.Interactive.Formatting;

namespace GoRuntimeLab.Charts.Display;

/// <summary>Shows <see cref="KitEnvironment"/> as a small checklist table (no Plotly.NET types: works in any kernel).</summary>
internal static class EnvironmentFormatter
{
    public static void Register() =>
        Formatter.Register<KitEnvironment>((env, writer) => writer.Write(ToHtml(env)), HtmlFormatter.MimeType);

    public static string ToHtml(KitEnvironment env)
    {
        var sb = new StringBuilder("<table class=\"golab-env\">");
        Row(sb, "内核 kernel", env.Host, true);
        Row(sb, ".NET", $"{env.DotNet} · {env.Os}", true);
        Row(sb, "FSharp.Core", env.FSharpCore ?? "未加载 not loaded", env.ChartsWork);
        Row(sb, "Plotly.NET", env.PlotlyNet ?? "无法加载 cannot load", env.ChartsWork);
        Row(sb, "Go", env.Go ?? "不在 PATH 上：使用 data/ 中的录制 · not on PATH: recordings from data/ are replayed", env.GoAvailable);
        sb.Append("</table>");
        if (env.Problem is not null) sb.Append("<pre class=\"golab-problem\">").Append(WebUtility.HtmlEncode(env.Problem)).Append("</pre>");
        return sb.ToString();
    }

    private static void Row(StringBuilder sb, string what, string value, bool ok) =>
        sb.Append("<tr><td>").Append(ok ? "✅" : "⚠️").Append("</td><th style=\"text-align:left\">").Append(WebUtility.HtmlEncode(what))
          .Append("</th><td>").Append(WebUtility.HtmlEncode(value)).Append("</td></tr>");
}
