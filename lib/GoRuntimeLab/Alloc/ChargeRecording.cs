// Mirrors: the output of data/go/sizeclass (runtime.MemStats TotalAlloc/Mallocs per allocation size), Go 1.19–1.23.
// Simplified: nothing; a parser plus the comparison with AllocatorModel.MemStatsDelta.
using System.Globalization;
using GoRuntimeLab.GoTool;
using GoRuntimeLab.IO;

namespace GoRuntimeLab.Alloc;

/// <summary>A run of the sizeclass recorder: the bytes the real runtime charged for each allocation size.</summary>
/// <param name="Version">The Go release that ran it (from the "# go=" line).</param>
/// <param name="Samples">One per measured (size, pointers).</param>
public sealed record ChargeRecording(GoVersion Version, IReadOnlyList<ChargeSample> Samples)
{
    /// <summary>Reads a recording file (data/recordings/alloc/sizeclass-go1.NN.txt).</summary>
    /// <exception cref="KitInputException">Missing or malformed; the message names the file and line.</exception>
    public static ChargeRecording Read(string path)
    {
        var recording = GoRecording.Read(path);
        var text = KitFile.ReadAllText(path, GoRecording.Limits, "path").Replace("\r\n", "\n", StringComparison.Ordinal);
        var stdoutLine = Array.IndexOf(text.Split('\n'), GoRecording.StdoutMarker) + 2;
        return Parse(recording.Stdout, path, stdoutLine);
    }

    /// <summary>Parses the recorder's stdout; <paramref name="firstLine"/> is the file line of its first line.</summary>
    /// <exception cref="KitInputException">Malformed; the message names the source and 1-based line.</exception>
    public static ChargeRecording Parse(string stdout, string sourceName, int firstLine = 1)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        GoVersion? version = null;
        var samples = new List<ChargeSample>();
        var lines = stdout.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            var at = firstLine + i;
            if (line.Length == 0) continue;
            if (line.StartsWith('#'))
            {
                var go = line.Split(' ').FirstOrDefault(w => w.StartsWith("go=", StringComparison.Ordinal));
                if (go is not null)
                {
                    if (!GoVersion.TryParse(go[3..], out var v))
                        throw KitInputException.For($"\"{go}\" does not name a Go version", file: sourceName, line: at);
                    version = v;
                }
                continue;
            }
            var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (f.Length != 6 || !long.TryParse(f[0], NumberStyles.None, CultureInfo.InvariantCulture, out var size)
                || f[1] is not ("0" or "1")
                || !int.TryParse(f[3], NumberStyles.None, CultureInfo.InvariantCulture, out var objects) || objects < 1
                || !long.TryParse(f[4], NumberStyles.None, CultureInfo.InvariantCulture, out var total)
                || !long.TryParse(f[5], NumberStyles.None, CultureInfo.InvariantCulture, out var mallocs))
                throw KitInputException.For($"expected \"size pointers(0|1) bytesCharged objects totalAlloc mallocs\", got \"{line}\"", file: sourceName, line: at);
            samples.Add(new ChargeSample(size, f[1] == "1", objects, total, mallocs, at));
        }
        if (version is null) throw KitInputException.For("no \"# go=…\" line naming the Go version", file: sourceName, line: firstLine);
        return new ChargeRecording(version.Value, samples);
    }

    /// <summary>The measurement of one (size, pointers), or null.</summary>
    public ChargeSample? Find(long size, bool pointers) => Samples.FirstOrDefault(s => s.Size == size && s.Pointers == pointers);

    /// <summary>The recorded and the modelled bytes per object for one measured (size, pointers).</summary>
    /// <exception cref="KitInputException">That size was not measured (pointerful sizes are multiples of 8).</exception>
    public ChargeComparison Compare(long size, bool pointers)
    {
        var s = Find(size, pointers)
            ?? throw KitInputException.For($"{size} B {(pointers ? "pointerful" : "pointer-free")} was not measured in this recording", parameter: "size");
        var (total, _) = AllocatorModel.MemStatsDelta(s.Size, s.Pointers, s.Objects, Version);
        return new ChargeComparison(Version.ToString(), size, pointers, SizeClasses.Lookup(size, pointers, Version).Class, s.BytesCharged, (double)total / s.Objects);
    }

    /// <summary>
    /// Every sample whose TotalAlloc or Mallocs differs from <see cref="AllocatorModel.MemStatsDelta"/> for the same
    /// loop in the recording's Go version. Empty when the model matches the real runtime.
    /// </summary>
    public IReadOnlyList<(ChargeSample Real, long ModelTotalAlloc, long ModelMallocs)> Mismatches()
    {
        var result = new List<(ChargeSample, long, long)>();
        foreach (var s in Samples)
        {
            var (total, mallocs) = AllocatorModel.MemStatsDelta(s.Size, s.Pointers, s.Objects, Version);
            if (total != s.TotalAlloc || mallocs != s.Mallocs) result.Add((s, total, mallocs));
        }
        return result;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"sizeclass recording, {Version}: {Samples.Count} sizes measured ({Samples.Count(s => s.Pointers)} pointerful)");
}
