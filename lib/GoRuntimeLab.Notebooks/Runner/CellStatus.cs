namespace GoRuntimeLab.Notebooks.Runner;

/// <summary>Outcome of a cell.</summary>
public enum CellStatus
{
    /// <summary>Markdown or raw cell: nothing to run.</summary>
    NotCode,
    Succeeded,
    Failed,
    /// <summary>Not run because an earlier cell failed and the run was asked to stop.</summary>
    Skipped,
}
