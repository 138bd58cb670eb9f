from nb import md, code, lab

# 5.3 — CI/CD 流水线 (models: lib/GoRuntimeLab/Race, Cover, Benchstat; charts: lib/GoRuntimeLab.Charts/Ci/CiCharts.cs;
# recordings: data/recordings/race, cover, benchstat; programs: data/go/racedemo, coverdemo, benchpair).

md("""## 5.3 CI/CD流水线

课程里的流水线是这样的：代码推送 → 自建 Runner 执行 `go test -race -coverprofile=cover.out` → 覆盖率报告存档 → **覆盖率 < 85% 则阻断发布** → 自动部署。本节把这条流水线的每一步放到真实产物上检查一遍：

1. `go test -race` 抓到的数据竞争报告（`data/go/racedemo`，两个真实的竞争）：解析成 goroutine、栈和两次冲突的访问；
2. `-coverprofile` 写出的覆盖率文件（`data/go/coverdemo`）：每个函数的覆盖率，以及 85% 门禁的判定；
3. 性能回归的把关：`benchstat OLD NEW`（`data/go/benchpair`）——“~”、p 值和置信区间到底是什么意思。

三份产物都是 Go 1.19.8 在本机录制的（命令见 `data/README.md`）。`-race` 需要 cgo 和 C 编译器，冷缓存下单是构建就要近 30 秒，所以本节读录制，只有不到一秒的 `go tool cover -func` 现场运行；课程库的测试（`RaceLiveTests`、`CoverLiveTests`）在装有 Go 的机器上（包括 CI）会重新运行同样的命令，核对结果与录制一致。

### 第一步：`go test -race` 报告了什么

`racedemo` 有两处竞争：`Run` 让两个 goroutine 不加锁地对同一个计数器做 `c.N++`；`Peek` 启动一个 goroutine 写全局变量 `Flag`，自己却在 `wg.Wait()` 之前读它。课程库的 `RaceReportParser` 按 ThreadSanitizer（`tsan_report.cpp`）的输出格式把每个 `WARNING: DATA RACE` 块解析成结构化的报告：""")

code("""using System.IO;
using GoRuntimeLab.Race;
using GoRuntimeLab.Cover;
using GoRuntimeLab.Benchstat;
using GoRuntimeLab.Charts.Ci;
var raceLog = RaceReportParser.ReadFile("../data/recordings/race/racedemo-test-go1.19.8.txt");
new { 报告数 = raceLog.Reports.Count, 因竞争失败的测试 = string.Join(", ", raceLog.FailedTests) }.AsTable()""")

md("""每个报告的核心是 **两次冲突的访问**：发现竞争的“当前”访问，和与它冲突的“之前”的访问；两者访问同一地址、至少有一个是写、之间没有 happens-before 关系。下表每行是一次访问（栈顶帧就是出问题的源码行）：""")

code("""raceLog.Reports.SelectMany((r, i) => r.Accesses.Select(a => new { 报告 = i + 1, 访问 = a.IsPrevious ? "之前" : "当前", 读写 = a.Kind,
    goroutine = a.GoroutineName, 位置 = $"{Path.GetFileName(a.Top!.File)}:{a.Top.Line}", 函数 = a.Top.Function, 栈帧数 = a.Stack.Count })).AsTable()""")

md("""报告还给出参与竞争的 goroutine 是在哪里创建的（主 goroutine 没有创建栈，所以不会出现在这里）：""")

code("""raceLog.Reports.SelectMany((r, i) => r.Goroutines.Select(g => new { 报告 = i + 1, goroutine = g.Id, 状态 = g.Running ? "运行中" : "已结束",
    创建于 = $"{g.CreatedAt[0].Function} ({Path.GetFileName(g.CreatedAt[0].File)}:{g.CreatedAt[0].Line})" })).AsTable()""")

code("""CiCharts.Races(raceLog)""")

