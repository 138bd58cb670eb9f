// Mirrors: nothing in Go; the common shapes of a lab's checker.
using System.Globalization;

namespace GoRuntimeLab.Labs;

/// <summary>Checkers for the usual answer forms. The expected value is computed once, on first use, by the model
/// run or recording the lab names.</summary>
internal static class LabChecks
{
    /// <summary>A whole number equal to <paramref name="expected"/>.</summary>
    public static Func<LabAnswer, LabVerdict> Integer(Lazy<long> expected) => a =>
    {
        if (!a.TryInteger(out var n)) return LabVerdict.Wrong("答案应当是一个整数。");
        return n == expected.Value ? LabVerdict.Right() : LabVerdict.Wrong();
    };

    /// <summary>A word equal to one of <paramref name="accepted"/>, ignoring case, spaces, '-', '_' and backquotes.</summary>
    public static Func<LabAnswer, LabVerdict> Word(Func<IReadOnlyCollection<string>> accepted) => a =>
    {
        if (a.Text is not { } text) return LabVerdict.Wrong("答案应当是一个词（字符串）。");
        var said = Normalize(text);
        return accepted().Any(w => Normalize(w) == said) ? LabVerdict.Right() : LabVerdict.Wrong();
    };

    /// <summary>The form <see cref="Word"/> compares.</summary>
    public static string Normalize(string text) =>
        new(text.Where(c => !char.IsWhiteSpace(c) && c is not '-' and not '_' and not '`' and not '"').Select(char.ToLowerInvariant).ToArray());

    public static Lazy<long> Lazy(Func<long> compute) => new(compute, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
