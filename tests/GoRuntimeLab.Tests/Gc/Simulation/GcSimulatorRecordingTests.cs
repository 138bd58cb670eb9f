using System.Globalization;
using GoRuntimeLab.Gc.Simulation;
using Xunit.Abstractions;

namespace GoRuntimeLab.Tests.Gc.Simulation;

/// <summary>
/// The oracle: real Go 1.19.8 and 1.23.5 runs of data/go/gcload. The simulator, given the same workload and settings,
/// must predict the number of GC cycles during the churn within ±10 % (GOGC only) or ±25 % (with GOMEMLIMIT).
/// </summary>
public sealed class GcSimulatorRecordingTests(ITestOutputHelper output)
{
    private static IReadOnlyList<GcLoadRecording> All() =>
        GcLoadRecording.ReadManifest(Path.Combine(GoRuntimeLab.Testing.Requirement.RepoRoot(), "data", "recordings", "gc", "manifest.json"));

    public static TheoryData<string> Recordings() => new(All().Select(r => r.File));

    [Theory]
    [MemberData(nameof(Recordings))]
    public void Predicts_the_recorded_number_of_gc_cycles(string file)
    {
        var rec = All().Single(r => r.File == file);
        var result = rec.Simulate();
        var tolerance = rec.HasMemoryLimit ? 0.25 : 0.10;
        var error = rec.Error(result);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{file}: simulated {result.GcCount}, real {rec.ChurnGc}, error {error:+0.0%;-0.0%}"));
        output.WriteLine(result.ToString());
        foreach (var c in result.Cycles.Where((_, i) => i % 10 == 0 || i < 3)) output.WriteLine(c.GcTrace);
        Assert.InRange(error, -tolerance, tolerance);
    }
}
