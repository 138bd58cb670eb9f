from nb import md, code, lab

# Chapter 1 — 入门与环境. Built by build.py into notebooks/01-getting-started.ipynb.

md("""# 第一章 深圳Go语言从入门到精通：入门与环境

这门课用 **C# 笔记本** 讲 Go：每一章的单元格都只调用 GoRuntimeLab 库里的模型或真实 Go 程序，你改一个参数、重新运行，就能看到结果和图表的变化，再与 **真实 Go 的输出**（本机 Go，或 `data/` 中的录制）对照。

本章做三件事：

1. **课程地图与环境校验**：确认内核、.NET、图表库和 Go 工具链都就绪，画出第一张图；
2. **第一个程序**：运行课程文本中的“深圳欢迎程序”（sz-welcome）的同款写法，用时间线图看清它的隐患，并给出正确写法；
3. **本地开发工具链**：VS Code + Delve、gopls + staticcheck、Air 各自做什么。

> 使用方法：从上到下依次运行。带“参数”字样的单元格是你可以修改的地方。""")

md("""## 1.1 课程地图与环境校验

第一个单元格引用课程库，并检查当前内核能做什么。它会注册课程自带的图表格式化器（不依赖 RequireJS，JupyterLab、经典 Notebook、VS Code 和 HTML 书中都能显示）。

如果你在 **标准的 .NET Interactive 内核** 中打开本笔记本，这里会用中英文说明原因和 **一条修复命令**，而不是抛出一长串堆栈；不画图的单元格仍然可以运行。""")

code("""#r "../lib/GoRuntimeLab.Charts/bin/GoRuntimeLab.Charts.dll"
using System.IO;
using GoRuntimeLab.Charts;
using GoRuntimeLab.Charts.Welcome;
using GoRuntimeLab.GoTool;
using GoRuntimeLab.Labs;
var env = Kit.Setup();
env""")

md("""表中各行的含义：

| 检查项 | 为什么重要 |
|---|---|
| 内核 kernel | 课程的进程内引擎（`golab book`）、课程内核 `golab-csharp`，或标准 dotnet-interactive 内核 |
| FSharp.Core | Plotly.NET 6 需要 10.1；标准内核自带 10.0，所以图表画不出来 |
| Plotly.NET | 第二章起的所有模型图表都用它 |
| Go | 有 Go 时笔记本会 **现场编译运行** `data/go/` 中的程序；没有时回放 `data/recordings/` 中用 Go 1.19.8 录制的真实输出 |

### 课程地图

| 章 | 主题 | 小节 |
|---|---|---|
| 第一章 | 入门与环境 | 1.1 环境校验 · 1.2 第一个程序 · 1.3 工具链 |
| 第二章 | Go 运行时核心机制 | 2.1 GC 与 GOGC · 2.2 分配器与逃逸分析 · 2.3 G/M/P 调度 · 2.4 channel · 2.5 defer |
| 第三章 | 性能诊断方法论 | 3.1 pprof · 3.2 执行跟踪 · 3.3 runtime/metrics 与 Prometheus |
| 第四章 | 调优工程实践 | 4.1 零拷贝 · 4.2 连接池与 context · 4.3 内存对齐与伪共享 · 4.4 编译选项 |
| 第五章 | 案例 | 网关、交叉编译、CI、内存泄漏定位 |

### 第一张图（XPlot.Plotly）

下面这张图用 XPlot.Plotly 画，它在任何 .NET Interactive 内核里都能加载，用来确认“图表能显示”这件事本身。`PlotlyHtml.Wrap` 负责在各种前端里找到 plotly.js。""")

code("""#r "nuget: XPlot.Plotly, 4.1.0"
var sections = XPlot.Plotly.Chart.Plot(new XPlot.Plotly.Bar { x = new[] { "第一章", "第二章", "第三章", "第四章", "第五章" }, y = new[] { 3, 5, 3, 4, 4 } });
sections.WithId("ch1-sections"); sections.WithTitle("每章的小节数 sections per chapter");
display(HTML(GoRuntimeLab.Charts.Display.PlotlyHtml.Wrap(sections.Id, sections.GetPlottingJS(), 380)));""")

md("""> **常见误区：安装说明里的版本与镜像**
>
> - 课程文本以 Go 1.22.5 为例，并说 `go version` “应输出 go1.22.5”。实际输出取决于你装的版本：本课程在 Debian 12 上用 `apt-get install golang-go` 得到的是 **go1.19.8**，`data/` 中的录制都注明了版本。上面的环境表显示的才是你这台机器的事实。
> - 文本称 goproxy.cn “物理节点位于深圳宝安IDC”。这一点课程无法验证（镜像服务一般经 CDN 分发，节点位置并不公开承诺）；`GOPROXY` 的作用只是换一个模块代理，与程序的运行时行为无关。""")

