// Mirrors: g (runtime2.go): goid, atomicstatus, waitreason, preempt, m, param, selectDone, waiting; Go 1.13–1.23.
// Simplified: the "stack" is a stack of step-list frames; times are accounted for the results.
using GoRuntimeLab.Sched.Steps;

namespace GoRuntimeLab.Sched.Engine;

internal sealed class SimG(int id, string name, SimG? creator, string createdAt)
{
    public int Id { get; } = id;
    public string Name { get; } = name;
    public SimG? Creator { get; } = creator;
    public string CreatedAtStep { get; } = createdAt;
    public GStatus Status = GStatus.Idle;
    public string WaitReason = "";
    public Frame[] Frames = new Frame[4];
    public int Depth;

    public long StepRemaining;
    public bool ComputeCalls;
    public long SliceStart;
    public bool Preempt;
    public int RunGen;
    public SimP? P;
    public SimM? M;

    public long CreatedAt;
    public long FinishedAt = -1;
    public long RunningTime;
    public long RunnableTime;
    public long StateSince;

    public Resume Resume;
    public Sudog? Param;
    public List<Sudog>? Waiting;
    public bool SelectDone;
    public SelectStep? PendingSelect;
    public IReadOnlyList<WorkloadStep>? PendingBody;
    public string? PendingTally;
    public long WaitSince;
    public RangeStep? PendingRange;

    public bool IsMain => Id == 1;

    public void Push(IReadOnlyList<WorkloadStep> steps, long remaining, WorkloadStep? owner)
    {
        if (Depth == Frames.Length) Array.Resize(ref Frames, Depth * 2);
        Frames[Depth++] = new Frame { Steps = steps, Index = 0, Remaining = remaining, Iteration = 1, Owner = owner };
    }

    public void Advance() => Frames[Depth - 1].Index++;

    /// <summary>The next statement, unwinding finished loops and blocks; null when the function has returned.</summary>
    public WorkloadStep? Current()
    {
        while (Depth > 0)
        {
            ref var f = ref Frames[Depth - 1];
            if (f.Index < f.Steps.Count) return f.Steps[f.Index];
            if (f.Remaining == RepeatStep.Forever || f.Remaining > 1)
            {
                if (f.Remaining > 1) f.Remaining--;
                f.Index = 0;
                f.Iteration++;
                continue;
            }

            Depth--;
            // A range body ends by going back to the range statement (receive the next value), anything else moves on.
            if (Depth > 0 && f.Owner is not RangeStep) Frames[Depth - 1].Index++;
        }

        return null;
    }
}
