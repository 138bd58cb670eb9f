using System.Globalization;
using System.Net;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;

namespace GoRuntimeLab.Charts.Display;

/// <summary>
/// A list of results shown as one table (a column per property, a row per item) instead of .NET Interactive's list
/// of collapsed <c>▶ { … }</c> rows. Notebooks write <c>items.Select(x => new { … }).AsTable()</c>. Items that are
/// plain values (numbers, strings, enums, value types with their own text) or that the kit renders in Chinese
/// (<see cref="LearnerText"/>) get a single column.
/// </summary>
/// <param name="Columns">Column headings (property names).</param>
/// <param name="Rows">The cells, one list per item, as displayed.</param>
public sealed record RowTable(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    /// <summary>The heading of the single column used for plain values.</summary>
    public const string ValueColumn = "值 value";

    /// <summary>Tabulates <paramref name="items"/> (enumerated once).</summary>
    public static RowTable Of<T>(IEnumerable<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var list = items.Cast<object?>().ToList();
        var type = typeof(T) != typeof(object) ? typeof(T) : list.FirstOrDefault(x => x is not null)?.GetType() ?? typeof(object);
        if (IsPlain(type))
            return new RowTable([ValueColumn], list.Select(x => (IReadOnlyList<string>)[Cell(x)]).ToList());

        var members = Members(type);
        return new RowTable(members.Select(m => m.Name).ToList(),
            list.Select(x => (IReadOnlyList<string>)members.Select(m => x is null ? "" : Cell(m.Get(x))).ToList()).ToList());
    }

    /// <summary>The HTML table the formatter writes.</summary>
    public string ToHtml()
    {
        var sb = new StringBuilder("<table class=\"golab-rows\"><thead><tr>");
        foreach (var c in Columns) sb.Append("<th style=\"text-align:left\">").Append(WebUtility.HtmlEncode(c)).Append("</th>");
        sb.Append("</tr></thead><tbody>");
        foreach (var row in Rows)
        {
            sb.Append("<tr>");
            foreach (var cell in row) sb.Append("<td style=\"text-align:left;white-space:pre-wrap\">").Append(WebUtility.HtmlEncode(cell)).Append("</td>");
            sb.Append("</tr>");
        }

        return sb.Append("</tbody></table>").ToString();
    }

    public override string ToString() =>
        string.Join("\n", new[] { string.Join(" | ", Columns) }.Concat(Rows.Select(r => string.Join(" | ", r))));

    /// <summary>How one value is shown in a cell (also used by <see cref="KeyValueTable"/>).</summary>
    internal static string Cell(object? value) => value switch
    {
        null => "",
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        System.Collections.IEnumerable e => string.Join(", ", e.Cast<object?>().Select(Cell)),
        _ => LearnerText.Of(value),
    };

    private static bool IsPlain(Type type) =>
        type == typeof(string) || type.IsPrimitive || type.IsEnum || type == typeof(decimal)
        || LearnerText.HasChineseRendering(type)
        || (type.IsValueType && !IsValueTuple(type) && HasOwnToString(type));

    private static bool IsValueTuple(Type type) =>
        type.IsGenericType && type.FullName?.StartsWith("System.ValueTuple`", StringComparison.Ordinal) == true;

    private static bool HasOwnToString(Type type)
    {
        var m = type.GetMethod(nameof(ToString), BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly, Type.EmptyTypes);
        return m is not null && !m.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false);
    }

    private static List<(string Name, Func<object, object?> Get)> Members(Type type)
    {
        if (IsValueTuple(type))
            return type.GetFields(BindingFlags.Public | BindingFlags.Instance).Select(f => (f.Name, (Func<object, object?>)f.GetValue)).ToList();
        return type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract")
            .Select(p => (p.Name, (Func<object, object?>)p.GetValue)).ToList();
    }
}
