from nb import md, code, lab

# Section 2.4: channels (hchan, chan.go, select.go) on the scheduler simulator.

md("""## 2.4 Channel 底层实现与阻塞/非阻塞

`make(chan T, n)` 创建一个 `hchan`（`runtime/chan.go`）：一个 `n` 槽的环形缓冲区（`buf`、`qcount`、`sendx`、`recvx`），两条等待队列 `sendq`/`recvq`（元素是代表等待 G 的 `sudog`），一个 `closed` 标志和一把锁。`chansend` 的顺序是：

1. channel 已关闭 → panic `send on closed channel`；
2. `recvq` 里有等待的接收者 → **直接交付**：把值直接拷进接收者的栈（`sendDirect`），再 `goready` 它——接收者进入 **当前 P 的 `runnext`**，紧接着就运行；
3. 缓冲区有空位 → 拷进 `buf[sendx]`；
4. 否则：非阻塞（`select` 带 `default`）立即返回 false；阻塞则把自己挂到 `sendq`，`gopark`（等待原因 `chan send`）。

`chanrecv` 对称；若有发送者在等且缓冲区已满，接收者取走队头，再把发送者的值放进同一个槽，保证先进先出。下面全部用 2.3 节的调度模拟器运行（模拟时间；channel 操作本身的代价是 `SchedCosts.ChannelOp` = 30 ns 量级的参数）。""")

code("""using GoRuntimeLab.Sched;
using GoRuntimeLab.Sched.Workloads;
using GoRuntimeLab.Charts.Sched;
// 参数：修改后从这里往下重新运行
var chanCfg = SchedConfig.Default.WithProcs(4).WithSeed(1);""")

md("""### 无缓冲、有缓冲、select + default

同一个生产者/消费者：生产者每 2 µs 产生一个值，共 1000 个；两个消费者各花 5 µs 处理一个。三种写法只差在 channel 上：

- `prodcons-unbuffered`：`make(chan int)`，每次发送都要等接收者；
- `prodcons-buffered`：`make(chan int, 16)`；
- 第三种在下面用课程库的 **工作负载构建器** 现场写出：无缓冲 channel，但生产者用 `select { case jobs <- v: default: dropped++ }` 非阻塞发送，发不出去就丢掉。""")

code("""var selectDefault = Workload.Create("prodcons-select-default", "select { case jobs <- v: … default: dropped++ }").Chan("jobs")
    .Main(m => { m.Add("wg", 2).Go("producer", g => g.Repeat(1000, b => b.Compute("2us")
            .Select(s => s.Send("jobs", 1).Default(d => d.Count("dropped")))).Close("jobs"));
        for (var i = 0; i < 2; i++) m.Go($"consumer{i}", g => g.Range("jobs", b => b.Compute("5us").Count("consumed")).Done("wg"));
        m.Wait("wg"); });""")

code("""var chans = new[] { Scheduler.Run("prodcons-unbuffered", chanCfg), Scheduler.Run("prodcons-buffered", chanCfg), Scheduler.Run(selectDefault, chanCfg) };
chans.Select(r => new { r.Workload, 结束 = GoDuration.Format(r.EndTime), 处理 = r.Counter("consumed"), 丢弃 = r.Counter("dropped"),
    每项耗时 = GoDuration.Format(r.EndTime / Math.Max(1, r.Counter("consumed"))), 上下文切换 = r.ContextSwitches, 窃取 = r.Steals }).AsTable()""")

code("""SchedCharts.ChannelComparison(chans)""")

md("""- **无缓冲**：每一项都要生产者与消费者“会合”，生产者常常停在 `chan send` 上，每次唤醒都是一次上下文切换，空闲的 P 还要自旋、窃取被唤醒的 G——总时间最长，切换次数约等于项数。
- **有缓冲**：生产者领先最多 16 项，很少阻塞；瓶颈变成两个消费者的处理速度（1000 × 5 µs / 2 ≈ 2.5 ms）。
- **select + default**：生产者 **从不阻塞**，但消费者没空时值就被丢掉——“快”是用丢数据换来的，业务必须处理 `default` 分支。

生产者的时间线（前 0.1 ms）：无缓冲时它在 `Running` 与 `Waiting (chan send)` 之间来回；有缓冲时几乎一直在运行。""")

code("""SchedCharts.GoroutineTimeline(chans[0], untilMs: 0.1)""")

code("""SchedCharts.GoroutineTimeline(chans[1], untilMs: 0.1)""")

md("""### 直接交付与 `runnext`

`pingpong`：两个 goroutine 通过两个无缓冲 channel 来回传 1000 次。在 GOMAXPROCS=1 上，每次发送都遇到一个已在 `recvq` 上等待的接收者，于是 **直接交付**：值拷进对方的栈，对方进入本 P 的 `runnext`，发送者一阻塞，对方立刻继续运行（`runqget` 先取 runnext，并继承当前时间片）。所以调度延迟（runnable → running）只有一次 channel 操作的量级：""")

