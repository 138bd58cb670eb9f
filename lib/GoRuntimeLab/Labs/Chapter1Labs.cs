// Mirrors: the chapter-1 programs (data/go/welcome-sleep, welcome-waitgroup), time.ParseDuration (time/format.go,
// Go 1.19–1.23) through GoDuration, and the scheduler model's sz-welcome workloads (runtime/proc.go, sema.go).
using GoRuntimeLab.GoTool;
using GoRuntimeLab.Sched;
using static GoRuntimeLab.Labs.LabChecks;

namespace GoRuntimeLab.Labs;

/// <summary>The labs of chapter 1 (入门与环境). Answers come from a real recording, Go's duration grammar and the
/// scheduler model; only the race-detector answer is held here, since no model of the toolchain's checkers exists.</summary>
internal static class Chapter1Labs
{
    public static IEnumerable<Lab> All()
    {
        var cutOff = Lazy(() => WelcomeTrace.Parse(GoRecording.Read(LabData.Path("recordings", "welcome", "sleep-work700ms.txt")).Stdout).CutOff);
        yield return new Lab
        {
            Id = "01.2-cut-off",
            Title = "被截断的 goroutine",
            Points = 2,
            Question = "sz-welcome 的 Sleep 版本：每个 goroutine 工作 700ms（-work 700ms），main 仍只睡 500ms。不运行程序，预测有几个 goroutine 来不及打印 done 就被截断？答案是一个整数。",
            Hints = ["main 返回时进程立即退出，Go 不等待其他 goroutine。", "比较每个 goroutine 的工作时长与 main 的 Sleep 时长：谁比 main 慢？", "三个 goroutine 的工作时长都一样。"],
            Checker = Integer(cutOff),
            Reference = () => cutOff.Value,
            Spoilers = ["{0} cut off", "{0} 个 goroutine 被截断", "截断了 {0} 个"],
            Explanation = "main 在 -wait 之后返回，进程随之退出；比它慢的 goroutine 都没有机会打印 done（答案来自 Go 1.19.8 的真实录制）。",
        };

        var millis = Lazy(() => GoDuration.Parse("1h2m3.5s") / 1_000_000);
        yield return new Lab
        {
            Id = "01.2-parse-duration",
            Title = "time.ParseDuration",
            Points = 1,
            Question = "欢迎程序的 -work 700ms 由 time.ParseDuration 解析。time.ParseDuration(\"1h2m3.5s\") 得到的时长是多少毫秒？答案是一个整数。",
            Hints = ["单位依次累加：h、m、s 各自换算再相加。", "1h = 3600s，1m = 60s；小数秒也合法。", "先算总秒数，再乘以 1000。"],
            Checker = Integer(millis),
            Reference = () => millis.Value,
            Spoilers = ["{0}ms", "{0} ms"],
            Explanation = "time.ParseDuration 逐段累加（time/format.go），课程库的 GoDuration.Parse 与它逐字节一致。",
        };

        var reason = new Lazy<string>(() =>
        {
            var run = Scheduler.Run("sz-welcome-waitgroup");
            var main = run.Goroutine("main");
            return run.GTimeline.Where(s => s.G == main.Id && s.Status == GStatus.Waiting).MaxBy(s => s.Duration)!.WaitReason;
        }, LazyThreadSafetyMode.ExecutionAndPublication);
        yield return new Lab
        {
            Id = "01.2-waitgroup-wait",
            Common = true,
            Title = "wg.Wait() 在等什么",
            Points = 2,
            Question = "在调度模拟器里运行 sz-welcome-waitgroup：main 在 wg.Wait() 中阻塞时，它的等待原因（wait reason，与 Go 的 goroutine 栈转储里方括号中的文字相同）是什么？答案是一个词。",
            Hints = ["在 SchedCharts.GoroutineTimeline 的图里把鼠标放到 main 那一行的等待段上。", "WaitGroup 的 Wait 内部是一个信号量（sync 包调用 runtime_Semacquire）。", "Go 运行时把等待信号量的原因写成 runtime 函数名的后半截。"],
            Checker = Word(() => [reason.Value]),
            Reference = () => reason.Value,
            Spoilers = ["main 等的是 `{0}`", "main 等的是 {0}", "等待原因 {0}"],
            Explanation = "wg.Wait() 调用 runtime_Semacquire，goroutine 以 waitReasonSemacquire 停车（runtime/sema.go），最后一个 Done() 释放信号量时被唤醒。",
        };

        var procs1 = Lazy(() => (Scheduler.Run("sz-welcome-waitgroup", SchedConfig.Default.WithProcs(1)).Goroutine("main").FinishedAt
            ?? throw new InvalidOperationException("main did not finish")) / 1_000_000);
        yield return new Lab
        {
            Id = "01.2-one-proc",
            Common = true,   // the goroutines' own 300ms sleep is the lab's setting, printed throughout section 1.2
            Title = "并发不等于并行",
            Points = 2,
            Question = "把 sz-welcome-waitgroup 放到只有一个 P 的调度模拟器里（SchedConfig.Default.WithProcs(1)）：main 在第几毫秒返回（模拟时间，向下取整）？答案是一个整数。",
            Hints = ["三个 goroutine 的“工作”是 time.Sleep，不是计算。", "睡眠中的 goroutine 不占用 P；一个 P 足以轮流启动它们。", "和 GOMAXPROCS=4 时比，main 返回的时间几乎不变。"],
            Checker = Integer(procs1),
            Reference = () => procs1.Value,
            Spoilers = ["GOMAXPROCS=1 时 main 在 {0}", "WithProcs(1) 时 main 在 {0}"],
            Explanation = "睡眠不需要 CPU：三个 goroutine 并发地睡，即使没有并行也同时醒来；main 在最后一个 Done() 之后返回。",
        };

        yield return new Lab
        {
            Id = "01.3-race-detector",
            Common = true,
            Title = "谁能发现数据竞争",
            Points = 1,
            Question = "go vet、staticcheck、go run -race 三者之中，哪一个能在程序运行时发现两个 goroutine 不加锁地读写同一个变量？答案写命令里决定性的那个标志或工具名。",
            Hints = ["静态分析只看源码，看不到运行时哪些访问真的并发发生。", "需要一个在运行时记录每次内存访问的检测器（ThreadSanitizer）。", "它是 go build/run/test 共用的一个标志。"],
            Checker = Word(() => ["-race", "race", "go run -race", "go test -race", "go build -race"]),
            Reference = () => "-race",
            Spoilers = ["只有 go run -race", "只有 `go run -race`", "-race 能发现"],
            Explanation = "-race 打开竞争检测器（基于 ThreadSanitizer），只能发现本次运行实际发生的竞争；go vet 和 staticcheck 是静态检查。",
        };
    }
}
