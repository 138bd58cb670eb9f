// Mirrors: nothing in Go; a BenchmarkDotNet logger that drops everything, so a notebook cell shows only the table.
using BenchmarkDotNet.Loggers;

namespace GoRuntimeLab.Benchmarking;

/// <summary>Silences BenchmarkDotNet (without any logger it prints "No loggers defined").</summary>
internal sealed class NullLogger : ILogger
{
    public static readonly NullLogger Instance = new();

    public string Id => "golab-null";

    public int Priority => 0;

    public void Write(LogKind logKind, string text) { }

    public void WriteLine() { }

    public void WriteLine(LogKind logKind, string text) { }

    public void Flush() { }
}
