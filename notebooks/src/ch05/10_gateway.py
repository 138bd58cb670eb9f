from nb import md, code, lab

# 5.1 — API网关 under load (models: lib/GoRuntimeLab/Gateway, recordings: data/recordings/gateway made by
# data/go/gateway and data/go/readbody, charts: lib/GoRuntimeLab.Charts/Gateway and Charts/Pprof).

md("""## 5.1 API网关

课程原文讲了一个福田区跨境电商 API 网关的重构：用 `net/http` 原生库、自研连接池复用 HTTP/1.1 长连接、**用 `sync.Pool` 缓存 JSON 序列化缓冲区，“GC 压力下降 64%”**，并给了一段支付路由的代码。公司、日均请求量等是原文的叙事；本节只检查技术内容：

1. 缓冲池到底省下了多少分配、让 GC 少跑了多少次？用真实的 pprof 和 gctrace 回答，而不是引用百分比。
2. 能不能 **在改代码之前** 预测 GC 频率的变化？用运行时的堆目标规则和课程库的 GC 模拟器预测，再用第二份录制检验。
3. 原文代码把 `r.Body` 直接当作 Redis 的值写入——为什么不对？

`data/go/gateway` 是一个只用标准库的网关程序，三部分都跑在 127.0.0.1 上：一个上游后端；网关处理函数（`context.WithTimeout` 800 ms、调好参数的 `http.Transport` 访问后端、解码 JSON、把 64 个商品的响应用 `json.NewEncoder` 编码进一个 `bytes.Buffer`——每个请求 `new` 一个，或加 `-pool` 从 `sync.Pool` 取出并 `Reset`）；以及一个固定请求数、8 个并发客户端的压测器。它打印延迟百分位和压测阶段 `runtime.MemStats` 的增量，并写出 CPU 与堆 profile。""")

code("""using GoRuntimeLab.Gateway;
using GoRuntimeLab.GoTool;
using GoRuntimeLab.Pprof;
using GoRuntimeLab.Charts.Gateway;
using GoRuntimeLab.Charts.Pprof;""")

md("""### 先现场跑一次（小规模）

有 Go 时下面两格现场运行 2000 个请求（每次约 1 秒，另加首次编译），没有 Go 时回放同样参数的录制。两次运行只差 `-pool` 一个开关：""")

code("""var gctrace = new GoRunOptions { GoDebug = "gctrace=1" };
var liveA = GatewayRecording.FromOutput(await GoProgram.RunOrReplayAsync("../data/go/gateway", new[] { "-n", "2000" }, "../data/recordings/gateway/gateway-short-nopool-go1.19.8.txt", gctrace));
var liveB = GatewayRecording.FromOutput(await GoProgram.RunOrReplayAsync("../data/go/gateway", new[] { "-pool", "-n", "2000" }, "../data/recordings/gateway/gateway-short-pool-go1.19.8.txt", gctrace));""")

code("""new[] { liveA, liveB }.Select(r => new { 来源 = r.Source, 缓冲区 = r.Run.Pool ? "sync.Pool" : "每请求 new", 每请求分配_KiB = (r.Run.AllocBytesPerRequest / 1024).ToString("0.0"),
    每请求对象数 = r.Run.MallocsPerRequest.ToString("0"), GC次数 = r.Run.NumGc, p50_ms = (r.Run.Latency("p50") / 1000).ToString("0.00"), p99_ms = (r.Run.Latency("p99") / 1000).ToString("0.00") }).AsTable()""")

md("""每请求的分配字节数由 `MemStats.TotalAlloc` 精确计数，跑多少次都差不多；延迟则取决于机器当时有多忙。要看清楚，用更长的录制：20000 个请求、GOGC=100、GOMAXPROCS=2，Go 1.19.8 与 Go 1.23.5 各录一组（命令见 `data/README.md`；录制时这台 2 核机器还在跑别的任务，负载均值 30–40，所以 **延迟和吞吐的噪声很大，分配字节数和 GC 次数才是可比的**）。下面以 Go 1.23.5 为例：""")

