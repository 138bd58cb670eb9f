// Mirrors: runtime/mgcpacer.go (piController.next, reset), Go 1.18–1.19 (removed in 1.20).
// Simplified: nothing; same arithmetic order and the same overflow resets.
namespace GoRuntimeLab.Gc.Pacer;

/// <summary>
/// The proportional-integral controller Go 1.18–1.19 used to smooth the cons/mark estimate
/// (kp 0.9, ti 4, tt 1000, output clamped to ±1000). Mutable, like Go's.
/// </summary>
public sealed class PiController
{
    public PiController(double kp, double ti, double tt, double min, double max)
    {
        Kp = kp;
        Ti = ti;
        Tt = tt;
        Min = min;
        Max = max;
    }

    /// <summary>The cons/mark controller of gcControllerState.init in Go 1.19.</summary>
    public static PiController ConsMark() => new(kp: 0.9, ti: 4.0, tt: 1000, min: -1000, max: 1000);

    /// <summary>Proportional constant.</summary>
    public double Kp { get; }

    /// <summary>Integral time constant.</summary>
    public double Ti { get; }

    /// <summary>Reset time (anti-windup).</summary>
    public double Tt { get; }

    public double Min { get; }

    public double Max { get; }

    /// <summary>Integral of the error so far.</summary>
    public double ErrIntegral { get; private set; }

    /// <summary>Set once the integral overflowed (then the state was reset).</summary>
    public bool ErrOverflow { get; private set; }

    /// <summary>Set once the input overflowed (then the state was reset).</summary>
    public bool InputOverflow { get; private set; }

    /// <summary>
    /// piController.next: returns the new output and false (with <see cref="Min"/>) when the input or the integral
    /// overflowed, in which case the integral is reset as Go does.
    /// </summary>
    public (double Output, bool Ok) Next(double input, double setpoint, double period)
    {
        var prop = Kp * (setpoint - input);
        var rawOutput = prop + ErrIntegral;

        var output = rawOutput;
        if (double.IsInfinity(output) || double.IsNaN(output))
        {
            // Go: the input was so large that something overflowed; reset and flag it.
            Reset();
            InputOverflow = true;
            return (Min, false);
        }

        if (output < Min) output = Min;
        else if (output > Max) output = Max;

        if (Ti != 0 && Tt != 0)
        {
            ErrIntegral += (Kp * period / Ti) * (setpoint - input) + (period / Tt) * (output - rawOutput);
            if (double.IsInfinity(ErrIntegral) || double.IsNaN(ErrIntegral))
            {
                Reset();
                ErrOverflow = true;
                return (Min, false);
            }
        }

        return (output, true);
    }

    /// <summary>piController.reset: clears the integral, keeps the error flags.</summary>
    public void Reset() => ErrIntegral = 0;

    public override string ToString() => $"PI(kp={Kp}, ti={Ti}, tt={Tt}, [{Min}, {Max}]) integral={ErrIntegral}";
}