md("""读法：

- 报告 1：goroutine 9 在 `main.go:18`（`c.N++`）读，goroutine 8 之前在同一行写——`c.N++` 是“读-改-写”，两个 worker（分别在 `main.go:33`、`:34` 由 `Run` 创建）交替执行它。
- 报告 2：goroutine 11（`Peek` 里 `go func()` 创建的那个）在 `main.go:48` 写 `Flag`，而 goroutine 10 之前在 `main.go:50` 读了它。goroutine 10 是谁？它的创建栈是 `testing.(*T).Run`：**`go test` 让每个测试函数在自己的 goroutine 里运行**，所以 `Peek` 的读发生在测试的 goroutine 上。
- 每个报告之后 `testing` 把当前测试判为失败（`race detected during execution of test`），所以 `go test -race` 的退出码是 1，流水线在这一步就停了；直接运行 `-race` 构建的程序时，检测到竞争的程序退出码是 66。""")

md("""> **常见误区：“结果对了就没有竞争”；“加上 -race 就能找出所有竞争”**
>
> - 同一个程序用 `go run -race` 运行的录制里，计数器的结果恰好是正确的 2000，`Flag` 读到的是 0——输出看起来一切正常，检测器照样报告了两处竞争（下一个单元格）。竞争是否“造成错误”取决于调度：同一段代码可能在一台机器上几乎从不出错，换一台核更多的机器就频繁出错；检测器看的是 **有没有 happens-before 关系**，不是结果对不对。
> - 反过来，检测器只能发现 **这次运行实际执行到的** 并发访问：测试没有覆盖的代码路径、测试里没有并发执行的函数，`-race` 一概不知。所以 `-race` 和覆盖率要一起看——这正是流水线把 `-race` 和 `-coverprofile` 放在同一条命令里的原因。""")

code("""File.ReadLines("../data/recordings/race/racedemo-run-go1.19.8.txt").Where(l => l.StartsWith("counter:") || l.StartsWith("flag:") || l.StartsWith("Found"))""")

md("""### 第二步：覆盖率文件与 85% 门禁

`go test -coverprofile=cover.out` 写出的文件第一行是模式，之后每行是一个基本块：`文件:起始行.列,结束行.列 语句数 计数`。课程的命令同时带了 `-race` 却没有写 `-covermode`——这时模式是什么？下面是用课程的原命令（`go test -race -coverprofile=…`）录制的文件：""")

code("""var cover = CoverProfileParser.ReadFile("../data/recordings/cover/coverdemo-race-go1.19.8.out");
var coverSet = CoverProfileParser.ReadFile("../data/recordings/cover/coverdemo-set-go1.19.8.out");
new[] { cover, coverSet }.Select(p => new { 文件 = p.SourceName, 模式 = p.Mode, 覆盖的语句 = p.CoveredStatements, 语句总数 = p.Statements, 覆盖率 = p.PercentText,
    最大计数 = p.Files.SelectMany(f => f.Blocks).Max(b => b.Count) }).AsTable()""")

md("""> **常见误区：`-race` 与 `-covermode`**
>
> 带 `-race` 时，`-covermode` 的默认值从 `set` 变成 **`atomic`**（`go help testflag`：“The default is "set" unless -race is enabled, in which case it is "atomic"”），上表第一行的 `mode: atomic` 就是证据。原因是 `count` 模式的计数是插进源码的普通 `++`：被测代码在多个 goroutine 里并发执行时，这些递增本身就互相竞争，也会被 `-race` 检测；`atomic` 改用 `sync/atomic` 递增，代价是测试更慢。覆盖率百分比与 `set` 完全相同（都是 87.0%），计数则保留了执行次数（上表最后一列）。所以课程的命令没有错；只是要知道文件里的是 `atomic` 计数，门禁读的仍然是语句百分比。""")

md("""门禁看的是哪个数？`go test -cover` 打印的 `coverage: 87.0% of statements` 是 **语句覆盖率**：被执行过的块里的语句数 ÷ 全部语句数。`go tool cover -func` 还会按函数列出；课程库的 `CoverFuncs` 按 `cmd/cover/func.go` 的规则（函数从 `func` 关键字到右花括号的范围内的所有块）计算同一张表，与真实工具的输出逐行核对过：""")