code("""var pp = Scheduler.Run("pingpong", chanCfg.WithProcs(1));
display(pp);
pp.Events.Where(e => e.Kind == SchedEventKind.Ready).Take(4).AsTable()""")

code("""SchedCharts.GoroutineTimeline(pp, untilMs: 0.012)""")

md("""### 关闭、nil channel 与死锁

- 从 **已关闭** 的 channel 接收：先取完缓冲区里剩下的值，之后每次立即得到 **零值和 `ok == false`**；
- 向已关闭的 channel 发送：**panic**；关闭 nil channel 或重复关闭：也是 panic；
- **nil channel** 上的发送和接收 **永远阻塞**（`select` 中的 nil case 永远不会被选中）；
- 所有 goroutine 都阻塞时，运行时的 `checkdead` 报告 `fatal error: all goroutines are asleep - deadlock!`。

一个容量为 2 的 channel：发送 7、8，关闭，然后接收 3 次（计数器 `v/值`，`v/closed` 表示 `ok == false` 的零值）：""")

code("""var closeDemo = Workload.Create("close-demo").Chan("c", 2)
    .Main(m => m.Send("c", 7).Send("c", 8).Close("c").Repeat(3, b => b.Recv("c", tally: "v")));
Scheduler.Run(closeDemo, chanCfg).Counters.AsTable()""")

code("""Console.WriteLine(Scheduler.Run("send-on-closed", chanCfg).FatalMessage);""")

code("""Console.WriteLine(Scheduler.Run(Workload.Create("nil-recv").Main(m => m.Recv(Workload.NilChannel)), chanCfg).FatalMessage);
Console.WriteLine(Scheduler.Run("deadlock", chanCfg).FatalMessage);""")

md("""注意 nil channel 的等待原因是 `chan receive (nil chan)`，与真实 Go 的 `goroutine 1 [chan receive (nil chan)]:` 一致；真实的报告在每个 goroutine 下面打印源码文件和行号，模拟器打印的是工作负载的步骤。

### select 的公平性

`selectgo` 每次用随机数打乱 **轮询顺序**（`pollorder`），所以多个 case 同时就绪时，每个被选中的概率相同。Go 自己的测试 `TestSelectFairness`（`runtime/chan_test.go`）：4 个 case，其中 2 个总是就绪，做 10000 次 select，要求两者各自的次数落在 5000 ± 10σ 之内（σ = √(10000 × ½ × ½) = 50，即 4500–5500）。同样的测试在模拟器里，换三个种子：""")

code("""new ulong[] { 1, 2, 3 }.Select(s => Scheduler.Run("select-fairness", chanCfg.WithSeed(s)))
    .Select(r => new { 种子 = r.Config.Seed, c1 = r.Counter("out/1"), c2 = r.Counter("out/2"), c3c4 = r.Counter("out/3") + r.Counter("out/4"),
        在10σ内 = Math.Abs(r.Counter("out/1") - 5000) <= 500 }).AsTable()""")

md("""> **常见误区：课程文本 2.4 节的说法与压测表**
>
> - **“阻塞 channel 在无缓冲时直接挂起 goroutine 到 sendq 或 recvq”**：只有对面 **没有** 等待者时才挂起。若接收者已在 `recvq` 上，发送方根本不挂起，而是直接交付、让接收者进入 `runnext`（上面的 pingpong）。
> - **“非阻塞（select + default）原子检查 sendq/recvq 空闲状态后立即返回”**：`selectnbsend` → `chansend(block=false)` 的无锁快速路径只检查 **`full(c)`**：无缓冲时看 `recvq` 是否 **有** 接收者（不看 `sendq`），有缓冲时看 `qcount == dataqsiz`。不满时照样 **加锁**、走与阻塞发送完全相同的路径；只有在“发不出去”时才省掉了挂起。
> - **“绕过调度器挂起开销，适用于高吞吐低延迟”**：吞吐高是因为 **丢弃** 了数据（上面第三种方案的“丢弃”一列）。
> - **压测表自相矛盾**：平均延迟 128 ns 意味着每毫秒约 7800 次操作，表中却写 7.2 ops/ms；42 ns 对应约 23800 ops/ms，表中是 28.5。两列差了约 1000 倍（下一个单元格算给你看）。表格还把“有无缓冲”和“阻塞/非阻塞”两个变量混在一行里比较；“GC 压力 中”也没有依据：发送 `int` 不分配内存，缓冲区只在 `make` 时分配一次。要测真实数字，用 Go 自带的基准：`go test -run=NONE -bench='ChanSync$|ChanNonblocking$|SelectNonblock$' runtime`。""")

