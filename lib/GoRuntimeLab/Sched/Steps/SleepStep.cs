// Mirrors: time.Sleep → runtime timeSleep (time.go): a timer on the current P, gopark(waitReasonSleep), Go 1.13–1.23.
// Simplified: the timer lives in the P's heap until checkTimers runs it (schedule, stealWork's last pass, an idle M's poll).
namespace GoRuntimeLab.Sched.Steps;

/// <summary><c>time.Sleep(d)</c>.</summary>
public sealed record SleepStep(long Nanoseconds) : WorkloadStep
{
    public override string Describe() => $"time.Sleep({GoDuration.Format(Nanoseconds)})";
}
