using System.CommandLine;
using GoRuntimeLab;
using GoRuntimeLab.Cli.Commands;

// golab: a thin command line over the kit (ARCHITECTURE.md §3). Exit codes: 0 ok, 1 failure, 2 bad input.
var root = new RootCommand("GoRuntimeLab (golab): the course kit for 深圳Go语言从入门到精通 — models of the Go runtime, notebooks and the book.");
root.Subcommands.Add(BookCommand.Build());
root.Subcommands.Add(KernelCommand.Build());
root.Subcommands.Add(GoRuntimeLab.Cli.Commands.Gc.GcCommand.Build());
root.Subcommands.Add(EscapeCommand.Build());
root.Subcommands.Add(AllocCommand.Build());
root.Subcommands.Add(DeferCommand.Build());
root.Subcommands.Add(SchedCommand.Build());
root.Subcommands.Add(GctraceCommand.Build());
root.Subcommands.Add(PprofCommand.Build());
root.Subcommands.Add(SchedtraceCommand.Build());
root.Subcommands.Add(MetricsCommand.Build());

var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    foreach (var error in parse.Errors) Console.Error.WriteLine($"golab: {error.Message}");
    return ExitCodes.BadInput;
}

try
{
    // Our own handler below: bad input must exit 2 with one line, not the library's default 1 and a stack trace.
    return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false }).ConfigureAwait(false);
}
catch (KitInputException e)
{
    Console.Error.WriteLine($"golab: {e.Message}");
    return ExitCodes.BadInput;
}
