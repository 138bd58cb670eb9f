using GoRuntimeLab.Cli.Infrastructure;

// golab: a thin command line over the kit (docs/ARCHITECTURE.md). Exit codes: 0 ok, 1 failure, 2 bad input.
return await GolabCli.RunAsync(args).ConfigureAwait(false);
