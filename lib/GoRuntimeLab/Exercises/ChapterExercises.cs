// Mirrors: nothing in Go; the exercises of chapters 1–3. Each expected value is computed by a model run or read from
// a real recording here, never typed into a notebook, so a notebook cell shows only the call and the learner's answer.
using GoRuntimeLab.Alloc;
using GoRuntimeLab.Defer;
using GoRuntimeLab.Gc.Mark;
using GoRuntimeLab.GoTool;
using GoRuntimeLab.Metrics;
using GoRuntimeLab.Pprof;
using GoRuntimeLab.Sched;
using GoRuntimeLab.Sched.Workloads;

namespace GoRuntimeLab.Exercises;

/// <summary>
/// The exercises of chapters 1–3, one method each, in one style: the notebook calls <c>ChapterExercises.X(answer)</c>
/// (null = not answered yet), the kit computes the expected value, and the explanation appears only after a right answer.
/// </summary>
public static class ChapterExercises
{
    /// <summary>1.2 练习 1: goroutines cut off in the run with -work 700ms (from that run's trace).</summary>
    public static ExerciseResult WelcomeCutOff(int? answer, WelcomeTrace slowRun)
    {
        ArgumentNullException.ThrowIfNull(slowRun);
        return Exercise.Check("练习 1：-work 700ms 时被截断的 goroutine 数", answer, slowRun.CutOff,
            "main 在 -wait 之后返回，进程随之退出；比它慢的 goroutine 都没有机会打印 done。",
            "比较每个 goroutine 的工作时长与 main 的 Sleep 时长。");
    }

    /// <summary>2.1 三色 练习 1: the step at which the Yuasa barrier shades C in the lost-object scenario.</summary>
    public static ExerciseResult YuasaSavesC(int? answer)
    {
        var run = MarkScenarios.LostObject(WriteBarrierMode.YuasaDeletion).Run();
        var step = run.States.First(s => s.ColorOf("C") == MarkColor.Grey).Step;
        return Exercise.Check("练习 1：Yuasa 屏障救下 C 的步号", answer, step,
            "删除屏障在覆盖指针时给旧值着色：删掉 b.next 的那一步 shade(old C)。",
            "在 Caption 里找 C 第一次变灰的那一步。");
    }

    /// <summary>2.2 练习 1: the size class of a 100-byte object.</summary>
    public static ExerciseResult SizeClassOf100Bytes(int? answer) =>
        Exercise.Check("练习 1：100 字节结构体的大小等级", answer, SizeClasses.Lookup(100).Class,
            "100 B 向上取整到下一个等级大小；含指针时也一样，因为 ≤ 512 B 的对象不加 malloc header。",
            "用上面的 SizeClasses.Lookup 或阶梯图找到第一个 ≥ 100 B 的等级。");

    /// <summary>2.2 练习 2: the bytes a 576-byte pointerful object takes in Go 1.23.</summary>
    public static ExerciseResult Pointerful576BytesGo123(long? answer) =>
        Exercise.Check("练习 2：Go 1.23 中 576 B 含指针对象的实际占用", answer, SizeClasses.Lookup(576, pointers: true, GoVersion.Go1_23).Size,
            "Go 1.22 起 > 512 B 的含指针对象先加 8 字节 malloc header 再查表，所以落入更大的等级；Go 1.19 没有 header。",
            "先加 header，再找等级。");

    /// <summary>2.3 练习 1: when the sleeper wakes (whole ms) with GODEBUG=asyncpreemptoff=1 on GOMAXPROCS=1.</summary>
    public static ExerciseResult SleeperWakesWithoutAsyncPreemption(int? answer)
    {
        var run = Scheduler.Run("spinner-sleeper", SchedConfig.Default.WithProcs(1).WithAsyncPreempt(false));
        var ms = (int)(run.Goroutine("sleeper").FinishedAt!.Value / 1_000_000);
        return Exercise.Check("练习 1：asyncpreemptoff=1 时 sleeper 醒来的时间 (ms)", answer, ms,
            "没有异步抢占，紧凑循环里又没有协作式检查点，sleeper 只能等 spinner 的计算全部结束。",
            "紧凑循环里没有函数调用；想想谁还能让出唯一的 P。");
    }

