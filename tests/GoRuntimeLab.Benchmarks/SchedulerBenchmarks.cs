using BenchmarkDotNet.Attributes;
using GoRuntimeLab.Sched;
using GoRuntimeLab.Sched.Workloads;

namespace GoRuntimeLab.Benchmarks;

/// <summary>
/// The scheduler simulator's speed (issue 4 target: ≥ 1 M scheduling events/s; 10 000 goroutines × 1 s of simulated
/// time in &lt; 2 s) beside a bare PriorityQueue event loop doing the same number of queue operations, which is the
/// floor any discrete-event simulator pays.
/// </summary>
[MemoryDiagnoser]
public class SchedulerBenchmarks
{
    private static readonly SchedConfig Config = SchedConfig.Default.WithProcs(4).WithRecordTimeline(false);
    private Workload _tenThousand = null!;

    /// <summary>Events one run of <see cref="TenThousandGoroutinesForOneSecond"/> processes (set in setup).</summary>
    public static long Events { get; private set; }

    /// <summary>10 000 goroutines, each doing 1 µs of work then sleeping 10 ms, 100 times: 1 s of simulated time.</summary>
    public static Workload TenThousandGoroutines() => Workload.Create("bench-10k", "10000 goroutines, each 1 µs of work every 10 ms, for 1 s")
        .Main(m =>
        {
            m.Add("wg", 10_000);
            m.Repeat(10_000, b => b.Go("g", g => g.Repeat(100, x => x.Compute("1us").Sleep("10ms")).Done("wg")));
            m.Wait("wg");
        });

    [GlobalSetup]
    public void Setup()
    {
        _tenThousand = TenThousandGoroutines();
        Events = Scheduler.Run(_tenThousand, Config).EventCount;
    }

    [Benchmark(Description = "sched: 10k goroutines × 1 s simulated")]
    public long TenThousandGoroutinesForOneSecond() => Scheduler.Run(_tenThousand, Config).EventCount;

    [Benchmark(Baseline = true, Description = "baseline: bare PriorityQueue loop, same event count")]
    public long BarePriorityQueueLoop()
    {
        // 10 000 timers re-armed 10 ms later each time one fires: the queue traffic of the workload above.
        var queue = new PriorityQueue<int, long>(10_000);
        for (var g = 0; g < 10_000; g++) queue.Enqueue(g, g);
        long fired = 0, now = 0;
        while (fired < Events && queue.TryDequeue(out var g, out now))
        {
            queue.Enqueue(g, now + 10_000_000);
            fired++;
        }

        return fired + now % 2;
    }
}
