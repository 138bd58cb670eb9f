// Mirrors: see EventKind.
// Simplified: two integer operands.
namespace GoRuntimeLab.Sched.Engine;

internal readonly record struct SimEvent(EventKind Kind, int A, int B);
