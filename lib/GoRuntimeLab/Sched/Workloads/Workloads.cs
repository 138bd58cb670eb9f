// Mirrors: the course's sz-welcome.go, its WaitGroup fix, and the shapes of Go's own scheduler tests (runtime/proc_test.go
// TestPingPongHog, runtime/chan_test.go TestSelectFairness) and of common demos, Go 1.13–1.23.
// Simplified: CPU work is given as durations, not loop counts.
namespace GoRuntimeLab.Sched.Workloads;

/// <summary>Ready-made workloads by name (the CLI's <c>--workload NAME</c>).</summary>
public static class Workloads
{
    private static readonly (string Name, Func<Workload> Build)[] Catalog =
    [
        ("sz-welcome", SzWelcome),
        ("sz-welcome-waitgroup", SzWelcomeWaitGroup),
        ("fanout", Fanout),
        ("prodcons-buffered", () => ProdCons("prodcons-buffered", 16)),
        ("prodcons-unbuffered", () => ProdCons("prodcons-unbuffered", 0)),
        ("pingpong", PingPong),
        ("spinner-sleeper", () => SpinnerSleeper(tight: true)),
        ("compute-sleeper", () => SpinnerSleeper(tight: false)),
        ("syscall-mix", SyscallMix),
        ("many-short", () => ManyShort(1000)),
        ("pingpong-hog", PingPongHog),
        ("select-fairness", SelectFairness),
        ("deadlock", Deadlock),
        ("send-on-closed", SendOnClosed),
    ];

    /// <summary>All names, in catalog order.</summary>
    public static IReadOnlyList<string> Names { get; } = Catalog.Select(c => c.Name).ToArray();

    /// <summary>The workload called <paramref name="name"/>.</summary>
    /// <exception cref="KitInputException">Unknown name; the message lists the known ones.</exception>
    public static Workload Get(string name)
    {
        foreach (var (n, build) in Catalog) if (n == name) return build();
        throw KitInputException.For($"unknown workload \"{name}\" (known: {string.Join(", ", Names)})", parameter: "workload");
    }

    private static readonly string[] Roles = ["南山IC设计工程师", "福田金融科技后端", "大疆嵌入式Gopher"];

    /// <summary>The course's sz-welcome.go: 3 goroutines print and sleep 300 ms; main sleeps 500 ms to "wait" for them.</summary>
    public static Workload SzWelcome() => Workload.Create("sz-welcome", "course sz-welcome.go: 3 goroutines sleep 300 ms, main sleeps 500 ms and exits")
        .Main(m =>
        {
            foreach (var role in Roles) m.Go(role, g => g.Print($"[{role}] 正在用Go重构核心模块…").Sleep("300ms").Print($"[{role}] done"));
            m.Sleep("500ms").Print("✅ 深圳Go生态已就绪:GMP调度器运行正常,CGO支持完备");
        });

    /// <summary>sz-welcome fixed with sync.WaitGroup: main waits exactly as long as the goroutines need.</summary>
    public static Workload SzWelcomeWaitGroup() => Workload.Create("sz-welcome-waitgroup", "sz-welcome with wg.Add/Done/Wait instead of time.Sleep")
        .Main(m =>
        {
            m.Add("wg", Roles.Length);
            foreach (var role in Roles) m.Go(role, g => g.Print($"[{role}] 正在用Go重构核心模块…").Sleep("300ms").Print($"[{role}] done").Done("wg"));
            m.Wait("wg").Print("✅ 深圳Go生态已就绪:GMP调度器运行正常,CGO支持完备");
        });

    /// <summary>CPU-bound fan-out: 8 workers of 20 ms call-heavy compute each, joined by a WaitGroup.</summary>
    public static Workload Fanout() => Workload.Create("fanout", "8 CPU-bound workers (20 ms each), WaitGroup join")
        .Main(m =>
        {
            m.Add("wg", 8);
            for (var i = 0; i < 8; i++) m.Go($"worker{i}", g => g.Compute("20ms").Done("wg"));
            m.Wait("wg");
        });

    /// <summary>One producer (2 µs per item, 1000 items) and two consumers (5 µs per item) over a channel of the given capacity.</summary>
    public static Workload ProdCons(string name, int capacity) => Workload.Create(name, $"1 producer → 2 consumers over make(chan int, {capacity}), 1000 items")
        .Chan("jobs", capacity)
        .Main(m =>
        {
            m.Add("wg", 2);
            m.Go("producer", g => g.Repeat(1000, b => b.Compute("2us").Send("jobs", 1)).Close("jobs"));
            for (var i = 0; i < 2; i++) m.Go($"consumer{i}", g => g.Range("jobs", b => b.Compute("5us").Count("consumed"), tally: null).Done("wg"));
            m.Wait("wg");
        });

    /// <summary>Ping-pong: two goroutines bounce a value 1000 times over two unbuffered channels.</summary>
    public static Workload PingPong() => Workload.Create("pingpong", "2 goroutines bounce a value 1000 times over unbuffered channels")
        .Chan("ping").Chan("pong")
        .Main(m =>
        {
            m.Add("wg", 2);
            m.Go("pinger", g => g.Repeat(1000, b => b.Send("ping", 1).Recv("pong")).Done("wg"));
            m.Go("ponger", g => g.Repeat(1000, b => b.Recv("ping").Compute("1us").Send("pong", 2)).Done("wg"));
            m.Wait("wg");
        });

