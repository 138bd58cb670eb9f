namespace GoRuntimeLab.Notebooks.Book;

/// <summary>What <see cref="BookBuilder"/> builds. Immutable; copy with <c>with</c>. Bad values surface as
/// <see cref="KitInputException"/> whose <see cref="KitInputException.Parameter"/> is "BookOptions.&lt;Property&gt;"
/// (a command line maps that to its own option name).</summary>
/// <param name="NotebooksDirectory">Folder holding NN-*.ipynb.</param>
/// <param name="OutputDirectory">Where the site goes. Created if missing, but only the folder itself: its parent must
/// exist. It may not be, contain or lie inside <paramref name="NotebooksDirectory"/> (the book writes executed copies of
/// the chapters and would overwrite their sources).</param>
/// <param name="PlotlyJs">Supplies plotly.js (written once as plotly.min.js). The engine does not depend on the chart
/// library: the caller passes e.g. GoRuntimeLab.Charts' embedded copy.</param>
public sealed record BookOptions(string NotebooksDirectory, string OutputDirectory, Func<byte[]> PlotlyJs)
{
    /// <summary>Only chapters whose number is listed ("02"); null or empty: all.</summary>
    public IReadOnlyList<string>? Only { get; init; }

    /// <summary>Progress lines (notebook k/n, cell i/m, seconds). Null: silent.</summary>
    public TextWriter? Log { get; init; }

    public TimeSpan CellTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The published browser build of golab (a folder holding <c>_framework/dotnet.js</c>, from
    /// lib/GoRuntimeLab.Wasm), copied once to <c>live/</c> so the pages' <c>data-golab-live</c> widgets run. Null or
    /// missing: the book has no live widgets and says so in one line.</summary>
    public string? LiveBundle { get; init; }
}