code("""new[] { (场景: "无缓冲阻塞", 延迟ns: 128.0, 课程吞吐: 7.2), (场景: "带缓冲非阻塞", 延迟ns: 42.0, 课程吞吐: 28.5) }
    .Select(r => new { r.场景, r.延迟ns, 按延迟推算_ops每ms = Math.Round(1e6 / r.延迟ns), r.课程吞吐, 相差倍数 = Math.Round(1e6 / r.延迟ns / r.课程吞吐) }).AsTable()""")

md("""### 真实测量：`go test -bench` 与模拟器的代价

`data/go/chanbench` 把上面的几种操作写成 Go 基准（只用标准库，`testing.Benchmark`）：

- `UnbufferedHandoff`：另一个 goroutine 经 `make(chan int)` 交给本 goroutine，每次一个值；
- `BufferedStream/cap=N`：同样的流经容量 0、1、8、64、1024 的 channel；
- `SelectNonblockEmpty`：`select { case <-c: default: }`，channel 为空——`selectnbrecv` 的无锁快速路径（`empty(c)`），不加锁就返回；
- `SelectNonblockReady`：`select { case c <- i: default: }` 能发出去，于是照常加锁、拷贝；
- `SelectOneReady`：两个 case 的 `select`，一个就绪——走完整的 `selectgo`（打乱顺序、给两个 channel 加锁、轮询）；
- `PingPong`：两个 goroutine 经两个无缓冲 channel 来回，一次 = 一个往返。

有 Go 时现场运行（每个基准 20 ms，约 1–2 s）；没有 Go 时回放录制。另有四个 Go 版本用 `go test -bench . -benchmem -count 5` 的完整录制（`data/recordings/chan/`，录制时机器由多个任务共享，ns/op 有噪声；B/op 和 allocs/op 是精确的）。模拟器一栏是同样的程序在 2.3 节的调度模拟器上（GOMAXPROCS=2）的模拟时间除以操作数。""")

code("""using GoRuntimeLab.GoTool;
using GoRuntimeLab.Benchstat;
using GoRuntimeLab.Chan;
using GoRuntimeLab.Charts.Chan;
var benchRun = await GoProgram.RunOrReplayAsync("../data/go/chanbench", Array.Empty<string>(), "../data/recordings/chan/chanbench-go1.19.8.txt");
Console.WriteLine(benchRun);""")

code("""var chanSeries = new[] { "go1.19.8", "go1.21.13", "go1.22.12", "go1.23.5" }
    .Select(v => ChanBenchSeries.FromBench(BenchfmtReader.ReadFile($"../data/recordings/chan/chanbench-{v}.bench.txt"), $"{v}（录制 -count 5 中位数）")).ToList();
chanSeries.Add(ChanBenchSeries.FromBench(BenchfmtReader.Parse(benchRun.Stdout, "chanbench"), benchRun.IsLive ? "本机现场 live" : "回放 replay go1.19.8"));
var chanSim = ChanBenchSimulation.Run(SchedConfig.Default.WithProcs(2).WithSeed(1));
chanSeries.Add(chanSim);
ChanBenchCharts.NsPerOp(chanSeries)""")

code("""var real119 = chanSeries[0];
real119.NsPerOp.Keys.Select(k => new { 基准 = k, 真实_ns = Math.Round(real119.NsPerOp[k], 1), 模拟_ns = Math.Round(chanSim.NsPerOp[k], 1),
    真实除以模拟 = Math.Round(real119.NsPerOp[k] / chanSim.NsPerOp[k], 1), allocs每次 = real119.AllocsPerOp.GetValueOrDefault(k) }).AsTable()""")

md("""诚实地比较：

- **形状对了一部分**：真实与模拟都显示缓冲越深、每个值越便宜（`cap=1024` 比无缓冲交接便宜数倍），`select` 的非阻塞空检查是最便宜的操作；每一行 **0 allocs/op**——发送 `int` 不分配内存，这一点是精确的。
- **绝对值只是量级**：模拟器的 channel 操作是常数 `SchedCosts.ChannelOp` = 30 ns，切换 200 ns，没有锁竞争、缓存行在两个核之间来回、futex 唤醒睡眠线程这些真实代价。所以无缓冲交接、能发出去的非阻塞发送和两路 `select` 在真实 Go 上贵 3–7 倍，而空 channel 上的非阻塞检查（真实约 10–20 ns，不加锁）反而比模拟器的 30 ns 便宜。
- **噪声**：在两核共享机器上，交接类基准（需要另一个 P 上的 goroutine 配合）前后几次相差可达 2–3 倍；用中位数，并且只比较数量级。本机现场那一栏只跑 20 ms，更吵。

> **常见误区：“无缓冲 channel 的一次往返（ping-pong）一定是一次交接的两倍”**
>
> 看录制：Go 1.19.8 上 `PingPong`（一个往返 = 两次交接）的中位数反而比 `UnbufferedHandoff` 还低。交接的代价主要不在 channel 本身，而在 **对方是否已经在另一个 P 上等着**：单向流里接收者常常已经睡下，每次都要 futex 唤醒线程；ping-pong 里双方节奏一致，对方刚阻塞就被唤醒、常留在同一个 P 的 `runnext` 上。

### 真实的阻塞发送者/接收者

`chantrace -workload blocked-pair`：前 5 轮接收者先睡 200 µs，发送者（main）在 `chan send` 上阻塞；后 5 轮反过来，接收者在 `chan receive` 上阻塞。trace 里每一次都是 `GoBlockSend`/`GoBlockRecv` → 对方到来时的 `GoUnblock` → 被唤醒者的 `GoStart`：""")

