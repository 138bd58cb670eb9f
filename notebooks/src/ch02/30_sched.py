from nb import md, code, lab

# Section 2.3: the G/M/P scheduler and preemption, on the simulator in lib/GoRuntimeLab/Sched.

md("""## 2.3 Goroutine 调度器（G/M/P）与抢占

Go 的调度器（`runtime/proc.go`）把三种对象配合起来：

- **G**（goroutine）：一段要执行的代码加上它自己的栈和状态；
- **M**（machine）：一个操作系统线程，真正执行指令；
- **P**（processor）：执行 Go 代码的“许可证”，共 `GOMAXPROCS` 个。每个 P 有一个 256 槽的本地运行队列 `runq` 和一个特殊槽位 `runnext`。M 必须持有一个 P 才能运行 G。

本节用课程库的 **离散事件模拟器** 观察调度器：它按 `proc.go` 的规则（`runqput`/`runqget`、`findRunnable`、`stealWork`、`sysmon` 的 `retake`、协作式与异步抢占……）推进模拟时间，结果由种子决定、可复现。模拟器的时间是 **模拟纳秒**，不是你这台机器的墙上时间。

### 参数

修改后从这里往下重新运行。`goVersion` 可以取 1.13 到 1.23（1.13 没有异步抢占）。""")

code("""using GoRuntimeLab.Sched;
using GoRuntimeLab.Sched.Workloads;
using GoRuntimeLab.Charts.Sched;
// 参数：GOMAXPROCS、Go 版本、随机种子
int procs = 4; var goVersion = GoVersion.Go1_23; ulong seed = 1;
var cfg = SchedConfig.Default.WithProcs(procs).WithVersion(goVersion).WithSeed(seed);""")

md("""### G 的状态机

G 的状态是 `runtime2.go` 中的常量（数字就是 `GODEBUG=scheddetail=1` 打印的 `status=`）：

| 状态 | 值 | 何时进入（Go 函数） |
|---|---|---|
| `_Grunnable` | 1 | 新建（`newproc`）、被唤醒（`goready`/`ready`）、被抢占或 `Gosched`（`goschedImpl`）、系统调用返回却拿不到 P（`exitsyscall0`） |
| `_Grunning` | 2 | 被 `schedule` → `execute` 选中，在某个 M/P 上执行 |
| `_Gsyscall` | 3 | `entersyscall`：G 带着 M 进入系统调用，P 暂时处于 `_Psyscall` |
| `_Gwaiting` | 4 | `gopark`：channel、锁、`time.Sleep`、WaitGroup……附带等待原因（`chan receive`、`sleep`、`semacquire`） |
| `_Gdead` | 6 | 函数返回（`goexit0`），G 进入空闲列表等待复用 |
| `_Gpreempted` | 9 | 仅当 GC 的 `suspendG` 需要停住一个 G 时（`preemptPark`）；普通的时间片抢占回到的是 `_Grunnable` |

先跑一个 CPU 密集的扇出（fanout：8 个各 20 ms 的 worker，WaitGroup 汇合），再数一数模拟中出现过的状态转换：""")

code("""var fanout = Scheduler.Run("fanout", cfg);
fanout""")

md("""**实时版**：换一个负载（`golab sched simulate --list` 列出全部，如 `syscall-mix`、`many-short`、`spinner-sleeper`）、P 的个数或 Go 版本（`golab sched simulate`）。

<div data-golab-live="sched simulate" data-arg-workload="fanout" data-arg-procs="4" data-arg-go="1.23"></div>""")

code("""using GoRuntimeLab.Sched.Analysis;
GTransitions.Count(fanout).AsTable()""")

md("""怎么数才对：G 的时间线（`GTimeline`）只保存 **持续了一段模拟时间** 的状态。一个 worker 被抢占后，如果调度器在同一纳秒又选中了它，它的 `_Grunnable` 只持续了 0 ns，时间线里就没有这一段，看上去像是 `Running → Running`。如果直接数时间线里相邻的两段，这些抢占就会被漏掉，`Running → Runnable` 的次数会小于上面打印的抢占次数。`GTransitions.Count` 用模拟器自己的抢占和 `Gosched` 事件把这些 0 ns 的状态补回来（`ZeroLength` 一列就是补回的个数），所以 `Running → Runnable` 的总数正好等于抢占次数：""")

