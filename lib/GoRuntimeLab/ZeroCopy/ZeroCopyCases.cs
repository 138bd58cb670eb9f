// Mirrors: runtime/string.go (slicebytetostring, slicebytetostringtmp, stringtoslicebyte, concatstrings; tmpBufSize 32),
// cmd/compile/internal/walk/order.go ((*orderState).mapKeyReplaceStrConv, expr1 OEQ/ONE…, stmt ORANGE), io/io.go
// (Copy, CopyBuffer, copyBuffer), bytes/reader.go, bytes/buffer.go, strings/builder.go, unsafe (Go 1.20 String,
// StringData, Slice). Go 1.19–1.23; the rules did not change in these releases (the recordings check it).
namespace GoRuntimeLab.ZeroCopy;

/// <summary>What each case of data/go/zerocopy does and why: the catalogue the notebook's tables join on.</summary>
public static class ZeroCopyCases
{
    /// <summary>Every family, in the program's order.</summary>
    public static IReadOnlyList<ZeroCopyCase> All { get; } =
    [
        new("StringFromBytes/escapes", true, "string(b) 的结果逃逸：新分配一块内存并复制 b（按 size class 取整）",
            "runtime/string.go slicebytetostring"),
        new("StringFromBytes/local", true, "string(b) 的结果不逃逸：≤32 字节时用栈上的 tmpBuf（0 次分配，但仍复制），更长才分配",
            "runtime/string.go slicebytetostring (buf *tmpBuf, tmpStringBufSize = 32)"),
        new("BytesFromString/escapes", true, "[]byte(s)：新分配并复制（string 不可变，切片可写，必须复制）",
            "runtime/string.go stringtoslicebyte"),
        new("NoCopy/MapIndexStringOfBytes", false, "m[string(b)]：编译器改用 slicebytetostringtmp，直接借用 b 的内存查找",
            "cmd/compile/internal/walk/order.go (*orderState).mapKeyReplaceStrConv → runtime slicebytetostringtmp"),
        new("NoCopy/CompareStringOfBytes", false, "string(b) == s：比较不保存结果，编译器同样借用 b 的内存",
            "cmd/compile/internal/walk/order.go (*orderState).expr1 (OEQ, ONE, OLT…) → OBYTES2STRTMP"),
        new("NoCopy/RangeBytesOfString", false, "for range []byte(s)：直接遍历字符串自己的字节",
            "cmd/compile/internal/walk/order.go (*orderState).stmt ORANGE → OSTR2BYTESTMP"),
        new("NoCopy/Reslice", false, "data[6:11]：普通切片只是新的切片头（指针、长度、容量），与原切片共享底层数组",
            "the language spec (slice expressions); cmd/compile/internal/ssagen OSLICE"),
        new("Builder/StringsBuilder", true, "strings.Builder：Write 把数据复制进自己的缓冲区；String() 不再复制，直接把缓冲区当字符串返回",
            "strings/builder.go (*Builder).String (unsafe.String over buf)"),
        new("Builder/Concat", true, "a + b：拼接总要分配新字符串并复制每一段",
            "runtime/string.go concatstrings"),
        new("Read/BytesReader", true, "bytes.Reader.Read：把数据复制进调用者的缓冲区，耗时随大小增长",
            "bytes/reader.go (*Reader).Read (copy)"),
        new("Read/BufferBytes", false, "bytes.Buffer.Bytes()：返回缓冲区本身（别名），不复制；之后改 Buffer 会影响它",
            "bytes/buffer.go (*Buffer).Bytes"),
        new("Copy/WriterTo", false, "io.Copy(dst, *bytes.Reader)：源实现 WriterTo，直接 dst.Write(剩余数据)，不分配中间缓冲区",
            "io/io.go copyBuffer (src.(WriterTo)) → bytes/reader.go (*Reader).WriteTo"),
        new("Copy/Generic", true, "io.Copy 且两端都隐藏了 WriterTo/ReaderFrom：每次调用分配 32 KiB 缓冲区再逐块读写",
            "io/io.go copyBuffer (size := 32 * 1024; buf = make([]byte, size))"),
        new("Copy/CopyBufferNil", true, "io.CopyBuffer(dst, src, nil)：buf 为 nil 时与 io.Copy 相同，自己分配 32 KiB",
            "io/io.go CopyBuffer → copyBuffer (buf == nil)"),
        new("Copy/CopyBuffer512", true, "io.CopyBuffer 用调用者的 512 字节缓冲区：0 次分配，块小所以调用次数多",
            "io/io.go copyBuffer (no minimum size; only len(buf) == 0 panics)"),
        new("Copy/CopyBuffer32768", true, "io.CopyBuffer 用调用者的 32 KiB 缓冲区：0 次分配",
            "io/io.go copyBuffer"),
        new("Seek/BytesReader", false, "bytes.Reader.Seek：只改一个偏移量，O(1)，与数据大小无关",
            "bytes/reader.go (*Reader).Seek"),
        new("Unsafe/StringOfBytes", false, "unsafe.String(&b[0], len(b))：在同一块内存上构造字符串头；之后再改 b 就破坏了字符串不可变的约定",
            "unsafe.String (Go 1.20), cmd/compile/internal/typecheck OUNSAFESTRING", "go1.20"),
        new("Unsafe/BytesOfString", false, "unsafe.Slice(unsafe.StringData(s), len(s))：在字符串的内存上构造切片，绝不能写",
            "unsafe.StringData, unsafe.Slice (Go 1.20)", "go1.20"),
        new("Unsafe/SliceOfPointer", false, "unsafe.Slice(&data[6], 5)：参数是指针；效果与普通的 data[6:11] 相同",
            "unsafe.Slice (Go 1.17; the first argument is a *T)", "go1.20"),
    ];

    /// <summary>The family <paramref name="family"/>.</summary>
    /// <exception cref="KitInputException">Not a case of data/go/zerocopy.</exception>
    public static ZeroCopyCase For(string family) =>
        All.FirstOrDefault(c => c.Family == family)
        ?? throw KitInputException.For($"\"{family}\" is not a case of data/go/zerocopy (known: {string.Join(", ", All.Select(c => c.Family))})", parameter: "family");
}