md("""## 1.2 第一个程序：sz-welcome

课程文本的欢迎程序是这样写的（此处转述，不照抄）：`main` 为三个角色各启动一个 goroutine，每个 goroutine 打印一行、再 `time.Sleep(300ms)` 模拟工作；`main` 自己 `time.Sleep(500ms)` “等待 goroutine 完成”，最后打印一行“GMP 调度器运行正常，CGO 支持完备”。

课程库在 `data/go/welcome-sleep/` 中放了一个 **同样结构** 的程序，区别只是每个事件都打印成机器可读的一行（`t=+毫秒 event=start/done/exit`），这样我们能把它画成时间线。先看源码：""")

code("""Console.WriteLine(File.ReadAllText("../data/go/welcome-sleep/main.go"));""")

md("""### 参数

`work` 是每个 goroutine 的“工作”时长，`wait` 是 `main` 睡眠的时长。课程文本用的是 300ms / 500ms。

`RunOrReplayAsync` 有 Go 时现场运行，没有 Go 时回放 `data/recordings/welcome/` 中的录制；录制只覆盖这里的两组参数（改了参数又没有 Go 时，它会明确报错，指出录制与参数不符）。""")

code("""// 参数：修改后从这里往下重新运行
string[] defaults = [];                       // -work 300ms -wait 500ms（程序的默认值）
string[] slowWork = ["-work", "700ms"];        // 每个 goroutine 比 main 的 Sleep 更慢""")

code("""var sleepRun = await GoProgram.RunOrReplayAsync("../data/go/welcome-sleep", defaults, "../data/recordings/welcome/sleep-default.txt");
Console.WriteLine(sleepRun.Source);
Console.WriteLine(sleepRun.Stdout);""")

md("""输出的时间线：三个 goroutine 几乎同时开始，约 300ms 时完成，`main` 在约 500ms 时返回。看起来一切正常——但这只是 **时间上的巧合**。""")

code("""var sleepTrace = WelcomeTrace.Parse(sleepRun.Stdout, sleepRun.Source);
WelcomeCharts.Timeline(sleepTrace)""")

md("""### 把工作变慢一点

现在让每个 goroutine 工作 700ms，而 `main` 仍然只睡 500ms。运行之前先预测结果——这是本章的第一个 **实验**（lab）。

> **实验怎么做**：运行实验单元格会显示题目和分值；把 `answer: null` 换成你的答案再运行，它会告诉你对不对；答错时给出下一条提示，`Lab.Hint("实验编号")` 也可以单独要一条提示（按顺序逐条给出）。答案由课程库计算，笔记本里没有答案。全部实验也可以写进一个 JSON 文件，用 `golab lab check answers.json` 一次评分（见 README）。""")

lab("01.2-cut-off", note="先预测，再把 null 换成你的答案")

md("""现在运行，看看你的预测：""")

code("""var slowRun = await GoProgram.RunOrReplayAsync("../data/go/welcome-sleep", slowWork, "../data/recordings/welcome/sleep-work700ms.txt");
var slowTrace = WelcomeTrace.Parse(slowRun.Stdout, slowRun.Source);
Console.WriteLine(slowRun.Source);
WelcomeCharts.Timeline(slowTrace)""")

md("""红色虚线就是被截断的工作：`main` 返回时进程立即退出，Go 运行时 **不会等待** 其他 goroutine，也不会执行它们剩下的代码或 defer。没有错误、没有提示，“完成”那一行就这样消失了。

> **常见误区：用 `time.Sleep` 等待 goroutine 完成**
>
> - **课程文本的说法**：`time.Sleep(500 * time.Millisecond) // 等待goroutine完成`，并说运行后“将看到三行并行输出”。
> - **真实 Go 的表现**（上面两张图，Go 1.19.8 实测或录制）：Sleep 只是猜测时长，不是同步。工作比猜测慢时，goroutine 被静默截断；机器繁忙、一次 GC 停顿或明天业务变慢，都会让同一段代码丢失工作。
> - **“三行并行输出”**：三个 goroutine 是 *并发* 的；是否 *并行* 取决于 GOMAXPROCS 和空闲 CPU。它们的打印顺序也不固定——看上面录制里 `start` 行的顺序（g3 可能先于 g1）。
> - **“GMP 调度器运行正常，CGO 支持完备”**：这行字是程序自己打印的字符串，证明不了任何事。CGO 是否可用要问工具链：下面的单元格执行 `go env CGO_ENABLED`。""")

code("""GoToolchain.Find() is { } go
    ? $"go env CGO_ENABLED = {go.Env("CGO_ENABLED")}（{go.Description}）"
    : "本机没有 Go：无法检查 CGO_ENABLED（安装 golang-go 后重新运行）"
""")

md("""### 正确写法：`sync.WaitGroup`

`data/go/welcome-waitgroup/` 是同一个程序，只把 `time.Sleep` 换成了 `sync.WaitGroup`：每个 goroutine 结束时 `Done()`，`main` 用 `Wait()` 等到计数归零。它等待的是 **事件**，不是时长，所以无论工作多慢都不会丢：""")

code("""var wgRun = await GoProgram.RunOrReplayAsync("../data/go/welcome-waitgroup", slowWork, "../data/recordings/welcome/waitgroup-work700ms.txt");
var wgTrace = WelcomeTrace.Parse(wgRun.Stdout, wgRun.Source);
Console.WriteLine($"{wgRun.Source}: {wgTrace}");
WelcomeCharts.Timeline(wgTrace)""")

