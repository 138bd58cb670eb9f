// Mirrors: a heap object's mark state (runtime/mbitmap.go markBits; mgcmark.go greyobject/gcmarknewobject), Go 1.8–1.23.
// Simplified: every object is in a "scan" span class (has pointer slots), so shading always queues it.
namespace GoRuntimeLab.Gc.Mark;

/// <summary>A heap object at one step.</summary>
/// <param name="Name">Its name (A, B… or N1, N2… for objects the mutator allocated).</param>
/// <param name="Color">Its colour.</param>
/// <param name="AllocatedDuringMark">True when the mutator allocated it while the cycle ran (allocated black).</param>
public sealed record MarkObject(string Name, MarkColor Color, bool AllocatedDuringMark)
{
    public override string ToString() => $"{Name}:{Color}";
}
