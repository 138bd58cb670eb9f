using System.Diagnostics;
using GoRuntimeLab.GoTool;
using GoRuntimeLab.Pprof;
using GoRuntimeLab.Testing;

namespace GoRuntimeLab.Tests.Pprof;

/// <summary>
/// Oracle: the real `go tool pprof -top` (Go on PATH; required in CI with GOLAB_REQUIRE_GO=1). Profiles written by
/// the kit must open in it and print the report the kit prints.
/// </summary>
public class PprofLiveGoTests
{
    private static string PprofTop(GoToolchain go, params string[] args)
    {
        var start = new ProcessStartInfo(go.GoPath) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in (string[])["tool", "pprof", "-top", .. args]) start.ArgumentList.Add(a);
        start.Environment["TZ"] = "UTC";
        using var p = Process.Start(start)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(TimeSpan.FromMinutes(2)), "go tool pprof did not finish");
        Assert.True(p.ExitCode == 0, $"go tool pprof -top {string.Join(' ', args)} exit {p.ExitCode}: {stderr.Result}");
        return stdout.Result;
    }

    private static string Temp(string name) => Path.Combine(Path.GetTempPath(), "golab-pprof-" + Guid.NewGuid().ToString("N")[..8] + "-" + name);

    [SkippableFact]
    public void Kit_written_cpu_profile_opens_in_go_tool_pprof()
    {
        var go = LiveGo.Require();
        var profile = ProfileBuilder.Cpu().Duration(TimeSpan.FromSeconds(2)).At(new DateTimeOffset(2026, 1, 2, 15, 4, 0, TimeSpan.Zero))
            .AddSamples(["main.work", "main.main", "runtime.main"], 120)
            .AddSamples(["runtime.mallocgc", "main.alloc", "main.main", "runtime.main"], 45)
            .AddSamples(["runtime.scanobject", "runtime.gcDrain", "runtime.gcBgMarkWorker"], 30).Build();
        var file = Temp("cpu.pb.gz");
        try
        {
            PprofWriter.Write(profile, file);
            var text = PprofTop(go, file);
            foreach (var f in (string[])["main.work", "runtime.mallocgc", "runtime.scanobject", "runtime.gcBgMarkWorker"])
                Assert.Contains(f, text, StringComparison.Ordinal);
            Assert.Equal(text, profile.Top().Text);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [SkippableFact]
    public void Kit_written_heap_profile_opens_in_go_tool_pprof_for_every_sample_index()
    {
        var go = LiveGo.Require();
        var profile = ProfileBuilder.Heap(memProfileRate: 4096, seed: 11)
            .Allocate(["main.cache", "main.handle", "main.main"], 1024, 5000)
            .Allocate(["main.scratch", "main.handle", "main.main"], 8192, 3000, live: false)
            .Allocate(["strconv.Itoa", "main.handle", "main.main"], 8, 20000, live: false).Build();
        var file = Temp("heap.pb.gz");
        try
        {
            PprofWriter.Write(profile, file);
            foreach (var si in (string[])["alloc_objects", "alloc_space", "inuse_objects", "inuse_space"])
                Assert.Equal(PprofTop(go, "-sample_index=" + si, file), profile.Top(si).Text);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [SkippableTheory]
    [InlineData("cpu.pb.gz")]
    [InlineData("heap.pb.gz")]
    [InlineData("leak-after.pb.gz")]
    public void Convert_keeps_go_tool_pprof_output(string name)
    {
        var go = LiveGo.Require();
        var input = Path.Combine(PprofRecordingTests.Dir, name);
        var output = Temp(name);
        try
        {
            PprofWriter.Write(PprofReader.Read(input), output);
            Assert.Equal(PprofTop(go, input), PprofTop(go, output));
        }
        finally
        {
            File.Delete(output);
        }
    }

    [SkippableFact]
    public void Diff_of_kit_profiles_matches_go_tool_pprof_base()
    {
        var go = LiveGo.Require();
        ProfileBuilder Stream(int requests) => ProfileBuilder.Heap(memProfileRate: 1)
            .Allocate(["main.cache", "main.serve", "main.main"], 1024, requests)
            .Allocate(["bytes.growSlice", "main.log", "main.serve", "main.main"], 4096, requests / 10);
        var before = Temp("before.pb.gz");
        var after = Temp("after.pb.gz");
        try
        {
            var b = Stream(1000).Build();
            var a = Stream(4000).Build();
            PprofWriter.Write(b, before);
            PprofWriter.Write(a, after);
            Assert.Equal(PprofTop(go, "-base=" + before, after), PprofProfile.Diff(b, a).Top().Text);
        }
        finally
        {
            File.Delete(before);
            File.Delete(after);
        }
    }
}
