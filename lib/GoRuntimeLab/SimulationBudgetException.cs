using System.Globalization;

namespace GoRuntimeLab;

/// <summary>
/// A simulation would exceed one of its explicit budgets (simulation steps, GC cycles, scheduler events, live
/// goroutines, recorded spans, printed lines…). Every simulator in the kit stops with this rather than running for hours,
/// growing without bound or silently truncating its result. <see cref="KitInputException.Parameter"/> names the budget
/// (e.g. <c>GcSimOptions.MaxSteps</c>) and <see cref="Budget"/> its value; raise it in the options (the <c>With*</c>
/// copy) or ask for a smaller run.
/// </summary>
public sealed class SimulationBudgetException : KitInputException
{
    public SimulationBudgetException(string message) : base(message) { }

    public SimulationBudgetException(string message, Exception inner) : base(message, inner) { }

    public SimulationBudgetException() : base("simulation budget exceeded") { }

    /// <summary>The budget that was reached.</summary>
    public long Budget { get; init; }

    /// <summary>What ran out, e.g. "simulation steps".</summary>
    public string What { get; init; } = "";

    /// <summary>
    /// Builds the exception for <paramref name="parameter"/> (the budget's name, e.g. <c>GcSimOptions.MaxSteps</c>) with
    /// the value <paramref name="budget"/>; <paramref name="what"/> says what ran out, e.g. "simulation steps".
    /// </summary>
    public static SimulationBudgetException Exceeded(string parameter, long budget, string what, string? hint = null)
    {
        var reason = string.Create(CultureInfo.InvariantCulture,
            $"the run needs more than {budget} {what} (its budget); {hint ?? "ask for a smaller run or raise the budget"}");
        return new SimulationBudgetException($"{parameter}: {reason}") { Parameter = parameter, Budget = budget, What = what, Reason = reason };
    }
}
