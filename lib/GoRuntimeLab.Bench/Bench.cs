// Mirrors: nothing in Go; BenchmarkDotNet 0.15.8 run in-process for a notebook cell (InProcessEmitToolchain: no
// project is generated or built, the benchmark runs in the kernel's process), with a very short job.
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace GoRuntimeLab.Benchmarking;

/// <summary>
/// BenchmarkDotNet inside a notebook: <c>Bench.Short&lt;ZeroCopyCsBenchmarks&gt;("SpanSlice", "Substring")</c> runs the
/// named benchmarks in-process with a short job (1 warm-up and 3 measured iterations of 4096 invocations each, no
/// pilot stage, no overhead evaluation), with the memory diagnoser, and returns one <see cref="BenchRow"/> per benchmark. Short runs are for
/// seeing the shape (allocation or not, order of magnitude); the recorded full runs are for numbers.
/// </summary>
public static class Bench
{
    /// <summary>Invocations of the benchmark per iteration in <see cref="Short{T}(string[])"/>.</summary>
    public const int Invocations = 4096;

    /// <summary>
    /// Runs the benchmarks of <typeparamref name="T"/> named in <paramref name="methods"/> (all when none is named).
    /// </summary>
    /// <exception cref="KitInputException">A named method is not a benchmark of T, or BenchmarkDotNet refused the run
    /// (for example a Debug build) or a benchmark failed.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "Short names the job (a short run), as BenchmarkDotNet's Job.ShortRun.")]
    public static IReadOnlyList<BenchRow> Short<T>(params string[] methods)
    {
        ArgumentNullException.ThrowIfNull(methods);
        var known = typeof(T).GetMethods().Where(m => m.GetCustomAttributes(typeof(BenchmarkDotNet.Attributes.BenchmarkAttribute), true).Length > 0)
            .Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var m in methods)
            if (!known.Contains(m))
                throw KitInputException.For($"{typeof(T).Name} has no benchmark {m} (it has {string.Join(", ", known.Order(StringComparer.Ordinal))})", parameter: "methods");
        // A fixed invocation count skips the pilot stage (which doubles the count until an iteration lasts long
        // enough); 4096 invocations keep the slowest case here (a 4 KB allocation) at a few ms per iteration.
        var job = Job.Dry
            .WithToolchain(InProcessEmitToolchain.DontLogOutput)
            .WithStrategy(RunStrategy.Throughput)
            .WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(3)
            .WithInvocationCount(Invocations).WithUnrollFactor(16)
            .WithEvaluateOverhead(false)
            .WithId("short");
        var artifacts = Path.Combine(Path.GetTempPath(), "golab-bdn-" + Environment.ProcessId);
        var config = ManualConfig.CreateEmpty()
            .AddJob(job)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddValidator(DefaultConfig.Instance.GetValidators().ToArray())
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddLogger(NullLogger.Instance)
            .WithArtifactsPath(artifacts)
            .WithOptions(ConfigOptions.DisableLogFile);
        if (methods.Length > 0)
        {
            var wanted = methods.ToHashSet(StringComparer.Ordinal);
            config = config.AddFilter(new SimpleFilter(c => wanted.Contains(c.Descriptor.WorkloadMethod.Name)));
        }
        var summary = BenchmarkRunner.Run<T>(config);
        if (summary.HasCriticalValidationErrors)
            throw KitInputException.For("BenchmarkDotNet refused the run: " + string.Join("; ", summary.ValidationErrors.Select(e => e.Message)), parameter: "T");
        var rows = new List<BenchRow>();
        foreach (var report in summary.Reports)
        {
            var method = report.BenchmarkCase.Descriptor.WorkloadMethod.Name;
            var stats = report.ResultStatistics
                ?? throw KitInputException.For($"benchmark {method} failed (no results)", parameter: "methods");
            rows.Add(new BenchRow(method, report.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo.Trim('\''), stats.Mean, stats.N > 1 ? stats.StandardDeviation : double.NaN,
                report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase), stats.N, "live (short job)"));
        }
        return rows;
    }
}
