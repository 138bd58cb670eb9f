// Mirrors: the go command's user interface: `go version`, `go env NAME`, `go build -o` (src/cmd/go), and how a
// shell finds it (PATH, then $GOROOT/bin). Go 1.19–1.23.
using System.Globalization;
using System.Text;
using GoRuntimeLab.IO;

namespace GoRuntimeLab.GoTool;

/// <summary>
/// A real Go toolchain on this machine. Optional by design: the models need no Go, and notebooks fall back to
/// recordings (<c>GoProgram.RunOrReplayAsync</c>);
/// with Go present, learners can re-run the recorders and compare the model with their own machine.
/// </summary>
/// <param name="GoPath">Full path of the go executable.</param>
/// <param name="Version">Its release, from `go version`.</param>
/// <param name="Os">GOOS it builds for by default.</param>
/// <param name="Arch">GOARCH it builds for by default.</param>
public sealed record GoToolchain(string GoPath, GoVersion Version, string Os, string Arch)
{
    private static readonly TimeSpan QueryTimeout = TimeSpan.FromSeconds(30);

    // One lookup per process: finding Go runs `go version`, which takes tens of milliseconds, and PATH does not
    // change under a running notebook.
    private static readonly Lazy<(GoToolchain? Toolchain, string Problem)> Cached = new(
        () => Locate(Environment.GetEnvironmentVariable("PATH"), Environment.GetEnvironmentVariable("GOROOT")));

    /// <summary>True for a development build ("devel go1.24-…"): its behaviour may differ from the release.</summary>
    public bool IsDevel { get; init; }

    /// <summary>"go1.19.8 linux/amd64" (with " (devel)" after the version for development builds).</summary>
    public string Description => $"{Version}{(IsDevel ? " (devel)" : "")} {Os}/{Arch}";

    /// <summary>
    /// The go on PATH, else $GOROOT/bin/go, or null when neither exists or answers `go version` sensibly.
    /// Looked up once per process.
    /// </summary>
    public static GoToolchain? Find() => Cached.Value.Toolchain;

    /// <summary>
    /// Looks for go in the directories of <paramref name="searchPath"/> (PATH syntax; null or "" searches none), then
    /// in <paramref name="goRoot"/>/bin. Not cached. Lets a caller (or a test) decide where Go may come from, e.g.
    /// <c>Find("", null)</c> to act as if Go were not installed.
    /// </summary>
    public static GoToolchain? Find(string? searchPath, string? goRoot = null) => Locate(searchPath, goRoot).Toolchain;

    /// <summary>Like <see cref="Find()"/>, but throws when there is no usable Go.</summary>
    /// <exception cref="GoToolNotFoundException">No go found, or the one found does not work; the message says which and how to install Go.</exception>
    public static GoToolchain Require()
    {
        var (toolchain, problem) = Cached.Value;
        return toolchain ?? throw new GoToolNotFoundException(problem);
    }

