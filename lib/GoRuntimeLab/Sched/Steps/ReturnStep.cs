// Mirrors: `return` from the goroutine's function → goexit1/goexit0 (proc.go); from main.main → exit(0), Go 1.13–1.23.
// Simplified: none.
namespace GoRuntimeLab.Sched.Steps;

/// <summary><c>return</c>: ends the goroutine (ending main ends the program, killing every other goroutine).</summary>
public sealed record ReturnStep : WorkloadStep
{
    public override string Describe() => "return";
}
