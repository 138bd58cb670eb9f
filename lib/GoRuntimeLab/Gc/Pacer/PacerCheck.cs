// Mirrors: runtime/mgcpacer_test.go (assertInEpsilon, assertInRange, t.Errorf), Go 1.19–1.23.
// Simplified: collects failures instead of failing a testing.T.
using System.Globalization;

namespace GoRuntimeLab.Gc.Pacer;

/// <summary>The "t" a scenario checker reports to: range checks with Go's messages, collected as failures.</summary>
public sealed class PacerCheck
{
    private readonly List<PacerCheckFailure> _failures;

    internal PacerCheck(GoVersion version, List<PacerCheckFailure> failures, int cycle)
    {
        Version = version;
        _failures = failures;
        Cycle = cycle;
    }

    /// <summary>The Go release being simulated (some checks differ by version, like Go's test files do).</summary>
    public GoVersion Version { get; }

    /// <summary>Cycles so far (Go's n).</summary>
    public int Cycle { get; }

    /// <summary>assertInEpsilon: a within [b - epsilon, b + epsilon].</summary>
    public void InEpsilon(string name, double a, double b, double epsilon) => InRange(name, a, b - epsilon, b + epsilon);

    /// <summary>assertInRange: a within [min, max], else "name not in range (min, max): a" as Go prints it.</summary>
    public void InRange(string name, double a, double min, double max)
    {
        if (a < min || a > max)
            Error(string.Create(CultureInfo.InvariantCulture, $"{name} not in range ({min:F6}, {max:F6}): {a:F6}"));
    }

    /// <summary>t.Errorf.</summary>
    public void Error(string message) => _failures.Add(new PacerCheckFailure(Cycle, message, Fatal: false));

    internal void Fatal(string message) => _failures.Add(new PacerCheckFailure(Cycle, message, Fatal: true));
}
