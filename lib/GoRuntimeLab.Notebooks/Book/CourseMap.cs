namespace GoRuntimeLab.Notebooks.Book;

/// <summary>
/// The course's five chapters and their sections, numbered as in the course text (course-text.md), so the book's
/// index shows the whole course even before every chapter's notebook exists.
/// </summary>
public static class CourseMap
{
    public static IReadOnlyList<CourseChapter> Chapters { get; } =
    [
        new("01", "01-getting-started.ipynb", "第一章 深圳Go语言从入门到精通：入门与环境",
            "环境校验、第一个并发程序（及其隐患）、工具链",
            ["1.1 课程地图与环境校验", "1.2 第一个程序：sz-welcome", "1.3 本地开发工具链"]),
        new("02", "02-runtime-internals.ipynb", "第二章 Go运行时核心机制深度剖析",
            "GC 与 GOGC、分配器与逃逸分析、G/M/P 调度、channel、defer",
            ["2.1 GC原理与GOGC调优", "2.2 内存分配器与逃逸分析", "2.3 Goroutine调度器（G/M/P）", "2.4 Channel底层实现", "2.5 defer机制开销"]),
        new("03", "03-diagnostics.ipynb", "第三章 高并发服务性能诊断方法论",
            "pprof、执行跟踪、runtime/metrics 与 Prometheus",
            ["3.1 pprof全链路采样", "3.2 go tool trace协同分析", "3.3 runtime/metrics与Prometheus"]),
        new("04", "04-tuning.ipynb", "第四章 深圳大厂级Go服务调优工程实践",
            "零拷贝、连接池与 context、内存对齐与伪共享、编译选项",
            ["4.1 零拷贝优化", "4.2 连接池与上下文传播", "4.3 内存对齐与缓存行填充", "4.4 编译期优化"]),
        new("05", "05-case-studies.ipynb", "第五章 深圳Go语言从入门到精通：案例",
            "案例复盘：网关、交叉编译、CI、内存泄漏定位",
            ["5.1 API网关", "5.2 交叉编译与嵌入式", "5.3 CI/CD流水线", "5.4 内存泄漏定位"]),
    ];

    /// <summary>The chapter whose number is <paramref name="number"/> ("2" or "02"), or null.</summary>
    public static CourseChapter? Find(string number)
    {
        var key = number.Trim().PadLeft(2, '0');
        return Chapters.FirstOrDefault(c => c.Number == key);
    }
}
