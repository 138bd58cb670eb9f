using GoRuntimeLab.Sched;
using GoRuntimeLab.Sched.Workloads;
using GoRuntimeLab.Tests.Robustness;

namespace GoRuntimeLab.Tests.Sched;

/// <summary>
/// The scheduler's budgets (SchedConfig.MaxEvents, MaxStatements, MaxGoroutines, MaxRecords, MaxOutputLines): the
/// probe's runs that grew to gigabytes now stop with the budget's error, and the defaults fit every built-in workload.
/// </summary>
[Collection(RunsAlone.Name)]
public sealed class SchedBudgetTests
{
    private static readonly long Hours1000 = GoDuration.Parse("1000h", "maxTime");

    private static SimulationBudgetException Refused(string json, SchedConfig config)
    {
        var workload = WorkloadJson.Parse(json);
        var (_, refusal) = BoundedRun.Run(json, () => Scheduler.Run(workload, config));
        return Assert.IsType<SimulationBudgetException>(refusal);
    }

    [Fact]
    public void A_forever_sleep_loop_for_1000_hours_stops_at_a_budget_with_its_timeline_on()
    {
        // The probe's run passed 6.2 GB in 35 s: the timeline grew with every sleep.
        var e = Refused("""{"name":"t","main":[{"op":"forever","body":[{"op":"sleep","d":"1ms"}]}]}""", SchedConfig.Default.WithMaxTime(Hours1000));
        Assert.Contains(e.Parameter, new[] { "SchedConfig.MaxEvents", "SchedConfig.MaxRecords" });
        Assert.Equal(e.Parameter == "SchedConfig.MaxEvents" ? SchedConfig.Default.MaxEvents : SchedConfig.Default.MaxRecords, e.Budget);
    }

    [Fact]
    public void A_record_budget_smaller_than_the_timeline_is_an_error_naming_it()
    {
        var e = Refused("""{"name":"t","main":[{"op":"forever","body":[{"op":"sleep","d":"1ms"}]}]}""",
            SchedConfig.Default.WithMaxTime(Hours1000).WithMaxRecords(10_000));
        Assert.Equal("SchedConfig.MaxRecords", e.Parameter);
        Assert.Equal(10_000, e.Budget);
    }

    [Fact]
    public void A_forever_sleep_loop_for_1000_hours_stops_at_the_event_budget_without_a_timeline()
    {
        var e = Refused("""{"name":"t","main":[{"op":"forever","body":[{"op":"sleep","d":"1ms"}]}]}""",
            SchedConfig.Default.WithMaxTime(Hours1000).WithRecordTimeline(false).WithMaxEvents(1_000_000));
        Assert.Equal("SchedConfig.MaxEvents", e.Parameter);
        Assert.Contains("1000000 scheduler events", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_forever_print_loop_stops_at_the_output_budget()
    {
        var e = Refused("""{"name":"t","main":[{"op":"forever","body":[{"op":"print","text":"x"}]}]}""", SchedConfig.Default.WithMaxTime(Hours1000));
        Assert.Equal("SchedConfig.MaxOutputLines", e.Parameter);
    }

    [Fact]
    public void A_forever_loop_of_zero_time_statements_stops_at_the_statement_budget()
    {
        var e = Refused("""{"name":"t","main":[{"op":"forever","body":[{"op":"count","counter":"c"}]}]}""",
            SchedConfig.Default.WithMaxTime(Hours1000).WithMaxStatements(2_000_000));
        Assert.Equal("SchedConfig.MaxStatements", e.Parameter);
    }

    [Fact]
    public void A_million_goroutines_stop_at_the_goroutine_budget()
    {
        var e = Refused("""{"name":"t","main":[{"op":"repeat","count":1000000,"body":[{"op":"go","name":"w","body":[{"op":"sleep","d":"100s"}]}]}]}""",
            SchedConfig.Default.WithMaxTime(GoDuration.Parse("100s", "maxTime")));
        Assert.Equal("SchedConfig.MaxGoroutines", e.Parameter);
        Assert.Equal(250_000, e.Budget);
    }

    [Fact]
    public void Every_built_in_workload_fits_the_default_budgets()
    {
        foreach (var name in Workloads.Names)
        {
            var r = Scheduler.Run(name, SchedConfig.Default.WithSchedTrace(1_000_000, detail: true));
            // A margin of 4 at least, for notebooks that run them longer or on more Ps.
            Assert.True(r.EventCount * 4 <= SchedConfig.Default.MaxEvents, $"{name}: {r.EventCount} events");
            var records = r.PTimeline.Count + r.GTimeline.Count + r.Events.Count + r.SchedTrace.Count;
            Assert.True(records * 4 <= SchedConfig.Default.MaxRecords, $"{name}: {records} records");
        }
    }

    [Fact]
    public void Budgets_are_immutable_copies_and_must_be_positive()
    {
        var c = SchedConfig.Default.WithMaxEvents(5).WithMaxStatements(6).WithMaxGoroutines(7).WithMaxRecords(8).WithMaxOutputLines(9);
        Assert.Equal((5L, 6L, 7, 8L, 9L), (c.MaxEvents, c.MaxStatements, c.MaxGoroutines, c.MaxRecords, c.MaxOutputLines));
        Assert.Equal(3_000_000, SchedConfig.Default.MaxEvents);
        Assert.Equal("SchedConfig.MaxEvents", Assert.Throws<KitInputException>(() => SchedConfig.Default.WithMaxEvents(0)).Parameter);
        Assert.Equal("SchedConfig.MaxGoroutines", Assert.Throws<KitInputException>(() => SchedConfig.Default.WithMaxGoroutines(-1)).Parameter);
    }
}
