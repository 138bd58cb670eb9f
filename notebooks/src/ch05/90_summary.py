from nb import md, code

# Chapter 5 — summary and the hackathon how-to (golab lab list / check --board / board).

md("""## 本章小结

四个案例用的是同一套方法：拿到一份真实的 Go 产物，用课程库把它解析成结构化的数据，画出来，再用它回答一个具体的问题——而不是相信一个没有出处的数字。

| 案例 | 真实产物 | 课程库 | 要回答的问题 |
|---|---|---|---|
| 5.1 API 网关 | 网关程序在回环地址上压测时录制的 CPU/heap profile、gctrace、延迟分位数 | `Pprof`、`Gc` | 分配热点在哪里，缓冲池对 GC 频率的影响是否如预测 |
| 5.2 交叉编译与嵌入式 | 各 `GOOS/GOARCH`、`CGO_ENABLED=0`、`-ldflags="-s -w"` 的真实交叉编译产物 | ELF/PE 读取 | 二进制多大、哪些是静态链接、哪些需要 cgo |
| 5.3 CI/CD 流水线 | `go test -race` 报告、`-coverprofile`、`go test -bench` | `Race`、`Cover`、`Benchstat` | 哪两次访问在竞争、门禁是否通过、性能变化是否显著 |
| 5.4 内存泄漏定位 | 泄漏程序随时间录制的一串 heap/goroutine profile 与 runtime/metrics 采样 | `Pprof`（差分）、`Metrics` | 哪个调用点在持续增长，修复后曲线是否变平 |

贯穿全章的几条经验：

- **先要产物，再下结论。** 竞态报告、覆盖率文件、基准测试结果和 profile 都是可以存档、解析、比较的文件；流水线应当把它们当作构建产物保存下来。
- **门禁要比较精确的量，并写明口径。** 覆盖率按语句、比较精确值；性能按 benchstat 的检验结果，优先用不受机器负载影响的 B/op、allocs/op。
- **工具只看到实际发生的事。** `-race` 只报告这次运行里的竞争，profile 只采样这段时间里的执行；覆盖率告诉你哪些代码根本没被看到。

### 黑客松：用 golab 给实验打分

每节末尾的实验都在 `golab lab` 里。组织一场“深港 Go Hackathon”式的比赛只需要三条命令：

```bash
golab lab list --chapter 5                      # 本章实验：id、标题、分值
golab lab check answers.json --board board.jsonl --name 红队   # 判分，并把成绩追加到记分板（文件锁，多队同时提交也安全）
golab lab board board.jsonl                     # 排名：每队最好成绩，同分时先达到者在前
```

`answers.json` 是一个 JSON 对象，键是实验 id，值是答案（数字、字符串、布尔或数组；没做的写 `null`），例如 `{"05.3-race-reader": null, "05.3-cover-missing": null}`。`lab check` 对文件里涉及的每一章的所有实验逐题判分，每题一行中文结果；格式错误会指出文件的行和列。答案由课程库根据录制计算，笔记本和渲染出的页面里都不会出现答案。

下面的单元格列出本章已有的实验（与 `golab lab list --chapter 5` 相同）：""")

code("""LabCatalog.ForChapter(5).Select(l => new { l.Id, 标题 = l.Title, 分值 = l.Points, 提示数 = l.Hints.Count }).AsTable()""")

md("""在笔记本里答题时，把实验单元格里的 `null` 换成你的答案再运行；卡住了就运行 `Lab.Hint("<id>")`，提示从方向到几乎是答案，逐级给出。

课程到此结束。回到第一章的环境检查，或者在 `golab book` 生成的网页版里浏览全部章节和图表。""")
