// Mirrors: nothing in Go; the error for a schedtrace()/scheddetail line (runtime/proc.go) that the kit cannot read.
// Go 1.19–1.23 formats.
namespace GoRuntimeLab.Sched.Schedtrace;

/// <summary>
/// A line that starts like Go's schedtrace output (<c>SCHED …</c>, or a scheddetail line <c>  P0:</c>,
/// <c>  M1:</c>, <c>  G5:</c>) but is not what any modelled Go release prints. The message is
/// "file:line: what", and <see cref="KitInputException.FilePath"/>/<see cref="KitInputException.Line"/> say where.
/// </summary>
public class SchedtraceFormatException : KitInputException
{
    public SchedtraceFormatException() : base("malformed schedtrace line") { }

    public SchedtraceFormatException(string message) : base(message) { }

    public SchedtraceFormatException(string message, Exception inner) : base(message, inner) { }

    /// <summary>Builds the exception for <paramref name="file"/>:<paramref name="line"/> (1-based).</summary>
    public static SchedtraceFormatException At(string file, int line, string what) =>
        new($"{file}:{line}: {what}") { FilePath = file, Line = line };
}
