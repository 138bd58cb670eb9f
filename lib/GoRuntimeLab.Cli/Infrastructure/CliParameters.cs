using System.CommandLine;

namespace GoRuntimeLab.Cli.Infrastructure;

/// <summary>
/// The one place where the models' parameter names meet the command line's flags. A model reports bad input under its
/// own name (<c>GOGC</c>, <c>liveBytes</c>); when the running command has the matching flag, the error is reported
/// under the flag the user typed (<c>--gogc</c>, <c>--live</c>). Names without a flag in the command stay as they are.
/// </summary>
internal static class CliParameters
{
    // Model parameter → the flags (or argument names) that carry it, first match wins.
    private static readonly Dictionary<string, string[]> Flags = new(StringComparer.Ordinal)
    {
        [GoSettings.GogcName] = ["--gogc"],
        [GoSettings.MemoryLimitName] = ["--memlimit"],
        [GoSettings.ProcsName] = ["--procs"],
        [GoSettings.VersionName] = ["--go"],
        ["liveBytes"] = ["--live"],
        ["objectSize"] = ["--object-size"],
        ["allocRate"] = ["--alloc-rate"],
        ["duration"] = ["--duration"],
        ["maxTime"] = ["--duration"],
        ["stackBytes"] = ["--stacks"],
        ["globalsBytes"] = ["--globals"],
        ["spikeBytes"] = ["--spike"],
        ["spikeAt"] = ["--spike-at"],
        ["spikeFor"] = ["--spike-for"],
        ["goroutines"] = ["--goroutines"],
        ["otherMem"] = ["--other-mem"],
        ["scanRate"] = ["--scan-rate"],
        ["sampleIndex"] = ["--sample-index"],
        ["nodeCount"] = ["--nodecount"],
        ["focus"] = ["--focus"],
        ["ignore"] = ["--ignore"],
        ["size"] = ["--size", "SIZE"],
        ["count"] = ["--count"],
        ["workload"] = ["--workload"],
        ["kind"] = ["--kind"],
        ["defers"] = ["--defers"],
        ["returns"] = ["--returns"],
        ["scenario"] = ["--scenario"],
        ["schedtrace"] = ["--schedtrace"],
        ["graph"] = ["--graph"],
        ["seed"] = ["--seed"],
        ["requests"] = ["--requests"],
        ["concurrency"] = ["--concurrency"],
        ["latency"] = ["--latency"],
        ["latencyMin"] = ["--latency"],
        ["latencyMax"] = ["--latency-max"],
        ["think"] = ["--think"],
        ["stagger"] = ["--stagger"],
        ["MaxIdleConnsPerHost"] = ["--max-idle-per-host"],
        ["MaxIdleConns"] = ["--max-idle", "--max-idle-conns"],
        ["MaxConnsPerHost"] = ["--max-conns-per-host"],
        ["IdleConnTimeout"] = ["--idle-timeout"],
        ["dialCost"] = ["--dial"],
        ["ConnMaxLifetime"] = ["--max-lifetime"],
        ["ConnMaxIdleTime"] = ["--max-idle-time"],
        ["openCost"] = ["--open-cost"],
        ["TransportPoolConfig.MaxEvents"] = ["--max-events"],
        ["SqlPoolConfig.MaxEvents"] = ["--max-events"],
        ["level"] = ["--m"],
        ["port"] = ["--port"],
        ["speed"] = ["--speed"],
        ["file"] = ["--file", "FILE", "PROFILE"],
        ["path"] = ["FILE", "FILE.go"],
        ["old"] = ["OLD"],
        ["new"] = ["NEW"],
        ["alpha"] = ["--alpha"],
        ["confidence"] = ["--confidence"],
        ["minimumPercent"] = ["--min"],
        ["board"] = ["--board", "FILE"],
        ["recordingPath"] = ["RECORDING"],
        ["team"] = ["--name"],
        [GoRuntimeLab.Layouts.GoArch.ParameterName] = ["--arch"],
        ["BookOptions.OutputDirectory"] = ["--out"],
        ["BookOptions.NotebooksDirectory"] = ["--notebooks"],
        ["BookOptions.Only"] = ["--only"],
        ["KernelInstallOptions.Prefix"] = ["--prefix"],
        ["KernelInstallOptions.Name"] = ["--name"],
        ["GcSimOptions.MaxSteps"] = ["--max-steps"],
        ["GcSimOptions.MaxCycles"] = ["--max-cycles"],
        ["SchedConfig.MaxEvents"] = ["--max-events"],
        ["SchedConfig.MaxGoroutines"] = ["--max-goroutines"],
        ["SchedConfig.MaxRecords"] = ["--max-records"],
        ["SchedConfig.MaxOutputLines"] = ["--max-output-lines"],
        ["SchedConfig.MaxStatements"] = ["--max-statements"],
    };

    /// <summary>The error as the user of <paramref name="command"/> should read it: under the flag that carried the value.</summary>
    public static KitInputException ForCommand(KitInputException e, Command command)
    {
        if (e.Parameter is not { } parameter || !Flags.TryGetValue(parameter, out var candidates)) return e;
        foreach (var flag in candidates)
        {
            if (!command.Options.Any(o => o.Name == flag) && !command.Arguments.Any(a => a.Name == flag)) continue;
            // A positional FILE already shows as the path the user typed: "golab: x.pb.gz: file not found".
            if (!flag.StartsWith('-') && e.FilePath is not null) return e;
            // A budget the user can raise: say how, in the command line's terms rather than the model's API.
            return e is SimulationBudgetException b
                ? new SimulationBudgetException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"{flag}: the run needs more than {b.Budget} {b.What} (its budget); ask for a shorter or smaller run, or raise it with {flag} N"))
                    { Parameter = flag, Budget = b.Budget, What = b.What }
                : e.WithParameter(flag);
        }

        return e;
    }
}