code("""var dir = "../data/recordings/gateway";
var a = GatewayRecording.Load(dir, "nopool", "go1.23.5");
var b = GatewayRecording.Load(dir, "pool", "go1.23.5");
new[] { a, b }.Select(r => new { 缓冲区 = r.Run.Pool ? "sync.Pool" : "每请求 new", r.Run.Requests, 用时_s = r.Run.ElapsedSeconds.ToString("0.0"),
    每请求分配_KiB = (r.Run.AllocBytesPerRequest / 1024).ToString("0.0"), 每请求对象数 = r.Run.MallocsPerRequest.ToString("0"), GC次数 = r.Run.NumGc,
    每千请求GC = r.Run.GcPerThousandRequests.ToString("0.0"), p50_ms = (r.Run.Latency("p50") / 1000).ToString("0.00"), p99_ms = (r.Run.Latency("p99") / 1000).ToString("0.00") }).AsTable()""")

md("""延迟百分位（毫秒；两个 Go 版本、有无 pool 共四次运行）：""")

code("""var fourRuns = new[] { "go1.19.8", "go1.23.5" }.SelectMany(g => new[] { GatewayRecording.Load(dir, "nopool", g).Run, GatewayRecording.Load(dir, "pool", g).Run }).ToList();
fourRuns.Select(r => new { 运行 = $"{r.Variant} {r.GoVersion}", p50 = (r.Latency("p50") / 1000).ToString("0.0"), p90 = (r.Latency("p90") / 1000).ToString("0.0"),
    p99 = (r.Latency("p99") / 1000).ToString("0.0"), p999 = (r.Latency("p999") / 1000).ToString("0.0"), 最大 = (r.Latency("max") / 1000).ToString("0.0") }).AsTable()""")

code("""GatewayCharts.Latency(fourRuns)""")

md("""### 用 pprof 找分配热点

堆 profile 的 `alloc_space` 是整个运行期间分配的字节数（按 `runtime.MemProfileRate` 采样估计）。**flat** 是函数自己分配的，**cum** 包括它调用的函数。先看不用 pool 的那次：""")

code("""var heapA = a.ReadHeapProfile();
var heapB = b.ReadHeapProfile();
PprofCharts.Top(heapA.Top("alloc_space"), rows: 10, title: "不用 pool：alloc_space 前 10 名 top allocators, no pool")""")

code("""PprofCharts.FlameGraph(heapA, "alloc_space", title: "不用 pool：分配火焰图 allocation flame graph, no pool")""")

md("""把用 pool 的那次当作基线做差（`go tool pprof -base`）：正值是不用 pool 时多分配的。几乎所有差别都集中在一行——这一行就是缓冲池要消灭的东西。课程库的 `-top` 与 `go tool pprof` 逐字节一致（测试对照的是录制目录里 `*.top.txt` 的真实输出）。""")

code("""PprofCharts.Diff(PprofProfile.Diff(heapB, heapA).Top("alloc_space"), rows: 8)""")

lab("05.1-hot-spot", placeholder='null', note='把 null 换成函数名字符串')

code("""var diff = PoolAllocationDiff.From(heapA, heapB);
new { 热点占全部分配 = diff.HotSpotShare.ToString("P1"), 热点用pool后剩余_MiB = (diff.HotSpotBytesWith / 1048576.0).ToString("0.0"),
      总分配_不用pool_MiB = (diff.TotalWithout / 1048576.0).ToString("0"), 总分配_用pool_MiB = (diff.TotalWith / 1048576.0).ToString("0"),
      profile估计节省 = diff.SavedFraction.ToString("P1"), MemStats精确节省 = (1 - (double)b.Run.TotalAllocBytes / a.Run.TotalAllocBytes).ToString("P1") }.AsTable()""")

