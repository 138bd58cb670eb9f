// Mirrors: compiler-rt tsan_report.cpp, Go build (the race reports, through Race/RaceReportParser), testing/cover.go
// and cmd/cover/func.go (statement coverage, through Cover/), and golang.org/x/perf benchmath (the Mann–Whitney U-test
// of benchstat, through Benchstat/BenchstatComparer). Every answer is computed from a recording in data/recordings.
using System.Globalization;
using GoRuntimeLab.Benchstat;
using GoRuntimeLab.Cover;
using GoRuntimeLab.Race;
using static GoRuntimeLab.Labs.LabChecks;

namespace GoRuntimeLab.Labs;

/// <summary>The labs of case 5.3 (CI/CD 流水线): a race report, a coverage gate, a benchmark comparison.</summary>
internal static class Chapter5CiLabs
{
    /// <summary>The gate of the course's pipeline: "覆盖率&lt;85%则阻断发布".</summary>
    internal const double Gate = 85;

    public static IEnumerable<Lab> All()
    {
        // The access that reads Flag (Peek, main.go's "v := Flag") in the `go run -race` recording: under go run,
        // Peek runs on the main goroutine; under go test (the notebook's recording) on the test's own goroutine.
        var reader = new Lazy<RaceAccess>(() => RaceReportParser.ReadFile(LabData.Path("recordings", "race", "racedemo-run-go1.23.5.txt")).Reports
            .SelectMany(r => r.Accesses).Single(a => !a.IsWrite && a.Top is { Function: var f } && f.EndsWith(".Peek", StringComparison.Ordinal)),
            LazyThreadSafetyMode.ExecutionAndPublication);
        IReadOnlyCollection<string> ReaderNames() => reader.Value.Goroutine == RaceAccess.MainGoroutine
            ? ["main", "main goroutine", "maingoroutine"]
            : [reader.Value.Goroutine.ToString(CultureInfo.InvariantCulture), "goroutine " + reader.Value.Goroutine.ToString(CultureInfo.InvariantCulture)];
        yield return new Lab
        {
            Id = "05.3-race-reader",
            Title = "go run -race 里是谁读了 Flag",
            Points = 2,
            Question = "data/recordings/race/racedemo-run-go1.23.5.txt 是 `go run -race` 运行 data/go/racedemo 的输出（不是本节展示的 go test -race）。用 RaceReportParser.ReadFile 解析它：在 Peek 函数里读取 Flag 的那次访问，是哪个 goroutine 做的？答案写 \"main\"（主 goroutine）或 goroutine 的编号。",
            Hints = ["找到栈顶函数是 Peek 的那次读访问（RaceAccess.IsWrite 为 false）。", "看这次访问的 RaceAccess.Goroutine / GoroutineName：报告给主 goroutine 一个特别的写法，而且它没有“created at”创建栈。", "go test 为每个测试另起一个 goroutine 运行测试函数；go run 直接从 main.main 调用 Peek。"],
            Checker = Word(ReaderNames),
            Reference = () => ReaderNames().First(),
            Spoilers = ["读 Flag 的是 {0}", "由 {0} goroutine 读", "{0} goroutine 读取 Flag"],
            Explanation = "go run 时 Peek 直接在 main.main 的调用链上运行，所以读访问来自主 goroutine（报告写作 \"by main goroutine\"，它没有创建栈）；go test 里同一行代码在测试的 goroutine 上运行。",
        };

        // The grade-only profile (TestGrade alone): how many more statements must run before the exact percentage
        // reaches the gate (CoverProfile.Gate compares the unrounded share).
        var missing = Lazy(() =>
        {
            var profile = CoverProfileParser.ReadFile(LabData.Path("recordings", "cover", "coverdemo-grade-only-go1.19.8.out"));
            var need = 0L;
            while (100.0 * (profile.CoveredStatements + need) / profile.Statements < Gate) need++;
            return need;
        });
        yield return new Lab
        {
            Id = "05.3-cover-missing",
            Title = "离 85% 门禁还差几条语句",
            Points = 3,
            Question = "data/recordings/cover/coverdemo-grade-only-go1.19.8.out 是只运行 TestGrade 时的覆盖率文件。流水线的门禁是语句覆盖率 ≥ 85%（精确值，不是四舍五入后的显示值）。至少还要再覆盖多少条语句，门禁才会通过？答案是一个整数。",
            Hints = ["先用 CoverProfileParser.ReadFile 读出 CoveredStatements 和 Statements。", "门禁比较的是 100·covered/total 的精确值，CoverProfile.Gate(85) 给出判断。", "解不等式 100·(covered + k)/total ≥ 85，取最小的整数 k。"],
            Checker = Integer(missing),
            Reference = () => missing.Value,
            Spoilers = ["还差 {0} 条语句", "再覆盖 {0} 条", "至少 {0} 条语句"],
            Explanation = "门禁按语句数计算：total 条语句中至少要有 ⌈0.85·total⌉ 条被执行，减去已经覆盖的语句数就是答案。",
        };

        // The smallest n for which the first n runs of each recorded file make Join's sec/op change significant.
        var runs = Lazy(() =>
        {
            static IReadOnlyList<double> Join(string file) => BenchfmtReader.ReadFile(LabData.Path("recordings", "benchstat", file)).Results
                .Where(r => r.Name.StartsWith("Join", StringComparison.Ordinal))
                .Select(r => r.Values.Single(v => v.OrigUnit == "ns/op").Value).ToList();
            var (old, @new) = (Join("old-go1.19.8.txt"), Join("new-go1.19.8.txt"));
            for (var n = 1; n <= Math.Min(old.Count, @new.Count); n++)
                if (BenchstatComparer.CompareSamples(old.Take(n).ToList(), @new.Take(n).ToList(), BenchstatOptions.Default.Alpha).Significant)
                    return n;
            throw new InvalidOperationException("Join's change is never significant in the recordings");
        });
        yield return new Lab
        {
            Id = "05.3-bench-runs",
            Title = "-count 至少要多大",
            Points = 3,
            Question = "data/recordings/benchstat/old-go1.19.8.txt 和 new-go1.19.8.txt 各有 10 次 Join 的运行（两版交替，各跑 10 次）。只取每个文件里前 n 次 Join 的 ns/op，用 benchstat 的默认 α = 0.05 比较（BenchstatComparer.CompareSamples）：n 最小是多少时，这个变化才算显著（不再是 \"~\"）？答案是一个整数。",
            Hints = ["新版在每一次运行里都比旧版快得多，可 benchstat 仍然可能打印 \"~\"。", "Mann–Whitney U 检验只看排名：每边 n 个值时，p 值有一个下限，它只取决于 n。", "从 n = 1 开始逐个试 CompareSamples(old.Take(n), new.Take(n), 0.05).Significant。"],
            Checker = Integer(runs),
            Reference = () => runs.Value,
            Spoilers = ["n = {0} 时显著", "n={0} 时显著", "至少 {0} 次运行", "-count {0} 才"],
            Explanation = "两边各 n 个值、完全分开时，双侧 U 检验的 p 值是 2/C(2n, n)：n 太小时即使差别巨大 p 也大于 0.05。所以 benchstat 建议 -count 10，而不是 1。",
        };
    }
}
