using System.IO.Compression;
using CsCheck;
using Google.Protobuf;
using GoRuntimeLab.Pprof;

namespace GoRuntimeLab.Tests.Pprof;

/// <summary>
/// Bad input never crashes the reader: truncated, garbage and bit-flipped files, and profiles with dangling
/// references, either parse into a valid profile or throw <see cref="PprofFormatException"/> naming the file.
/// </summary>
public class PprofReaderFuzzTests
{
    private static readonly byte[] Gz = File.ReadAllBytes(Path.Combine(PprofRecordingTests.Dir, "heap.pb.gz"));
    private static readonly byte[] Raw = Gunzip(Gz);

    private static byte[] Gunzip(byte[] data)
    {
        using var gz = new GZipStream(new MemoryStream(data), CompressionMode.Decompress);
        using var o = new MemoryStream();
        gz.CopyTo(o);
        return o.ToArray();
    }

    private static void ParsesOrThrowsTyped(byte[] data)
    {
        try
        {
            var p = PprofReader.Parse(data, "fuzz.pb.gz");
            p.CheckValid();
            // A profile that parsed is usable; one without sample types has nothing to report (pprof: "profile has no samples").
            if (p.SampleTypes.Count > 0) _ = p.Top();
            else Assert.Throws<KitInputException>(() => p.Top());
        }
        catch (PprofFormatException e)
        {
            Assert.StartsWith("fuzz.pb.gz: ", e.Message, StringComparison.Ordinal);
            Assert.Equal("fuzz.pb.gz", e.FilePath);
        }
    }

    [Fact]
    public void Random_bytes() =>
        Gen.Byte.Array[0, 600].Sample(ParsesOrThrowsTyped, iter: 1000);

    [Fact]
    public void Truncated_gzip_and_raw_files()
    {
        for (var n = 0; n < Gz.Length; n++) ParsesOrThrowsTyped(Gz[..n]);
        for (var n = 0; n < Raw.Length; n += 3) ParsesOrThrowsTyped(Raw[..n]);
        Assert.Throws<PprofFormatException>(() => PprofReader.Parse(Gz[..(Gz.Length / 2)], "fuzz.pb.gz"));
    }

    [Fact]
    public void Bit_flips_and_byte_edits_of_a_real_profile() =>
        Gen.Select(Gen.Int[0, Raw.Length - 1], Gen.Byte, Gen.Int[1, 4]).Sample((pos, value, count) =>
        {
            var copy = (byte[])Raw.Clone();
            for (var i = 0; i < count && pos + i < copy.Length; i++) copy[pos + i] = value;
            ParsesOrThrowsTyped(copy);
        }, iter: 2000);

    [Fact]
    public void Gzip_garbage_inside_a_valid_gzip_header()
    {
        var garbage = new byte[64];
        new Random(7).NextBytes(garbage);
        var data = new byte[] { 0x1f, 0x8b }.Concat(garbage).ToArray();
        var e = Assert.Throws<PprofFormatException>(() => PprofReader.Parse(data, "x.pb.gz"));
        Assert.Contains("decompressing", e.Message, StringComparison.Ordinal);
    }

    // Hand-written profile.proto messages with one broken reference each.
    private static byte[] Message(Action<CodedOutputStream> write)
    {
        using var ms = new MemoryStream();
        var o = new CodedOutputStream(ms);
        write(o);
        o.Flush();
        return ms.ToArray();
    }

    private static void Sub(CodedOutputStream o, int field, byte[] body)
    {
        o.WriteTag(field, WireFormat.WireType.LengthDelimited);
        o.WriteBytes(ByteString.CopyFrom(body));
    }

    private static void Str(CodedOutputStream o, string s)
    {
        o.WriteTag(6, WireFormat.WireType.LengthDelimited);
        o.WriteString(s);
    }

    private static byte[] Profile(ulong sampleLoc = 1, ulong lineFunc = 1, ulong mappingId = 0, long nameIndex = 1, string firstString = "", ulong locId = 1, int values = 1) => Message(o =>
    {
        Sub(o, 1, Message(v => { v.WriteTag(1, WireFormat.WireType.Varint); v.WriteInt64(2); v.WriteTag(2, WireFormat.WireType.Varint); v.WriteInt64(3); }));
        Sub(o, 2, Message(s =>
        {
            s.WriteTag(1, WireFormat.WireType.Varint); s.WriteUInt64(sampleLoc);
            for (var i = 0; i < values; i++) { s.WriteTag(2, WireFormat.WireType.Varint); s.WriteInt64(5); }
        }));
        Sub(o, 4, Message(l =>
        {
            l.WriteTag(1, WireFormat.WireType.Varint); l.WriteUInt64(locId);
            if (mappingId != 0) { l.WriteTag(2, WireFormat.WireType.Varint); l.WriteUInt64(mappingId); }
            Sub(l, 4, Message(x => { x.WriteTag(1, WireFormat.WireType.Varint); x.WriteUInt64(lineFunc); }));
        }));
        Sub(o, 5, Message(f => { f.WriteTag(1, WireFormat.WireType.Varint); f.WriteUInt64(1); f.WriteTag(2, WireFormat.WireType.Varint); f.WriteInt64(nameIndex); }));
        Str(o, firstString); Str(o, "main.f"); Str(o, "samples"); Str(o, "count");
    });

    [Fact]
    public void A_hand_written_valid_profile_parses()
    {
        var p = PprofReader.Parse(Profile(), "ok.pb");
        Assert.Equal(["main.f"], p.Samples.Single().Stack);
        Assert.Equal("samples/count", p.SampleTypes.Single().ToString());
        Assert.Equal("         5   100%   100%          5   100%  main.f", p.Top().Rows.Single().Line);
    }

    public static TheoryData<string, string> Broken => new()
    {
        { "sample→missing location", "location 9" },
        { "line→missing function", "function 9" },
        { "location→missing mapping", "mapping 9" },
        { "string index out of range", "string 99" },
        { "string_table[0] not empty", "string_table[0]" },
        { "location id 0", "reserved id 0" },
        { "value count ≠ sample types", "mismatch: sample has 2 values vs. 1 types" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Invalid_references_are_typed_errors(string what, string expected)
    {
        var data = what switch
        {
            "sample→missing location" => Profile(sampleLoc: 9),
            "line→missing function" => Profile(lineFunc: 9),
            "location→missing mapping" => Profile(mappingId: 9),
            "string index out of range" => Profile(nameIndex: 99),
            "string_table[0] not empty" => Profile(firstString: "x"),
            "location id 0" => Profile(locId: 0, sampleLoc: 0),
            _ => Profile(values: 2),
        };
        var e = Assert.Throws<PprofFormatException>(() => PprofReader.Parse(data, "bad.pb"));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.StartsWith("bad.pb: ", e.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<KitInputException>(e);
    }

    [Fact]
    public void Missing_and_empty_files_are_input_errors()
    {
        Assert.Throws<KitInputException>(() => PprofReader.Read("no/such/file.pb.gz"));
        Assert.Throws<PprofFormatException>(() => PprofReader.Parse([], "empty.pb.gz"));
    }
}
