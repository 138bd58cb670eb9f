from nb import md, code, lab

# 4.1 — 零拷贝优化 (models: lib/GoRuntimeLab/ZeroCopy, C# benchmarks: lib/GoRuntimeLab.Bench, recordings:
# data/recordings/zerocopy, charts: lib/GoRuntimeLab.Charts/ZeroCopy/ZeroCopyCharts.cs).

md("""## 4.1 零拷贝优化

“零拷贝”先要回答一个更基本的问题：**Go 里到底什么时候复制？** 复制发生在三个层次：

1. **类型转换**：`string(b)` 和 `[]byte(s)` 原则上都复制（字符串不可变、切片可写，二者不能共享可写内存）；但编译器在能证明安全的地方会省掉复制：`m[string(b)]`、`string(b) == s`、`for range []byte(s)`。
2. **用户态缓冲区之间**：`bytes.Reader.Read` 把数据复制进你的缓冲区；普通切片 `data[6:11]` 和 `bytes.Buffer.Bytes()` 只是同一块内存的视图。`io.Copy` 先找 `WriterTo`/`ReaderFrom` 快速路径，找不到才分配 32 KiB 缓冲区逐块读写。
3. **内核与用户态之间**：`*os.File` 复制到 `*net.TCPConn` 时，`io.Copy` 走 `TCPConn.ReadFrom` → `sendfile(2)`，数据不经过用户态。

下表是课程库对 `data/go/zerocopy` 每个用例的说明，每条都指向决定它的 Go 源码：""")

code("""using GoRuntimeLab.ZeroCopy;
using GoRuntimeLab.GoTool;
using GoRuntimeLab.Charts.ZeroCopy;
ZeroCopyCases.All.Select(c => new { 用例 = c.Family, 复制数据 = c.Copies ? "是" : "否", 发生了什么 = c.WhatHappens, Go源码 = c.GoSource, 最低版本 = c.MinGo }).AsTable()""")

md("""### 真实 Go 的基准测试

`data/go/zerocopy` 是一个 `main` 程序：每个用例用 `testing.Benchmark` 运行，按 `go test -bench -benchmem` 的格式打印 ns/op、B/op 和 allocs/op。下一个单元格在本机有 Go 时 **现场运行**（`-benchtime 10ms`，约 1 秒），没有 Go 时回放同样参数的录制。现场短跑的 ns/op 很粗糙，**B/op 和 allocs/op 是精确的**——判断“复制了没有”看后两列。""")

code("""var live = ZeroCopyBench.Parse(await GoProgram.RunOrReplayAsync("../data/go/zerocopy", new[] { "-benchtime", "10ms" }, "../data/recordings/zerocopy/live-go1.19.8.txt"));
live.Source""")

code("""live.Rows.Select(r => new { 用例 = r.Name, ns每次 = Math.Round(r.MedianNsPerOp, 1), B每次 = r.BytesPerOp, 分配次数 = r.AllocsPerOp, 复制数据 = r.Case.Copies ? "是" : "否" }).AsTable()""")

md("""几个要点：

- `StringFromBytes/escapes`：结果逃逸到堆上，16、64、1024 字节各分配 **一次**，B/op 正好是大小（都是 size class 的边界）。
- `StringFromBytes/local/n=16` 是 0 次分配：结果不逃逸且不超过 32 字节时，编译器传入栈上的 `tmpBuf`（`runtime/string.go` 的 `tmpStringBufSize = 32`）——**没有分配不等于没有复制**，字节仍然复制到了栈上；64 字节就要分配了。
- `NoCopy/*` 四个用例在所有版本上都是 0 B/op、0 allocs/op：`m[string(b)]`、比较、`for range []byte(s)` 由编译器改写成不复制的形式（`cmd/compile/internal/walk/order.go`），普通切片本来就不复制。
- `Copy/Generic` 和 `Copy/CopyBufferNil` 每次调用分配 32768 字节：两端的快速路径都被隐藏、又没有给缓冲区时，`io/io.go` 的 `copyBuffer` 自己 `make([]byte, 32*1024)`。

### 四个 Go 版本并排（录制的完整运行）

下面是 Go 1.19.8、1.21.13、1.22.12、1.23.5 各自 `-benchtime 100ms -count 5` 的录制（`data/recordings/zerocopy/bench-*.txt`，录制时机器上还有其他负载，ns/op 只看数量级）。`unsafe.String`/`unsafe.StringData` 从 Go 1.20 才有，`Unsafe/*` 用例放在带 `//go:build go1.20` 的文件里，所以 1.19 那一列是空的：""")

