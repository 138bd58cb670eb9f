// Mirrors: one row of strace's `-c` summary table (strace src/count.c call_summary_pr: "% time", "seconds",
// "usecs/call", "calls", "errors", "syscall"), strace 5.x/6.x default columns.
namespace GoRuntimeLab.ZeroCopy;

/// <summary>One system call of a <c>strace -c</c> table.</summary>
/// <param name="Syscall">The call's name ("sendfile").</param>
/// <param name="Calls">How many times it was made.</param>
/// <param name="Errors">How many of those returned an error (EAGAIN counts: a non-blocking socket that was full).</param>
/// <param name="Seconds">Total system time strace attributed to it.</param>
/// <param name="PercentTime">Its share of the total time.</param>
/// <param name="Line">The 1-based line in the file.</param>
public sealed record StraceCallRow(string Syscall, long Calls, long Errors, double Seconds, double PercentTime, int Line);
