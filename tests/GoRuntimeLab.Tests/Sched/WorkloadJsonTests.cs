using CsCheck;
using GoRuntimeLab.Sched;
using GoRuntimeLab.Sched.Steps;
using GoRuntimeLab.Sched.Workloads;

namespace GoRuntimeLab.Tests.Sched;

public class WorkloadJsonTests
{
    private const string Sample = """
        {
          "name": "demo",
          "channels": { "jobs": 2 },
          "main": [
            { "op": "add", "wg": "wg", "delta": 1 },
            { "op": "go", "name": "worker", "body": [
                { "op": "range", "chan": "jobs", "tally": "got", "body": [ { "op": "compute", "d": "10us" } ] },
                { "op": "done", "wg": "wg" } ] },
            { "op": "select", "cases": [ { "recv": "jobs" } ], "default": [] },
            { "op": "repeat", "count": 3, "body": [ { "op": "send", "chan": "jobs", "value": 7 } ] },
            { "op": "close", "chan": "jobs" },
            { "op": "wait", "wg": "wg" },
            { "op": "sleep", "d": 1000 }
          ]
        }
        """;

    [Fact]
    public void Loads_and_runs_the_same_as_the_builder()
    {
        var fromJson = Workload.FromJson(Sample, "demo.json");
        var built = Workload.Create("demo").Chan("jobs", 2).Main(m => m
            .Add("wg", 1)
            .Go("worker", g => g.Range("jobs", b => b.Compute("10us"), tally: "got").Done("wg"))
            .Select(s => s.Recv("jobs").Default())
            .Repeat(3, b => b.Send("jobs", 7)).Close("jobs")
            .Wait("wg").Sleep(1000));
        var a = Scheduler.Run(fromJson);
        var b = Scheduler.Run(built);
        Assert.Equal(3, a.Counter("got/7"));
        Assert.Equal(a.ToJson(), b.ToJson());
        Assert.Equal(fromJson.StepCount, built.StepCount);
    }

    [Theory]
    [InlineData("""{ "main": [ { "op": "sleep", "d": "soon" } ] }""", 1, "$.main[0].d")]
    [InlineData("{\n  \"main\": [\n    { \"op\": \"jump\" }\n  ]\n}", 3, "$.main[0].op")]
    [InlineData("{\n  \"channels\": { \"c\": -1 },\n  \"main\": []\n}", 2, "$.channels.c")]
    [InlineData("{\n  \"main\": [\n    {\"op\": \"send\"}\n  ]\n}", 3, "$.main[0]")]
    [InlineData("{\n  \"main\": [\n    {\"op\": \"send\", \"chan\": \"x\"}\n  ]\n}", 1, "not declared")]
    [InlineData("{\n  \"main\": [ \n\n  oops ]\n}", 4, "not valid JSON")]
    public void Bad_input_names_the_file_line_and_json_path(string json, int line, string fragment)
    {
        var e = Assert.Throws<KitInputException>(() => Workload.FromJson(json, "w.json"));
        Assert.Equal("w.json", e.FilePath);
        Assert.Equal(line, e.Line);
        Assert.Contains(fragment, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Random_and_mutated_input_gives_only_KitInputException()
    {
        Gen.String.Sample(s => Only(s), iter: 2000);
        Gen.Int[0, Sample.Length - 1].Select(Gen.Char).Sample((i, c) => Only(Sample[..i] + c + Sample[(i + 1)..]), iter: 2000);
        Gen.Int[0, Sample.Length].Sample(i => Only(Sample[..i]), iter: 500);
    }

    private static void Only(string json)
    {
        try
        {
            Workload.FromJson(json, "fuzz.json");
        }
        catch (KitInputException e)
        {
            // The error names the file, and a line that exists in the text (when it names one).
            Assert.Equal("fuzz.json", e.FilePath);
            if (e.Line is { } line) Assert.InRange(line, 1, json.Count(c => c == '\n') + 1);
        }
    }

    [Fact]
    public void Builder_validates_parameters()
    {
        Assert.Equal("chan", Assert.Throws<KitInputException>(() => Workload.Create("x").Chan("c", -1)).Parameter);
        Assert.Equal("sleep", Assert.Throws<KitInputException>(() => Workload.Create("x").Main(m => m.Sleep("later"))).Parameter);
        Assert.Equal("workload", Assert.Throws<KitInputException>(() => Workload.Create("x").Main(m => m.Send("nope"))).Parameter);
        Assert.Equal(GoSettings.ProcsName, Assert.Throws<KitInputException>(() => SchedConfig.Default.WithProcs(0)).Parameter);
        Assert.Equal("version", Assert.Throws<KitInputException>(() => SchedConfig.Default.WithVersion(new GoVersion(1, 12))).Parameter);
        Assert.Equal("workload", Assert.Throws<KitInputException>(() => Workloads.Get("nope")).Parameter);
        Assert.IsType<ComputeStep>(Workload.Create("x").Main(m => m.TightLoop("1ms")).Main[0]);
    }

    [Theory]
    [InlineData("300ms", 300_000_000L)]
    [InlineData("100us", 100_000L)]
    [InlineData("100µs", 100_000L)]
    [InlineData("1.5s", 1_500_000_000L)]
    [InlineData("1m30s", 90_000_000_000L)]
    [InlineData("20ns", 20L)]
    public void Go_durations_parse_and_format(string text, long ns)
    {
        Assert.Equal(ns, GoDuration.Parse(text));
        Assert.Equal(ns, GoDuration.Parse(GoDuration.Format(ns)));
    }
}
