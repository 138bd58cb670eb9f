// Mirrors: the time the real runtime spends in gogo/mcall, runqsteal probes, entersyscall/exitsyscall, futexwakeup, tgkill (proc.go, signal_unix.go), Go 1.13–1.23.
// Simplified: each is a constant; the defaults are order-of-magnitude figures for a modern x86 Linux machine, not calibrated per machine.
using static System.FormattableString;

namespace GoRuntimeLab.Sched;

/// <summary>
/// Simulated costs in nanoseconds. Defaults: context switch 200 ns (gogo + schedule bookkeeping), steal attempt 50 ns per
/// victim P probed, syscall enter/exit 100 ns each, channel op 30 ns (uncontended chansend/chanrecv), go statement
/// 300 ns (newproc1), M wake-up 5 µs (futexwakeup to the thread running), async preemption signal 10 µs (tgkill to
/// the handler running), call interval 100 ns (how often call-heavy code reaches a function prologue), timer slack
/// 50 µs (Linux's default for a thread: every usleep of sysmon returns up to this much late — PR_SET_TIMERSLACK).
/// </summary>
public sealed record SchedCosts
{
    public static SchedCosts Default { get; } = new();

    public long ContextSwitch { get; init; } = 200;
    public long StealAttempt { get; init; } = 50;
    public long SyscallEnter { get; init; } = 100;
    public long SyscallExit { get; init; } = 100;
    public long ChannelOp { get; init; } = 30;
    public long GoStatement { get; init; } = 300;
    public long ThreadWake { get; init; } = 5_000;
    public long SignalLatency { get; init; } = 10_000;
    public long CallInterval { get; init; } = 100;

    /// <summary>
    /// How much later than asked sysmon's usleep returns. Linux's default timer slack is 50 µs, which stretches
    /// sysmon's first 50 rounds of 20 µs from 1 ms to about 3.5 ms — why real Go preempts a tight loop after ≈14 ms,
    /// not the ≈11 ms the bare 10 ms + back-off arithmetic gives (data/recordings/sched/preempt-*: 14.1 ms at the least).
    /// </summary>
    public long TimerSlack { get; init; } = 50_000;

    public SchedCosts WithContextSwitch(long ns) => this with { ContextSwitch = NonNegative(ns, "contextSwitch") };
    public SchedCosts WithStealAttempt(long ns) => this with { StealAttempt = NonNegative(ns, "stealAttempt") };
    public SchedCosts WithSyscall(long enterNs, long exitNs) =>
        this with { SyscallEnter = NonNegative(enterNs, "syscallEnter"), SyscallExit = NonNegative(exitNs, "syscallExit") };
    public SchedCosts WithChannelOp(long ns) => this with { ChannelOp = NonNegative(ns, "channelOp") };
    public SchedCosts WithGoStatement(long ns) => this with { GoStatement = NonNegative(ns, "goStatement") };
    public SchedCosts WithThreadWake(long ns) => this with { ThreadWake = NonNegative(ns, "threadWake") };
    public SchedCosts WithSignalLatency(long ns) => this with { SignalLatency = NonNegative(ns, "signalLatency") };
    public SchedCosts WithTimerSlack(long ns) => this with { TimerSlack = NonNegative(ns, "timerSlack") };
    public SchedCosts WithCallInterval(long ns) => this with { CallInterval = ns >= 1 ? ns : throw KitInputException.For(Invariant($"must be at least 1 ns (got {ns})"), parameter: "callInterval") };

    private static long NonNegative(long ns, string parameter) =>
        ns >= 0 ? ns : throw KitInputException.For(Invariant($"must not be negative (got {ns})"), parameter: parameter);

    public override string ToString() =>
        Invariant($"costs: switch {ContextSwitch}ns, steal {StealAttempt}ns, syscall {SyscallEnter}/{SyscallExit}ns, chan {ChannelOp}ns, go {GoStatement}ns, wake {ThreadWake}ns, signal {SignalLatency}ns, call every {CallInterval}ns, timer slack {TimerSlack}ns");
}
