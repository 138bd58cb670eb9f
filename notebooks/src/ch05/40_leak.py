from nb import md, code, lab

# 5.4 — 内存泄漏定位 (reader: lib/GoRuntimeLab/Leaks, charts: lib/GoRuntimeLab.Charts/Leaks/LeakCharts.cs,
# program: data/go/leakhunt, recordings: data/recordings/leak, Go 1.19.8 and 1.23.5).

md("""## 5.4 内存泄漏定位

课程原文的案例：一个图传模块的内存“每小时增长 1.7MB”，用 `go tool pprof http://…/debug/pprof/heap` 查出“`bytes.Buffer` 未重置导致切片持续扩容”，“改用 `buffer.Reset()` 后内存曲线回归平稳”。这一节用一个真实会泄漏的 Go 程序把这条排查路线完整走一遍，并检查最后那句结论。

`data/go/leakhunt` 是一个很小的遥测服务（只用标准库）：

- 每个会话在一个 `map[int]*session` 里有一个 `bytes.Buffer`，每一步新开 16 个会话，每个活着的会话收到 8 帧、每帧 1 KiB，然后 flush；会话活 3 步后关闭。**泄漏版** flush 之后不 `Reset`，关闭时也不从 map 里 `delete`；
- 每一步还有 4 个请求的调用方提前放弃（ctx 被取消），而替它干活的 worker goroutine 把结果发到一个无缓冲 channel 上——没有人再接收，它永远阻塞在发送上；
- 每一步结束时程序先 `runtime.GC()`，再打印一行 runtime/metrics（堆上存活字节、对象数、goroutine 数、累计分配、GC 次数），并写出一份 heap profile 和一份 goroutine profile。录制时 `runtime.MemProfileRate = 1`（每次分配都记录），所以 profile 里的字节数是精确的；生产环境默认每 512 KiB 抽样一次，数字是估计值，结论不变。

先跑泄漏版（有 Go 时现场运行，约 1–2 秒；没有 Go 时回放 Go 1.19.8 的录制）：""")

code("""using GoRuntimeLab.Leaks;
using GoRuntimeLab.Charts.Leaks;
using GoRuntimeLab.Charts.Pprof;
var rec = "../data/recordings/leak/";
var leaky = await LeakSeries.RunOrReplayAsync("../data/go/leakhunt", ["-steps", "6"], rec + "buffers-leaky-go1.19.8.txt");
leaky""")

code("""leaky.Snapshots.Select(s => new { 步 = s.Step, s.Label, 存活堆_KiB = (s.HeapObjectsBytes / 1024.0).ToString("0.0"), 存活对象 = s.HeapObjects,
    s.Goroutines, 累计分配_KiB = (s.AllocsBytes / 1024.0).ToString("0"), GC次数 = s.GcCycles }).AsTable()""")

md("""### 第一步：趋势——是真的在涨，还是 GC 还没来得及回收？

单看一次的内存占用说明不了泄漏：堆本来就会在两次 GC 之间涨上去。泄漏的判据是 **GC 之后仍然存活的字节**（`/memory/classes/heap/objects:bytes`，每一步都在强制 GC 之后读取）随时间持续上升。课程库对每个指标做最小二乘直线拟合：斜率 = Σ(x−x̄)(y−ȳ) / Σ(x−x̄)²，单位是“每步多少”；R² 说明直线解释了多少变化。

下面把泄漏版、只加了 `Reset()` 的版本（课程的修法）和真正修好的版本画在一起（后两者是 Go 1.19.8 的录制）：""")

code("""var reset = LeakSeries.Read(rec + "buffers-reset-go1.19.8.txt");
var fixedRun = LeakSeries.Read(rec + "buffers-fixed-go1.19.8.txt");
LeakCharts.Trend([leaky, reset, fixedRun], LeakMetric.HeapObjectsBytes)""")

code("""LeakCharts.Trend([leaky, reset, fixedRun], LeakMetric.Goroutines)""")

md("""两条信号都很清楚：泄漏版的存活堆几乎是一条直线（R² 接近 1），goroutine 每步多 4 个；修好的版本两条线都是平的。注意 `/gc/heap/allocs:bytes`（累计分配）在三个版本里都一直涨——它是累计量，只说明分配速度，不能拿来判断泄漏。

课程库把两条趋势和下面两份 profile 的结论汇总成一张表（平稳的界限：每步 16 KiB、每步 0.5 个 goroutine，写在 `LeakCriteria.Default` 里）：""")

code("""leaky.Verdict().Checks.AsTable()""")

md("""### 第二步：pprof diff——长出来的内存是谁分配的？

一份 heap profile 只告诉你“现在谁占着内存”，而正常工作的缓冲、连接、缓存本来就占内存。要找的是 **增长**：拿两个时间点的 profile 相减，`go tool pprof -base 旧的 新的`。`HeapDiffTop` 就是这条命令（单元测试把它和录制时 `go tool pprof -top -base` 的输出逐行比对）：""")

code("""var diffTop = leaky.HeapDiffTop();
diffTop""")

code("""PprofCharts.Diff(diffTop)""")

md("""按 flat 排第一的是 `bytes.growSlice`——它是 `bytes.Buffer` 扩容时真正调用 `make` 的地方，但它是标准库，修不了；要往调用栈上找到 **自己代码里** 的那一帧。`go tool pprof` 里用 `-cum` 或 `peek growSlice` 看调用方；课程库的 `UserGrowth()` 直接把每个样本记到栈上最靠近叶子的那一帧自家代码（包路径第一段不含点号的是标准库，`main` 除外，与 `cmd/go` 判断标准库的规则相同）：""")

code("""LeakCharts.Growth(leaky)""")

