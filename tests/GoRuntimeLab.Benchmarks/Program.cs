using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using GoRuntimeLab.Benchmarks;
using Perfolizer.Horology;

// Performance of the kit itself (docs/ARCHITECTURE.md): `dotnet run -c Release --project tests/GoRuntimeLab.Benchmarks`
// runs every benchmark with BenchmarkDotNet (in-process, short runs) and prints its table plus the derived rates;
// `-- --filter *Sched*` narrows it. `-- --quick` prints a plain Stopwatch timing report instead (seconds, not minutes).
// `-- --load-test` loads `golab metrics serve` (built CLI) with 50 clients for 60 s at --speed 1, 1000 and 1e6.
if (args.Contains("--quick"))
{
    QuickReport();
    return 0;
}

if (args.Contains("--load-test")) return await ServeLoadTest.RunAsync(args);

var artifacts = Path.Combine(Path.GetTempPath(), "golab-benchmarks");
var config = ManualConfig.CreateEmpty()
    .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithIterationTime(TimeInterval.FromMilliseconds(250)))
    .AddColumnProvider(DefaultColumnProviders.Instance)
    .AddValidator(DefaultConfig.Instance.GetValidators().ToArray())
    .AddLogger(BenchmarkDotNet.Loggers.ConsoleLogger.Default)
    .AddDiagnoser(BenchmarkDotNet.Diagnosers.MemoryDiagnoser.Default)
    .WithArtifactsPath(artifacts)
    .WithOptions(ConfigOptions.DisableLogFile);
var summaries = BenchmarkSwitcher.FromAssembly(typeof(SchedulerBenchmarks).Assembly).Run(args.Length == 0 ? ["--filter", "*"] : args, config);
foreach (var report in summaries.SelectMany(s => s.Reports))
{
    var name = report.BenchmarkCase.Descriptor.WorkloadMethod.Name;
    var mean = report.ResultStatistics?.Mean;
    if (mean is null) continue;
    if (name is nameof(SchedulerBenchmarks.TenThousandGoroutinesForOneSecond) or nameof(SchedulerBenchmarks.BarePriorityQueueLoop))
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {SchedulerBenchmarks.Events / (mean.Value / 1e9) / 1e6:0.00} M events/s ({SchedulerBenchmarks.Events} events in {mean.Value / 1e6:0} ms)"));
    if (name is nameof(ExecTraceBenchmarks.ReadStats))
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {ExecTraceBenchmarks.Events / (mean.Value / 1e9) / 1e6:0.00} M trace events/s ({ExecTraceBenchmarks.Events} events, {ExecTraceBenchmarks.Bytes >> 10} KiB, in {mean.Value / 1e6:0} ms)"));
}

return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;

static void QuickReport()
{
    var sched = new SchedulerBenchmarks();
    sched.Setup();
    var pacer = new PacerBenchmarks();
    var gc = new GcSimulationBenchmarks();
    Time("gc: GOGC sweep, 20 values × 10 s simulated", () => gc.GogcSweep(), 0);
    Time("gc: one 2 s run with its series", () => gc.NotebookRun(), 0);
    Time("sched: 10k goroutines × 1 s simulated", () => sched.TenThousandGoroutinesForOneSecond(), SchedulerBenchmarks.Events);
    Time("baseline: bare PriorityQueue loop", () => sched.BarePriorityQueueLoop(), SchedulerBenchmarks.Events);
    Time("pacer: Steady, 50 cycles", () => pacer.Steady(), 0);
    Time("pacer: all 19 scenarios", () => pacer.AllScenarios(), 0);
}

static void Time(string what, Func<long> run, long events)
{
    run(); // warm up the JIT
    var times = new List<double>();
    for (var i = 0; i < 5; i++)
    {
        var clock = Stopwatch.StartNew();
        run();
        times.Add(clock.Elapsed.TotalMilliseconds);
    }

    times.Sort();
    var median = times[2];
    var rate = events > 0 ? string.Create(CultureInfo.InvariantCulture, $", {events / (median / 1e3) / 1e6:0.00} M events/s") : "";
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what,-45} median {median,9:0.000} ms (min {times[0]:0.000}, max {times[^1]:0.000}){rate}"));
}
