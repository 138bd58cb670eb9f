from nb import md, code

# Chapter 2 — Go 运行时核心机制. Sections follow in file-name order (10_gc*.py = 2.1, 20_* = 2.2, ...).

md("""# 第二章 Go 运行时核心机制深度剖析

本章把 Go 运行时的几个核心部件做成 **可以运行的模型**：改一个参数（GOGC、GOMEMLIMIT、GOMAXPROCS、对象大小……），重新运行单元格，图表立刻给出答案；每一节都把模型的结果与 **真实 Go 的输出** 对照（本机有 Go 时现场运行，没有时回放 `data/recordings/` 中的真实录制）。

模型忠实于真实运行时的源码：每条规则都注明它对应的 Go 源文件和函数，并用 Go 自己的测试或真实运行结果做了校验。图表默认展示的 Go 版本写在每张图的标题或说明里。

> 使用方法：先运行下面的第一个单元格（引用课程库并检查环境），再按顺序运行各节。""")

code("""#r "../lib/GoRuntimeLab.Charts/bin/GoRuntimeLab.Charts.dll"
using GoRuntimeLab;
using GoRuntimeLab.Charts;
using GoRuntimeLab.Labs;
var env = Kit.Setup();
env""")
