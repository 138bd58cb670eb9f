// Mirrors: the output of a program built with -race (runtime/race: the reports, then "Found N data race(s)" at exit,
// exit status 66) or of `go test -race` (testing: "race detected during execution of test"), Go 1.19–1.23.
namespace GoRuntimeLab.Race;

/// <summary>
/// The race reports found in a program's or a test run's output, the count the program printed at exit ("Found N
/// data race(s)", null when absent, e.g. under go test), and the tests that testing failed for a race.
/// </summary>
public sealed record RaceLog(string SourceName, IReadOnlyList<RaceReport> Reports, int? FoundCount, IReadOnlyList<string> FailedTests);
