namespace GoRuntimeLab.Notebooks.Book;

/// <summary>What <see cref="BookBuilder"/> builds. Immutable; copy with <c>with</c>.</summary>
/// <param name="NotebooksDir">Folder holding NN-*.ipynb.</param>
/// <param name="OutDir">Where the site goes (created).</param>
/// <param name="PlotlyJs">Supplies plotly.js (written once as plotly.min.js). The engine does not depend on the chart
/// library: the caller passes e.g. GoRuntimeLab.Charts' embedded copy.</param>
public sealed record BookOptions(string NotebooksDir, string OutDir, Func<byte[]> PlotlyJs)
{
    /// <summary>Only chapters whose number is listed ("02"); null or empty: all.</summary>
    public IReadOnlyList<string>? Only { get; init; }

    /// <summary>Progress lines (notebook k/n, cell i/m, seconds). Null: silent.</summary>
    public TextWriter? Log { get; init; }

    public TimeSpan CellTimeout { get; init; } = TimeSpan.FromMinutes(5);
}
