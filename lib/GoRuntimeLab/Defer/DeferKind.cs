// Mirrors: cmd/compile/internal/ssagen/ssa.go (state.stmt, case ODEFER: the three kinds -d=defer prints), Go 1.19–1.23.
// Simplified: only the kind is kept, not the code each kind generates.
namespace GoRuntimeLab.Defer;

/// <summary>How the compiler implements one defer statement, as <c>go build -gcflags=-d=defer</c> prints it.</summary>
public enum DeferKind
{
    /// <summary>"open-coded defer" (Go 1.14+): a bit in the frame's deferBits byte and the call inlined at every exit;
    /// the panic path finds it through FUNCDATA. No runtime call at the defer statement.</summary>
    OpenCoded,

    /// <summary>"stack-allocated defer" (Go 1.13+): runtime.deferprocStack with the _defer record in the frame.</summary>
    StackAllocated,

    /// <summary>"heap-allocated defer": runtime.deferproc, a _defer record from the per-P pool (or the heap) per execution.</summary>
    HeapAllocated,
}
