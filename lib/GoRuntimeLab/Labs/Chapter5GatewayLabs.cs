// Mirrors: runtime/pprof's heap profile read as go tool pprof -sample_index=alloc_space -top does (the kit's Pprof
// reader), and runtime/mgcpacer.go's heap goal through GcRatePredictor, on the recordings of data/go/gateway (Go 1.19.8).
using GoRuntimeLab.Gateway;
using static GoRuntimeLab.Labs.LabChecks;

namespace GoRuntimeLab.Labs;

/// <summary>The labs of case 5.1 (API 网关). Every answer is computed from the Go 1.19.8 recordings.</summary>
internal static class Chapter5GatewayLabs
{
    private static string Folder => LabData.Path("recordings", "gateway");

    private static readonly Lazy<(GatewayRecording Without, GatewayRecording With, PoolAllocationDiff Diff)> Runs = new(() =>
    {
        var without = GatewayRecording.Load(Folder, "nopool", "go1.19.8");
        var with = GatewayRecording.Load(Folder, "pool", "go1.19.8");
        return (without, with, PoolAllocationDiff.From(without.ReadHeapProfile(), with.ReadHeapProfile()));
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    public static IEnumerable<Lab> All()
    {
        yield return new Lab
        {
            Id = "05.1-hot-spot",
            Common = true,   // the function also allocates in chapter 3's leak profile (pprofdemo's log buffer), shown there as a table
            Title = "找出分配热点",
            Points = 2,
            Question = "读取 Go 1.19.8 下不用 sync.Pool 的那次网关录制（GatewayRecording.Load(目录, \"nopool\", \"go1.19.8\")）的堆 profile，按 alloc_space 看：自身分配字节数（flat）最多的函数是哪一个？答案写 pprof 打印的完整函数名（包名.函数名）。",
            Hints = [
                "用 ReadHeapProfile().Top(\"alloc_space\") 或 PprofCharts.Top 看 flat 列，不要看 cum 列。",
                "cum 最大的是处理请求的 main 包函数，但它自己分配的只是一部分；它调用的某个标准库函数分配得更多。",
                "把两次录制的 alloc_space 做差（PprofProfile.Diff），用了 pool 之后几乎消失的那一行就是它；它在 bytes 包里，是 Buffer 扩容时申请新切片的函数。",
            ],
            Checker = Word(() => [Runs.Value.Diff.HotSpot]),
            Reference = () => Runs.Value.Diff.HotSpot,
            Spoilers = ["热点是 {0}", "热点是 `{0}`", "flat 最大的是 {0}", "flat 最多的是 {0}"],
            Explanation = "不用 pool 时，每个请求的 bytes.Buffer 从空开始，Encode 写入时一次次扩容，每次扩容都分配一个更大的切片；用 pool 后 Reset 保留容量，这一行几乎为 0。",
        };

        var predicted = Lazy(() =>
        {
            var (without, with, diff) = Runs.Value;
            return (long)Math.Round(GcRatePredictor.Predict(without, with, diff).PredictedCyclesWith);
        });
        yield return new Lab
        {
            Id = "05.1-predict-gc",
            Title = "预测用了 pool 之后的 GC 次数",
            Points = 3,
            Question = "同样 20000 个请求，Go 1.19.8：先用两份堆 profile 算出 pool 省下的分配比例（PoolAllocationDiff.From），再用 GcRatePredictor.Predict(不用 pool 的录制, 用 pool 的录制, diff) 预测用 pool 时的 GC 次数（PredictedCyclesWith，四舍五入为整数）。这个预测值是多少？答案是一个整数。",
            Hints = [
                "两次运行的存活堆几乎一样（gctrace 的第三个 MB 数），所以堆目标也一样：heapMinimum 4 MiB 起作用。",
                "目标不变时，GC 次数与分配量近似成正比：不用 pool 的真实次数 × (1 − 省下的比例) 是规则的估计。",
                "Predict 用模拟器算出两种分配速率下的次数之比，再乘以不用 pool 的真实次数；直接读 PredictedCyclesWith 并四舍五入。",
            ],
            Checker = Integer(predicted),
            Reference = () => predicted.Value,
            Spoilers = ["预测 {0} 次", "预测值是 {0}", "PredictedCyclesWith = {0}", "{0} 次 GC"],
            Explanation = "pool 只省下了 JSON 缓冲区扩容那一部分分配（约两成多），GC 次数也按同样的比例下降；真实录制的下降幅度与预测相差几个百分点，远不是课程文本说的 64%。",
        };
    }
}