md("""`main` 的返回时间跟随最慢的 goroutine（约 700ms），而不是一个写死的数字。

### 同一个程序，在调度模拟器里

第二章 2.3 节的 **G/M/P 调度模拟器** 也能运行这个程序（`sz-welcome`：300ms / 500ms，与课程文本相同；`sz-welcome-waitgroup` 是 WaitGroup 版本）。下面两张图每行是一个 goroutine：绿色是运行，蓝色点线是等待，悬停可以看到等待原因。Sleep 版本的 `main` 在 `sleep` 里一直等到 500ms，而 goroutine 在 300ms 就已结束；WaitGroup 版本的 `main` 在 `wg.Wait()` 里等待（等待原因是什么？把鼠标放到 main 那一行的等待段上，或做下面的实验 01.2-waitgroup-wait），最后一个 goroutine 结束它就返回。与上面真实 Go 的时间线对照：形状相同，只是模拟器给出的是精确的模拟时间。""")

code("""using GoRuntimeLab.Sched;
using GoRuntimeLab.Charts.Sched;
SchedCharts.GoroutineTimeline(Scheduler.Run("sz-welcome"))""")

code("""var simWg = Scheduler.Run("sz-welcome-waitgroup");
display(simWg);
SchedCharts.GoroutineTimeline(simWg)""")

md("""### 小结

- `main` 返回即进程退出；Go 不会等待还在运行的 goroutine。
- `time.Sleep` 不是同步手段：工作比猜测慢时，结果被静默丢弃。用 `sync.WaitGroup`（或 channel、`errgroup`）等待事件。
- goroutine 的启动和打印顺序不确定；“并发”不等于“并行”。
- 程序打印的自我评价不是证据；环境事实要向工具链（`go env`、`go version`）要。

### 实验

下面每个实验单元格先显示题目；把 `answer: null` 换成你的答案后重新运行。""")

lab("01.2-parse-duration")

lab("01.2-waitgroup-wait", note="把 null 换成一个词（字符串）")

lab("01.2-one-proc")

md("""### 思考题

1. 有 Go 时，用 `WelcomeTrace.Parse((await GoToolchain.Require().RunAsync("../data/go/welcome-sleep", ["-work", "495ms"])).Stdout)` 现场多跑几次，再试 `"505ms"`：边界附近的结果稳定吗？为什么这说明 Sleep 方案依赖运气？
2. 用 `new GoRunOptions { GoMaxProcs = 1 }` 作为 `RunOrReplayAsync` 的 `options` 参数重跑真实的 WaitGroup 版本：结果与实验 01.2-one-proc 的模拟一致吗？""")

md("""## 1.3 本地开发工具链

课程文本推荐了三件工具。它们分别解决不同的问题：

| 工具 | 做什么 | 怎么用 |
|---|---|---|
| VS Code + Go 扩展 + **Delve** | Delve（`dlv`）是 Go 的调试器：断点、单步、查看 goroutine 和变量；VS Code 的 Go 扩展通过它调试 | `go install github.com/go-delve/delve/cmd/dlv@latest`，然后 `dlv debug` 或在 VS Code 中按 F5 |
| **gopls** + **staticcheck** | gopls 是 Go 官方的语言服务器（补全、跳转、重构、诊断）；staticcheck 是静态分析器，能找出 bug 和可疑写法。gopls 可以把 staticcheck 的检查作为诊断显示在编辑器里 | VS Code `settings.json`：`"gopls": { "ui.diagnostic.staticcheck": true }`；也可以单独运行 `staticcheck ./...` |
| **Air** | 开发时的热重载：监视源文件，变化后自动重新编译并重启程序 | `air -c .air.toml`（配置文件里写构建命令和要监视的目录） |

> 注意：这些都是 **开发期** 工具，与运行时行为无关；本课程后面的章节关心的是运行时本身（GC、调度器、channel……）。

下面的单元格检查这些命令是否在你的 PATH 上（`GoToolchain.OnPath` 与课程库查找 `go` 用的是同一套搜索：PATH 中第一个可执行文件）：""")

code("""new[] { "go", "dlv", "gopls", "staticcheck", "air" }.Select(t => new { 工具 = t, 路径 = GoToolchain.OnPath(t) ?? "未安装 not installed" }).AsTable()""")

md("""### 小结

- 调试用 Delve，编辑器智能提示与诊断用 gopls（可接入 staticcheck），开发时热重载用 Air。
- 模块路径（`go mod init` 的参数）只是一个唯一的导入前缀；课程文本说的“地域标识”对编译和运行没有任何影响。

### 实验与思考题

先做实验：三个工具里哪一个能发现数据竞争？有 Go 时可以自己验证：用 `go mod init example.com/hello` 建一个模块，写一个有数据竞争的小程序，分别用三个工具检查。""")

lab("01.3-race-detector", note="把 null 换成一个标志或工具名（字符串）")

md("""思考题：在 Delve 中给 `welcome-waitgroup` 的 `wg.Wait()` 下断点，用 `goroutines` 命令看此时有几个 goroutine、各自停在哪里。""")

