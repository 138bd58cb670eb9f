// Mirrors: one worker goroutine of data/go/welcome-sleep and data/go/welcome-waitgroup, from its "start" line to
// its "done" line. Go 1.19–1.23 (the programs use only time, sync and fmt).
namespace GoRuntimeLab.GoTool;

/// <summary>
/// The life of one worker goroutine as its program printed it. <see cref="DoneMs"/> is null when the goroutine never
/// printed "done" — it was still working when main returned and the process exited: the lost work the course's
/// time.Sleep example hides.
/// </summary>
/// <param name="G">The program's worker number (1, 2, 3), not the runtime's goroutine id, which Go does not expose.</param>
/// <param name="Role">The worker's role label, e.g. "南山后端".</param>
/// <param name="StartMs">When it started, in ms since main started.</param>
/// <param name="DoneMs">When it finished, in ms since main started; null if it was cut off.</param>
public sealed record GoroutineSpan(int G, string Role, double StartMs, double? DoneMs)
{
    /// <summary>True when the goroutine printed "done" before the process ended.</summary>
    public bool Finished => DoneMs is not null;

    /// <summary>How long it worked, when it finished.</summary>
    public double? DurationMs => DoneMs - StartMs;
}
