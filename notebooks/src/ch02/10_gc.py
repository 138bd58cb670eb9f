from nb import md, code, lab

# 2.1 — GC 原理与 GOGC 调优实战 (models: lib/GoRuntimeLab/Gc/Pacer, Gc/Simulation, Gc/Guide, Gc/Trace;
# charts: lib/GoRuntimeLab.Charts/Gc). The tri-colour subsection follows in 18_gc_tricolor.py.

md("""## 2.1 GC 原理与 GOGC 调优实战

Go 的垃圾收集器是 **并发的三色标记-清扫** 收集器：不分代、不移动对象；一轮 GC 只有两次很短的 STW（清扫终止、标记终止），标记与程序同时进行。真正决定"什么时候开始下一轮 GC、标记时程序要帮多少忙"的，是 **调步器（pacer）**，源码在 `runtime/mgcpacer.go`。

本节的模型都来自真实运行时：

- **调步器** 是 `gcControllerState` 的逐行移植（整数运算与 Go 相同），用 Go 自己的 `TestGcPacer` 的 19 个场景对照 Go 1.19.8 和 1.23.5 的真实输出 —— **每一轮的字节数完全相同**；
- **负载模拟器** 用这个调步器（加上 `mgclimit.go` 的 GC CPU 限制器）驱动一个"存活堆 + 持续分配垃圾"的程序，输出与 `GODEBUG=gctrace=1` 完全相同格式的行；它预测的 GC 次数与 `data/recordings/gc` 中 14 次真实运行（Go 1.19.8 / 1.23.5）的差距都在 ±10% 以内；
- **GC 指南模型** 是 go.dev/doc/gc-guide 页面上交互图的 C# 移植，与页面的 JavaScript 逐位一致。

先改参数：下面这个单元格是本节所有模型的输入。""")

code("""using GoRuntimeLab.Gc.Pacer;
using GoRuntimeLab.Gc.Simulation;
using GoRuntimeLab.Gc.Guide;
using GoRuntimeLab.Gc.Trace;
using GoRuntimeLab.Charts.Gc;
// 参数 parameters — 改这里，再从这里往下重新运行 change these, then re-run the section from here
var gogc = "100";          // GOGC: 百分比 a percentage, or "off"
var memoryLimit = "off";   // GOMEMLIMIT: e.g. "96MiB", or "off"
var procs = 2;             // GOMAXPROCS
var goVersion = "1.23";    // 1.19 … 1.23
var workload = GcWorkload.Default.WithLive("32MiB").WithAllocRate("256MiB/s").WithDuration("2s");
var options = GcSimOptions.Default.WithGogc(gogc).WithMemoryLimit(memoryLimit).WithProcs(procs).WithVersion(goVersion);
$"{workload}\\n{options}\"""")

md("""### 堆目标与触发点：GOGC 到底在算什么

每轮 GC 结束时，调步器在 `commit()` 里算出下一轮的 **堆目标（heap goal）**：

```
goal = marked + (marked + stacks + globals) × GOGC / 100
```

其中 marked 是这一轮标记到的存活堆；**goroutine 栈和全局变量（GC 根）从 Go 1.18 起也计入**。目标不低于 `heapMinimum = 4 MiB × GOGC/100`。设置了 GOMEMLIMIT 时，还要与"内存上限减去运行时其他内存、再留一点余量"取较小者。

GC 并不是在堆 **到达** 目标时才开始，而是在更早的 **触发点（trigger）** 开始，让并发标记恰好在堆长到目标时结束。触发点 = 目标 − runway，runway 由上一轮测得的"分配速度/标记速度"（cons/mark）算出，并被夹在目标距离的 70%～95% 之间。一个刚启动的进程：""")

code("""var fresh = GcController.Create(GcConfig.Default.WithGogc(100));
var (trigger, goal) = fresh.Trigger();
$"trigger = {trigger} B, goal = {goal} B  (真实 Go 的 GODEBUG=gcpacertrace=1 打印的正是 3997696 B)\"""")

md("""GC 根对目标的影响（GOGC=100，存活堆 64 MiB、全局变量 1 MiB，栈从 0 增加到 64 MiB）：""")

code("""new[] { 0L, 16, 64 }.Select(stacks => new { stacksMiB = stacks, goalMiB = GcExercises.HeapGoalMiB(64, stacks, 1, 100), before118MiB = 64 * 2 }).AsTable()""")

