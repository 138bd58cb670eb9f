// Mirrors: data/go/chanbench's benchmarks (chan.go chansend/chanrecv, select.go selectgo and the selectnb* fast paths,
// Go 1.19–1.23) written as scheduler-simulator workloads, so the simulator's channel costs (SchedCosts: ChannelOp,
// ContextSwitch, ThreadWake…) can be put beside the measured ones.
// Simplified: ns/op is the simulated end time over the operations, so it includes the one `go` statement and the
// goroutine start (300 ns each, amortised over the operations).
using GoRuntimeLab.Sched;
using GoRuntimeLab.Sched.Workloads;

namespace GoRuntimeLab.Chan;

/// <summary>The chanbench benchmarks on the simulator: simulated ns/op per benchmark name.</summary>
public static class ChanBenchSimulation
{
    /// <summary>The buffered-stream capacities, as in chanbench's bench.go.</summary>
    public static IReadOnlyList<int> StreamCapacities { get; } = [0, 1, 8, 64, 1024];

    /// <summary>
    /// Runs every benchmark's workload for <paramref name="ops"/> operations on <paramref name="config"/> and returns
    /// the series labelled "simulator (costs…)"; deterministic for a given config.
    /// </summary>
    /// <exception cref="KitInputException"><paramref name="ops"/> outside 10–100000.</exception>
    public static ChanBenchSeries Run(SchedConfig config, int ops = 2000)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (ops is < 10 or > 100_000) throw KitInputException.For($"must be 10 to 100000 (got {ops})", parameter: "ops");
        var ns = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var (name, workload) in Workloads(ops))
        {
            var r = Scheduler.Run(workload, config);
            if (r.Exit != SchedExit.MainReturned)
                throw new InvalidOperationException($"{name}: the simulated benchmark ended with {r.Exit}: {r.FatalMessage}");
            ns[name] = (double)r.EndTime / ops;
        }
        return new ChanBenchSeries($"模拟器 simulator (GOMAXPROCS={config.Procs}, chan op {config.Costs.ChannelOp} ns, switch {config.Costs.ContextSwitch} ns)", ns,
            new Dictionary<string, double>());
    }

    /// <summary>Each benchmark as a workload of <paramref name="ops"/> operations.</summary>
    public static IEnumerable<(string Name, Workload Workload)> Workloads(int ops)
    {
        yield return ("UnbufferedHandoff", Stream("UnbufferedHandoff", 0, ops));
        foreach (var c in StreamCapacities) yield return ($"BufferedStream/cap={c}", Stream($"BufferedStream/cap={c}", c, ops));
        yield return ("SelectNonblockEmpty", Workload.Create("SelectNonblockEmpty", "select { case <-c: default: } on an empty channel").Chan("c")
            .Main(m => m.Repeat(ops, b => b.Select(s => s.Recv("c").Default()))));
        yield return ("SelectNonblockReady", Workload.Create("SelectNonblockReady", "select { case c <- i: default: }; <-c on make(chan int, 1)").Chan("c", 1)
            .Main(m => m.Repeat(ops, b => b.Select(s => s.Send("c", 1).Default()).Recv("c"))));
        yield return ("SelectOneReady", Workload.Create("SelectOneReady", "c <- i; select { case <-c: case <-never: }").Chan("c", 1).Chan("never")
            .Main(m => m.Repeat(ops, b => b.Send("c", 1).Select(s => s.Recv("c").Recv("never")))));
        yield return ("PingPong", Workload.Create("PingPong", "ping <- i; <-pong, echoed by a second goroutine").Chan("ping").Chan("pong")
            .Main(m => m.Go("echo", g => g.Range("ping", b => b.Send("pong", 1))).Repeat(ops, b => b.Send("ping", 1).Recv("pong")).Close("ping")));
    }

    private static Workload Stream(string name, int capacity, int ops) =>
        Workload.Create(name, $"a sender streams {ops} values over make(chan int, {capacity}) to main").Chan("c", capacity)
            .Main(m => m.Go("sender", g => g.Repeat(ops, b => b.Send("c", 1)).Close("c")).Range("c"));
}
