// Mirrors: nothing in Go; the pool simulators' clock. Events at the same time run in the order they were scheduled;
// Stop ends the run (pending timers included) once the workload is done.
namespace GoRuntimeLab.NetPool;

/// <summary>A time-ordered queue of actions with first-in-first-out ties, bounded by an event budget.</summary>
internal sealed class PoolEventQueue(long maxEvents, string budgetName)
{
    private readonly PriorityQueue<Action, (long Time, long Seq)> _queue = new();
    private long _seq;

    public long Now { get; private set; }

    public long Processed { get; private set; }

    private bool _stopped;

    public void Stop() => _stopped = true;

    public void At(long time, Action action) => _queue.Enqueue(action, (Math.Max(time, Now), _seq++));

    public void Run()
    {
        while (!_stopped && _queue.TryDequeue(out var action, out var key))
        {
            if (++Processed > maxEvents)
                throw SimulationBudgetException.Exceeded(budgetName, maxEvents, "events", "ask for fewer requests or raise the budget");
            Now = key.Time;
            action();
        }
    }
}
