using GoRuntimeLab.Sched;
using GoRuntimeLab.Sched.Workloads;

namespace GoRuntimeLab.Tests.Sched;

// Oracle: sync/mutex.go (Go 1.19, 1.23) unlockSlow and sema.go semrelease1.
public class MutexTests
{
    [Fact]
    public void In_normal_mode_unlock_wakes_nobody_while_a_woken_waiter_is_on_its_way()
    {
        // On one P: three waiters queue behind main; main then unlocks and relocks twice without yielding. Only the
        // first Unlock wakes a waiter (mutexWoken is then set until that waiter retries), so one Ready, not two.
        var w = Workload.Create("relock").Main(m => m
            .Lock("mu")
            .Go("a", g => g.Lock("mu").Unlock("mu")).Go("b", g => g.Lock("mu").Unlock("mu")).Go("c", g => g.Lock("mu").Unlock("mu"))
            .Sleep("1us")                                       // let the three block on mu
            .Unlock("mu").Lock("mu").Unlock("mu").Lock("mu")    // no yield in between
            .Print("relocked").Unlock("mu").Sleep("1ms"));
        var r = Scheduler.Run(w, SchedConfig.Default.WithProcs(1));
        var relocked = r.Stdout.Single(l => l.Text == "relocked").Time;
        var wakes = r.Events.Count(e => e.Kind == SchedEventKind.Ready && e.Time <= relocked && r.Goroutines.Any(g => g.Id == e.G && g.Name is "a" or "b" or "c"));
        Assert.Equal(1, wakes);
        Assert.All(r.Goroutines, g => Assert.NotNull(g.FinishedAt));
    }

    [Fact]
    public void In_starvation_mode_the_unlocker_hands_its_P_to_the_waiter()
    {
        // The waiter queues at once, is woken by main's first Unlock but loses the race to main's immediate Lock (on
        // the other P), and has then waited over 1 ms: starvation mode. main's next Unlock hands the lock over and
        // yields (goyield): the waiter runs on main's P before main's next statement.
        var w = Workload.Create("starve").Main(m => m
            .Lock("mu")
            .Go("waiter", g => g.Lock("mu").Print("waiter got it").Unlock("mu"))
            .Sleep("1us")
            .TightLoop("2ms")
            .Unlock("mu").Lock("mu")
            .TightLoop("1ms")
            .Unlock("mu")
            .Print("main after unlock").Sleep("1ms"));
        var r = Scheduler.Run(w, SchedConfig.Default.WithProcs(2));
        var got = r.Stdout.Single(l => l.Text == "waiter got it");
        var after = r.Stdout.Single(l => l.Text == "main after unlock");
        Assert.True(got.Time <= after.Time, $"waiter at {got.Time}, main went on at {after.Time}");
        Assert.True(got.Time >= 3_000_000, $"the waiter got the lock at {got.Time}, before main's second unlock");
    }
}
