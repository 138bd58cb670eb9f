from nb import md, code, lab

# 2.5 defer: kinds, open-coding eligibility, measured costs. Library: GoRuntimeLab.Defer, charts: GoRuntimeLab.Charts.Defer.

md("""## 2.5 defer 机制开销分析

`defer` 有三种实现，由 **编译器** 在编译期为每条 defer 语句选定，`go build -gcflags=-d=defer` 会逐条打印选择结果：

| 形态 | `-d=defer` 打印 | 做了什么 | 引入版本 |
|---|---|---|---|
| open-coded | `open-coded defer` | 在栈帧里的 1 字节 `deferBits` 中置位，在每个出口直接调用被延迟的函数；panic 时靠 FUNCDATA 找到它们 | Go 1.14 |
| stack-allocated | `stack-allocated defer` | 调用 `runtime.deferprocStack`，`_defer` 记录放在当前栈帧里 | Go 1.13 |
| heap-allocated | `heap-allocated defer` | 调用 `runtime.deferproc`，每执行一次取一个 `_defer` 记录（来自每个 P 的缓存池，池空时才堆分配） | 最早的实现 |

选择规则（Go 1.19 与 1.23 源码相同，1.23 另加 range-over-func）：只要下列任何一条成立，**整个函数** 都不能用 open-coded，此时循环里的 defer 是 heap-allocated，其余是 stack-allocated：

- defer 语句超过 8 条（`walk.walkStmt`：`NumDefers > maxOpenDefers`，因为 `deferBits` 只有 1 字节）；
- 有 defer 位于循环中（`escape.goDeferStmt`：`loopDepth > 1`，向回跳的 `goto` 也算循环）；
- `return 语句数 × defer 数 > 15`（`ssagen.buildssa`：每个出口都要展开一份延迟调用）；
- `-gcflags=-N`、`-race`、`-d=noopendefer`，或某个返回值被分配在堆上（`ssagen.buildssa`）。""")

code("""using GoRuntimeLab.Defer;
using GoRuntimeLab.Charts.Defer;
// 参数：修改后从这里往下重新运行
var defers = 2; var returns = 8; var inLoop = false; var noOpt = false; var goVersion = GoVersion.Go1_23;""")

md("""### 资格检查器

按上面的参数描述一个函数，让模型像编译器一样给出每条 defer 的形态，以及起决定作用的规则（引用对应的 Go 函数）。把 `returns` 改成 7、把 `inLoop` 改成 `true` 试试。""")

code("""var shape = FunctionShape.Of(defers, returns).WithOptimizationsDisabled(noOpt);
if (inLoop) shape = shape.WithDeferInLoop(0);
var verdict = DeferClassifier.Classify(shape, goVersion);
verdict""")

md("""### 对照真实 Go

`data/go/defer/main.go` 为每条规则准备了一个小函数（1 个 defer、8 个与 9 个、循环中、goto 循环、2 个 defer × 7/8 个 return、堆上的返回值、闭包里的 defer、条件 defer、recover……），`cases.json` 写明每个函数的形状。下面把模型的判断与 Go 1.23.5 编译器的真实输出逐条对照（✓ 表示一致；测试对 Go 1.19.8 和 1.23.5、默认/`-N`/`-race`/`-d=noopendefer` 四种构建全部检查）。表中略去了 `nineDefers`：它留给本节末尾的实验 02.5-nine-defers。""")

code("""var cases = DeferCases.Load("../data/go/defer");
var recorded = DeferDebugOutput.Read("../data/recordings/defer/d-defer-default-go1.23.5.log");
DeferCases.Compare(cases, recorded, "default", GoVersion.Go1_23).Where(r => r.Case.Name != "nineDefers").Select(r => new { 一致 = r.Agrees ? "✓" : "✗", 函数 = r.Case.Name,
    模型 = string.Join(", ", r.Classification.Kinds.Select(DeferClassifier.GoName)),
    真实_Go_1_23_5 = string.Join(", ", r.Recorded.Select(k => k is null ? "-" : DeferClassifier.GoName(k.Value))) }).AsTable()""")

md("""### 实测开销

`data/go/defer/bench` 里的基准测试成对出现，每对只差 defer 本身：直接调用 vs 1 个 open-coded；两个直接调用 vs 两个 open-coded / 两个 stack-allocated（8 个 return 迫使其不能 open-coded）；循环 100 次的直接调用 vs 循环 100 次 defer（heap-allocated）。每个基准在 2 核虚拟机上以 `-count 6 -benchmem`（GOMAXPROCS=2）分别用 Go 1.19.8 和 1.23.5 运行；柱子是中位数之差除以 defer 个数，误差线是 6 次运行的极值范围。录制时机器上还有其他编译任务，所以请看数量级，不要看小数点。""")

code("""var bench19 = GoBenchOutput.Read("../data/recordings/defer/bench-go1.19.8.log");
var bench23 = GoBenchOutput.Read("../data/recordings/defer/bench-go1.23.5.log");
DeferCharts.CostPerKind([("go1.19.8", DeferBenchmarks.Costs(bench19)), ("go1.23.5", DeferBenchmarks.Costs(bench23))])""")

md("""> **常见误区：“循环中的 defer 比移到循环外慢 37 倍”**
>
> 课程原文说 `for` 循环里的 `defer func(x int) { _ = x }(i)` “实测比移入循环外慢 37×”，但没有说和什么比。倍数完全取决于基线：和内联后几乎为零的循环体（`counter++`）比，倍数很大；和一次真正的（未内联的）函数调用比，倍数要小得多。下图按基线分别给出实测倍数，虚线是课程声称的 37×。更有用的是绝对开销：open-coded ≈ 0，stack-allocated 与 heap-allocated 每个 defer 各需若干到几十纳秒（见上图）。""")

