namespace GoRuntimeLab.Notebooks.Runner;

/// <summary>How to run a notebook. Immutable; copy with <c>with</c> or the <c>With*</c> helpers.</summary>
public sealed record NotebookRunOptions
{
    public static NotebookRunOptions Default { get; } = new();

    /// <summary>Stop at the first failed cell (later cells are <see cref="CellStatus.Skipped"/>). Default: continue,
    /// so one broken cell does not hide the state of the rest.</summary>
    public bool StopOnError { get; init; }

    /// <summary>A cell that takes longer is reported failed and the run stops (the kernel cannot be trusted after).</summary>
    public TimeSpan CellTimeout { get; init; } = TimeSpan.FromMinutes(5);

    public IProgress<NotebookProgress>? Progress { get; init; }

    public NotebookRunOptions WithStopOnError(bool stop = true) => this with { StopOnError = stop };

    public NotebookRunOptions WithProgress(IProgress<NotebookProgress>? progress) => this with { Progress = progress };

    public NotebookRunOptions WithCellTimeout(TimeSpan timeout)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        return this with { CellTimeout = timeout };
    }
}
