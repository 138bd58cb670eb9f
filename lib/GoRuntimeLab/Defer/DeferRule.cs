// Mirrors: cmd/compile/internal/walk/stmt.go (walkStmt ODEFER), walk/expr.go (walkCall deferrangefunc),
// escape/call.go (goDeferStmt), ssagen/ssa.go (buildssa, state.stmt ODEFER), Go 1.19–1.23. Simplified: one enum value per rule.
namespace GoRuntimeLab.Defer;

/// <summary>A compiler rule that decides a defer's kind. <see cref="None"/> means nothing stood in the way of open-coding.</summary>
public enum DeferRule
{
    /// <summary>No rule applied: the defer is open-coded.</summary>
    None,

    /// <summary>walk.walkStmt: NumDefers &gt; maxOpenDefers (8); deferBits is a single byte.</summary>
    TooManyDefers,

    /// <summary>walk.walkStmt: a defer whose Esc is not EscNever, i.e. escape.goDeferStmt saw it at loopDepth &gt; 1
    /// (a for loop or a label a later goto jumps back to). Disables open-coding for the whole function, and the
    /// defer itself becomes heap-allocated.</summary>
    DeferInLoop,

    /// <summary>Go 1.23: a defer in the body of a range-over-func loop (DeferAt set; runtime.deferprocat) —
    /// heap-allocated, and walkCall of runtime.deferrangefunc disables open-coding for the function.</summary>
    RangeFuncDefer,

    /// <summary>buildssa: compiled with -N (base.Flag.N != 0).</summary>
    OptimizationsDisabled,

    /// <summary>buildssa: -d=noopendefer (base.Debug.NoOpenDefer).</summary>
    NoOpenDeferFlag,

    /// <summary>buildssa: GOARCH=386 with -shared or -dynlink (extra GOT code before deferreturn is not tracked).</summary>
    Shared386,

    /// <summary>buildssa: race detector instrumentation of function exit (1.19: len(fn.Exit) &gt; 0 from
    /// walk.instrument; 1.23: s.instrumentEnterExit). A //go:norace function is not instrumented.</summary>
    RaceInstrumentation,

    /// <summary>buildssa: a result parameter lives on the heap (its address escapes) and would need copying back
    /// after the deferred calls; the open-coded exit path does not do that.</summary>
    HeapAllocatedResult,

    /// <summary>buildssa: NumReturns * NumDefers &gt; 15 (the deferred calls are emitted at every return).</summary>
    TooManyReturns,
}
