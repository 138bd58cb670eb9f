using System.Text.RegularExpressions;
using GoRuntimeLab.Cli.Infrastructure;
using GoRuntimeLab.Testing;

namespace GoRuntimeLab.CliTests;

/// <summary>
/// Models, charts and the engine name their own parameters; only the CLI knows its flags (CliParameters maps them).
/// A message in a model that says "--gogc" would be wrong in a notebook, where there is no such flag.
/// </summary>
public sealed partial class ModelsNameNoFlagsTests
{
    [Theory]
    [InlineData("lib/GoRuntimeLab")]
    [InlineData("lib/GoRuntimeLab.Charts")]
    [InlineData("lib/GoRuntimeLab.Prometheus")]
    [InlineData("lib/GoRuntimeLab.Bench")]
    [InlineData("lib/GoRuntimeLab.Notebooks")]
    public void No_string_in_a_library_below_the_cli_names_a_cli_flag(string folder)
    {
        var golabFlags = AllOptions(GolabCli.BuildRoot()).Select(o => o.Name).Where(n => n.StartsWith("--", StringComparison.Ordinal)).ToHashSet();
        var offenders = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Requirement.RepoRoot(), folder), "*.cs", SearchOption.AllDirectories))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)) continue;
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                var code = lines[i].TrimStart();
                if (code.StartsWith("//", StringComparison.Ordinal)) continue; // comments may cite commands
                foreach (Match m in StringLiteral().Matches(code))
                {
                    // A whole command line to run ("dotnet run … -- kernel install --prefix DIR") is an instruction, not a parameter name.
                    if (m.Value.Contains("dotnet run", StringComparison.Ordinal) || m.Value.Contains("golab ", StringComparison.Ordinal)) continue;
                    if (Flag().Matches(m.Value).Any(f => golabFlags.Contains(f.Value)))
                        offenders.Add($"{Path.GetRelativePath(Requirement.RepoRoot(), file)}:{i + 1}: {m.Value}");
                }
            }
        }

        Assert.True(offenders.Count == 0, "CLI flags named below the CLI:\n" + string.Join('\n', offenders));
    }

    private static IEnumerable<System.CommandLine.Option> AllOptions(System.CommandLine.Command command) =>
        command.Options.Concat(command.Subcommands.SelectMany(AllOptions));

    // A C# string literal on one line (regular, verbatim or interpolated), good enough for this code base.
    [GeneratedRegex(@"\$?@?""(?:[^""\\]|\\.)*""")]
    private static partial Regex StringLiteral();

    // "--gogc", "--out", "(--prefix)" …: two dashes and a lower-case word, not preceded by a letter or a dash.
    [GeneratedRegex(@"(?<![\w-])--[a-z][a-z-]+")]
    private static partial Regex Flag();
}