code("""var runs = ZeroCopyBench.ReadAll("../data/recordings/zerocopy");
ZeroCopyBench.Compare(runs).Select(r => new { 用例 = r.Name, 各版本分配次数 = string.Join(" / ", r.AllocsPerOp.Select(a => a?.ToString() ?? "—")), 各版本B每次 = string.Join(" / ", r.BytesPerOp.Select(b => b?.ToString() ?? "—")),
    ns_119 = r.MedianNsPerOp[0] is { } a ? Math.Round(a, 1) : double.NaN, ns_121 = Math.Round(r.MedianNsPerOp[1] ?? double.NaN, 1), ns_122 = Math.Round(r.MedianNsPerOp[2] ?? double.NaN, 1), ns_123 = Math.Round(r.MedianNsPerOp[3] ?? double.NaN, 1), 各版本一致 = r.SameAllocs }).AsTable()""")

md("""分配次数在四个版本上完全一致（最后一列）：这些规则在 1.19 到 1.23 之间没有变。`io.Copy` 各条路径的耗时画在一起（对数轴，悬停可以看到分配）：""")

code("""ZeroCopyCharts.GoReleases(runs, "Copy/")""")

md("""> **常见误区（课程文本 4.1：“buf 必须非 nil 且长度 ≥ 512（io 包最小缓冲要求），过小会退化为默认 32KB 分配”）**
>
> `io` 包没有 512 字节的最小值。`io/io.go` 的 `CopyBuffer` 只检查一件事：`if buf != nil && len(buf) == 0 { panic("empty buffer in CopyBuffer") }`。
> - `buf` 为 **nil** 是允许的，效果与 `io.Copy` 相同——自己分配 32 KiB（上表 `Copy/CopyBufferNil`：每次 1 次分配、32768 B）；
> - 长度为 **0** 的缓冲区直接 panic（下一个单元格是四个版本的录制）；
> - **512 字节** 的缓冲区照常使用，0 次分配（`Copy/CopyBuffer512`），只是块小、循环次数多，所以比 32 KiB 慢；
> - 还有课程没说的一点：源实现了 `WriterTo` 或目的实现了 `ReaderFrom` 时，**`buf` 根本不会被用到**（`copyBuffer` 先走这两条快速路径，`Copy/WriterTo` 0 次分配）。`*bytes.Reader`、`*os.File`、`*net.TCPConn`、`*bufio.Writer` 都实现了其中之一。""")

code("""new[] { "go1.19.8", "go1.21.13", "go1.22.12", "go1.23.5" }.Select(v => GoRecording.Read($"../data/recordings/zerocopy/copybuffer-empty-{v}.txt"))
    .Select(r => new { Go = r.GoVersionText, 命令 = r.Command, 输出 = r.Stdout.Trim() }).AsTable()""")

md("""> **常见误区（课程文本 4.1：`slice := unsafe.Slice(data[6:], 5) // 直接指向 "world"，无拷贝`）**
>
> 这一行 **无法编译**：`unsafe.Slice(ptr *T, len)` 的第一个参数是指针，不是切片。四个版本的编译器都拒绝它（下一个单元格是录制的编译错误）。正确的写法是 `unsafe.Slice(&data[6], 5)`——但它做的事和普通的 `data[6:11]` 完全一样：**普通切片本来就不复制**，只是生成一个指向同一底层数组的新切片头（`NoCopy/Reslice` 与 `Unsafe/SliceOfPointer` 都是 0 分配）。`unsafe` 真正省掉复制的地方是 `[]byte` 与 `string` 之间：`unsafe.String(&b[0], len(b))`、`unsafe.Slice(unsafe.StringData(s), len(s))`（Go 1.20+），代价是你必须保证之后 **不再修改** 这段字节。
>
> 课程说 `unsafe.Slice` 的结果“禁止跨 goroutine 传递”也不准确：它是普通的切片，指向的内存由 GC 正常跟踪；真正的风险是数据竞争和修改了被当作字符串使用的字节，与 goroutine 边界无关。""")

code("""new[] { "go1.19.8", "go1.21.13", "go1.22.12", "go1.23.5" }.Select(v => GoRecording.Read($"../data/recordings/zerocopy/badslice-{v}.txt"))
    .Select(r => new { Go = r.GoVersionText, 退出码 = r.ExitCode, 编译器输出 = r.Stderr.Trim() }).AsTable()""")

