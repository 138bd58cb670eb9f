using System.Text;
using GoRuntimeLab.NetPool;
using GoRuntimeLab.NetPool.CancelTree;
using GoRuntimeLab.Testing;
using GoRuntimeLab.Tests.Robustness;

namespace GoRuntimeLab.Tests.NetPool;

/// <summary>
/// The NetPool readers (poolprobe and ctxtree recordings, tree files) fed mutations of the real files: each input
/// parses or is refused with a KitInputException naming it (the kit's fuzz harness, issue 12).
/// </summary>
public class NetPoolFuzzTests
{
    private static string Recordings => Path.Combine(Requirement.RepoRoot(), "data", "recordings", "netpool");

    private static readonly Dictionary<string, FuzzTarget> Targets = new(StringComparer.Ordinal)
    {
        ["poolprobe"] = new FuzzTarget("poolprobe", ".txt",
            [Path.Combine(Recordings, "http-waves-go1.19.8.txt"), Path.Combine(Recordings, "sql-loop-go1.23.5.txt")],
            (s, n, l) => PoolProbeRecording.Parse(s, n, l), PoolProbeRecording.Read,
            Encoding.UTF8.GetBytes("{\"mode\":\"http\",\"pattern\":\"waves\",\"concurrency\":10,\"requests\":300,\"latencyMs\":10,\"accepted\":242}\n"),
            (result, name) =>
            {
                foreach (var c in (IReadOnlyList<PoolProbeCase>)result)
                {
                    _ = c.Label;
                    try
                    {
                        _ = c.ToWorkload();
                        _ = c.ToTransportConfig();
                        _ = c.ToSqlConfig();
                    }
                    catch (KitInputException) { } // a parsed case may still hold a value the models refuse
                }
            }),
        ["ctxtree-recording"] = new FuzzTarget("ctxtree-recording", ".txt",
            [Path.Combine(Recordings, "ctxtree-cause-go1.23.5.txt")],
            (s, n, l) => ContextTreeRecording.Parse(s, n, l), path => ContextTreeRecording.Read(path).Checks,
            Encoding.UTF8.GetBytes("{\"at\":1,\"nodes\":[],\"afterFuncs\":{}}\n"),
            (result, name) => _ = ((IReadOnlyList<ContextCheck>)result).Sum(c => c.Nodes.Count)),
        ["ctxtree-tree"] = new FuzzTarget("ctxtree-tree", ".json",
            [Path.Combine(Requirement.RepoRoot(), "data", "go", "ctxtree", "tree-cause.json"), Path.Combine(Requirement.RepoRoot(), "data", "go", "ctxtree", "tree-basic.json")],
            (s, n, l) => ContextTreeSpec.Parse(s, n, l), ContextTreeSpec.Read,
            Encoding.UTF8.GetBytes("{\"name\": \"x\", \"parent\": \"root\", \"kind\": \"cancel\"},\n"),
            (result, name) =>
            {
                try { _ = ContextTreeSimulator.Run((ContextTreeSpec)result, GoVersion.Latest); }
                catch (KitInputException) { } // e.g. a cancel step before its node is made
            }),
    };

    public static TheoryData<string> Names => [.. Targets.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public void Mutated_files_parse_or_are_refused_with_a_typed_error(string target)
    {
        var tally = FuzzHarness.Mutations(Targets[target], 400, seed: 13);
        Assert.True(tally.Results > 0, $"no mutated {target} input parsed");
        Assert.True(tally.Refusals > 0, $"no mutated {target} input was refused");
    }
}