code("""new { 抢占次数 = fanout.Preemptions.Async + fanout.Preemptions.Cooperative,
      RunningToRunnable = GTransitions.Count(fanout).Where(c => c.From == GStatus.Running && c.To == GStatus.Runnable).Sum(c => c.Count) }.AsTable()""")

md("""`Running → Runnable` 就是 **抢占**：每个 worker 要算 20 ms，而 sysmon 发现一个 G 连续运行超过 `forcePreemptNS = 10ms` 就请求抢占（`retake` → `preemptone`），被抢占的 G 回到 **全局队列**，让排队的 G 也能运行。

### P 的时间线（Gantt 图）

每一行是一个 P，颜色区分 G；灰色虚线是系统调用，橙色点线是自旋（M 持有 P 在找活干），浅灰细线是空闲。8 个 worker、4 个 P：前 10 ms 只有 4 个 worker 在跑，之后被抢占的 worker 与等待的 worker 轮换，默认参数下最后一批在约 46 ms 结束（8×20 ms 完全均分给 4 个 P 是 40 ms；轮换的粒度是 sysmon 每约 10 ms 一次的抢占）。""")

code("""SchedCharts.Gantt(fanout)""")

md("""### 系统调用：P 的移交（handoff）

`syscall-mix`：4 个 goroutine 反复做 1 ms 的系统调用（每次之后 50 µs 计算），旁边是 4 个各 30 ms 的 CPU 密集 goroutine。进入系统调用时 P 进入 `_Psyscall` 但仍挂在原 M 上；sysmon 发现它在系统调用里停留超过一个 sysmon 周期、而且有别的活要干，就 **拿走这个 P**（`retake` → `handoffp`），交给另一个 M 去跑 CPU 密集的 G。系统调用返回时，`exitsyscallfast` 先试图拿回原来的 P，拿不到就找空闲 P，再不行就把 G 放进全局队列、M 休眠。""")

code("""var sys = Scheduler.Run("syscall-mix", cfg);
display(sys);
SchedCharts.Gantt(sys)""")

md("""读这张图（默认参数）：

1. 开头几十微秒里，sysmon 还在 20 µs 的短周期，它看到 io goroutine 停在系统调用里，就把 P 拿走交给别的 G（下面的 `SyscallRetake` 事件）；
2. 随后 4 个 CPU 密集的 G 占满 4 个 P。io goroutine 的系统调用返回时拿不到 P，只能进全局队列，等 10 ms 的时间片抢占——`sys.Goroutines` 中 io 的 `runnable` 有十几到三十几毫秒；
3. 十几毫秒之后（sysmon 第一次抢占时），io goroutine 拿到 P，反复做 1 ms 的系统调用，P 一直挂在它们身上（灰色虚线）。`retake` 只有在 **连续两次** sysmon 检查看到同一次系统调用（`syscalltick` 没变）时才拿走 P，而此时 sysmon 已经空闲退避到 10 ms 一次，每次看到的都是新的 1 ms 系统调用——于是 CPU 密集的 G 只剩 2 个 P 可用。频繁的短系统调用会“占住” P，这是真实运行时的行为，不是模拟器的误差。""")

code("""sys.Goroutines.Select(SchedText.Goroutine).AsTable()""")

code("""sys.Events.Where(e => e.Kind is SchedEventKind.SyscallRetake or SchedEventKind.Handoff).Take(8)
.AsTable()""")

md("""### 工作窃取，一步一步

`many-short`：main 在一个 P 上连续创建 1000 个各 50 µs 的 goroutine。`newproc` 把新 G 放进当前 P 的 `runnext`，旧的 runnext 被挤进本地队列；本地队列满 256 个时，`runqputslow` 把 **一半（128 个）加上新 G** 一起搬到全局队列。别的 P 被 `wakep` 唤醒后，按 `findRunnable` 的顺序找活：本地队列 → 全局队列（`globrunqget` 一次最多拿 `runqsize/GOMAXPROCS + 1` 个）→ 网络轮询 → **窃取**：以随机起点、与 P 数互素的步长遍历其他 P（`stealOrder`），从受害者的队列里偷走 **一半（向上取整）**；只有第 4 轮才会偷 `runnext`。""")

