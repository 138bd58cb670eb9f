// Mirrors: github.com/google/pprof profile.ParseData (gzip sniffing) and postDecode (string and id resolution),
// then CheckValid, Go 1.19-1.23. Simplified: no legacy text formats (pprof's parseLegacy); protobuf only.
using Google.Protobuf;
using GoRuntimeLab.IO;
using Proto = Perftools.Profiles;

namespace GoRuntimeLab.Pprof;

/// <summary>Opens a pprof profile (gzip-compressed as Go writes it, or raw protobuf).</summary>
public static class PprofReader
{
    /// <summary>
    /// The kit's limits for a profile (pprof itself has none): 256 MiB on disk and 256 MiB decompressed, at most 64×
    /// expansion. runtime/pprof writes kilobytes to a few MiB, compressed 2–10×; a gzip bomb expands ~1000×.
    /// </summary>
    public static readonly KitReadLimits Limits = new("pprof profile", 256L << 20) { MaxDecompressedBytes = 256L << 20, MaxCompressionRatio = 64 };

    /// <summary>Reads and validates <paramref name="path"/>.</summary>
    /// <exception cref="KitInputException">The file does not exist, is a folder or device, or is larger than <see cref="Limits"/>.</exception>
    /// <exception cref="PprofFormatException">Not a valid profile; the message names the file and the problem.</exception>
    public static PprofProfile Read(string path)
    {
        var stream = KitFile.OpenRead(path, Limits, "file");
        return Parse(stream, path, Limits);
    }

    /// <summary>Parses a profile from bytes; <paramref name="source"/> names it in messages.</summary>
    /// <exception cref="PprofFormatException">Not a valid profile.</exception>
    /// <exception cref="KitInputLimitException">Larger than <see cref="Limits"/> (a gzip bomb).</exception>
    public static PprofProfile Parse(byte[] data, string source = "profile")
    {
        ArgumentNullException.ThrowIfNull(data);
        return Parse(new MemoryStream(data, writable: false), source, Limits);
    }

    /// <summary>
    /// Parses a profile from a stream (disposed afterwards) within <paramref name="limits"/> (default <see cref="Limits"/>);
    /// the protobuf is decoded as it is decompressed, so memory follows the profile, not the file.
    /// </summary>
    /// <exception cref="PprofFormatException">Not a valid profile.</exception>
    /// <exception cref="KitInputLimitException">A limit was passed (size, decompressed size, compression ratio).</exception>
    public static PprofProfile Parse(Stream stream, string source, KitReadLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(source);
        Proto.Profile pb;
        using (var input = KitFile.OpenMaybeGzip(stream, source, limits ?? Limits))
        {
            if (input is null) throw PprofFormatException.In(source, "empty input file");
            try
            {
                pb = Proto.Profile.Parser.ParseFrom(input);
            }
            catch (InvalidProtocolBufferException e)
            {
                throw PprofFormatException.In(source, $"parsing profile: not a profile.proto message ({KitText.Excerpt(e.Message, 200)})", e);
            }
            catch (InvalidDataException e)
            {
                throw PprofFormatException.In(source, $"decompressing profile: {KitText.Excerpt(e.Message, 200)}", e);
            }
            catch (EndOfStreamException e)
            {
                throw PprofFormatException.In(source, "decompressing profile: unexpected end of gzip data (truncated file?)", e);
            }
        }
        var profile = Convert(pb, source);
        profile.CheckValid();
        return profile;
    }

