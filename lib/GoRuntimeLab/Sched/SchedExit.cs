// Mirrors: how a Go program ends: main.main returns (exit 0), a panic or fatal error (exit 2), or the checkdead throw, Go 1.13–1.23.
// Simplified: TimeLimit is the simulator's own stop (SchedConfig.MaxTime).
namespace GoRuntimeLab.Sched;

/// <summary>Why the simulated program stopped.</summary>
public enum SchedExit
{
    MainReturned,
    Deadlock,
    Panic,
    FatalError,
    TimeLimit,
}
