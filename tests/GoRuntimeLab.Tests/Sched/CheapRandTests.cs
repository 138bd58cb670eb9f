using System.Globalization;
using GoRuntimeLab.Sched;
using GoRuntimeLab.Testing;

namespace GoRuntimeLab.Tests.Sched;

// Oracle: data/go/cheaprand, the runtime's wyrand arithmetic (runtime/stubs.go fastrand in 1.19, rand.go cheaprand in
// 1.22+) run by Go 1.19.8 from state 42; its output is data/oracles/cheaprand/wyrand-seed42-go1.19.8.txt. The live test
// re-runs it with the installed Go.
public class CheapRandTests
{
    private static void AssertMatches(string[] lines)
    {
        Assert.Equal(20, lines.Length);
        var values = new CheapRand(42);
        var bounded = new CheapRand(42);
        foreach (var line in lines)
        {
            var f = line.Split(' ');
            Assert.Equal(uint.Parse(f[1], CultureInfo.InvariantCulture), values.Next());
            Assert.Equal(uint.Parse(f[2], CultureInfo.InvariantCulture), bounded.Next(7));
        }
    }

    [Fact]
    public void Matches_the_recorded_wyrand_sequence_and_its_bounded_form() =>
        AssertMatches(File.ReadAllLines(Path.Combine(Requirement.RepoRoot(), "data", "oracles", "cheaprand", "wyrand-seed42-go1.19.8.txt")));

    [SkippableFact]
    public async Task Matches_the_installed_go_running_the_same_arithmetic()
    {
        var go = GoRuntimeLab.GoTool.GoToolchain.Find();
        Requirement.Tool(go is not null, "GOLAB_REQUIRE_GO", "Go is not on PATH");
        var result = await go!.RunAsync(Path.Combine(Requirement.RepoRoot(), "data", "go", "cheaprand"), ["-seed", "42", "-n", "20"]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        AssertMatches(result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
