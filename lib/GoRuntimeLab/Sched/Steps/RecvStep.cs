// Mirrors: `v, ok := <-ch` → chanrecv2 → chanrecv(c, ep, block=true) in chan.go, Go 1.13–1.23.
// Simplified: the received value is only tallied (Tally counter "Tally/value"), not stored in a variable.
namespace GoRuntimeLab.Sched.Steps;

/// <summary>
/// <c>v, ok := &lt;-ch</c>. When <paramref name="Tally"/> is set, the result counter "Tally/v" (or "Tally/closed" for
/// ok=false) is incremented, so tests can check which values arrived.
/// </summary>
public sealed record RecvStep(string Channel, string? Tally = null) : WorkloadStep
{
    public override string Describe() => $"<-{Channel}";
}
