// Mirrors: runtime/mgcpacer.go (heap goal), mgclimit.go, mbarrier.go (Yuasa), sizeclasses.go and mbitmap.go (malloc
// header), cmd/compile's escape analysis, proc.go (preemption, timers), chan.go (closed receive), ssagen.buildssa
// (open-coded defers), Go 1.19–1.23 — all through the kit's models or real recordings.
using System.Globalization;
using GoRuntimeLab.Alloc;
using GoRuntimeLab.Defer;
using GoRuntimeLab.Escape;
using GoRuntimeLab.Gc.Mark;
using GoRuntimeLab.Gc.Simulation;
using GoRuntimeLab.GoTool;
using GoRuntimeLab.Sched;
using GoRuntimeLab.Sched.Workloads;
using static GoRuntimeLab.Labs.LabChecks;

namespace GoRuntimeLab.Labs;

/// <summary>The labs of chapter 2 (Go 运行时核心机制). Every answer is computed by a model run or read from a recording.</summary>
internal static class Chapter2Labs
{
    public static IEnumerable<Lab> All()
    {
        var goal = Lazy(() => GcExercises.HeapGoalMiB(64, 8, 1, 100));
        yield return new Lab
        {
            Id = "02.1-heap-goal",
            Title = "下一轮的堆目标",
            Points = 2,
            Question = "GOGC=100，上一轮标记到 64 MiB 存活堆，goroutine 栈共 8 MiB，全局变量 1 MiB（Go 1.18 及以后）。下一轮的堆目标是多少 MiB？答案是一个整数。",
            Hints = ["Go 1.18 起，GC 根（栈和全局变量）也计入堆目标。", "goal = marked + (marked + stacks + globals) × GOGC / 100。", "GOGC=100 时乘数是 1：把三项加起来，再加上存活堆本身。"],
            Checker = Integer(goal),
            Reference = () => goal.Value,
            Spoilers = ["{0} MiB", "{0}MiB", "goalMiB = {0}"],
            Explanation = "Go 1.18 起 goal = live + (live + stacks + globals) × GOGC/100（mgcpacer.go commit）；Go 1.17 及以前没有栈和全局变量这两项。",
        };

        yield return new Lab
        {
            Id = "02.1-container",
            Title = "512 MiB 容器里的 GOGC 与 GOMEMLIMIT",
            Points = 4,
            Question = "一个服务部署在 512 MiB 的容器里：存活堆 150 MiB，1 s 时有 64 MiB 的尖峰、持续 1 s，每秒分配 200 MiB 垃圾。选一组 GOGC 和 GOMEMLIMIT，使峰值内存（堆 + 运行时其他内存）不超过容器的 95%，同时 GC CPU 不超过 20%。答案是两个字符串的数组：[GOGC, GOMEMLIMIT]，例如 [\"100\", \"off\"]。",
            Hints = ["先只调 GOGC：尖峰期间堆目标是存活堆的两倍，会发生什么？", "GOMEMLIMIT 是软上限：设在容器大小之下、留出运行时其他内存的余量。", "GOGC 太小会让 GC 过于频繁；保留默认的 GOGC，只加一个略低于 95% 的 GOMEMLIMIT 试试。"],
            Checker = CheckContainer,
            Reference = () => new[] { "100", "480MiB" },
            Open = true,
        };

        var yuasa = Lazy(() => MarkScenarios.LostObject(WriteBarrierMode.YuasaDeletion).Run().States.First(s => s.ColorOf("C") == MarkColor.Grey).Step);
        yield return new Lab
        {
            Id = "02.1-yuasa-step",
            Title = "删除屏障救下 C 的那一步",
            Points = 2,
            Question = "用 Yuasa 删除屏障运行 MarkScenarios.LostObject(WriteBarrierMode.YuasaDeletion)：是哪一步的写屏障救下了 C？填入那一步的步号（MarkState.Step）。答案是一个整数。",
            Hints = ["删除屏障在指针被覆盖时给 **旧值** 着色。", "找出删掉指向 C 的最后一个堆指针的那条语句。", "用 TriColorText.Caption 逐步读，找 C 第一次变灰的那一步。"],
            Checker = Integer(yuasa),
            Reference = () => yuasa.Value,
            Spoilers = ["第 {0} 步救下", "step {0}: shade(old C)"],
            Explanation = "删除屏障在覆盖指针时给旧值着色：删掉 b.next 的那一步 shade(old C)。",
        };

        var sizeClass = Lazy(() => SizeClasses.Lookup(100).Class);
        yield return new Lab
        {
            Id = "02.2-size-class",
            Title = "100 字节的大小等级",
            Points = 1,
            Question = "一个 100 字节的结构体（无论是否含指针）在堆上使用哪个大小等级（size class）？填入等级编号。答案是一个整数。",
            Hints = ["小对象向上取整到第一个不小于它的等级大小。", "≤ 512 B 的含指针对象没有 malloc header，所以是否含指针不影响结果。", "用 SizeClasses.Lookup 或 SizeClasses.Rows 找第一个 ≥ 100 B 的等级。"],
            Checker = Integer(sizeClass),
            Reference = () => sizeClass.Value,
            Spoilers = ["100 B（无指针 noscan，Go 1.23）→ size class {0}", "size class {0}（112 B", "100 B → class {0}"],
            Explanation = "100 B 向上取整到下一个等级大小；≤ 512 B 的对象不加 malloc header，含不含指针都一样。",
        };

        var bytes576 = Lazy(() => SizeClasses.Lookup(576, pointers: true, GoVersion.Go1_23).Size);
        yield return new Lab
        {
            Id = "02.2-header-576",
            Title = "576 B 含指针对象的实际占用",
            Points = 2,
            Question = "Go 1.23 中，一个 576 字节、含指针的对象在堆上实际占用多少字节？答案是一个整数（字节）。",
            Hints = ["576 本身就是一个等级大小。", "Go 1.22 起，大于 512 B 的含指针对象前面多一个 8 字节的 malloc header。", "header 是在查表 **之前** 加上的：先加 8，再找等级。"],
            Checker = Integer(bytes576),
            Reference = () => bytes576.Value,
            Spoilers = ["{0} B", "{0}B", "{0} 字节"],
            Explanation = "Go 1.22 起 > 512 B 的含指针对象先加 8 字节 malloc header 再查表，所以落入更大的等级；Go 1.19 没有 header。",
        };

        var kind = new Lazy<EscapeKind>(() => EscapeParser.ParseFile(LabData.Path("recordings", "escape", "cases-go1.19-m1.txt"))
            .VerdictAt("pointers.go", 56, "pp") ?? throw new InvalidOperationException("no verdict for pp in the recording"), LazyThreadSafetyMode.ExecutionAndPublication);
        yield return new Lab
        {
            Id = "02.2-escape-kind",
            Common = true,
            Title = "参数 pp 的逃逸类别",
            Points = 2,
            Question = "data/go/escape 的 ParamContentToGlobal(pp **int) 只把 *pp 存进全局变量。编译器（go build -gcflags=-m）对参数 pp 报告的是哪一类？答案是 EscapeKind 的一个名字（例如 EscapeKind.LeakingParam，或字符串 \"leakingParam\"）。",
            Hints = ["流向全局变量的是 *pp，不是 pp 本身。", "参数有三种 leaking 类别：值本身、指向的内容、只流向返回值。", "看“逃逸分析”表格里每一类的含义：哪一类说的是参数指向的内容？"],
            Checker = Word(() => [kind.Value.ToString()]),
            Reference = () => kind.Value.ToString(),
            Spoilers = ["leaking param content: pp"],
            Explanation = "编译器输出 leaking param content: pp —— 只有 *pp 流向堆（Go 1.19.8 与 1.23.5 的录制相同）。",
        };

        yield return new Lab
        {
            Id = "02.2-no-heap",
            Title = "让 Sum 什么都不上堆",
            Points = 4,
            Question = "改写 func Sum(xs []int) int { buf := make([]int, len(xs)); copy(buf, xs); t := 0; for _, v := range buf { t += v }; return t }，让它内部什么都不上堆（xs 最多 64 个元素）。答案是完整的 Go 源文件（含 package main 和 func main）。有 Go 时真的用 -gcflags=-m 编译；没有 Go 时按录制中编译器的规则检查。",
            Hints = ["大小不是常量的 make 在 Go 1.19–1.23 一律上堆。", "常量大小、不离开函数的 make 或数组留在栈上（隐式分配不超过 64 KiB）。", "用 var buf [64]int 或 make([]int, 0, 64) 再 append/copy。"],
            Checker = a => a.Text is { } source
                ? EscapeExercise.CheckNoHeapAsync(source, "Sum", LabData.Path("recordings", "escape", "cases-go1.23-m1.txt"), GoToolchain.Find()).GetAwaiter().GetResult()
                : LabVerdict.Wrong("答案应当是 Go 源码字符串。"),
            Reference = () => "package main\n\nfunc Sum(xs []int) int {\n\tvar buf [64]int\n\tn := copy(buf[:], xs)\n\tt := 0\n\tfor _, v := range buf[:n] {\n\t\tt += v\n\t}\n\treturn t\n}\n\nfunc main() { _ = Sum(nil) }\n",
            Open = true,
        };

        var wakeMicros = Lazy(() => (Scheduler.Run("spinner-sleeper", SchedConfig.Default.WithProcs(2)).Goroutine("sleeper").FinishedAt
            ?? throw new InvalidOperationException("the sleeper did not finish")) / 1000);
        yield return new Lab
        {
            Id = "02.3-second-p",
            Common = true,   // the bare count also appears by coincidence (2.1's table of GC counts per recording); the µs phrases are searched
            Title = "多一个 P 的 sleeper",
            Points = 3,
            Question = "spinner-sleeper 在 GOMAXPROCS=1 时，sleeper 要等 sysmon 抢占 spinner 才能醒来。改成 GOMAXPROCS=2（Go 1.23，其余默认：cfg.WithProcs(2)）：sleeper 在第几微秒结束（模拟时间，向下取整到整数 µs）？答案是一个整数。",
            Hints = ["另一个 P 空闲时，它的 M 在 findRunnable 里会检查计时器，并睡到最早的计时器到期。", "不需要任何抢占：spinner 占着一个 P，另一个 P 可以运行 sleeper。", "sleeper 睡 100µs；再加上计时器到期后让它运行、它结束所需的很短时间。用 Scheduler.Run(\"spinner-sleeper\", cfg.WithProcs(2)).Goroutine(\"sleeper\") 核对。"],
            Checker = Integer(wakeMicros),
            Reference = () => wakeMicros.Value,
            Spoilers = ["{0}µs", "{0} µs"],
            Explanation = "空闲的 P 在 findRunnable 中按最早的计时器睡眠（pollUntil），计时器到期后直接运行 sleeper，完全不依赖抢占。",
        };

        var closedReceives = Lazy(() => Scheduler.Run(Workload.Create("lab-close").Chan("c", 5)
            .Main(m => m.Send("c", 1).Send("c", 2).Close("c").Repeat(6, b => b.Recv("c", tally: "v")))).Counter("v/closed"));
        yield return new Lab
        {
            Id = "02.4-closed-receive",
            Title = "关闭之后的接收",
            Points = 2,
            Question = "一个容量为 5 的 channel 里放入 2 个值后关闭，然后连续接收 6 次：其中有几次得到 ok == false？答案是一个整数。",
            Hints = ["关闭不会丢掉缓冲区里已有的值。", "缓冲区取空之后，从已关闭的 channel 接收会立即返回。", "立即返回的是零值和 ok == false。"],
            Checker = Integer(closedReceives),
            Reference = () => closedReceives.Value,
            Spoilers = ["{0} 次 ok == false", "ok == false 的有 {0} 次"],
            Explanation = "关闭后缓冲区里剩下的值照样能取出（ok == true），取完之后每次接收都立即得到零值和 ok == false（chan.go chanrecv）。",
        };

        var maxReturns = Lazy(() => Enumerable.Range(0, 40).Last(r => DeferClassifier.Classify(FunctionShape.Of(3, r)).OpenCoded));
        yield return new Lab
        {
            Id = "02.5-max-returns",
            Title = "3 条 defer 时最多几条 return",
            Points = 2,
            Question = "一个函数有 3 条（不在循环里的）defer：最多可以有几条 return 语句还能保持 open-coded？答案是一个整数。",
            Hints = ["open-coded 要在每个出口展开一份延迟调用，出口太多就放弃。", "规则在 ssagen.buildssa 里：return 语句数 × defer 数有一个上限。", "上限是 15。"],
            Checker = Integer(maxReturns),
            Reference = () => maxReturns.Value,
            Spoilers = ["最多 {0} 条 return", "最多可以有 {0} 条"],
            Explanation = "ssagen.buildssa 要求 return 数 × defer 数 ≤ 15。",
        };

        var nineStack = Lazy(() =>
        {
            var cases = DeferCases.Load(LabData.Path("go", "defer"));
            var results = DeferCases.Compare(cases, DeferDebugOutput.Read(LabData.Path("recordings", "defer", "d-defer-default-go1.19.8.log")), "default", GoVersion.Go1_19);
            return results.Single(r => r.Case.Name == "nineDefers").Recorded.Count(k => k == DeferKind.StackAllocated);
        });
        yield return new Lab
        {
            Id = "02.5-nine-defers",
            Title = "nineDefers 里的 stack-allocated",
            Points = 2,
            Question = "data/go/defer 的 nineDefers 有 9 条顶层 defer（都不在循环里）。Go 1.19 的 go build -gcflags=-d=defer 报告其中几条是 stack-allocated？答案是一个整数（检查用的是 Go 1.19.8 的真实录制）。",
            Hints = ["先判断整个函数还能不能 open-coded：deferBits 只有 1 字节。", "不能 open-coded 时，每条 defer 各自决定：在循环里的是 heap-allocated，其余是 stack-allocated。", "这些 defer 都只执行一次。"],
            Checker = Integer(nineStack),
            Reference = () => nineStack.Value,
            Spoilers = ["{0} 条 defer 全是 stack-allocated", "{0} 条都是 stack-allocated"],
            Explanation = "超过 8 条时整个函数放弃 open-coded；这些 defer 都不在循环里、只执行一次，所以全部放在栈上（deferprocStack）。",
        };
    }

