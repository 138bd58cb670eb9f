// Mirrors: cmd/compile/internal/walk/stmt.go (walkStmt ODEFER), walk/expr.go (walkCall: deferrangefunc, 1.23),
// escape/call.go (goDeferStmt), walk/race.go (instrument, 1.19), ssagen/ssa.go (buildssa, state.stmt ODEFER), Go 1.19–1.23.
// Simplified: takes the function's facts as given (loop depth, return count, escaping results) instead of deriving them.
using System.Globalization;

namespace GoRuntimeLab.Defer;

/// <summary>
/// Decides, like the Go compiler, whether a function's defers are open-coded, stack-allocated or heap-allocated.
/// </summary>
/// <remarks>
/// The rules were read from Go 1.19.8 and 1.23.5 sources and are the same in both, except that Go 1.23 adds
/// range-over-func (a defer in such a loop body uses runtime.deferprocat and disables open-coding); in 1.22 that
/// existed only under GOEXPERIMENT=rangefunc, and this model accepts it from 1.23 on. 1.20–1.22 are taken to follow
/// the 1.19 rules (not recorded here). Checked against `go build -gcflags=-d=defer` output of both releases
/// (data/go/defer, data/recordings/defer).
/// </remarks>
public static class DeferClassifier
{
    /// <summary>walk.maxOpenDefers: deferBits is one byte.</summary>
    public const int MaxOpenDefers = 8;

    /// <summary>buildssa's limit on NumReturns * NumDefers.</summary>
    public const int MaxReturnsTimesDefers = 15;

    /// <summary>The oldest release modelled.</summary>
    public static readonly GoVersion Oldest = GoVersion.Go1_19;

    /// <summary>Classifies every defer of <paramref name="shape"/> under the rules of <paramref name="version"/> (default: latest).</summary>
    /// <exception cref="KitInputException">The version is outside 1.19–1.23, a range-over-func defer before 1.23, or an invalid shape.</exception>
    public static DeferClassification Classify(FunctionShape shape, GoVersion? version = null)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var v = version ?? GoVersion.Latest;
        if (v.Major != 1 || v.Minor < Oldest.Minor || v.Minor > GoVersion.Latest.Minor)
            throw KitInputException.For($"{v} is not modelled: defer rules are modelled for go1.19 to {GoVersion.Latest}", parameter: "version");
        shape.Validate();
        if (shape.Defers.Any(d => d.InRangeFuncBody) && !v.AtLeast(GoVersion.Go1_23))
            throw KitInputException.For($"range-over-func loops need Go 1.23 (in {v} they exist only under GOEXPERIMENT=rangefunc)", parameter: "defers");

        var rules = new List<DeferRule>();
        void Add(DeferRule rule)
        {
            if (!rules.Contains(rule)) rules.Add(rule);
        }

        // walk.walkStmt(ODEFER), once per defer in source order: NumDefers++ then the two checks; either sets
        // OpenCodedDeferDisallowed. (1.23 also disallows when DeferAt != nil: a range-over-func body defer.)
        // A defer in a range-over-func loop body lives in the body's closure (walk/stmt.go), so it does not count
        // towards the outer function's NumDefers or returns × defers; it disallows open-coding through deferrangefunc.
        var outerDefers = 0;
        for (var i = 0; i < shape.Defers.Count; i++)
        {
            var site = shape.Defers[i];
            if (site.InRangeFuncBody)
            {
                Add(DeferRule.RangeFuncDefer);
                continue;
            }

            if (++outerDefers > MaxOpenDefers) Add(DeferRule.TooManyDefers);
            // escape.goDeferStmt sets EscNever only at loopDepth 1 (and, 1.23, DeferAt == nil).
            if (site.InLoop) Add(DeferRule.DeferInLoop);
        }

        // ssagen.buildssa: s.hasOpenDefers = base.Flag.N == 0 && s.hasdefer && !OpenCodedDeferDisallowed, then the
        // switch on -d=noopendefer / 386 shared, then race exit instrumentation, heap results, returns*defers.
        if (shape.OptimizationsDisabled) Add(DeferRule.OptimizationsDisabled);
        if (shape.NoOpenDeferFlag) Add(DeferRule.NoOpenDeferFlag);
        if (shape.Shared386) Add(DeferRule.Shared386);
        // 1.19: walk.instrument appends racefuncexit to fn.Exit unless //go:norace; 1.23: s.instrumentEnterExit.
        if (shape.Race && !shape.NoRacePragma) Add(DeferRule.RaceInstrumentation);
        if (shape.HeapAllocatedResult) Add(DeferRule.HeapAllocatedResult);
        if ((long)shape.Returns * outerDefers > MaxReturnsTimesDefers) Add(DeferRule.TooManyReturns);

