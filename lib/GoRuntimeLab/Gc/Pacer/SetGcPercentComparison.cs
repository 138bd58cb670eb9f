namespace GoRuntimeLab.Gc.Pacer;

/// <summary>
/// A recorded debug.SetGCPercent call beside the model's answer to the same call.
/// </summary>
/// <param name="Call">What was done ("debug.SetGCPercent(200)", or the start row).</param>
/// <param name="RealReturned">The old GOGC real Go returned; null for the start row.</param>
/// <param name="ModelReturned">The old GOGC the model returned; null for the start row.</param>
/// <param name="RealGoal">The goal real Go reported right after, bytes.</param>
/// <param name="ModelGoal">The model's goal right after, bytes.</param>
public sealed record SetGcPercentComparison(string Call, int? RealReturned, int? ModelReturned, ulong RealGoal, ulong ModelGoal)
{
    /// <summary>True when the model returned the same old value and reports the same goal.</summary>
    public bool Equal => RealReturned == ModelReturned && RealGoal == ModelGoal;
}
