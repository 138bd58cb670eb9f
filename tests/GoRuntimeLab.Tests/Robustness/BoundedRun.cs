namespace GoRuntimeLab.Tests.Robustness;

/// <summary>
/// Runs one simulation under a hang detector and a memory guard: it must return a result or refuse with a
/// <see cref="KitInputException"/> (a <see cref="SimulationBudgetException"/> when a budget ran out) within a generous
/// wall-clock limit, and the managed heap must not grow by more than a limit while it runs (sampled every 20 ms).
/// The limits detect hangs and unbounded growth; they are not speed targets.
/// </summary>
internal static class BoundedRun
{
    public static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(10);
    public const long MemoryLimit = 1L << 30;

    /// <summary>The outcome: the result (or null) and the refusal (or null).</summary>
    public static (T? Result, KitInputException? Refusal) Run<T>(string what, Func<T> run) where T : class
    {
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        long peak = baseline;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
                try { await Task.Delay(20, stop.Token); } catch (OperationCanceledException) { break; }
            }
        });
        var task = Task.Run(() =>
        {
            try { return (run(), (KitInputException?)null); }
            catch (KitInputException e) { return ((T?)null, e); }
        });
        var finished = task.Wait(HangLimit);
        stop.Cancel();
        sampler.Wait();
        peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
        Assert.True(finished, $"{what}: neither returned nor refused within {HangLimit.TotalSeconds} s (a hang)");
        Assert.True(peak - baseline < MemoryLimit, $"{what}: the heap grew by {(peak - baseline) >> 20} MiB");
        return task.Result;
    }
}
