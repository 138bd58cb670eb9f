// Mirrors: a select statement lowered by the compiler (walk/select.go): select{} → block(), 1 case → plain op,
// 1 case + default → selectnbsend/selectnbrecv, otherwise selectgo (select.go), Go 1.13–1.23.
// Simplified: case bodies are step lists; `break` is not modelled (use Return to leave the goroutine).
namespace GoRuntimeLab.Sched.Steps;

/// <summary>A select statement; <see cref="HasDefault"/> makes it non-blocking, <see cref="Default"/> is the default body.</summary>
public sealed record SelectStep(IReadOnlyList<SelectCase> Cases, bool HasDefault, IReadOnlyList<WorkloadStep> Default) : WorkloadStep
{
    public override string Describe() =>
        $"select {{ {string.Join("; ", Cases.Select(c => c.Describe()))}{(HasDefault ? "; default" : "")} }}";
}