    /// <summary>The preemption demo: a 200 ms loop (tight, or call-heavy with <paramref name="tight"/> = false) and a goroutine sleeping 100 µs.</summary>
    public static Workload SpinnerSleeper(bool tight = true) => Workload.Create(
            tight ? "spinner-sleeper" : "compute-sleeper",
            tight ? "1 tight-loop spinner (200 ms, no calls) + 1 goroutine sleeping 100 µs; run with GOMAXPROCS=1" : "1 call-heavy computation (200 ms) + 1 goroutine sleeping 100 µs; run with GOMAXPROCS=1")
        .Main(m =>
        {
            m.Add("wg", 2);
            m.Go("spinner", g => (tight ? g.TightLoop("200ms") : g.Compute("200ms")).Print("spinner done").Done("wg"));
            m.Go("sleeper", g => g.Sleep("100us").Print("sleeper woke").Done("wg"));
            m.Wait("wg");
        });

    /// <summary>4 goroutines alternating 1 ms syscalls with 50 µs of work, beside 4 CPU-bound goroutines of 30 ms.</summary>
    public static Workload SyscallMix() => Workload.Create("syscall-mix", "4 syscall-heavy goroutines (1 ms syscalls) + 4 CPU-bound (30 ms)")
        .Main(m =>
        {
            m.Add("wg", 8);
            for (var i = 0; i < 4; i++) m.Go($"io{i}", g => g.Repeat(20, b => b.Syscall("1ms").Compute("50us")).Done("wg"));
            for (var i = 0; i < 4; i++) m.Go($"cpu{i}", g => g.Compute("30ms").Done("wg"));
            m.Wait("wg");
        });

    /// <summary>main spawns <paramref name="count"/> goroutines of 50 µs work each: the stealing demo.</summary>
    public static Workload ManyShort(int count = 1000) => Workload.Create("many-short", $"main spawns {count} short goroutines (50 µs each); idle Ps steal")
        .Main(m =>
        {
            m.Add("wg", count);
            m.Repeat(count, b => b.Go("short", g => g.Compute("50us").Done("wg")));
            m.Wait("wg");
        });

    /// <summary>
    /// runtime/proc_test.go TestPingPongHog: on GOMAXPROCS=1 a "hog" pair (1e6 increments per turn) and a "light" pair (1e3)
    /// ping-pong for 100 ms; a fair scheduler keeps hog/light counts within 20×.
    /// </summary>
    public static Workload PingPongHog() => Workload.Create("pingpong-hog", "TestPingPongHog: hog pair (1e6/turn) vs light pair (1e3/turn), 100 ms")
        .Chan("done").Chan("hog").Chan("light")
        .Main(m =>
        {
            for (var i = 0; i < 2; i++) m.Go("hog", g => Run(g, "hog", "hog", "500us", 1_000_000));
            for (var i = 0; i < 2; i++) m.Go("light", g => Run(g, "light", "light", "500ns", 1_000));
            m.Send("hog", 1).Send("light", 1).Sleep("100ms").Close("done");
        });

    private static void Run(ProgramBuilder g, string wake, string counter, string work, long limit) =>
        g.Forever(loop => loop.Select(s => s
            .Recv("done", b => b.Return())
            .Recv(wake, b => b.TightLoop(work).Count(counter, limit).Send(wake, 1))));

    /// <summary>
    /// runtime/chan_test.go TestSelectFairness: c1 and c2 always ready (10001 buffered values each), c3/c4 never; 10000 selects
    /// forwarded to main; the counts of 1s and 2s must be within 10σ of 5000.
    /// </summary>
    public static Workload SelectFairness() => Workload.Create("select-fairness", "TestSelectFairness: 4-case select, 2 always ready, 10000 trials")
        .Chan("c1", 10_001).Chan("c2", 10_001).Chan("c3").Chan("c4").Chan("out").Chan("done")
        .Main(m =>
        {
            m.Repeat(10_001, b => b.Send("c1", 1).Send("c2", 2));
            m.Add("wg", 1);
            m.Go("selector", g => g.Forever(loop => loop
                .Select(s => s
                    .Recv("c3", b => b.Send("out", 3))
                    .Recv("c4", b => b.Send("out", 4))
                    .Recv("c1", b => b.Select(o => o.Send("out", 1).Recv("done", x => x.Done("wg").Return())))
                    .Recv("c2", b => b.Select(o => o.Send("out", 2).Recv("done", x => x.Done("wg").Return()))))));
            m.Repeat(10_000, b => b.Recv("out", tally: "out"));
            m.Close("done").Wait("wg");
        });

    /// <summary>main sends on an unbuffered channel nobody receives from: Go's deadlock report.</summary>
    public static Workload Deadlock() => Workload.Create("deadlock", "main blocks on an unbuffered send with no receiver; a worker waits on a WaitGroup")
        .Chan("c")
        .Main(m => m.Add("wg", 1).Go("worker", g => g.Wait("wg")).Send("c", 1));

    /// <summary>A goroutine sends on a channel main has closed: "panic: send on closed channel".</summary>
    public static Workload SendOnClosed() => Workload.Create("send-on-closed", "main closes a channel a producer is still sending on")
        .Chan("c", 1)
        .Main(m => m.Go("producer", g => g.Repeat(3, b => b.Send("c", 1).Sleep("1ms"))).Recv("c").Close("c").Sleep("10ms"));
}
