// Mirrors: `make(chan T, n)` declarations and main.main of a Go program, Go 1.13–1.23.
// Simplified: see Workload.
using GoRuntimeLab.Sched.Steps;
using static System.FormattableString;

namespace GoRuntimeLab.Sched.Workloads;

/// <summary>Fluent builder of a <see cref="Workload"/>.</summary>
public sealed class WorkloadBuilder
{
    private readonly string _name;
    private readonly string _description;
    private readonly Dictionary<string, int> _channels = new(StringComparer.Ordinal);

    internal WorkloadBuilder(string name, string description)
    {
        _name = ProgramBuilder.Name(name, "workload");
        _description = description ?? "";
    }

    /// <summary><c>name := make(chan int, capacity)</c>.</summary>
    public WorkloadBuilder Chan(string name, int capacity = 0)
    {
        ProgramBuilder.Name(name, "chan");
        if (name == Workload.NilChannel) throw KitInputException.For($"\"{Workload.NilChannel}\" is reserved for the nil channel", parameter: "chan");
        if (capacity < 0) throw KitInputException.For(Invariant($"capacity of \"{name}\" must not be negative (got {capacity})"), parameter: "chan");
        if (!_channels.TryAdd(name, capacity)) throw KitInputException.For($"channel \"{name}\" is declared twice", parameter: "chan");
        return this;
    }

    /// <summary>main.main's steps; returns the finished, validated workload.</summary>
    public Workload Main(Action<ProgramBuilder> main)
    {
        ArgumentNullException.ThrowIfNull(main);
        var workload = new Workload(_name, _description, new Dictionary<string, int>(_channels, StringComparer.Ordinal), ProgramBuilder.Build(main));
        WorkloadValidator.Validate(workload);
        return workload;
    }
}
