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
- Go 1.22 的新格式按 M 分批、按代切分，可流式读取，支持飞行记录器。

### 实验与思考题

实验 03.2-long-waits 用默认参数；实验 03.2-tail-latency 请你把 `traceProcs` 改成 8 重新运行，看调度延迟的长尾怎样变化、为什么。""")

lab("03.2-long-waits")

lab("03.2-tail-latency", note="把 null 换成你的答案（微秒，整数）")

md("""思考题：把导出的 JSON 拖进 ui.perfetto.dev，找到 `SyscallRetake` 瞬时事件，看它发生在哪个 P 的轨道上。""")
