using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using GoRuntimeLab.Metrics;
using GoRuntimeLab.Prometheus;
using GoRuntimeLab.Cli.Infrastructure;

namespace GoRuntimeLab.Cli.Commands;

/// <summary>
/// <c>golab metrics list|expose|serve</c>: the runtime/metrics catalogue per Go release, and a simulated Go process
/// exposed to Prometheus the way client_golang exposes a real one (docs/ARCHITECTURE.md §2).
/// </summary>
internal static class MetricsCommand
{
    private static readonly JsonSerializerOptions Json = CliJson.Options;

    public static Command Build()
    {
        var command = new Command("metrics", "runtime/metrics: the catalogue of each Go release, and a simulated Go process exposed to Prometheus.");
        command.Subcommands.Add(BuildList());
        command.Subcommands.Add(BuildExpose());
        command.Subcommands.Add(BuildServe());
        return command;
    }

    private static Option<string> GoOption() =>
        GoSettingOptions.Go("1.19, 1.21, 1.22 or 1.23", why: "The metric names, and the time-histogram buckets, differ.");

    private static Option<int> SeedOption() => CliOptions.Int("--seed",
        "Seed of the simulated process's random pauses and latencies (same seed, same values). Default: 1.", 1, int.MinValue, int.MaxValue, "S");

    private static Command BuildList()
    {
        var go = GoOption();
        var json = new Option<bool>("--json")
        {
            Description = "Print one JSON document: {goVersion, count, metrics:[{name, kind, cumulative, unit, prometheusName, description}]}.",
        };
        var command = new Command("list", "List the runtime/metrics names of a Go release (from its description.go) with kind, unit and the Go client's Prometheus name.")
        {
            go,
            json,
        };
        command.SetAction(parse =>
        {
            var catalog = MetricCatalog.For(GoSettings.ParseVersion(parse.GetValue(go)!));
            Console.Out.Write(parse.GetValue(json) ? ListJson(catalog) : ListTable(catalog));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command BuildExpose()
    {
        var go = GoOption();
        var seed = SeedOption();
        var at = CliOptions.Double("--at", "Simulated seconds the process has run when it is scraped (more than 0, at most 3600). Default: 10.", 10, double.Epsilon, 3600, "SECONDS");
        var gogc = GoSettingOptions.Gogc();
        var memlimit = GoSettingOptions.MemoryLimit();
        var procs = GoSettingOptions.Procs(ProcessConfig.Default.Procs);
        var command = new Command("expose", "Print the Prometheus text exposition (format 0.0.4) of a simulated Go process after --at simulated seconds.")
        {
            go,
            seed,
            at,
            gogc,
            memlimit,
            procs,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var seconds = parse.GetValue(at);
            var process = new SimulatedGoProcess(Config(parse, go, seed, gogc, memlimit, procs)).AdvanceTo((long)(seconds * 1e9));
            Console.Out.Write(await new GoProcessExporter(process).ExposeAsync(cancellationToken).ConfigureAwait(false));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command BuildServe()
    {
        var go = GoOption();
        var seed = SeedOption();
        var port = CliOptions.RequiredInt("--port", "TCP port on 127.0.0.1 (only loopback is ever bound); 0 picks a free one.", 0, 65535, "P");
        var duration = CliOptions.OptionalDouble("--duration", "Stop after this many seconds, at most 604800 (default: run until Ctrl+C).", double.Epsilon, 86400 * 7, "S");
        var speed = CliOptions.Double("--speed",
            "Simulated seconds per wall-clock second (> 0, ≤ 1e6; default 1). The simulation advances every 100 ms with at most 25 ms of work, "
            + "and a scrape reads the latest snapshot, so scrapes stay fast at any speed; faster than the model can go, it falls behind (the speed reached is printed at exit).",
            1, double.Epsilon, SimulatedMetricsServer.MaxSpeed, "X");
        var gogc = GoSettingOptions.Gogc();
        var memlimit = GoSettingOptions.MemoryLimit();
        var procs = GoSettingOptions.Procs(ProcessConfig.Default.Procs);
        var command = new Command("serve", "Serve /metrics of a simulated Go process on 127.0.0.1 for Prometheus to scrape; prints the URL.")
        {
            port,
            duration,
            go,
            seed,
            speed,
            gogc,
            memlimit,
            procs,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var seconds = parse.GetValue(duration);
            var process = new SimulatedGoProcess(Config(parse, go, seed, gogc, memlimit, procs));
            using var server = SimulatedMetricsServer.Start(process, parse.GetValue(port), parse.GetValue(speed));
            Console.Out.WriteLine(server.Url);
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"serving a simulated {process.Config} ({(seconds is { } d ? $"for {d} s" : "until Ctrl+C")})"));
            await Console.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (seconds is { } d2) await Task.Delay(TimeSpan.FromSeconds(d2), cancellationToken).ConfigureAwait(false);
                else await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C: stop serving and exit normally.
            }

            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"served {server.Requests} requests; simulated {server.SimulatedTime.TotalSeconds:0.###} s in {server.WallTime.TotalSeconds:0.###} s (speed {server.Speed:0.###} asked, {server.ReachedSpeed:0.###} reached)"));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static ProcessConfig Config(ParseResult parse, Option<string> go, Option<int> seed, Option<string> gogc, Option<string> memlimit, Option<string> procs) =>
        ProcessConfig.Default.WithSettings(GoSettingOptions.Read(parse, ProcessConfig.Default.Settings, gogc, memlimit, procs, go)).WithSeed(parse.GetValue(seed));


    private static string Kind(MetricKind k) => MetricDescription.KindText(k);

    private static string ListTable(MetricCatalog catalog)
    {
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        sb.AppendLine(catalog.ToString());
        var width = catalog.All.Max(d => d.Name.Length);
        sb.AppendLine(inv, $"{"name".PadRight(width)}  {"kind",-16} {"cum",-3}  prometheus (client_golang)");
        foreach (var d in catalog.All)
            sb.AppendLine(inv, $"{d.Name.PadRight(width)}  {Kind(d.Kind),-16} {(d.Cumulative ? "yes" : "no"),-3}  {PrometheusNaming.ToPrometheusName(d)}");
        return sb.ToString();
    }

    private static string ListJson(MetricCatalog catalog) => JsonSerializer.Serialize(new
    {
        goVersion = MetricCatalogShort(catalog.Version),
        count = catalog.Count,
        metrics = catalog.All.Select(d => new
        {
            name = d.Name,
            kind = Kind(d.Kind),
            cumulative = d.Cumulative,
            unit = d.Unit,
            prometheusName = PrometheusNaming.ToPrometheusName(d),
            description = d.Description,
        }),
    }, Json) + "\n";

    private static string MetricCatalogShort(GoVersion v) => string.Create(CultureInfo.InvariantCulture, $"{v.Major}.{v.Minor}");
}
