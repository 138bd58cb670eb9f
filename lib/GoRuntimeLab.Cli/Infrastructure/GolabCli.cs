using System.CommandLine;
using System.CommandLine.Parsing;
using GoRuntimeLab.Cli.Commands;

namespace GoRuntimeLab.Cli.Infrastructure;

/// <summary>
/// <c>golab</c>'s entry point, callable in-process (tests drive it with arguments and read Console.Out/Console.Error).
/// Exit codes: 0 ok, 1 failure, 2 bad input. Every failure is one line on stderr, "golab: …", never a stack trace
/// (set GOLAB_DEBUG=1 to see one for an internal error).
/// </summary>
public static class GolabCli
{
    /// <summary>The command tree (lib/GoRuntimeLab.Wasm compiles this file for the book's live widgets, without the
    /// commands marked GOLAB_BROWSER: the browser has no notebook engine, Plotly.NET or HTTP listener).</summary>
    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("GoRuntimeLab (golab): the course kit for 深圳Go语言从入门到精通 — models of the Go runtime, notebooks and the book.");
#if !GOLAB_BROWSER
        root.Subcommands.Add(BookCommand.Build());
#endif
#if !GOLAB_BROWSER
        root.Subcommands.Add(KernelCommand.Build());
#endif
        root.Subcommands.Add(Commands.Gc.GcCommand.Build());
        root.Subcommands.Add(EscapeCommand.Build());
        root.Subcommands.Add(AllocCommand.Build());
        root.Subcommands.Add(DeferCommand.Build());
        root.Subcommands.Add(SchedCommand.Build());
        root.Subcommands.Add(GctraceCommand.Build());
#if !GOLAB_BROWSER
        root.Subcommands.Add(PprofCommand.Build());
#endif
        root.Subcommands.Add(SchedtraceCommand.Build());
#if !GOLAB_BROWSER
        root.Subcommands.Add(MetricsCommand.Build());
#endif
        root.Subcommands.Add(PoolCommand.Build());
        root.Subcommands.Add(BenchstatCommand.Build());
        root.Subcommands.Add(RaceCommand.Build());
        root.Subcommands.Add(CoverCommand.Build());
        root.Subcommands.Add(TraceCommand.Build());
        root.Subcommands.Add(LabCommand.Build());
        root.Subcommands.Add(LayoutCommand.Build());
        root.Subcommands.Add(LeakCommand.Build());
        root.Subcommands.Add(BinaryCommand.Build());
        return root;
    }

    /// <summary>Parses <paramref name="args"/>, runs the command, and returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var parse = BuildRoot().Parse(args);
        if (parse.Errors.Count > 0)
        {
            // One line: the first problem (later ones are usually consequences of it), and where to look.
            var names = new List<string>();
            for (SymbolResult? r = parse.CommandResult; r is CommandResult c && c.Parent is not null; r = c.Parent) names.Insert(0, c.Command.Name);
            var command = string.Join(' ', names);
            var help = command.Length == 0 ? "golab --help" : $"golab {command} --help";
            var first = parse.Errors.FirstOrDefault(e => e.Message.StartsWith("Unrecognized", StringComparison.Ordinal)) ?? parse.Errors[0];
            return Fail(ExitCodes.BadInput, $"{first.Message} (see {help})");
        }

        try
        {
            // Our own handler below: bad input must exit 2 with one line, not the library's default 1 and a stack trace.
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false }).ConfigureAwait(false);
        }
        catch (KitInputException e)
        {
            return Fail(ExitCodes.BadInput, CliParameters.ForCommand(e, parse.CommandResult.Command).Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A file or folder the user named could not be read or written: bad input, said in .NET's words (it names the path).
            return Fail(ExitCodes.BadInput, e.Message);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            if (Environment.GetEnvironmentVariable("GOLAB_DEBUG") == "1") Console.Error.WriteLine(e);
            return Fail(ExitCodes.Failure, $"internal error ({e.GetType().Name}): {e.Message} — please report it; GOLAB_DEBUG=1 shows where");
        }
    }

    private static int Fail(int code, string message)
    {
        Console.Out.Flush();
        Console.Error.WriteLine("golab: " + CliText.Printable(message));
        return code;
    }
}
