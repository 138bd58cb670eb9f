// Mirrors: the right-hand sides of Go pointer assignments (nil, new(T)/&T{}, a variable, a field load), Go 1.8–1.23.
// Simplified: no pointer arithmetic, slices or interfaces — one pointer per slot.
namespace GoRuntimeLab.Gc.Mark;

/// <summary>The kind of value a <see cref="MutatorStatement"/> assigns.</summary>
public enum MutatorValue
{
    /// <summary><c>= nil</c>: drops a reference.</summary>
    Nil,

    /// <summary><c>= new</c>: a fresh object (mallocgc; black while a cycle runs: gcmarknewobject).</summary>
    New,

    /// <summary><c>= y</c>: a local or global's pointer.</summary>
    Variable,

    /// <summary><c>= y.f</c>: a pointer loaded from a heap field (no read barrier in Go).</summary>
    Field,
}
