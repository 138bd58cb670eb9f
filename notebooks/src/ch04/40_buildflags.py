from nb import md, code

# 4.4 — 编译期优化 (reader: lib/GoRuntimeLab/Binaries, recordings: data/recordings/build, recorder:
# data/go/buildmatrix/record.sh).

md("""## 4.4 编译期优化

`go build` 有三层标志：`go build` 自己的（`-trimpath`、`-pgo`、`-buildvcs`），传给 **编译器** `go tool compile` 的 `-gcflags`（`-l` 关内联、`-N` 关优化、`-m` 打印优化决策），传给 **链接器** `go tool link` 的 `-ldflags`（`-s` 去符号表、`-w` 去 DWARF、`-H=windowsgui`）。环境变量 `CGO_ENABLED`、`GOAMD64` 也会改变产物。

本节的数字来自真实构建：`data/go/buildmatrix/record.sh` 用 Go 1.19.8（CI 的版本）和较新的版本（录制到的版本见下一个单元格）把两个程序——只打印一行的 `hello` 和一个 `net/http` + `encoding/json` 小服务 `httpsvc`——按每个标志和组合各编译一次，用 Go 自己的 `debug/elf` 读出每个段的大小（`data/go/elfdump`），并记下 `-gcflags=-m` 的内联行数、启动时间和剥离后的 pprof。课程库的 `ExecutableReader` 用 C# 读同样的 ELF/PE 头部，和 `debug/elf` 的输出逐字段核对过（测试里现场构建、现场比较）。""")

code("""using GoRuntimeLab.Binaries;
using GoRuntimeLab.Charts.Binaries;
var dir = "../data/recordings/build";
BuildMatrixRecording.Versions(dir)""")

md("""### 课程里的那行命令能不能编译

课程给出 `go build -gcflags="-l -s -trimpath" -o app .`。录制脚本用每个 Go 版本原样执行了它，下面是编译器的回答：""")

code("""var r19 = BuildMatrixRecording.Read(dir, "go1.19.8");
new { 命令 = r19.Meta["course-command"], 结果 = r19.Meta["course-command-result"], 编译器帮助里的_s = r19.Meta["compile-help-s"], 链接器_s = r19.Meta["link-help-s"], 链接器_w = r19.Meta["link-help-w"] }.AsTable()""")

md("""> **常见误区（课程文本 4.4）**
>
> - **`-s` 是链接器标志，不是编译器标志。** `go tool compile` 根本没有 `-s`：上面的命令在 1.19、1.21、1.22、1.23 上都以 `flag provided but not defined: -s` 失败（见各版本的 `meta-*.txt`）。正确写法是 `-ldflags="-s -w"`。
> - **`-trimpath` 是 `go build` 的标志。** 放进 `-gcflags` 时它变成编译器自己的 `-trimpath prefix`（要带一个前缀参数），意思完全不同；应写成 `go build -trimpath`。
> - **`-s` 之后 pprof 照样能显示函数名**（见本节最后的实测）：函数名来自 `.gopclntab`，`-s -w` 不动它。""")

md("""### 每个标志省下了什么

下表是 httpsvc 在 Go 1.19.8 下的各个构建（`default` 是不带标志）：文件大小、是否有符号表、是否有 DWARF、是否静态链接：""")

code("""var svc = r19.FlagSetsOf("httpsvc").Select(f => (f, b: r19.Build("httpsvc", f))).ToList();
var baseSize = (double)r19.Build("httpsvc", "default").FileSize;
svc.Select(x => new { 标志组 = x.f, MB = Math.Round(x.b.FileSize / 1e6, 2), 相对默认 = Math.Round(x.b.FileSize / baseSize, 3),
    符号表 = x.b.HasSymbolTable, DWARF = x.b.HasDwarf, 行号表 = x.b.HasGoPclntab, 静态 = x.b.IsStatic }).AsTable()""")

md("""按段分组画出来（文件里的字节）：红色是 DWARF，橙色是符号表，绿色的 `.gopclntab` 在每个构建里都在：""")

code("""BinaryCharts.SectionSizes(svc.Select(x => (x.f, x.b)), "httpsvc 各段字节数（Go 1.19.8，MB）")""")

md("""几点可以直接从表和图里读出来：

- `-w` 去掉 DWARF（Go 1.19 起 DWARF 在文件里是 zlib 压缩的，所以省下的比 `debug_*` 段的原始大小少）；`-s` 去掉 `.symtab`/`.strtab`。
- 在 Linux 上 **`-s` 单独使用就已经没有 DWARF**：`s` 和 `s-w` 一样大。Go 1.19 的链接器里 `dwarfEnabled` 在 `-s` 且不是 darwin 时直接返回 false；Go 1.22 把它写成了通用规则（`main.go`：“-s implies -w if not explicitly set”），于是 macOS 上也一样。所以“Go 1.22 起 -s 隐含 -w”只对 macOS 是新变化。
- `CGO_ENABLED=0` 让 httpsvc 从动态链接变成静态（`net` 改用纯 Go 的解析器），大小几乎不变。
- `-trimpath` 只改记录在二进制里的路径，大小几乎不变；它的价值是可复现和不泄露构建机的目录。""")

