// Mirrors: the code after gopark returns in chansend, chanrecv, selectgo (pass 3), lockSlow, Go 1.13–1.23.
// Simplified: one tag per blocking statement.
namespace GoRuntimeLab.Sched.Engine;

internal enum Resume : byte
{
    None,
    SendWake,
    RecvWake,
    SelectWake,
    LockRetry,
}
