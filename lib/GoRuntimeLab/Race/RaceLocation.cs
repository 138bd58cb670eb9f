// Mirrors: compiler-rt tsan_report.cpp, Go build (PrintLocation: "Heap block of size N at 0xADDR allocated by …:" with
// a stack, or "Global var NAME of size N at 0xADDR declared at FILE:LINE").
namespace GoRuntimeLab.Race;

/// <summary>
/// Where the raced-on memory lives, when the detector says: a heap block (size, address, allocating goroutine and
/// stack) or a global variable (name, size, address, file:line of its declaration).
/// </summary>
public sealed record RaceLocation(string Kind, string? Name, long Size, ulong Address, int? Goroutine, string? File, int? Line, IReadOnlyList<RaceFrame> Stack);
