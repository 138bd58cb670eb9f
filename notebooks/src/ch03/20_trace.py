from nb import md, code, lab

# Section 3.2: execution timelines from the scheduler simulator, exported as Chrome Trace Event JSON.

md("""## 3.2 执行跟踪：协程生命周期与调度延迟

pprof 回答“时间花在 **哪里**”，执行跟踪（`runtime/trace`、`go tool trace`）回答“**什么时候**、**谁在等谁**”：每个 goroutine 何时创建、运行、阻塞、被唤醒，每个 P 在每一刻运行哪个 G，以及 G 从“可运行”到“真正运行”等了多久（调度延迟）。

本节用第二章的调度模拟器产生同样的信息：先在笔记本里画出时间线，再把它导出为 **Chrome Trace Event JSON**——`go tool trace` 的网页视图用的也是这种格式，Perfetto（ui.perfetto.dev）和 `chrome://tracing` 都能直接打开。

### 参数""")

code("""using System.IO;
using GoRuntimeLab.Sched;
using GoRuntimeLab.Charts.Sched;
// 参数：工作负载、GOMAXPROCS、种子
string traceWorkload = "syscall-mix"; int traceProcs = 4; ulong traceSeed = 1;
var traced = Scheduler.Run(traceWorkload, SchedConfig.Default.WithProcs(traceProcs).WithSeed(traceSeed));""")

md("""### 时间线：P 视图与 goroutine 视图

`go tool trace` 的 “View trace” 页面上半部分是每个 P 一行（PROCS），这里是同样的 Gantt 图；下面的 goroutine 视图对应 “Goroutine analysis” 里单个 goroutine 的执行时间分解（运行、可运行 = 调度等待、阻塞、系统调用）。""")

code("""SchedCharts.Gantt(traced)""")

code("""SchedCharts.GoroutineTimeline(traced)""")

md("""### 导出 Chrome Trace Event JSON

`ToChromeTrace()` 写出 `{"traceEvents": [...]}`：进程 0 是 P（每个 P 一个线程轨道），进程 1 是 goroutine（每个 G 一个轨道），进程 2 是计数器；每段活动是一个 `ph:"X"` 完整事件（`ts`/`dur` 以微秒为单位），窃取、抢占等是 `ph:"i"` 瞬时事件，轨道名来自 `ph:"M"` 元数据事件。Perfetto 不支持同一轨道上互相重叠的切片，所以写出后用 `ChromeTraceValidator` 检查：每个切片都有 `ts/dur/pid/tid`，同一轨道上的切片互不重叠。

把下面打印的文件拖进 **ui.perfetto.dev**（或 Chrome 的 `chrome://tracing`）即可交互浏览。""")

code("""var tracePath = Path.Combine(Path.GetTempPath(), $"golab-{traceWorkload}-trace.json");
File.WriteAllText(tracePath, traced.ToChromeTrace());
Console.WriteLine($"{tracePath}: {new FileInfo(tracePath).Length / 1024} KiB");
GoRuntimeLab.Trace.ChromeTraceValidator.Validate(File.ReadAllText(tracePath))""")

md("""### 调度延迟

调度延迟 = G 变为可运行到真正开始运行的时间。`go tool trace` 的 “Scheduler latency profile” 把这段等待按 **调用栈** 汇总成一张 pprof 图（哪段代码让 G 排队最久）；Go 1.22+ 的新版 `go tool trace` 还在 goroutine 分析页面给出每个 goroutine 的 “Sched wait time”。模拟器给出全部样本的分布：""")

code("""SchedCharts.LatencyHistogram(traced)""")

