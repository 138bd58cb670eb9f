using GoRuntimeLab.Charts.Display;

namespace GoRuntimeLab.Charts;

/// <summary>Notebook helper: <c>new { … }.AsTable()</c>.</summary>
public static class TableExtensions
{
    /// <summary>Shows one object's properties as a name/value table (see <see cref="KeyValueTable"/>).</summary>
    public static KeyValueTable AsTable(this object value) => KeyValueTable.Of(value);
}
