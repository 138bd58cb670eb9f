from nb import md, code

# Chapter 4 — 深圳大厂级Go服务调优工程实践. Sections follow in file-name order (10_zerocopy.py = 4.1, 20_netpool.py = 4.2,
# 30_layout.py = 4.3, 40_buildflags.py = 4.4).

md("""# 第四章 深圳大厂级Go服务调优工程实践

调优的前提是知道默认值到底是什么、改一个参数究竟改变了什么。本章的每个结论都有两份证据：课程库里按 Go 源码逐条移植的模型，以及真实 Go 程序在本机录制的结果（`data/recordings/`）；模型与录制不一致的地方，以录制为准。

本章四节：4.1 零拷贝（哪些操作真的复制了内存，Go 的基准与系统调用计数，C# 的 BenchmarkDotNet 对照）、4.2 连接池与 context 取消树、4.3 结构体内存布局与伪共享、4.4 编译选项（真实构建的各 ELF 段大小、内联决策与启动时间）。

> 使用方法：先运行下面的第一个单元格（引用课程库并检查环境），再按顺序运行各节。""")

code("""#r "../lib/GoRuntimeLab.Charts/bin/GoRuntimeLab.Charts.dll"
using GoRuntimeLab;
using GoRuntimeLab.Charts;
using GoRuntimeLab.Labs;
var env = Kit.Setup();
env""")
