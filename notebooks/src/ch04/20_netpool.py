from nb import md, code, lab

# 4.2 — 连接池与 context (models: lib/GoRuntimeLab/NetPool, recordings: data/recordings/netpool,
# charts: lib/GoRuntimeLab.Charts/NetPool/NetPoolCharts.cs).

md("""## 4.2 连接池与上下文传播：http.Transport 与 context 取消树

`http.Transport` 为每个 host 维护一个空闲连接池：请求结束、响应体读到 EOF（或被 `Close`）后，连接回到池里等待复用；池满了，多出来的连接直接关闭。决定池行为的只有几个字段：`MaxIdleConns`（所有 host 合计的空闲上限）、`MaxIdleConnsPerHost`（每个 host 的空闲上限，写 0 表示用 `DefaultMaxIdleConnsPerHost = 2`）、`MaxConnsPerHost`（每个 host 的连接总数上限，0 表示不限）、`IdleConnTimeout`（空闲多久后关闭，0 表示不超时）。

课程库的 `TransportPoolSimulator` 是对 `net/http/transport.go` 中 `getConn`、`queueForIdleConn`、`tryPutIdleConn` 等函数的离散事件移植；`SqlPoolSimulator` 对应 `database/sql` 的 `DB.conn`/`putConn`。先看两个常被混为一谈的“默认”：""")

code("""using GoRuntimeLab.NetPool;
using GoRuntimeLab.NetPool.CancelTree;
using GoRuntimeLab.Charts.NetPool;
new[] { ("&http.Transport{}（零值）", TransportPoolConfig.Default), ("http.DefaultTransport", TransportPoolConfig.DefaultTransport) }
    .Select(x => new { 配置 = x.Item1, x.Item2.MaxIdleConns, x.Item2.MaxIdleConnsPerHost, 实际每host空闲上限 = x.Item2.EffectiveMaxIdleConnsPerHost,
        x.Item2.MaxConnsPerHost, x.Item2.IdleConnTimeout }).AsTable()""")

md("""> **常见误区（课程文本 4.2）**
>
> - “DefaultTransport 未设置 IdleConnTimeout，空闲连接长期滞留”：**不对**。`net/http/transport.go` 中 `DefaultTransport` 的定义写着 `IdleConnTimeout: 90 * time.Second`（Go 1.19 到 1.23 都是如此），上表第二行就是它。永不超时的是 **自己 new 出来的零值** `&http.Transport{}`——它的 `MaxIdleConns` 也是 0（不限），而不是表里写的“默认 100”。两种“默认”必须分开说：100 和 90 s 属于 `DefaultTransport`，0 和“不超时”属于零值。
> - `MaxIdleConnsPerHost = 2` 对两者都成立；它限制的是 **空闲** 连接数，不是连接数——并发超过 2 时连接照样新建，只是用完后多出来的那部分被关闭（下面用模型和真实录制演示）。
> - “req 不携带 ctx，Transport 就无法取消，goroutine 永久挂起”说得过头了：不带 ctx 的请求使用 `context.Background()`，`http.Client.Timeout` 同样能中止它；真实服务里更常见的泄漏是 **没有读完并关闭响应体**，连接既不能复用也不会回池（下面录制里的 `body-not-closed` 一组）。""")

md("""### 第三个请求：MaxIdleConnsPerHost = 2 时发生了什么

让 3 个调用方同时发请求、一波接一波（每个请求 10 ms）。前两个连接用完后回到空闲池；第三个连接回池时池里已经有 2 条，它被关闭（`tryPutIdleConn` 返回 `errTooManyIdleHost`）。于是 **每一波的第三个请求都要重新拨号**：""")

code("""var threeWaves = TransportPoolSimulator.Run(TransportPoolConfig.Default, PoolWorkload.Default.WithConcurrency(3).WithRequests(30));
threeWaves.Records.Take(9).Select(r => new { 请求 = r.Index, 调用方 = r.Caller, 开始_ms = r.StartMs, 连接 = r.Connection, 复用 = r.Reused }).AsTable()""")

code("""NetPoolCharts.RequestConnections(threeWaves)""")

code("""new { threeWaves.Requests, 拨号 = threeWaves.Dials, 复用 = threeWaves.Reused, 因空闲池满关闭 = threeWaves.ClosedIdleOverflow, 复用率 = threeWaves.ReuseRatio.ToString("P0") }.AsTable()""")

md("""把每 host 的空闲上限调到并发数（`WithMaxIdleConnsPerHost(3)`），同样的负载只需要 3 次拨号——这就是调这个参数的全部理由：它应当不小于对同一 host 的稳定并发数。""")