code("""using GoRuntimeLab.Trace.Views;
using GoRuntimeLab.Charts.Trace;
var bpRun = await GoProgram.RunOrReplayAsync("../data/go/chantrace", new[] { "-workload", "blocked-pair" }, "../data/recordings/chantrace/blocked-pair-go1.19.8.txt");
var bp = ChantraceRun.From(bpRun, "../data/recordings/chantrace/blocked-pair-go1.19.8.txt", "../data/recordings/chantrace/blocked-pair-go1.19.8.trace");
Console.WriteLine(bp.TraceSource);
TimelineCharts.GoroutineTimeline(bp.Timeline, only: bp.Timeline.UserGoroutines())""")

code("""TimelineCharts.Gantt(bp.Timeline)""")

code("""bp.Timeline.GTimeline.Where(s => s.Status == GStatus.Waiting && s.WaitReason.StartsWith("chan"))
    .Select(w => new { G = w.G, 等待原因 = w.WaitReason, 阻塞 = GoDuration.Format(w.Duration),
        唤醒到运行 = GoDuration.Format(bp.Timeline.GTimeline.First(s => s.G == w.G && s.Start >= w.End && s.Status == GStatus.Runnable).Duration) }).AsTable()""")

md("""每次阻塞约 **1 ms**，不是程序里写的 200 µs：另一方在 `time.Sleep(200µs)` 时所有 P 都空闲，运行时在 `netpoll` 的 `epoll_wait` 里等下一个定时器，而 `epoll_wait` 的超时以毫秒计——`runtime/netpoll_epoll.go`（Go 1.19–1.23）里 `delay < 1e6` 时 `waitms = 1`，短于 1 ms 的等待一律睡 1 ms。模拟器按请求的 200 µs（加上定时器松弛）计时，这是模型与真实的又一处差别。

从 `GoUnblock` 到 `GoStart` 只有几到十几微秒：被唤醒的 G 进了唤醒者所在 P 的 `runnext`，或被另一个 P 接走。模拟器里同样的交接（上面的 pingpong）唤醒到运行只有一次 channel 操作的量级——真实的“几微秒”里有线程唤醒和写 trace 事件的开销（见 3.2 节的对比）。""")

md("""### 小结

- `hchan` = 环形缓冲区 + `sendq`/`recvq` + 锁；发送先找等待的接收者（直接交付、进 `runnext`），再找缓冲区，最后才挂起。
- 无缓冲 channel 是“会合”，每项一次唤醒和切换；缓冲让生产者领先，但不改变消费速度这个瓶颈；`select + default` 不阻塞，代价是必须处理发不出去的情况。
- 关闭后接收得到剩余值，然后是零值和 `ok == false`；向已关闭 channel 发送会 panic；nil channel 永远阻塞；全部阻塞就是死锁。
- `select` 用随机轮询顺序保证公平。
- 真实测量（`data/go/chanbench`）：深缓冲每值几十纳秒，无缓冲交接几百纳秒，空 channel 上的非阻塞检查约 10 ns；模拟器的常数代价给出量级，不给出真实的唤醒与缓存开销。
- 真实 trace 里阻塞的发送者/接收者是 `GoBlockSend`/`GoBlockRecv` → `GoUnblock` → `GoStart`；短于 1 ms 的 `time.Sleep` 在空闲的程序里实际睡约 1 ms（epoll 的毫秒超时）。

### 实验与思考题

实验 02.4-closed-receive 用模拟器检查你对“关闭之后的接收”的理解（可以先用上面 `closeDemo` 的写法自己试）。""")

lab("02.4-closed-receive")

md("""思考题：

1. 把 `prodcons-buffered` 换成你自己用 `Workload.Create(...).Chan("jobs", cap)` 写的版本，试 cap = 1、4、64：总时间怎样变化？为什么超过某个容量后不再变快？
2. 在 GOMAXPROCS=4 上运行 `pingpong`，与 GOMAXPROCS=1 比较总时间和自旋时间（`SpinningTime`）：多几个 P 为什么反而更慢？""")
