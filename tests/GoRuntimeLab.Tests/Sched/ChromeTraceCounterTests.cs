using System.Text.Json;
using GoRuntimeLab.Sched;

namespace GoRuntimeLab.Tests.Sched;

public class ChromeTraceCounterTests
{
    [Theory]
    [InlineData("fanout", 4)]
    [InlineData("syscall-mix", 4)]
    [InlineData("many-short", 2)]
    public void Running_Ps_counter_equals_the_running_slices_of_the_P_timeline(string workload, int procs)
    {
        var r = Scheduler.Run(workload, SchedConfig.Default.WithProcs(procs));
        using var doc = JsonDocument.Parse(r.ToChromeTrace());
        var samples = doc.RootElement.GetProperty("traceEvents").EnumerateArray()
            .Where(e => e.GetProperty("ph").GetString() == "C" && e.GetProperty("name").GetString() == "running Ps")
            .Select(e => (At: (long)Math.Round(e.GetProperty("ts").GetDouble() * 1000), Value: e.GetProperty("args").GetProperty("running").GetInt32()))
            .ToList();
        Assert.NotEmpty(samples);
        var running = r.PTimeline.Where(s => s.Activity == PActivity.Running && s.End > s.Start).ToList();
        foreach (var (at, value) in samples)
        {
            // Independent recount: slices covering the instant just after the sample.
            Assert.Equal(running.Count(s => s.Start <= at && at < s.End), value);
            Assert.InRange(value, 0, procs);
        }

        Assert.Equal(0, samples[^1].Value); // everything stopped at the end
        Assert.True(samples.Zip(samples.Skip(1)).All(p => p.First.At < p.Second.At && p.First.Value != p.Second.Value), "one sample per change, in time order");
    }

    [Fact]
    public void Fanout_keeps_all_four_Ps_busy_at_its_peak()
    {
        var r = Scheduler.Run("fanout", SchedConfig.Default.WithProcs(4));
        using var doc = JsonDocument.Parse(r.ToChromeTrace());
        var max = doc.RootElement.GetProperty("traceEvents").EnumerateArray()
            .Where(e => e.GetProperty("ph").GetString() == "C")
            .Max(e => e.GetProperty("args").GetProperty("running").GetInt32());
        Assert.Equal(4, max);
    }
}
