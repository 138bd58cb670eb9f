using System.Text.RegularExpressions;
using GoRuntimeLab.Gc.Mark;

namespace GoRuntimeLab.Charts.Gc;

/// <summary>
/// Chinese renderings of the tri-colour model's captions, violation reports and run summaries for the notebooks.
/// The model keeps its English messages (stable for tests and the CLI); this display layer translates them
/// phrase by phrase and keeps the Go terms (function names, GODEBUG settings, colour words in parentheses).
/// An event the table does not know is shown unchanged.
/// </summary>
public static partial class TriColorText
{
    private static readonly (Regex Pattern, string Replacement)[] Events =
    [
        (Rx(@"^GC off: every object white; roots are the globals and the goroutine stacks$"), "GC 未运行：所有对象都是白色；根是全局变量和各 goroutine 的栈"),
        (Rx(@"^gcStart: stop the world \(sweep termination\)$"), "gcStart：STW（清扫终止 sweep termination）"),
        (Rx(@"^gcMarkRootPrepare: (\d+) globals block\(s\) \+ (\d+) stack\(s\) = (\d+) root jobs \(none scanned yet\)$"), "gcMarkRootPrepare：$1 个全局变量块 + $2 个栈 = $3 个根任务（还没有扫描任何一个）"),
        (Rx(@"^setGCPhase\(_GCmark\): write barrier on$"), "setGCPhase(_GCmark)：打开写屏障"),
        (Rx(@"^start the world: concurrent mark \(background worker runs gcDrain\)$"), "恢复运行（startTheWorld）：并发标记（后台 worker 执行 gcDrain）"),
        (Rx(@"^markroot job (\d+)/(\d+): scanned globals block \((.*)\)(.*)$"), "markroot 根任务 $1/$2：扫描全局变量块（$3）$4"),
        (Rx(@"^markroot job (\d+)/(\d+): scanned stack of (\S+) \(suspendG, scanstack, resumeG\)(.*)$"), "markroot 根任务 $1/$2：扫描 $3 的栈（suspendG、scanstack、resumeG，只暂停这一个 goroutine）$4"),
        (Rx(@"^assist \(gcDrainN\): scanobject (\S+): \S+ black(.*)$"), "mutator 协助（gcDrainN）：scanobject $1，$1 变黑$2"),
        (Rx(@"^mark termination \(STW\): scanobject (\S+): \S+ black(.*)$"), "标记终止（STW）：scanobject $1，$1 变黑$2"),
        (Rx(@"^scanobject (\S+): \S+ black(.*)$"), "scanobject $1：$1 变黑$2"),
        (Rx(@"^gcMarkDone: no grey objects and no root jobs left; stop the world \(mark termination\)$"), "gcMarkDone：没有灰色对象、也没有剩余根任务；STW（标记终止 mark termination）"),
        (Rx(@"^gcMark: mark queue empty, (\d+)/(\d+) root jobs done$"), "gcMark：标记队列为空，根任务 $1/$2 全部完成"),
        (Rx(@"^gcMarkRootCheck \(GODEBUG=gccheckmark=1\): every stack scanned$"), "gcMarkRootCheck（GODEBUG=gccheckmark=1 调试检查）：每个栈都扫描过"),
        (Rx(@"^gcMarkRootCheck skipped \(only with GODEBUG=gccheckmark=1\)$"), "跳过 gcMarkRootCheck（只在 GODEBUG=gccheckmark=1 时运行）"),
        (Rx(@"^stacks will be re-scanned \(Go ≤ 1\.7\)$"), "接下来重新扫描所有栈（Go ≤ 1.7）"),
        (Rx(@"^no stack re-scan \(Go 1\.8\+\)$"), "不重扫栈（Go 1.8+）"),
        (Rx(@"^mark termination \(STW\): re-scanned stack of (\S+)(.*)$"), "标记终止（STW）：重新扫描 $1 的栈$2"),
        (Rx(@"^gcMarkTermination: setGCPhase\(_GCoff\), write barrier off; start the world$"), "gcMarkTermination：setGCPhase(_GCoff)，关闭写屏障；恢复运行"),
        (Rx(@"^sweep: nothing white to free$"), "清扫（sweep）：没有白色对象需要释放"),
        (Rx(@"^sweep: freed (.*) \(white\)$"), "清扫（sweep）：释放 $1（白色）"),
        (Rx(@"^(\S+): (.*) ⇒ (\S+) = (\S+) \(stack write: no write barrier\)$"), "$1 执行 $2 ⇒ 栈变量 $3 = $4（写栈：没有写屏障）"),
        (Rx(@"^(\S+): (.*) ⇒ global (\S+) = (\S+)$"), "$1 执行 $2 ⇒ 全局变量 $3 = $4"),
        (Rx(@"^(\S+): (.*) ⇒ (\S+) = (\S+)$"), "$1 执行 $2 ⇒ 堆字段 $3 = $4"),
        (Rx(@"^mallocgc: (\S+) allocated black \(gcmarknewobject\)$"), "mallocgc：分配 $1，标记期间新对象直接是黑色（gcmarknewobject）"),
        (Rx(@"^mallocgc: (\S+) allocated \(GC off: white\)$"), "mallocgc：分配 $1（GC 未运行：白色）"),
        (Rx(@"^no write barrier \(mode None\)$"), "没有写屏障（None 模式）"),
        (Rx(@"^write barrier \((\w+)\): (.*) → nothing white$"), "写屏障（$1）：$2 → 没有白色对象需要着色"),
        (Rx(@"^write barrier \((\w+)\): (.*) → shaded (.*)$"), "写屏障（$1）：$2 → 涂灰 $3"),
    ];

