// Mirrors: cmd/go's cgo default (CGO_ENABLED is 0 when cross-compiling without a target C compiler: cmd/go/internal/
// cfg), cmd/link's choice of the dynamic loader (PT_INTERP only when it links externally or against libc, as net with
// cgo does; ld/elf.go) and the PE import table of every Windows binary; read from the recorded cross builds
// (data/recordings/build/cross-go1.19.8.tsv, elfdump = Go's debug/elf and debug/pe) through Binaries/.
using GoRuntimeLab.Binaries;
using static GoRuntimeLab.Labs.LabChecks;

namespace GoRuntimeLab.Labs;

/// <summary>The labs of section 5.2 (交叉编译与嵌入式). Every answer is computed from the recorded builds.</summary>
internal static class Chapter5CrossLabs
{
    /// <summary>The Go release whose builds the labs read (CI's Go).</summary>
    public const string GoVersion = "go1.19.8";

    /// <summary>The six plain builds of httpsvc the first lab asks about: native, then the five cross targets.</summary>
    public static readonly IReadOnlyList<string> PlainTargets =
        ["linux-arm64", "linux-armv7", "linux-riscv64", "linux-mipsle", "windows-amd64"];

    private static BuildMatrixRecording Recording() => BuildMatrixRecording.Read(LabData.Path("recordings", "build"), GoVersion);

    /// <summary>How many of the six plain builds are dynamic (need a dynamic loader or import DLLs).</summary>
    public static long DynamicCount()
    {
        var r = Recording();
        var builds = PlainTargets.Select(t => r.Cross.GetValueOrDefault($"httpsvc__{t}")
            ?? throw KitInputException.For($"no cross build httpsvc__{t} in {GoVersion}'s recording", parameter: "data")).Append(r.Build("httpsvc", "default"));
        return builds.Count(b => b.IsDynamic);
    }

    /// <summary>How much smaller (percent, rounded) linux/arm64 httpsvc is with CGO_ENABLED=0 -ldflags="-s -w".</summary>
    public static long Arm64SavingPercent()
    {
        var r = Recording();
        var plain = r.Cross.GetValueOrDefault("httpsvc__linux-arm64") ?? throw KitInputException.For("no httpsvc__linux-arm64 build", parameter: "data");
        var small = r.Cross.GetValueOrDefault("httpsvc__linux-arm64-cgo0-s-w") ?? throw KitInputException.For("no httpsvc__linux-arm64-cgo0-s-w build", parameter: "data");
        return (long)Math.Round(100.0 * (plain.FileSize - small.FileSize) / plain.FileSize, MidpointRounding.AwayFromZero);
    }

    public static IEnumerable<Lab> All()
    {
        var dynamic = Lazy(DynamicCount);
        yield return new Lab
        {
            Id = "05.2-dynamic-count",
            Title = "哪些构建需要动态加载器",
            Points = 3,
            Question = "用 Go 1.19.8 对 data/go/buildmatrix/httpsvc（用了 net/http）执行 **不带任何环境变量和 -ldflags 的** `go build`，得到 6 个二进制：本机 linux/amd64，以及交叉编译的 linux/arm64、linux/arm（GOARM=7）、linux/riscv64、linux/mipsle、windows/amd64。其中有几个是动态链接的（ELF 有 PT_INTERP/PT_DYNAMIC，或 PE 导入 DLL）？先预测，再用 BuildMatrixRecording.Read(\"../data/recordings/build\", \"go1.19.8\") 的 Builds/Cross 核对。答案是一个整数。",
            Hints = ["本机构建时 CGO_ENABLED 默认是 1；net 包在 cgo 可用时会用系统的 C 解析器（getaddrinfo）。", "交叉编译时如果没有目标平台的 C 编译器，cmd/go 把 CGO_ENABLED 默认设为 0：纯 Go 的 net，内部链接，没有 PT_INTERP。", "Windows 上的 Go 程序不链接 C 库，但总要通过导入表调用 kernel32.dll 等系统 DLL。"],
            Checker = Integer(dynamic),
            Reference = () => dynamic.Value,
            Spoilers = ["动态链接的有 {0} 个", "{0} 个是动态", "{0} 个动态", "共 {0} 个动态"],
            Explanation = "本机 amd64 因为 cgo 默认开启、net 用了 libc 的解析器而需要 /lib64/ld-linux-x86-64.so.2；windows/amd64 有 .idata 导入表；其余交叉构建的 cgo 自动关闭，都是静态 ELF。",
        };

        var saving = Lazy(Arm64SavingPercent);
        yield return new Lab
        {
            Id = "05.2-arm64-saving",
            Title = "-s -w 给 arm64 服务省下多少",
            Points = 2,
            Question = "Go 1.19.8 交叉编译 httpsvc 到 linux/arm64：不带标志的构建，与课程命令 `CGO_ENABLED=0 GOOS=linux GOARCH=arm64 go build -ldflags=\"-s -w\"` 的构建相比，文件小了百分之几？按 100 × (前者 − 后者) / 前者 四舍五入到整数。用 BuildMatrixRecording 的 Cross 里的 FileSize 计算。答案是一个整数。",
            Hints = ["交叉编译时 cgo 本来就是关的，所以两者的差别只来自 -s 和 -w。", "-s 去掉 .symtab/.strtab，-w 去掉 .debug_* 段；.gopclntab 保留。", "Cross[\"httpsvc__linux-arm64\"].FileSize 和 Cross[\"httpsvc__linux-arm64-cgo0-s-w\"].FileSize。"],
            Checker = Integer(saving),
            Reference = () => saving.Value,
            Spoilers = ["小了 {0}%", "{0}% 的体积", "减少 {0}%", "节省 {0}%"],
            Explanation = "差额就是符号表和（压缩后的）DWARF 段；代码、只读数据和 .gopclntab 一个字节都没少，所以 panic 栈和 pprof 仍能显示函数名。",
        };
    }
}
