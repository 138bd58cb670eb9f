from nb import md, code, lab

# 3.3 — runtime/metrics 与 Prometheus (models: lib/GoRuntimeLab/Metrics, exporter: lib/GoRuntimeLab.Prometheus,
# charts: lib/GoRuntimeLab.Charts/Metrics/MetricsCharts.cs).

md("""## 3.3 runtime/metrics 与 Prometheus 低开销监控

`runtime/metrics`（Go 1.16 引入，不是 1.21）是运行时自己导出的指标表：`metrics.All()` 列出本版本支持的全部指标（名字、单位、类型、是否累计），`metrics.Read(samples)` 一次读出若干指标的当前值。值只有三种：`uint64`、`float64` 和 `Float64Histogram`（`Counts[i]` 属于区间 `[Buckets[i], Buckets[i+1])`，所以边界比计数多一个）。

> **常见误区（先说最要紧的一条）：课程文本的采集代码 `ms := metrics.Read(metrics.All())` 编译不过。**
>
> `metrics.All()` 返回的是 `[]metrics.Description`（指标的说明），而 `metrics.Read` 的签名是 `func Read(m []Sample)`：它 **没有返回值**，而是把值填进调用方准备好的 `[]metrics.Sample` 里。用 Go 1.19.8 编译这一行，编译器报两个错：
>
> ```
> metrics.Read(metrics.All()) (no value) used as value
> cannot use metrics.All() (value of type []metrics.Description) as type []metrics.Sample in argument to metrics.Read
> ```
>
> 正确的写法是先按名字建好样本，再（可以反复）读取：`s := []metrics.Sample{{Name: "/gc/pauses:seconds"}}; metrics.Read(s); h := s[0].Value.Float64Histogram()`。要读全部指标，就用 `All()` 返回的每个 `Description.Name` 建一个 `Sample`。本节后面的“常见误区”还列出了这段代码的其他问题。

指标名由路径和单位组成，例如 `/gc/heap/goal:bytes`。**每个 Go 版本的指标表都不同**——课程库里的表是直接从 1.19、1.21、1.22、1.23 各自的 `description.go` 抽取出来的，并和真实运行时 `metrics.All()` 的录制逐条对比过。""")

code("""#r "../lib/GoRuntimeLab.Charts/bin/GoRuntimeLab.Prometheus.dll"
using GoRuntimeLab.Metrics;
using GoRuntimeLab.Prometheus;
using GoRuntimeLab.Charts.Metrics;
MetricCatalog.Versions.Select(v => MetricCatalog.For(v).ToString()).AsTable()""")

code("""MetricsCharts.CatalogByVersion()""")

md("""1.21 新增了 `/cpu/classes/*`（GC、清道夫、空闲各占多少 CPU）、`/gc/gogc:percent`、`/gc/gomemlimit:bytes`、`/gc/heap/live:bytes`、`/gc/scan/*`、`/sync/mutex/wait/total:seconds` 等；1.22 又加了四个停顿直方图。用 `Diff` 看 1.21 → 1.22 到底变了什么：""")

code("""var (added, removed) = MetricCatalog.Diff(MetricCatalog.For(GoVersion.Go1_21), MetricCatalog.For(GoVersion.Go1_22));
added.Select(d => d.Name).Concat(removed.Select(d => "removed " + d.Name)).AsTable()""")

code("""MetricCatalog.For(GoVersion.Go1_22).Get("/gc/pauses:seconds").Description""")

md("""### 时间直方图：每个版本的桶都不一样

停顿、调度延迟这类“时间”指标都是运行时内部的 `timeHistogram`（`runtime/histogram.go`），桶的布局随版本变化：

- **Go 1.19**（`timeHistSubBucketBits = 4`、`timeHistNumSuperBuckets = 45`）：HDR 直方图。小于 16 ns 的值各占一个 1 ns 宽的桶；之后每个 2 的幂区间 [2ᵏ, 2ᵏ⁺¹) 再线性分成 16 个子桶，共 721 个计数，相对误差约 1/16。
- **Go 1.21–1.23**（`timeHistMinBucketBits = 9`、`timeHistMaxBucketBits = 48`、`timeHistSubBucketBits = 2`；1.20 的源码本课程库没有核对）：小于 2⁸ = 256 ns 的值放进 4 个 64 ns 宽的子桶，之后每个 2 的幂区间只分 4 个子桶，共 162 个计数，相对误差约 1/4。注意常量名里的 9：源码注释按 **从 1 开始** 的位序数（例子里 “Bit 9 set” 指的是 2⁸ 那一位），所以最细的桶从 0 开始、宽 64 ns，而 **不是** “从 2⁹ ns 开始”。

这些说法都可以直接从真实录制里验证：下面的单元格读出 Go 1.19.8 与 Go 1.23.5 的 `/gc/pauses:seconds` 的桶边界（`metrics.Float64Histogram.Buckets`，单位秒，第一个是 -Inf），再和课程库按版本复现的边界并排：""")

