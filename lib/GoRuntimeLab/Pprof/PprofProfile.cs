// Mirrors: github.com/google/pprof profile.Profile (profile.go: SampleIndexByName, CheckValid; filter.go:
// FilterSamplesByName), as vendored in Go 1.19-1.23. Simplified: immutable; references instead of ids.
using System.Globalization;
using System.Text.RegularExpressions;
using GoRuntimeLab.IO;

namespace GoRuntimeLab.Pprof;

/// <summary>
/// A pprof profile (profile.proto), as <c>runtime/pprof</c> writes it and <c>go tool pprof</c> reads it. Open one
/// with <see cref="PprofReader.Read(string)"/>, make one with <see cref="ProfileBuilder"/>, save it with
/// <see cref="PprofWriter"/>. <see cref="Top(string?, int)"/> prints what <c>go tool pprof -top</c> prints.
/// </summary>
public sealed record PprofProfile
{
    public IReadOnlyList<PprofValueType> SampleTypes { get; init; } = [];
    public IReadOnlyList<PprofSample> Samples { get; init; } = [];
    public IReadOnlyList<PprofMapping> Mappings { get; init; } = [];
    public IReadOnlyList<PprofLocation> Locations { get; init; } = [];
    public IReadOnlyList<PprofFunction> Functions { get; init; } = [];
    /// <summary>What one period counts (cpu/nanoseconds for CPU, space/bytes for heap).</summary>
    public PprofValueType? PeriodType { get; init; }
    /// <summary>Events between samples: 10 000 000 ns at 100 Hz for CPU, MemProfileRate bytes for heap.</summary>
    public long Period { get; init; }
    public long TimeNanos { get; init; }
    public long DurationNanos { get; init; }
    public IReadOnlyList<string> Comments { get; init; } = [];
    /// <summary>Sample type chosen when none is asked for ("" means the last one).</summary>
    public string DefaultSampleType { get; init; } = "";
    public string DropFrames { get; init; } = "";
    public string KeepFrames { get; init; } = "";
    public string DocUrl { get; init; } = "";

    /// <summary>Where it was read from (for messages), or null.</summary>
    public string? Source { get; init; }

    /// <summary>Start of collection (UTC), when recorded.</summary>
    public DateTimeOffset? Time => TimeNanos == 0 ? null : DateTimeOffset.FromUnixTimeMilliseconds(0).AddTicks(TimeNanos / 100);

    /// <summary>
    /// profile.SampleIndexByName: null or "" → the default sample type, else the last; a number → that index;
    /// a name → that type ("inuse_" prefix optional, as pprof allows).
    /// </summary>
    /// <exception cref="KitInputException">No such index or name; the message lists the valid ones.</exception>
    public int SampleIndex(string? nameOrIndex)
    {
        if (SampleTypes.Count == 0) throw KitInputException.For("profile has no sample types", parameter: "sampleIndex", file: Source);
        if (string.IsNullOrEmpty(nameOrIndex))
        {
            if (DefaultSampleType.Length > 0)
                for (var i = 0; i < SampleTypes.Count; i++)
                    if (SampleTypes[i].Type == DefaultSampleType) return i;
            return SampleTypes.Count - 1;
        }
        if (int.TryParse(nameOrIndex, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index))
        {
            if (index < 0 || index >= SampleTypes.Count)
                throw KitInputException.For($"sample_index {nameOrIndex} is outside the range [0..{SampleTypes.Count - 1}]", parameter: "sampleIndex");
            return index;
        }
        var noInuse = nameOrIndex.StartsWith("inuse_", StringComparison.Ordinal) ? nameOrIndex["inuse_".Length..] : nameOrIndex;
        for (var i = 0; i < SampleTypes.Count; i++)
            if (SampleTypes[i].Type == nameOrIndex || SampleTypes[i].Type == noInuse) return i;
        throw KitInputException.For($"sample_index \"{nameOrIndex}\" must be one of: {string.Join(" ", SampleTypes.Select(t => t.Type))}", parameter: "sampleIndex");
    }

    /// <summary>Σ|value| of one sample type over all samples (pprof's report total).</summary>
    /// <exception cref="PprofFormatException">The sum does not fit in 64 bits (see <see cref="TotalOf"/>).</exception>
    public long Total(string? sampleIndex = null) => TotalOf(SampleIndex(sampleIndex));

    /// <summary>
    /// Σ|value| of sample type <paramref name="index"/>, checked. pprof (report.computeTotal) adds int64s and wraps
    /// around silently; the kit refuses instead, so every later sum (flat, cum, flame boxes: each a part of this
    /// total) fits in a long.
    /// </summary>
    /// <exception cref="PprofFormatException">The sum passes 2⁶³−1.</exception>
    internal long TotalOf(int index)
    {
        long total = 0;
        foreach (var s in Samples)
        {
            var v = s.Values[index];
            if (v == long.MinValue || (total = unchecked(total + Math.Abs(v))) < 0)
                throw PprofFormatException.In(Source ?? "profile",
                    $"sample type {KitText.Excerpt(SampleTypes[index].Type)}: the values add up to more than 2^63-1 (pprof would wrap around to a wrong total; the kit refuses)");
        }
        return total;
    }

