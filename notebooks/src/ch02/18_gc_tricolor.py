from nb import md, code, lab

# 2.1 subsection — 三色标记与混合写屏障 (model: lib/GoRuntimeLab/Gc/Mark, chart: lib/GoRuntimeLab.Charts/Gc/TriColorCharts.cs).

md("""### 三色标记与混合写屏障

Go 的标记阶段与程序（mutator）**同时运行**。收集器用三种颜色记账：

- **白色**：还没有被标记；清扫（sweep）时仍是白色的对象会被释放；
- **灰色**：已标记、在工作队列（gcWork）里等待扫描——`greyobject` 把对象变灰；
- **黑色**：已扫描完它的所有指针字段（`scanobject`），或者是在标记期间新分配的对象（`gcmarknewobject`：**新对象直接是黑色**）。

一轮 GC 的阶段（`runtime/mgc.go`）：清扫终止（STW，`gcMarkRootPrepare` 只 *统计* 根任务，`setGCPhase(_GCmark)` 打开写屏障）→ 并发标记（后台 worker 执行 `markroot` 根任务：先是全局变量块，再是 **每个 goroutine 的栈各扫描一次**，扫描时只暂停那一个 goroutine；然后 `gcDrain` 不断取出灰色对象扫描）→ 标记终止（STW：`gcMark` 确认灰色队列已空、根任务全部领完）→ 关闭写屏障，清扫白色对象。`gcMarkRootCheck`（逐个 goroutine 确认栈都扫描过）只是 **调试检查**：只有设置 `GODEBUG=gccheckmark=1` 时才运行，源码注释说 goroutine 多时它很昂贵。模型默认也不做这一步，`MarkConfig.WithCheckMark()` 可以打开它。

危险在于：标记进行时，程序还在移动指针。如果程序把一个白色对象的唯一指针藏到已经扫描过（黑色）的地方，收集器就再也看不到它。**写屏障** 就是为此而生的。Go 1.8 起使用 **混合写屏障**（`runtime/mbarrier.go`）：每次向堆或全局变量写指针 `*slot = ptr` 时，`shade(*slot)`（Yuasa 删除屏障）并且 `shade(ptr)`（Dijkstra 插入屏障）——实现中两者都 **无条件** 执行。写栈上的局部变量 **没有** 屏障。

先亲手搭一个小对象图：一个全局变量 `cfg`，两个 goroutine（G1 有局部变量 a、b，G2 有 x），六个对象，其中 E、F 是垃圾。""")

code("""using GoRuntimeLab.Gc.Mark;
using GoRuntimeLab.Charts.Gc;
var graph = ObjectGraph.Builder().Global("cfg").Goroutine("G1", "a", "b").Goroutine("G2", "x")
    .Object("A").Object("B").Object("C").Object("D").Object("E").Object("F")
    .Pointer("cfg", "A").Pointer("G1.a", "A").Pointer("G1.b", "B").Pointer("G2.x", "D")
    .Pointer("A.next", "B").Pointer("B.next", "C").Pointer("E.next", "F").Build();""")

md("""接着让程序在标记期间做几件事（脚本里是类 Go 的语句，名字先在当前 goroutine 的局部变量里找，再找全局变量）：G1 的栈被扫描后，它执行 `c = b.next`（把 C 装进已经是黑色的栈）再 `b.next = nil`；G2 新分配一个对象 N1（黑色），把 D 挂上去，再丢掉自己的指针 `x = nil`。""")

code("""var script = MarkScript.Begin().GcUntilBlack("G1")
    .Run("G1", "c = b.next").Run("G2", "n = new").Run("G2", "n.next = x").Run("G2", "x = nil")
    .Run("G1", "b.next = nil");
var run = MarkSimulator.Run(graph, MarkConfig.Default, script);   // Default = Go 1.8+：混合写屏障
run""")

md("""每一步都是一个不可变的 `MarkState` 快照：阶段、颜色、灰色队列、这一步发生了什么。先看文字版（`TriColorText.Caption` 把模型的英文说明译成中文，Go 的函数名保持原样）：""")

code("""run.States.Select(TriColorText.Caption).AsTable()""")

md("""再看动画：拖动滑块逐步观察。方块是根（全局变量、goroutine 栈），圆点是堆对象；白/灰/黑就是三色；红色描边表示该对象此刻破坏了三色不变式，红色叉号表示被清扫释放。""")

code("""TriColorCharts.Steps(run, "混合写屏障 hybrid barrier (Go 1.8+)")""")

