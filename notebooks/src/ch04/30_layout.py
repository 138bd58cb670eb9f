from nb import md, code, lab

# 4.3 — 结构体内存布局与伪共享 (models: lib/GoRuntimeLab/Layouts, recordings: data/recordings/layout).

md("""## 4.3 结构体内存对齐与缓存行填充：减少伪共享

Go 编译器 **不会重排** 结构体字段：字段按声明顺序排列，每个字段的偏移是它对齐值的倍数，中间不够的地方补填充（padding）；结构体的大小再向上取整到最大对齐值的倍数。课程库的 `GoLayout` 解析 Go 源码里的类型声明，按编译器 `cmd/compile` 的规则（amd64：指针 8 字节、最大对齐 8）计算每个字段的偏移，并按 `fieldalignment` 分析器的排序给出最优顺序；偏移、大小和对齐与真实编译器对 120 个生成类型的 `unsafe.Sizeof/Alignof/Offsetof` 录制（`data/recordings/layout`）逐个核对过。""")

code("""using GoRuntimeLab.Layouts;
var order = GoLayout.Analyze(@"package shop
type Order struct {
    Paid   bool
    ID     int64
    Flag   bool
    Price  float64
    Qty    int32
    Status uint8
}")["Order"];
order.Fields.Select(f => new { 字段 = f.Name, 类型 = f.Type, 偏移 = f.Offset, 大小 = f.Size, 对齐 = f.Align, 前面的填充 = f.PaddingBefore }).AsTable()""")

code("""new { 大小 = order.Size, 对齐 = order.Align, 填充字节 = order.Padding, 最优大小 = order.Optimal.Size, 可省 = order.Saving, 最优顺序 = string.Join(", ", order.Optimal.Order) }.AsTable()""")

md("""40 字节里有 17 字节是填充。按对齐从大到小重排（两个 8 字节字段在前，`int32` 次之，两个单字节字段在后）只要 24 字节——一个有百万元素的 `[]Order` 因此少用 16 MB，每条 64 字节缓存行也能多装下一些元素。

### 哪些字段落在同一条缓存行

CPU 以缓存行（x86-64 上 64 字节）为单位在核之间同步数据。两个 goroutine 在不同的核上分别写 **同一条缓存行里的两个不同字段**，这条行就会在两个核的缓存之间来回失效，这就是伪共享（false sharing）。`CacheLines()` 列出每条缓存行上有哪些字段、哪些字段共用一条行：""")

code("""var stats = GoLayout.Analyze(@"package stats
type Stats struct {
    Hits   uint64
    Misses uint64
    _      [48]byte
    Errors uint64
}
type PaddedCounter struct {
    Value uint64
    _     [56]byte
}")["Stats"];
var lines = stats.CacheLines();
lines.Lines.Select(l => new { 缓存行 = l.Index, 起始 = l.Start, 字段 = string.Join(", ", l.Fields) }).AsTable()""")

code("""new { Hits与Misses同行 = lines.Share("Hits", "Misses"), Misses与Errors同行 = lines.Share("Misses", "Errors") }.AsTable()""")

md("""`Hits` 和 `Misses` 在第 0 行：如果它们由不同 goroutine 高频更新，就会伪共享；`Errors` 被 48 字节的填充推到了第 1 行。

### 真实测量：填充到底快多少

`data/go/falseshare` 让 g 个 goroutine 各自递增自己的计数器（`atomic.AddUint64` 或普通 `*p++`），计数器要么紧挨着（`unpadded`），要么各自填充到 64 或 128 字节。下表是本机（**只有 2 个核**）上 `go test -bench` 每组 10 次的中位数，“相对未填充”是吞吐量之比：""")

code("""var fs = FalseSharingRecording.Read("../data/recordings/layout/falseshare-go1.19.8.txt");
new { 核数 = fs.Cores, 机器 = fs.Machine, 录制前负载 = fs.LoadBefore }.AsTable()""")

code("""fs.Rows.Where(r => r.Goroutines == 2).Select(r => new { 操作 = r.Op, 布局 = r.Layout, 协程 = r.Goroutines, 中位_ns每次 = r.MedianNsPerOp, 百万次每秒 = Math.Round(r.MopsPerSecond, 1),
    相对未填充 = Math.Round(r.VsUnpadded, 2), 最快一次之比 = Math.Round(r.BestVsUnpadded, 2) }).AsTable()""")

md("""所有组合（1、2、4 个 goroutine）画在一张图里，柱高是相对未填充的倍数（未填充恒为 1）：""")

code("""using GoRuntimeLab.Charts.Layouts;
LayoutCharts.FalseSharing(fs)""")

md("""> **常见误区（课程文本 4.3）**
>
> - 课程表格里的“12.3 → 89.7 百万 ops/s”（约 7 倍）没有说明机器、核数、操作和测量方法，无法复现。上面是实测：在这台 2 核机器上，2 个 goroutine 做 `atomic.AddUint64` 时，未填充约 74 百万次/秒，填充到 64 字节后约 3.5 倍；普通 `*p++` 的倍数在 0.86 到 2.35 之间摆动——录制前机器负载很高（见上面的负载一行），没有原子操作的递增又短到对调度和编译器优化都很敏感。倍数取决于核数、CPU 型号、操作和机器负载，要在自己的目标机器上用 `go test -bench -count` 多次测量。
> - 示例用的是 C 的 `uint64_t` 和 `char _pad[56]`：**Go 没有 `uint64_t`**，对应的类型是 `uint64`，填充写成 `_ [56]byte`。
> - “56 字节填充强制后续实例的起始地址对齐到 64 字节”：不成立。填充只让结构体变成 64 字节大，它的 **对齐仍是 8**（见下一个单元格），数组元素之间相隔 64 字节，所以两个元素的 `Value` 不会落在同一行——但起始地址并不保证在行边界上。""")

code("""var padded = GoLayout.Analyze(@"package stats
type PaddedCounter struct {
    Value uint64
    _     [56]byte
}")["PaddedCounter"];
new { padded.Size, padded.Align }.AsTable()""")

md("""#### 小结

- Go 按声明顺序布局字段，填充由对齐决定；把字段按对齐从大到小排列通常能消除大部分填充（`fieldalignment` 给出的最优顺序）。
- 伪共享只发生在 **不同核同时写** 同一缓存行的不同数据时；只读的字段、同一个 goroutine 写的字段放在一起没有问题。
- 填充的收益要实测：本机 2 核上原子递增约 3.5 倍，不是课程所说的 7 倍；填充也有代价（内存变大、缓存能装下的数据变少）。
- Go 里的写法是 `uint64` 和 `_ [N]byte`；填充决定的是大小，不是对齐。

#### 实验与思考题

实验：先手算，再用 `GoLayout.Analyze` 核对。""")

lab("04.3-size-386")

lab("04.3-optimal-size")

lab("04.3-cache-line")

md("""思考题：

1. 一个按 CPU 分片的计数器 `[]PaddedCounter`，分片数该取 `GOMAXPROCS` 还是更多？每个 goroutine 怎样选择自己的分片？
2. `Order` 的最优顺序省下了 16 字节。什么情况下你宁愿保留原来的字段顺序（可读性、与序列化格式或 C 结构体对齐、把一起读写的字段放在一起）？
3. 在一台 32 核的服务器上重新跑 `data/go/falseshare`，你预期 2、4、32 个 goroutine 时“相对未填充”的倍数怎样变化？为什么 `atomic` 和普通 `*p++` 的差别可能不同？""")
