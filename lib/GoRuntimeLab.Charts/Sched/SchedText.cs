using GoRuntimeLab.Sched;
using static System.FormattableString;

namespace GoRuntimeLab.Charts.Sched;

/// <summary>
/// Chinese summaries of scheduler runs for the notebooks. The model's <c>ToString()</c> stays English (tests, CLI);
/// these say the same in Chinese with the Go terms kept (GOMAXPROCS, asyncpreempt, runnext…).
/// </summary>
public static class SchedText
{
    /// <summary>What <c>SchedResult.ToString()</c> says, in Chinese.</summary>
    public static string Summary(SchedResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var c = run.Config;
        var l = run.Latency;
        var text = Invariant($"{run.Workload}（GOMAXPROCS={c.Procs}，{c.Version}，种子 {c.Seed}，异步抢占 asyncpreempt {(c.AsyncPreemptionActive ? "打开" : "关闭")}）：") +
                   Invariant($"{Exit(run.Exit)}，结束于 {GoDuration.Format(run.EndTime)}；{run.Goroutines.Count} 个 goroutine，{run.Goroutines.Count(g => g.FinishedAt is not null)} 个已结束；") +
                   Invariant($"抢占 {run.Preemptions.Async} 次异步（SIGURG）、{run.Preemptions.Cooperative} 次协作式；窃取 {run.Steals} 次；P 移交（handoff）{run.Handoffs} 次；") +
                   Invariant($"调度延迟 n={l.Count} p50={GoDuration.Format(l.P50)} p90={GoDuration.Format(l.P90)} p99={GoDuration.Format(l.P99)} 最大 {GoDuration.Format(l.Max)}");
        return run.FatalMessage.Length > 0 ? text + "\n" + run.FatalMessage.TrimEnd() : text;
    }

    /// <summary>One goroutine's summary in Chinese.</summary>
    public static string Goroutine(GoroutineSummary g)
    {
        ArgumentNullException.ThrowIfNull(g);
        var end = g.FinishedAt is { } f
            ? $"结束于 {GoDuration.Format(f)}"
            : $"结束时仍存活（{g.FinalStatus}{(g.WaitReason.Length > 0 ? $"，等待原因 {g.WaitReason}" : "")}）";
        return Invariant($"G{g.Id} {g.Name}：创建于 {GoDuration.Format(g.CreatedAt)}，{end}，运行 {GoDuration.Format(g.RunningTime)}，可运行（排队）{GoDuration.Format(g.RunnableTime)}");
    }

    /// <summary>How the simulated program ended, in Chinese.</summary>
    public static string Exit(SchedExit exit) => exit switch
    {
        SchedExit.MainReturned => "main 返回",
        SchedExit.Deadlock => "死锁（checkdead: all goroutines are asleep）",
        SchedExit.Panic => "panic",
        SchedExit.FatalError => "fatal error",
        SchedExit.TimeLimit => "到达模拟时间上限",
        _ => exit.ToString(),
    };
}