md("""注意第 `n.next = x` 那一步：写屏障把 D 涂灰（`shade(new D)`）；`b.next = nil` 那一步：写屏障把旧值 C 涂灰（`shade(old C)`）。最后只有真正的垃圾 E、F 被释放。

#### 关掉写屏障：丢失对象

经典反例（`MarkScenarios.LostObject()`）：G1 的栈已扫描，A 已是黑色、B 还是灰色、C 是白色，且 C 只被 B 指向。程序执行 `c = b.next; a.next = c; b.next = nil; c = nil`——把指向白色 C 的唯一指针搬进黑色的 A，再删掉灰色 B 的指针。没有写屏障时，收集器再也不会访问 C：""")

code("""var lost = MarkScenarios.LostObject(WriteBarrierMode.None).Run();
TriColorText.Violations(lost).AsTable()""")

code("""TriColorCharts.Steps(lost, "没有写屏障 no barrier: C 被错误释放")""")

md("""`MarkViolation` 指出了被错误释放的对象、它在清扫时仍然可达的路径（`G1.a → A.next → C`）、被破坏的不变式（弱三色不变式）以及破坏发生在哪一步（`b.next = nil`）。换成混合写屏障，同一个脚本就是安全的：""")

code("""MarkScenarios.LostObject(WriteBarrierMode.Hybrid).Run()""")

md("""#### 为什么 Go 1.8 要“混合”：栈上没有屏障

Go 1.5–1.7 只用 Dijkstra 插入屏障。栈写入没有屏障，于是一个栈已扫描的 goroutine 可以把白色对象的指针装进栈、再删掉堆里的指针——没有任何屏障看到这次“藏匿”。当时的解决办法是在标记终止（STW）时 **重新扫描所有栈**，停顿随 goroutine 数增长。提案 17503（eliminate rescan）加入删除屏障的那一半，使每个栈只扫描一次：""")

code("""var dijkstra = MarkScenarios.HiddenOnStack();                                   // Dijkstra，不重扫栈
var go17 = MarkScenarios.HiddenOnStack() with { Config = MarkConfig.For(new GoVersion(1, 7)) };
var go18 = MarkScenarios.HiddenOnStack() with { Config = MarkConfig.For(GoVersion.Go1_19) };
new[] { dijkstra.Run(), go17.Run(), go18.Run() }.Select(TriColorText.Summary).AsTable()""")

md("""反过来，只有删除屏障（Yuasa）也不够：一个 **还没被扫描**（灰色）的栈可以把唯一指针存进一个新分配的（黑色）对象，再丢掉局部变量——所以混合屏障在栈为灰色时还需要 `shade(ptr)`，实现里干脆无条件执行：""")

code("""new[] { WriteBarrierMode.YuasaDeletion, WriteBarrierMode.Hybrid }
    .Select(m => TriColorText.Summary(MarkScenarios.HiddenInNewObject(m).Run())).AsTable()""")

md("""#### 不是一个例子，而是一条性质

随机对象图 × 随机 mutator（加载、堆写、全局写、分配、丢弃栈引用）× 随机交错（包括 mutator 协助 `gcDrainN` 先扫堆对象）。N 个随机种子，混合写屏障下没有一个可达对象被回收；没有写屏障时则会出现丢失：""")

code("""int Lost(WriteBarrierMode mode) => Enumerable.Range(1, 200).Count(seed => !MarkSimulator.Run(
    ObjectGraph.Random(16, 40, 8, seed), MarkConfig.Default.WithBarrier(mode).WithSeed(seed).WithAssists().WithMutatorShare(0.7)).Safe);
new { 种子数 = 200, 混合屏障丢失 = Lost(WriteBarrierMode.Hybrid), 无屏障丢失 = Lost(WriteBarrierMode.None) }.AsTable()""")