md("""profile 是采样估计，`MemStats.TotalAlloc` 是精确计数，两者给出的节省比例相差不到 2 个百分点。缓冲池省下的只是 **缓冲区扩容** 那部分：`bytes.Buffer` 从空开始，`Encode` 写入约 7.6 KB 的 JSON 时要扩容好几次，每次分配一个更大的新切片；用 pool 后 `Reset` 保留了容量。其余分配——解码上游 JSON（`reflect` 建切片）、HTTP 头、`url.Parse`、context——一个也没少。

### 预测 GC 频率的变化

Go 的堆目标规则（`runtime/mgcpacer.go`，Go 1.19–1.23，`heapGoalInternal` 与 `commit`）：

- 目标 = 上次标记的存活堆 + (存活堆 + 栈 + 全局变量) × GOGC/100；
- 但不低于 `heapMinimum` = 4 MiB × GOGC/100。

网关的存活堆只有 1–2 MiB（gctrace 每行第三个 MB 数），所以两次运行的堆目标 **都是 4 MiB 左右**，缓冲池不改变它。目标不变，每轮 GC 之间能分配的字节数就不变，于是 **GC 次数与分配量成正比**：少分配多少，就少 GC 多少。课程库的 `GcRatePredictor` 把这条规则和 GC 模拟器放在一起：""")

code("""var live = (long)(a.GcTrace.Lines.Average(l => (double)l.LiveMB) * 1048576);
new { 存活堆_MiB = (live / 1048576.0).ToString("0.00"), 规则给出的堆目标_MiB = (GcRatePredictor.HeapGoal(live, 100, GcRatePredictor.StackBytesEstimate) / 1048576.0).ToString("0.00"),
      gctrace中的目标_MB = string.Join("/", a.GcTrace.Lines.Select(l => l.GoalMB).Distinct().Order()) }.AsTable()""")

code("""var prediction = GcRatePredictor.Predict(a, b, diff);
new { 节省比例 = prediction.SavedFraction.ToString("P1"), 不用pool真实GC = prediction.ActualCyclesWithout, 规则预测 = prediction.RuleCyclesWith.ToString("0"),
      模拟器预测 = prediction.PredictedCyclesWith.ToString("0"), 用pool真实GC = prediction.ActualCyclesWith, 预测误差 = prediction.Error.ToString("+0.0%;-0.0%"),
      预测GC下降 = prediction.PredictedGcDrop.ToString("P0"), 真实GC下降 = prediction.ActualGcDrop.ToString("P0") }.AsTable()""")

code("""GatewayCharts.GcPrediction(prediction)""")

md("""“规则预测”= 不用 pool 的真实 GC 次数 × (1 − 节省比例)；“模拟器预测”让 `GcSimulator`（真实 pacer 规则：触发点、标记期间的分配、辅助标记）在两种分配速率下各跑一遍，用两者之比乘以真实次数。对这两份录制，两种预测与真实结果的差距都在 10% 以内（Go 1.19.8 那组差 1–3%，Go 1.23.5 这组差 5–8%；测试 `GatewayPredictionTests` 以 10% 为容差）。误差的来源也说得清：存活堆在 1 MiB 与 2 MiB 之间跳动（负载高时在途请求多），而 gctrace 只打印整数 MB。

轮到你：对 Go 1.19.8 那组录制做同样的预测。""")

lab("05.1-predict-gc")

