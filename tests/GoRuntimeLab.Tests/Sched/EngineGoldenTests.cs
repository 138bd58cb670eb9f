using GoRuntimeLab.Sched;
using GoRuntimeLab.Testing;

namespace GoRuntimeLab.Tests.Sched;

/// <summary>
/// Guards the scheduler engine's exact behaviour across refactorings: the full result JSON of every built-in
/// workload (with a detailed schedtrace, 4 Ps, a fixed seed) must stay byte-identical to the recording in
/// Sched/EngineGolden, which was made from the engine before it was split into types.
/// Re-record on purpose only (a modelling change): GOLAB_RECORD_ENGINE_GOLDEN=1 dotnet test … --filter EngineGolden.
/// </summary>
public class EngineGoldenTests
{
    public static TheoryData<string> AllWorkloads() => new(GoRuntimeLab.Sched.Workloads.Workloads.Names);

    private static string File(string name) =>
        Path.Combine(Requirement.RepoRoot(), "tests", "GoRuntimeLab.Tests", "Sched", "EngineGolden", name + ".json");

    [Theory]
    [MemberData(nameof(AllWorkloads))]
    public void Result_json_matches_the_recording(string name)
    {
        var cfg = SchedConfig.Default.WithSeed(7).WithProcs(4).WithSchedTrace(1_000_000, detail: true);
        var json = Scheduler.Run(name, cfg).ToJson();
        if (Environment.GetEnvironmentVariable("GOLAB_RECORD_ENGINE_GOLDEN") == "1") System.IO.File.WriteAllText(File(name), json);
        Assert.Equal(System.IO.File.ReadAllText(File(name)), json);
    }
}
