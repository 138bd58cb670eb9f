namespace GoRuntimeLab.Notebooks.Runner;

/// <summary>Progress of a run: which cell of which notebook, and how long so far. <see cref="Cell"/> is 1-based
/// among code cells (what a person counts), <see cref="CellIndex"/> the 0-based index among all cells.</summary>
public sealed record NotebookProgress(string Notebook, int Cell, int CellCount, int CellIndex, TimeSpan Elapsed, CellStatus? Status)
{
    public override string ToString() =>
        $"{Notebook} cell {Cell}/{CellCount} {(Status is null ? "running" : Status.ToString()!.ToLowerInvariant())} {Elapsed.TotalSeconds:0.0}s";
}
