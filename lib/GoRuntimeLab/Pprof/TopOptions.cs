// Mirrors: the options of `go tool pprof -top` (internal/driver/config.go defaultConfig, applyCommandOverrides for
// "top"), Go 1.19-1.23. Simplified: granularity is always "functions"; no tag filters, hide/show or -cum sorting.
using System.Text.RegularExpressions;

namespace GoRuntimeLab.Pprof;

/// <summary>Options of a top report; <see cref="Default"/> is what <c>go tool pprof -top FILE</c> uses.</summary>
public sealed record TopOptions
{
    /// <summary>-sample_index (null: the profile's default).</summary>
    public string? SampleIndex { get; private init; }

    /// <summary>-nodecount: 0 shows every node (pprof's -top default).</summary>
    public int NodeCount { get; private init; }

    /// <summary>-nodefraction: nodes whose |cum| is below this share of the total are dropped (default 0.005).</summary>
    public double NodeFraction { get; private init; } = 0.005;

    /// <summary>-edgefraction (default 0.001): edges below it do not count when labelling "(inline)".</summary>
    public double EdgeFraction { get; private init; } = 0.001;

    public Regex? Focus { get; private init; }

    public Regex? Ignore { get; private init; }

    public static TopOptions Default { get; } = new();

    public TopOptions WithSampleIndex(string? sampleIndex) => this with { SampleIndex = sampleIndex };

    /// <exception cref="KitInputException">Negative.</exception>
    public TopOptions WithNodeCount(int nodeCount) => nodeCount < 0
        ? throw KitInputException.For($"must be 0 (all) or more, not {nodeCount}", parameter: "nodeCount")
        : this with { NodeCount = nodeCount };

    /// <exception cref="KitInputException">Not within [0, 1].</exception>
    public TopOptions WithNodeFraction(double fraction) => fraction is >= 0 and <= 1
        ? this with { NodeFraction = fraction }
        : throw KitInputException.For($"must be between 0 and 1, not {fraction}", parameter: "nodeFraction");

    /// <summary>-focus=REGEX (null or "" clears it).</summary>
    /// <exception cref="KitInputException">Not a valid regular expression.</exception>
    public TopOptions WithFocus(string? pattern) => this with { Focus = Compile(pattern, "focus") };

    /// <summary>-ignore=REGEX (null or "" clears it).</summary>
    /// <exception cref="KitInputException">Not a valid regular expression.</exception>
    public TopOptions WithIgnore(string? pattern) => this with { Ignore = Compile(pattern, "ignore") };

    /// <summary>The "Active filters:" lines pprof prints.</summary>
    public IReadOnlyList<string> ActiveFilters =>
        new[] { Focus is null ? null : $"focus={Focus}", Ignore is null ? null : $"ignore={Ignore}" }.OfType<string>().ToList();

    private static Regex? Compile(string? pattern, string parameter)
    {
        if (string.IsNullOrEmpty(pattern)) return null;
        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException e)
        {
            throw KitInputException.For($"parsing {parameter} regexp: {e.Message}", parameter: parameter);
        }
    }
}
