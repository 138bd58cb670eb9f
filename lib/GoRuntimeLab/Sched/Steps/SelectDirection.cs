// Mirrors: scase kinds in select.go (send cases first, then receive cases, in selectgo's cas0 array), Go 1.13–1.23.
// Simplified: no other kinds exist.
namespace GoRuntimeLab.Sched.Steps;

/// <summary>Whether a select case sends or receives.</summary>
public enum SelectDirection
{
    Recv,
    Send,
}