code("""leaky.UserGrowth().Take(5).Select(g => new { 函数 = g.Function, 增长_KiB = (g.Bytes / 1024.0).ToString("0.0"), 占比 = g.Share.ToString("P0"), 对象 = g.Objects }).AsTable()""")

md("""绝大部分增长落在 `main.(*telemetryStore).appendFrame`（往会话缓冲区里写帧的地方），其次是 `main.render`——它分配的报告被阻塞的 worker 一直引用着，goroutine 不退出，它引用的内存也释放不了。

### 第三步：goroutine profile——谁卡在哪里？

goroutine profile 的每个样本是一种调用栈和停在这种栈上的 goroutine 数。按“从哪个函数启动、停在哪个运行时函数里”分组，看每一步的数量：""")

code("""LeakCharts.GoroutineStacks(leaky)""")

code("""leaky.GoroutineStacks().Select(g => new { 启动函数 = g.Start, 停在 = g.WaitsIn, 程序位置 = g.BlockedAt, 各步数量 = string.Join(" → ", g.Counts) }).AsTable()""")

md("""`main.worker` 停在 `runtime.chansend`：它在往 channel 发送，而接收方（调用方）在 ctx 结束后已经返回了。第 0 步时已经有一批，因为程序在第 0 个快照之前先跑了 3 轮预热（让修好的版本进入稳态），这几轮同样在泄漏。

### 课程的修法：只加 `buffer.Reset()`

`bytes.Buffer.Reset()` 的实现（`bytes/buffer.go`）只有一行：`b.buf = b.buf[:0]`，长度清零，**底层数组保留**，下次写入复用它。这对“一个长期存在、越写越大的缓冲区”确实是正确的修法；可这个程序的问题不只是缓冲区没重置，而是装缓冲区的 map 只进不出：""")

code("""reset.Verdict().Checks.AsTable()""")

code("""LeakCharts.Growth(reset)""")

md("""> **常见误区（课程文本 5.4：“改用 buffer.Reset() 后内存曲线回归平稳”）**
>
> - `Reset()` 不释放内存：它保留容量。上面只加了 `Reset()` 的录制里，存活堆仍然按直线增长，只是斜率变小了——每个关闭的会话仍带着它最后一次扩容得到的底层数组留在 map 里，增长的位置还是 `appendFrame`。曲线要变平，必须让不再用的东西 **不可达**：会话关闭时 `delete(sessions, id)`（或给 map 设上限、按时间淘汰）。
> - 同一个服务里的 goroutine 泄漏与缓冲区无关，`Reset()` 对它毫无作用（上表的 goroutine 斜率不变）。
> - 一次 `go tool pprof …/debug/pprof/heap` 只能看到“现在谁占着内存”；定位泄漏要么比较两次 profile（`-base`），要么看 `inuse_space` 随时间的趋势。另外 heap profile 反映的是 **最近一次 GC 结束时** 的状态，抓取前强制 GC（`/debug/pprof/heap?gc=1`）数字才准。
> - “每小时增长 1.7MB”这类数字无法核实；本节的数字都来自本机录制（2 核、负载较高的机器，时间只用来排序，字节数和 goroutine 数是精确的、每次运行都相同）。

### 修好的程序

三处改动：flush 后 `Reset()`（复用数组）；会话关闭时 `delete`；worker 用 `select` 在 `ctx.Done()` 上放弃发送（或者给结果 channel 一个缓冲位 `make(chan []byte, 1)`，发送永远不会阻塞）：

```go
select {
case results <- report:
case <-ctx.Done(): // 调用方已经走了：放弃结果，goroutine 退出
}
```""")

code("""fixedRun.Verdict().Checks.AsTable()""")

code("""LeakCharts.Trend([fixedRun], LeakMetric.HeapObjectsBytes, "修复后的存活堆 live heap after the fix")""")

md("""修复后存活堆的斜率在每步几 KiB 以内（map 的桶和运行时自身的簿记），goroutine 数恒为 1（只有 main）。Go 1.23.5 的录制给出同样的结论（`buffers-*-go1.23.5.txt`，单元测试对两个版本做同样的检查）。

#### 小结

- 泄漏的证据是 **GC 之后存活的字节** 持续上升；累计分配（`/gc/heap/allocs:bytes`）、GC 次数只说明分配快慢。对每步的值做最小二乘拟合，看斜率和 R²。
- 定位靠 **两次 profile 之差**（`go tool pprof -base`），再沿调用栈找到自家代码里的那一帧；flat 第一名常常是 `bytes.growSlice`、`runtime.malg` 这类标准库函数。
- goroutine profile 按栈分组看数量变化：停在 `runtime.chansend`/`chanrecv` 且只增不减的，多半是调用方走了之后没人收发的 channel。
- `buffer.Reset()` 保留容量，只能治“一个缓冲区越写越大”；map、切片、缓存只进不出时，要 `delete`、设上限或淘汰，让对象变得不可达。

#### 实验与思考题""")

lab("05.4-reset-retained")

lab("05.4-blocked-at-100")

md("""思考题：

1. 把 leakhunt 的 `-interval` 调大（比如 `1s`）、`-steps` 调到 30，你的判断会更可靠吗？如果生产环境每小时只涨 1.7 MB，而堆本身在 200–400 MB 之间随负载波动，要采多少个点、多长时间的窗口才能看出斜率？
2. 如果会话必须保留（比如要做断线重连），但又不能无限增长，你会用什么结构？`sync.Pool` 能解决这里的问题吗？为什么它对“map 只进不出”无效？
3. `render` 分配的报告为什么也算作泄漏？如果 worker 用 `make(chan []byte, 1)` 而不是 `select`，这份报告什么时候被回收？""")
