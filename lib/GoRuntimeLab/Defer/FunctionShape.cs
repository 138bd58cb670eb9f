// Mirrors: the facts cmd/compile reads when it decides open-coding: ir.Func NumDefers/NumReturns/
// OpenCodedDeferDisallowed, base.Flag.N, base.Debug.NoOpenDefer, race instrumentation, result OnStack (Go 1.19–1.23).
// Simplified: a function is described by these facts, not by its code; the caller states them.
using System.Globalization;
using System.Text;

namespace GoRuntimeLab.Defer;

/// <summary>
/// What the compiler knows about one function when it picks the defer kinds: its defer statements, its explicit
/// return statements, and the build. Immutable; change it with the <c>With*</c> copies, e.g.
/// <c>FunctionShape.Of(defers: 2).WithReturns(8)</c>.
/// </summary>
public sealed record FunctionShape
{
    /// <summary>Largest number of defer sites accepted (far above anything real; keeps tables readable).</summary>
    public const int MaxDefers = 1000;

    /// <summary>Largest number of return statements accepted.</summary>
    public const int MaxReturns = 100_000;

    private FunctionShape(IReadOnlyList<DeferSite> defers, int returns)
    {
        Defers = defers;
        Returns = returns;
    }

    /// <summary>The defer statements in source order (at least one).</summary>
    public IReadOnlyList<DeferSite> Defers { get; private init; }

    /// <summary>Explicit return statements (walk.walkReturn counts them into NumReturns). The implicit return at the
    /// end of a function without results does not count, and neither do returns of closures or inlined callees.</summary>
    public int Returns { get; private init; }

    /// <summary>A label for tables ("f" by default).</summary>
    public string Name { get; private init; } = "f";

    /// <summary>Compiled with <c>-gcflags=-N</c> (optimisations off, as debuggers build).</summary>
    public bool OptimizationsDisabled { get; private init; }

    /// <summary>Built with <c>-race</c>.</summary>
    public bool Race { get; private init; }

    /// <summary>The function carries <c>//go:norace</c> (not instrumented even under -race).</summary>
    public bool NoRacePragma { get; private init; }

    /// <summary>A result parameter is heap-allocated (e.g. a named result whose address escapes).</summary>
    public bool HeapAllocatedResult { get; private init; }

    /// <summary>Compiled with <c>-gcflags=-d=noopendefer</c>.</summary>
    public bool NoOpenDeferFlag { get; private init; }

    /// <summary>GOARCH=386 with <c>-shared</c> or <c>-dynlink</c>.</summary>
    public bool Shared386 { get; private init; }

    /// <summary>A function with <paramref name="defers"/> top-level defers and <paramref name="returns"/> explicit returns.</summary>
    /// <exception cref="KitInputException">defers is not 1…<see cref="MaxDefers"/> or returns not 0…<see cref="MaxReturns"/>.</exception>
    public static FunctionShape Of(int defers, int returns = 0)
    {
        CheckDefers(defers);
        CheckReturns(returns);
        return new FunctionShape(Enumerable.Repeat(DeferSite.TopLevel, defers).ToArray(), returns);
    }

    /// <summary>A function with the given defer sites.</summary>
    /// <exception cref="KitInputException">No sites, too many, or a null site.</exception>
    public static FunctionShape Of(IEnumerable<DeferSite> defers, int returns = 0)
    {
        ArgumentNullException.ThrowIfNull(defers);
        var sites = defers.ToArray();
        CheckDefers(sites.Length);
        if (sites.Any(s => s is null)) throw KitInputException.For("a defer site is null", parameter: "defers");
        CheckReturns(returns);
        return new FunctionShape(sites, returns);
    }

    /// <summary>Copy with <paramref name="returns"/> explicit return statements.</summary>
    public FunctionShape WithReturns(int returns)
    {
        CheckReturns(returns);
        return this with { Returns = returns };
    }

    /// <summary>Copy whose defer <paramref name="index"/> (0-based, source order) is inside a loop.</summary>
    public FunctionShape WithDeferInLoop(int index, bool inLoop = true) =>
        WithSite(index, Defers[CheckIndex(index)] with { InLoop = inLoop });

    /// <summary>Copy whose defer <paramref name="index"/> is in a range-over-func loop body (Go 1.23+).</summary>
    public FunctionShape WithDeferInRangeFuncBody(int index, bool inBody = true) =>
        WithSite(index, Defers[CheckIndex(index)] with { InRangeFuncBody = inBody });

