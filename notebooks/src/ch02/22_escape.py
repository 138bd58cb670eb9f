from nb import md, code, lab

# Section 2.2 (second half): escape analysis, read from the real compiler's -gcflags=-m output.
# The section heading "## 2.2" is written by 20_alloc.py (allocator half).

md("""### 逃逸分析：让编译器自己说

变量放在栈上还是堆上，不是运行时决定的，而是 **编译器的逃逸分析**（`cmd/compile/internal/escape`）在编译期决定的：如果一个值的地址可能在函数返回后仍被使用（返回给调用方、存进全局变量、交给另一个 goroutine、装进接口后传给未知代码……），它就必须分配在堆上，由 GC 管理；否则留在栈上，函数返回时随栈帧一起释放，零 GC 成本。

本节不“猜”逃逸结果，而是直接读 **真实编译器** 的诊断输出：`go build -gcflags=-m` 为每个决定打印一行。`data/go/escape/` 里有 56 个精心挑选的小函数（每个都带一行中文注释），`cases.json` 记录了 Go 1.19 和 1.23 的编译器对每个关键行说了什么。下面先读取用 Go 1.19.8 录制的输出：""")

code("""using GoRuntimeLab.Escape;
using GoRuntimeLab.Charts.Escape;
using GoRuntimeLab.GoTool;
var cases = EscapeCaseTable.Load("../data/go/escape/cases.json");
var recorded = EscapeParser.ParseFile("../data/recordings/escape/cases-go1.19-m1.txt");
recorded""")

md("""每一行输出被解析成一个 `EscapeFinding`（文件、行、列、类别、对象名）。类别对应编译器的原话：

| 类别 | 编译器原话 | 含义 |
|---|---|---|
| `movedToHeap` | `moved to heap: x` | **具名变量** x 被放到堆上 |
| `escapesToHeap` | `new(int) escapes to heap` | 一个 **分配表达式**（new、&T{}、make、字面量、闭包、装箱）在堆上分配 |
| `doesNotEscape` | `make([]byte, 4096) does not escape` | 留在栈上 |
| `leakingParam` | `leaking param: p` | 参数 p 的值流向堆，调用方传入的对象必须在堆上 |
| `leakingParamContent` | `leaking param content: q` | 只有 *q（参数指向的内容）流向堆 |
| `leakingParamToResult` | `leaking param: p to result ~r0 level=0` | p 只流向返回值，是否逃逸由调用方决定 |

下图按函数汇总（鼠标悬停可看到具体的变量或表达式）：""")

code("""var rows = EscapeByFunction.Tabulate(recorded, GoFunctionIndex.FromPath("../data/go/escape"));
EscapeCharts.Heatmap(rows, "data/go/escape 的逃逸分析结果（go1.19.8，-gcflags=-m）")""")

md("""### 为什么逃逸：`-gcflags=-m=2` 的数据流解释

`-m=2` 会为每个堆上的决定打印一条 **数据流路径**：`flow: 目标 = 来源`，其中 `&` 表示取地址、`*` 表示解引用，`from … (原因) at 位置` 说明这一步来自哪条语句。逃逸分析的核心规则就是：**如果某个位置的地址（derefs = -1）流到了一个比它活得更久的位置（堆、返回值、外层函数的变量），它就必须上堆**。

看 `ReturnLocalAddr` 中的 `return &x`：""")

code("""var explained = EscapeParser.ParseFile("../data/recordings/escape/cases-go1.19-m2.txt");
var movedX = explained.At("pointers.go", 17).Single(f => f.Kind == EscapeKind.MovedToHeap);
EscapeCharts.Flow(movedX)""")

md("""`flow: ~r0 = &x` 说的正是：x 的地址（`&x`）流到了返回值 `~r0`，而返回值比函数活得久，所以 x 被移到堆上。再看一个闭包：`Counter` 返回的闭包修改了 `n`，所以 n 被 **按引用捕获**（`capturing by ref`），闭包逃逸，n 跟着上堆：""")

code("""explained.Findings.Where(f => f.File.EndsWith("closures.go") && f.Line is >= 4 and <= 10).Select(f => f.RawText).AsTable()""")

