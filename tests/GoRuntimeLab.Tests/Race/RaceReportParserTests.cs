using GoRuntimeLab.Race;
using GoRuntimeLab.Testing;

namespace GoRuntimeLab.Tests.Race;

/// <summary>
/// Race reports of data/go/racedemo recorded with Go 1.19.8 and 1.23.5 (data/README.md), a binary built with -race
/// and `go test -race`, and the report grammar of compiler-rt's tsan_report.cpp (Go build).
/// </summary>
public sealed class RaceReportParserTests
{
    internal static string Recording(string name) => Path.Combine(Requirement.RepoRoot(), "data", "recordings", "race", name);

    [Theory]
    [InlineData("go1.19.8", "func1", "func2")]
    [InlineData("go1.23.5", "gowrap1", "gowrap2")]
    public void RunRecording_TwoRaces_AccessesStacksAndCreators(string go, string wrap1, string wrap2)
    {
        var log = RaceReportParser.ReadFile(Recording($"racedemo-run-{go}.txt"));
        Assert.Equal(2, log.Reports.Count);
        Assert.Equal(2, log.FoundCount);
        Assert.Empty(log.FailedTests);

        // Run: goroutine A reads c.N in Add (main.go:18) while goroutine B's earlier write is unordered with it.
        var counter = log.Reports[0];
        Assert.Equal(2, counter.Accesses.Count);
        Assert.Equal(("read", false), (counter.Current.Kind, counter.Current.IsPrevious));
        Assert.Equal(("write", true), (counter.Previous!.Kind, counter.Previous.IsPrevious));
        Assert.Equal(counter.Current.Address, counter.Previous.Address);
        Assert.NotEqual(counter.Current.Goroutine, counter.Previous.Goroutine);
        Assert.Equal(["main.(*Counter).Add", "main.work"], counter.Current.Stack.Take(2).Select(f => f.Function));
        Assert.Equal(("golab/racedemo/main.go", 18), (counter.Current.Top!.File, counter.Current.Top.Line));
        Assert.Contains(counter.Current.Stack[2].Function, new[] { "main.Run." + wrap1, "main.Run." + wrap2 });
        // Both goroutines' creation stacks: created by main.Run at the two go statements (lines 33 and 34), called from main.main.
        Assert.Equal(2, counter.Goroutines.Count);
        foreach (var access in counter.Accesses)
        {
            var g = counter.GoroutineById(access.Goroutine)!;
            Assert.Equal(["main.Run", "main.main"], g.CreatedAt.Select(f => f.Function));
            Assert.Contains(g.CreatedAt[0].Line, new[] { 33, 34 });
        }
        Assert.Equal([33, 34], counter.Goroutines.Select(g => g.CreatedAt[0].Line).Order());
        Assert.Contains(counter.Goroutines, g => g.Running);

        // Peek: the goroutine's write (main.go:48) against the main goroutine's read (main.go:50), in either order (the
        // detector reports whichever access came second as the current one); main has no creation stack.
        var flag = log.Reports[1];
        var byMain = flag.Accesses.Single(a => a.Goroutine == RaceAccess.MainGoroutine);
        var byOther = flag.Accesses.Single(a => a.Goroutine != RaceAccess.MainGoroutine);
        Assert.Equal("main goroutine", byMain.GoroutineName);
        Assert.Equal(("read", 50, "main.Peek"), (byMain.Kind, byMain.Top!.Line, byMain.Top.Function));
        Assert.Equal(("write", 48, "main.Peek.func1"), (byOther.Kind, byOther.Top!.Line, byOther.Top.Function));
        Assert.NotEqual(byMain.IsPrevious, byOther.IsPrevious);
        var creator = Assert.Single(flag.Goroutines);
        Assert.Equal(byOther.Goroutine, creator.Id);
        Assert.Equal(46, creator.CreatedAt[0].Line);
        Assert.Null(flag.GoroutineById(RaceAccess.MainGoroutine));
        Assert.Contains("read by main goroutine at golab/racedemo/main.go:50 (main.Peek)", flag.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("go1.19.8")]
    [InlineData("go1.23.5")]
    public void TestRecording_FailedTestsAndTestingFrames(string go)
    {
        var log = RaceReportParser.ReadFile(Recording($"racedemo-test-{go}.txt"));
        Assert.Equal(2, log.Reports.Count);
        Assert.Null(log.FoundCount);
        Assert.Equal(["TestRun", "TestPeek"], log.FailedTests);
        // Under go test the package is golab/racedemo, goroutines are created by tests run by testing.tRunner.
        Assert.Equal("golab/racedemo.(*Counter).Add", log.Reports[0].Current.Top!.Function);
        Assert.All(log.Reports[0].Goroutines, g => Assert.Equal("golab/racedemo.TestRun", g.CreatedAt[1].Function));
        Assert.Contains(log.Reports[1].Goroutines.SelectMany(g => g.CreatedAt), f => f.Function == "testing.tRunner" && f.File == "testing/testing.go");
        Assert.All(log.Reports.SelectMany(r => r.Accesses.SelectMany(a => a.Stack)), f => Assert.True(f.Line > 0 && f.PcOffset > 0));
    }

    [Fact]
    public void LocationsAndLostStacks_FromTheReportGrammar()
    {
        var log = RaceReportParser.Parse("""
            ==================
            WARNING: DATA RACE
            Write at 0x00c000012345 by main goroutine:
              main.main()
                  x/main.go:10 +0x1f

            Previous read at 0x00c000012345 by goroutine 6:
              [failed to restore the stack]

            Heap block of size 8 at 0x00c000012340 allocated by main goroutine:
              main.main()
                  x/main.go:8 +0x2a

            Global var counter of size 8 at 0x0000005db640 declared at x/main.go:4

            Goroutine 6 (finished) created at:
              main.main()
                  x/main.go:9 +0x3b
            ==================
            """, "t.txt");
        var r = Assert.Single(log.Reports);
        Assert.Equal((2, 0x00c000012345UL), (r.Line, r.Current.Address));
        Assert.False(r.Previous!.StackRestored);
        Assert.Empty(r.Previous.Stack);
        Assert.Equal(("heap", 8L, (int?)1), (r.Locations[0].Kind, r.Locations[0].Size, r.Locations[0].Goroutine));
        Assert.Equal(("global", "counter", "x/main.go", (int?)4), (r.Locations[1].Kind, r.Locations[1].Name, r.Locations[1].File, r.Locations[1].Line));
        Assert.False(Assert.Single(r.Goroutines).Running);
    }

    [Theory]
    [InlineData("Read at 0x1 by goroutine 7:\n  main.f()\n", 4, "file:line")]
    [InlineData("Read at 0x1 by goroutine 7:\n  main.f()\n      main.go:3\n", 5, "file:line")]
    [InlineData("Read at 0x1 by goroutine 7:\n  main.f()\n      main.go:3 +0x1\ncounter: 5\n", 6, "not \"counter: 5\"")]
    [InlineData("Read at 0x1 by someone:\n", 3, "expected a race report line")]
    [InlineData("Read at 0x1 by goroutine 7:\n==================\n", 3, "without a stack")]
    [InlineData("Read at 0x1 by goroutine 7:\n  main.f()\n      main.go:3 +0x1\n", 5, "ends without its closing")]
    [InlineData("Goroutine 7 (sleeping) created at:\n", 3, "expected a race report line")]
    [InlineData("==================\n", 2, "no accesses")]
    public void MalformedReport_IsKitInputExceptionAtItsLine(string body, int line, string reason)
    {
        var e = Assert.Throws<KitInputException>(() => RaceReportParser.Parse("==================\nWARNING: DATA RACE\n" + body, "race.txt"));
        Assert.Equal(("race.txt", line), (e.FilePath, e.Line));
        Assert.Contains(reason, e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void OutputWithoutRaces_HasNoReports()
    {
        var log = RaceReportParser.Parse("ok\n==================\nnot a warning\n");
        Assert.Empty(log.Reports);
        Assert.Null(log.FoundCount);
    }
}