md("""单元测试（`tests/GoRuntimeLab.Tests/Gc/Mark`）用 CsCheck 对每种设置跑数百个随机用例：混合屏障始终安全且弱三色不变式每一步都成立、每个栈恰好扫描一次、开始时就是垃圾的对象一定被回收；Dijkstra + 重扫栈（Go 1.5–1.7）安全且保持强三色不变式。

#### 对照真实 Go

标记颜色在用户程序里观察不到（运行时不导出它们），所以这一小节的“真实 Go”是 **源码本身**：模型里的每条规则都对应一段 Go 1.19 源码，测试逐条核对——

| 模型行为 | 真实 Go（Go 1.19 源码 `src/runtime`） |
|---|---|
| 清扫终止只统计根任务 | `mgcmark.go` `gcMarkRootPrepare`：`work.markrootJobs = fixedRootCount + nDataRoots + nBSSRoots + nSpanRoots + nStackRoots` |
| 根任务：全局变量块、每个栈一个任务 | `markroot`：`markrootBlock` / `scanstack`；`if gp.gcscandone { throw("g already scanned") }` |
| 标记终止核对 | `mgc.go` `gcMark`：`panic("non-empty mark queue after concurrent mark")`；`if debug.gccheckmark > 0 { gcMarkRootCheck() }`（`throw("scan missed a g")`），即只在 `GODEBUG=gccheckmark=1` 时运行 |
| 新对象为黑色 | `malloc.go`：`if gcphase != _GCoff { gcmarknewobject(...) }` |
| 写屏障两次着色、栈写入无屏障 | `mbarrier.go` 注释中的伪代码与 “Stack writes” 一节；`mwbbuf.go` 把新旧两个指针都放进缓冲区 |
| 灰色队列后进先出 | `mgcwork.go`：`put` 与 `tryGet` 操作同一个 `wbuf1` |

模型的简化：写屏障直接着色（真实 Go 先写入每个 P 的 `wbBuf`，满了或标记结束前再 `wbBufFlush`）；没有终结器、span 根任务、tiny 分配块和大对象分片（oblet）。""")

md("""> **常见误区（课程文本 2.1）**
>
> - “`gcMarkRoots()` 扫描全局变量、栈、寄存器等根对象”：运行时 **没有** `gcMarkRoots` 这个函数。真实的名字是 `gcMarkRootPrepare`（STW 中只统计根任务，不扫描）、`markroot`（并发执行一个根任务），以及只在 `GODEBUG=gccheckmark=1` 调试模式下、于标记终止时核对的 `gcMarkRootCheck`。
> - “`markroot()` 并发遍历灰色队列”：`markroot` 只执行 **一个根任务**（一个全局变量块或一个 goroutine 的栈）；遍历灰色队列的是 `gcDrain`/`gcDrainN` 里的 `scanobject`。
> - “启动 GC 时，所有对象初始为白色……白色对象最终被回收”：只说对了一半。标记期间 **新分配的对象直接是黑色**，本轮不会被回收（哪怕立刻变成垃圾）；而且没有写屏障，“白色对象被回收”会回收仍在使用的对象——上面的 `LostObject` 就是证据。文本的流程完全没有提到写屏障。
> - 流程图把“扫描根对象 → 灰队列”画成标记的第一步，却没有说明它是 **并发** 的：栈是逐个扫描的，每次只暂停被扫描的那个 goroutine（`suspendG`），不是 STW。下面的单元格验证：所有根任务都发生在并发标记阶段。""")

code("""run.States.Where(s => s.Kind == MarkStepKind.RootJob).Select(s => s.Phase).Distinct().AsTable()""")

md("""标记终止那一步的说明在默认设置与 `gccheckmark=1` 下不同（模型只在后者执行 `gcMarkRootCheck`，清扫的结果不变）：""")

code("""var withCheckMark = MarkSimulator.Run(graph, MarkConfig.Default.WithCheckMark(), script);
new[] { run, withCheckMark }.Select(r => TriColorText.Caption(r.States.First(s => s.Phase == MarkPhase.MarkTermination))).AsTable()""")

md("""#### 小结

- 三色标记 = 白（未访问）/ 灰（已标记待扫描）/ 黑（已扫描或新分配）；清扫释放白色对象。
- 并发标记必须有写屏障。Go 1.8+ 的混合写屏障对堆和全局变量的指针写入同时着色旧值和新值，栈写入无屏障，每个栈只扫描一次，不再需要 STW 重扫栈。
- 根任务由 `gcMarkRootPrepare` 统计、`markroot` 执行；`gcMarkRootCheck` 是 `GODEBUG=gccheckmark=1` 才打开的调试核对——不存在 `gcMarkRoots()`。

#### 实验与思考题

思考题：用 `MarkConfig.For(new GoVersion(1, 7))` 运行 `MarkScenarios.Tour()`（`Tour() with { Config = ... }`）：G1 的栈扫描了几次？这次额外的扫描发生在哪个阶段、为什么会拉长 STW 停顿？

实验：换成 Yuasa 删除屏障，是哪一步救下了 C？""")

lab("02.1-yuasa-step")
