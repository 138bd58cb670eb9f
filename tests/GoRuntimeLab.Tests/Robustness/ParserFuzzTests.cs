namespace GoRuntimeLab.Tests.Robustness;

/// <summary>
/// Every parser and loader, fed 1000+ mutations of the real recordings in data/ (fixed seeds): each input parses or is
/// refused with a KitInputException naming it, within bounded memory (issue 12: "every parser is bounded").
/// </summary>
public class ParserFuzzTests
{
    public static TheoryData<string> Targets => [.. FuzzTargets.All.Keys];

    [Theory]
    [MemberData(nameof(Targets))]
    public void A_thousand_mutated_recordings_parse_or_are_refused_with_a_typed_error(string target)
    {
        var tally = FuzzHarness.Mutations(FuzzTargets.All[target], 1000, seed: 12);
        // Both outcomes occur, so the mutations reach past the first line and the parser's checks are exercised.
        Assert.True(tally.Results > 0, $"no mutated {target} input parsed");
        Assert.True(tally.Refusals > 0, $"no mutated {target} input was refused");
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public void Every_seed_recording_parses_from_its_path_and_from_a_stream(string target)
    {
        var t = FuzzTargets.All[target];
        Assert.NotEmpty(t.SeedFiles);
        foreach (var file in t.SeedFiles)
        {
            t.Use(t.ReadFile(file), file);
            Assert.True(FuzzHarness.Check(t, File.ReadAllBytes(file), Path.GetFileName(file), "seed"), $"{file} was refused from a stream");
        }
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public void Random_bytes_are_refused_or_parsed(string target)
    {
        var t = FuzzTargets.All[target];
        var rng = new Random(34);
        FuzzHarness.Guarded(() =>
        {
            for (var i = 0; i < 300; i++)
            {
                var junk = new byte[rng.Next(0, 2048)];
                rng.NextBytes(junk);
                FuzzHarness.Check(t, junk, $"junk-{i}.{t.Extension}", $"random input {i}");
            }
            return 0;
        });
    }
}
