// Mirrors: the environment a Go program reads at start-up (runtime/extern.go: GOMAXPROCS, GODEBUG, GOGC,
// GOMEMLIMIT…), set per run. Go 1.19–1.23.
using System.Globalization;

namespace GoRuntimeLab.GoTool;

/// <summary>
/// How <see cref="GoToolchain.RunAsync"/> runs a program: extra environment for the program (the runtime knobs
/// the course turns) and time limits. The environment applies to the program only, not to `go build`, so that
/// e.g. GOMAXPROCS=1 or GODEBUG=gctrace=1 describe the program being studied, not the compiler.
/// </summary>
public sealed record GoRunOptions
{
    /// <summary>No extra environment, 60 s run limit, 5 min build limit.</summary>
    public static GoRunOptions Default { get; } = new();

    /// <summary>Extra variables for the program, e.g. GOGC=50. <see cref="GoMaxProcs"/>/<see cref="GoDebug"/> win over entries here.</summary>
    public IReadOnlyDictionary<string, string> EnvironmentVariables { get; init; } = new Dictionary<string, string>();

    /// <summary>GOMAXPROCS for the program; null leaves the inherited value (by default the number of CPUs).</summary>
    public int? GoMaxProcs { get; init; }

    /// <summary>GODEBUG for the program, e.g. "gctrace=1" or "schedtrace=1000"; null leaves the inherited value.</summary>
    public string? GoDebug { get; init; }

    /// <summary>How long the built program may run before it is killed (build time not included). Default 60 s.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long `go build` may take. Generous by default: a cold build cache compiles the standard library.</summary>
    public TimeSpan BuildTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Folder for the temporary binary (a fresh subfolder is made and deleted per run); null for the system temp
    /// folder. Set it where /tmp is mounted noexec, which makes a built binary impossible to start.
    /// </summary>
    public string? BuildDirectory { get; init; }

    /// <summary>The program's extra environment, validated and sorted by name (so command lines are stable).</summary>
    /// <exception cref="KitInputException">A bad name, GOMAXPROCS below 1, or a non-positive time limit.</exception>
    internal IReadOnlyList<KeyValuePair<string, string>> ProgramEnvironment()
    {
        if (Timeout <= TimeSpan.Zero) throw KitInputException.For($"must be positive, not {Timeout}", parameter: nameof(Timeout));
        if (BuildTimeout <= TimeSpan.Zero) throw KitInputException.For($"must be positive, not {BuildTimeout}", parameter: nameof(BuildTimeout));
        if (GoMaxProcs is < 1) throw KitInputException.For($"must be at least 1, not {GoMaxProcs}", parameter: nameof(GoMaxProcs));

        var env = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in EnvironmentVariables)
        {
            if (string.IsNullOrEmpty(name) || name.Contains('=', StringComparison.Ordinal) || name.Any(char.IsWhiteSpace))
                throw KitInputException.For($"\"{name}\" is not an environment variable name", parameter: nameof(EnvironmentVariables));
            env[name] = value ?? "";
        }

        if (GoMaxProcs is { } procs) env["GOMAXPROCS"] = procs.ToString(CultureInfo.InvariantCulture);
        if (GoDebug is not null) env["GODEBUG"] = GoDebug;
        return [.. env];
    }
}