        var open = rules.Count == 0;
        var sites = new List<DeferSiteClassification>(shape.Defers.Count);
        for (var i = 0; i < shape.Defers.Count; i++)
        {
            var site = shape.Defers[i];
            // state.stmt(ODEFER): open-coded if hasOpenDefers, else stack-allocated if Esc == EscNever
            // (and, 1.23, DeferAt == nil), else heap-allocated.
            sites.Add(open
                ? new DeferSiteClassification(i, site, DeferKind.OpenCoded, DeferRule.None, Explain(DeferRule.None, shape))
                : site.InRangeFuncBody
                    ? new DeferSiteClassification(i, site, DeferKind.HeapAllocated, DeferRule.RangeFuncDefer,
                        "heap-allocated (runtime.deferprocat): the defer belongs to the frame of the function around the range-over-func loop (escape.goDeferStmt: DeferAt != nil)")
                    : site.InLoop
                        ? new DeferSiteClassification(i, site, DeferKind.HeapAllocated, DeferRule.DeferInLoop,
                            "heap-allocated (runtime.deferproc): in a loop it may run many times, so escape.goDeferStmt leaves Esc != EscNever and one frame slot cannot hold its records")
                        : new DeferSiteClassification(i, site, DeferKind.StackAllocated, rules[0],
                            "stack-allocated (runtime.deferprocStack, record in the frame): runs at most once, but open-coding is off for the function: " + Explain(rules[0], shape)));
        }

        return new DeferClassification(shape, v, open, rules, sites);
    }

    /// <summary>The kind as <c>-d=defer</c> prints it, without " defer".</summary>
    public static string GoName(DeferKind kind) => kind switch
    {
        DeferKind.OpenCoded => "open-coded",
        DeferKind.StackAllocated => "stack-allocated",
        DeferKind.HeapAllocated => "heap-allocated",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown defer kind"),
    };

    /// <summary>Parses "open-coded", "stack-allocated" or "heap-allocated" (with or without " defer").</summary>
    /// <exception cref="KitInputException">Anything else.</exception>
    public static DeferKind ParseKind(string text)
    {
        var t = (text ?? "").Trim();
        if (t.EndsWith(" defer", StringComparison.Ordinal)) t = t[..^" defer".Length];
        foreach (var kind in Enum.GetValues<DeferKind>())
            if (GoName(kind) == t) return kind;
        throw KitInputException.For($"\"{text}\" is not a defer kind (open-coded, stack-allocated, heap-allocated)", parameter: "kind");
    }

    /// <summary>One rule in words, with the shape's numbers, citing the Go function.</summary>
    public static string Explain(DeferRule rule, FunctionShape shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var d = shape.Defers.Count;
        var r = shape.Returns;
        return rule switch
        {
            DeferRule.None => string.Create(CultureInfo.InvariantCulture,
                $"open-coded: ≤ {MaxOpenDefers} defers, none in a loop, returns × defers = {r} × {d} = {(long)r * d} ≤ {MaxReturnsTimesDefers}, optimised build (ssagen.buildssa sets hasOpenDefers)"),
            DeferRule.TooManyDefers => string.Create(CultureInfo.InvariantCulture,
                $"{d} defers > maxOpenDefers = {MaxOpenDefers}: deferBits is one byte (walk.walkStmt)"),
            DeferRule.DeferInLoop => "a defer in a loop (escape.goDeferStmt: loopDepth > 1) disables open-coding for the whole function (walk.walkStmt)",
            DeferRule.RangeFuncDefer => "a defer in a range-over-func loop body (runtime.deferrangefunc / DeferAt) disables open-coding (walk.walkCall, walk.walkStmt; Go 1.23)",
            DeferRule.OptimizationsDisabled => "compiled with -N: open-coded defers need optimisation (ssagen.buildssa: base.Flag.N == 0)",
            DeferRule.NoOpenDeferFlag => "-d=noopendefer turns open-coding off (ssagen.buildssa)",
            DeferRule.Shared386 => "386 with -shared/-dynlink: the GOT code before deferreturn is not tracked (ssagen.buildssa)",
            DeferRule.RaceInstrumentation => "-race instruments function exit (racefuncexit), which the open-coded exit path would skip (ssagen.buildssa)",
            DeferRule.HeapAllocatedResult => "a result parameter is heap-allocated and must be copied back after the deferred calls (ssagen.buildssa)",
            DeferRule.TooManyReturns => string.Create(CultureInfo.InvariantCulture,
                $"returns × defers = {r} × {d} = {(long)r * d} > {MaxReturnsTimesDefers}: the deferred calls would be copied to every return (ssagen.buildssa)"),
            _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "unknown rule"),
        };
    }
}
