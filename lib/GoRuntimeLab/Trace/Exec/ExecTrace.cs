// Mirrors: cmd/trace main.go (Go 1.19, 1.21) parseTrace → internal/trace.Parse, which reads the header and then the
// events of that format; Go 1.22+ (internal/trace/v2 in 1.22, internal/trace in 1.23) reads the generation-based
// format instead, and cmd/trace/v2 (1.22) / cmd/trace (1.23) parseTrace feeds its events to summary.go.
using GoRuntimeLab.IO;
using GoRuntimeLab.Trace.Exec.V1;

namespace GoRuntimeLab.Trace.Exec;

/// <summary>
/// Reads a Go execution trace (runtime/trace.Start, <c>go test -trace</c>) of any supported format: the header says
/// which, and the reader of that format counts its events as <c>go tool trace -d</c> prints them.
/// </summary>
public static class ExecTrace
{
    /// <summary>What a file may hold at most: real traces of a few seconds are megabytes; 1 GiB bounds a wrong file.</summary>
    public static KitReadLimits Limits { get; } = new("execution trace", 1L << 30);

    /// <summary>Reads the trace file at <paramref name="path"/>; <paramref name="parameter"/> names the argument that gave it.</summary>
    /// <exception cref="KitInputException">Missing or unreadable file.</exception>
    /// <exception cref="ExecTraceFormatException">Not a trace, an unsupported version, truncated or corrupt (with the byte offset).</exception>
    public static ExecTraceStats ReadStats(string path, string parameter = "file")
    {
        using var stream = KitFile.OpenRead(path, Limits, parameter);
        return ReadStats(stream, path);
    }

    /// <summary>
    /// Reads a trace from <paramref name="stream"/>; <paramref name="source"/> names it in errors. At most
    /// <paramref name="limits"/>' bytes are read (default <see cref="Limits"/>).
    /// </summary>
    /// <exception cref="ExecTraceFormatException">Not a trace, an unsupported version, truncated or corrupt (with the byte offset).</exception>
    /// <exception cref="KitInputLimitException">The stream goes on past the limit.</exception>
    public static ExecTraceStats ReadStats(Stream stream, string source, KitReadLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(source);
        if (stream is not LimitedReadStream) stream = new LimitedReadStream(stream, source, limits ?? Limits, leaveOpen: true);
        var header = ExecTraceHeader.Read(stream, source);
        // Go 1.22+ writes the generation-based format (internal/trace/v2 in 1.22, internal/trace in 1.23).
        return header.IsGenerational
            ? V2.V2TraceReader.ReadStats(stream, source, header)
            : V1TraceReader.ReadStats(stream, source, header);
    }

    /// <summary>
    /// The blocking profile <c>go tool trace -pprof=KIND</c> writes for the trace at <paramref name="path"/>: contentions
    /// and delay (ns) by stack. Go 1.7–1.21: holds every event in memory (at most 20 million), unlike
    /// <see cref="ReadStats(string, string)"/>; Go 1.22+: streams, one generation in memory (cmd/trace/v2 pprof.go).
    /// </summary>
    /// <exception cref="KitInputException">Missing or unreadable file.</exception>
    /// <exception cref="ExecTraceFormatException">Not a trace, unsupported, truncated, corrupt or inconsistent (with the byte offset).</exception>
    public static Pprof.PprofProfile Profile(string path, ExecTraceProfileKind kind, string parameter = "file")
    {
        using var stream = KitFile.OpenRead(path, Limits, parameter);
        return Profile(stream, path, kind);
    }

    /// <summary>The blocking profile of the trace in <paramref name="stream"/>; see <see cref="Profile(string, ExecTraceProfileKind, string)"/>.</summary>
    public static Pprof.PprofProfile Profile(Stream stream, string source, ExecTraceProfileKind kind, KitReadLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(source);
        if (!Enum.IsDefined(kind)) throw KitInputException.For($"unknown profile kind {(int)kind}; expected net, sync, syscall or sched", parameter: "kind");
        if (stream is not LimitedReadStream) stream = new LimitedReadStream(stream, source, limits ?? Limits, leaveOpen: true);
        var header = ExecTraceHeader.Read(stream, source);
        if (header.IsGenerational) return V2.V2Analysis.Profile(stream, source, header, kind);
        return V1Profiles.Build(V1Timeline.Read(stream, source, header), kind);
    }

