using System.Globalization;
using GoRuntimeLab.Defer;

namespace GoRuntimeLab.Charts.Defer;

/// <summary>
/// Chinese renderings of the defer classifier's verdicts for the notebooks; the model's English reasons stay
/// (tests, CLI). Go terms (open-coded, deferprocStack, ssagen.buildssa…) are kept.
/// </summary>
public static class DeferText
{
    /// <summary>The function-level verdict: each kind's count and the deciding rule, in Chinese.</summary>
    public static string Verdict(DeferClassification verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        var counts = Enum.GetValues<DeferKind>().Where(k => verdict.Count(k) > 0)
            .Select(k => string.Create(CultureInfo.InvariantCulture, $"{verdict.Count(k)} 条 {DeferClassifier.GoName(k)}"));
        var shape = verdict.Shape;
        return string.Create(CultureInfo.InvariantCulture,
            $"函数 {shape.Name}：{shape.Defers.Count} 条 defer、{shape.Returns} 个 return（{verdict.Version}）→ {string.Join("，", counts)}。原因：{Rule(verdict.Rule, shape)}");
    }

    /// <summary>One line per defer statement, in Chinese.</summary>
    public static IReadOnlyList<string> Sites(DeferClassification verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        return verdict.Sites.Select(s => string.Create(CultureInfo.InvariantCulture, $"第 {s.Index + 1} 条 defer：{s.GoName} —— {Site(s, verdict.Shape)}")).ToList();
    }

    /// <summary>A rule in Chinese with the shape's numbers and the Go function that applies it.</summary>
    public static string Rule(DeferRule rule, FunctionShape shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var d = shape.Defers.Count;
        var r = shape.Returns;
        return rule switch
        {
            DeferRule.None => string.Create(CultureInfo.InvariantCulture,
                $"可以 open-coded：defer 不超过 {DeferClassifier.MaxOpenDefers} 条、没有 defer 在循环里、return 数 × defer 数 = {r} × {d} = {(long)r * d} ≤ {DeferClassifier.MaxReturnsTimesDefers}、开启了优化（ssagen.buildssa 设置 hasOpenDefers）"),
            DeferRule.TooManyDefers => string.Create(CultureInfo.InvariantCulture,
                $"{d} 条 defer 超过 maxOpenDefers = {DeferClassifier.MaxOpenDefers}：deferBits 只有 1 字节（walk.walkStmt）"),
            DeferRule.DeferInLoop => "有 defer 在循环里（escape.goDeferStmt：loopDepth > 1），整个函数都不能 open-coded（walk.walkStmt）",
            DeferRule.RangeFuncDefer => "有 defer 在 range-over-func 循环体里（runtime.deferrangefunc / DeferAt），不能 open-coded（walk.walkCall、walk.walkStmt；Go 1.23）",
            DeferRule.OptimizationsDisabled => "用 -N 编译：open-coded 需要开启优化（ssagen.buildssa：base.Flag.N == 0）",
            DeferRule.NoOpenDeferFlag => "-d=noopendefer 关闭了 open-coded（ssagen.buildssa）",
            DeferRule.Shared386 => "386 加 -shared/-dynlink：deferreturn 之前的 GOT 代码无法跟踪（ssagen.buildssa）",
            DeferRule.RaceInstrumentation => "-race 在函数出口插入 racefuncexit，open-coded 的出口路径会跳过它（ssagen.buildssa）",
            DeferRule.HeapAllocatedResult => "有返回值分配在堆上，必须在延迟调用之后拷回（ssagen.buildssa）",
            DeferRule.TooManyReturns => string.Create(CultureInfo.InvariantCulture,
                $"return 数 × defer 数 = {r} × {d} = {(long)r * d} > {DeferClassifier.MaxReturnsTimesDefers}：每个 return 都要展开一份延迟调用（ssagen.buildssa）"),
            _ => rule.ToString(),
        };
    }

    private static string Site(DeferSiteClassification s, FunctionShape shape) => s.Kind switch
    {
        DeferKind.OpenCoded => "在 deferBits 中置位，函数出口直接调用",
        DeferKind.HeapAllocated when s.Rule == DeferRule.RangeFuncDefer =>
            "runtime.deferprocat：defer 属于 range-over-func 循环外层函数的栈帧（escape.goDeferStmt：DeferAt != nil）",
        DeferKind.HeapAllocated => "runtime.deferproc：在循环里可能执行多次，escape.goDeferStmt 不会标成 EscNever，栈帧里的一个槽位放不下它的记录",
        DeferKind.StackAllocated => "runtime.deferprocStack，_defer 记录放在栈帧里：它最多执行一次，但整个函数不能 open-coded，因为" + Rule(s.Rule, shape),
        _ => s.Reason,
    };
}
