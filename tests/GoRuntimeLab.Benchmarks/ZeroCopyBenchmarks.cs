using GoRuntimeLab.Benchmarking.ZeroCopy;

namespace GoRuntimeLab.Benchmarks;

/// <summary>
/// The C# side of chapter 4.1 (data/go/zerocopy): the benchmarks of <see cref="ZeroCopyCsBenchmarks"/>
/// (lib/GoRuntimeLab.Bench, where the notebook runs them live with a short job) in the kit's full ShortRun job.
/// `dotnet run -c Release --project tests/GoRuntimeLab.Benchmarks -- --filter *ZeroCopy* --exporters csv markdown`;
/// the recorded run is data/recordings/zerocopy/dotnet-*.csv / .md (data/README.md).
/// </summary>
public class ZeroCopyBenchmarks : ZeroCopyCsBenchmarks;
