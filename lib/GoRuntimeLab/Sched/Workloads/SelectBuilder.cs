// Mirrors: the cases of a Go select statement (select.go scase), Go 1.13–1.23.
// Simplified: see SelectStep.
using GoRuntimeLab.Sched.Steps;

namespace GoRuntimeLab.Sched.Workloads;

/// <summary>Builds the cases of one select statement.</summary>
public sealed class SelectBuilder
{
    private readonly List<SelectCase> _cases = [];
    private IReadOnlyList<WorkloadStep>? _default;

    /// <summary><c>case v := &lt;-channel:</c> body.</summary>
    public SelectBuilder Recv(string channel, Action<ProgramBuilder>? body = null, string? tally = null)
    {
        _cases.Add(new SelectCase(SelectDirection.Recv, ProgramBuilder.Name(channel, "select"), 0, ProgramBuilder.Build(body), tally));
        return this;
    }

    /// <summary><c>case channel &lt;- value:</c> body.</summary>
    public SelectBuilder Send(string channel, long value = 0, Action<ProgramBuilder>? body = null)
    {
        _cases.Add(new SelectCase(SelectDirection.Send, ProgramBuilder.Name(channel, "select"), value, ProgramBuilder.Build(body)));
        return this;
    }

    /// <summary><c>default:</c> body (makes the select non-blocking).</summary>
    public SelectBuilder Default(Action<ProgramBuilder>? body = null)
    {
        if (_default is not null) throw KitInputException.For("a select has at most one default case", parameter: "select");
        _default = ProgramBuilder.Build(body);
        return this;
    }

    internal SelectStep Build() => new(_cases.ToArray(), _default is not null, _default ?? []);
}