code("""var three = TransportPoolSimulator.Run(TransportPoolConfig.Default.WithMaxIdleConnsPerHost(3), PoolWorkload.Default.WithConcurrency(3).WithRequests(30));
new { 拨号 = three.Dials, 复用 = three.Reused, 复用率 = three.ReuseRatio.ToString("P0") }.AsTable()""")

md("""### 模型与真实 Go 对照

`data/go/poolprobe` 用真实的 `net/http` 客户端和服务端（本机回环）以及一个计数的 `database/sql` 驱动跑同样的负载，记录服务端接受的连接数和驱动 `Open` 的次数。下图把真实数字和模型并排（Go 1.23.5 的录制；“waves”为一波一波的突发，“loop”为每个调用方连续请求）：""")

code("""var waves = PoolProbeRecording.Read("../data/recordings/netpool/http-waves-go1.23.5.txt");
var loops = PoolProbeRecording.Read("../data/recordings/netpool/http-loop-go1.23.5.txt");
NetPoolCharts.ModelVsReal(waves.Concat(loops))""")

md("""并发 10、每 host 只留 2 条空闲连接时，突发负载每一波都要重新拨 8 条连接：真实运行 300 个请求打开了 200 多条连接。数据库连接池也一样（`SetMaxIdleConns` 不设时默认 2）：""")

code("""var sqlWaves = PoolProbeRecording.Read("../data/recordings/netpool/sql-waves-go1.23.5.txt");
NetPoolCharts.ModelVsReal(sqlWaves, "database/sql：打开的连接数（模型与真实运行）")""")

code("""sqlWaves.Select(c => new { c.Label, 真实打开 = c.Opened, 模型打开 = SqlPoolSimulator.Run(c.ToSqlConfig(), c.ToWorkload()).Opened, c.WaitCount, c.MaxIdleClosed }).AsTable()""")

md("""### context 取消树

`context.WithCancel/WithTimeout/WithDeadline` 创建的每个 context 都挂在父节点的 `children` 上；父节点结束时递归取消所有子孙，子节点的截止时间不会晚于父节点。`ContextTreeSimulator` 按 `context/context.go`（`propagateCancel`、`cancelCtx.cancel`、`WithDeadline`）的规则演算一棵树，下面这棵树也被 `data/go/ctxtree` 在真实 Go 中跑过：

- `request` 超时 400 ms，其下 `db` 超时 200 ms、`cache` 截止 900 ms（比父节点晚，所以实际随父节点在 400 ms 结束）、`render` 在 150 ms 被主动取消；
- `audit` 在 280 ms 被取消，之后 300 ms 才在它下面创建的 `auditLate` 一出生就已结束。""")

code("""var tree = ContextTreeSpec.Read("../data/go/ctxtree/tree-basic.json");
var run = ContextTreeSimulator.Run(tree, GoVersion.Go1_23);
NetPoolCharts.ContextTimeline(run)""")

code("""run.Events.Select(e => new { 时刻_ms = e.AtMs, 节点 = e.Node, 错误 = e.Err, 途径 = e.Via, 来自 = e.From }).AsTable()""")

md("""和真实 Go 1.23.5 的录制逐个检查点对比（每个检查点记录了每个节点的 `Err()`）：""")

code("""var real = ContextTreeRecording.Read("../data/recordings/netpool/ctxtree-basic-go1.23.5.txt");
string Key(ContextCheck c) => c.At + ": " + string.Join(", ", c.Nodes.Select(n => $"{n.Name}={(n.Done ? n.Err : "-")}"));
real.Checks.Zip(run.Checks, (r, m) => new { 时刻_ms = r.At, 真实 = Key(r), 与模型相同 = Key(r) == Key(m) }).AsTable()""")

md("""### goroutine 泄漏：没关闭的响应体，和 ctx 结束后仍在发送的 goroutine

上面说真实服务里更常见的泄漏是没关闭的响应体；这里把它和课程说的“ctx 结束后挂起的 goroutine”一起放到真实 Go 里看。`data/go/leakhunt -scenario http` 在本机回环上起一个 `httptest` 服务器，客户端用课程推荐的 Transport（每 host 100 条空闲连接、30 s 超时）：

1. 第 1 段发 8 个请求，拿到响应后 **既不读完也不 `Close` 响应体**；
2. 第 2 段发 4 个请求，每个请求在自己的 goroutine 里执行，请求 **带着** 调用方的 ctx（10 ms 超时），调用方超时后返回；服务器要 200 ms 才回应。执行请求的 goroutine 失败后退避 50 ms 重试一次（ctx 已结束，立即失败），再把结果发给调用方。

每段结束后程序记录 `runtime.NumGoroutine()` 和一份 goroutine profile（有 Go 时现场运行；没有 Go 时回放 Go 1.19.8 的录制）：""")

