// Mirrors: internal/trace/parser.go Frame (Go 1.19).
namespace GoRuntimeLab.Trace.Exec.V1;

/// <summary>One frame of a Stack entry: program counter, function, file and line.</summary>
internal sealed record V1Frame(ulong Pc, string Fn, string File, long Line);
