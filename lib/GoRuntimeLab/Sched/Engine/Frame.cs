// Mirrors: a goroutine's position in its code (the pc and the loop state on its stack), Go 1.13–1.23.
// Simplified: a step list, an index and a loop counter.
using GoRuntimeLab.Sched.Steps;

namespace GoRuntimeLab.Sched.Engine;

internal struct Frame
{
    public IReadOnlyList<WorkloadStep> Steps;
    public int Index;
    public long Remaining;
    public long Iteration;
    public WorkloadStep? Owner;
}
