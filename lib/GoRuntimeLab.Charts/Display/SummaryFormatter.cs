using System.Net;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.DotNet.Interactive.Formatting;

namespace GoRuntimeLab.Charts.Display;

/// <summary>
/// Shows a model result by the summary its type writes (a hand-written <c>ToString()</c>, e.g. "GOGC=100: 12 GC cycles
/// in 2 s, peak heap 71 MiB…") instead of .NET Interactive's default tree of every property and nested list, which for
/// a simulation is thousands of rows. Types without a hand-written summary keep the default display. Where the kit
/// has a Chinese rendering (<see cref="LearnerText"/>), that is shown instead of the English summary.
/// </summary>
internal static class SummaryFormatter
{
    public static void Register(Assembly models)
    {
        foreach (var type in SummaryTypes(models))
            Formatter.Register(type, (value, writer) => writer.Write(ToHtml(value)), HtmlFormatter.MimeType);
    }

    /// <summary>Public classes and records of <paramref name="models"/> whose ToString the kit wrote (not the compiler's).</summary>
    public static IEnumerable<Type> SummaryTypes(Assembly models) =>
        models.GetExportedTypes().Where(t => t.IsClass && !t.IsAbstract && !t.IsGenericTypeDefinition && HasOwnSummary(t));

    public static string ToHtml(object? value) =>
        "<pre class=\"golab-summary\" style=\"white-space:pre-wrap\">" + WebUtility.HtmlEncode(LearnerText.Of(value)) + "</pre>";

    private static bool HasOwnSummary(Type type)
    {
        var toString = type.GetMethod(nameof(ToString), BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly, Type.EmptyTypes);
        return toString is not null && !toString.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false);
    }
}
