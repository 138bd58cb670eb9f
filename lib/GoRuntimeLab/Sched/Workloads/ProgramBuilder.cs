// Mirrors: the statements of a goroutine body (see Steps/*), Go 1.13–1.23.
// Simplified: durations accept Go strings ("300ms") or nanoseconds; validation happens as each step is added.
using GoRuntimeLab.Sched.Steps;
using static System.FormattableString;

namespace GoRuntimeLab.Sched.Workloads;

/// <summary>Fluent builder of a goroutine's steps, for notebook cells: <c>g =&gt; g.Compute("1ms").Sleep("2ms")</c>.</summary>
public sealed class ProgramBuilder
{
    private readonly List<WorkloadStep> _steps = [];

    public IReadOnlyList<WorkloadStep> Steps => _steps;

    /// <summary>Call-heavy CPU work (preemptible at function calls).</summary>
    public ProgramBuilder Compute(string duration) => Compute(GoDuration.Parse(duration, "compute"));

    public ProgramBuilder Compute(long nanoseconds) => Add(new ComputeStep(NonNegative(nanoseconds, "compute"), HasCalls: true));

    /// <summary>A loop without function calls (<c>for { n++ }</c>): only async preemption (Go 1.14+) stops it.</summary>
    public ProgramBuilder TightLoop(string duration) => TightLoop(GoDuration.Parse(duration, "tightLoop"));

    public ProgramBuilder TightLoop(long nanoseconds) => Add(new ComputeStep(NonNegative(nanoseconds, "tightLoop"), HasCalls: false));

    public ProgramBuilder Sleep(string duration) => Sleep(GoDuration.Parse(duration, "sleep"));

    public ProgramBuilder Sleep(long nanoseconds) => Add(new SleepStep(NonNegative(nanoseconds, "sleep")));

    public ProgramBuilder Syscall(string duration, bool blocking = false) => Syscall(GoDuration.Parse(duration, "syscall"), blocking);

    public ProgramBuilder Syscall(long nanoseconds, bool blocking = false) => Add(new SyscallStep(NonNegative(nanoseconds, "syscall"), blocking));

    public ProgramBuilder NetWait(string duration) => NetWait(GoDuration.Parse(duration, "netWait"));

    public ProgramBuilder NetWait(long nanoseconds) => Add(new NetWaitStep(NonNegative(nanoseconds, "netWait")));

    public ProgramBuilder Send(string channel, long value = 0) => Add(new SendStep(Name(channel, "send"), value));

    public ProgramBuilder Recv(string channel, string? tally = null) => Add(new RecvStep(Name(channel, "recv"), tally));

    /// <summary><c>for v := range channel { body }</c>.</summary>
    public ProgramBuilder Range(string channel, Action<ProgramBuilder>? body = null, string? tally = null) =>
        Add(new RangeStep(Name(channel, "range"), Build(body), tally));

    public ProgramBuilder Close(string channel) => Add(new CloseStep(Name(channel, "close")));

    /// <summary>A select statement: <c>s =&gt; s.Recv("a", b =&gt; b.Count("x", 1)).Send("b", 2).Default()</c>.</summary>
    public ProgramBuilder Select(Action<SelectBuilder> cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var b = new SelectBuilder();
        cases(b);
        return Add(b.Build());
    }

    /// <summary><c>go name() { body }</c>.</summary>
    public ProgramBuilder Go(string name, Action<ProgramBuilder> body) => Add(new SpawnStep(Name(name, "go"), Build(body)));

    public ProgramBuilder Add(string waitGroup, int delta) => Add(new WaitGroupAddStep(Name(waitGroup, "wg"), delta));

    public ProgramBuilder Done(string waitGroup) => Add(new WaitGroupAddStep(Name(waitGroup, "wg"), -1));

    public ProgramBuilder Wait(string waitGroup) => Add(new WaitGroupWaitStep(Name(waitGroup, "wg")));

    public ProgramBuilder Lock(string mutex) => Add(new MutexStep(Name(mutex, "mutex"), Lock: true));

    public ProgramBuilder Unlock(string mutex) => Add(new MutexStep(Name(mutex, "mutex"), Lock: false));

    public ProgramBuilder Gosched() => Add(new GoschedStep());

    public ProgramBuilder Count(string counter, long amount = 1) => Add(new CountStep(Name(counter, "count"), amount));

    public ProgramBuilder Print(string text) => Add(new PrintStep(text ?? ""));

    public ProgramBuilder Repeat(long count, Action<ProgramBuilder> body) =>
        Add(new RepeatStep(count >= 0 ? count : throw KitInputException.For(Invariant($"must not be negative (got {count})"), parameter: "repeat"), Build(body)));

    public ProgramBuilder Forever(Action<ProgramBuilder> body) => Add(new RepeatStep(RepeatStep.Forever, Build(body)));

    public ProgramBuilder Return() => Add(new ReturnStep());

    public ProgramBuilder Add(WorkloadStep step)
    {
        _steps.Add(step ?? throw KitInputException.For("step must not be null", parameter: "step"));
        return this;
    }

    internal static IReadOnlyList<WorkloadStep> Build(Action<ProgramBuilder>? body)
    {
        var b = new ProgramBuilder();
        body?.Invoke(b);
        return b._steps.ToArray();
    }

    private static long NonNegative(long ns, string parameter) =>
        ns >= 0 ? ns : throw KitInputException.For(Invariant($"duration must not be negative (got {ns} ns)"), parameter: parameter);

    internal static string Name(string? name, string parameter) =>
        string.IsNullOrWhiteSpace(name) ? throw KitInputException.For("name must not be empty", parameter: parameter) : name;
}