code("""var real19 = MetricsDump.Read("../data/recordings/metrics/metricsdump-go1.19.8.txt");
var real23 = MetricsDump.Read("../data/recordings/metrics/metricsdump-go1.23.5.txt");
new[] { real19, real23 }.Select(d => (d.GoVersion, h: d.Histogram("/gc/pauses:seconds"), model: TimeHistogram.Buckets(GoVersion.Parse(d.GoVersion))))
    .Select(x => new { 版本 = x.GoVersion, 计数 = x.h.Counts, 真实前几个边界_ns = string.Join(", ", x.h.Buckets.Skip(1).Take(5).Select(b => Math.Round(b * 1e9))),
        模型前几个边界_ns = string.Join(", ", x.model.Skip(1).Take(5).Select(b => Math.Round(b * 1e9))), 最后有限边界_s = x.h.Buckets[^2] }).AsTable()""")

md("""课程库对每个支持的版本都能给出这张表（1.21、1.22、1.23 的布局相同）：""")

code("""MetricCatalog.Versions.Select(v => new { 版本 = v.ToString(), 计数 = TimeHistogram.CountsLength(v),
    前几个边界_ns = string.Join(", ", TimeHistogram.Buckets(v).Skip(1).Take(5).Select(b => Math.Round(b * 1e9))), 最后有限边界_s = TimeHistogram.Buckets(v)[^2] }).AsTable()""")

md("""### 一个模拟的 Go 进程

`SimulatedGoProcess` 按给定的 Go 版本、GOGC、GOMAXPROCS 和稳定的分配速率运行：GC 周期由课程库移植的 Go 调步器（`GcController`，即 `mgcpacer.go`）决定何时触发、目标堆多大；每个周期有两次 STW（清扫终止、标记终止），记入该版本布局的时间直方图；goroutine 每 8 次状态切换抽样 1 次记入调度延迟（`gTrackingPeriod = 8`）。同样的种子得到同样的数值。""")

code("""var process = new SimulatedGoProcess(ProcessConfig.Default).AdvanceTo(30_000_000_000);   // 30 s（模拟时间）
process""")

code("""MetricsCharts.TimeHistogram(process.Read("/gc/pauses:seconds").Histogram!, "/gc/pauses:seconds（Go 1.23 布局）")""")

code("""MetricsCharts.TimeHistogram(process.Read("/sched/latencies:seconds").Histogram!, "/sched/latencies:seconds（每 8 次切换抽样 1 次）")""")

code("""new { GC周期 = process.CompletedCycles.Count, 停顿样本 = process.Pauses.Total,
      调度切换 = (long)(ProcessConfig.Default.SchedTransitionsPerSecond * 30), 延迟样本 = process.SchedLatencies.Total }.AsTable()""")

md("""#### 对照真实 Go

`data/go/metricsdump` 在真实运行时里强制 3 次 GC 后读出全部直方图（录制：go1.19.8 和 go1.23.5，上面已经读过）。它证实了两件事：桶边界与上面的模型逐位相同（单元测试逐个比较），以及 **每个 GC 周期在 `/gc/pauses:seconds` 里留下两个样本**：""")

code("""new[] { real19, real23 }.Select(d => new { d.GoVersion, GC周期 = d.GcCycles, 停顿样本 = d.Histogram("/gc/pauses:seconds").Total,
    桶数 = d.Histogram("/gc/pauses:seconds").Counts, 与模型相同 = d.Histogram("/gc/pauses:seconds").Buckets.SequenceEqual(TimeHistogram.Buckets(GoVersion.Parse(d.GoVersion)).ToList()) }).AsTable()""")

md("""### 导出到 Prometheus

Prometheus 的 Go 客户端（client_golang）把 runtime/metrics 名字机械地翻译成 Prometheus 名字：`/gc/heap/goal:bytes` → `go_gc_heap_goal_bytes`，累计的标量加 `_total`，直方图按单位重新分桶（秒：10 的幂，1 s 以上并入 +Inf；字节：2 的幂）。另外还有老牌的 `go_gc_duration_seconds`（每个 GC 周期两次 STW 之和的摘要）、`go_memstats_*`、`go_goroutines`。课程库用 prometheus-net 按同样的规则导出模拟进程（命名规则与 client_golang 自己生成的名字表逐条对比过）：""")

