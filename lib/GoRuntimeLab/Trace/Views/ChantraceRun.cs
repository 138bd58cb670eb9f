// Mirrors: nothing in Go; pairs a run of data/go/chantrace (live, or replayed from data/recordings/chantrace) with the
// execution trace it wrote (any format TraceTimeline reads: Go 1.7–1.21 and the generation format of Go 1.22/1.23).
// Simplified: none.
using GoRuntimeLab.GoTool;
using GoRuntimeLab.IO;

namespace GoRuntimeLab.Trace.Views;

/// <summary>
/// A chantrace run: its output (the runtime/metrics histogram), the timeline of its trace, where they came from, and
/// the trace file the timeline was read from.
/// </summary>
public sealed record ChantraceRun(ChantraceOutput Output, TimelineView Timeline, string TraceSource, string TracePath)
{
    /// <summary>
    /// The run's output and timeline: the live trace (the path the program printed) when <paramref name="run"/> is live
    /// and the file is there; otherwise <paramref name="recordedTracePath"/> (the trace of the run the replayed
    /// recording holds).
    /// </summary>
    /// <param name="run">What GoProgram.RunOrReplayAsync returned for data/go/chantrace.</param>
    /// <param name="recordingPath">The recording the run replays when Go is absent.</param>
    /// <param name="recordedTracePath">The trace written by the run that recording holds.</param>
    /// <exception cref="KitInputException">The program failed, or its output or a file is unusable.</exception>
    public static ChantraceRun From(ProgramOutput run, string recordingPath, string recordedTracePath)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(recordingPath);
        ArgumentNullException.ThrowIfNull(recordedTracePath);
        if (run.ExitCode != 0)
            throw KitInputException.For($"chantrace exited with {run.ExitCode}: {KitText.Excerpt(run.Stderr.Trim(), 200)}", parameter: "run");
        var output = ChantraceOutput.Parse(run.Stdout, run.Source);
        if (run.IsLive && File.Exists(output.TracePath))
            return new ChantraceRun(output, TraceTimeline.Read(output.TracePath, "tracePath", output.Workload), $"{run.Source}, trace {output.TracePath}", output.TracePath);
        return new ChantraceRun(output, TraceTimeline.Read(recordedTracePath, "recordedTracePath", output.Workload), $"{run.Source}, trace {Path.GetFileName(recordedTracePath)}", recordedTracePath);
    }
}
