using System.Diagnostics;
using GoRuntimeLab.GoTool;
using GoRuntimeLab.Testing;

namespace GoRuntimeLab.Tests.Binaries;

/// <summary>
/// Go binaries built once per test run with the installed Go (data/go/buildmatrix/hello and httpsvc, native and
/// cross), and data/go/elfdump (Go's debug/elf, debug/pe, debug/buildinfo) to read them: the oracle of the kit's
/// reader. Skips without Go; a failure when GOLAB_REQUIRE_GO=1.
/// </summary>
internal static class LiveBinaries
{
    /// <summary>name → (program, environment, go build flags).</summary>
    public static readonly IReadOnlyDictionary<string, (string Program, string[] Env, string[] Flags)> Builds =
        new Dictionary<string, (string, string[], string[])>
        {
            ["hello"] = ("hello", [], []),
            ["hello-s-w"] = ("hello", [], ["-ldflags=-s -w"]),
            ["hello-windows.exe"] = ("hello", ["GOOS=windows", "GOARCH=amd64"], []),
            ["hello-windows-gui-s-w.exe"] = ("hello", ["GOOS=windows", "GOARCH=amd64"], ["-ldflags=-s -w -H=windowsgui"]),
            ["hello-mips"] = ("hello", ["GOOS=linux", "GOARCH=mips"], ["-ldflags=-s -w"]),
            ["hello-arm64"] = ("hello", ["GOOS=linux", "GOARCH=arm64"], []),
            ["httpsvc"] = ("httpsvc", [], []),
        };

    private static readonly Lazy<string> Dir = new(BuildAll, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The path of the build <paramref name="name"/>.</summary>
    public static string Path(string name)
    {
        LiveGo.Require();
        return System.IO.Path.Combine(Dir.Value, name);
    }

    /// <summary>data/go/elfdump's output for the build <paramref name="name"/>.</summary>
    public static string ElfDump(string name)
    {
        var file = Path(name);
        var r = Run(System.IO.Path.Combine(Dir.Value, "elfdump"), Dir.Value, [], [System.IO.Path.GetFileName(file)]);
        return r;
    }

    private static string BuildAll()
    {
        var go = LiveGo.Require();
        var dir = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"golab-binaries-{Environment.ProcessId}");
        Directory.CreateDirectory(dir);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Directory.Delete(dir, recursive: true); }
            catch (IOException) { } // best effort: a temporary folder
            catch (UnauthorizedAccessException) { }
        };
        var root = Requirement.RepoRoot();
        Run(go.GoPath, System.IO.Path.Combine(root, "data", "go", "elfdump"), [], ["build", "-o", System.IO.Path.Combine(dir, "elfdump"), "."]);
        foreach (var (name, (program, env, flags)) in Builds)
            Run(go.GoPath, System.IO.Path.Combine(root, "data", "go", "buildmatrix", program), env,
                ["build", .. flags, "-o", System.IO.Path.Combine(dir, name), "."]);
        return dir;
    }

    private static string Run(string exe, string workDir, string[] env, string[] args)
    {
        var info = new ProcessStartInfo(exe) { WorkingDirectory = workDir, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args) info.ArgumentList.Add(a);
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("HOME")) && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("GOCACHE")))
            info.Environment["GOCACHE"] = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "golab-gocache");
        info.Environment["GOFLAGS"] = "-mod=mod -buildvcs=false";
        info.Environment["GOPROXY"] = "off";
        foreach (var e in env)
        {
            var eq = e.IndexOf('=', StringComparison.Ordinal);
            info.Environment[e[..eq]] = e[(eq + 1)..];
        }
        using var p = Process.Start(info)!;
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{exe} {string.Join(' ', args)} timed out");
        }
        if (p.ExitCode != 0) throw new InvalidOperationException($"{exe} {string.Join(' ', args)} in {workDir}: exit {p.ExitCode}: {stderr.Result}");
        return stdout.Result;
    }
}
