// Mirrors: nothing in Go; the kit's "run it if you can, replay it if you cannot" policy for the Go programs in
// data/go, so every notebook works with or without a local Go. Any Go version.
namespace GoRuntimeLab.GoTool;

/// <summary>Runs a recorder program with the local Go, or replays its recording when there is no Go.</summary>
public static class GoProgram
{
    /// <summary>
    /// Runs <paramref name="programDir"/> with <paramref name="args"/> on the local Go (<see cref="GoToolchain.Find()"/>)
    /// and labels the result "live go1.19.8 linux/amd64"; without Go, replays <paramref name="recordingPath"/> and
    /// labels it "recorded go1.19.8 (data/recordings/…)".
    /// </summary>
    /// <remarks>
    /// The recording is checked in both cases — it must exist, be made by the same program (folder name) and with
    /// the same arguments — so a notebook that pairs the wrong recording fails on every machine, not only on
    /// machines without Go.
    /// </remarks>
    /// <exception cref="KitInputException">The recording is missing or malformed, or was made by another program or
    /// with other arguments; the message names the file.</exception>
    public static Task<ProgramOutput> RunOrReplayAsync(string programDir, IReadOnlyList<string> args, string recordingPath,
        GoRunOptions? options = null, CancellationToken cancellationToken = default) =>
        RunOrReplayAsync(GoToolchain.Find(), programDir, args, recordingPath, options, cancellationToken);

    /// <summary>
    /// As <see cref="RunOrReplayAsync(string, IReadOnlyList{string}, string, GoRunOptions?, CancellationToken)"/>, with
    /// the toolchain chosen by the caller: null replays the recording even when Go is installed (useful to show the
    /// reference output, and how tests exercise the fallback).
    /// </summary>
    public static async Task<ProgramOutput> RunOrReplayAsync(GoToolchain? toolchain, string programDir, IReadOnlyList<string> args,
        string recordingPath, GoRunOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(programDir);
        ArgumentNullException.ThrowIfNull(args);
        var recording = ReadMatching(programDir, args, recordingPath);
        if (toolchain is null)
            return new ProgramOutput($"recorded {recording.GoVersionText} ({DisplayPath(recordingPath)})", recording.Stdout, recording.Stderr, recording.ExitCode);

        var run = await toolchain.RunAsync(programDir, args, options, cancellationToken).ConfigureAwait(false);
        return new ProgramOutput($"live {toolchain.Description}", run.Stdout, run.Stderr, run.ExitCode);
    }

    private static GoRecording ReadMatching(string programDir, IReadOnlyList<string> args, string recordingPath)
    {
        var recording = GoRecording.Read(recordingPath);
        var wanted = LastSegment(programDir);
        if (!string.Equals(LastSegment(recording.Program), wanted, StringComparison.Ordinal))
            throw KitInputException.For($"this recording is of {recording.Program}, not of {programDir}", parameter: "recordingPath", file: recordingPath);
        if (!recording.Args.SequenceEqual(args, StringComparer.Ordinal))
            throw KitInputException.For($"this recording was made with arguments [{string.Join(' ', recording.Args)}], not [{string.Join(' ', args)}]",
                parameter: "recordingPath", file: recordingPath);
        return recording;
    }

    private static string LastSegment(string path) =>
        path.Replace('\\', '/').TrimEnd('/').Split('/')[^1] is { Length: > 0 } last && last != "." && last != ".."
            ? last
            : new DirectoryInfo(Path.GetFullPath(path)).Name;

    /// <summary>
    /// The recording's path from "data/recordings/" on, so labels read the same from notebooks/ ("../data/…"), from
    /// the repository root, or given an absolute path (which would also leak the machine's folder layout).
    /// </summary>
    internal static string DisplayPath(string path)
    {
        var normal = path.Replace('\\', '/');
        var at = normal.LastIndexOf("data/recordings/", StringComparison.Ordinal);
        if (at >= 0) return normal[at..];
        return Path.IsPathRooted(path) ? Path.GetFileName(path) : normal;
    }
}
