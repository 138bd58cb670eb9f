using System.CommandLine;
using GoRuntimeLab.Cli.Infrastructure;

namespace GoRuntimeLab.Cli.Commands.Gc;

/// <summary><c>golab gc …</c>: the garbage-collector models (docs/ARCHITECTURE.md §2). Subcommands register here.</summary>
internal static class GcCommand
{
    public static Command Build()
    {
        var command = new Command("gc", "Go's garbage collector: the pacer (mgcpacer.go) and related models.");
        command.Subcommands.Add(GcPacerCommand.Build());
        command.Subcommands.Add(GcSimulateCommand.Build());
        command.Subcommands.Add(GcGuideCommand.Build());
        return command;
    }
}