code("""using GoRuntimeLab.Leaks;
using GoRuntimeLab.Charts.Leaks;
var httpLeaky = await LeakSeries.RunOrReplayAsync("../data/go/leakhunt", ["-scenario", "http"], "../data/recordings/leak/http-leaky-go1.19.8.txt");
var httpFixed = LeakSeries.Read("../data/recordings/leak/http-fixed-go1.19.8.txt");
httpLeaky.Snapshots.Zip(httpFixed.Snapshots, (l, f) => new { 快照 = l.Label, 泄漏版_NumGoroutine = l.Goroutines, 修复版_NumGoroutine = f.Goroutines }).AsTable()""")

code("""LeakCharts.GoroutineStacks(httpLeaky)""")

code("""httpLeaky.GoroutineStacks().Select(g => new { 启动函数 = g.Start, 停在 = g.WaitsIn, 程序位置 = g.BlockedAt, 各快照 = string.Join(" → ", g.Counts) }).AsTable()""")

md("""goroutine profile 说得很具体：

- 每个没关闭的响应体让它的连接一直“忙”着：客户端的 `persistConn.readLoop`（停在 `select`，等响应体被读完或关闭）和 `writeLoop` 不退出，服务器端那条连接的 `conn.serve` 也还在等下一个请求；连接不回空闲池，下一个请求只能新建连接。
- 第 2 段的请求确实带着 ctx，`roundTrip` 也确实在 10 ms 时被取消了——可执行请求的 goroutine 随后（重试也失败之后）把结果发往一个无缓冲 channel，而调用方早已返回：它停在 `runtime.chansend`，永远不会退出。所以“请求带上 ctx”是必要的，但不够：**ctx 结束后，goroutine 自己的每一次发送和接收也要能放弃。**

修复版：`io.Copy(io.Discard, resp.Body)` 后 `resp.Body.Close()`（连接回池、被复用），发送写成 `select { case results <- r: case <-ctx.Done(): }`（或给 channel 一个缓冲位）。修复版结束时的 goroutine 数回到起点：""")

code("""LeakCharts.Trend([httpLeaky, httpFixed], LeakMetric.Goroutines, "修复前后的 goroutine 数 NumGoroutine before/after the fix")""")

md("""#### 小结

- 两种“默认”要分清：`http.DefaultTransport` 是 MaxIdleConns 100、IdleConnTimeout 90 s；零值 `&http.Transport{}` 是不限、不超时。两者每 host 都只保留 2 条空闲连接。
- `MaxIdleConnsPerHost` 限制的是空闲连接：并发高于它时连接照样新建，只是用完被关掉，突发负载下表现为大量重复拨号（真实录制：300 个请求打开 200 多条连接）。
- `database/sql` 的空闲上限默认也是 2，`SetMaxOpenConns` 限的是总数、超过时请求排队（`WaitCount`）。
- context 的取消沿树向下传播；子节点的截止时间被父节点截断；在已取消的父节点下创建的子节点立刻结束。
- 不关闭响应体，每个请求都留下连接和它的 goroutine；ctx 结束后仍阻塞在 channel 上的 goroutine 永不退出。用 `runtime.NumGoroutine()` 和 goroutine profile 前后对比来确认修复。

#### 实验与思考题

实验：换一个并发数，自己推算拨号次数和排队次数，再用模型核对。""")

lab("04.2-wave-dials")

lab("04.2-sql-wait-count")

md("""思考题：

1. 你的服务对某个下游的稳定并发约 40、突发峰值 200。`MaxIdleConnsPerHost`、`MaxConnsPerHost` 各设多少？设了 `MaxConnsPerHost` 之后，峰值时多出来的请求会怎样，延迟分布会怎样变？
2. 下游在负载均衡器后面，负载均衡器会在连接空闲 60 s 后静默断开。客户端的 `IdleConnTimeout` 应该比 60 s 长还是短？为什么 `DefaultTransport` 的 90 s 在这种环境里可能出问题？
3. 在上面的树里，如果 `cache` 用 `context.WithoutCancel(request)` 派生（Go 1.21+），`render` 的取消和 `request` 的超时分别还会影响它吗？""")
