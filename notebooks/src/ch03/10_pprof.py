from nb import md, code, lab

# 3.1 — pprof 全链路采样与火焰图 (model: lib/GoRuntimeLab/Pprof, charts: lib/GoRuntimeLab.Charts/Pprof/PprofCharts.cs,
# recordings: data/recordings/pprof from data/go/pprofdemo, Go 1.19.8).

md("""## 3.1 pprof 全链路采样与火焰图

pprof 的核心是一个很朴素的文件格式 `profile.proto`：一组 **样本**（sample），每个样本是一条调用栈（叶子在前）加上若干个数值。数值的含义由 `sample_type` 说明：

- CPU profile：`samples/count` 和 `cpu/nanoseconds`。SIGPROF 每 10 ms（默认 100 Hz）打断一次正在运行的线程，记下当时的调用栈，所以每个样本代表 10 ms 的 CPU 时间；
- 堆 profile：`alloc_objects`、`alloc_space`（程序启动以来的累计分配）和 `inuse_objects`、`inuse_space`（**最近一次 GC 结束时** 仍存活的对象）。分配按 `runtime.MemProfileRate`（默认 512 KiB）抽样，写文件时再按 `1/(1-exp(-平均大小/rate))` 放大还原。

`go tool pprof -top` 对每个函数给出两个量：**flat** = 该函数是栈顶（叶子）的样本之和，**cum** = 该函数出现在栈上任意位置的样本之和（同一个样本只算一次）。

下面打开 `data/go/pprofdemo` 用 Go 1.19.8 录制的真实 CPU profile（约 3 秒，四个热点函数：`fibLoop`、`hashChain`、`sortLoop`、`spin`）：""")

code("""using GoRuntimeLab.Pprof;
using GoRuntimeLab.Charts.Pprof;
var rec = "../data/recordings/pprof/";
var cpu = PprofReader.Read(rec + "cpu.pb.gz");
cpu""")

code("""var cpuTop = cpu.Top();
cpuTop""")

md("""这就是 `go tool pprof -top cpu.pb.gz` 的输出——不是“差不多”，而是逐字节相同（单元测试拿录制的 Go 输出逐行比对，包括 `Dropped 2 nodes`、单位选择和 `(inline)` 标记）。注意几点：

- `main.fib` 的 flat 和 cum 相等：它只调用自己；`main.hashChain` 的 flat 很小、cum 很大：时间花在它调用的 `crypto/sha256.block` 里；
- `runtime.asyncPreempt` 出现在热点里：那是 Go 1.14+ 异步抢占打断紧密循环时的栈顶；
- 每行的 `sum%` 是到这一行为止的 flat% 累加。

用图看同一张表：""")

code("""PprofCharts.Top(cpuTop)""")

md("""### 火焰图

火焰图把同一批样本画成一棵调用树：**每个方块是一条调用路径，宽度 = 这条路径的累计值（cum）**，横轴不是时间，方块的左右顺序也没有时间含义。`go tool pprof -http` 的火焰图（d3-flame-graph，`.inverted(true)`）和这里一样是 **根在上、叶子在下**（也叫冰柱图 icicle）。点击方块可以放大：""")

code("""PprofCharts.FlameGraph(cpu)""")

md("""调用树也可以直接读文本（每行：函数、累计值、自身值；单位是纳秒）：""")

code("""cpu.FlameGraph().Children[0].Render(maxDepth: 4)""")

md("""### 堆 profile 与 sample_index

堆 profile 有四种值，`-sample_index` 选择看哪一种（默认是最后一个 `inuse_space`）。`pprofdemo -mode heap` 保留了 `loadTable` 和 `buildRecords` 的分配，而 `fmt.Sprintf` 和 `transient` 产生的全是垃圾：""")

code("""var heap = PprofReader.Read(rec + "heap.pb.gz");
heap.Top("inuse_space")""")

code("""heap.Top("alloc_space")""")

md("""`fmt.Sprintf`、`main.formatLines` 只出现在 `alloc_space` 里：它们分配了很多，但什么都没留下。找 **内存泄漏** 看 `inuse_*`；找 **GC 压力**（分配太多）看 `alloc_*`。

（`transient` 分配的 16 KiB 缓冲区在两张表里都没有：`go build -gcflags=-m` 报告 `make([]byte, 16384) does not escape`，编译器把它放在了栈上——第二章的逃逸分析。）""")

code("""PprofCharts.FlameGraph(heap, "alloc_space")""")

md("""### 泄漏排查：两个时刻的堆做减法

`pprofdemo -mode leak` 模拟一个有泄漏的服务：每个请求把 1 KiB 放进一个永不清理的 map，再往一个只增不减的 `bytes.Buffer` 里写日志。它先处理 1 万个请求写一次堆 profile，再处理 3 万个请求写第二次。单看第二次的 `-top` 已经能看出端倪，但 **差分**（`go tool pprof -base before.pb.gz after.pb.gz`：旧 profile 取负后合并）能把“一直存在的”和“新增长的”分开：""")

code("""var before = PprofReader.Read(rec + "leak-before.pb.gz");
var after = PprofReader.Read(rec + "leak-after.pb.gz");
var leak = PprofProfile.Diff(before, after).Top();
leak""")

code("""PprofCharts.Diff(leak)""")

