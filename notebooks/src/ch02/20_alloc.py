from nb import md, code, lab

# Section 2.2 (first half): the heap allocator. The escape-analysis half follows in 22_escape.py.

md("""## 2.2 内存分配器与逃逸分析

逃逸分析（本节后半部分）决定一个值放在 **栈** 上还是 **堆** 上。这里先看另一半：值一旦上了堆，运行时的 `mallocgc`（`runtime/malloc.go`）把它放到哪里、实际收多少字节。

`mallocgc` 按对象的大小和“有没有指针”选择三条路径之一：

| 路径 | 条件 | 去处 |
|---|---|---|
| tiny 分配器 | 无指针且 < 16 B | 与其他小对象挤在同一个 16 字节块里（P 的 `mcache.tiny`） |
| 小对象 | ≤ 32 KiB（Go 1.22+：≤ 32760 B） | 向上取整到 67 个 **大小等级（size class）** 之一，从 P 的 `mcache` 中该等级的 span 里取一个槽 |
| 大对象 | 更大 | 独占一个按 8 KiB 页取整的 span（`mcache.allocLarge`） |

span 用完时依次向上求助：`mcache.refill` → `mcentral.cacheSpan`（每个 span class 一个）→ `mcentral.grow` → `mheap.alloc`（页堆）。下面的模型逐条对应这些函数，大小等级表直接取自 `runtime/sizeclasses.go`（1.19 与 1.23 完全相同，测试逐字比对过两个版本的源码）。""")

md("""### “我的对象去哪儿了？”计算器

改下面的参数再运行：`objectSize` 是对象的字节数（结构体大小，或 `make([]T, n)` 的 `n × sizeof(T)`），`hasPointers` 表示类型里是否含指针（指针、slice、map、string、interface 都算）。""")

code("""using GoRuntimeLab.Alloc;
using GoRuntimeLab.Charts.Alloc;
// 参数：修改后从这里往下重新运行
long objectSize = 1024;
bool hasPointers = true;
var goVersion = GoVersion.Go1_23;
SizeClasses.Lookup(objectSize, hasPointers, goVersion)""")

md("""**实时版**：输入对象大小、是否含指针（`true`/`false`）和 Go 版本，看它落在哪个大小等级（`golab alloc class`）。

<div data-golab-live="alloc class" data-golab-positional="size" data-arg-size="1024" data-arg-pointers="true" data-arg-go="1.23"></div>""")

code("""new[] { GoVersion.Go1_19, GoVersion.Go1_21, GoVersion.Go1_22, GoVersion.Go1_23 }
    .Select(v => AllocText.Lookup(SizeClasses.Lookup(objectSize, hasPointers, v))).AsTable()""")

md("""### 大小等级阶梯与浪费

每个小对象都被向上取整到最近的等级，所以“实际占用”是一条阶梯。阶梯每一级的起点（比上一级大 1 字节）浪费最多：这就是 `sizeclasses.go` 注释表里 *max waste* 一列的含义。

Go 1.22 起，**大于 512 B 的含指针对象** 在对象前多放一个 8 字节的类型指针（malloc header，`mbitmap.go`），而且是 **先加 8 再查等级**，所以恰好等于某个等级大小的含指针对象会跳到下一级（虚线）。完整的等级表：`SizeClasses.Rows`，或命令行 `golab alloc classes`。""")

code("""AllocCharts.Staircase(goVersion)""")

code("""AllocCharts.WasteBySize(goVersion)""")

md("""### tiny 分配器：16 字节块里的拼图

无指针、小于 16 字节的对象（小字符串、逃逸的 `int32`、`bool`……）不单独占一个 8 字节槽，而是按顺序塞进当前 P 的 16 字节块：大小是 8 的倍数时按 8 对齐，4 的倍数按 4 对齐，偶数按 2 对齐。放不下时取一个新块；**只有新块剩余空间更多时** 才替换当前块（`size < c.tinyoffset`）。下图是 `[1, 8, 4, 2, 5, 12, 3]` 字节依次分配的结果：12 字节的对象独占了新块，旧块仍是当前块，所以最后的 3 字节对象回到了块 1。""")

code("""var packed = TinyAllocator.Pack([1, 8, 4, 2, 5, 12, 3]);
AllocCharts.TinyBlocks(packed)""")