    /// <summary>Builds the toolchain description from `go version` output, without running anything.</summary>
    /// <exception cref="KitInputException">The text holds no `go version` line.</exception>
    public static GoToolchain FromVersionOutput(string goPath, string versionOutput)
    {
        ArgumentNullException.ThrowIfNull(versionOutput);
        // Take the first "go version" line: a misconfigured go may print warnings before it.
        var line = versionOutput.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("go version ", StringComparison.Ordinal))
            ?? versionOutput.Trim();
        var parsed = GoVersionLine.Parse(line);
        return new GoToolchain(goPath, parsed.Version, parsed.Os, parsed.Arch) { IsDevel = parsed.IsDevel };
    }

    /// <summary>
    /// The first executable named <paramref name="tool"/> (".exe" added on Windows) in the directories of PATH, or
    /// null. The same search <see cref="Find()"/> uses for go; notebooks use it for dlv, gopls, staticcheck, air.
    /// </summary>
    public static string? OnPath(string tool) => OnPath(tool, Environment.GetEnvironmentVariable("PATH"));

    /// <summary>Like <see cref="OnPath(string)"/> with an explicit PATH-syntax <paramref name="searchPath"/>.</summary>
    public static string? OnPath(string tool, string? searchPath) => ExecutablesOnPath(tool, searchPath).FirstOrDefault();

    private static IEnumerable<string> ExecutablesOnPath(string tool, string? searchPath)
    {
        if (string.IsNullOrWhiteSpace(tool) || tool.IndexOfAny([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar]) >= 0)
            throw KitInputException.For($"\"{tool}\" is not a command name", parameter: "tool");
        var exe = OperatingSystem.IsWindows() && !Path.HasExtension(tool) ? tool + ".exe" : tool;
        return (searchPath ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, exe)).Where(IsExecutableFile);
    }

    private static (GoToolchain? Toolchain, string Problem) Locate(string? searchPath, string? goRoot)
    {
        var candidates = ExecutablesOnPath("go", searchPath).ToList();
        if (!string.IsNullOrEmpty(goRoot)) candidates.Add(Path.Combine(goRoot, "bin", OperatingSystem.IsWindows() ? "go.exe" : "go"));

        var problems = new List<string>();
        foreach (var candidate in candidates.Distinct(StringComparer.Ordinal))
        {
            if (!IsExecutableFile(candidate)) continue;
            try
            {
                var outcome = ProcessRunner.RunAsync(candidate, ["version"], null, BaseEnvironment(), QueryTimeout,
                    $"{candidate} version", CancellationToken.None).GetAwaiter().GetResult();
                if (outcome.ExitCode == 0) return (FromVersionOutput(candidate, outcome.Stdout), "");
                problems.Add($"`{candidate} version` failed (exit code {outcome.ExitCode}): {outcome.Stderr.Trim()}");
            }
            catch (Exception e) when (e is KitInputException or TimeoutException or IOException or System.ComponentModel.Win32Exception)
            {
                problems.Add($"{candidate} is not usable: {e.Message}");
            }
        }

        var problem = problems.Count > 0
            ? "Go toolchain not usable / Go 工具链不可用: " + string.Join("; ", problems) + "."
            : "Go toolchain not found: no `go` on PATH and no $GOROOT/bin/go. 未找到 Go 工具链：PATH 中没有 `go`，$GOROOT/bin/go 也不存在。";
        return (null, problem);
    }

    private static bool IsExecutableFile(string path)
    {
        if (!File.Exists(path)) return false;
        if (OperatingSystem.IsWindows()) return true;
        const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        return (File.GetUnixFileMode(path) & anyExecute) != 0;
    }

    /// <summary>
    /// Environment for every go command: unchanged, except that when Go would have nowhere to put its build cache
    /// (no HOME, as under some CI runners and services) GOCACHE points under the system temp folder; otherwise
    /// `go build` stops with "build cache is required".
    /// </summary>
    internal static IReadOnlyList<KeyValuePair<string, string?>> BaseEnvironment()
    {
        static bool Unset(string name) => string.IsNullOrEmpty(Environment.GetEnvironmentVariable(name));
        // os.UserCacheDir: %LocalAppData% on Windows, $HOME/Library/Caches on macOS, else $XDG_CACHE_HOME or $HOME/.cache.
        var noCacheHome = OperatingSystem.IsWindows() ? Unset("LocalAppData")
            : OperatingSystem.IsMacOS() ? Unset("HOME")
            : Unset("HOME") && Unset("XDG_CACHE_HOME");
        return Unset("GOCACHE") && noCacheHome
            ? [new("GOCACHE", Path.Combine(Path.GetTempPath(), "golab-gocache"))]
            : [];
    }

    /// <summary>The value of one Go environment setting, e.g. Env("CGO_ENABLED") → "1", via `go env NAME`.</summary>
    /// <exception cref="KitInputException"><paramref name="name"/> is not a variable name.</exception>
    /// <exception cref="InvalidOperationException">`go env` failed.</exception>
    public string Env(string name)
    {
        if (string.IsNullOrEmpty(name) || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            throw KitInputException.For($"\"{name}\" is not a Go environment variable name (e.g. CGO_ENABLED, GOROOT)", parameter: "name");
        var outcome = ProcessRunner.RunAsync(GoPath, ["env", name], null, BaseEnvironment(), QueryTimeout,
            $"go env {name}", CancellationToken.None).GetAwaiter().GetResult();
        if (outcome.ExitCode != 0)
            throw new InvalidOperationException($"`go env {name}` failed (exit code {outcome.ExitCode}): {outcome.Stderr.Trim()}");
        return outcome.Stdout.Trim();
    }

    /// <summary>
    /// Builds the program in <paramref name="programDir"/> with `go build -o &lt;temp&gt;` and runs the binary with
    /// <paramref name="args"/>, so <see cref="GoRunResult.Elapsed"/> is the program's time, not the compiler's
    /// (`go run` would mix the two). The binary is deleted afterwards, whatever happens. The program runs in
    /// <paramref name="programDir"/>, with <paramref name="options"/>' environment on top of this process's.
    /// </summary>
    /// <exception cref="KitInputException">The folder does not exist or holds no .go file; bad options.</exception>
    /// <exception cref="GoBuildException">`go build` failed; the message holds the compiler output.</exception>
    /// <exception cref="TimeoutException">Build or run exceeded its limit; the process tree was killed and the message names the program.</exception>
    public async Task<GoRunResult> RunAsync(string programDir, IReadOnlyList<string> args, GoRunOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (string.IsNullOrWhiteSpace(programDir))
            throw KitInputException.For("no program folder given", parameter: nameof(programDir));
        if (!Directory.Exists(programDir))
            throw KitFile.NotFound(programDir, nameof(programDir), "folder");
        if (!Directory.EnumerateFiles(programDir, "*.go").Any())
            throw KitInputException.For("no .go files in this folder", parameter: nameof(programDir), file: programDir);
        options ??= GoRunOptions.Default;
        var programEnv = options.ProgramEnvironment();

        var name = new DirectoryInfo(Path.GetFullPath(programDir)).Name;
        var commandLine = CommandLineFor(programDir, name, args, programEnv);
        // Full path: go build runs inside programDir, so a relative -o would land there.
        var tempDir = Path.GetFullPath(Path.Combine(options.BuildDirectory ?? Path.GetTempPath(), "golab-run-" + Guid.NewGuid().ToString("N")[..12]));
        Directory.CreateDirectory(tempDir);
        try
        {
            var binary = Path.Combine(tempDir, OperatingSystem.IsWindows() ? name + ".exe" : name);
            var build = await ProcessRunner.RunAsync(GoPath, ["build", "-o", binary, "."], programDir, BaseEnvironment(),
                options.BuildTimeout, $"go build of {name} ({programDir})", cancellationToken).ConfigureAwait(false);
            if (build.ExitCode != 0)
            {
                throw new GoBuildException(new GoRunResult($"cd {Quote(programDir)} && go build -o {Quote(name)} .",
                    build.ExitCode, build.Stdout, build.Stderr, build.Elapsed));
            }

            var env = BaseEnvironment().Concat(programEnv.Select(kv => new KeyValuePair<string, string?>(kv.Key, kv.Value)));
            var run = await ProcessRunner.RunAsync(binary, args, programDir, env, options.Timeout,
                $"Go program {name} ({programDir})", cancellationToken).ConfigureAwait(false);
            return new GoRunResult(commandLine, run.ExitCode, run.Stdout, run.Stderr, run.Elapsed);
        }
        finally
        {
            DeleteQuietly(tempDir);
        }
    }

    private static void DeleteQuietly(string dir)
    {
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
            // A killed process on Windows may hold the binary for a moment; one retry, then give up quietly
            // rather than hide the run's real outcome behind a clean-up error.
            Thread.Sleep(200);
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static string CommandLineFor(string programDir, string name, IReadOnlyList<string> args, IReadOnlyList<KeyValuePair<string, string>> env)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"cd {Quote(programDir)} && go build -o {Quote(name)} . && ");
        foreach (var (key, value) in env) text.Append(key).Append('=').Append(Quote(value)).Append(' ');
        text.Append("./").Append(Quote(name));
        foreach (var arg in args) text.Append(' ').Append(Quote(arg));
        return text.ToString();
    }

    /// <summary>POSIX shell quoting, only where needed, so the common command line stays readable.</summary>
    internal static string Quote(string word)
    {
        if (word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || "-_./=:,+@%".Contains(c, StringComparison.Ordinal)))
            return word;
        return "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }
}