md("""### 对照真实 Go：现场编译

下面的单元格在 **本机有 Go 时现场运行** `go build -gcflags=-m`（把 `data/go/escape` 复制到临时目录后编译），没有 Go 时回放上面 Go 1.19.8 的录制；它先打印一行说明这次结果来自哪个 Go。随后把每个案例的结论与 `cases.json` 对比：`cases.json` 只有 Go 1.19 和 1.23 两列，本机 Go 比 1.23 新时按 1.23 那一列比较。空列表表示完全一致；如果你的 Go 是 1.25 或更新，列表里会出现 `MakeVariable` 之类的案例——这正是下面“规则小结”所说的版本差异，不是解析错误。""")

code("""var live = await EscapeRunner.RunOrReplayAsync("../data/go/escape", 1, "../data/recordings/escape/cases-go1.19-m1.txt");
var isLive = live.Source.StartsWith("live ");
var version = isLive ? GoToolchain.Find()!.Version : GoVersion.Go1_19;
var column = version.AtLeast(GoVersion.Go1_23) ? "1.23" : "1.19";
display(isLive ? $"本次结果：本机 {GoToolchain.Find()!.Description} 现场编译，与 cases.json 的 {column} 列比较"
               : $"本次结果：本机没有 Go，回放 Go 1.19.8 的录制，与 cases.json 的 {column} 列比较");
display(live.ToString());
cases.Where(c => c.ActualIn(live) != c.ExpectedFor(version)).AsTable()""")

md("""Go 1.19 与 1.23 的结论（`cases.json` 的两列）**完全相同**，区别只在打印方式：1.23 打印常量折叠后的表达式（`make([]byte, 65536)`，1.19 是 `make([]byte, 64 << 10)`），列号也有几处不同。课程还用编译器自带的 `test/escape*.go`（1.19 的 23 个文件、1483 条 `// ERROR` 正则；1.23 的 25 个文件、1661 条）校验了解析器：每条期望都找到了匹配的诊断，也没有多出来的诊断。

### 规则小结（都能在上面的图里找到例子）

下表是 **Go 1.19 与 Go 1.23 编译器** 的行为（`cases.json` 的两列，两个版本在这些案例上完全相同）。逃逸分析是编译器的实现细节，不是语言规范，规则会随版本变化——最后三行的大小规则就是例子，表中写明了它们出自哪个版本的哪个常量。

| 规则（Go 1.19 / 1.23） | 例子 | 结论 |
|---|---|---|
| 地址流到比自己活得久的地方 | `ReturnLocalAddr`、`StoreGlobal`、`ChanSendPointer` | moved to heap |
| 取地址本身不逃逸 | `LocalPointerOnly`、`NewNoEscape` | does not escape |
| 装进接口并传给未知代码（`fmt.Println`） | `PrintInt`、`AssignInterface` | 装箱的副本 escapes to heap |
| 编译器能看出具体类型（去虚拟化） | `StringerLocal` | does not escape |
| 闭包修改外部变量 ⇒ 按引用捕获 | `Counter`、`GoroutineCapture` | 变量 moved to heap |
| 闭包只读小变量 ⇒ 按值捕获 | `CaptureByValue`、`GoroutineByValue` | 变量留在栈上，闭包本身逃逸 |
| `go` 语句、循环中的 `defer` | `GoroutineCapture`、`DeferInLoop` | func literal escapes to heap |
| `make` 大小不是常量（1.19/1.23 一律上堆；**Go 1.25 起** 不逃逸的小切片可以放在栈上的一小块缓冲区里，见 go.dev/issue/73253 讨论的 CL 653856） | `MakeVariable` | 1.19/1.23：escapes to heap |
| 隐式分配（make/new/&T{}）> 64 KiB（1.19/1.23 的 `ir.MaxImplicitStackVarSize`） | `MakeOver64K`、`NewOver64K` | escapes to heap |
| 显式变量 > 10 MiB（1.19/1.23 的 `ir.MaxStackVarSize`） | `ArrayVarOver10MiB` | moved to heap |
| 存进 map 的指针 | `MapStorePointer` | moved to heap |""")