    /// <summary>One model event in Chinese (unknown events unchanged).</summary>
    public static string Event(string english)
    {
        ArgumentNullException.ThrowIfNull(english);
        foreach (var (pattern, replacement) in Events)
        {
            if (pattern.IsMatch(english)) return Shades(pattern.Replace(english, replacement, 1));
        }

        return english;
    }

    // A violation's BrokenBy joins a step's events with "; " (one event may itself contain "; ").
    private static string JoinedEvents(string joined)
    {
        var whole = Event(joined);
        return !ReferenceEquals(whole, joined) ? whole : string.Join("；", joined.Split("; ").Select(Event));
    }

    /// <summary>A step's caption in Chinese: "#步号 [阶段] 事件；事件".</summary>
    public static string Caption(MarkState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return $"#{state.Step} [{Phase(state.Phase)}] {string.Join("；", state.Events.Select(Event))}";
    }

    /// <summary>The phase in Chinese with Go's name.</summary>
    public static string Phase(MarkPhase phase) => phase switch
    {
        MarkPhase.Off => "GC 未运行 _GCoff",
        MarkPhase.SweepTermination => "清扫终止 sweep termination (STW)",
        MarkPhase.Mark => "并发标记 _GCmark",
        MarkPhase.MarkTermination => "标记终止 _GCmarktermination (STW)",
        MarkPhase.Sweep => "清扫 sweep",
        _ => phase.ToString(),
    };

    /// <summary>A violation report in Chinese.</summary>
    public static string Violation(MarkViolation violation)
    {
        ArgumentNullException.ThrowIfNull(violation);
        var invariant = violation.Invariant == TriColorInvariant.Strong ? "强三色不变式 (strong)" : "弱三色不变式 (weak)";
        return $"{violation.ObjectName} 在第 {violation.FreedAtStep} 步被清扫释放，但它仍然可达（{violation.ReachableVia}）；" +
               $"{invariant}在第 {violation.BrokenAtStep} 步被破坏（{JoinedEvents(violation.BrokenBy)}）";
    }

    /// <summary>Every violation of a run in Chinese, or a line saying there is none.</summary>
    public static IReadOnlyList<string> Violations(MarkRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.Safe ? ["没有可达对象被释放（安全）"] : run.Violations.Select(Violation).ToList();
    }

    /// <summary>A run's summary in Chinese (what <c>MarkRun.ToString()</c> says in English).</summary>
    public static string Summary(MarkRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var stacks = run.StackScans.Values.All(n => n == 1)
            ? "每个栈扫描一次"
            : "栈扫描次数 " + string.Join("，", run.StackScans.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}×{kv.Value}"));
        var verdict = run.Safe ? "安全：没有可达对象被释放" : $"⚠ {run.Violations.Length} 个可达对象被释放：" + string.Join("；", run.Violations.Select(Violation));
        return $"{Config(run.Config)}：{run.States.Length - 1} 步（其中 mutator {run.MutatorSteps} 步），{run.RootJobs} 个根任务，{stacks}，" +
               $"写屏障涂灰 {run.BarrierShades} 个对象，释放 [{string.Join(", ", run.Freed)}] —— {verdict}";
    }

    /// <summary>The collector settings in Chinese.</summary>
    public static string Config(MarkConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var barrier = config.Barrier switch
        {
            WriteBarrierMode.Hybrid => "混合写屏障 hybrid",
            WriteBarrierMode.DijkstraInsertion => "Dijkstra 插入屏障",
            WriteBarrierMode.YuasaDeletion => "Yuasa 删除屏障",
            WriteBarrierMode.None => "没有写屏障 none",
            _ => config.Barrier.ToString(),
        };
        return barrier + (config.RescanStacks ? " + 重扫栈" : "") + (config.Assists ? " + mutator 协助" : "") +
               (config.CheckMark ? " + gccheckmark=1" : "") + $"，种子 {config.Seed}";
    }

    // The model's " → shaded A, B" / " → nothing new to shade" tails.
    private static string Shades(string text) =>
        text.Replace(" → nothing new to shade", " → 没有新对象变灰", StringComparison.Ordinal)
            .Replace(" → shaded ", " → 涂灰 ", StringComparison.Ordinal);

    private static Regex Rx(string pattern) => new(pattern, RegexOptions.CultureInvariant);
}