md("""代价是：一个块里只要还有一个对象活着，整个 16 字节都不能回收。`runtime.MemStats` 的 `Mallocs` 把每个 tiny 对象都算一次，`TotalAlloc` 却只按块（16 B）计，下面“对照真实 Go”会用到这一点。

### 分配器模拟：mcache → mcentral → mheap

`AllocationStream.RealisticMix` 生成一个类似服务端的分配序列（由种子决定，可复现）：三分之一是 tiny 对象，三分之一是含指针的小结构体，其余是 slice、缓冲区和少量大对象；大多数对象很快死亡，3% 一直存活。模型按 GOGC 在堆目标处触发 GC（简化：GC 瞬间完成、所有 span 立即清扫）。""")

code("""var mix = AllocationStream.RealisticMix(seed: 1, count: 20_000);
var run = AllocatorModel.Run(mix, AllocatorConfig.Default.WithProcs(2).WithVersion(goVersion));
run""")

code("""AllocCharts.HeapOverTime(run)""")

code("""AllocCharts.SpansPerClass(run)""")

md("""小对象的等级每次 `refill` 能连续服务几十到上百次分配（一个 8 KiB span 能装 1024 个 8 B 对象），大一些的等级一个 span 只装几个对象，`refill` 就频繁得多。大对象每次都直接找页堆（图中不显示）。最后看堆里的字节都去了哪里：""")

code("""AllocCharts.WasteBreakdown(run)""")

md("""### 对照真实 Go

`data/go/sizeclass` 是一个只用标准库的 Go 程序：对 0…32768 的每个大小（含指针的取 8 的倍数）和一些大对象，各分配一批，用 `runtime.MemStats` 的 `TotalAlloc`、`Mallocs` 差值测出运行时 **实际收取** 的字节数。`data/recordings/alloc/` 中是用 Go 1.19.8 和 Go 1.23.5 在 2 核 Debian 12 虚拟机上的录制（各 3 万多行）。

测试逐行检查：每一行都与模型完全相等（tiny 大小按“每块 16 B、从空块开始”的计数比较）。这里抽几个大小看：""")

code("""var real = new[] { "1.19", "1.23" }.Select(v => ChargeRecording.Read($"../data/recordings/alloc/sizeclass-go{v}.txt")).ToList();
(long Size, bool Pointers)[] probes = [(5, false), (200, false), (208, true), (512, true), (1024, false), (1024, true), (32760, true), (100_000, false)];
real.SelectMany(r => probes.Select(p => r.Compare(p.Size, p.Pointers))).AsTable()""")

md("""1024 字节的含指针对象：Go 1.19 收 1024 B，Go 1.23 收 **1152 B**（1024 + 8 字节 header = 1032，落入 1152 等级）；无指针的 1024 B 两个版本都是 1024 B。两份录制只在“含指针、大于 512 B、且恰好处于等级边界”的 40 个大小上不同，与模型预测的完全一致：""")

code("""real[0].Samples.Zip(real[1].Samples).Count(p => p.First.TotalAlloc != p.Second.TotalAlloc)""")

md("""> **常见误区：“切片预分配不足 → 用 `make([]T, 0, cap)` 避免扩容逃逸”**
>
> 课程文本把“扩容”和“逃逸”混为一谈。扩容不是逃逸：`append` 超出容量时，运行时的 `growslice`（`runtime/slice.go`）调用 `mallocgc` **重新分配** 一个更大的底层数组并复制旧数据；新容量还会按本节的大小等级取整（`growslice` 里的 `roundupsize`）。预分配的好处是 **少分配、少复制**，而不是“避免逃逸”——底层数组放在栈上还是堆上由逃逸分析决定（见本节后半部分）。
>
> 另外，“对象有多大就占多少内存”也不成立：见上面的阶梯图和浪费图，以及 Go 1.22+ 含指针对象的 8 字节 header。

### 小结

- 堆上的对象走三条路径：tiny（无指针、< 16 B，16 字节块拼装）、小对象（67 个大小等级）、大对象（整页）。
- 实际占用 = 等级大小；Go 1.22+ 中大于 512 B 的含指针对象先加 8 字节 header 再取整。
- 分配的快路径是每个 P 自己的 `mcache`，无锁；span 用完才去 `mcentral`，再不够才向 `mheap` 要页。
- 这些都能用真实运行时的 `MemStats` 逐字节验证。

### 实验

把 `answer: null` 换成你的答案再运行；可以先用上面的计算器试别的大小，再回答。""")

lab("02.2-size-class")

lab("02.2-header-576")

md("""思考题：把模拟的 `WithProcs(2)` 改成 `WithProcs(8)`：`refill` 次数和峰值 span 数怎样变化？为什么每个 P 都有自己的 span？""")
