// Mirrors: golang.org/x/perf benchfmt/reader.go (a file's results and its "key: value" configuration lines).
namespace GoRuntimeLab.Benchstat;

/// <summary>
/// A file of Go benchmark results (the output of <c>go test -bench</c>, the format of
/// https://golang.org/design/14313-benchmark-format): its benchmark lines in order, and the configuration lines
/// (<c>goos: linux</c>, <c>pkg: …</c>, <c>cpu: …</c>) with the last value each key had.
/// </summary>
public sealed record BenchFile(string SourceName, IReadOnlyList<BenchResult> Results, IReadOnlyList<KeyValuePair<string, string>> Config)
{
    /// <summary>The value of configuration key <paramref name="key"/> at the end of the file, or null.</summary>
    public string? ConfigValue(string key) => Config.FirstOrDefault(c => c.Key == key).Value;

    /// <summary>The units measured, in order of first appearance.</summary>
    public IReadOnlyList<string> Units => Results.SelectMany(r => r.Values).Select(v => v.Unit).Distinct(StringComparer.Ordinal).ToList();
}