code("""var steal = Scheduler.Run("many-short", cfg.WithProcs(4));
display(steal);
steal.Events.Where(e => e.Kind is SchedEventKind.Steal or SchedEventKind.RunqOverflow).Take(12).AsTable()""")

code("""SchedCharts.Steals(steal)""")

code("""SchedCharts.Gantt(steal, untilMs: 1.5)""")

md("""### 抢占：紧凑循环还能被打断吗？

`spinner-sleeper`（GOMAXPROCS=1）：一个 goroutine 执行 200 ms 的 **无函数调用的紧凑循环**（`for { n++ }`），另一个 goroutine `time.Sleep(100µs)`。100 µs 后计时器到期——但计时器由 P 在调度时自己检查（`schedule`/`findRunnable` 里的 `checkTimers`），唯一的 P 被 spinner 占着，sleeper 连“可运行”都进不去（下图中它一直是 Waiting）。它什么时候能再运行？

- sysmon 每 20 µs 起、最长 10 ms 醒来一次，发现同一个 G 运行超过 10 ms（`schedtick` 没变）就调用 `preemptone`；
- **协作式抢占**（Go 1.2 起）：把 `stackguard0` 设为 `stackPreempt`，下一次 **函数序言** 的栈检查失败，进入 `morestack` → `newstack` → `gopreempt_m`。没有函数调用的循环永远走不到这个检查；
- **异步抢占**（Go 1.14 起）：`preemptM` 向线程发送 **SIGURG**，信号处理函数在一个异步安全点注入 `asyncPreempt` 调用，紧凑循环也能被打断。`GODEBUG=asyncpreemptoff=1` 关掉它。

下面比较四种情况：`compute-sleeper` 是同样 200 ms 的计算，但循环里有函数调用（协作式抢占点）。""")

code("""var demo = new (string Workload, GoVersion Go, bool Async)[] {
    ("spinner-sleeper", GoVersion.Go1_23, true), ("spinner-sleeper", GoVersion.Go1_23, false),
    ("spinner-sleeper", new GoVersion(1, 13), true), ("compute-sleeper", GoVersion.Go1_23, false) };
var preempt = demo.Select(d => (d, r: Scheduler.Run(d.Workload, cfg.WithProcs(1).WithVersion(d.Go).WithAsyncPreempt(d.Async))))
    .Select(x => new { x.d.Workload, Go = x.d.Go.ToString(), asyncpreempt = x.d.Async ? "on" : "off(=1)",
        sleeper醒来 = GoDuration.Format(x.r.Goroutine("sleeper").FinishedAt ?? -1), 抢占 = $"{x.r.Preemptions.Async} 次异步, {x.r.Preemptions.Cooperative} 次协作式" }).ToList();
preempt.AsTable()""")

code("""SchedCharts.GoroutineTimeline(Scheduler.Run("spinner-sleeper", cfg.WithProcs(1)), untilMs: 30)""")

md("""模拟结果：Go 1.23 异步抢占打开时，sleeper 在十几毫秒处醒来：10 ms 的 `forcePreemptNS`，加上 sysmon 的退避节奏（前 50 轮每轮 `usleep(20µs)`，Linux 默认 50 µs 的 timer slack 让每轮实际睡约 70 µs，之后间隔逐轮翻倍，最长 10 ms）。`asyncpreemptoff=1` 或 Go 1.13 时，它要等 spinner 的 200 ms 全部跑完；循环里有函数调用时，即使没有异步抢占，也会在同样的时刻被协作式抢占。上面 `preempt` 表的 `sleeper醒来` 一列是模拟器算出的精确值。

### 对照真实 Go

本课程在 2 核 Debian 12 虚拟机上录下了同一个实验（`data/go/preempt`：`for { *n++ }` 的 spinner，GOMAXPROCS=1，main 反复 `time.Sleep(100µs)` 并计时；每个版本 5 次运行 × 5 次睡眠，外加 `asyncpreemptoff=1` 的运行，后者由 `timeout 3s` 结束）。下面的单元格读取 `data/recordings/sched/` 中的全部录制，按 Go 版本和 `asyncpreemptoff` 汇总：""")

