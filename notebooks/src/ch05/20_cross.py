from nb import md, code, lab

# 5.2 — 交叉编译与嵌入式 (reader: lib/GoRuntimeLab/Binaries, recordings: data/recordings/build/cross-*.tsv,
# recorder: data/go/buildmatrix/record.sh; labs: lib/GoRuntimeLab/Labs/Chapter5CrossLabs.cs).

md("""## 5.2 交叉编译与嵌入式

课程的案例把一个推理服务交叉编译成 ARM64 静态二进制，烧录到工业网关上：

```
CGO_ENABLED=0 GOOS=linux GOARCH=arm64 go build -ldflags="-s -w" -o infer-edge .
```

Go 的交叉编译只需要设置 `GOOS`/`GOARCH`（32 位 ARM 再加 `GOARM`）：标准库按目标平台重新编译，链接器直接写出目标格式（Linux 是 ELF，Windows 是 PE）。本节用 `data/go/buildmatrix/httpsvc`（`net/http` + `encoding/json` 的小服务）做了真实的交叉构建：linux/arm64、linux/arm（GOARM=7）、linux/riscv64、linux/mipsle、windows/amd64，每个目标两种——不带任何标志的 `go build`，以及课程的 `CGO_ENABLED=0 … -ldflags="-s -w"`——再用 Go 的 `debug/elf`、`debug/pe` 读出头部（`data/recordings/build/cross-*.tsv`）。""")

code("""using GoRuntimeLab.Binaries;
using GoRuntimeLab.Charts.Binaries;
var rec = BuildMatrixRecording.Read("../data/recordings/build", "go1.19.8");
rec.Cross.Keys""")

md("""### 先预测：哪些构建是静态的

动手看表之前先回答下面的实验：本机（linux/amd64）和 5 个交叉目标，**都不带任何环境变量**地 `go build` httpsvc，哪些会是动态链接的？""")

lab("05.2-dynamic-count")

md("""下面是答案的依据：每个构建的机器类型、位数、字节序、是否静态、动态加载器（ELF 的 `PT_INTERP`）和 Windows 的子系统：""")

code("""var targets = new[] { "linux-arm64", "linux-armv7", "linux-riscv64", "linux-mipsle", "windows-amd64" };
var plain = new[] { ("linux/amd64（本机）", rec.Build("httpsvc", "default")) }.Concat(targets.Select(t => (t, rec.Cross[$"httpsvc__{t}"]))).ToList();
plain.Select(x => new { 目标 = x.Item1, 格式 = x.Item2.Format, 机器 = x.Item2.MachineName, 位数 = x.Item2.Bits, 大端 = x.Item2.BigEndian,
    静态 = x.Item2.IsStatic, 加载器 = x.Item2.Interpreter ?? "", 子系统 = x.Item2.SubsystemName ?? "", CGO = x.Item2.BuildInfo?.Setting("CGO_ENABLED"), MB = Math.Round(x.Item2.FileSize / 1e6, 2) }).AsTable()""")

md("""- **本机构建是动态的**：`CGO_ENABLED` 在本机默认是 1，`net` 包会用 libc 的 `getaddrinfo` 解析域名，于是链接器请来了 `/lib64/ld-linux-x86-64.so.2`。
- **交叉构建默认是静态的**：没有目标平台的 C 编译器时，`go` 命令把 `CGO_ENABLED` 默认设为 0（构建信息里记录了 `CGO_ENABLED=0`），`net` 用纯 Go 实现，内部链接，没有 `PT_INTERP`。所以课程命令里的 `CGO_ENABLED=0` 在交叉编译时是默认值——写上它的意义是让本机构建也一样静态。
- **Windows 的 PE 总有导入表**（`.idata`）：Go 不链接 C 库，但通过系统 DLL 调用内核。
- `linux/mipsle` 是 32 位小端（`mips` 才是大端），`linux/arm` 是 32 位的 `EM_ARM`，`riscv64` 是 `EM_RISCV`。""")

md("""两种构建的大小（蓝色静态，橙色动态）：""")

code("""var both = targets.SelectMany(t => new[] { (t, rec.Cross[$"httpsvc__{t}"]), (t + " -s -w", rec.Cross[$"httpsvc__{t}-cgo0-s-w"]) })
    .Prepend(("linux-amd64", rec.Build("httpsvc", "default"))).Prepend(("linux-amd64 -s -w", rec.Build("httpsvc", "cgo0-s-w-trimpath"))).ToList();
BinaryCharts.TargetSizes(both, "httpsvc 各目标的大小（Go 1.19.8，MB）")""")

md("""### 课程说的 12.4 MB

课程说 arm64 的 `-s -w` 静态二进制是 12.4 MB。这取决于程序本身：一个只用标准库 `net/http` 和 `encoding/json` 的服务实测如下——引入 gRPC、数据库驱动、推理框架的绑定后会更大，但 12.4 MB 不是 `-s -w` 本身的结果，也无法从课程给出的信息复现：""")