code("""var exposition = await new GoProcessExporter(process).ExposeAsync();
exposition.Split('\\n').Where(l => l.StartsWith("go_gc_duration_seconds") || l.StartsWith("go_gc_heap_goal_bytes")
    || l.StartsWith("go_sched_gomaxprocs") || l.StartsWith("go_gc_pauses_seconds_bucket"))""")

md("""真的起一个 HTTP 端点（只监听 127.0.0.1，端口自动选取），像 Prometheus 那样抓取 `/metrics`。命令行版本是 `golab metrics serve --port 9184`，把它配置进 `prometheus.yml` 的 `scrape_configs` 即可；课程的测试就用真实的 Prometheus 服务器抓取它并通过查询 API 读回数据。""")

code("""using (var server = SimulatedMetricsServer.Start(new SimulatedGoProcess(ProcessConfig.Default), port: 0, speed: 50))
using (var http = new System.Net.Http.HttpClient())
{
    await Task.Delay(300);
    var scraped = await http.GetStringAsync(server.Url);
    display(server.Url.ToString());
    display(scraped.Split('\\n').Where(l => l.StartsWith("go_gc_cycles_total") || l.StartsWith("go_memstats_heap_alloc_bytes ")));
}""")

md("""> **常见误区（课程文本 3.3）**
>
> - 示例代码读取 `/gc/pause:seconds`：**这个名字从来不存在**（任何版本的 `metrics.All()` 里都没有，上面的目录可以验证）。正确的是 `/gc/pauses:seconds`（复数）；它从 1.22 起被标为 Deprecated，推荐改用内容完全相同的 `/sched/pauses/total/gc:seconds`。
> - 这个直方图的样本是 **每一次 STW 停顿**，一个 GC 周期有两次（清扫终止 + 标记终止）：真实录制中 3 次 GC 正好 6 个样本。把它当成“每次 GC 的停顿”会把次数算成两倍、把单次停顿算小。
> - 除了开头说的 `Read` 的签名，示例代码还有别的编译错误：`metrics.Value` 不是接口，要用 `m.Value.Float64Histogram()`；`Float64Histogram` 是结构体不能 `range`；而且计数是 **累计** 的，每 100 ms 把全部桶重新 `Observe` 一遍会重复计数——应当像 client_golang 那样直接导出桶，或只处理两次读取之间的差（课程库的 `Float64Histogram.Minus`）。
> - “Go 1.21+ 的 runtime/metrics”：包从 Go 1.16 就有了；“纳秒级采样”也不准确——时间直方图在 1.21+ 的桶宽约为所在区间的 25%，最细的桶也有 64 ns 宽，`/sched/latencies:seconds` 只抽样 1/8 的状态切换。
> - “避免高频调用 `metrics.All()`”：`All()` 只是返回一张静态表，代价在 `Read`；另外没有 `/mem/` 前缀，内存指标在 `/memory/classes/` 下。""")

md("""#### 小结

- runtime/metrics 的指标表随版本变化（1.19：33 个；1.21：52 个；1.22/1.23：56 个，另加 `/godebug/` 计数器）；写监控代码前先用 `metrics.All()` 或 `golab metrics list --go 1.xx` 确认名字。
- 时间直方图的桶由运行时决定：1.19 是 721 个细桶（最细 1 ns），1.21–1.23 是 162 个粗桶（最细 64 ns）；计数累计递增，求区间内的分布要做差。
- `metrics.Read` 填充调用方给的 `[]metrics.Sample`，不返回值；`metrics.All()` 只给出指标说明。
- `/gc/pauses:seconds` = `/sched/pauses/total/gc:seconds`，每个 GC 周期两个样本；`/sched/latencies:seconds` 是 1/8 抽样。
- 导出 Prometheus 时沿用 client_golang 的命名（`go_gc_heap_goal_bytes`、`go_sched_latencies_seconds`……），面板和告警规则才能复用。

#### 实验与思考题

实验 03.3-pause-samples：让模拟进程再跑到 60 s，先自己推算样本数（提示：看 `CompletedCycles.Count`，以及是否有周期正处在两次停顿之间）。实验 03.3-bucket-1ms 考的是上面时间直方图的桶布局。""")

code("""process.AdvanceTo(60_000_000_000);
new { GC周期 = process.CompletedCycles.Count }.AsTable()""")

lab("03.3-pause-samples")

lab("03.3-bucket-1ms")

md("""思考题：把 `ProcessConfig.Default.WithGogc(50)` 和 `WithGogc(200)` 各跑 30 s：GC 周期数和 `go_gc_duration_seconds_count` 怎样变化？在 Prometheus 里用 `histogram_quantile(0.99, rate(go_sched_latencies_seconds_bucket[1m]))` 看 p99 调度延迟——它为什么只是一个上界附近的估计？""")
