// Mirrors: data/recordings/gc/manifest.json — the real Go runs of data/go/gcload (Go 1.19.8 and 1.23.5) described
// as simulator inputs. Not a Go source file; the oracle for GcSimulator's cycle counts.
using System.Globalization;
using System.Text.Json;
using GoRuntimeLab.Gc.Pacer;
using GoRuntimeLab.IO;

namespace GoRuntimeLab.Gc.Simulation;

/// <summary>One real gcload run: its workload and settings as simulator inputs, and the GC cycles Go really ran.</summary>
/// <param name="File">The recording's file name in the manifest's folder.</param>
/// <param name="Case">The recorded case ("gogc100", "gogcoff-limit96mib", …).</param>
/// <param name="GoVersion">The Go that ran it.</param>
/// <param name="Workload">What the program did: its live heap, objects and the rate it really achieved.</param>
/// <param name="Options">GOGC, GOMEMLIMIT, GOMAXPROCS and the Go version, otherwise the defaults.</param>
/// <param name="ChurnGc">GC cycles during the churn (NumGC at the end minus at the start).</param>
public sealed record GcLoadRecording(string File, string Case, GoVersion GoVersion, GcWorkload Workload, GcSimOptions Options, int ChurnGc)
{
    /// <summary>A GOMEMLIMIT was set.</summary>
    public bool HasMemoryLimit => Options.MemoryLimit != MemoryLimit.None;

    /// <summary>A manifest lists a few dozen recordings: 1 MiB is ample.</summary>
    public static readonly KitReadLimits ManifestLimits = new("gcload manifest", 1L << 20);

    /// <summary>Reads every recording of a manifest (data/recordings/gc/manifest.json).</summary>
    /// <exception cref="KitInputException">The file is missing or not a gcload manifest; the message names it.</exception>
    public static IReadOnlyList<GcLoadRecording> ReadManifest(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var text = KitFile.ReadAllText(path, ManifestLimits, "path");
        try
        {
            using var doc = JsonDocument.Parse(text);
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
                var options = GcSimOptions.Default
                    .WithVersion(new GoVersion(version.Major, version.Minor))
                    .WithProcs(r.GetProperty("procs").GetInt32())
                    .WithGogc(r.GetProperty("gogc").GetInt32());
                if (r.GetProperty("memlimit") is { ValueKind: JsonValueKind.Number } limit) options = options.WithMemoryLimit(limit.GetInt64());
                list.Add(new GcLoadRecording(r.GetProperty("file").GetString()!, r.GetProperty("case").GetString()!, version, workload, options,
                    measured.GetProperty("churnGC").GetInt32()));
            }

            return list;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new KitInputException($"{path}: not a gcload manifest ({e.Message})", e) { FilePath = path };
        }
    }

    /// <summary>Runs the simulator on this recording's workload and settings.</summary>
    public GcSimResult Simulate(bool recordSeries = false) => GcSimulator.Run(Workload, Options, recordSeries);

    /// <summary>Simulated against real cycle counts: (simulated − real) ÷ real.</summary>
    public double Error(GcSimResult simulated)
    {
        ArgumentNullException.ThrowIfNull(simulated);
        return (simulated.GcCount - ChurnGc) / (double)ChurnGc;
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{File}: {Options}, {ChurnGc} GC cycles in the real run");
}