code("""var versions = BuildMatrixRecording.Versions(dir).Select(v => BuildMatrixRecording.Read(dir, v)).ToList();
versions.Select(r => new { 版本 = r.GoVersion, 默认MB = Math.Round(r.Build("httpsvc", "default").FileSize / 1e6, 2),
    s_w = Math.Round(r.Build("httpsvc", "s-w").FileSize / 1e6, 2), 只有s = Math.Round(r.Build("httpsvc", "s").FileSize / 1e6, 2),
    只有w = Math.Round(r.Build("httpsvc", "w").FileSize / 1e6, 2), s有DWARF = r.Build("httpsvc", "s").HasDwarf }).AsTable()""")

md("""> **常见误区（课程文本 4.4 的表格）**
>
> - “`-s` 约 30%，`-w` 约 15%”：百分比取决于程序和版本。上表是实测：在 Linux 上 `-s` 单独就等于 `-s -w`（因为它同时去掉了 DWARF），而 `-w` 单独省下的比 15% 多。
> - “`-s` 之后无法 addr2line / pprof”：`go tool nm` 确实报告 `no symbol section`，但 Go 的 panic 栈和 pprof 用的是 `.gopclntab`，仍然有完整的函数名（见下文）。真正失去的是 `-w` 去掉的 DWARF：dlv 的断点和变量查看、`addr2line` 的行号。
> - “`-H=windowsgui` 降低启动延迟”：内部链接时它只改 PE 可选头里的 Subsystem 字段（控制台 3 → GUI 2；`cmd/link/internal/ld/pe.go`：`if windowsgui { oh64.Subsystem = pe.IMAGE_SUBSYSTEM_WINDOWS_GUI }`），外部链接时只是给 gcc 传 `-mwindows`；运行时代码一行不变。录制里两个 windows/amd64 构建大小相同、每个段的大小相同（见 5.2）。它让程序启动时不弹出控制台窗口——这是“看不到黑窗”，不是启动延迟。""")

md("""### 内联：`-l` 与 `-m`

`-gcflags=-m` 让编译器打印优化决策；`can inline F` 表示函数可被内联，`inlining call to F` 表示某个调用点真的被内联了。`-gcflags=all=-l` 对所有包关闭内联，`-gcflags=-N -l` 只对主包关闭优化和内联。下表是各构建中数到的行数（`main` 只数主包，`all` 数所有包，来自 `-gcflags=all=-m`）：""")

code("""versions.SelectMany(r => r.Inlining.Where(i => i.Program == "httpsvc" && (i.Scope == "all" || i.FlagSet is "default" or "all-l" or "N-l"))
    .Select(i => new { 版本 = r.GoVersion, 标志组 = i.FlagSet, 范围 = i.Scope, 可内联 = i.CanInline, 已内联调用 = i.InliningCalls })).AsTable()""")

code("""versions.Select(r => new { 版本 = r.GoVersion, 默认MB = Math.Round(r.Build("httpsvc", "default").FileSize / 1e6, 2),
    全部关内联MB = Math.Round(r.Build("httpsvc", "all-l").FileSize / 1e6, 2),
    PGO_MB = r.Builds.ContainsKey("httpsvc__pgo") ? Math.Round(r.Build("httpsvc", "pgo").FileSize / 1e6, 2) : double.NaN }).AsTable()""")

md("""关掉全部内联（`all=-l`）确实让 httpsvc 变小了约一成——被内联的函数体不再复制到每个调用点——代价是每次调用都要付函数调用的开销、逃逸分析也看得更少。PGO（Go 1.21+，`-pgo=profile`）的方向相反：根据 CPU profile 在热点调用点上内联更多（`all` 行的“已内联调用”变多），二进制略大。`GOAMD64=v2/v3` 只改变可用的指令（如 v3 的 BMI、AVX2），大小几乎不变，只能在支持这些指令的 CPU 上运行。""")

md("""### 启动时间

录制脚本把每个构建运行 21 次（先跑一次预热），记录从 fork 到退出的时间：`hello` 打印一行，`httpsvc -once` 监听一个端口、请求一次 `/healthz` 后退出。**录制时机器有 2 个核，同时有约 7 个任务在编译，负载很高**（见 `meta` 的 loadavg），所以中位数噪声很大；p10（最快的十分之一）受干扰最少：""")

