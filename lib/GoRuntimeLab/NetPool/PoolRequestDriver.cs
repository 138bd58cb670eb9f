// Mirrors: nothing in Go; the request side of data/go/poolprobe, shared by both pool simulators. In waves, Concurrency
// requests start together and the next wave starts Think after the last of them has finished (so every connection is
// back in the pool before the next wave asks); in a closed loop, each of Concurrency workers (started Stagger apart)
// asks again Think after its request finished.
namespace GoRuntimeLab.NetPool;

/// <summary>Issues a <see cref="PoolWorkload"/>'s requests on a <see cref="PoolEventQueue"/>: <c>issue(id, caller)</c>
/// starts request <c>id</c> (0, 1, … in order) for caller <c>caller</c> (the worker, or the slot in its wave).</summary>
internal sealed class PoolRequestDriver(PoolEventQueue queue, PoolWorkload workload, Action<int, int> issue)
{
    private int _next, _waveLeft;

    public void Start()
    {
        if (workload.Pattern == WorkloadPattern.Waves)
            queue.At(0, StartWave);
        else
            for (var w = 0; w < workload.Concurrency; w++)
            {
                var worker = w;
                queue.At(w * PoolWorkload.Ns(workload.Stagger), () => NextRequest(worker));
            }
    }

    /// <summary>The request of <paramref name="caller"/> has finished: start what the workload does next.</summary>
    public void Finished(int caller)
    {
        if (workload.Pattern == WorkloadPattern.Waves)
        {
            if (--_waveLeft == 0 && _next < workload.Requests) queue.At(queue.Now + PoolWorkload.Ns(workload.Think), StartWave);
        }
        else if (workload.Think == TimeSpan.Zero) NextRequest(caller); // the worker's goroutine asks again at once
        else queue.At(queue.Now + PoolWorkload.Ns(workload.Think), () => NextRequest(caller));
    }

    private void StartWave()
    {
        var size = Math.Min(workload.Concurrency, workload.Requests - _next);
        _waveLeft = size;
        for (var i = 0; i < size; i++) issue(_next++, i);
    }

    private void NextRequest(int worker)
    {
        if (_next >= workload.Requests) return;
        issue(_next++, worker);
    }
}
