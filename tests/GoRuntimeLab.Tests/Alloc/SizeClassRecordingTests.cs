using GoRuntimeLab.Alloc;
using GoRuntimeLab.GoTool;
using GoRuntimeLab.Testing;

namespace GoRuntimeLab.Tests.Alloc;

/// <summary>
/// The bytes the real runtime charged (data/recordings/alloc, MemStats deltas recorded with Go 1.19.8 and 1.23.5)
/// against <see cref="SizeClasses.Lookup"/>, the tiny allocator and the allocator model, for every recorded size.
/// </summary>
public class SizeClassRecordingTests
{
    private static string Recording(string version) =>
        Path.Combine(Requirement.RepoRoot(), "data", "recordings", "alloc", $"sizeclass-go{version}.txt");

    public static TheoryData<string, string> Versions() => new() { { "1.19", "go1.19.8" }, { "1.22", "go1.22.12" }, { "1.23", "go1.23.5" } };

    [Theory]
    [MemberData(nameof(Versions))]
    public void The_recording_covers_every_size_and_names_its_go(string version, string goText)
    {
        var r = ChargeRecording.Read(Recording(version));
        Assert.Equal(GoVersion.Parse(goText), r.Version);
        Assert.Equal(goText + " linux/amd64", GoRecording.Read(Recording(version)).Go);
        var measured = r.Samples.Select(s => (s.Size, s.Pointers)).ToHashSet();
        for (long size = 0; size <= 32768; size++)
        {
            Assert.Contains((size, false), measured);
            if (size % 8 == 0) Assert.Contains((size, true), measured);
        }
        Assert.Contains(r.Samples, s => s.Size > 32768 && s.Pointers);
        Assert.Contains(r.Samples, s => s.Size > 32768 && !s.Pointers);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void Lookup_charges_what_the_runtime_charged_for_every_recorded_size(string version, string goText)
    {
        var r = ChargeRecording.Read(Recording(version));
        var v = GoVersion.Parse(goText);
        var checkedTiny = 0;
        foreach (var s in r.Samples)
        {
            var a = SizeClasses.Lookup(s.Size, s.Pointers, v);
            // Every measured object is counted once in Mallocs (a tiny one too: tinyAllocs or its own block).
            if (s.Mallocs != (s.Size == 0 ? 0 : s.Objects)) Assert.Fail($"line {s.Line}: {s}");
            if (a.Tiny)
            {
                // ReadMemStats flushed the mcache, so the loop starts with no tiny block: TotalAlloc is 16 B per block
                // the tiny allocator opened for these objects.
                var tiny = new TinyAllocator();
                for (var i = 0; i < s.Objects; i++) tiny.Place(s.Size);
                Assert.True(16L * tiny.BlocksOpened == s.TotalAlloc, $"line {s.Line}: {s}; model {tiny.BlocksOpened} blocks");
                Assert.Equal(s.Objects - tiny.BlocksOpened, tiny.PackedIntoCurrent);
                checkedTiny++;
            }
            else
            {
                // The rounded size (class size including the 1.22+ header, or whole pages) per object.
                if (a.Size * s.Objects != s.TotalAlloc) Assert.Fail($"line {s.Line}: {s}; model {a}");
            }
        }
        Assert.Equal(15, checkedTiny);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void The_allocator_model_reproduces_every_recorded_memstats_delta(string version, string goText)
    {
        _ = goText;
        var r = ChargeRecording.Read(Recording(version));
        Assert.Empty(r.Mismatches());
    }

    [Fact]
    public void The_two_recordings_differ_exactly_where_the_malloc_header_changes_the_class()
    {
        var a = ChargeRecording.Read(Recording("1.19"));
        var b = ChargeRecording.Read(Recording("1.23"));
        Assert.Equal(a.Samples.Count, b.Samples.Count);
        var differ = 0;
        for (var i = 0; i < a.Samples.Count; i++)
        {
            var (x, y) = (a.Samples[i], b.Samples[i]);
            Assert.Equal((x.Size, x.Pointers), (y.Size, y.Pointers));
            var predicted = x.Pointers && x.Size is > 512 and <= 32760
                && SizeClasses.ClassFor(x.Size) != SizeClasses.ClassFor(x.Size + 8);
            if (predicted != (x.TotalAlloc != y.TotalAlloc)) Assert.Fail($"{x} vs {y}");
            if (predicted) differ++;
        }
        Assert.Equal(40, differ); // one pointerful size per class boundary from 576 to 32768
        Assert.Equal(1152, b.Find(1024, true)!.BytesCharged);
        Assert.Equal(1024, a.Find(1024, true)!.BytesCharged);
    }

    [Fact]
    public void Compare_puts_real_and_model_side_by_side()
    {
        var r = ChargeRecording.Read(Recording("1.23"));
        var c = r.Compare(1024, true);
        Assert.Equal(("go1.23.5", 33, 1152.0, 1152.0, true), (c.Go, c.Class, c.RealBytes, c.ModelBytes, c.Match));
        var tiny = r.Compare(5, false);
        Assert.Equal(16.0 * 342 / 1024, tiny.RealBytes);
        Assert.True(tiny.Match, tiny.ToString());
        Assert.Equal("size", Assert.Throws<KitInputException>(() => r.Compare(1001, true)).Parameter);
    }

    [Fact]
    public void Recorded_files_hold_no_absolute_path_of_the_recording_machine()
    {
        var root = Requirement.RepoRoot();
        var files = Directory.GetFiles(Path.Combine(root, "data", "recordings", "alloc"))
            .Concat(Directory.GetFiles(Path.Combine(root, "data", "go", "sizeclass")))
            .Concat(Directory.GetFiles(Path.Combine(root, "data", "oracles", "sizeclasses")));
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            foreach (var prefix in (string[])["/work/", "/home/", "/root/", "/tmp/", "/opt/", "/usr/"])
                Assert.False(text.Contains(prefix, StringComparison.Ordinal), $"{file} contains {prefix}");
        }
    }

    [Theory]
    [InlineData("# go=go1.23.5\n12 0 16\n", 3)]
    [InlineData("# go=go1.23.5\n12 2 16 1 16 1\n", 3)]
    [InlineData("12 0 16 1 16 1\n", 2)]
    [InlineData("# go=gox\n", 2)]
    public void A_malformed_recording_names_the_line(string stdout, int line)
    {
        var e = Assert.Throws<KitInputException>(() => ChargeRecording.Parse(stdout, "out.txt", firstLine: 2));
        Assert.Equal(("out.txt", (int?)line), (e.FilePath, e.Line));
    }

    [SkippableFact]
    public async Task Live_go_charges_what_the_model_predicts()
    {
        var go = GoToolchain.Find();
        Requirement.Tool(go is not null, "GOLAB_REQUIRE_GO", "Go is not installed (no `go` on PATH or in $GOROOT/bin)");
        Requirement.Tool(go!.Version >= GoVersion.Go1_19 && go.Version.Minor <= GoVersion.Latest.Minor, "GOLAB_REQUIRE_GO", $"the model covers Go 1.19…1.23, found {go.Version}");
        var run = await go.RunAsync(Path.Combine(Requirement.RepoRoot(), "data", "go", "sizeclass"), ["-max", "1100", "-large=true"]);
        Assert.True(run.Succeeded, run.ToString());
        var live = ChargeRecording.Parse(run.Stdout, "live sizeclass");
        Assert.Equal(go.Version.Minor, live.Version.Minor);
        Assert.Equal(1101 + 138 + 12 + 9, live.Samples.Count); // dense walk, multiples of 8, large sizes (9 even)
        Assert.Empty(live.Mismatches());
    }
}