    /// <summary>
    /// Per-goroutine execution, scheduler-wait, network, sync-block, syscall, GC and sweep times, as internal/trace
    /// GoroutineStats computes them for <c>go tool trace</c>'s goroutine pages; sorted by goroutine id. Holds every event
    /// in memory (at most 20 million). For Go 1.22+ traces: internal/trace summary.go's GoroutineSummary over Go's
    /// ordering of the events, streamed one generation at a time (see <see cref="ExecTraceGoroutine"/> for the fields).
    /// </summary>
    /// <exception cref="KitInputException">Missing or unreadable file.</exception>
    /// <exception cref="ExecTraceFormatException">Not a trace, unsupported, truncated, corrupt or inconsistent (with the byte offset).</exception>
    public static IReadOnlyList<ExecTraceGoroutine> Goroutines(string path, string parameter = "file")
    {
        using var stream = KitFile.OpenRead(path, Limits, parameter);
        return Goroutines(stream, path);
    }

    /// <summary>Per-goroutine times of the trace in <paramref name="stream"/>; see <see cref="Goroutines(string, string)"/>.</summary>
    public static IReadOnlyList<ExecTraceGoroutine> Goroutines(Stream stream, string source, KitReadLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(source);
        if (stream is not LimitedReadStream) stream = new LimitedReadStream(stream, source, limits ?? Limits, leaveOpen: true);
        var header = ExecTraceHeader.Read(stream, source);
        if (header.IsGenerational) return V2.V2Analysis.Goroutines(stream, source, header);
        return V1GoroutineStats.Compute(V1Timeline.Read(stream, source, header), source);
    }

    /// <summary>
    /// The trace at <paramref name="path"/> as a Chrome Trace (opens in ui.perfetto.dev): per P a track with one slice
    /// per goroutine run, GC and STW tracks, per goroutine its runs and blocking syscalls, user regions; as cmd/trace's
    /// generateTrace draws it (Go 1.22+: cmd/trace/v2's proc view, goroutines named as summary.go names them). Go 1.7–1.21
    /// holds every event in memory (at most 20 million); Go 1.22+ holds the slices, not the events.
    /// </summary>
    /// <exception cref="KitInputException">Missing or unreadable file.</exception>
    /// <exception cref="ExecTraceFormatException">Not a trace, unsupported, truncated, corrupt or inconsistent (with the byte offset).</exception>
    public static ChromeTraceWriter ToChromeTrace(string path, string parameter = "file")
    {
        using var stream = KitFile.OpenRead(path, Limits, parameter);
        return ToChromeTrace(stream, path);
    }

    /// <summary>The Chrome Trace of the trace in <paramref name="stream"/>; see <see cref="ToChromeTrace(string, string)"/>.</summary>
    public static ChromeTraceWriter ToChromeTrace(Stream stream, string source, KitReadLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(source);
        if (stream is not LimitedReadStream) stream = new LimitedReadStream(stream, source, limits ?? Limits, leaveOpen: true);
        var header = ExecTraceHeader.Read(stream, source);
        if (header.IsGenerational) return V2.V2Analysis.Chrome(stream, source, header);
        return V1ChromeTrace.Build(V1Timeline.Read(stream, source, header));
    }

    /// <summary>
    /// The user tasks (runtime/trace.NewTask) of the trace at <paramref name="path"/> with their logs and regions, as
    /// internal/trace summary.go (Go 1.22+) and the tasks page of <c>go tool trace</c> collect them; sorted by id.
    /// Go 1.22+ traces only (older formats: an <see cref="ExecTraceFormatException"/>).
    /// </summary>
    /// <exception cref="KitInputException">Missing or unreadable file.</exception>
    /// <exception cref="ExecTraceFormatException">Not a Go 1.22+ trace, truncated, corrupt or inconsistent (with the byte offset).</exception>
    public static IReadOnlyList<ExecTraceTask> Tasks(string path, string parameter = "file")
    {
        using var stream = KitFile.OpenRead(path, Limits, parameter);
        return Tasks(stream, path);
    }

    /// <summary>The user tasks of the trace in <paramref name="stream"/>; see <see cref="Tasks(string, string)"/>.</summary>
    public static IReadOnlyList<ExecTraceTask> Tasks(Stream stream, string source, KitReadLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(source);
        if (stream is not LimitedReadStream) stream = new LimitedReadStream(stream, source, limits ?? Limits, leaveOpen: true);
        var header = ExecTraceHeader.Read(stream, source);
        if (!header.IsGenerational)
            throw ExecTraceFormatException.At(source, 0, $"user tasks are listed for Go 1.22+ traces (this one is {header.Version}); the Chrome trace of an older one shows its user regions");
        return V2.V2Analysis.Tasks(stream, source, header);
    }
}