md("""### 常见误区

> **误区 1：“`return &x` 时 `-gcflags=\\"-m\\"` 会输出 `./main.go:3:2: &x escapes to heap`”**（课程文本 2.2 节）
>
> 真实编译器对 **具名变量** 说的是 `moved to heap: x`，位置是 x 的 **声明**，不是 `&x` 表达式；`… escapes to heap` 只用于分配表达式（`new(int)`、`&Node{...}`、`make(...)`）。下面是 Go 1.19.8 对 `ReturnLocalAddr` 的原始输出（1.23.5 相同）：""")

code("""recorded.At("pointers.go", 17).Select(f => f.RawText).AsTable()""")

md("""> **误区 2：“`make` 出来的切片都在堆上”。** 常量大小、不离开函数的 `make([]byte, 4096)` 在栈上（`does not escape`）。在本课程录制的 Go 1.19 与 1.23 里，界限是：**隐式分配** 不超过 64 KiB（`ir.MaxImplicitStackVarSize`，65536 字节仍在栈上，65537 就上堆），**显式声明的变量** 不超过 10 MiB（`ir.MaxStackVarSize`），而大小不是常量的 `make` 一律上堆。这些是 **编译器版本的事实**，不是永久的规则：Go 1.25 起，大小不是常量、但不逃逸的小 `make` 也可以分配在栈上。下面是 Go 1.19.8 的原始输出：""")

code("""new[] { ("sizes.go", 5), ("sizes.go", 11), ("sizes.go", 17), ("sizes.go", 23), ("sizes.go", 49) }
    .SelectMany(p => recorded.At(p.Item1, p.Item2)).Select(f => f.RawText).AsTable()""")

md("""> **误区 3：“`make([]T, 0, cap)` 预分配就能避免扩容逃逸”。** 只说对了一半：`AppendLocal` 中常量容量的 `make([]int, 0, 4)` 确实 `does not escape`；但 append 超出容量时，运行时的 `growslice` 会在 **堆上** 分配新数组——这一步 `-m` 根本不报告。而容量若是变量（`make([]T, 0, n)`），初始数组本身就会逃逸（见 `MakeVariable`）。
>
> **误区 4：“`-gcflags=-m`（或 `-l`）作用于整个程序”。** `-gcflags=标志` 只作用于命令行上点名的包；要作用于所有依赖（包括标准库），要写 `-gcflags=all=-m`。证据：上面的输出里只有本包的文件，`fmt` 包内部的逃逸决定一条也没有（`inlining call to fmt.Println` 是本包里的调用点）：""")

code("""recorded.Findings.Select(f => f.File).Distinct().AsTable()""")

md("""### 小结

- 逃逸分析在 **编译期** 完成；用 `go build -gcflags=-m` 读编译器的决定，用 `-m=2` 看它的理由（数据流路径）。
- 具名变量上堆时编译器说 `moved to heap: x`；分配表达式说 `… escapes to heap`；参数说 `leaking param…`。
- 上堆的原因都是同一条规则：**地址流到了比它活得久的位置**；在 Go 1.19/1.23 里再加上两个大小上限（隐式 64 KiB、显式 10 MiB）和“大小非常量”。这几条是编译器版本的事实（Go 1.25 起小的变长 `make` 可以留在栈上），换版本要重新用 `-m` 核对。
- `-m` 只覆盖命令行上的包；运行时的扩容（growslice）不在 `-m` 输出中。

### 实验

实验 02.2-escape-kind 问编译器对一个参数报告哪一类；实验 02.2-no-heap 请你改写一个函数，让它内部 **什么都不上堆**（提示：看看规则小结里 `make` 的那几行）。后者有 Go 时会真的编译你的答案，没有 Go 时按录制中编译器的规则检查（结果里会注明）。""")

lab("02.2-escape-kind", note="把 null 换成 EscapeKind 的一个值，例如 EscapeKind.LeakingParam")

lab("02.2-no-heap", note="把 null 换成完整的 Go 源码字符串（\"\"\"package main ... \"\"\"）")