md("""### 与 Go 自己的测试逐字节对照：TestGcPacer

`runtime/mgcpacer_test.go` 里的 `TestGcPacer` 用一个小型模拟器驱动真实的调步器，跑 19 个场景（稳定、分配突增、抖动、大栈、内存上限……）。课程把这个测试框架连同 Go 的 `math/rand` 一起移植了过来，并在本机用 Go 1.19.8 与 1.23.5 实际运行该测试、录下输出（`data/oracles/gcpacer/`）。下图是 `Steady` 场景：实线是我们的模型，点是真实 Go —— 完全重合。""")

code("""var steady = PacerHarness.Run("Steady", GoVersion.Go1_19);
var golden = PacerGolden.ParseFile("../data/oracles/gcpacer/testgcpacer-go1.19.8.txt");
PacerCharts.ModelVsGolden(steady, golden["Steady"], "Go 1.19.8")""")

md("""每个场景还带着 Go 测试自己的通过条件（目标偏差、GC CPU 利用率是否稳定在 25% 等）。1.19 的 cons/mark 用 PI 控制器平滑，1.21 起改为"最近 5 轮取最大"，两个版本都要通过：""")

code("""PacerScenarios.All.Select(s => new { s.Name, go119 = PacerHarness.Run(s, GoVersion.Go1_19).Passed, go123 = PacerHarness.Run(s, GoVersion.Go1_23).Passed }).AsTable()""")

md("""### 一个负载随时间的变化

负载模拟器按 `data/go/gcload` 程序的方式运行：先尽快分配出存活堆（期间会发生几轮 GC，调步器借此学到 cons/mark），调用一次 `runtime.GC()`，然后按固定速率分配短命对象。每轮 GC：

1. 堆达到触发点 → STW 清扫终止 → 开启写屏障；
2. 并发标记：25% 的后台 worker（GOMAXPROCS=2 时是一个 0.5 P 的 fractional worker）+ 空闲 P 上的 idle worker；分配时按调步器的 assist 比例"还债"（mark assist），还不上就先扫描再分配 —— 这会让程序变慢；
3. 标记期间新分配的对象直接是黑色（计入本轮存活）；
4. STW 标记终止 → `endCycle` 更新 cons/mark → 提交下一轮目标。

对象按 **大小等级** 占用堆（第 2.2 节）：Go 1.22 起，带指针的 1 KiB 对象加上 8 字节 malloc header 后落入 1152 B 的等级，所以同一个程序在 1.23 上堆要大 1/8 —— 模拟器把这一点也算进去了。标记速度和程序自身的 CPU 开销是在本机从真实 gctrace 测出来的（见 `GcSimOptions` 的注释），其余规则都来自源码。""")

code("""var run = GcSimulator.Run(workload, options);
run""")

code("""GcSimCharts.HeapOverTime(run)""")

md("""**实时版**（只在通过 http 打开的书里出现）：改下面的 GOGC、GOMEMLIMIT、GOMAXPROCS、存活堆、分配速率或 Go 版本，浏览器里运行的就是同一个 `golab gc simulate`，图立即重画。

<div data-golab-live="gc simulate" data-arg-gogc="100" data-arg-memlimit="off" data-arg-procs="2" data-arg-live="32MiB" data-arg-alloc-rate="256MiB/s" data-arg-duration="2s" data-arg-go="1.23"></div>""")

md("""每一轮都可以打印成真实 Go 的 `GODEBUG=gctrace=1` 格式（编号从启动阶段的几轮 GC 和那次强制 GC 之后接着数，与真实日志一致）。字段含义：`@` 距程序启动的时间、`%` 累计 GC CPU 占比、三段 clock（STW1 + 并发标记 + STW2）、cpu（STW1 + assist/后台/空闲 + STW2）、`堆起点->标记结束->存活 MB`、目标、栈、全局变量、P 数。""")

code("""string.Join("\\n", run.GcTraceLines.Take(6))""")

md("""### GOGC 扫描：用内存换 CPU

GOGC 越大，两轮 GC 之间能分配的越多：GC 次数和 GC CPU 下降，峰值内存上升。同一个负载在不同 GOGC 下：""")

code("""var sweep = GcSimulator.SweepGogc(workload, options, new[] { 50, 75, 100, 150, 200, 300, 400, 800 });
GcSimCharts.GogcSweep(sweep)""")

