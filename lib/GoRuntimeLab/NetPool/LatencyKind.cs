// Mirrors: nothing in Go; the shape of the server (or query) time in a pool workload.
namespace GoRuntimeLab.NetPool;

/// <summary>How a request's server time is drawn.</summary>
public enum LatencyKind
{
    /// <summary>Every request takes the same time (the recordings' handler sleeps a fixed time).</summary>
    Constant,

    /// <summary>Uniform between a minimum and a maximum.</summary>
    Uniform,

    /// <summary>Exponential with a given mean (memoryless service time).</summary>
    Exponential,
}
