using System.Text.Json;
using GoRuntimeLab.Testing;
using GoRuntimeLab.Gc.Pacer;
using GoRuntimeLab.Gc.Simulation;

namespace GoRuntimeLab.Tests.Gc.Simulation;

/// <summary>The gcload recordings' manifest (data/recordings/gc/manifest.json) as simulator inputs.</summary>
public sealed record GcLoadRecording(string File, string Case, GoVersion Version, GcWorkload Workload, GcSimOptions Options, int ChurnGc, bool HasLimit)
{
    public static IReadOnlyList<GcLoadRecording> All()
    {
        var path = Path.Combine(Requirement.RepoRoot(), "data", "recordings", "gc", "manifest.json");
        using var doc = JsonDocument.Parse(System.IO.File.ReadAllText(path));
        var list = new List<GcLoadRecording>();
        foreach (var r in doc.RootElement.GetProperty("recordings").EnumerateArray())
        {
            var version = GoVersion.Parse(r.GetProperty("goVersion").GetString()!);
            // What the program really did: when GC slowed it, the churn ran longer than asked at a lower rate
            // (gcload paces against the clock and stops at the duration), so replay its measured total and rate.
            var measured = r.GetProperty("measured");
            var rate = measured.GetProperty("achievedRate").GetDouble();
            var allocated = measured.GetProperty("allocated").GetDouble();
            var workload = GcWorkload.Default
                .WithLive(r.GetProperty("live").GetInt64())
                .WithObjectSize(r.GetProperty("objectSize").GetInt64())
                .WithPointers(r.GetProperty("pointers").GetBoolean())
                .WithAllocRate(rate)
                .WithDuration((long)(allocated / rate * 1e9));
            var limit = r.GetProperty("memlimit");
            var options = GcSimOptions.Default
                .WithVersion(new GoVersion(version.Major, version.Minor))
                .WithProcs(r.GetProperty("procs").GetInt32())
                .WithGogc(r.GetProperty("gogc").GetInt32());
            if (limit.ValueKind == JsonValueKind.Number) options = options.WithMemoryLimit(limit.GetInt64());
            list.Add(new GcLoadRecording(r.GetProperty("file").GetString()!, r.GetProperty("case").GetString()!, version, workload, options,
                r.GetProperty("measured").GetProperty("churnGC").GetInt32(), limit.ValueKind == JsonValueKind.Number));
        }

        return list;
    }

    public override string ToString() => File;
}