code("""sweep.Select(r => new { r.Options.Gogc, r.GcCount, peakMiB = r.PeakHeapBytes >> 20, gcCpu = $"{r.GcCpuFraction:P1}", pausesMs = r.PauseTotalNs / 1e6 }).AsTable()""")

md("""注意最后一列：每轮两次 STW 加起来只有几十微秒，**总停顿时间随 GC 次数变化，而不是随 GOGC 本身变化**；GOGC 换来的主要是 GC 的 CPU 开销与内存之间的取舍。

### GOMEMLIMIT：软上限、瞬时尖峰与 CPU 限制器

先看官方 GC 指南的模型（页面上交互图的逐位移植，单位 MiB 与 CPU 秒）。图 3：存活堆在 5 s 时出现一个瞬时尖峰：""")

code("""GuideCharts.StackedArea(GuideGraphs.Graph(3).Run())""")

md("""图 5：同样的尖峰，GOGC=off、内存上限 30 MiB（页面上说"试试 30 MiB 左右就会看到抖动"）—— 堆被压在上限下，但 GC 一轮接一轮，GC CPU 飙升：""")

code("""GuideCharts.StackedArea(GuideGraphs.Graph(5).Run(gogcSlider: 10, limitSlider: 30))""")

md("""**实时版**：GC 指南的图 1–5（`--graph`），GOGC 与内存上限可改（`golab gc guide`）。

<div data-golab-live="gc guide" data-arg-graph="5" data-arg-gogc="off" data-arg-memlimit="30MiB"></div>""")

md("""指南模型假设"GC 时程序暂停、GC 工作只与存活堆有关、不模拟 CPU 限制器"。我们的并发模型把这些都补上了。同样的故事（32 MiB 的尖峰，GOGC=off，GOMEMLIMIT=96MiB）：""")

code("""var spiky = GcSimulator.Run(workload.WithSpike("32MiB", "500ms", "500ms"), options.WithGogc("off").WithMemoryLimit("96MiB"));
GcSimCharts.HeapOverTime(spiky)""")

md("""如果存活堆本身就超过了上限，目标会塌到存活堆上，GC 将背靠背地运行（早期版本所说的"死亡螺旋"）。Go 1.19 的 **GC CPU 限制器**（`mgclimit.go`）用一个容量为"每个 P 1 CPU 秒"的漏桶记录 GC 时间减去程序时间；桶满时关掉 mark assist，把 GC CPU 大致限制在 50%，代价是堆超出上限：""")

code("""var squeezed = GcSimulator.Run(GcWorkload.Default.WithLive("48MiB").WithAllocRate("512MiB/s").WithDuration("8s"), options.WithGogc("100").WithMemoryLimit("40MiB"));
new { 概况 = squeezed.ToString(), 限制器开启的轮数 = squeezed.Cycles.Count(c => c.LimiterOn), 第一次开启于秒 = squeezed.Cycles.First(c => c.LimiterOn).StartNs / 1e9 }.AsTable()""")

code("""GcSimCharts.HeapOverTime(squeezed, "存活堆 54 MiB > GOMEMLIMIT 40 MiB：限制器开启后 assist 关闭，堆越过上限")""")

md("""### 对照真实 Go：gctrace

`data/recordings/gc/` 保存了 `data/go/gcload` 在本机用 Go 1.19.8 和 1.23.5 运行的真实 `GODEBUG=gctrace=1` 输出（32 MiB 存活堆、1 KiB 带指针对象、256 MiB/s、8 s，7 种设置）。先用解析器读一份，看每轮的两次停顿：""")

code("""var real = GcTraceParser.ParseFile("../data/recordings/gc/go1.23.5-gogc100.txt");
GcTraceCharts.PauseTimeline(real)""")

md("""再把同一个负载交给模拟器，逐轮比较目标与存活堆（虚线是模型）：""")

code("""var recordings = GcLoadRecording.ReadManifest("../data/recordings/gc/manifest.json");
var recorded = recordings.Single(r => r.File == "go1.23.5-gogc100.txt");
GcSimCharts.ModelVsReal(recorded.Simulate(), real, "Go 1.23.5")""")

md("""全部 14 份录制：真实的 GC 次数与模型预测（验收标准是只设 GOGC 时 ±10%、设了 GOMEMLIMIT 时 ±25%；实际都在 ±10% 以内）。""")

