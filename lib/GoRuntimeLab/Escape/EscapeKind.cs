// Mirrors: cmd/compile/internal/escape/escape.go (Batch.finish, paramTag, leaks printing), inline/inl.go, devirtualize,
// escape/assign.go: the message families the compiler prints under -m / -m=2, Go 1.19–1.23. Simplified: one value per family.
namespace GoRuntimeLab.Escape;

/// <summary>What one `-gcflags=-m` diagnostic says. The names follow the compiler's own message text.</summary>
public enum EscapeKind
{
    /// <summary>"moved to heap: x" — a named variable lives on the heap (escape.go, Batch.finish).</summary>
    MovedToHeap,

    /// <summary>"&lt;expr&gt; escapes to heap" — an allocating expression (new, &amp;T{}, make, literal, closure, boxing) goes to the heap.</summary>
    EscapesToHeap,

    /// <summary>"&lt;expr or param&gt; does not escape" (also "… does not escape, mutate, or call" with -d=escapemutationscalls).</summary>
    DoesNotEscape,

    /// <summary>"leaking param: p" — the parameter's value flows to the heap.</summary>
    LeakingParam,

    /// <summary>"leaking param content: p" — what p points to (derefs ≥ 1) flows to the heap, p itself does not.</summary>
    LeakingParamContent,

    /// <summary>"leaking param: p to result ~r0 level=0" — p flows to a result; the caller decides.</summary>
    LeakingParamToResult,

    /// <summary>"can inline f" (-m=2: "… with cost N as: body").</summary>
    CanInline,

    /// <summary>"inlining call to f".</summary>
    InliningCall,

    /// <summary>"cannot inline f: reason" (-m=2 only).</summary>
    CannotInline,

    /// <summary>Extra (-m=2): "f capturing by ref: x (addr=… assign=… width=…)" — the closure holds x's address.</summary>
    CapturedByRef,

    /// <summary>Extra (-m=2): "f capturing by value: x (…)" — the closure holds a copy of x.</summary>
    CapturedByValue,

    /// <summary>Extra: "devirtualizing i.M to T" / "partially devirtualizing …" (devirtualize.go): an interface call made direct.</summary>
    Devirtualized,

    /// <summary>Extra: "f ignoring self-assignment in x.a = x.b" (escape/assign.go).</summary>
    IgnoredSelfAssignment,

    /// <summary>Extra (-d=escapemutationscalls, 1.22+): "mutates param: p derefs=0".</summary>
    MutatesParam,

    /// <summary>Extra (-d=escapemutationscalls, 1.22+): "calls param: p derefs=0".</summary>
    CallsParam,

    /// <summary>Extra: "zero-copy string->[]byte conversion" (escape.go, 1.22+ prints it; 1.19 too for some cases).</summary>
    ZeroCopyConversion,

    /// <summary>
    /// Extra (-m=2): an explanation header ("x escapes to heap:", "parameter p leaks to {heap} with derefs=1:") with its flow
    /// lines, for which the compiler printed no conclusion line (e.g. a parameter captured by value by a closure).
    /// Explanations that have a conclusion are attached to it (<see cref="EscapeFinding.Flow"/>) instead.
    /// </summary>
    Explanation,

    /// <summary>A well-formed diagnostic (file:line[:col]: message) with a message of no known family, e.g. a compile error.</summary>
    Other,
}
