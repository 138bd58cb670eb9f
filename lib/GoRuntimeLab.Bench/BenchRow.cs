// Mirrors: nothing in Go; one benchmark of a BenchmarkDotNet run (its summary row), as plain data the kit displays.
namespace GoRuntimeLab.Benchmarking;

/// <summary>One BenchmarkDotNet benchmark: mean time per operation and bytes allocated per operation.</summary>
/// <param name="Method">The benchmark method's name ("SpanSlice").</param>
/// <param name="Description">Its description (the Method column of BenchmarkDotNet's table, without the quotes it adds).</param>
/// <param name="MeanNs">Mean time per operation, nanoseconds.</param>
/// <param name="StdDevNs">Standard deviation of the measured iterations, nanoseconds (NaN with a single iteration).</param>
/// <param name="AllocatedBytes">Bytes allocated per operation (MemoryDiagnoser), null when not measured.</param>
/// <param name="Iterations">Measured iterations.</param>
/// <param name="Source">"live (short job)" or the recorded file.</param>
public sealed record BenchRow(string Method, string Description, double MeanNs, double StdDevNs, long? AllocatedBytes, int Iterations, string Source);