md("""> **常见误区（课程表格：`bytes.Reader` “Seek 成本高”、“需 Bytes() 触发拷贝”）**
>
> - `bytes.Reader.Seek` 只是修改一个整数偏移量（`bytes/reader.go`），是 O(1) 的：1 KiB 和 16 MiB 的数据上耗时相同（下表）。
> - `bytes.Reader` **没有 `Bytes()` 方法**；有 `Bytes()` 的是 `bytes.Buffer`，而且它 **不复制**，返回的是缓冲区本身（`Read/BufferBytes` 0 分配、耗时与大小无关）。真正复制的是 `Read`：把数据拷进调用者的缓冲区，耗时随大小增长（`Read/BytesReader`）。""")

code("""ZeroCopyBench.Compare(runs).Where(r => r.Name.StartsWith("Seek/") || r.Name.StartsWith("Read/"))
    .Select(r => new { 用例 = r.Name, ns_119 = Math.Round(r.MedianNsPerOp[0] ?? double.NaN, 1), ns_123 = Math.Round(r.MedianNsPerOp[3] ?? double.NaN, 1), 分配次数 = r.AllocsPerOp[^1] }).AsTable()""")

md("""### 内核里的零拷贝：sendfile 与系统调用次数

`data/go/sendfile` 把一个 8 MiB 的文件发到本机回环 TCP 连接，用两种写法：`io.Copy(conn, file)`（Go 1.21 及以前：`*net.TCPConn` 的 `ReadFrom` 看到 `*os.File`，调用 `sendfile(2)`，即 `net/tcpsock_posix.go` `readFrom` → `net/sendfile_linux.go` `sendFile`；Go 1.22 起 `*os.File` 有了 `WriteTo`，`io.Copy` 先找到它，`os/zero_copy_linux.go` 的 `writeTo` 看到 TCP 连接后直接调用 `sendfile`——路径不同，系统调用相同）；以及一个用 32 KiB 缓冲区的 read/write 循环（隐藏了 `ReaderFrom`/`WriterTo`）。录制用 `strace -c -f` 统计系统调用（只录制，不要求本机有 strace）；接收端在同一进程里，两种写法的接收端相同。""")

code("""var paths = new[] { "sendfile", "loop" }.Select(m => (路径: m == "sendfile" ? "io.Copy(conn, file) → sendfile" : "32 KiB read/write 循环", 摘要: StraceSummary.Read($"../data/recordings/zerocopy/strace-{m}-go1.23.5.txt"))).ToList();
paths.Select(p => new { p.路径, sendfile = p.摘要.Calls("sendfile"), read = p.摘要.Calls("read"), write = p.摘要.Calls("write"), 总调用 = p.摘要.TotalCalls, 其中出错 = p.摘要.TotalErrors }).AsTable()""")

code("""ZeroCopyCharts.Syscalls(paths.Select(p => (p.路径, p.摘要)).ToList())""")

md("""循环路径每 32 KiB 一次 `read` 加一次 `write`：8 MiB 就是至少 256 对（表里的 `read` 还包括接收端每 64 KiB 一次的读，`write` 还包括写临时文件的 8 次），数据在内核和用户态之间来回复制两次；`sendfile` 路径只有十几次 `sendfile`（每次最多 4 MiB，套接字缓冲区满时返回 EAGAIN，等 epoll 通知再继续），文件数据不进入用户态。四个版本的录制都在 `data/recordings/zerocopy/strace-*.txt`；课程“数据是否已在内核缓冲区就绪”说的就是这条路径，而它对 `io.CopyBuffer` 的 `buf` 完全不用。

### C# 里的同一原则：BenchmarkDotNet

同样的思想在 .NET 里是 `Span<T>`/`Memory<T>`（视图，不复制）、`ArrayPool<T>`（复用缓冲区，相当于 `sync.Pool`）、`string.Create`（一次分配、原地写入，相当于 `strings.Builder`）和 `Stream.CopyTo`（与 `io.Copy` 一样，`MemoryStream` 覆盖了它、直接写出自己的数组，缓冲区大小不起作用）。下一个单元格在笔记本进程里 **现场** 运行 BenchmarkDotNet（`Bench.Short`：进程内工具链、1 次预热 + 3 次测量、每次 4096 次调用，带 MemoryDiagnoser），只跑四个用例以控制在几秒内；`Allocated` 是精确的，均值只看数量级：""")

code("""using GoRuntimeLab.Benchmarking;
using GoRuntimeLab.Benchmarking.ZeroCopy;
var cs = Bench.Short<ZeroCopyCsBenchmarks>("Substring", "SpanSlice", "NewArray", "PoolRent");
cs.Select(r => new { 用例 = r.Description, 平均ns = Math.Round(r.MeanNs, 2), 每次分配字节 = r.AllocatedBytes, 测量次数 = r.Iterations, 来源 = r.Source }).AsTable()""")

