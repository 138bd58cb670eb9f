// Mirrors: runtime/pprof heap and goroutine profiles and runtime/metrics through the Leaks reader
// (data/go/leakhunt's recordings, Go 1.23.5): bytes.Buffer.Reset (bytes/buffer.go: b.buf = b.buf[:0], the capacity
// kept) and a goroutine parked in runtime.chansend for ever.
using GoRuntimeLab.Leaks;
using static GoRuntimeLab.Labs.LabChecks;

namespace GoRuntimeLab.Labs;

/// <summary>The labs of section 5.4 (内存泄漏定位). Every answer is computed from a recording by the Leaks reader.</summary>
internal static class Chapter5LeakLabs
{
    public static IEnumerable<Lab> All()
    {
        var retained = Lazy(() =>
        {
            var s = LeakSeries.Read(LabData.Path("recordings", "leak", "buffers-reset-go1.23.5.txt"));
            var growth = s.UserGrowth().Single(g => g.Function == "main.(*telemetryStore).appendFrame").Bytes;
            var closed = (s.LastStep - s.FirstStep) * long.Parse(s.Settings["sessions"], System.Globalization.CultureInfo.InvariantCulture);
            return (long)Math.Round(growth / 1024.0 / closed);
        });
        yield return new Lab
        {
            Id = "05.4-reset-retained",
            Title = "Reset 之后，每个关闭的会话还占多少",
            Points = 3,
            Question = "只做了 buffer.Reset() 的版本（data/recordings/leak/buffers-reset-go1.23.5.txt，用 LeakSeries.Read 读取）：从第 0 步到最后一步，main.(*telemetryStore).appendFrame 名下的 inuse_space 增长，平均到这期间关闭却没从 map 里删除的每个会话，是多少 KiB？答案是一个整数。",
            Hints = ["先用 UserGrowth() 找到 appendFrame 的增长字节数，再数清楚这期间关闭了多少个会话（Settings 里有每步新开的会话数）。",
                "Reset() 只把长度清零（b.buf = b.buf[:0]），底层数组还在：一个会话的缓冲区长到多大，关闭后就一直占多大。",
                "一个会话在一次 flush 之前最多写入几帧、每帧多大？它的缓冲区最后一次扩容后的容量就是答案。"],
            Checker = Integer(retained),
            Reference = () => retained.Value,
            Spoilers = ["每个会话 {0} KiB", "每个会话占 {0} KiB", "每个会话还占 {0} KiB", "{0} KiB/会话", "{0} KiB 每个会话", "保留 {0} KiB"],
            Explanation = "8 帧 × 1 KiB 在一次 flush 前写进缓冲区，最后一次扩容得到 8 KiB 的数组；Reset 保留它，map 又留着会话，所以每个关闭的会话永远占着 8 KiB。真正的修复是关闭时 delete。",
        };

        var extrapolated = Lazy(() =>
        {
            var s = LeakSeries.Read(LabData.Path("recordings", "leak", "buffers-leaky-go1.23.5.txt"));
            var worker = s.GoroutineStacks().Single(g => g.BlockedAt == "main.worker");
            var trend = LeakTrend.Fit(LeakMetric.Goroutines, s.Snapshots.Select(x => x.Step).ToList(), worker.Counts);
            return (long)Math.Round(trend.At(100));
        });
        yield return new Lab
        {
            Id = "05.4-blocked-at-100",
            Title = "第 100 步时阻塞的 worker",
            Points = 2,
            Question = "泄漏版本（data/recordings/leak/buffers-leaky-go1.23.5.txt）：如果程序照同样的节奏一直跑到第 100 步，按 goroutine profile 里阻塞在 main.worker 的 goroutine 数的最小二乘趋势，那时会有多少个这样的 goroutine？答案是一个整数。",
            Hints = ["GoroutineStacks() 给出每种栈在每一步的 goroutine 数；找 BlockedAt 为 main.worker 的那一行。",
                "用 LeakTrend.Fit 对这些计数拟合一条直线：斜率是每步新增的数目，截距是第 0 步时已有的数目（预热轮也在泄漏）。",
                "答案 = 截距 + 斜率 × 100；可用 trend.At(100) 核对。"],
            Checker = Integer(extrapolated),
            Reference = () => extrapolated.Value,
            Common = true,   // "412" also appears by chance in chapter 2 (a size-class run: 412 large objects)
            Spoilers = ["{0} 个 goroutine", "{0} 个协程", "{0} 个阻塞", "At(100) = {0}", "会有 {0} 个"],
            Explanation = "每步 4 个请求的调用方放弃，4 个 worker 永远卡在 runtime.chansend；第 0 步前的 3 轮预热已经留下 12 个，所以第 100 步时是 12 + 4 × 100 个。",
        };
    }
}
