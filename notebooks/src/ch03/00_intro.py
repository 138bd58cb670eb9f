from nb import md, code

# Chapter 3 — 高并发服务性能诊断方法论. Sections follow in file-name order (10_pprof.py = 3.1, 20_trace.py = 3.2, 30_metrics.py = 3.3).

md("""# 第三章 高并发服务性能诊断方法论

诊断靠的是 **真实的工件**：pprof 剖析文件、执行跟踪（trace）、runtime/metrics 指标。本章的每个单元格都读写与 Go 工具链完全相同的格式——课程库读取真实 Go 程序录制的 profile，也能把模拟器的运行结果写成 `go tool pprof`、Perfetto 和 Prometheus 能直接打开的文件。

> 使用方法：先运行下面的第一个单元格（引用课程库并检查环境），再按顺序运行各节。""")

code("""#r "../lib/GoRuntimeLab.Charts/bin/GoRuntimeLab.Charts.dll"
using GoRuntimeLab;
using GoRuntimeLab.Charts;
using GoRuntimeLab.Labs;
var env = Kit.Setup();
env""")