    private static LabVerdict CheckContainer(LabAnswer answer)
    {
        if (answer.Items is not { Count: 2 } items || items[0].Text is not { } gogc || items[1].Text is not { } limit)
            return LabVerdict.Wrong("答案应当是两个字符串的数组：[GOGC, GOMEMLIMIT]。");
        var options = GcSimOptions.Default.WithVersion(GoVersion.Latest).WithGogc(gogc).WithMemoryLimit(limit);
        var r = GcSimulator.Run(GcExercises.ContainerService, options, recordSeries: false);
        var peak = (long)r.PeakHeapBytes + r.NonHeapBytes;
        var fits = peak <= GcExercises.ContainerBytes * 0.95;
        var cheap = r.GcCpuFraction <= 0.20;
        var numbers = string.Create(CultureInfo.InvariantCulture,
            $"峰值 {peak / 1048576.0:F0} MiB（堆 {r.PeakHeapBytes / 1048576.0:F0} + 其他 {r.NonHeapBytes / 1048576.0:F0}）/ {GcExercises.ContainerBytes >> 20} MiB，GC CPU {r.GcCpuFraction * 100:F1}%，{r.GcCount} 次 GC");
        return (fits, cheap) switch
        {
            (true, true) => LabVerdict.Right(numbers + "。"),
            (false, _) => LabVerdict.Wrong(numbers + "：内存超出，容器会被 OOM kill。"),
            _ => LabVerdict.Wrong(numbers + "：GC 太频繁，CPU 花在回收上了。"),
        };
    }
}
