using GoRuntimeLab.Gc.Pacer;

namespace GoRuntimeLab.Tests.Gc.Pacer;

/// <summary>Go's TestGCCPULimiter (runtime/mgclimit_test.go, identical in 1.19 and 1.23), ported step by step.</summary>
public class GcCpuLimiterTests
{
    private const long Ms = 1_000_000;
    private const long Us = 1_000;
    private const long Second = 1_000_000_000;
    private const long Hour = 3600 * Second;
    private const long CapacityPerProc = (long)PacerConstants.CapacityPerProc;
    private const double Bg = PacerConstants.GcBackgroundUtilization;

    [Fact]
    public void Go_TestGCCPULimiter()
    {
        const int procs = 14;
        long ticks = 0;
        long Advance(long d) => ticks += d;
        static long AssistTime(long d, double frac) => (long)(frac * d * procs);

        var l = new GcCpuLimiter(ticks, procs);

        // Do the whole test twice to make sure state doesn't leak across.
        ulong baseOverflow = 0;
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal((ulong)(procs * CapacityPerProc), l.Capacity);
            Assert.Equal(0UL, l.Fill);

            // Filling the bucket with just mutator time.
            l.Update(Advance(10 * Ms));
            l.Update(Advance(1 * Second));
            l.Update(Advance(1 * Hour));
            Assert.Equal(0UL, l.Fill);

            // needUpdate.
            Assert.False(l.NeedUpdate(Advance(PacerConstants.GcCpuLimiterUpdatePeriod / 2)));
            Assert.True(l.NeedUpdate(Advance(PacerConstants.GcCpuLimiterUpdatePeriod)));
            l.Update(Advance(0));
            Assert.False(l.NeedUpdate(Advance(0)));

            // Transitioning the bucket to enable the GC: the STW counts fully.
            l.StartGCTransition(true, Advance(109 * Ms));
            l.FinishGCTransition(Advance(2 * Ms + 1 * Us));
            Assert.Equal((ulong)((2 * Ms + 1 * Us) * procs), l.Fill);

            // Passing time without assists during a GC drains at (1-2·0.25) of the window: down to exactly procs.
            var factor = 1 / (1 - 2 * Bg);
            var fill = (2 * Ms + 1 * Us) * procs;
            l.Update(Advance((long)(factor * (fill - procs) / procs)));
            Assert.Equal((ulong)procs, l.Fill);

            // Drain to zero for the rest of the test.
            l.Update(Advance(2 * procs * CapacityPerProc));
            Assert.Equal(0UL, l.Fill);

            // 50 % total GC work does not move the bucket.
            l.AddAssistTime(AssistTime(10 * Ms, 0.5 - Bg));
            l.Update(Advance(10 * Ms));
            Assert.Equal(0UL, l.Fill);

            // 100 % GC work adds to the bucket.
            l.AddAssistTime(AssistTime(Ms, 1.0 - Bg));
            l.Update(Advance(Ms));
            Assert.Equal((ulong)(procs * Ms), l.Fill);
            Assert.False(l.Limiting);

            // Filling the bucket exactly full.
            l.AddAssistTime(AssistTime(CapacityPerProc - Ms, 1.0 - Bg));
            l.Update(Advance(CapacityPerProc - Ms));
            Assert.Equal(l.Capacity, l.Fill);
            Assert.True(l.Limiting);
            Assert.Equal(0 + baseOverflow, l.Overflow);

            // A delta of exactly zero (GC = 50 %): still on, no overflow.
            l.AddAssistTime(AssistTime(1 * Second, 0.5 - Bg));
            l.Update(Advance(1 * Second));
            Assert.Equal(l.Capacity, l.Fill);
            Assert.True(l.Limiting);
            Assert.Equal(0 + baseOverflow, l.Overflow);

            // Drain the bucket by half.
            l.AddAssistTime(AssistTime(CapacityPerProc, 0));
            l.Update(Advance(CapacityPerProc));
            Assert.Equal(l.Capacity / 2, l.Fill);
            Assert.False(l.Limiting);

            // Overfilling the bucket.
            l.AddAssistTime(AssistTime(CapacityPerProc, 1.0 - Bg));
            l.Update(Advance(CapacityPerProc));
            Assert.Equal(l.Capacity, l.Fill);
            Assert.True(l.Limiting);
            Assert.Equal((ulong)(CapacityPerProc * procs / 2) + baseOverflow, l.Overflow);

            // Ending the cycle with some assists left over.
            l.AddAssistTime(AssistTime(1 * Ms, 1.0 - Bg));
            l.StartGCTransition(false, Advance(1 * Ms));
            Assert.Equal(l.Capacity, l.Fill);
            Assert.True(l.Limiting);
            Assert.Equal((ulong)((CapacityPerProc / 2 + Ms) * procs) + baseOverflow, l.Overflow);

            // The STW adds to the bucket.
            l.FinishGCTransition(Advance(5 * Ms));
            Assert.Equal(l.Capacity, l.Fill);
            Assert.True(l.Limiting);
            Assert.Equal((ulong)((CapacityPerProc / 2 + 6 * Ms) * procs) + baseOverflow, l.Overflow);

            // Resize procs up: limiting stops, fill and overflow stay.
            var expectFill = l.Capacity;
            l.ResetCapacity(Advance(0), procs + 10);
            Assert.Equal(expectFill, l.Fill);
            Assert.False(l.Limiting);
            Assert.Equal((ulong)((CapacityPerProc / 2 + 6 * Ms) * procs) + baseOverflow, l.Overflow);

            // Resize procs down: limiting begins again, overflow unchanged.
            l.ResetCapacity(Advance(0), procs - 10);
            Assert.Equal(l.Capacity, l.Fill);
            Assert.True(l.Limiting);
            Assert.Equal((ulong)((CapacityPerProc / 2 + 6 * Ms) * procs) + baseOverflow, l.Overflow);

            // Back to a zero state.
            l.ResetCapacity(Advance(CapacityPerProc * procs), procs);
            baseOverflow += (ulong)((CapacityPerProc / 2 + 6 * Ms) * procs);
        }
    }

    [Fact]
    public void Transitions_must_alternate_and_be_finished()
    {
        var l = new GcCpuLimiter(0, 4);
        Assert.Throws<InvalidOperationException>(() => l.StartGCTransition(false, 1)); // GC is already off
        Assert.Throws<InvalidOperationException>(() => l.FinishGCTransition(1)); // none started
        l.StartGCTransition(true, 1);
        Assert.True(l.Transitioning);
        l.Update(2); // the transition holds the lock: Go's update returns without doing anything
        Assert.Equal(1, l.LastUpdate);
        l.FinishGCTransition(3);
        Assert.False(l.Transitioning);
        Assert.Equal(2UL * 4, l.Fill);
        Assert.Equal("nprocs", Assert.Throws<KitInputException>(() => l.ResetCapacity(4, 0)).Parameter);
    }

    [Fact]
    public void Last_enabled_cycle_is_the_next_gc_number()
    {
        var l = new GcCpuLimiter(0, 1) { NumGc = 41 };
        l.AddAssistTime(3 * Second);
        l.Update(Second); // 1 s window, 3 s of assists: overfull
        Assert.True(l.Limiting);
        Assert.Equal(42u, l.LastEnabledCycle);
        // mutator = window - gc = 1 s - 3 s = -2 s, so change = 3 - (-2) = 5 s; 1 s fits, 4 s overflow (Go's arithmetic).
        Assert.Equal((ulong)(4 * Second), l.Overflow);
    }
}
