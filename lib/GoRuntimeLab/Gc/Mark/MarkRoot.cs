// Mirrors: runtime/mgcmark.go markroot (gp.gcscandone, "g already scanned"), Go 1.8–1.23.
// Simplified: a root's colour is grey until its job ran and black after (white outside a cycle).
namespace GoRuntimeLab.Gc.Mark;

/// <summary>A root (a global or a goroutine stack) at one step.</summary>
/// <param name="Name">The global's name or the goroutine's name (G1).</param>
/// <param name="Kind">Global or stack.</param>
/// <param name="Color">Grey: not scanned yet in this cycle; black: scanned; white: no cycle running.</param>
/// <param name="Scans">How often the root was scanned in this cycle (1 for every stack under the hybrid barrier).</param>
public sealed record MarkRoot(string Name, RootKind Kind, MarkColor Color, int Scans)
{
    public override string ToString() => $"{Name} ({Kind}, {Color}, scanned {Scans}×)";
}
