// Mirrors: `go build -gcflags=-m` / `-gcflags=-m=2` (cmd/go passing -m to cmd/compile for the named package only,
// not its dependencies — that needs -gcflags=all=-m). Go 1.19–1.23. Simplified: one package, std-lib imports only.
using GoRuntimeLab.GoTool;
using GoRuntimeLab.IO;

namespace GoRuntimeLab.Escape;

/// <summary>Compiles Go code with the real compiler and parses its escape-analysis output; replays a recording without Go.</summary>
public static class EscapeRunner
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Copies <paramref name="dirOrFile"/> (a package folder, or one .go file) to a fresh temp folder, runs
    /// `go build -gcflags=-m` (level 1) or `-gcflags=-m=2` (level 2) there with "./" paths — so positions read
    /// "./file.go:LINE:COL" as in data/recordings — and parses the compiler output. The temp folder is deleted afterwards.
    /// </summary>
    /// <param name="dirOrFile">A folder with .go files (its go.mod is used when present) or a single .go file.</param>
    /// <param name="level">1 for -m, 2 for -m=2 (explanations).</param>
    /// <param name="toolchain">The Go to use; null for <see cref="GoToolchain.Require"/>.</param>
    /// <param name="cancellationToken">Stops the build.</param>
    /// <exception cref="KitInputException">No such file/folder, no .go file, or a level other than 1 or 2.</exception>
    /// <exception cref="GoToolNotFoundException">No Go is installed (only when <paramref name="toolchain"/> is null).</exception>
    /// <exception cref="GoBuildException">The code does not compile; the message holds the compiler's errors.</exception>
    public static async Task<EscapeReport> RunAsync(string dirOrFile, int level = 1, GoToolchain? toolchain = null, CancellationToken cancellationToken = default)
    {
        var flag = Flag(level);
        var sources = Sources(dirOrFile);
        toolchain ??= GoToolchain.Require();

        var work = Path.Combine(Path.GetTempPath(), "golab-escape-" + Guid.NewGuid().ToString("N")[..12]);
        var pkgDir = Path.Combine(work, Path.GetFileNameWithoutExtension(Path.GetFullPath(dirOrFile).TrimEnd(Path.DirectorySeparatorChar)));
        Directory.CreateDirectory(pkgDir);
        try
        {
            foreach (var file in sources.Files) File.Copy(file, Path.Combine(pkgDir, Path.GetFileName(file)));
            // Without a go.mod, `go build ./` refuses to run ("go.mod file not found"); a single-module stub keeps the
            // command identical to the recorded one. go 1.19 keeps the pre-1.22 loop-variable semantics for every release.
            if (!File.Exists(Path.Combine(pkgDir, "go.mod")))
                await File.WriteAllTextAsync(Path.Combine(pkgDir, "go.mod"), "module golab/escapecheck\n\ngo 1.19\n", cancellationToken).ConfigureAwait(false);
            string[] target = sources.SingleFile is { } single ? ["./" + Path.GetFileName(single)] : ["./"];
            // -o into the temp folder: a main package would otherwise drop its binary next to the sources.
            var outcome = await ProcessRunner.RunAsync(toolchain.GoPath, ["build", "-gcflags=" + flag, "-o", Path.Combine(work, "out.bin"), .. target], pkgDir,
                GoToolchain.BaseEnvironment(), BuildTimeout, $"go build -gcflags={flag} of {dirOrFile}", cancellationToken).ConfigureAwait(false);
            var command = $"cd {GoToolchain.Quote(dirOrFile)} && go build -gcflags={flag} {string.Join(' ', target)}";
            // The compiler prints escape diagnostics and -m=2 explanations on both streams; go build merges them into stderr.
            var output = outcome.Stdout + outcome.Stderr;
            if (outcome.ExitCode != 0)
                throw new GoBuildException(new GoRunResult(command, outcome.ExitCode, outcome.Stdout, outcome.Stderr, outcome.Elapsed));
            return EscapeParser.Parse(output, "live " + command) with { Source = $"live {toolchain.Description}" };
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>
    /// With a Go toolchain (<see cref="GoToolchain.Find()"/>), compiles <paramref name="caseDir"/> live; without one, parses
    /// <paramref name="recordingPath"/>. The recording is checked either way: it must be of the same folder and made with
    /// the same -gcflags level, so a notebook pairing the wrong file fails on every machine.
    /// </summary>
    /// <exception cref="KitInputException">The recording is missing, malformed, of another folder or another level.</exception>
    public static Task<EscapeReport> RunOrReplayAsync(string caseDir, int level, string recordingPath, CancellationToken cancellationToken = default) =>
        RunOrReplayAsync(GoToolchain.Find(), caseDir, level, recordingPath, cancellationToken);

    /// <summary>As the other overload, with the toolchain chosen by the caller (null: always replay).</summary>
    public static async Task<EscapeReport> RunOrReplayAsync(GoToolchain? toolchain, string caseDir, int level, string recordingPath, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caseDir);
        var flag = Flag(level);
        var recording = GoRecording.Read(recordingPath);
        var wanted = new DirectoryInfo(Path.GetFullPath(caseDir)).Name;
        if (recording.Program.Replace('\\', '/').TrimEnd('/').Split('/')[^1] != wanted)
            throw KitInputException.For($"this recording is of {recording.Program}, not of {caseDir}", parameter: "recordingPath", file: recordingPath);
        if (!recording.Args.SequenceEqual(["-gcflags=" + flag]))
            throw KitInputException.For($"this recording was made with [{string.Join(' ', recording.Args)}], not -gcflags={flag}", parameter: "recordingPath", file: recordingPath);
        if (toolchain is null) return EscapeParser.ParseFile(recordingPath);
        return await RunAsync(caseDir, level, toolchain, cancellationToken).ConfigureAwait(false);
    }

    private static string Flag(int level) => level switch
    {
        1 => "-m",
        2 => "-m=2",
        _ => throw KitInputException.For($"must be 1 (-m) or 2 (-m=2), not {level}", parameter: "level"),
    };

    private static (IReadOnlyList<string> Files, string? SingleFile) Sources(string dirOrFile)
    {
        if (string.IsNullOrWhiteSpace(dirOrFile)) throw KitInputException.For("no folder or .go file given", parameter: "dirOrFile");
        if (File.Exists(dirOrFile))
        {
            if (!dirOrFile.EndsWith(".go", StringComparison.Ordinal))
                throw KitInputException.For("not a .go file", parameter: "dirOrFile", file: dirOrFile);
            return ([dirOrFile], dirOrFile);
        }
        if (!Directory.Exists(dirOrFile))
            throw KitFile.NotFound(dirOrFile, "dirOrFile", "file or folder");
        var files = Directory.EnumerateFiles(dirOrFile).Where(f => f.EndsWith(".go", StringComparison.Ordinal) || Path.GetFileName(f) is "go.mod" or "go.sum").ToList();
        if (!files.Any(f => f.EndsWith(".go", StringComparison.Ordinal)))
            throw KitInputException.For("no .go files in this folder", parameter: "dirOrFile", file: dirOrFile);
        return (files, null);
    }
}