md("""完整运行（全部用例，BenchmarkDotNet 的 ShortRun、每次迭代 250 ms）录制在 `data/recordings/zerocopy/dotnet-zerocopy-report.csv`（BenchmarkDotNet 自己的 CSV 导出，命令见 data/README.md）：""")

code("""var full = BdnCsv.Read("../data/recordings/zerocopy/dotnet-zerocopy-report.csv");
full.Select(r => new { 用例 = r.Description, 平均ns = Math.Round(r.MeanNs, 2), 每次分配字节 = r.AllocatedBytes }).AsTable()""")

code("""ZeroCopyCharts.DotNet(cs, full)""")

md("""对照 Go：`Substring` 与 `AsSpan(6, 40).ToArray()` 各分配一次（104 字节：对象头加 40 个 UTF-16 字符），像 `string(b)` 逃逸时；`AsSpan` 0 分配，像 `data[6:11]`；`ArrayPool.Rent`+`Return` 0 分配，`new byte[4096]` 每次 4120 字节；`string.Create` 一次分配 56 字节，拼接要 80 字节（中间的 `ToString` 结果也要分配）。`Stream.CopyTo` 的两个缓冲区大小都是 0 分配（缓冲区从 `ArrayPool` 租用）：512 字节要 128 对 Read/Write，81920 字节只要 1 对，但每次调用很便宜，64 KiB 的耗时主要花在复制数据本身，两者相差不大；`MemoryStream` 自己覆盖了 `CopyTo`，一次把整个数组写出去，与 Go 的 `WriterTo` 快速路径一样，缓冲区大小根本不起作用。

> 说明：BenchmarkDotNet 的 `Allocated` 统计的是整个进程所有线程的分配（`GC.GetTotalAllocatedBytes`），笔记本里别的单元格在后台运行时数字会偏大；上面的现场运行只跑 4 个用例、每次迭代 4096 次调用，均值只是数量级。

#### 小结

- Go 里 `string(b)` 和 `[]byte(s)` 原则上复制；编译器只在 `m[string(b)]`、比较、`for range []byte(s)`、与字面量拼接等能证明安全的地方省掉复制。≤32 字节且不逃逸的转换用栈上缓冲区：0 次分配，但仍然复制。
- 普通切片、`bytes.Buffer.Bytes()` 本来就不复制；`unsafe.Slice` 的参数是指针，`unsafe.Slice(data[6:], 5)` 无法编译。`unsafe.String`/`unsafe.StringData`（1.20+）才真正省掉 `[]byte`↔`string` 的复制，前提是之后不改这段字节。
- `io.CopyBuffer`：nil 缓冲区 = `io.Copy`（分配 32 KiB），长度 0 panic，没有 512 字节下限；两端有 `WriterTo`/`ReaderFrom` 时缓冲区根本不用。
- 文件到 TCP 的 `io.Copy` 走 `sendfile`：发送端 500 多次 `read`/`write` 变成十几次 `sendfile`，文件数据不进用户态（整个进程的系统调用约少一半，其余是运行时和接收端的）；包装一层隐藏 `ReadFrom` 就失去这条路径。
- 判断“有没有复制”看 B/op 和 allocs/op（精确），不要只看 ns/op（受机器负载影响）；C# 里对应的是 BenchmarkDotNet 的 `Allocated` 列。

#### 实验与思考题

实验（本机有 Go 时）：在 `data/go/zerocopy` 里加两个用例——一个 33 字节、不逃逸的 `string(b)`，一个源为 `io.LimitReader(r, 100)`、两端快速路径都被隐藏的 `io.CopyBuffer(dst, src, nil)`——先读 `runtime/string.go` 和 `io/io.go` 的 `copyBuffer` 预测 B/op 与 allocs/op，再运行核对。本章的计分练习在 4.2 和 4.3 节。""")

md("""思考题：

1. `bufio.Writer` 实现了 `ReaderFrom`。`io.Copy(bufio.NewWriter(conn), file)` 还会走 `sendfile` 吗？（提示：读 `bufio/bufio.go` 的 `(*Writer).ReadFrom`，看它在缓冲区为空时做什么。）
2. 把 `data/go/sendfile` 的循环缓冲区从 32 KiB 改成 512 字节，`read`/`write` 的次数会变成多少？先算，再用 `strace -c -f` 验证。
3. 为什么 `string(b)` 逃逸时不能像 `m[string(b)]` 那样借用 `b` 的内存？举一个借用会出错的例子。
4. 在 C# 里，`ArrayPool<byte>.Shared.Rent(4096)` 返回的数组长度一定是 4096 吗？这对按 `buffer.Length` 读写的代码意味着什么？""")