md("""大多数样本很小（`runnext` 交接、空闲 P 立即接手），长尾来自 10 ms 的时间片：CPU 密集的 G 占满所有 P 时，刚从系统调用返回的 G 要等下一次抢占。这正是 trace 最擅长发现的问题——pprof 的 CPU 剖析看不到“等待 CPU”的时间。

### 真实的执行跟踪：同一个工作负载，模拟与实测

上面的时间线全部来自模拟器。`data/go/chantrace` 把模拟器的工作负载 **逐步照写成真实 Go 程序**（`prodcons-unbuffered`：生产者每项计算 2 µs，1000 项，经无缓冲 channel 交给两个各计算 5 µs 的消费者），在 `runtime/trace` 下运行，并在跟踪开始前、结束后各读一次 `runtime/metrics` 的 `/sched/latencies:seconds`，打印两者之差——同一时间窗口里运行时自己统计的调度延迟。

有 Go 时现场运行（约 0.2 s，另加首次编译）；没有 Go 时回放 `data/recordings/chantrace/` 里 Go 1.19.8 的录制和它写出的 trace。Go 1.22+ 写的是新的分代格式，`TraceTimeline.Read` 两种格式都读，所以现场运行的 trace（无论哪个 Go 版本）总是被画出来。""")

code("""using GoRuntimeLab.GoTool;
using GoRuntimeLab.Trace.Exec;
using GoRuntimeLab.Trace.Views;
using GoRuntimeLab.Charts.Trace;
var pcRun = await GoProgram.RunOrReplayAsync("../data/go/chantrace", new[] { "-workload", "prodcons-unbuffered" }, "../data/recordings/chantrace/prodcons-unbuffered-go1.19.8.txt");
var pc = ChantraceRun.From(pcRun, "../data/recordings/chantrace/prodcons-unbuffered-go1.19.8.txt", "../data/recordings/chantrace/prodcons-unbuffered-go1.19.8.trace");
Console.WriteLine(pc.TraceSource);""")

code("""var pcSim = TimelineView.FromSimulation(Scheduler.Run("prodcons-unbuffered", SchedConfig.Default.WithProcs(2).WithSeed(1)));
TimelineCharts.Gantt(pcSim, untilMs: 0.3)""")

code("""TimelineCharts.Gantt(pc.Timeline, untilMs: 0.3)""")

md("""两张图用的是 **同一个画图函数**（`TimelineCharts.Gantt`，`SchedCharts.Gantt` 也只是它的包装），行是 P，颜色是 G。真实 trace 的时间从跟踪开始算，工作负载在几十微秒后才开始。把两边的数字放在一起：""")

code("""var pcReal = pc.Timeline;
long Median(IReadOnlyList<long> xs) => xs.Count == 0 ? 0 : xs.Order().ElementAt(xs.Count / 2);
int Moves(TimelineView v) => v.PTimeline.GroupBy(s => s.G).Sum(g => g.Zip(g.Skip(1)).Count(p => p.First.P != p.Second.P));
new[] { pcSim, pcReal }.Select(v => new { 来源 = v.Source, 总时间 = GoDuration.Format(v.EndTime), P切片数 = v.PTimeline.Count,
    G换P次数 = Moves(v), 调度延迟中位数 = GoDuration.Format(Median(v.LatencySamples)), 用户goroutine = v.UserGoroutines().Count, GC周期 = v.Gc.Count(g => !g.StopTheWorld) }).AsTable()""")

code("""var pcEvents = ExecTrace.ReadStats(pc.TracePath).Events;
new[] { "GoBlockSend", "GoBlockRecv", "GoUnblock", "GoStart", "GoSched", "GoPreempt" }.Select(k => new { 事件 = k, 次数 = pcEvents.GetValueOrDefault(k) }).AsTable()""")

