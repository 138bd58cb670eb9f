from nb import md, code

# Chapter 5 — 案例. Sections follow in file-name order (10_gateway.py = 5.1, 20_cross.py = 5.2, 30_ci.py = 5.3,
# 40_leak.py = 5.4).

md("""# 第五章 深圳Go语言从入门到精通：案例

前四章分别讲了运行时模型、诊断工具和调优方法；这一章把它们放进四个完整的案例里：每个案例都有一份真实的 Go 产物（本机录制的 pprof、gctrace、编译产物、竞态报告、覆盖率文件），一个要用课程库回答的问题，以及由 `golab lab` 检查的答案。

> 课程原文用深圳的公司名、调研百分比和“日均 3200 万次请求”之类的数字来讲故事。这些是原文的叙事，课程库无法核实，本章不引用也不反驳它们；本章只检查其中的技术内容——代码能否编译、数字能否在本机复现。

本章的四个案例：

| 节 | 案例 | 真实产物 | 实验 |
|---|---|---|---|
| 5.1 | API 网关：压测下的分配热点与 GC 频率 | pprof、gctrace、延迟分位数 | `05.1-…` |
| 5.2 | 交叉编译与嵌入式：边缘设备的二进制 | 各平台的交叉编译产物 | `05.2-…` |
| 5.3 | CI/CD 流水线：竞态检测、覆盖率门禁、benchstat | `go test -race` 报告、`-coverprofile`、`go test -bench` | `05.3-…` |
| 5.4 | 内存泄漏定位：持续增长的 heap 与阻塞的 goroutine | 一串 heap/goroutine profile、runtime/metrics | `05.4-…` |

每节末尾的实验都是一次小调查：读一份录制、用课程库算出答案，由 `Lab.Check` 判分；章末的“本章小结”说明怎样用 `golab lab` 给整场黑客松打分。录制的命令都写在 `data/README.md` 里；装有 Go 时，能在几秒内完成的步骤会现场重跑。

> 使用方法：先运行下面的第一个单元格（引用课程库并检查环境），再按顺序运行各节。""")

code("""#r "../lib/GoRuntimeLab.Charts/bin/GoRuntimeLab.Charts.dll"
using GoRuntimeLab;
using GoRuntimeLab.Charts;
using GoRuntimeLab.Labs;
var env = Kit.Setup();
env""")