code("""var funcs = CoverFuncs.ForProfile(cover, "../data/go/coverdemo", "golab/coverdemo");
funcs.Select(f => new { 函数 = f.Name, 行 = (int?)f.StartLine, 覆盖的语句 = f.CoveredStatements, 语句数 = f.Statements, 覆盖率 = f.PercentText })
    .Append(new { 函数 = "total", 行 = (int?)null, 覆盖的语句 = cover.CoveredStatements, 语句数 = cover.Statements, 覆盖率 = CoverFuncs.TotalText(funcs) }).AsTable()""")

md("""同一张表由真实的 `go tool cover -func` 再算一遍：装有 Go 时现场运行（约 0.1 秒），没有 Go 时回放录制的输出；两者与课程库的结果逐行比较：""")

code("""using GoRuntimeLab.GoTool;
var tool = await GoToolCommand.RunOrReplayAsync("../data/go/coverdemo", ["tool", "cover", "-func=../../recordings/cover/coverdemo-race-go1.19.8.out"],
    "../data/recordings/cover/coverdemo-race-go1.19.8.func.txt");
var toolLines = tool.Stdout.Split('\\n', StringSplitOptions.RemoveEmptyEntries).Select(l => System.Text.RegularExpressions.Regex.Replace(l, "\\t+", " "));
var ourLines = funcs.Select(f => f.ToString()).Append($"total: (statements) {CoverFuncs.TotalText(funcs)}");
new { 来源 = tool.Source, 与课程库逐行相同 = toolLines.SequenceEqual(ourLines) ? "✅" : "❌" }.AsTable()""")

code("""CiCharts.CoverageByFunction(funcs, 85)""")

code("""cover.Gate(85).ToString()""")

md("""> **常见误区：门禁该按语句还是按函数？怎样取整？**
>
> - 按语句：总覆盖率 87.0% ≥ 85%，门禁通过。按“有多少函数被测到”算，三个函数都至少执行过一行，是 100%——这个数永远好看，没有意义；按“每个函数都要 ≥ 85%”算，`Histogram` 只有 83.3%，门禁失败。课程的“覆盖率 < 85%”指的是 `go test -cover` 打印的 **语句总覆盖率**，门禁就应该用它；对关键包再加每个函数的下限是额外的、更严格的规则，要写明。
> - 取整：`go test` 打印时保留一位小数，门禁要比较 **精确值**。2500 条语句覆盖 2124 条是 84.96%，打印出来是“85.0%”，但它低于 85%：""")

code("""var borderline = CoverProfileParser.Parse("mode: set\\nshop/pay.go:1.1,2.2 2124 1\\nshop/pay.go:3.1,4.2 376 0\\n", "borderline.out");
new { 打印 = borderline.ToString(), 门禁 = borderline.Gate(85).ToString() }.AsTable()""")

md("""### 第三步：benchstat —— 性能到底变了没有

覆盖率挡住没测到的代码，性能回归要靠基准测试挡。`data/go/benchpair` 的 `Join` 有新旧两个实现（旧版 `s += p`，新版预先 `Grow` 的 `strings.Builder`），`Split` 两版完全相同。两个测试二进制 **交替** 各跑 10 次（`-count 1` × 10，负载变化对两边一样），然后比较。课程库的 `BenchstatComparer` 是 `golang.org/x/perf` 的 benchstat 的移植，输出与真实 benchstat 逐字节相同：""")

code("""var bench = BenchstatComparer.CompareFiles("../data/recordings/benchstat/old-go1.19.8.txt", "../data/recordings/benchstat/new-go1.19.8.txt");
bench.ToString() == File.ReadAllText("../data/recordings/benchstat/benchstat-go1.19.8.txt") ? "✅ 与真实 benchstat 的输出逐字节相同" : "❌ 与真实 benchstat 不同\"""")

