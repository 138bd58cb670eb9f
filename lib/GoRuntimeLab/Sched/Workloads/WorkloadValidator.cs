// Mirrors: what the Go compiler would reject: use of an undeclared channel, a select with two defaults, Go 1.13–1.23.
// Simplified: names only; there are no types.
using GoRuntimeLab.Sched.Steps;

namespace GoRuntimeLab.Sched.Workloads;

/// <summary>Checks that every channel a workload uses is declared (or is the nil channel).</summary>
internal static class WorkloadValidator
{
    public static void Validate(Workload workload) => Walk(workload, workload.Main, "main");

    private static void Walk(Workload w, IReadOnlyList<WorkloadStep> steps, string where)
    {
        for (var i = 0; i < steps.Count; i++)
        {
            var at = $"{where}[{i}]";
            switch (steps[i])
            {
                case SendStep s: Check(w, s.Channel, at); break;
                case RecvStep r: Check(w, r.Channel, at); break;
                case CloseStep c: Check(w, c.Channel, at); break;
                case RangeStep rg: Check(w, rg.Channel, at); Walk(w, rg.Body, at + ".body"); break;
                case SelectStep se:
                    foreach (var c in se.Cases) { Check(w, c.Channel, at); Walk(w, c.Body, at + ".case"); }
                    Walk(w, se.Default, at + ".default");
                    break;
                case RepeatStep rp: Walk(w, rp.Body, at + ".body"); break;
                case SpawnStep sp: Walk(w, sp.Body, at + "." + sp.Name); break;
            }
        }
    }

    private static void Check(Workload w, string channel, string at)
    {
        if (channel != Workload.NilChannel && !w.Channels.ContainsKey(channel))
            throw KitInputException.For($"{at} uses channel \"{channel}\", which is not declared (declare it, or use \"{Workload.NilChannel}\" for a nil channel)", parameter: "workload");
    }
}
