using GoRuntimeLab.Sched;
using GoRuntimeLab.Sched.Workloads;

namespace GoRuntimeLab.Tests.Sched;

// Oracle: chan.go/select.go semantics and Go's own messages ("send on closed channel",
// "all goroutines are asleep - deadlock!"); hchan invariants checked after every operation (CheckInvariants).
public class ChannelTests
{
    private static readonly SchedConfig Checked = SchedConfig.Default.WithCheckInvariants(true);

    public static TheoryData<string> AllWorkloads() => new(Workloads.Names);

    [Theory]
    [MemberData(nameof(AllWorkloads))]
    public void Every_workload_keeps_the_hchan_invariants(string name)
    {
        foreach (var procs in new[] { 1, 4 })
        {
            var r = Scheduler.Run(name, Checked.WithProcs(procs).WithRecordTimeline(false));
            Assert.NotEqual(SchedExit.TimeLimit, r.Exit);
        }
    }

    [Fact]
    public void Buffered_channel_is_FIFO_and_close_gives_zero_ok_false_after_draining()
    {
        var w = Workload.Create("fifo").Chan("c", 3).Main(m => m
            .Send("c", 10).Send("c", 20).Send("c", 30).Close("c")
            .Recv("c", "a").Recv("c", "b").Recv("c", "c").Recv("c", "d"));
        var r = Scheduler.Run(w, Checked);
        Assert.Equal(1, r.Counter("a/10"));
        Assert.Equal(1, r.Counter("b/20"));
        Assert.Equal(1, r.Counter("c/30"));
        Assert.Equal(1, r.Counter("d/closed"));
    }

    [Fact]
    public void Full_buffer_with_waiting_sender_keeps_FIFO_order()
    {
        // recv() on a full buffer takes the head and puts the waiting sender's value in the freed slot.
        var w = Workload.Create("fullbuf").Chan("c", 2).Main(m => m
            .Go("sender", g => g.Send("c", 1).Send("c", 2).Send("c", 3))
            .Sleep("1ms")
            .Recv("c", "x1").Recv("c", "x2").Recv("c", "x3"));
        var r = Scheduler.Run(w, Checked.WithProcs(1));
        Assert.Equal(1, r.Counter("x1/1"));
        Assert.Equal(1, r.Counter("x2/2"));
        Assert.Equal(1, r.Counter("x3/3"));
    }

    [Fact]
    public void Send_on_closed_channel_is_a_simulated_panic_with_the_goroutines_steps()
    {
        var r = Scheduler.Run("send-on-closed", Checked);
        Assert.Equal(SchedExit.Panic, r.Exit);
        Assert.StartsWith("panic: send on closed channel\n\ngoroutine 2 [running]:\nmain.producer()\n\tstep 0: c <- 1\n", r.FatalMessage);
        Assert.Contains("created by main.main in goroutine 1", r.FatalMessage);
    }

    [Fact]
    public void Close_wakes_a_blocked_sender_which_then_panics()
    {
        var w = Workload.Create("wake-sender").Chan("c").Main(m => m.Go("s", g => g.Send("c", 1)).Sleep("1ms").Close("c").Sleep("1ms"));
        var r = Scheduler.Run(w, Checked);
        Assert.Equal(SchedExit.Panic, r.Exit);
        Assert.Contains("goroutine 2 [running]", r.FatalMessage);
    }

    [Fact]
    public void Deadlock_is_reported_like_Go_with_every_blocked_goroutine()
    {
        var r = Scheduler.Run("deadlock", Checked);
        Assert.Equal(SchedExit.Deadlock, r.Exit);
        Assert.StartsWith("fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [chan send]:\n", r.FatalMessage);
        Assert.Contains("goroutine 2 [semacquire]:", r.FatalMessage);
    }

    [Fact]
    public void Nil_channel_blocks_forever_and_select_ignores_nil_cases()
    {
        var nilRecv = Workload.Create("nilrecv").Main(m => m.Recv(Workload.NilChannel));
        var r = Scheduler.Run(nilRecv, Checked);
        Assert.Equal(SchedExit.Deadlock, r.Exit);
        Assert.Contains("goroutine 1 [chan receive (nil chan)]:", r.FatalMessage);

        var sel = Workload.Create("nilselect").Chan("c", 1).Main(m => m.Send("c", 5)
            .Select(s => s.Recv(Workload.NilChannel, b => b.Count("nil")).Recv("c", b => b.Count("c"))));
        var r2 = Scheduler.Run(sel, Checked);
        Assert.Equal(1, r2.Counter("c"));
        Assert.Equal(0, r2.Counter("nil"));

        var empty = Workload.Create("block").Main(m => m.Select(_ => { }));
        Assert.Contains("goroutine 1 [select (no cases)]:", Scheduler.Run(empty, Checked).FatalMessage);
    }

    [Fact]
    public void Select_with_default_takes_default_only_when_nothing_is_ready()
    {
        var w = Workload.Create("def").Chan("c", 1).Chan("d").Main(m => m
            .Select(s => s.Recv("c", b => b.Count("got")).Recv("d", b => b.Count("got")).Default(b => b.Count("default")))
            .Send("c", 1)
            .Select(s => s.Recv("c", b => b.Count("got")).Recv("d", b => b.Count("got")).Default(b => b.Count("default"))));
        var r = Scheduler.Run(w, Checked);
        Assert.Equal(1, r.Counter("default"));
        Assert.Equal(1, r.Counter("got"));
    }

    [Fact]
    public void Direct_handoff_readies_the_receiver_into_the_senders_runnext()
    {
        // Unbuffered send to a parked receiver: goready puts it in runnext of the sender's P, which runs it next
        // (inheriting the time slice) as soon as the sender blocks — on 1 P, with no other P involved.
        var w = Workload.Create("handoff").Chan("c").Main(m => m.Go("r", g => g.Recv("c", "v")).Sleep("1ms").Send("c", 7).Sleep("1ms"));
        var r = Scheduler.Run(w, Checked.WithProcs(1));
        Assert.Equal(1, r.Counter("v/7"));
        var ready = r.Events.Single(e => e.Kind == SchedEventKind.Ready && e.G == 2 && e.Time > 500_000);
        Assert.Equal(0, ready.P);
    }

    [Fact]
    public void Mutex_serialises_and_waitgroup_releases_all_waiters()
    {
        var w = Workload.Create("mu").Main(m =>
        {
            m.Add("wg", 4);
            for (var i = 0; i < 4; i++) m.Go("w", g => g.Lock("mu").Compute("1ms").Count("inside").Unlock("mu").Done("wg"));
            m.Wait("wg");
        });
        var r = Scheduler.Run(w, Checked.WithProcs(4));
        Assert.Equal(4, r.Counter("inside"));
        Assert.True(r.EndTime >= 4_000_000, r.ToString()); // four 1 ms critical sections cannot overlap
        Assert.Equal(SchedExit.MainReturned, r.Exit);
    }

    [Fact]
    public void Main_returning_kills_the_other_goroutines()
    {
        var w = Workload.Create("early").Main(m => m.Go("slow", g => g.Sleep("1s").Print("never")).Sleep("1ms"));
        var r = Scheduler.Run(w, Checked);
        Assert.Null(r.Goroutine("slow").FinishedAt);
        Assert.Empty(r.Stdout);
        Assert.InRange(r.EndTime, 1_000_000, 1_010_000);
    }
}
