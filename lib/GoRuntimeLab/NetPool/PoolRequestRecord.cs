// Mirrors: what httptrace.GotConnInfo (Reused, WasIdle) and DBStats tell about one request, per request.
namespace GoRuntimeLab.NetPool;

/// <summary>One simulated request.</summary>
/// <param name="Index">0-based request number.</param>
/// <param name="Caller">Worker (closed loop) or position in its wave.</param>
/// <param name="StartMs">When it asked for a connection.</param>
/// <param name="Connection">The connection it used (1-based, in order of opening).</param>
/// <param name="Reused">It got a connection that had served a request before (httptrace GotConnInfo.Reused).</param>
/// <param name="WaitMs">Time from asking to holding a connection (a dial, or a wait for a free one).</param>
/// <param name="LatencyMs">Time from asking to the end of the response.</param>
public sealed record PoolRequestRecord(int Index, int Caller, double StartMs, int Connection, bool Reused, double WaitMs, double LatencyMs);
