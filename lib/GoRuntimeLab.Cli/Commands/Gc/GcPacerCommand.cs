using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using GoRuntimeLab.Gc.Pacer;
using GoRuntimeLab.Cli.Infrastructure;

namespace GoRuntimeLab.Cli.Commands.Gc;

/// <summary>
/// <c>golab gc pacer --scenario NAME [--go 1.19|1.20|1.21|1.22|1.23] [--json]</c> and <c>golab gc pacer --list</c>:
/// Go's TestGcPacer harness (runtime/mgcpacer_test.go), one row per GC cycle, as the real test logs it.
/// </summary>
internal static class GcPacerCommand
{
    private static readonly JsonSerializerOptions Json = CliJson.Options;

    public static Command Build()
    {
        var scenario = CliOptions.OptionalText("--scenario", "Scenario of Go's TestGcPacer (see --list), e.g. Steady, HeavyJitterAlloc, ExceedMemoryLimit.", "NAME");
        var go = GoSettingOptions.Go("1.19 to 1.23", why: "1.19 has the PI controller, 1.20 the moving average, 1.21+ the max of 5.");
        var json = new Option<bool>("--json")
        {
            Description = "Print one JSON document: {scenario, goVersion, passed, cycles:[{cycle, utilization, heapLive, trigger, " +
                          "peak, goal}], failures:[…]} (bytes as integers, utilization as a fraction). With --list: {scenarios:[…]}.",
        };
        var list = new Option<bool>("--list") { Description = "List the scenarios (name and workload) instead of running one." };

        var command = new Command(
            "pacer",
            "Run a scenario of Go's TestGcPacer harness on the ported pacer: per GC cycle the live heap, trigger, peak heap, " +
            "heap goal and GC CPU utilization, exactly as `go test runtime -run TestGcPacer -v` logs them.")
        {
            scenario,
            go,
            json,
            list,
        };
        command.SetAction(parse =>
        {
            var asJson = parse.GetValue(json);
            if (parse.GetValue(list))
            {
                Console.Out.Write(asJson ? ListJson() : ListTable());
                return ExitCodes.Ok;
            }

            var name = parse.GetValue(scenario)
                       ?? throw KitInputException.For($"missing --scenario; valid names: {string.Join(", ", PacerScenarios.Names)}", parameter: "--scenario");
            var version = GcConfig.Default.WithVersion(parse.GetValue(go)!).Version;
            var s = PacerScenarios.Get(name);

            var run = PacerHarness.Run(s, version);
            Console.Out.Write(asJson ? RunJson(run) : RunTable(s, run));
            return ExitCodes.Ok;
        });
        return command;
    }


    private static string VersionText(GoVersion v) => string.Create(CultureInfo.InvariantCulture, $"{v.Major}.{v.Minor}");

    private static string RunJson(PacerRun run) => JsonSerializer.Serialize(new
    {
        scenario = run.Scenario,
        goVersion = VersionText(run.Version),
        passed = run.Passed,
        cycles = run.Cycles.Select(c => new
        {
            cycle = c.Cycle,
            utilization = c.GcUtilization,
            heapLive = c.HeapLive,
            trigger = c.HeapTrigger,
            peak = c.HeapPeak,
            goal = c.HeapGoal,
        }),
        failures = run.Failures.Select(f => new { cycle = f.Cycle, message = f.Message, fatal = f.Fatal }),
    }, Json) + "\n";

    private static string RunTable(PacerScenario s, PacerRun run)
    {
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        sb.AppendLine(inv, $"TestGcPacer/{run.Scenario} on the Go {VersionText(run.Version)} pacer (GOGC={GoGcSetting.Format(s.GcPercent)}, GOMEMLIMIT={MemoryLimit.Format(s.MemoryLimit)}, {s.NCores} cores)");
        sb.AppendLine(inv, $"{"cycle",5} {"util %",7} {"heapLive",12} {"trigger",12} {"peak",12} {"goal",12} {"peak/goal",9}");
        foreach (var c in run.Cycles)
            sb.AppendLine(inv, $"{c.Cycle,5} {c.GcUtilization * 100,7:F2} {c.HeapLive,12} {c.HeapTrigger,12} {c.HeapPeak,12} {c.HeapGoal,12} {c.GoalRatio,9:F4}");
        sb.AppendLine(run.Passed ? "PASS: every check of Go's test holds" : $"FAIL: {run.Failures.Count} of Go's checks failed");
        foreach (var f in run.Failures) sb.AppendLine(inv, $"  {f}");
        return sb.ToString();
    }

    private static string ListTable()
    {
        var sb = new StringBuilder();
        foreach (var s in PacerScenarios.All) sb.AppendLine(s.Describe());
        return sb.ToString();
    }

    private static string ListJson() => JsonSerializer.Serialize(new
    {
        scenarios = PacerScenarios.All.Select(s => new
        {
            name = s.Name,
            gogc = s.GcPercent,
            memoryLimit = s.MemoryLimit,
            cycles = s.Length,
            description = s.Describe(),
        }),
    }, Json) + "\n";
}
