using System.IO.Compression;
using Google.Protobuf;
using GoRuntimeLab.IO;
using GoRuntimeLab.Pprof;

namespace GoRuntimeLab.Tests.Robustness;

/// <summary>
/// pprof's three ways to exhaust a reader — a gzip bomb, sample values whose sum overflows int64, a stack deeper
/// than any recursion survives — each end in a typed error or a correct result, quickly and in little memory.
/// </summary>
public class PprofBoundsTests
{
    private static byte[] Gzip(byte[] head, byte[] data, int copies)
    {
        using var o = new MemoryStream();
        using (var gz = new GZipStream(o, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gz.Write(head);
            for (var i = 0; i < copies; i++) gz.Write(data);
        }
        return o.ToArray();
    }

    // A valid start (string_table entry 0 of 64 MiB: tag 0x32, varint length) and 64 MiB of 'a': ~64 KiB of gzip, a
    // ~1000× bomb that protobuf keeps reading (a bomb of zeros stops at its first byte: tag 0 is no field). The
    // issue's 1 MB bomb expands to 1 GB the same way.
    private static readonly byte[] Bomb = Gzip([0x32, 0x80, 0x80, 0x80, 0x20], [.. Enumerable.Repeat((byte)'a', 1 << 20)], 64);

    [Fact]
    public void A_gzip_bomb_is_refused_by_its_ratio_after_a_few_kilobytes()
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.Throws<KitInputLimitException>(() => PprofReader.Parse(Bomb, "bomb.pb.gz"));
        Assert.StartsWith("bomb.pb.gz: gzip data expands more than 64×", e.Message, StringComparison.Ordinal);
        Assert.Contains("a gzip bomb, not a pprof profile", e.Message, StringComparison.Ordinal);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < (16L << 20), "the bomb was expanded in memory");
    }

    [Fact]
    public void The_decompressed_size_limit_holds_whatever_the_ratio()
    {
        var limits = PprofReader.Limits with { MaxDecompressedBytes = 4L << 20, MaxCompressionRatio = 100_000 };
        var e = Assert.Throws<KitInputLimitException>(() => PprofReader.Parse(new MemoryStream(Bomb), "big.pb.gz", limits));
        Assert.Equal("big.pb.gz: decompresses to more than 4 MiB, the limit for a pprof profile", e.Message);
        Assert.Equal(4L << 20, e.Limit);
    }

    [Fact]
    public void Real_profiles_are_far_inside_the_ratio_limit()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(FuzzTargets.Recordings, "pprof"), "*.pb.gz"))
        {
            var gz = File.ReadAllBytes(file);
            var ratio = (double)FuzzTargets.Gunzip(gz).Length / gz.Length;
            Assert.InRange(ratio, 1, PprofReader.Limits.MaxCompressionRatio / 8.0);
            Assert.NotEmpty(PprofReader.Read(file).Samples);
        }
    }

    [Fact]
    public void Sample_values_that_overflow_int64_are_a_typed_error_not_an_OverflowException()
    {
        var cpu = PprofReader.Read(Path.Combine(FuzzTargets.Recordings, "pprof", "cpu.pb.gz"));
        var huge = cpu with { Samples = [.. cpu.Samples.Select(s => s with { Values = [.. s.Values.Select(_ => long.MaxValue / 2)] })] };
        var top = Assert.Throws<PprofFormatException>(() => huge.Top());
        Assert.Contains("add up to more than 2^63-1", top.Message, StringComparison.Ordinal);
        Assert.Throws<PprofFormatException>(() => huge.FlameGraph());
        // A file whose samples overflow: the real profile with two more samples of 2^62 appended (protobuf appends
        // repeated fields), as a hostile or corrupt file would hold them.
        var raw = FuzzTargets.Gunzip(File.ReadAllBytes(Path.Combine(FuzzTargets.Recordings, "pprof", "cpu.pb.gz")));
        var extra = Sample(cpu.Samples[0].Locations[0].Id, 1L << 62, 1);
        var read = Assert.Throws<PprofFormatException>(() => PprofReader.Parse([.. raw, .. extra, .. extra], "huge.pb"));
        Assert.StartsWith("huge.pb: sample type samples: the values add up to more than 2^63-1", read.Message, StringComparison.Ordinal);
        Assert.NotEmpty(PprofReader.Parse([.. raw, .. extra], "fits.pb").Samples);

        var minimum = cpu with { Samples = [.. cpu.Samples.Select((s, i) => i == 0 ? s with { Values = [long.MinValue, 1] } : s)] };
        Assert.Throws<PprofFormatException>(() => minimum.Total("samples"));
        var half = cpu with { Samples = [.. cpu.Samples.Select(s => s with { Values = [.. s.Values.Select(_ => long.MaxValue / 2 / cpu.Samples.Count)] })] };
        Assert.Throws<PprofFormatException>(() => PprofProfile.Diff(minimum, half));
    }

    // profile.proto Profile.sample (field 2): location_id (1), value (2), unpacked.
    private static byte[] Sample(ulong location, long samples, long cpu)
    {
        using var body = new MemoryStream();
        var b = new CodedOutputStream(body);
        b.WriteTag(1, WireFormat.WireType.Varint);
        b.WriteUInt64(location);
        b.WriteTag(2, WireFormat.WireType.Varint);
        b.WriteInt64(samples);
        b.WriteTag(2, WireFormat.WireType.Varint);
        b.WriteInt64(cpu);
        b.Flush();
        using var msg = new MemoryStream();
        var o = new CodedOutputStream(msg);
        o.WriteTag(2, WireFormat.WireType.LengthDelimited);
        o.WriteBytes(ByteString.CopyFrom(body.ToArray()));
        o.Flush();
        return msg.ToArray();
    }

    [Fact]
    public void A_20000_frame_stack_builds_its_flame_graph_and_top_without_recursion()
    {
        var deep = PprofReader.Parse(PprofWriter.ToBytes(FuzzTargets.DeepProfile(20_000)), "deep.pb.gz");
        var flame = deep.FlameGraph();
        Assert.Equal(1 + 20_000 + 2, flame.Count);
        var boxes = flame.Flatten().ToList();
        Assert.Equal(flame.Count, boxes.Count);
        Assert.Equal(boxes.Count, boxes.Select(b => b.Path).Distinct().Count());
        var paths = boxes.Select(b => b.Path).ToHashSet(StringComparer.Ordinal);
        Assert.All(boxes.Skip(1), b => Assert.Contains(b.ParentPath!, paths));
        Assert.True(boxes.Max(b => b.Path.Length) <= FlameNode.MaxPathChars, "paths grow with depth");
        Assert.Equal("root;main.main;main.leaf", boxes.Single(b => b.Node.Name == "main.leaf").Path);
        // root, eight levels of the deep stack, main.main and main.leaf.
        Assert.Equal(11, flame.Render().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(20_002, deep.Top().Rows.Count);
    }
}
