namespace GoRuntimeLab.Binaries;

/// <summary>Wall time from fork to exit of a build (hello; httpsvc -once serves one request), over several runs.</summary>
/// <param name="Program">hello or httpsvc.</param>
/// <param name="FlagSet">The flag set.</param>
/// <param name="MedianUs">Median, µs.</param>
/// <param name="P10Us">10th percentile, µs (the least disturbed runs on a loaded machine).</param>
/// <param name="P90Us">90th percentile, µs.</param>
/// <param name="Runs">Runs measured (after one warm-up).</param>
public sealed record StartupTime(string Program, string FlagSet, int MedianUs, int P10Us, int P90Us, int Runs);
