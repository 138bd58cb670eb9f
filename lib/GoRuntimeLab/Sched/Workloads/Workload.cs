// Mirrors: a Go program's main.main plus its `make(chan T, n)` declarations, Go 1.13–1.23.
// Simplified: channels are declared up front by name; WaitGroups and Mutexes are created on first use.
using GoRuntimeLab.Sched.Steps;
using static System.FormattableString;

namespace GoRuntimeLab.Sched.Workloads;

/// <summary>A simulated Go program: main's steps and the channels it makes (name → capacity).</summary>
public sealed record Workload(string Name, string Description, IReadOnlyDictionary<string, int> Channels, IReadOnlyList<WorkloadStep> Main)
{
    /// <summary>Channel name that means a nil channel (<c>var c chan int</c>): operations on it block forever.</summary>
    public const string NilChannel = "nil";

    /// <summary>Starts a fluent builder: <c>Workload.Create("demo").Chan("c", 1).Main(m =&gt; m.Send("c", 1))</c>.</summary>
    public static WorkloadBuilder Create(string name, string description = "") => new(name, description);

    /// <summary>Reads a workload from JSON (see <see cref="WorkloadJson"/> for the format).</summary>
    public static Workload FromJson(string json, string? file = null) => WorkloadJson.Parse(json, file);

    /// <summary>Total number of steps, counting loop and case bodies once.</summary>
    public int StepCount => Count(Main);

    private static int Count(IReadOnlyList<WorkloadStep> steps) => steps.Sum(s => 1 + s switch
    {
        RepeatStep r => Count(r.Body),
        SpawnStep sp => Count(sp.Body),
        RangeStep rg => Count(rg.Body),
        SelectStep se => se.Cases.Sum(c => Count(c.Body)) + Count(se.Default),
        _ => 0,
    });

    public override string ToString() =>
        Invariant($"workload {Name}: {Channels.Count} channel(s), {StepCount} step(s)") + (Description.Length > 0 ? $" — {Description}" : "");
}
