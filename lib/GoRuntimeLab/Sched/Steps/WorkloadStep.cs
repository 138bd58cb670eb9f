// Mirrors: the statements of a Go goroutine body (go statements, channel ops, select, time.Sleep, syscalls, sync), Go 1.13–1.23.
// Simplified: a goroutine is a flat program of steps with counted loops; values sent on channels are integers.
namespace GoRuntimeLab.Sched.Steps;

/// <summary>One statement of a simulated goroutine's program. <see cref="Describe"/> is how it appears in a stack.</summary>
public abstract record WorkloadStep
{
    /// <summary>Go-like text of the statement, e.g. <c>ch &lt;- 1</c> or <c>time.Sleep(300ms)</c>.</summary>
    public abstract string Describe();

    public sealed override string ToString() => Describe();
}