md("""差异在哪里、为什么：

- **总时间长一倍多**：真实程序在 trace 下运行，每个事件都要写缓冲区；Go 1.19 的 `GoUnblock`、`GoBlockSend` 等事件还要 **展开调用栈**（1.21 起才改用帧指针，开销降到约 1%）。跟踪器自己的读取 goroutine `runtime/trace.Start.func1` 也要占 CPU（下面的 goroutine 表里能看到它）。`compute(2µs)` 是真实的忙循环，也会被跟踪事件和其他线程打断。模拟器只计入 `SchedCosts` 里的常数（channel 操作 30 ns、切换 200 ns）。
- **调度延迟的中位数大几倍**：模拟器里被唤醒的 G 等的是另一个 P 从自旋中醒来（`ThreadWake` 5 µs 之内）或当前 G 阻塞；真实 trace 里 GoUnblock → GoStart 还包括 futex 唤醒线程、写事件和展开栈的时间（下面“调度延迟”一节细说）。
- **抢占点**：这个负载每段计算只有 2–5 µs，远短于 10 ms 时间片，所以两边都没有时间片抢占：上表的 `GoPreempt` 至多个位数（录制里为 0；跟踪开始、结束时的 stop-the-world 也会抢占正在运行的 G），远不是“每 10 ms 一次”；录制里唯一的 `GoSched` 是整个 trace 的最后一个事件，发生在 main 调用 `trace.Stop` 时；goroutine 几乎都是在 channel 上阻塞（`GoBlockSend`/`GoBlockRecv`，各约 500 次）时让出 P。
- **窃取的时机**：模拟器里空闲的 P 通过自旋、窃取拿到刚被唤醒的 G（`G换P次数` 较多）；真实运行时 `ready()` 把 G 放进本 P 的 `runnext`，并 `wakep()` 唤醒一个 P——trace 的 V1 格式没有“自旋”和“窃取”事件，只能从 G 换了 P 间接看出。
- **GC 与辅助标记**：模拟器没有 GC；这个程序几乎不分配内存，真实 trace 里也没有 GC 周期（`GC周期` = 0）。分配多的程序会在 Gantt 顶上多一行 GC，分配的 goroutine 会被迫做 **GC assist**（trace 事件 `GCMarkAssistStart`），那是模拟器完全看不到的时间。

### 协程生命周期（真实 trace）

每个用户 goroutine 从创建到结束的状态：运行（绿）、可运行（橙，等 P）、等待（蓝点线，悬停看原因：`chan send`/`chan receive`/`sync`…）。`go tool trace` 的 Goroutine analysis 页面给出的是同样事件的汇总（`ExecTrace.Goroutines`，与 Go 自己的 `GoroutineStats` 逐字节一致）：""")

code("""TimelineCharts.GoroutineTimeline(pcReal, only: pcReal.UserGoroutines(), untilMs: 0.3)""")

code("""ExecTrace.Goroutines(pc.TracePath)
    .Select(g => new { g.Id, g.Name, 执行 = GoDuration.Format(g.ExecNs), 调度等待 = GoDuration.Format(g.SchedWaitNs), 同步阻塞 = GoDuration.Format(g.BlockNs), 存活 = GoDuration.Format(g.TotalNs) }).AsTable()""")

md("""表里还有几个名字为空的 goroutine：它们是跟踪开始时已经存在、整个跟踪期间都在等待的运行时 goroutine（GC 后台清扫、finalizer 等）。注意 Go 的 `GoroutineStats` 把它们的“调度等待”算成整个跟踪时长——它把跟踪开始时补发的 `GoCreate` 当成“变为可运行”，随后的 `GoWaiting` 并不清除这个时间；所以 **goroutine 分析页里系统 goroutine 的调度等待不可信**，上面的时间线不采用这个算法。

### 调度延迟：trace 与 runtime/metrics

trace 里的调度延迟 = 每次 `GoCreate`/`GoUnblock`/`GoSched`/`GoPreempt`/`GoSysExit` 到下一个 `GoStart`（cmd/trace 的 “scheduler wait”）。同一次运行的 `/sched/latencies:seconds` 是运行时自己的直方图。按 2 的幂重新分桶后比较占比：""")

code("""var latRows = LatencyComparison.Compare(pcReal.LatencySamples, pc.Output.Latency);
LatencyCharts.TraceVsMetrics(latRows, $"{pcReal.Workload}: 调度延迟 trace vs runtime/metrics（{pc.Output.Go}）")""")

