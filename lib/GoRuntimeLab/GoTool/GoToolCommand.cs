// Mirrors: nothing in Go; the "run it if you can, replay it if you cannot" policy of GoProgram for one go command that
// is not a program of data/go — e.g. `go tool cover -func PROFILE` — whose stdout was recorded in data/recordings.
// Any Go version.
using GoRuntimeLab.IO;

namespace GoRuntimeLab.GoTool;

/// <summary>Runs one go command (<c>go tool cover -func …</c>) with the local Go, or replays its recorded stdout.</summary>
public static class GoToolCommand
{
    /// <summary>16 MiB: a recorded stdout of a go tool command.</summary>
    public static readonly KitReadLimits RecordingLimits = new("recorded go command output", 16L << 20);

    /// <summary>The default wall-time limit of the command.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Runs <c>go <paramref name="args"/></c> in <paramref name="workingDirectory"/> with the local Go
    /// (<see cref="GoToolchain.Find()"/>), labelled "live go1.19.8 linux/amd64"; without Go, replays
    /// <paramref name="recordedStdoutPath"/> as its stdout, labelled "recorded (data/recordings/…)".
    /// </summary>
    /// <exception cref="KitInputException">No arguments, a missing folder, or a missing or unreadable recording (checked in both cases).</exception>
    /// <exception cref="TimeoutException">The command ran longer than <paramref name="timeout"/>; it was killed.</exception>
    public static Task<ProgramOutput> RunOrReplayAsync(string workingDirectory, IReadOnlyList<string> args, string recordedStdoutPath,
        TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        RunOrReplayAsync(GoToolchain.Find(), workingDirectory, args, recordedStdoutPath, timeout, cancellationToken);

    /// <summary>As the other overload, with the toolchain chosen by the caller: null replays the recording even when Go is installed.</summary>
    public static async Task<ProgramOutput> RunOrReplayAsync(GoToolchain? toolchain, string workingDirectory, IReadOnlyList<string> args,
        string recordedStdoutPath, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Count == 0) throw KitInputException.For("no go command given (e.g. tool cover -func=PROFILE)", parameter: nameof(args));
        if (string.IsNullOrWhiteSpace(workingDirectory) || !Directory.Exists(workingDirectory))
            throw KitFile.NotFound(workingDirectory ?? "", nameof(workingDirectory), "folder");
        var limit = timeout ?? DefaultTimeout;
        if (limit <= TimeSpan.Zero) throw KitInputException.For($"must be positive, not {limit}", parameter: nameof(timeout));
        var recorded = KitFile.ReadAllText(recordedStdoutPath, RecordingLimits, nameof(recordedStdoutPath));
        if (toolchain is null)
            return new ProgramOutput($"recorded ({GoProgram.DisplayPath(recordedStdoutPath)})", recorded, "", 0);

        var outcome = await ProcessRunner.RunAsync(toolchain.GoPath, args, workingDirectory, GoToolchain.BaseEnvironment(), limit,
            "go " + string.Join(' ', args), cancellationToken).ConfigureAwait(false);
        return new ProgramOutput($"live {toolchain.Description}", outcome.Stdout, outcome.Stderr, outcome.ExitCode);
    }
}