code("""string Show(double v, string unit) => unit == "sec/op" ? $"{v * 1e6:0.###} µs" : v.ToString("0.###");
bench.Rows.Select(r => new { 基准 = r.Name, 单位 = r.Unit, 旧中位数 = Show(r.Old!.Center, r.Unit), 旧置信区间 = "± " + r.Old.RangeText,
    新中位数 = Show(r.New!.Center, r.Unit), 新置信区间 = "± " + r.New.RangeText, 变化 = r.DeltaText, p = r.Comparison!.P.ToString("F3"), r.Comparison.N1, r.Comparison.N2 }).AsTable()""")

code("""CiCharts.Benchstat(bench, "sec/op")""")

md("""怎样读这张表：

- **中位数 ± x%**：benchstat 默认不假设分布，报告中位数和它的 95% 置信区间（由次序统计量算出），“±”是区间相对中位数的较大一侧。`Join` 的 ± 33%、`Split` 的 ± 73% 很宽——录制时这台 2 核机器上还有其他构建在跑。时间（sec/op）受负载影响；**B/op 和 allocs/op 是精确的**（± 0%），更适合做门禁里的硬指标。
- **变化与 p 值**：benchstat 用 Mann–Whitney U 检验比较两组样本，只有 p ≤ α（默认 0.05）才打印百分比变化。`Join` 是 −95.08%（p=0.000）：新实现快了约 20 倍，分配从 64 次降到 2 次。
- **“~”**：`Split` 的代码根本没变，p=0.684 > 0.05，benchstat 打印 “~”，意思是 **没有证据表明有变化**——不是“变化很小”，也不是“证明了没变化”。它的中位数差了几个百分点，完全是噪声。""")

md("""> **常见误区：“跑一次，快了就是快了”**
>
> 单次运行的差值里混着机器负载、CPU 频率、缓存状态的噪声；在共享机器上，先连跑 10 次旧版再连跑 10 次新版，未改动的 `Split` 曾经“快了 70%”（见 `data/README.md`）。三条规则：两版 **交替** 运行；每版至少 `-count 10`；用 benchstat 的检验结果（而不是肉眼比平均值）决定是否阻断发布。U 检验只看排名，样本太少时无论差别多大 p 值都降不到 0.05——究竟要几次，本节的实验会让你用录制算出来。""")

md("""#### 小结

- `go test -race` 的报告 = 两次冲突的访问（读/写、goroutine、栈）+ 相关 goroutine 的创建栈；`go test` 下测试函数运行在自己的 goroutine 里。检测器只能发现实际发生的并发访问，结果正确不代表没有竞争。
- `-race` 时覆盖率模式默认是 `atomic`；百分比与 `set` 相同。门禁应当比较 **语句总覆盖率的精确值**（84.96% 打印成 85.0% 但不通过）；按函数的下限是另一条更严的规则。
- 性能门禁用 benchstat：中位数 ± 95% 置信区间，U 检验的 p 值，“~”表示没有证据；两版交替、多次运行；在嘈杂的机器上优先用 B/op、allocs/op。

#### 实验与思考题

实验：每题都用课程库读一份录制来回答，`Lab.Hint` 给出分级提示。""")

lab("05.3-race-reader")

lab("05.3-cover-missing")

lab("05.3-bench-runs")

md("""思考题：

1. 给 `Counter` 加一把 `sync.Mutex` 能消除报告 1；用 `atomic.AddInt64` 也能。`Peek` 的竞争该怎样修——把读移到 `wg.Wait()` 之后，还是给 `Flag` 加锁？两种修法的语义有什么不同？
2. 一个包的覆盖率从 87% 降到 86%，门禁仍然通过。要不要再加一条“覆盖率不得比主干下降超过 1 个百分点”的规则？它会怎样影响删除死代码、添加新代码的提交？
3. 把 benchstat 放进流水线：对 `sec/op` 的“显著变慢”阻断发布，在共享的 CI 机器上会有多少误报？为什么 `allocs/op` 的门禁几乎没有误报？""")