code("""recordings.Select(r => { var s = r.Simulate(); return new { r.File, real = r.ChurnGc, model = s.GcCount, error = $"{r.Error(s):+0.0%;-0.0%}" }; }).AsTable()""")

md("""> **常见误区（课程文本 2.1）**
>
> - **"GOGC=100 表示当新分配堆大小达到上次 GC 后存活堆的 100% 时触发 GC"** —— 两处不准确。其一，Go 1.18 起目标里还加上了 GC 根（栈、全局变量），上面"GC 根对目标的影响"一表显示 64 MiB 的栈会把目标抬高 64 MiB；其二，GC 在 **到达目标之前** 的触发点就开始了（新进程：触发点 3997696 B < 目标 4194304 B），好让并发标记在堆长到目标时结束。
> - **"GOMEMLIMIT：硬性内存上限，超限强制 GC"** —— 它是 **软** 上限：尖峰期间和 CPU 限制器开启时堆都会越过它（上面 `squeezed` 的峰值远高于 40 MiB）。它也不会"强制"一次 GC，而是把堆目标压低。
> - **"GOGC 越大，停顿越少"** —— 每轮的 STW 只有几十微秒，与 GOGC 基本无关；GOGC 变大减少的是 GC 次数和 GC 的 CPU 开销，代价是内存。
> - **`debug.SetGCPercent()`** 会返回 **旧值**，调优代码常用它来临时修改再恢复。它还 **立即生效**：运行时的 `setGCPercent`（`mgcpacer.go`，1.19 与 1.23 相同）在持有堆锁时先改 GOGC，再调用 `gcControllerCommit` 重新计算目标和触发点，不必等下一轮 GC。下面的单元格先在模型上调用，再与真实 Go 1.19.8 的录制逐项对照（`data/go/setgcpercent` 在一个刚启动、还没有 GC 过的进程里从 `runtime/metrics` 读 `/gc/heap/goal:bytes`）。
> - **用 `runtime.ReadMemStats()` 监控 `PauseNs`** —— `ReadMemStats` 会短暂 STW；生产环境的低开销做法是 `runtime/metrics`（第 3.3 节），停顿直方图是 `/gc/pauses:seconds`（1.22 起为 `/sched/pauses/total/gc:seconds`）。""")

code("""var controller = GcController.Create(GcConfig.Default.WithVersion("1.19"));
var goalBefore = controller.HeapGoal();
var returnedOld = controller.DebugSetGcPercent(200);   // debug.SetGCPercent(200)
Console.WriteLine($"模型 model: 返回旧值 {returnedOld}，GOGC 现在是 {controller.GcPercent}，目标 goal {goalBefore} B → {controller.HeapGoal()} B（没有发生 GC）");
var setGcReal = SetGcPercentRecording.Read("../data/recordings/pacer/setgcpercent-go1.19.8.txt");
setGcReal.CompareWithModel(GoVersion.Go1_19).AsTable()""")

md("""表中每一行：真实 Go 的返回值与目标（`Real…`）和模型的（`Model…`），`Equal` 表示两者一致。真实进程在两次调用之间的 GC 次数都是 0（录制里的 `gc-cycles=0`），所以目标的变化完全来自 `SetGCPercent` 本身的提交。""")

md("""### 小结

- 堆目标 = 存活堆 + (存活堆 + 栈 + 全局变量) × GOGC/100，最低 4 MiB × GOGC/100；GOMEMLIMIT 再把它压到上限以下（减去运行时其他内存和余量）。
- GC 在触发点（目标的 70%～95% 路程处）开始，标记期间由后台 worker、空闲 P 和 mark assist 共同完成；assist 会拖慢分配过快的程序。
- GOGC 是 CPU 与内存的取舍；GOMEMLIMIT 是软上限，CPU 限制器在必要时宁可让堆超出，也不让 GC 吃掉超过约一半的 CPU。
- 模型的每条规则都对应 Go 源码，并由 Go 自己的测试（逐字节）和真实 gctrace（GC 次数 ±10%）校验。

### 实验

每个实验单元格先显示题目和分值；把 `answer: null` 换成你的答案再运行（答错时给出下一条提示，`Lab.Hint("实验编号")` 逐条要提示）。""")

lab("02.1-heap-goal")

lab("02.1-container", note="把 null 换成 new[] { \"GOGC\", \"GOMEMLIMIT\" }，例如 new[] { \"100\", \"off\" }")
