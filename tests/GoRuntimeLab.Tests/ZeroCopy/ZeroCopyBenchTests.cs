using GoRuntimeLab.GoTool;
using GoRuntimeLab.Testing;
using GoRuntimeLab.ZeroCopy;

namespace GoRuntimeLab.Tests.ZeroCopy;

/// <summary>
/// data/go/zerocopy recorded with Go 1.19.8, 1.21.13, 1.22.12 and 1.23.5: the allocation counts (exact, unlike ns/op)
/// are the ones runtime/string.go, cmd/compile's order.go and io/io.go predict, on every release.
/// </summary>
public class ZeroCopyBenchTests
{
    internal static string Recordings => Path.Combine(Requirement.RepoRoot(), "data", "recordings", "zerocopy");

    private static IReadOnlyList<ZeroCopyBench> All => ZeroCopyBench.ReadAll(Recordings);

    [Fact]
    public void Four_releases_are_recorded_oldest_first_each_case_five_times()
    {
        var all = All;
        Assert.Equal(["go1.19.8", "go1.21.13", "go1.22.12", "go1.23.5"], all.Select(b => b.Go));
        Assert.All(all.SelectMany(b => b.Rows), r => Assert.Equal(5, r.Runs));
        // unsafe.String/StringData exist from Go 1.20: the build-tagged file adds three cases there.
        Assert.Equal(all[1].Rows.Count - 3, all[0].Rows.Count);
        Assert.DoesNotContain(all[0].Rows, r => r.Case.Family.StartsWith("Unsafe/", StringComparison.Ordinal));
        Assert.All(all.Skip(1), b => Assert.Equal(3, b.Rows.Count(r => r.Case.Family.StartsWith("Unsafe/", StringComparison.Ordinal))));
    }

    [Fact]
    public void The_compilers_no_copy_cases_allocate_nothing_on_every_release()
    {
        foreach (var bench in All)
            foreach (var row in bench.Rows.Where(r => !r.Case.Copies))
                Assert.True((0L, 0L) == (row.AllocsPerOp, row.BytesPerOp), $"{bench.Go} {row.Name}: {row.AllocsPerOp} allocs, {row.BytesPerOp} B");
    }

    [Fact]
    public void Conversions_that_escape_allocate_once_rounded_to_the_size_class()
    {
        foreach (var bench in All)
        {
            foreach (var n in new[] { 16, 64, 1024 })
            {
                // slicebytetostring / stringtoslicebyte: one mallocgc of roundupsize(n); 16, 64, 1024 are size classes.
                Assert.Equal((1L, (long)n), (bench[$"StringFromBytes/escapes/n={n}"].AllocsPerOp, bench[$"StringFromBytes/escapes/n={n}"].BytesPerOp));
                Assert.Equal((1L, (long)n), (bench[$"BytesFromString/escapes/n={n}"].AllocsPerOp, bench[$"BytesFromString/escapes/n={n}"].BytesPerOp));
            }
            // A local string(b): the stack tmpBuf holds up to 32 bytes (tmpStringBufSize); longer ones are allocated.
            Assert.Equal(0, bench["StringFromBytes/local/n=16"].AllocsPerOp);
            Assert.Equal(1, bench["StringFromBytes/local/n=64"].AllocsPerOp);
            Assert.Equal(1, bench["StringFromBytes/local/n=1024"].AllocsPerOp);
        }
    }

    [Fact]
    public void Io_copy_allocates_32_KiB_only_when_both_fast_paths_are_hidden_and_no_buffer_is_given()
    {
        foreach (var bench in All)
            foreach (var size in new[] { "n=4KiB", "n=64KiB" })
            {
                Assert.Equal((1L, 32768L), (bench[$"Copy/Generic/{size}"].AllocsPerOp, bench[$"Copy/Generic/{size}"].BytesPerOp));
                Assert.Equal((1L, 32768L), (bench[$"Copy/CopyBufferNil/{size}"].AllocsPerOp, bench[$"Copy/CopyBufferNil/{size}"].BytesPerOp));
                Assert.Equal(0, bench[$"Copy/CopyBuffer512/{size}"].AllocsPerOp);  // no 512-byte minimum: 512 works as given
                Assert.Equal(0, bench[$"Copy/CopyBuffer32768/{size}"].AllocsPerOp);
                Assert.Equal(0, bench[$"Copy/WriterTo/{size}"].AllocsPerOp);
            }
    }