    private static PprofProfile Convert(Proto.Profile pb, string source)
    {
        var strings = pb.StringTable;
        if (strings.Count == 0 ? pb.CalculateSize() > 0 : strings[0].Length != 0)
            throw PprofFormatException.In(source, "malformed profile: string_table[0] must be \"\"");
        string S(long index, string field)
        {
            if (index == 0 && strings.Count == 0) return "";
            if (index < 0 || index >= strings.Count)
                throw PprofFormatException.In(source, $"malformed profile: {field} refers to string {index}, but the string table has {strings.Count} entries");
            return strings[(int)index];
        }

        var mappings = pb.Mapping.Select(m => new PprofMapping(m.Id, m.MemoryStart, m.MemoryLimit, m.FileOffset,
            S(m.Filename, "mapping filename"), S(m.BuildId, "mapping build_id"), m.HasFunctions, m.HasFilenames, m.HasLineNumbers, m.HasInlineFrames)).ToList();
        var functions = pb.Function.Select(f => new PprofFunction(f.Id, S(f.Name, "function name"), S(f.SystemName, "function system_name"),
            S(f.Filename, "function filename"), f.StartLine)).ToList();
        var mappingById = Index(mappings, m => m.Id, "mapping", source);
        var functionById = Index(functions, f => f.Id, "function", source);

        var locations = pb.Location.Select(l =>
        {
            PprofMapping? mapping = null;
            if (l.MappingId != 0 && !mappingById.TryGetValue(l.MappingId, out mapping))
                throw PprofFormatException.In(source, $"malformed profile: location {l.Id} refers to mapping {l.MappingId}, which does not exist");
            var lines = l.Line.Select(x => functionById.TryGetValue(x.FunctionId, out var f)
                ? new PprofLine(f, x.Line_, x.Column)
                : throw PprofFormatException.In(source, $"malformed profile: location {l.Id} has a line with function {x.FunctionId}, which does not exist")).ToList();
            return new PprofLocation(l.Id, mapping, l.Address, lines, l.IsFolded);
        }).ToList();
        var locationById = Index(locations, l => l.Id, "location", source);

        var sampleTypes = pb.SampleType.Select(t => new PprofValueType(S(t.Type, "sample_type type"), S(t.Unit, "sample_type unit"))).ToList();
        var samples = pb.Sample.Select(s => new PprofSample(
            s.LocationId.Select(id => locationById.TryGetValue(id, out var l) ? l
                : throw PprofFormatException.In(source, $"malformed profile: a sample refers to location {id}, which does not exist")).ToList(),
            s.Value.ToList(),
            s.Label.Select(l => l.Str != 0
                ? new PprofLabel(S(l.Key, "label key"), S(l.Str, "label str"))
                : new PprofLabel(S(l.Key, "label key"), null, l.Num, l.NumUnit != 0 ? S(l.NumUnit, "label num_unit") : null)).ToList())).ToList();

        return new PprofProfile
        {
            SampleTypes = sampleTypes,
            Samples = samples,
            Mappings = mappings,
            Locations = locations,
            Functions = functions,
            PeriodType = pb.PeriodType is { } pt ? new PprofValueType(S(pt.Type, "period_type type"), S(pt.Unit, "period_type unit")) : null,
            Period = pb.Period,
            TimeNanos = pb.TimeNanos,
            DurationNanos = pb.DurationNanos,
            Comments = pb.Comment.Select(c => S(c, "comment")).ToList(),
            DefaultSampleType = S(pb.DefaultSampleType, "default_sample_type"),
            DropFrames = S(pb.DropFrames, "drop_frames"),
            KeepFrames = S(pb.KeepFrames, "keep_frames"),
            DocUrl = S(pb.DocUrl, "doc_url"),
            Source = source,
        };
    }

    // Ids must be non-zero and unique (CheckValid), checked here already so references resolve unambiguously.
    private static Dictionary<ulong, T> Index<T>(IEnumerable<T> items, Func<T, ulong> id, string what, string source)
    {
        var map = new Dictionary<ulong, T>();
        foreach (var item in items)
        {
            var key = id(item);
            if (key == 0) throw PprofFormatException.In(source, $"malformed profile: found {what} with reserved id 0");
            if (!map.TryAdd(key, item)) throw PprofFormatException.In(source, $"malformed profile: multiple {what}s with same id: {key}");
        }
        return map;
    }
}
