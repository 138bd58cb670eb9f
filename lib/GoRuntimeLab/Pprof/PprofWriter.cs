// Mirrors: github.com/google/pprof profile.Write (gzip-compressed protobuf, string table with "" first) and
// runtime/pprof's profileBuilder, Go 1.19-1.23. Simplified: strings are interned in first-use order.
using System.IO.Compression;
using Google.Protobuf;
using Proto = Perftools.Profiles;

namespace GoRuntimeLab.Pprof;

/// <summary>Saves a <see cref="PprofProfile"/> as profile.proto, gzip-compressed like Go's own profiles.</summary>
public static class PprofWriter
{
    /// <summary>Writes <paramref name="profile"/> to <paramref name="path"/> (gzip). Validates first.</summary>
    /// <exception cref="PprofFormatException">The profile breaks a CheckValid rule.</exception>
    public static void Write(PprofProfile profile, string path)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (string.IsNullOrWhiteSpace(path)) throw KitInputException.For("no output file given", parameter: "out");
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null) Directory.CreateDirectory(dir);
        File.WriteAllBytes(path, ToBytes(profile));
    }

    /// <summary>The encoded profile: gzip-compressed (default) or raw protobuf.</summary>
    public static byte[] ToBytes(PprofProfile profile, bool gzip = true)
    {
        ArgumentNullException.ThrowIfNull(profile);
        profile.CheckValid();
        var raw = ToProto(profile).ToByteArray();
        if (!gzip) return raw;
        using var output = new MemoryStream();
        using (var gz = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true)) gz.Write(raw);
        return output.ToArray();
    }

    private static Proto.Profile ToProto(PprofProfile p)
    {
        var pb = new Proto.Profile();
        var table = new Dictionary<string, long>(StringComparer.Ordinal) { [""] = 0 };
        pb.StringTable.Add("");
        long S(string s)
        {
            if (table.TryGetValue(s, out var i)) return i;
            i = pb.StringTable.Count;
            pb.StringTable.Add(s);
            table[s] = i;
            return i;
        }
        foreach (var t in p.SampleTypes) pb.SampleType.Add(new Proto.ValueType { Type = S(t.Type), Unit = S(t.Unit) });
        foreach (var s in p.Samples)
        {
            var ps = new Proto.Sample();
            ps.LocationId.AddRange(s.Locations.Select(l => l.Id));
            ps.Value.AddRange(s.Values);
            foreach (var l in s.Labels)
                ps.Label.Add(l.Str is not null
                    ? new Proto.Label { Key = S(l.Key), Str = S(l.Str) }
                    : new Proto.Label { Key = S(l.Key), Num = l.Num, NumUnit = l.NumUnit is null ? 0 : S(l.NumUnit) });
            pb.Sample.Add(ps);
        }
        foreach (var m in p.Mappings)
            pb.Mapping.Add(new Proto.Mapping
            {
                Id = m.Id, MemoryStart = m.MemoryStart, MemoryLimit = m.MemoryLimit, FileOffset = m.FileOffset,
                Filename = S(m.FileName), BuildId = S(m.BuildId), HasFunctions = m.HasFunctions, HasFilenames = m.HasFileNames,
                HasLineNumbers = m.HasLineNumbers, HasInlineFrames = m.HasInlineFrames,
            });
        foreach (var l in p.Locations)
        {
            var pl = new Proto.Location { Id = l.Id, MappingId = l.Mapping?.Id ?? 0, Address = l.Address, IsFolded = l.IsFolded };
            pl.Line.AddRange(l.Lines.Select(x => new Proto.Line { FunctionId = x.Function.Id, Line_ = x.Line, Column = x.Column }));
            pb.Location.Add(pl);
        }
        foreach (var f in p.Functions)
            pb.Function.Add(new Proto.Function { Id = f.Id, Name = S(f.Name), SystemName = S(f.SystemName), Filename = S(f.FileName), StartLine = f.StartLine });
        if (p.PeriodType is { } pt) pb.PeriodType = new Proto.ValueType { Type = S(pt.Type), Unit = S(pt.Unit) };
        pb.Period = p.Period;
        pb.TimeNanos = p.TimeNanos;
        pb.DurationNanos = p.DurationNanos;
        pb.Comment.AddRange(p.Comments.Select(S));
        if (p.DefaultSampleType.Length > 0) pb.DefaultSampleType = S(p.DefaultSampleType);
        if (p.DropFrames.Length > 0) pb.DropFrames = S(p.DropFrames);
        if (p.KeepFrames.Length > 0) pb.KeepFrames = S(p.KeepFrames);
        if (p.DocUrl.Length > 0) pb.DocUrl = S(p.DocUrl);
        return pb;
    }
}