code("""new { 版本 = r19.GoVersion, 录制前负载 = r19.Meta["loadavg-before"], 录制后负载 = r19.Meta.GetValueOrDefault("loadavg-after-native", "") }.AsTable()""")

code("""r19.Startup.Select(s => new { 程序 = s.Program, 标志组 = s.FlagSet, 中位_us = s.MedianUs, p10_us = s.P10Us, p90_us = s.P90Us }).AsTable()""")

md("""在这样的负载下，各标志组之间的差别没有超出噪声：Go 程序的启动时间主要是运行时初始化（堆、P、后台 goroutine）和各包的 `init`，DWARF 和符号表的段没有 `SHF_ALLOC` 标志、不在任何 `PT_LOAD` 段里，启动时根本不会被映射进内存，剥离它们只减少磁盘和下载大小。要比较启动时间，应在空闲机器上用 `hyperfine` 之类的工具多次测量。""")

md("""只有一处在不太忙的录制里方向一致：httpsvc 的静态构建（`cgo0`）比动态的默认构建 p10 少大约半毫秒——动态构建启动时要先运行 `ld-linux` 加载 libc 并做重定位。负载最高的那次录制连这一点也看不出来，所以这只是线索，不是测量结论：""")

code("""versions.Select(r => new { 版本 = r.GoVersion, 录制前负载 = r.Meta["loadavg-before"].Split(' ')[0],
    动态默认_p10_us = r.Startup.First(s => s.Program == "httpsvc" && s.FlagSet == "default").P10Us,
    静态cgo0_p10_us = r.Startup.First(s => s.Program == "httpsvc" && s.FlagSet == "cgo0").P10Us }).AsTable()""")

md("""### 剥离后的二进制还能 pprof 吗

录制脚本用 `-ldflags="-s -w"` 构建 httpsvc，让它在 JSON 编解码循环里采一份 CPU profile，再运行 `go tool pprof -top`：""")

code("""string.Join("\\n", System.IO.File.ReadLines($"{dir}/pprof-stripped-go1.19.8.txt").Take(12))""")

md("""`go tool nm` 说没有符号表，pprof 却列出了 `encoding/json.(*decodeState).array` 这样的完整函数名：运行时写 profile 时就用 `.gopclntab` 把地址翻译成了函数名和行号，`-s -w` 保留了这张表（否则 panic 的栈也没法打印）。""")

md("""### 现场：读一读你机器上的 Go

如果本机装了 Go，下面的单元格读取 `go` 命令自己的二进制（它也是用 Go 写的）；没有 Go 时读录制里的 hello：""")

code("""var goTool = GoRuntimeLab.GoTool.GoToolchain.Find();
var own = goTool is not null ? ExecutableReader.Read(goTool.GoPath) : r19.Build("hello", "default");
new { 文件 = own.Source, MB = Math.Round(own.FileSize / 1e6, 2), 机器 = own.MachineName, 静态 = own.IsStatic, 剥离 = own.IsStripped, DWARF = own.HasDwarf,
    Go版本 = own.BuildInfo?.GoVersion, ldflags = own.BuildInfo?.Setting("-ldflags"), CGO = own.BuildInfo?.Setting("CGO_ENABLED") }.AsTable()""")

md("""在终端里，`golab binary FILE` 打印同样的内容和每个段的大小（`--json` 输出一个 JSON 文档）。

#### 小结

- `-s`、`-w`、`-H` 属于 `-ldflags`；`-l`、`-N`、`-m` 属于 `-gcflags`；`-trimpath`、`-pgo` 是 `go build` 自己的标志。课程里的 `-gcflags="-l -s -trimpath"` 在任何版本上都编译失败。
- 在 Linux 上 `-s` 一个标志就去掉了符号表和 DWARF；Go 1.22 让 macOS 也这样。剥离不影响 panic 栈和 pprof 的函数名，影响的是调试器。
- 关内联让二进制变小、调用变慢；PGO 在热点上多内联。体积和启动时间都要在自己的程序上实测。

#### 思考题

1. 发布给客户的二进制用 `-trimpath -ldflags="-s -w"`，线上出问题时怎样做符号化和调试？（提示：保留一份未剥离的构建，或用 `-ldflags=-w` 只去 DWARF；`go version -m` 能从产物读出构建参数。）
2. 为什么 `CGO_ENABLED=0` 对 hello 的大小几乎没有影响，却改变了 httpsvc 的链接方式？
3. 在 Go 1.21+ 上用你自己服务的 profile 做 PGO，怎样确认收益：`-gcflags=all=-m` 的内联行数、`go test -bench` 的 benchstat 比较，还是线上延迟？""")
