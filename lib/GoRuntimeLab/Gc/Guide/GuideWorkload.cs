// Mirrors: golang/website _content/doc/gc-guide.js (gcModel's `workload` argument, a graph's data-workload), the GC guide of Go 1.19+.
// Simplified: nothing beyond the page; phases run one after another in mutator CPU time.
using System.Globalization;

namespace GoRuntimeLab.Gc.Guide;

/// <summary>A GC-guide workload: phases run in order. Immutable; validated on construction.</summary>
public sealed record GuideWorkload
{
    /// <summary>Builds a workload from its phases (at least one).</summary>
    /// <exception cref="KitInputException">No phase, or a bad phase (its index and field are named).</exception>
    public GuideWorkload(IEnumerable<GuidePhase> phases)
    {
        ArgumentNullException.ThrowIfNull(phases);
        var list = phases.ToList();
        if (list.Count == 0) throw KitInputException.For("a workload needs at least one phase", parameter: "phases");
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is null) throw KitInputException.For(string.Create(CultureInfo.InvariantCulture, $"phase {i} is null"), parameter: "phases");
            list[i].Validate(i);
        }
        Phases = list.AsReadOnly();
    }

    /// <summary>Builds a workload from its phases.</summary>
    public static GuideWorkload Of(params GuidePhase[] phases) => new(phases);

    public IReadOnlyList<GuidePhase> Phases { get; }

    /// <summary>Mutator CPU time of the whole workload: the sum of the phases' durations (s).</summary>
    public double Duration => Phases.Sum(p => p.Duration);

    /// <summary>Total allocation of the workload (MiB).</summary>
    public double Allocated => Phases.Sum(p => p.Duration * p.AllocRate);

    public bool Equals(GuideWorkload? other) => other is not null && Phases.SequenceEqual(other.Phases);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var p in Phases) hash.Add(p);
        return hash.ToHashCode();
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Phases.Count} phase(s), {Duration:0.###} s of mutator CPU, {Allocated:0.###} MiB allocated");
}
