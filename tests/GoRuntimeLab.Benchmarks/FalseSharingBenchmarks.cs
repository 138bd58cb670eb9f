using BenchmarkDotNet.Attributes;

namespace GoRuntimeLab.Benchmarks;

/// <summary>
/// The C# analogue of data/go/falseshare (chapter 4.3): <see cref="Threads"/> threads each <c>Interlocked.Increment</c>
/// their own counter, the counters side by side in a <c>long[]</c> (eight per 64-byte line) or padded with
/// <c>[StructLayout(Size = 64)]</c> / <c>Size = 128</c>. One operation is one increment, all threads together, so the
/// Mean column is comparable with Go's ns/op. `dotnet run -c Release --project tests/GoRuntimeLab.Benchmarks -- --filter *FalseSharing*`.
/// </summary>
public class FalseSharingBenchmarks
{
    /// <summary>Increments per invocation, split among the threads (thread start-up is under 1 % of it).</summary>
    public const int Increments = 1 << 21;

    private readonly long[] _plain = new long[64];
    private readonly PaddedCounter64[] _pad64 = new PaddedCounter64[64];
    private readonly PaddedCounter128[] _pad128 = new PaddedCounter128[64];

    /// <summary>Threads, each with its own counter: 1 up to twice the cores of a 2-core machine.</summary>
    [Params(1, 2, 4)]
    public int Threads { get; set; }

    /// <summary>"unpadded", "pad64" or "pad128".</summary>
    [Params("unpadded", "pad64", "pad128")]
    public string Layout { get; set; } = "unpadded";

    [Benchmark(OperationsPerInvoke = Increments, Description = "Interlocked.Increment, each thread its own counter")]
    public void InterlockedIncrement()
    {
        var per = Increments / Threads;
        using var start = new ManualResetEventSlim();
        var threads = new Thread[Threads];
        for (var t = 0; t < Threads; t++)
        {
            var index = t;
            threads[t] = new Thread(() =>
            {
                start.Wait();
                switch (Layout)
                {
                    case "unpadded":
                        for (var i = 0; i < per; i++) Interlocked.Increment(ref _plain[index]);
                        break;
                    case "pad64":
                        for (var i = 0; i < per; i++) Interlocked.Increment(ref _pad64[index].Value);
                        break;
                    default:
                        for (var i = 0; i < per; i++) Interlocked.Increment(ref _pad128[index].Value);
                        break;
                }
            });
            threads[t].Start();
        }
        start.Set();
        foreach (var thread in threads) thread.Join();
    }
}