    /// <summary><c>go tool pprof -top [-sample_index=…] [-nodecount=…]</c>.</summary>
    public PprofTopReport Top(string? sampleIndex = null, int nodeCount = 0) =>
        PprofTop.Run(this, TopOptions.Default.WithSampleIndex(sampleIndex).WithNodeCount(nodeCount));

    /// <summary><c>go tool pprof -top</c> with every option (focus, ignore, node fraction…).</summary>
    public PprofTopReport Top(TopOptions options) => PprofTop.Run(this, options);

    /// <summary>
    /// pprof's -focus/-ignore (FilterSamplesByName): keeps the samples with a location whose function name, file
    /// name or mapping file matches <paramref name="focus"/> (all, when null) and none matching <paramref name="ignore"/>.
    /// </summary>
    public PprofProfile Filter(Regex? focus, Regex? ignore)
    {
        if (focus is null && ignore is null) return this;
        var verdict = new Dictionary<PprofLocation, bool>(ReferenceEqualityComparer.Instance);
        foreach (var l in Locations)
        {
            if (ignore is not null && Matches(l, ignore)) verdict[l] = false;
            else if (focus is null || Matches(l, focus)) verdict[l] = true;
        }
        return this with { Samples = Samples.Where(s => FocusedAndNotIgnored(s, verdict)).ToList() };
    }

    /// <summary>
    /// <c>go tool pprof -base BASE NEW</c>: the base's values negated and merged into the new profile (samples with
    /// the same locations and labels add up; all-zero samples vanish), as pprof's fetch + profile.Merge do.
    /// </summary>
    /// <exception cref="KitInputException">The two profiles have different sample types.</exception>
    public static PprofProfile Diff(PprofProfile baseProfile, PprofProfile newProfile) => PprofMerge.Diff(baseProfile, newProfile);

    /// <summary>The call tree from the roots (a flame graph's data): one node per distinct path of function names.</summary>
    public FlameNode FlameGraph(string? sampleIndex = null)
    {
        var index = SampleIndex(sampleIndex);
        TotalOf(index); // every box's value is part of the total, so no box can overflow
        return FlameNode.Build(this, index);
    }

    /// <summary>profile.CheckValid: the rules pprof enforces on every profile it opens.</summary>
    /// <exception cref="PprofFormatException">The first rule broken.</exception>
    public void CheckValid()
    {
        var where = Source ?? "profile";
        if (SampleTypes.Count == 0 && Samples.Count != 0) throw PprofFormatException.In(where, "missing sample type information");
        foreach (var s in Samples)
            if (s.Values.Count != SampleTypes.Count)
                throw PprofFormatException.In(where, $"mismatch: sample has {s.Values.Count} values vs. {SampleTypes.Count} types");
        for (var i = 0; i < SampleTypes.Count; i++) TotalOf(i);
        CheckIds(where, Mappings.Select(m => m.Id), "mapping");
        CheckIds(where, Functions.Select(f => f.Id), "function");
        CheckIds(where, Locations.Select(l => l.Id), "location");
        var mappings = Mappings.ToHashSet();
        var functions = Functions.ToHashSet();
        foreach (var l in Locations)
        {
            if (l.Mapping is { } m && !mappings.Contains(m)) throw PprofFormatException.In(where, $"inconsistent mapping {m.Id} of location {l.Id}");
            foreach (var line in l.Lines)
                if (!functions.Contains(line.Function)) throw PprofFormatException.In(where, $"location id: {l.Id} has a line with function {line.Function.Id} not in the profile");
        }
        var locations = Locations.ToHashSet();
        foreach (var s in Samples)
            foreach (var l in s.Locations)
                if (!locations.Contains(l)) throw PprofFormatException.In(where, $"sample has location {l.Id} not in the profile");
    }

    public override string ToString()
    {
        var types = string.Join(", ", SampleTypes);
        var duration = DurationNanos != 0 ? $", duration {PprofMeasurement.Label(DurationNanos, "nanoseconds")}" : "";
        return $"pprof profile [{types}]: {Samples.Count} samples, {Functions.Count} functions, {Locations.Count} locations{duration}";
    }

    private static void CheckIds(string where, IEnumerable<ulong> ids, string what)
    {
        var seen = new HashSet<ulong>();
        foreach (var id in ids)
        {
            if (id == 0) throw PprofFormatException.In(where, $"found {what} with reserved id 0");
            if (!seen.Add(id)) throw PprofFormatException.In(where, $"multiple {what}s with same id: {id}");
        }
    }

    // Location.matchesName: any line's function name or file name, or the mapping's file (unanchored regexp).
    private static bool Matches(PprofLocation l, Regex re) =>
        l.Lines.Any(x => re.IsMatch(x.Function.Name) || re.IsMatch(x.Function.FileName)) || (l.Mapping is { } m && re.IsMatch(m.FileName));

    // focusedAndNotIgnored: one ignored location drops the sample; otherwise it needs one focused location.
    private static bool FocusedAndNotIgnored(PprofSample s, Dictionary<PprofLocation, bool> verdict)
    {
        var focused = false;
        foreach (var l in s.Locations)
        {
            if (!verdict.TryGetValue(l, out var focus)) continue;
            if (!focus) return false;
            focused = true;
        }
        return focused;
    }
}
