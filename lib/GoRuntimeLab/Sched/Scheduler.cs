// Mirrors: running a Go program under the runtime scheduler (proc.go), Go 1.13–1.23.
// Simplified: see Engine/Simulator.
using GoRuntimeLab.Sched.Engine;
using GoRuntimeLab.Sched.Workloads;

namespace GoRuntimeLab.Sched;

/// <summary>Entry point of the G/M/P simulator: <c>Scheduler.Run(Workloads.Get("pingpong"), SchedConfig.Default.WithProcs(1))</c>.</summary>
public static class Scheduler
{
    /// <summary>Runs the workload to completion (main returns, panic, deadlock) or <see cref="SchedConfig.MaxTime"/>. Deterministic for a seed.</summary>
    public static SchedResult Run(Workload workload, SchedConfig? config = null)
    {
        ArgumentNullException.ThrowIfNull(workload);
        return new Simulator(workload, config ?? SchedConfig.Default).Run();
    }

    /// <summary>Runs a ready-made workload by name (see <see cref="Workloads.Workloads.Names"/>).</summary>
    public static SchedResult Run(string workloadName, SchedConfig? config = null) => Run(Workloads.Workloads.Get(workloadName), config);
}