    /// <summary>Copy with one more defer site appended.</summary>
    public FunctionShape WithDefer(DeferSite site)
    {
        ArgumentNullException.ThrowIfNull(site);
        CheckDefers(Defers.Count + 1);
        return this with { Defers = [.. Defers, site] };
    }

    /// <summary>Copy labelled <paramref name="name"/>.</summary>
    public FunctionShape WithName(string name)
    {
        if (string.IsNullOrWhiteSpace(name)) throw KitInputException.For("empty function name", parameter: "name");
        return this with { Name = name.Trim() };
    }

    /// <summary>Copy built with or without -N.</summary>
    public FunctionShape WithOptimizationsDisabled(bool disabled = true) => this with { OptimizationsDisabled = disabled };

    /// <summary>Copy built with or without -race.</summary>
    public FunctionShape WithRace(bool race = true) => this with { Race = race };

    /// <summary>Copy with or without //go:norace.</summary>
    public FunctionShape WithNoRacePragma(bool noRace = true) => this with { NoRacePragma = noRace };

    /// <summary>Copy with or without a heap-allocated result parameter.</summary>
    public FunctionShape WithHeapAllocatedResult(bool heap = true) => this with { HeapAllocatedResult = heap };

    /// <summary>Copy built with or without -d=noopendefer.</summary>
    public FunctionShape WithNoOpenDeferFlag(bool flag = true) => this with { NoOpenDeferFlag = flag };

    /// <summary>Copy for 386 with -shared/-dynlink, or not.</summary>
    public FunctionShape WithShared386(bool shared = true) => this with { Shared386 = shared };

    /// <summary>Checks the invariants a <c>with</c> expression could have broken.</summary>
    /// <exception cref="KitInputException">The message names the field at fault.</exception>
    public void Validate()
    {
        if (Defers is null) throw KitInputException.For("no defer sites", parameter: "defers");
        CheckDefers(Defers.Count);
        if (Defers.Any(s => s is null)) throw KitInputException.For("a defer site is null", parameter: "defers");
        CheckReturns(Returns);
    }

    public bool Equals(FunctionShape? other) =>
        other is not null && Defers.SequenceEqual(other.Defers) && Returns == other.Returns && Name == other.Name
        && OptimizationsDisabled == other.OptimizationsDisabled && Race == other.Race && NoRacePragma == other.NoRacePragma
        && HeapAllocatedResult == other.HeapAllocatedResult && NoOpenDeferFlag == other.NoOpenDeferFlag && Shared386 == other.Shared386;

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var site in Defers) hash.Add(site);
        hash.Add(Returns);
        hash.Add(Name);
        hash.Add((OptimizationsDisabled, Race, NoRacePragma, HeapAllocatedResult, NoOpenDeferFlag, Shared386));
        return hash.ToHashCode();
    }

    /// <summary>"f: 2 defers (1 in loop), 8 returns, -N".</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{Name}: {Defers.Count} defer{(Defers.Count == 1 ? "" : "s")}");
        var inLoop = Defers.Count(d => d.InLoop);
        var rangeFunc = Defers.Count(d => d.InRangeFuncBody);
        if (inLoop > 0) sb.Append(CultureInfo.InvariantCulture, $" ({inLoop} in loop)");
        if (rangeFunc > 0) sb.Append(CultureInfo.InvariantCulture, $" ({rangeFunc} in range-func body)");
        sb.Append(CultureInfo.InvariantCulture, $", {Returns} return{(Returns == 1 ? "" : "s")}");
        if (OptimizationsDisabled) sb.Append(", -N");
        if (Race) sb.Append(NoRacePragma ? ", -race (//go:norace)" : ", -race");
        if (HeapAllocatedResult) sb.Append(", heap result");
        if (NoOpenDeferFlag) sb.Append(", -d=noopendefer");
        if (Shared386) sb.Append(", 386 -shared");
        return sb.ToString();
    }

    private FunctionShape WithSite(int index, DeferSite site)
    {
        var sites = Defers.ToArray();
        sites[index] = site;
        return this with { Defers = sites };
    }

    private int CheckIndex(int index) =>
        index >= 0 && index < Defers.Count
            ? index
            : throw KitInputException.For($"defer index {index} is out of range: the function has {Defers.Count} defer(s), indexed from 0", parameter: "index");

    private static void CheckDefers(int count)
    {
        if (count is < 1 or > MaxDefers)
            throw KitInputException.For($"must be 1…{MaxDefers} defer statements, got {count}", parameter: "defers");
    }

    private static void CheckReturns(int returns)
    {
        if (returns is < 0 or > MaxReturns)
            throw KitInputException.For($"must be 0…{MaxReturns} return statements, got {returns}", parameter: "returns");
    }
}
