using System.Text.Json;
using GoRuntimeLab.Trace;

namespace GoRuntimeLab.Tests.Trace;

public class ChromeTraceTests
{
    [Fact]
    public void Writer_emits_every_phase_and_the_validator_accepts_nested_slices()
    {
        var w = new ChromeTraceWriter()
            .ProcessName(0, "Procs").ThreadName(0, 1, "P1")
            .Slice(0, 1, "outer", 0, 10_000).Slice(0, 1, "inner", 2_000, 3_000).Slice(0, 1, "next", 10_000, 1_000)
            .Counter(1, "heap", 500, new Dictionary<string, object> { ["bytes"] = 42L })
            .Instant(0, 1, "steal", 2_500)
            .Flow("wake", "1", 0, 1, 2_500, 0, 1, 10_500);
        var json = w.ToJson();
        var v = ChromeTraceValidator.Validate(json);
        Assert.True(v.IsValid, v.ToString());
        Assert.Equal(3, v.SliceCount);
        using var doc = JsonDocument.Parse(json);
        var phases = doc.RootElement.GetProperty("traceEvents").EnumerateArray().Select(e => e.GetProperty("ph").GetString()).ToHashSet();
        Assert.Equal(new HashSet<string?> { "M", "X", "C", "i", "s", "f" }, phases);
        var outer = doc.RootElement.GetProperty("traceEvents").EnumerateArray().First(e => e.GetProperty("name").GetString() == "outer");
        Assert.Equal(10.0, outer.GetProperty("dur").GetDouble()); // ns in, µs out
    }

    [Fact]
    public void Validator_rejects_overlap_missing_fields_and_bad_documents()
    {
        var overlap = new ChromeTraceWriter().Slice(0, 1, "a", 0, 10_000).Slice(0, 1, "b", 5_000, 10_000).ToJson();
        Assert.Contains("overlaps", ChromeTraceValidator.Validate(overlap).Problems.Single(), StringComparison.Ordinal);
        var otherTrack = new ChromeTraceWriter().Slice(0, 1, "a", 0, 10_000).Slice(0, 2, "b", 5_000, 10_000).ToJson();
        Assert.True(ChromeTraceValidator.Validate(otherTrack).IsValid);
        Assert.False(ChromeTraceValidator.Validate("""{"traceEvents":[{"name":"x","ph":"X","ts":1,"pid":0,"tid":0}]}""").IsValid);
        Assert.False(ChromeTraceValidator.Validate("""{"traceEvents":[{"name":"x","ph":"X","dur":1,"pid":0}]}""").IsValid);
        Assert.False(ChromeTraceValidator.Validate("""{"events":[]}""").IsValid);
        Assert.False(ChromeTraceValidator.Validate("not json").IsValid);
    }
}