code("""var preemptRuns = PreemptSummary.ReadRuns("../data/recordings/sched");
var preemptTable = PreemptSummary.Of(preemptRuns);
preemptTable.AsTable()""")

md("""每行的 `MinMs`、`MedianMs`、`MaxMs` 是这一组里所有返回了的 `Sleep(100µs)` 实际花了多少毫秒；`TimedOut` 是被 `timeout` 杀掉的运行数。读表时注意三点：""")

code("""var fastest = PreemptSummary.FastestWithAsyncPreemption(preemptTable);
var sim = Scheduler.Run("spinner-sleeper", cfg.WithProcs(1)).Goroutine("sleeper").FinishedAt!.Value / 1e6;
Console.WriteLine($"真实 Go（异步抢占打开）最快的一次：{fastest:0.0} ms；模拟器（Go 1.23）：{sim:0.0} ms");
foreach (var row in preemptTable)
    Console.WriteLine(row.AsyncPreemptOff
        ? $"{row.GoVersionText} asyncpreemptoff=1：{row.Runs} 次运行，{row.TimedOut} 次被 timeout 结束（sleeper 再也没有醒来）"
        : $"{row.GoVersionText} 默认：{row.Sleeps} 次睡眠，{row.MinMs:0.0}–{row.MaxMs:0.0} ms，中位数 {row.MedianMs:0.0} ms");""")

md("""1. 所有真实睡眠都在 10 ms 以上：sysmon 必须先看到同一个 G 连续运行 `forcePreemptNS` 才会抢占。模拟器的结果落在真实测量的 **最快值附近**——它复现的是 sysmon 的节奏，这决定了“最早什么时候能抢占”；
2. 真实值在此之上的散布（最慢的一次比最快的慢得多）来自操作系统对线程的调度、虚拟机和机器上的其他负载，模拟器没有这些，所以只能对照下限，不能对照平均值；
3. `asyncpreemptoff=1` 的运行全部超时，与模拟器“要等 200 ms 的 spinner 跑完”一致（真实程序的 spinner 是无限循环，所以永远等不到）。
""")

md("""### 模拟器的 `GODEBUG=schedtrace`

模拟器按所选 Go 版本的格式打印 `schedtrace` 行（1.21+ 多了 `needspinning`，方括号里是每个 P 本地队列的长度，不含 `runnext`）。下面是 `syscall-mix` 每 10 ms 一行：""")

code("""Console.WriteLine(string.Join(Environment.NewLine, Scheduler.Run("syscall-mix", cfg.WithSchedTrace(10_000_000)).SchedTrace));""")

md("""模拟器的行和真实 Go 的行用 **同一个解析器** 读取（`SchedtraceParser`，它能读 1.19 和 1.21+ 两种格式，包括 `scheddetail=1` 的 P/M/G 明细）。`real` 是真实的 `data/go/schedload`（Go 1.23.5，GOMAXPROCS=4，每 100 ms 一行），`sim` 是模拟器的 `syscall-mix`：""")

code("""using GoRuntimeLab.Sched.Schedtrace;
var realTrace = SchedtraceParser.ParseFile("../data/recordings/sched/schedload-go1.23.5-p4.txt");
var simTrace = SchedtraceParser.Parse(string.Join("\\n", Scheduler.Run("syscall-mix", cfg.WithSchedTrace(10_000_000)).SchedTrace), "sim");
new { 真实_real = realTrace.ToString(), 模拟_sim = simTrace.ToString() }.AsTable()""")

code("""SchedtraceCharts.RunQueues(realTrace)""")

md("""真实程序里还能看到模拟器没有的东西：运行时自己的 goroutine（GC worker、forcegc、bgsweep……）使线程数和 `scheddetail` 里的 G 更多；全局队列 `runqueue` 在 CPU 密集的 goroutine 被抢占时上涨（被抢占的 G 进入全局队列）。
""")

