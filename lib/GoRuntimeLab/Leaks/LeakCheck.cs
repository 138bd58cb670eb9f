// Mirrors: nothing in Go; one line of a leak verdict's table.
namespace GoRuntimeLab.Leaks;

/// <summary>One check of a <see cref="LeakVerdict"/>, as the notebook's table shows it.</summary>
/// <param name="Check">What was checked (Chinese, with the English term).</param>
/// <param name="Value">What the series shows.</param>
/// <param name="Bound">The bound it is held to.</param>
/// <param name="Leaking">True when the check finds a leak.</param>
public sealed record LeakCheck(string Check, string Value, string Bound, bool Leaking)
{
    /// <summary>"泄漏 leaking" or "平稳 flat".</summary>
    public string Result => Leaking ? "泄漏 leaking" : "平稳 flat";
}
