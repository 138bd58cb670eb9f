// Mirrors: go tool pprof -top -base (a real Go 1.19.8 heap profile pair), the execution tracer's scheduling latency
// (runtime/proc.go through the scheduler model), runtime/metrics' /gc/pauses:seconds and timeHistogram
// (runtime/histogram.go, Go 1.21–1.23 layout), all through the kit's readers and models.
using GoRuntimeLab.Metrics;
using GoRuntimeLab.Pprof;
using GoRuntimeLab.Sched;
using static GoRuntimeLab.Labs.LabChecks;

namespace GoRuntimeLab.Labs;

/// <summary>The labs of chapter 3 (性能诊断方法论). Every answer is computed by a model run or read from a recording.</summary>
internal static class Chapter3Labs
{
    public static IEnumerable<Lab> All()
    {
        var grewMb = Lazy(() =>
        {
            var leak = PprofProfile.Diff(PprofReader.Read(LabData.Path("recordings", "pprof", "leak-before.pb.gz")),
                PprofReader.Read(LabData.Path("recordings", "pprof", "leak-after.pb.gz"))).Top();
            return (long)Math.Round(leak.Rows.Single(r => r.Function == "main.handleRequest").Flat / 1048576.0);
        });
        yield return new Lab
        {
            Id = "03.1-leak-growth",
            Title = "泄漏差分里的增长",
            Points = 2,
            Question = "在 3.1 节的泄漏差分（PprofProfile.Diff(before, after).Top()，inuse_space）里，main.handleRequest 的 flat 增长了多少 MB？四舍五入到整数（1 MB = 1024×1024 字节）。答案是一个整数。",
            Hints = ["差分表里每个函数的 flat 就是两次采样之间的变化量。", "找 main.handleRequest 那一行的 flat 列，pprof 的 MB 就是 MiB。", "每个请求往 map 里放 1 KiB：两次 profile 之间新增了多少请求？"],
            Checker = Integer(grewMb),
            Reference = () => grewMb.Value,
            Spoilers = ["handleRequest 增长了 {0}", "增长了 {0} MB", "增长了 {0}MB"],
            Explanation = "每个请求往 map 里放 1 KiB，两次采样之间新增的请求数乘以 1 KiB 就是增长量（pprof 的估计值，按 MemProfileRate 抽样后放大）。",
        };

        var longWaits = Lazy(() => Scheduler.Run("syscall-mix", SchedConfig.Default.WithProcs(4).WithSeed(1)).Goroutines.Count(g => g.RunnableTime > 10_000_000));
        yield return new Lab
        {
            Id = "03.2-long-waits",
            Title = "调度等待超过 10 ms 的 goroutine",
            Points = 2,
            Question = "默认参数下（syscall-mix，GOMAXPROCS=4，种子 1），有几个 goroutine 的调度等待（GoroutineSummary.RunnableTime）超过 10 ms？答案是一个整数。",
            Hints = ["调度等待 = 可运行但没有 P 可用的时间。", "io goroutine 从系统调用返回后，要等 CPU 密集的 G 用完 10 ms 的时间片。", "逐行看 traced.Goroutines 的 RunnableTime。"],
            Checker = Integer(longWaits),
            Reference = () => longWaits.Value,
            Spoilers = ["{0} 个 goroutine 的调度等待超过 10 ms", "超过 10 ms 的有 {0} 个"],
            Explanation = "io goroutine 从系统调用返回后要等 CPU 密集的 G 用完时间片；CPU 密集的 G 之间也互相等待。",
        };

        var maxLatency = Lazy(() => Scheduler.Run("syscall-mix", SchedConfig.Default.WithProcs(8).WithSeed(1)).Latency.Max / 1000);
        yield return new Lab
        {
            Id = "03.2-tail-latency",
            Title = "8 个 P 时的最长调度延迟",
            Points = 3,
            Question = "把 3.2 节的 traceProcs 改成 8（syscall-mix，GOMAXPROCS=8，种子 1）：最长的一次调度延迟（runnable → running）是多少微秒？向下取整到整数 µs。",
            Hints = ["8 个 P 比 8 个 goroutine 还多：还会有 G 等满一个时间片吗？", "剩下的等待来自唤醒一个空闲 P、M 的自旋与交接。", "读 SchedResult.Latency.Max（纳秒），除以 1000。"],
            Checker = Integer(maxLatency),
            Reference = () => maxLatency.Value,
            Spoilers = ["{0}µs", "{0} µs"],
            Explanation = "P 足够多时没有 G 需要等时间片抢占，长尾消失，剩下的只是唤醒和交接的开销。",
        };

        var pauses = Lazy(() => (long)new SimulatedGoProcess(ProcessConfig.Default).AdvanceTo(60_000_000_000).Read("/gc/pauses:seconds").Histogram!.Total);
        yield return new Lab
        {
            Id = "03.3-pause-samples",
            Title = "/gc/pauses:seconds 的样本数",
            Points = 2,
            Question = "让 3.3 节的模拟进程（new SimulatedGoProcess(ProcessConfig.Default)）运行到 60 s：/gc/pauses:seconds 直方图里一共有多少个样本？答案是一个整数。",
            Hints = ["这个直方图的样本是每一次 STW 停顿，不是每一个 GC 周期。", "一个 GC 周期有两次 STW：清扫终止和标记终止。", "看 CompletedCycles.Count，再看是否有一个周期正处在两次停顿之间。"],
            Checker = Integer(pauses),
            Reference = () => pauses.Value,
            Spoilers = ["{0} 个停顿样本", "停顿样本 = {0}"],
            Explanation = "每个完成的周期 2 个样本（两次 STW），正在进行的周期已过第一次 STW 时再加 1。",
        };

        var bucket = Lazy(() => (long)Math.Round(TimeHistogram.Buckets(GoVersion.Go1_23).Last(b => b <= 1e-3) * 1e9));
        yield return new Lab
        {
            Id = "03.3-bucket-1ms",
            Title = "1 ms 的停顿落在哪个桶",
            Points = 3,
            Question = "Go 1.23 的时间直方图（/gc/pauses:seconds 的桶）：一次恰好 1 ms 的停顿落入的那个桶，下界是多少纳秒？答案是一个整数。",
            Hints = ["Go 1.21 起每个 2 的幂区间 [2ᵏ, 2ᵏ⁺¹) 只分 4 个等宽子桶。", "1 ms = 1 000 000 ns，落在 [2¹⁹, 2²⁰) 里。", "子桶宽 2¹⁹ / 4；从 2¹⁹ 起一格一格数。可用 TimeHistogram.Buckets(GoVersion.Go1_23) 核对。"],
            Checker = Integer(bucket),
            Reference = () => bucket.Value,
            Spoilers = ["{0} ns", "{0}ns"],
            Explanation = "timeHistogram 按最高位选超桶、再用次高 2 位选子桶（runtime/histogram.go），相对误差约 25%。",
        };
    }
}
