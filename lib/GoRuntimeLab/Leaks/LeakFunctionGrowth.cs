// Mirrors: nothing in Go; a row of the heap diff (go tool pprof -base OLD NEW), attributed to the caller in the
// program's own code (see LeakSeries.UserGrowth).
namespace GoRuntimeLab.Leaks;

/// <summary>How much a function's in-use heap grew between two snapshots.</summary>
/// <param name="Function">The Go function name (package path, receiver, name).</param>
/// <param name="Bytes">Growth of inuse_space attributed to it (negative: it shrank).</param>
/// <param name="Objects">Growth of inuse_objects attributed to it.</param>
/// <param name="Share">Bytes as a share of the total growth (0 when the total is 0).</param>
/// <param name="IsStandardLibrary">True for Go's standard library and runtime.</param>
public sealed record LeakFunctionGrowth(string Function, long Bytes, long Objects, double Share, bool IsStandardLibrary);