code("""var arm = rec.Cross["httpsvc__linux-arm64"];
var armSmall = rec.Cross["httpsvc__linux-arm64-cgo0-s-w"];
new { 不带标志MB = Math.Round(arm.FileSize / 1e6, 2), 课程命令MB = Math.Round(armSmall.FileSize / 1e6, 2), 课程声称MB = 12.4,
    静态 = armSmall.IsStatic, 剥离 = armSmall.IsStripped, DWARF = armSmall.HasDwarf, 行号表 = armSmall.HasGoPclntab }.AsTable()""")

code("""BinaryCharts.SectionSizes(new[] { ("arm64", arm), ("arm64 -s -w", armSmall), ("riscv64", rec.Cross["httpsvc__linux-riscv64"]), ("mipsle", rec.Cross["httpsvc__linux-mipsle"]) },
    "交叉构建的段构成（MB）")""")

md("""Windows 的 `-H=windowsgui`（课程 4.4 说它“降低启动感知延迟”）只改 PE 可选头里的 Subsystem 字段。比较 windows/amd64 的控制台构建和 GUI 构建：""")

code("""var console = rec.Cross["httpsvc__windows-amd64"];
var gui = rec.Cross["httpsvc__windows-amd64-gui"];
new { 控制台子系统 = console.SubsystemName, GUI子系统 = gui.SubsystemName, 大小相同 = console.FileSize == gui.FileSize,
    各段大小相同 = console.Sections.Select(s => (s.Name, s.Size)).SequenceEqual(gui.Sections.Select(s => (s.Name, s.Size))) }.AsTable()""")

md("""两个文件逐字节并不相同（`meta-go1.19.8.txt` 的 `pe-console-vs-gui` 一行）：构建信息里多记了一条 `-ldflags=-H=windowsgui`，后面的数据整体挪动，引用它们的地址也跟着变了。但各段大小都一样，代码里变的只是这些地址；链接器选择不同的只有 Subsystem：Windows 据此决定启动时是否给进程分配控制台窗口。""")

md("""> **常见误区（课程文本第五章）**
>
> - “12.4 MB 的二进制”：没有给出程序和依赖，无法核实；本机同类服务的 arm64 构建见上表。体积由依赖决定，`-s -w` 只去掉符号表和 DWARF。
> - “交叉编译要 `CGO_ENABLED=0` 才能静态”：交叉编译时 cgo 本来就默认关闭（构建信息里的 `CGO_ENABLED=0`）；需要 cgo 的交叉编译反而要额外配置目标平台的 C 交叉编译器（`CC=aarch64-linux-gnu-gcc`）和 sysroot，那时产物通常是动态的。
> - “静态二进制可以在任何 Linux 上运行”：只在同一架构上，而且 32 位 ARM 还要求 CPU 支持所选的 `GOARM`（v7 需要 VFPv3）；`mipsle` 与 `mips` 的字节序不同，烧错就无法运行。`golab binary FILE` 能在烧录前检查机器类型和字节序。""")

md("""### 现场：检查一个二进制

如果本机装了 Go，下面读 `go` 命令自己；否则读录制里的 windows/amd64 构建。同样的检查在终端里是 `golab binary FILE`：""")

code("""var goTool = GoRuntimeLab.GoTool.GoToolchain.Find();
var bin = goTool is not null ? ExecutableReader.Read(goTool.GoPath) : rec.Cross["httpsvc__windows-amd64"];
new { 文件 = System.IO.Path.GetFileName(bin.Source), 格式 = bin.Format, 机器 = bin.MachineName, 静态 = bin.IsStatic, GOOS = bin.BuildInfo?.Setting("GOOS"), GOARCH = bin.BuildInfo?.Setting("GOARCH") }.AsTable()""")

md("""#### 小结

- 交叉编译只要 `GOOS`/`GOARCH`（和 `GOARM`）；没有目标 C 编译器时 cgo 自动关闭，产物是静态 ELF。本机构建用了 `net` 时默认是动态的。
- `-ldflags="-s -w"` 对 arm64 服务省下约三成，代码和 `.gopclntab` 不变；体积主要由依赖决定。
- 烧录前用 ELF/PE 头部（机器、位数、字节序、`PT_INTERP`）确认产物与设备匹配。

#### 实验""")

lab("05.2-arm64-saving")

md("""思考题：

1. 网关设备上没有 `/lib/ld-linux-aarch64.so.1`。一个用了 cgo 的构建拷上去会出现什么错误信息？怎样在拷贝前发现？
2. 同一份代码要发布 5 个目标，CI 里怎样组织构建矩阵，怎样用 `go version -m` 或 `golab binary --json` 自动检查每个产物是静态的？""")
