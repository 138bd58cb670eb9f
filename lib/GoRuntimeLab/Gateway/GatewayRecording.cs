// Mirrors: nothing in Go; a run of data/go/gateway as the kit keeps it: a golab recording (stdout = GatewayRun,
// stderr = GODEBUG=gctrace=1 lines, runtime/mgc.go gcMarkTermination) and the CPU and heap profiles it wrote
// (runtime/pprof, profile.proto), Go 1.19–1.23.
using GoRuntimeLab.Gc.Trace;
using GoRuntimeLab.GoTool;
using GoRuntimeLab.Pprof;

namespace GoRuntimeLab.Gateway;

/// <summary>One gateway run: its numbers, its gctrace and where its profiles are (null when it wrote none).</summary>
/// <param name="Source">The recording file, or the label of a live run.</param>
/// <param name="Run">The load phase's latencies and allocation totals.</param>
/// <param name="GcTrace">Every gc line of the run (warm-up included).</param>
/// <param name="CpuProfilePath">The CPU profile (-cpuprofile), or null.</param>
/// <param name="HeapProfilePath">The heap profile (-memprofile), or null.</param>
public sealed record GatewayRecording(string Source, GatewayRun Run, GcTraceLog GcTrace, string? CpuProfilePath, string? HeapProfilePath)
{
    /// <summary>
    /// Reads a recording of data/go/gateway. Profile arguments (paths relative to data/go/gateway) are looked up by
    /// file name beside the recording.
    /// </summary>
    /// <exception cref="KitInputException">Not a recording of data/go/gateway, or its output is malformed.</exception>
    public static GatewayRecording Read(string path)
    {
        var recording = GoRecording.Read(path);
        if (!recording.Program.Replace('\\', '/').TrimEnd('/').EndsWith("/gateway", StringComparison.Ordinal))
            throw KitInputException.For($"this recording is of {recording.Program}, not of data/go/gateway", parameter: nameof(path), file: path);
        if (recording.ExitCode != 0)
            throw KitInputException.For($"the recorded run failed (exit code {recording.ExitCode})", parameter: nameof(path), file: path);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        string? Beside(string flag)
        {
            var at = recording.Args.ToList().IndexOf(flag);
            if (at < 0 || at + 1 >= recording.Args.Count) return null;
            var file = Path.Combine(folder, Path.GetFileName(recording.Args[at + 1]));
            return File.Exists(file) ? file
                : throw KitInputException.For($"the profile {Path.GetFileName(file)} ({flag}) is not beside the recording", parameter: nameof(path), file: path);
        }
        return new GatewayRecording(path, GatewayRun.Parse(recording.Stdout, path), GcTraceParser.Parse(recording.Stderr, path),
            Beside("-cpuprofile"), Beside("-memprofile"));
    }

    /// <summary>A run's output as a notebook receives it (live or replayed), without profiles.</summary>
    /// <exception cref="KitInputException">The run failed or its output is not data/go/gateway's.</exception>
    public static GatewayRecording FromOutput(ProgramOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (output.ExitCode != 0)
            throw KitInputException.For($"the run failed (exit code {output.ExitCode}): {output.Stderr.Trim()}", parameter: nameof(output), file: output.Source);
        return new GatewayRecording(output.Source, GatewayRun.Parse(output.Stdout, output.Source), GcTraceParser.Parse(output.Stderr, output.Source), null, null);
    }

    /// <summary>The CPU profile of the load phase.</summary>
    /// <exception cref="KitInputException">This run wrote none.</exception>
    public PprofProfile ReadCpuProfile() => PprofReader.Read(CpuProfilePath
        ?? throw KitInputException.For("this run wrote no CPU profile", parameter: "cpuProfile", file: Source));

    /// <summary>The heap profile written after the load (alloc_space covers the whole run).</summary>
    /// <exception cref="KitInputException">This run wrote none.</exception>
    public PprofProfile ReadHeapProfile() => PprofReader.Read(HeapProfilePath
        ?? throw KitInputException.For("this run wrote no heap profile", parameter: "heapProfile", file: Source));

    /// <summary>The recording of data/recordings/gateway for a variant ("nopool" or "pool") and a Go release.</summary>
    /// <exception cref="KitInputException">Unknown variant or release, or no such recording.</exception>
    public static GatewayRecording Load(string recordingsFolder, string variant, string goVersion = "go1.19.8")
    {
        ArgumentNullException.ThrowIfNull(recordingsFolder);
        if (variant is not ("nopool" or "pool")) throw KitInputException.For($"must be nopool or pool, not \"{variant}\"", parameter: nameof(variant));
        if (goVersion is not ("go1.19.8" or "go1.23.5")) throw KitInputException.For($"the recordings are of go1.19.8 and go1.23.5, not \"{goVersion}\"", parameter: nameof(goVersion));
        return Read(Path.Combine(recordingsFolder, $"gateway-{variant}-{goVersion}.txt"));
    }
}
