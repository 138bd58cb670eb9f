// Mirrors: compiler-rt tsan_report.cpp, Go build (PrintThread: "Goroutine N (running|finished) created at:").
namespace GoRuntimeLab.Race;

/// <summary>A goroutine involved in a race (never the main one): whether it was still running, and where it was created.</summary>
public sealed record RaceGoroutine(int Id, bool Running, IReadOnlyList<RaceFrame> CreatedAt, bool StackRestored = true);