    [Fact]
    public void Compare_lines_up_the_releases_and_the_allocation_counts_never_change()
    {
        var rows = ZeroCopyBench.Compare(All);
        Assert.Equal(All[^1].Rows.Count, rows.Count);
        Assert.All(rows, r => Assert.True(r.SameAllocs, r.Name));
        var unsafeRow = rows.First(r => r.Name == "Unsafe/StringOfBytes/n=64");
        Assert.Null(unsafeRow.AllocsPerOp[0]);
        Assert.Equal([null, 0L, 0L, 0L], unsafeRow.AllocsPerOp);
    }

    [Fact]
    public void Bytes_reader_seek_costs_the_same_for_1_KiB_and_16_MiB()
    {
        foreach (var bench in All)
        {
            var small = bench["Seek/BytesReader/n=1KiB"].MinNsPerOp;
            var big = bench["Seek/BytesReader/n=16384KiB"].MinNsPerOp;
            // 16384 times the data; O(1) Seek stays within a factor 3 (noise on a shared machine), O(n) would not.
            Assert.InRange(big / small, 1 / 3.0, 3.0);
        }
    }

    [Fact]
    public async Task The_live_recording_replays_through_RunOrReplayAsync()
    {
        var output = await GoProgram.RunOrReplayAsync(null, "../data/go/zerocopy", ["-benchtime", "10ms"], Path.Combine(Recordings, "live-go1.19.8.txt"));
        var bench = ZeroCopyBench.Parse(output);
        Assert.Equal("go1.19.8", bench.Go);
        Assert.StartsWith("recorded go1.19.8", bench.Source, StringComparison.Ordinal);
        Assert.Equal(0, bench["NoCopy/MapIndexStringOfBytes/n=64"].AllocsPerOp);
    }

    [Fact]
    public void Output_with_an_unknown_case_or_without_benchmem_is_refused_with_its_line()
    {
        var unknown = Assert.Throws<KitInputException>(() => ZeroCopyBench.Parse("go: go1.19.8\nBenchmarkNope/n=1-2 10 1 ns/op 0 B/op 0 allocs/op\n", "x.txt"));
        Assert.Equal(("x.txt", 2), (unknown.FilePath, unknown.Line));
        Assert.Contains("unknown case Nope", unknown.Message, StringComparison.Ordinal);
        var noMem = Assert.Throws<KitInputException>(() => ZeroCopyBench.Parse("go: go1.19.8\nBenchmarkNoCopy/Reslice/n=64-2 10 1 ns/op\n", "y.txt"));
        Assert.Contains("no B/op", noMem.Message, StringComparison.Ordinal);
        Assert.Throws<KitInputException>(() => ZeroCopyBench.Parse("BenchmarkNoCopy/Reslice/n=64-2 10 1 ns/op 0 B/op 0 allocs/op\n", "z.txt"));
    }

    [Fact]
    public void Every_case_the_program_prints_is_in_the_catalogue_with_its_go_source()
    {
        var families = All.SelectMany(b => b.Rows).Select(r => r.Case.Family).Distinct().ToList();
        Assert.Equal(ZeroCopyCases.All.Select(c => c.Family), families);
        Assert.All(ZeroCopyCases.All, c => Assert.Matches(@"\.go|unsafe|spec", c.GoSource));
        Assert.Throws<KitInputException>(() => ZeroCopyCases.For("Nope"));
    }

    [SkippableFact]
    public async Task The_program_runs_live_on_the_installed_go_with_the_same_allocation_counts()
    {
        var go = LiveGo.Require();
        var run = await go.RunAsync(Path.Combine(Requirement.RepoRoot(), "data", "go", "zerocopy"), ["-benchtime", "2ms", "-run", "NoCopy"]);
        Assert.Equal(0, run.ExitCode);
        var bench = ZeroCopyBench.Parse(run.Stdout, "live");
        Assert.Equal(4, bench.Rows.Count);
        Assert.All(bench.Rows, r => Assert.Equal(0, r.AllocsPerOp));
    }
}
