// Mirrors: one "check" line of data/go/ctxtree (checkLine).
namespace GoRuntimeLab.NetPool.CancelTree;

/// <summary>The tree at one check step.</summary>
/// <param name="At">ms after the start.</param>
/// <param name="Nodes">Every context, in the tree description's order (AfterFunc nodes excluded).</param>
/// <param name="AfterFuncs">Each AfterFunc registered so far: has its function run?</param>
/// <param name="Stopped">Each AfterFunc stopped so far: what stop() returned.</param>
public sealed record ContextCheck(long At, IReadOnlyList<ContextNodeState> Nodes, IReadOnlyDictionary<string, bool> AfterFuncs,
    IReadOnlyDictionary<string, bool> Stopped);