code("""DeferCharts.LoopRatios([("go1.19.8", DeferBenchmarks.LoopRatios(bench19)), ("go1.23.5", DeferBenchmarks.LoopRatios(bench23))])""")

md("""#### 先问“做什么”，再问“多贵”：循环里的 defer 在 **函数返回时** 才执行

开销只是次要问题。`defer` 的语义是：延迟的调用在 **外层函数返回时** 按后进先出的顺序执行，而不是在本次循环迭代结束时。所以

```go
for _, name := range names {
    f, err := os.Open(name)
    if err != nil { return err }
    defer f.Close()          // 不会在这次迭代结束时关闭
    // ... 读 f ...
}
// 所有文件一直打开到函数返回
```

会让 **所有** 文件一直开着，直到函数返回：文件多时会耗尽文件描述符（`too many open files`）；换成 `mu.Lock(); defer mu.Unlock()`，锁会一直持有到函数结束，下一次迭代再 `Lock` 同一把锁就会 **死锁**。这也解释了上一节的编译器规则：一条在循环里的 defer 可能要记住任意多次调用，一个栈帧里的固定槽位放不下它们，所以只能是 heap-allocated（`runtime.deferproc`），每次迭代登记一条 `_defer` 记录，函数返回时一次性执行。

常用的两种改法：

1. **每次迭代一个函数**：把循环体提取成函数（或立即调用的函数字面量），defer 就在每次迭代结束时执行；这个小函数里只有一条顶层 defer，还能 open-coded：

   ```go
   for _, name := range names {
       if err := processFile(name); err != nil { return err }
   }
   func processFile(name string) error {
       f, err := os.Open(name)
       if err != nil { return err }
       defer f.Close()       // 每个文件处理完就关闭
       // ... 读 f ...
       return nil
   }
   ```
2. **显式关闭**：不用 defer，在本次迭代用完后直接 `f.Close()` / `mu.Unlock()`。要注意每一条提前 `return`、`continue` 和 panic 路径都不能漏掉关闭——这正是 defer 原本替你做的事，所以循环体复杂时第 1 种更稳妥。

用资格检查器对照两种写法的形态：循环里 2 条 defer 的函数，和每次迭代调用的、只有 1 条 defer 的小函数：""")

code("""new[] { FunctionShape.Of(2, 1).WithDeferInLoop(0), FunctionShape.Of(1, 2) }
    .Select(s => DeferText.Verdict(DeferClassifier.Classify(s, goVersion))).AsTable()""")

md("""> **常见误区：课程中的其他说法**
>
> - “open-coded 仅适用于参数已知、无闭包、调用栈深度 ≤ 8 的场景”：**不对**。上面的 `recoverDefer`（延迟一个捕获返回值的闭包）和 `mutexUnlock` 都是 open-coded；8 指的是 **一个函数里 defer 语句的条数**，与调用栈深度无关。
> - “stack-allocated 受限于固定大小缓冲区（默认 8 个）”：**不对**。8 条的限制属于 open-coded（`deferBits` 只有 1 字节）；stack-allocated 的 `_defer` 记录各自放在栈帧里，没有这样的缓冲区。超过 8 条的 `nineDefers` 到底是什么形态？做本节末尾的实验 02.5-nine-defers，答案来自 Go 1.19.8 的真实录制。
> - “`i` 非常量，禁用 open-coded”：**不对**。禁用它的是“defer 在循环里”这条规则（`loopBeforeDefer` 里循环在 defer 之前，照样 open-coded），参数是不是常量无关紧要。
> - “每次分配 defer 结构 + 闭包”：`_defer` 记录来自每个 P 的缓存池，`Loop100Defer` 每次操作 0 次分配；真正分配的是 **闭包**：课程那个带参数的函数字面量在循环里被延迟，每次迭代 1 次分配（看下面的 allocs/op）。""")

code("""new[] { bench23.Summary("Loop100Defer"), bench23.Summary("CourseLoop100Defer") }.AsTable()""")

md("""### 小结

- defer 的形态在 **编译期** 按函数决定：open-coded 的开销与直接调用几乎相同；不满足条件时退回 stack-allocated（`deferprocStack`）或循环中的 heap-allocated（`deferproc`）。
- 决定性的条件是：≤ 8 条 defer、没有 defer 在循环里、`return 数 × defer 数 ≤ 15`、优化开启且不加 `-race`、返回值不在堆上。闭包、recover、条件 defer 都不影响。
- 循环里的 defer 在 **函数返回时** 才执行：文件、锁、连接会一直占到函数结束；改成每次迭代调用一个小函数，或在迭代内显式关闭。
- 性能结论要带基线：“慢 N 倍”没有基线就没有意义，应当报告每个 defer 的绝对纳秒数和测量条件。
- 想知道自己的函数用了哪种 defer：`go build -gcflags=-d=defer`，或 `golab defer classify --defers N --returns R`。

### 实验

先预测，再用资格检查器或录制验证。""")

lab("02.5-max-returns")

lab("02.5-nine-defers")

md("""思考题：有 Go 时，把 `twoDefersEightReturns` 的一个 `case` 删掉，用 `go build -gcflags=-d=defer` 验证你对实验 02.5-max-returns 的推理。""")
