using System.Globalization;
using GoRuntimeLab.GoTool;
using GoRuntimeLab.Layouts;
using GoRuntimeLab.Testing;

namespace GoRuntimeLab.Tests.Layouts;

/// <summary>
/// golab's layout of 120 generated struct declarations (data/recordings/layout/structs.go, data/go/layoutgen -seed 1)
/// equals what the real compiler (go1.19.8 and go1.23.5, `go tool compile -S` of unsafe.Sizeof/Alignof/Offsetof tables) computed
/// for amd64, 386, arm64 and arm; and, live, for a fresh seed with the installed Go.
/// </summary>
public class LayoutRecordingTests
{
    internal static string Recordings => Path.Combine(Requirement.RepoRoot(), "data", "recordings", "layout");

    internal static string Generator => Path.Combine(Requirement.RepoRoot(), "data", "go", "layoutgen");

    // "arch type size align offsets…" lines, keyed by (arch, type).
    internal static Dictionary<(string Arch, string Type), long[]> ReadCompiler(string path) =>
        File.ReadLines(path).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split(' '))
            .ToDictionary(p => (p[0], p[1]), p => p[2..].Select(x => long.Parse(x, CultureInfo.InvariantCulture)).ToArray());

    internal static List<string> Compare(string structs, Dictionary<(string Arch, string Type), long[]> compiler)
    {
        var failures = new List<string>();
        foreach (var arch in GoArch.All)
        {
            var report = GoLayout.AnalyzeFile(structs, arch.Name);
            foreach (var t in report.Types)
            {
                if (!compiler.TryGetValue((arch.Name, t.Name), out var want))
                {
                    failures.Add($"{arch} {t.Name}: not in the compiler's recording");
                    continue;
                }
                long[] got = [t.Size, t.Align, .. t.Fields.Select(f => f.Offset)];
                if (!got.SequenceEqual(want))
                    failures.Add($"{arch} {t.Name}: golab {string.Join(' ', got)}, compiler {string.Join(' ', want)}");
            }
            if (report.Types.Count != compiler.Keys.Count(k => k.Arch == arch.Name))
                failures.Add($"{arch}: golab read {report.Types.Count} types, the compiler {compiler.Keys.Count(k => k.Arch == arch.Name)}");
        }
        return failures;
    }

    [Theory]
    [InlineData("go1.19.8")]
    [InlineData("go1.23.5")]
    public void Every_generated_type_has_the_compilers_size_alignment_and_offsets_on_all_four_architectures(string go)
    {
        var compiler = ReadCompiler(Path.Combine(Recordings, $"compiler-{go}.txt"));
        Assert.Equal(4 * 120, compiler.Count);
        Assert.Empty(Compare(Path.Combine(Recordings, "structs.go"), compiler));
    }

    [Fact]
    public void The_generated_declarations_cover_every_kind_the_reader_supports()
    {
        var report = GoLayout.AnalyzeFile(Path.Combine(Recordings, "structs.go"), "amd64");
        var types = report.Types.SelectMany(t => t.Fields).Select(f => f.Type).ToList();
        foreach (var needle in new[] { "unsafe.Pointer", "map[", "chan ", "<-chan ", "chan<- ", "func(", "interface{", "any", "error", "[0]", "struct{", "complex64", "uintptr" })
            Assert.Contains(types, t => t.Contains(needle, StringComparison.Ordinal));
        Assert.Contains(report.Types, t => t.Kind != GoTypeKind.Struct);
        // Structs that end in a zero-size field after a non-zero one: the extra byte of issue 9401 is exercised.
        Assert.True(report.Types.Count(t => t.Fields.Count > 1 && t.Fields[^1].Size == 0 && t.Fields[^1].Offset > 0) >= 10);
        Assert.Contains(report.Types, t => t.Fields.Any(f => f.Name == f.Type.TrimStart('*') && f.Name.StartsWith('T')));
        Assert.Contains(report.Types, t => t.Saving > 0);
    }

    [SkippableFact]
    public async Task A_fresh_seed_compiled_by_the_installed_go_agrees_with_golab()
    {
        var go = LiveGo.Require();
        var output = Path.Combine(Path.GetTempPath(), "golab-layoutgen-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(output);
        try
        {
            var run = await go.RunAsync(Generator, ["-seed", "7", "-n", "100", "-out", output], GoRunOptions.Default with { Timeout = TimeSpan.FromMinutes(3) });
            Assert.True(run.Succeeded, run.ToString());
            var recording = Directory.GetFiles(output, "compiler-*.txt").Single();
            var compiler = ReadCompiler(recording);
            Assert.Equal(4 * 100, compiler.Count);
            Assert.Empty(Compare(Path.Combine(output, "structs.go"), compiler));
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }
}
