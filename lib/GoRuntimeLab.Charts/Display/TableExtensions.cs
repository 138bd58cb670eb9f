using GoRuntimeLab.Charts.Display;

namespace GoRuntimeLab.Charts;

/// <summary>Notebook helpers: <c>new { … }.AsTable()</c> for one result, <c>items.AsTable()</c> for a list.</summary>
public static class TableExtensions
{
    /// <summary>Shows one object's properties as a name/value table (see <see cref="KeyValueTable"/>).</summary>
    public static KeyValueTable AsTable(this object value) => KeyValueTable.Of(value);

    /// <summary>Shows a list as one table, a column per property (see <see cref="RowTable"/>).</summary>
    public static RowTable AsTable<T>(this IEnumerable<T> items) => RowTable.Of(items);
}