code("""new { trace样本数 = pcReal.LatencySamples.Count, metrics样本数 = pc.Output.LatencyCount,
    比值 = Math.Round((double)pcReal.LatencySamples.Count / Math.Max(1, pc.Output.LatencyCount), 1), 运行时采样周期 = ChantraceOutput.TrackingPeriod }""")

md("""两点差别，都能在运行时源码里找到原因：

1. **样本数约为 1/8**：`runtime/proc.go` 的 `casgstatus` 只在一个 goroutine **每第 8 次** 离开 `_Grunning` 时开始计时（`runtime2.go`：`gTrackingPeriod = 8`），所以 `/sched/latencies:seconds` 是抽样，不是全部。
2. **trace 的延迟整体偏大一档**：Go 1.19 的 `ready()` 先写 `GoUnblock` 事件（`traceGoUnpark`，带调用栈）再 `casgstatus(_Gwaiting, _Grunnable)`；`execute()` 先 `casgstatus(_Grunnable, _Grunning)` 再写 `GoStart`。trace 的区间包住了写事件、展开栈的时间，metrics 的区间不包含。看分布形状时两者一致，看绝对值时要知道 trace 会放大短延迟。

### 每个 Go 版本的录制

`data/recordings/chantrace/` 有四个工作负载 × 四个 Go 版本（1.19.8、1.21.13、1.22.12、1.23.5）的 trace。1.19/1.21 是旧格式，1.22/1.23 是新的分代格式；先看事件统计（`ExecTrace.ReadStats`）：""")

code("""new[] { "go1.19.8", "go1.21.13", "go1.22.12", "go1.23.5" }.Select(v => (v, s: ExecTrace.ReadStats($"../data/recordings/chantrace/prodcons-unbuffered-{v}.trace")))
    .Select(x => new { Go = x.v, 格式 = x.s.GoVersion, 时长 = GoDuration.Format(x.s.DurationNs), 事件数 = x.s.Events.Values.Sum(), 事件类型数 = x.s.Events.Count, goroutine = x.s.Goroutines }).AsTable()""")

md("""Go 1.21.13 的录制同样能画成 Gantt（1.21 仍是旧格式；它的 `STWStart/STWDone` 事件即原来的 `GCSTWStart/GCSTWDone`）：""")

code("""TimelineCharts.Gantt(TraceTimeline.Read("../data/recordings/chantrace/prodcons-unbuffered-go1.21.13.trace", workload: "prodcons-unbuffered"), untilMs: 0.3)""")

md("""两种格式读成的是 **同一种** `TimelineView`。新格式没有 `GoStart`/`GoBlockRecv` 这类按含义分的事件，而是让读取器把每个事件解释成一次 **状态转换**（`internal/trace` 的 `StateTransition`：从可运行到运行、从运行到等待并附上原因字符串……）；`TraceTimeline.Read` 在每次转换处结束一段、开始下一段，取的时刻与 Go 1.23 `summary.go` 完全相同，所以每个 goroutine 的运行区间之和与 goroutine 分析页的 “Execution time” 逐纳秒一致（测试对每个 1.22/1.23 录制逐一核对）。四个版本放在一起：""")

code("""var byGo = new[] { "go1.19.8", "go1.21.13", "go1.22.12", "go1.23.5" }.Select(v => TraceTimeline.Read($"../data/recordings/chantrace/prodcons-unbuffered-{v}.trace", workload: "prodcons-unbuffered")).ToList();
byGo.Select(v => new { 来源 = v.Source, 总时间 = GoDuration.Format(v.EndTime), P切片数 = v.PTimeline.Count, 调度延迟中位数 = GoDuration.Format(Median(v.LatencySamples)),
    用户goroutine = v.UserGoroutines().Count, 全部goroutine = v.Goroutines.Count, STW次数 = v.Gc.Count(g => g.StopTheWorld) }).AsTable()""")

code("""TimelineCharts.Gantt(byGo[3], untilMs: 0.3)""")