md("""注意表头 `Showing nodes accounting for 33.30MB, 94.59% of 35.21MB total`：差分后的总量是 **各样本绝对值之和**（负的样本也算进去），所以百分比加起来不到 100%。这也是 pprof 的原样行为，测试与录制的 `go tool pprof -top -base` 输出逐字节比对。""")

md("""### 对照真实 Go：课程库写出的 profile

课程库也能 **写** profile：`ProfileBuilder` 把模拟器里“哪个函数花了多少 CPU”或一串合成的分配写成与 `runtime/pprof` 相同布局的文件（CPU：`samples/count, cpu/nanoseconds`，周期 10 ms；堆：四种值、`MemProfileRate` 抽样和放大、`bytes` 标签）。下面写一个 CPU profile，然后 —— 如果本机装了 Go —— 用真正的 `go tool pprof -top` 打开它：""")

code("""var sim = ProfileBuilder.Cpu().Duration(TimeSpan.FromSeconds(2))
    .AddSamples(["main.work", "main.main", "runtime.main"], 120)
    .AddSamples(["runtime.mallocgc", "main.alloc", "main.main", "runtime.main"], 45)
    .AddSamples(["runtime.scanobject", "runtime.gcDrain", "runtime.gcBgMarkWorker"], 30).Build();
var simFile = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "golab-sim-cpu.pb.gz");
PprofWriter.Write(sim, simFile);""")

code("""var live = PprofGoTool.Top(simFile);
live is null ? "本机没有 Go：下面是课程库自己的 -top（测试在装有 Go 的 CI 上逐字节比对两者）\\n" + sim.Top().Text
             : live.ToString() + (live.Stdout == sim.Top().Text ? "\\n✅ 与课程库的 Top() 逐字节相同" : "\\n❌ 与课程库的 Top() 不同")""")

md("""> **常见误区（课程文本 3.1）**
>
> - **“纵轴为调用深度，顶部为叶子函数，底部为入口”**：对 `go tool pprof -http` 的火焰图来说正好相反。Go 1.19 自带的 pprof 用 d3-flame-graph 并设置了 `.inverted(true)`（`cmd/vendor/github.com/google/pprof/internal/driver/html/flamegraph.html`），**根（`runtime.main`）在最上面，叶子在最下面**——上面的图就是这个方向。Brendan Gregg 原始的 `flamegraph.pl` 才是根在底部。读图时看“谁在谁下面”，不要死记“顶部是叶子”。
> - **“横轴为采样堆栈总宽度，越宽表示消耗越多”**：宽度是 **cum**（包含所有被调函数），不是函数自身的开销。`main.hashChain` 很宽，但它自己几乎不花时间（flat 0.04s），真正的热点是下面的 `crypto/sha256.block`。找“自身最贵的函数”要看 `-top` 的 flat 列，或火焰图里 **下方没有子方块** 的那一段。
> - **“/debug/pprof/heap → 堆内存快照（含实时分配与存活对象）”**：`inuse_*` 不是“实时”的，而是 **最近一次 GC 完成时** 的存活对象（所以 `pprofdemo` 写堆 profile 之前先 `runtime.GC()`，`?gc=1` 参数也是这个作用）；`alloc_*` 是程序启动以来的 **累计** 分配；而且全部是 **抽样**（默认每 512 KiB 一次）再放大的估计值，不是精确计数。
> - **“颜色无语义”**：在 Go 1.19 的火焰图里颜色由函数名哈希决定（同名函数同色），确实不表示开销——但也不是随机的；新版 pprof 的 stacks 视图按包着色。
> - 命令 `go tool pprof -http=:8080 .../profile?seconds=15` 本身是对的；`seconds` 默认值确实是 30（`net/http/pprof` 的 `Profile` 处理函数）。""")

md("""证据（同一份 CPU profile）：火焰图最上层的方块是入口 `runtime.main`，它的宽度就是它的 cum；`main.hashChain` 的方块很宽，但自身（flat）只有一点点：""")

code("""var flame = cpu.FlameGraph();
new { 最上层方块 = flame.Children[0].Name, 宽度 = flame.Children[0].Value, runtime_main_cum = cpuTop.Rows.Single(r => r.Function == "runtime.main").Cum,
      hashChain_flat = cpuTop.Rows.Single(r => r.Function == "main.hashChain").FlatText, hashChain_cum = cpuTop.Rows.Single(r => r.Function == "main.hashChain").CumText }.AsTable()""")

md("""#### 小结

- profile.proto = 样本（叶子在前的调用栈）+ 每种 `sample_type` 一个值；CPU 每 10 ms 一个样本，堆按 `MemProfileRate` 抽样后放大。
- **flat** 看函数自身，**cum** 看包含被调函数的总量；火焰图的宽度是 cum，pprof 的火焰图根在上。
- 堆：`inuse_*` 找泄漏（最近一次 GC 后仍存活），`alloc_*` 找分配压力；两个时刻的 profile 做 `-base` 差分，增长的函数排在最前。
- 课程库读写的是同一种文件：它的 `Top()` 与 `go tool pprof -top` 逐字节一致，它写出的 profile 能被真正的 pprof 打开。

#### 实验与思考题

实验：读上面的泄漏差分。""")

lab("03.1-leak-growth")

md("""思考题：用 `PprofProfile.Diff(before, after).Top("alloc_space")` 看分配量的差分：为什么会出现 `compress/flate` 和 `runtime/pprof` 的函数？（提示：第二次写 profile 之前，程序做了什么？）""")
