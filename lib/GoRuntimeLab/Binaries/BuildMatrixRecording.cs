// Mirrors: the files data/go/buildmatrix/record.sh writes for one Go release (data/README.md): elfdump of every native
// build (Go's debug/elf), -m line counts (cmd/compile's "can inline"/"inlining call to" diagnostics, inl.go), startup
// medians, and elfdump of the cross builds.
using System.Globalization;
using GoRuntimeLab.IO;

namespace GoRuntimeLab.Binaries;

/// <summary>
/// The recorded build matrix of one Go release: every build of hello and httpsvc with each flag set (named
/// "program__flagset", e.g. "httpsvc__s-w"), their inlining counts and startup times, and the cross builds
/// ("httpsvc__linux-arm64-cgo0-s-w"). One-line use: <c>BuildMatrixRecording.Read("data/recordings/build", "go1.22.12")</c>.
/// </summary>
/// <param name="GoVersion">"go1.19.8".</param>
/// <param name="Builds">Native builds by name.</param>
/// <param name="Cross">Cross builds by name (empty when the cross stage was not recorded).</param>
/// <param name="Inlining">-m counts per program, flag set and scope.</param>
/// <param name="Startup">Startup times per program and flag set.</param>
/// <param name="Meta">The meta file's "key: value" lines (machine, load, the course command's result…).</param>
public sealed record BuildMatrixRecording(
    string GoVersion, IReadOnlyDictionary<string, ExecutableInfo> Builds, IReadOnlyDictionary<string, ExecutableInfo> Cross,
    IReadOnlyList<InliningCount> Inlining, IReadOnlyList<StartupTime> Startup, IReadOnlyDictionary<string, string> Meta)
{
    private static readonly KitReadLimits TsvLimits = new("build matrix table", 4L << 20, 64 * 1024);

    /// <summary>The flag sets in the order record.sh builds them.</summary>
    public static readonly IReadOnlyList<string> FlagSets =
        ["default", "s-w", "s", "w", "trimpath", "all-l", "N-l", "cgo0", "cgo0-s-w-trimpath", "amd64v2", "amd64v3", "pgo"];

    /// <summary>The Go releases recorded in <paramref name="dir"/> (from its elfdump-*.tsv files), oldest first.</summary>
    public static IReadOnlyList<string> Versions(string dir)
    {
        if (!Directory.Exists(dir)) throw KitFile.NotFound(dir, "dir", "folder");
        return Directory.GetFiles(dir, "elfdump-go*.tsv").Select(f => Path.GetFileNameWithoutExtension(f)["elfdump-".Length..])
            .OrderBy(v => GoRuntimeLab.GoVersion.Parse(v)).ToList();
    }

    /// <summary>Reads the recording of <paramref name="goVersion"/> ("go1.22.12") in <paramref name="dir"/>.</summary>
    /// <exception cref="KitInputException">A missing or malformed file (file:line).</exception>
    public static BuildMatrixRecording Read(string dir, string goVersion)
    {
        ArgumentException.ThrowIfNullOrEmpty(goVersion);
        string F(string kind, string ext) => Path.Combine(dir, $"{kind}-{goVersion}.{ext}");
        static Dictionary<string, ExecutableInfo> ByName(IEnumerable<ExecutableInfo> infos) => infos.ToDictionary(i => i.Source.Replace(".exe", "", StringComparison.Ordinal));
        var builds = ByName(ElfDump.Read(F("elfdump", "tsv")));
        var cross = File.Exists(F("cross", "tsv")) ? ByName(ElfDump.Read(F("cross", "tsv"))) : [];
        var inlining = Table(F("inline", "tsv"), 5, (f, bad) => new InliningCount(f[0], f[1], f[2], Int(f[3], bad), Int(f[4], bad)));
        var startup = Table(F("startup", "tsv"), 6, (f, bad) => new StartupTime(f[0], f[1], Int(f[2], bad), Int(f[3], bad), Int(f[4], bad), Int(f[5], bad)));
        var meta = new Dictionary<string, string>(StringComparer.Ordinal);
        if (File.Exists(F("meta", "txt")))
            foreach (var line in KitFile.ParseLines(F("meta", "txt"), TsvLimits, r => { var l = new List<string>(); while (r.ReadLine() is { } x) l.Add(x); return l; }, "path"))
                if (line.IndexOf(": ", StringComparison.Ordinal) is var c and > 0) meta[line[..c]] = line[(c + 2)..];
        return new BuildMatrixRecording(goVersion, builds, cross, inlining, startup, meta);
    }

    /// <summary>The native build "program__flagset".</summary>
    /// <exception cref="KitInputException">Not recorded.</exception>
    public ExecutableInfo Build(string program, string flagSet) =>
        Builds.GetValueOrDefault($"{program}__{flagSet}")
        ?? throw KitInputException.For($"no build {program} with flag set {flagSet} recorded for {GoVersion}", parameter: "flagSet");

    /// <summary>The flag sets recorded for <paramref name="program"/>, in <see cref="FlagSets"/> order.</summary>
    public IReadOnlyList<string> FlagSetsOf(string program) => FlagSets.Where(f => Builds.ContainsKey($"{program}__{f}")).ToList();

    private static int Int(string s, Func<string, KitInputException> bad) =>
        int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : throw bad($"not a number: \"{s}\"");

    private static List<T> Table<T>(string path, int fields, Func<string[], Func<string, KitInputException>, T> row) =>
        KitFile.ParseLines(path, TsvLimits, r =>
        {
            var rows = new List<T>();
            r.ReadLine(); // header
            while (r.ReadLine() is { } line)
            {
                if (line.Length == 0) continue;
                var f = line.Split('\t');
                KitInputException Bad(string what) => KitInputException.For(what, parameter: "path", file: path, line: r.LineNumber);
                if (f.Length < fields) throw Bad($"expected {fields} tab-separated fields, found {f.Length}");
                rows.Add(row(f, Bad));
            }
            return rows;
        }, "path");
}
