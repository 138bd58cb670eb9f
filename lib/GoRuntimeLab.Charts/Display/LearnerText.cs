using GoRuntimeLab.Alloc;
using GoRuntimeLab.Charts.Alloc;
using GoRuntimeLab.Charts.Defer;
using GoRuntimeLab.Charts.Gc;
using GoRuntimeLab.Charts.Sched;
using GoRuntimeLab.Defer;
using GoRuntimeLab.Gc.Mark;
using GoRuntimeLab.Sched;

namespace GoRuntimeLab.Charts.Display;

/// <summary>
/// What a notebook shows for a model result: the Chinese rendering where the kit has one (tri-colour runs and
/// violations, scheduler runs and goroutines, defer verdicts, size-class lookups), otherwise the model's own summary.
/// </summary>
public static class LearnerText
{
    /// <summary>True when <see cref="Of"/> has a Chinese rendering for values of <paramref name="type"/>.</summary>
    public static bool HasChineseRendering(Type type) =>
        typeof(MarkRun).IsAssignableFrom(type) || typeof(MarkViolation).IsAssignableFrom(type) || typeof(MarkState).IsAssignableFrom(type)
        || typeof(SchedResult).IsAssignableFrom(type) || typeof(GoroutineSummary).IsAssignableFrom(type)
        || typeof(AllocClass).IsAssignableFrom(type) || typeof(DeferClassification).IsAssignableFrom(type);

    /// <summary>The Chinese text for <paramref name="value"/>, or its <c>ToString()</c>.</summary>
    public static string Of(object? value) => value switch
    {
        null => "",
        MarkRun run => TriColorText.Summary(run),
        MarkViolation violation => TriColorText.Violation(violation),
        MarkState state => TriColorText.Caption(state),
        SchedResult sched => SchedText.Summary(sched),
        GoroutineSummary g => SchedText.Goroutine(g),
        AllocClass lookup => AllocText.Lookup(lookup),
        DeferClassification verdict => DeferText.Verdict(verdict) + "\n" + string.Join("\n", DeferText.Sites(verdict)),
        _ => value.ToString() ?? "",
    };
}