md("""> **常见误区：课程文本中的“抢占式调度的三大触发条件”**
>
> - **“纯计算循环不可抢占”**：课程文本的表格写着“❌（Go 1.14+ 改进为可抢占）”，自相矛盾。事实是：Go 1.14 起，除 windows/arm、darwin/arm、js/wasm、plan9 外，没有函数调用的循环也会被 **SIGURG 异步抢占**（上面的 `spinner-sleeper`，以及上表中真实 Go 的录制）。只有 Go ≤ 1.13、`GODEBUG=asyncpreemptoff=1`、`//go:nosplit` 和运行时内部代码才不可抢占。
> - **“函数调用返回前（基于 morestack 插入的 preempt 检查点）”**：检查点在函数 **入口**（序言里的栈边界检查），不是返回前；而且它只是“响应”点——必须先有人（sysmon 的 `retake`，或 GC）通过 `preemptone` 把 `stackguard0` 设成 `stackPreempt`，检查才会失败。
> - **“系统调用返回时（entersyscall → exitsyscall）”**：系统调用本身不是抢占 G。真实发生的是 sysmon **拿走** 停在 `_Psyscall` 的 P（`retake` → `handoffp`，见上面的 `SyscallRetake` 事件）；G 返回时若拿不回 P，就被放进全局队列（`exitsyscall0`）。
> - **“GC STW 阶段强制暂停所有 M”**：STW 停的是 **P**（`preemptall` 请求抢占正在运行的 G，用的正是上面的协作式/异步机制，P 进入 `_Pgcstop`）；在系统调用里的 M 并不会被暂停，只是回来时拿不到 P。
> - 真正的主触发条件反而没写：**sysmon 发现 G 连续运行超过 10 ms**（`forcePreemptNS`）。
> - **`runtime.Gosched()` “强制将当前 G 从 P 的运行队列移至全局队列”**：一半对。`goschedImpl` 确实把 G 放进 **全局** 队列（`globrunqput`，而不是本地队列），但正在运行的 G 并不在 P 的运行队列里（它是 M 的 `curg`），所以不是“从运行队列移出”。而且 `Gosched` 是 **主动让出**，示例里在循环中调用它，演示的恰恰不是抢占。
> - 表格中的 `chan send/receive → gopark → gosched_impl` 也不对：channel 阻塞走 `gopark` → `park_m` → `schedule`，G 进入 `_Gwaiting`；`goschedImpl` 只用于 `Gosched` 和抢占。
> - 流程图中“新 Goroutine 被放入 P.localRunq”：新 G 放进的是 `runnext`；本地队列为空时也不只是“尝试全局队列”，还有每 61 次调度检查一次全局队列的公平规则、网络轮询和 **工作窃取**。

### 小结

- G 在 `_Grunnable`、`_Grunning`、`_Gwaiting`、`_Gsyscall`、`_Gdead` 之间转换；普通抢占让 G 回到 `_Grunnable` 并进入全局队列。
- 新 G 进入当前 P 的 `runnext`；本地队列满时一半搬到全局队列；空闲的 P 从别的 P 偷一半。
- 系统调用时间长了，sysmon 会把 P 交给别的 M；这是“M 与 P 分离”的意义。
- 运行超过 10 ms 的 G 会被请求抢占：有函数调用时靠协作式检查，紧凑循环靠 Go 1.14 起的异步抢占（SIGURG）。

### 实验与思考题

实验：`spinner-sleeper` 只有一个 P 时，sleeper 要靠抢占才能醒来。多给一个 P 会怎样？""")

lab("02.3-second-p", note="把 null 换成你的答案（微秒，整数）")

md("""思考题：

1. 把参数单元格的 `procs` 改成 1、2、8，重新运行 fanout：结束时间和抢占次数怎样变化？为什么 GOMAXPROCS=8 时几乎没有抢占？
2. 把 `seed` 改成其他值再运行 `many-short`：哪些数字变了（窃取者、受害者、个数），哪些没有变？""")