md("""Go 1.23.5 的 Gantt 与 1.19/1.21 的形状相同：生产者和两个消费者在两个 P 上交替运行，P 切片数也几乎一样（1006 对 1010）。表里看得出的格式差别：

- **全部 goroutine 多两个**（11 对 9）：1.22+ 的跟踪器自己多了两个运行时 goroutine，`runtime.traceStartReadCPU.func1` 和 `runtime.(*traceAdvancerState).start.func1`（后者默认每秒推进一代）；它们和 `runtime/trace.Start.func1` 一样不算用户 goroutine。
- **多一次 STW**：新格式为每一次 stop-the-world 记录带原因的 `STWBegin/STWEnd`，跟踪开始时那次停顿（原因 `start trace`）也出现在 GC/STW 行；旧格式只记录 GC 的 STW。
- 主 goroutine 在新格式里按 `summary.go` 的规则以栈的根帧命名，这里是 `main.main`（显示为 `main`），旧格式是 `runtime.main`。""")


md("""### 飞行记录器（flight recorder）

飞行记录器让 trace 一直在内存里滚动，只保留最近一段，出问题时再把它写出来。它依赖 Go 1.22 的分代格式（每代自包含，旧代可以直接丢弃）：

| Go | 飞行记录器 |
|---|---|
| 1.19、1.21（旧格式） | 没有：旧格式必须从头读到尾才能排序，无法截取“最近一段” |
| 1.22、1.23 | 标准库没有；实验包 `golang.org/x/exp/trace` 提供 `FlightRecorder`（需要下载模块） |
| 1.25 | 标准库 `runtime/trace.FlightRecorder`（`NewFlightRecorder`、`WriteTo`） |

本课程包带的 Go 1.19–1.23 的标准库里都找不到它：在它们的 `src/runtime/trace/` 里搜索 `FlightRecorder` 没有结果（上面的 chantrace 程序只用标准库，也没法在 1.23 上演示）。

> **常见误区：“trace 的调度延迟就是运行时统计的调度延迟”**
>
> 不完全是。上面的对比表明：`/sched/latencies:seconds` 只抽样约 1/8 的切换（`gTrackingPeriod = 8`），并且不含写跟踪事件的时间；trace 的 GoUnblock → GoStart 包含了它们，在 Go 1.19 上短延迟被放大到几微秒。用 trace 找“谁在等”，用 metrics 看线上长期的分布。

> **常见误区：“Scheduler view：`P idle → G run gap` 对应 `Gpreempted` 或 `Grunnable` 积压”**
>
> 在上面的真实 trace 里，P 上两段运行之间的空隙是 G 在 channel 上阻塞（`Waiting (chan send)`/`(chan receive)`）、P 找不到别的 G；事件表里 `GoPreempt` 至多个位数。空隙本身不说明原因，要看被唤醒的 G 的等待原因和它的 GoUnblock → GoStart 延迟。

### 与 `go tool trace` 的对应关系

| `go tool trace` 视图 | 内容 | 本节的对应 |
|---|---|---|
| View trace（PROCS 区） | 每个 P 上运行的 G、系统调用、GC | `SchedCharts.Gantt`，JSON 中 pid 0 |
| Goroutine analysis | 按函数分组的 goroutine，每个的执行/调度等待/阻塞/系统调用时间 | `SchedCharts.GoroutineTimeline`、`traced.Goroutines` |
| Scheduler latency profile | 可运行→运行的等待，按调用栈汇总 | `SchedCharts.LatencyHistogram`、`traced.Latency` |
| Network / Synchronization / Syscall blocking profile | 在网络、锁与 channel、系统调用上阻塞的时间，按调用栈汇总 | G 视图中的 Waiting（带等待原因）和 Syscall |

**Go 1.22 的新 trace 格式**（提案 60773，执行跟踪器重写）：旧格式按 **P** 缓冲事件、用 CPU 周期计数器（cputicks）打时间戳，解析器必须读完整个文件再全局排序，所以只能事后分析。新格式按 **M**（线程）写批次，时间戳改用单调时钟 `nanotime`；整个跟踪被切成一个个 **自包含的代（generation）**，每代自带字符串表和栈表，于是可以 **流式读取**，也让“飞行记录器”（只在内存里保留最近几代，出事时再落盘）成为可能；每个系统调用都有完整的开始与结束，阻塞和停止原因改成字符串。1.21 起用帧指针展开调用栈，开销从约 10% 降到约 1%。

> **常见误区：课程文本 3.2 节的启动方式**
>
> - **“在程序中启用 trace（需 `import _ "net/http/pprof"`）”**：只有想通过 HTTP 抓取时才需要。最直接的方式是 `runtime/trace` 包的 `trace.Start(f)` / `trace.Stop()`，或 `go test -trace=trace.out`；`net/http/pprof` 只是把同样的功能挂到一个 HTTP 端点上。
> - **`curl http://localhost:6060/debug/trace?seconds=5`**：路径错了。`net/http/pprof` 注册的是 **`/debug/pprof/trace`**（见它源码里的 `HandleFunc` 列表），`/debug/trace` 会返回 404。
> - **`-gcflags="-l"` “保留更精确的 Goroutine 栈帧”**：不需要。运行时的栈回溯会展开内联帧，trace 中的栈本来就包含被内联的函数；关掉内联只会让程序变慢、与线上行为不一致。
> - **“Scheduling Latency 柱状图”**：`go tool trace` 里它叫 **Scheduler latency profile**，是按调用栈汇总的 pprof 图，不是柱状图；表中“Scheduler view：`Gpreempted` 或 `Grunnable` 积压”也不准确——时间片抢占后 G 回到的是 `_Grunnable`，`_Gpreempted` 只在 GC 的 `suspendG` 中出现（见 2.3 节）。

### 小结

- 执行跟踪记录每个 G 和 P 的时间线，能回答 pprof 回答不了的“谁在等、等了多久”。
- 调度延迟的长尾往往来自 CPU 密集的 G 占满 P，或系统调用返回后拿不到 P。
- Chrome Trace Event JSON（`ph:"X"` 切片、`ph:"M"` 轨道名）是 `go tool trace` 网页视图与 Perfetto 共用的格式；同一轨道上的切片不能重叠。
- Go 1.22 的新格式按 M 分批、按代切分，可流式读取，是飞行记录器的基础（标准库 1.25 起才有 `runtime/trace.FlightRecorder`）。
- 同一工作负载的模拟与真实 trace 用同一个 Gantt 画出：真实运行有跟踪开销、微秒级唤醒延迟和 GC，模拟器只有常数代价。
- 旧格式（1.7–1.21）与 1.22+ 的分代格式都读成同一种 `TimelineView`：新格式的每个事件被解释成一次状态转换，运行区间之和与 `summary.go` 的执行时间逐纳秒一致；新格式还多记录跟踪器自己的 goroutine 和每一次带原因的 STW。
- `/sched/latencies:seconds` 是约 1/8 的抽样，且不含写 trace 事件的时间；trace 的调度延迟偏大。

### 实验与思考题

实验 03.2-long-waits 用默认参数；实验 03.2-tail-latency 请你把 `traceProcs` 改成 8 重新运行，看调度延迟的长尾怎样变化、为什么。""")

lab("03.2-long-waits")

lab("03.2-tail-latency", note="把 null 换成你的答案（微秒，整数）")

md("""思考题：把导出的 JSON 拖进 ui.perfetto.dev，找到 `SyscallRetake` 瞬时事件，看它发生在哪个 P 的轨道上。另一题：用 `TraceTimeline.Read` 读 `blocked-pair-go1.19.8.trace` 和 `blocked-pair-go1.23.5.trace`，数一数用户 goroutine 的 `chan send` / `chan receive` 等待各有几次、每次等待之后是否都是“可运行 → 运行”，两个版本是否一样。""")
