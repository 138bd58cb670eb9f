// Mirrors: io/io.go (CopyBuffer, copyBuffer: buf == nil → make([]byte, 32*1024)) and runtime/string.go
// (slicebytetostring with a stack tmpBuf of tmpStringBufSize = 32 bytes) through the recordings of data/go/zerocopy
// (ZeroCopyBench, Go 1.23.5).
using GoRuntimeLab.ZeroCopy;
using static GoRuntimeLab.Labs.LabChecks;

namespace GoRuntimeLab.Labs;

/// <summary>The labs of section 4.1 (零拷贝). Every answer is read from a real Go recording.</summary>
internal static class Chapter4ZeroCopyLabs
{
    private static ZeroCopyBench Recorded() => ZeroCopyBench.Read(LabData.Path("recordings", "zerocopy", "bench-go1.23.5.txt"));

    public static IEnumerable<Lab> All()
    {
        var nilBytes = Lazy(() => Recorded()["Copy/CopyBufferNil/n=64KiB"].BytesPerOp);
        yield return new Lab
        {
            Id = "04.1-copybuffer-nil",
            Title = "io.CopyBuffer(dst, src, nil) 分配多少",
            Points = 2,
            Question = "src 和 dst 都被包装过、隐藏了 WriterTo/ReaderFrom，调用 io.CopyBuffer(dst, src, nil) 复制 64 KiB：每次调用分配多少字节（B/op）？答案是一个整数（Go 1.23.5 的录制，data/recordings/zerocopy/bench-go1.23.5.txt）。",
            Hints = ["课程说 buf 必须非 nil——先看 io/io.go 里 CopyBuffer 对 nil 做了什么（它只对长度为 0 的非 nil 缓冲区 panic）。", "buf 为 nil 时，copyBuffer 与 io.Copy 相同：自己分配一块缓冲区。", "读 copyBuffer 里 size 的初值（src 是 *LimitedReader 时才会变小）；可用 ZeroCopyBench.Read(…)[\"Copy/CopyBufferNil/n=64KiB\"].BytesPerOp 核对。"],
            Checker = Integer(nilBytes),
            Reference = () => nilBytes.Value,
            Spoilers = ["分配 {0} 字节", "{0} B/op", "B/op 是 {0}", "B/op = {0}"],
            Explanation = "nil 缓冲区不是错误：copyBuffer 自己 make([]byte, 32*1024)，每次调用一次分配；没有 512 字节的下限，长度为 0 的缓冲区才 panic。",
        };

        var localAllocs = Lazy(() => Recorded()["StringFromBytes/local/n=16"].AllocsPerOp);
        yield return new Lab
        {
            Id = "04.1-local-string",
            Title = "不逃逸的 string(b)：16 字节",
            Points = 2,
            Question = "b 是 16 字节的 []byte，s := string(b) 只在函数内使用（不逃逸）：每次转换在堆上分配几次（allocs/op）？答案是一个整数（Go 1.23.5 的录制）。",
            Hints = ["不逃逸的转换，编译器会给 slicebytetostring 传一个栈上的缓冲区。", "读 runtime/string.go：tmpStringBufSize 是多少字节？16 字节放得下吗？", "可用 ZeroCopyBench.Read(…)[\"StringFromBytes/local/n=16\"].AllocsPerOp 核对；再看 n=64 的那一行。"],
            Checker = Integer(localAllocs),
            Reference = () => localAllocs.Value,
            Spoilers = ["分配 {0} 次", "allocs/op 是 {0}", "allocs/op = {0}", "{0} allocs/op"],
            Explanation = "结果不逃逸且不超过 32 字节（tmpStringBufSize）时，字节被复制到栈上的 tmpBuf：没有堆分配，但仍然是一次复制；64 字节就要分配了。",
        };
    }
}