    /// <summary>2.4 练习 1: receives with ok == false after closing a cap-3 channel holding 2 values, 5 receives.</summary>
    public static ExerciseResult ReceivesAfterClose(int? answer)
    {
        var run = Scheduler.Run(Workload.Create("ex-close").Chan("c", 3)
            .Main(m => m.Send("c", 1).Send("c", 2).Close("c").Repeat(5, b => b.Recv("c", tally: "v"))));
        return Exercise.Check("练习 1：关闭后 5 次接收中 ok == false 的次数", answer, (int)run.Counter("v/closed"),
            "关闭后缓冲区里剩下的值照样能取出（ok == true），取完之后每次接收都立即得到零值和 ok == false。",
            "关闭不会丢掉缓冲区里已有的值。");
    }

    /// <summary>2.5 练习 1: the most return statements a function with 3 defers may have and stay open-coded.</summary>
    public static ExerciseResult MaxReturnsForThreeDefers(int? answer)
    {
        var max = Enumerable.Range(0, 40).Last(r => DeferClassifier.Classify(FunctionShape.Of(3, r)).OpenCoded);
        return Exercise.Check("练习 1：3 条 defer 时 open-coded 允许的最多 return 数", answer, max,
            "ssagen.buildssa 要求 return 数 × defer 数 ≤ 15。",
            "看资格检查器引用的 buildssa 规则。");
    }

    /// <summary>2.5 练习 2: stack-allocated defers of nineDefers in the Go 1.19.8 -d=defer recording.</summary>
    public static ExerciseResult NineDefersStackAllocated(int? answer, IReadOnlyList<DeferCase> cases, string go119Recording)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var results = DeferCases.Compare(cases, DeferDebugOutput.Read(go119Recording), "default", GoVersion.Go1_19);
        var count = results.Single(r => r.Case.Name == "nineDefers").Recorded.Count(k => k == DeferKind.StackAllocated);
        return Exercise.Check("练习 2：nineDefers 中 stack-allocated 的条数", answer, count,
            "超过 8 条时整个函数放弃 open-coded；这些 defer 都不在循环里、只执行一次，所以全部放在栈上。",
            "先判断整个函数能不能 open-coded，再看每条 defer 是否在循环里。");
    }

    /// <summary>3.1 练习 1: MB that main.handleRequest's inuse_space grew by in the leak diff (rounded).</summary>
    public static ExerciseResult LeakGrowthMb(long? answer, PprofTopReport leakDiff)
    {
        ArgumentNullException.ThrowIfNull(leakDiff);
        var mb = (long)Math.Round(leakDiff.Rows.Single(r => r.Function == "main.handleRequest").Flat / 1048576.0);
        return Exercise.Check("练习 1：handleRequest 增长的 MB", answer, mb,
            "每个请求往 map 里放 1 KiB，两次采样之间新增的请求数乘以 1 KiB 就是增长量。",
            "读差分表中 main.handleRequest 的 flat 列，再换算成 MB。");
    }

    /// <summary>3.2 练习 1: goroutines of syscall-mix (GOMAXPROCS=4, seed 1) that waited over 10 ms as runnable.</summary>
    public static ExerciseResult LongRunnableWaits(int? answer)
    {
        var run = Scheduler.Run("syscall-mix", SchedConfig.Default.WithProcs(4).WithSeed(1));
        return Exercise.Check("练习 1：syscall-mix 中调度等待超过 10 ms 的 goroutine 数", answer, run.Goroutines.Count(g => g.RunnableTime > 10_000_000),
            "io goroutine 从系统调用返回后要等 CPU 密集的 G 用完时间片；CPU 密集的 G 之间也互相等待。",
            "看 Goroutines 的 RunnableTime 一列。");
    }

    /// <summary>3.3 练习 1: samples in /gc/pauses:seconds of <paramref name="process"/> at its current time.</summary>
    public static ExerciseResult PauseSamples(ulong? answer, SimulatedGoProcess process)
    {
        ArgumentNullException.ThrowIfNull(process);
        return Exercise.Check("练习 1：/gc/pauses:seconds 的样本数", answer, process.Read("/gc/pauses:seconds").Histogram!.Total,
            "每个完成的周期 2 个样本（两次 STW），正在进行的周期已过第一次 STW 时再加 1。",
            "数一数每个 GC 周期有几次 STW 停顿。");
    }
}