md("""> **常见误区（课程文本 5.1）**
>
> - “`sync.Pool` 缓存 JSON 序列化缓冲区，GC 压力下降 64%”：**在本机录制里是两成多，不是 64%**。上表：分配字节数下降约 25%，GC 次数下降约 23%；Go 1.19.8 那组是 23% 和 24%。缓冲池能省下的上限就是缓冲区扩容所占的那一份（这里约四分之一）；要省下 64%，缓冲区扩容就得占每个请求分配的三分之二，这取决于响应有多大、其它分配有多少，不是 `sync.Pool` 本身的性质。先用 `alloc_space` 的 flat 找到热点、算出它的占比，再谈收益。
> - 缓冲池也 **没有让延迟明显变好**：上面四组 p50/p99 的差别淹没在机器负载的噪声里。GC 次数少了，但每次 GC 的停顿通常不到 1 毫秒（gctrace 每行的 clock 部分），对毫秒级的请求影响有限。
> - 用 pool 时必须 `Reset`，并且在 `Put` 之后不再使用这个缓冲区；`w.Write(buf.Bytes())` 必须在 `Put` 之前完成（网关里用 `defer bufPool.Put(buf)` 保证顺序）。""")

md("""### `r.Body` 不是请求体的内容

原文代码把 `r.Body` 作为值传给 `redisClient.Set`。`r.Body` 的类型是 `io.ReadCloser`——一个 **只能读一次的流**，不是字节。`data/go/readbody` 用标准库演示它被当作值保存时会发生什么（其中的 `kvEncode` 照搬了 go-redis `internal/proto/writer.go` 里 `WriteArg` 的类型判断：只接受字符串、`[]byte`、数字、布尔、`time.Time` 或实现了 `encoding.BinaryMarshaler` 的值）：""")

code("""var body = await GoProgram.RunOrReplayAsync("../data/go/readbody", Array.Empty<string>(), "../data/recordings/gateway/readbody-go1.19.8.txt");
body""")

md("""> **常见误区（课程文本 5.1 的代码片段）**
>
> - `redisClient.Set(ctx, key, r.Body, 30*time.Second)` **写不进去**：`r.Body` 的动态类型是 `*http.body`，既不是 `[]byte` 也没有实现 `encoding.BinaryMarshaler`，客户端编码参数时就返回 `redis: can't marshal *http.body (implement encoding.BinaryMarshaler)`，处理函数随即回 503——每个请求都如此。
> - 就算换一个“什么都收”的存储，存下的也只是一个流：读一次就到 EOF，第二次读到 0 字节；处理函数返回后服务器关闭它，之后再读得到 `http: invalid Read on closed Body`（上面的输出）。
> - 正确做法：在处理函数里读出字节并限制大小——`body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, limit))`，超过上限时得到 `http: request body too large`（Go 1.19 起可用 `errors.As` 取出 `*http.MaxBytesError`），回 413；然后把 `body`（`[]byte`）写入 Redis。键名里的 `id` 也应先校验。""")

md("""#### 小结

- 缓冲池的收益等于它消灭的那部分分配：先用堆 profile 的 `alloc_space` flat 找出热点，算出它占全部分配的比例，这就是收益的上限。本例约 25%，不是 64%。
- 存活堆小于 2 MiB 时，堆目标由 `heapMinimum`（4 MiB × GOGC/100）决定，不随缓冲池变化；于是 GC 次数与分配量成正比，分配少四分之一，GC 也少四分之一。用规则或模拟器预测，误差在 10% 以内。
- 延迟的变化要在安静的机器上、多次运行才能下结论；分配字节数与 GC 次数才是这种改动稳定可比的指标。
- `r.Body` 是只能读一次、处理函数返回后就被关闭的流；要保存请求体，用 `io.ReadAll(http.MaxBytesReader(...))` 读出有界的字节。

#### 练习

1. 有 Go 时，把现场运行的参数改成 `-items 512`（更大的响应），录制参数不匹配时没有 Go 会报错——这是预期的。缓冲区扩容占的比例变大还是变小？GC 次数的下降呢？
2. 用 `GcRatePredictor.HeapGoal` 算一算：存活堆要多大，缓冲池才会改变堆目标？那时 GC 次数还与分配量成正比吗？
3. 把 `PprofCharts.Top(a.ReadCpuProfile().Top())` 画出来：CPU 时间花在哪里？JSON 编码和 GC 各占多少？""")
