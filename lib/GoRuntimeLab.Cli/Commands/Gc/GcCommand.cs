using System.CommandLine;

namespace GoRuntimeLab.Cli.Commands;

/// <summary><c>golab gc …</c>: the garbage collector's models (ARCHITECTURE.md §3).</summary>
internal static class GcCommand
{
    public static Command Build()
    {
        var command = new Command("gc", "Models of the Go garbage collector.");
        command.Subcommands.Add(GcGuideCommand.Build());
        return command;
    }
}
