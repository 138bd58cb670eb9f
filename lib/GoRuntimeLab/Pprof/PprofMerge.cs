// Mirrors: github.com/google/pprof internal/driver/fetch.go (-base: pbase.Scale(-1), then combineProfiles) and
// profile/merge.go (Merge: combineHeaders, mapSample/sample.key, mapLocation/location.key, function.key,
// isZeroSample), Go 1.19-1.23. Simplified: mappings are matched by file and build id (pprof also compares sizes).
using System.Globalization;
using System.Text;

namespace GoRuntimeLab.Pprof;

/// <summary>Base subtraction: the base's samples negated and merged into the new profile, as pprof's -base does.</summary>
internal static class PprofMerge
{
    public static PprofProfile Diff(PprofProfile baseProfile, PprofProfile newProfile)
    {
        ArgumentNullException.ThrowIfNull(baseProfile);
        ArgumentNullException.ThrowIfNull(newProfile);
        // profile.compatible: the same sample types in the same order (and compatible period types).
        if (!baseProfile.SampleTypes.SequenceEqual(newProfile.SampleTypes))
            throw KitInputException.For($"incompatible sample types: base has [{string.Join(", ", baseProfile.SampleTypes)}], new has [{string.Join(", ", newProfile.SampleTypes)}]", parameter: "base");
        for (var i = 0; i < baseProfile.SampleTypes.Count; i++)
        {
            baseProfile.TotalOf(i); // no long.MinValue to negate, no sum past 2^63-1
            newProfile.TotalOf(i);
        }
        var negated = baseProfile with { Samples = baseProfile.Samples.Select(s => s with { Values = s.Values.Select(v => -v).ToList() }).ToList() };
        return Merge(newProfile, negated);
    }

    private static PprofProfile Merge(PprofProfile first, PprofProfile second)
    {
        var functions = new Dictionary<(long, string, string, string), PprofFunction>();
        var mappings = new Dictionary<(string, string), PprofMapping>();
        var locations = new Dictionary<string, PprofLocation>(StringComparer.Ordinal);
        var samples = new Dictionary<string, (IReadOnlyList<PprofLocation> Locs, long[] Values, IReadOnlyList<PprofLabel> Labels)>(StringComparer.Ordinal);
        var sampleOrder = new List<string>();
        var functionList = new List<PprofFunction>();
        var mappingList = new List<PprofMapping>();
        var locationList = new List<PprofLocation>();

        foreach (var src in new[] { first, second })
        {
            var mapById = new Dictionary<PprofMapping, (PprofMapping M, long Offset)>(ReferenceEqualityComparer.Instance);
            var locById = new Dictionary<PprofLocation, PprofLocation>(ReferenceEqualityComparer.Instance);
            (PprofMapping? M, long Offset) MapMapping(PprofMapping? m)
            {
                if (m is null) return (null, 0);
                if (mapById.TryGetValue(m, out var known)) return known;
                var key = (m.FileName, m.BuildId);
                if (!mappings.TryGetValue(key, out var merged))
                {
                    merged = m with { Id = (ulong)mappingList.Count + 1 };
                    mappings[key] = merged;
                    mappingList.Add(merged);
                }
                var info = (merged, (long)merged.MemoryStart - (long)m.MemoryStart);
                mapById[m] = info;
                return info;
            }
            PprofFunction MapFunction(PprofFunction f)
            {
                var key = (f.StartLine, f.Name, f.SystemName, f.FileName);
                if (!functions.TryGetValue(key, out var merged))
                {
                    merged = f with { Id = (ulong)functionList.Count + 1 };
                    functions[key] = merged;
                    functionList.Add(merged);
                }
                return merged;
            }
            PprofLocation MapLocation(PprofLocation l)
            {
                if (locById.TryGetValue(l, out var known)) return known;
                var (m, offset) = MapMapping(l.Mapping);
                var address = (ulong)((long)l.Address + offset);
                var lines = l.Lines.Select(x => x with { Function = MapFunction(x.Function) }).ToList();
                // location.key: address relative to the mapping start, mapping id, (function id, line) pairs, folded.
                var key = new StringBuilder().Append(CultureInfo.InvariantCulture, $"{address - (m?.MemoryStart ?? 0):x}/{m?.Id ?? 0}/{l.IsFolded}/");
                foreach (var x in lines) key.Append(CultureInfo.InvariantCulture, $"{x.Function.Id:x}|{x.Line:x}|");
                if (!locations.TryGetValue(key.ToString(), out var merged))
                {
                    merged = new PprofLocation((ulong)locationList.Count + 1, m, address, lines, l.IsFolded);
                    locations[key.ToString()] = merged;
                    locationList.Add(merged);
                }
                locById[l] = merged;
                return merged;
            }
            foreach (var s in src.Samples)
            {
                if (s.Values.All(v => v == 0)) continue;   // isZeroSample
                var locs = s.Locations.Select(MapLocation).ToList();
                var key = string.Join("|", locs.Select(l => l.Id.ToString("x", CultureInfo.InvariantCulture))) + "#" +
                          string.Join(";", s.Labels.Select(l => l.ToString() + "/" + l.NumUnit).Order(StringComparer.Ordinal));
                if (samples.TryGetValue(key, out var existing))
                {
                    for (var i = 0; i < existing.Values.Length; i++) existing.Values[i] = Add(existing.Values[i], s.Values[i], src);
                }
                else
                {
                    samples[key] = (locs, s.Values.ToArray(), s.Labels);
                    sampleOrder.Add(key);
                }
            }
        }

        var merged = sampleOrder.Select(k => samples[k]).Where(s => s.Values.Any(v => v != 0))
            .Select(s => new PprofSample(s.Locs, s.Values, s.Labels)).ToList();
        // combineHeaders: earliest time, summed durations, largest period, comments once each.
        return first with
        {
            Samples = merged,
            Mappings = mappingList,
            Locations = locationList,
            Functions = functionList,
            TimeNanos = new[] { first.TimeNanos, second.TimeNanos }.Where(t => t != 0).DefaultIfEmpty(0).Min(),
            DurationNanos = Add(first.DurationNanos, second.DurationNanos, first),
            Period = Math.Max(first.Period, second.Period),
            Comments = first.Comments.Concat(second.Comments).Distinct(StringComparer.Ordinal).ToList(),
            Source = $"{second.Source ?? "base"} → {first.Source ?? "new"}",
        };
    }

    // pprof adds int64s and wraps around; the kit refuses a sum that does not fit.
    private static long Add(long a, long b, PprofProfile from)
    {
        try
        {
            return checked(a + b);
        }
        catch (OverflowException)
        {
            throw PprofFormatException.In(from.Source ?? "profile", "merged sample values pass 2^63-1 (pprof would wrap around; the kit refuses)");
        }
    }
}
