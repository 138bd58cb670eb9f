using System.CommandLine;
using GoRuntimeLab.Notebooks.Kernel;
using GoRuntimeLab.Cli.Infrastructure;

namespace GoRuntimeLab.Cli.Commands;

/// <summary>
/// <c>golab kernel install|remove [--prefix DIR] [--name NAME]</c>: the kit's Jupyter kernelspec (docs/ARCHITECTURE.md §5).
/// Progress goes to stderr and the one-line result to stdout, so scripts can capture the result alone.
/// </summary>
internal static class KernelCommand
{
    public static Command Build()
    {
        var command = new Command(
            "kernel",
            "Install or remove the kit's Jupyter kernel \"" + KernelInstaller.DisplayName + "\": C# with FSharp.Core 10.1, " +
            "so Plotly.NET charts work (the stock .NET Interactive kernel ships FSharp.Core 10.0).");
        command.Subcommands.Add(BuildInstall());
        command.Subcommands.Add(BuildRemove());
        return command;
    }

    private static Option<string?> PrefixOption() => OutputFolder.Optional("--prefix",
        "Install prefix: the kernel goes to DIR/share/jupyter/kernels/NAME and Jupyter finds it with " +
        "JUPYTER_PATH=DIR/share/jupyter. Default: the per-user Jupyter data folder (found without settings).", "DIR");

    private static Option<string> NameOption() => new("--name")
    {
        Description = "Kernel name: lower-case letters, digits, '.', '_', '-'.",
        HelpName = "NAME",
        DefaultValueFactory = _ => KernelInstallOptions.DefaultName,
    };

    private static Command BuildInstall()
    {
        var prefix = PrefixOption();
        var name = NameOption();
        var command = new Command(
            "install",
            "Install (or update) the kernelspec: a private copy of the pinned dotnet-interactive tool with FSharp.Core 10.1 " +
            "swapped in, started with --http-local-only. Re-running with the same inputs changes nothing. " +
            "Never touches other kernelspecs.")
        {
            prefix,
            name,
        };
        command.SetAction(parseResult => Run(() =>
        {
            var options = new KernelInstallOptions(parseResult.GetValue(prefix), parseResult.GetValue(name) ?? KernelInstallOptions.DefaultName);
            var result = KernelInstaller.Install(options, new StderrProgress());
            var what = result.Changed ? "installed" : "already up to date";
            var use = result.JupyterPath is null
                ? $"Jupyter and VS Code list it as \"{KernelInstaller.DisplayName}\""
                : $"use it with JUPYTER_PATH={result.JupyterPath} and kernel name {result.Name}";
            Console.Out.WriteLine($"kernel {result.Name} {what}: {result.KernelJsonPath} ({use})");
        }));
        return command;
    }

    private static Command BuildRemove()
    {
        var prefix = PrefixOption();
        var name = NameOption();
        var command = new Command(
            "remove",
            "Remove the kernelspec installed by `golab kernel install` (with the same --prefix and --name). " +
            "Refuses to remove a kernelspec the kit did not install.")
        {
            prefix,
            name,
        };
        command.SetAction(parseResult => Run(() =>
        {
            var options = new KernelInstallOptions(parseResult.GetValue(prefix), parseResult.GetValue(name) ?? KernelInstallOptions.DefaultName);
            var result = KernelInstaller.Remove(options, new StderrProgress());
            Console.Out.WriteLine(result.Removed
                ? $"kernel {result.Name} removed: {result.KernelDir}"
                : $"kernel {result.Name} not installed: {result.KernelDir} does not exist; nothing removed");
        }));
        return command;
    }

    // KitInputException (bad --name/--prefix, a foreign kernelspec) goes on to Program.cs, which prints it and exits 2.
    // Failures that are not the user's input (tool missing and not restorable, disk full) get one line and exit 1
    // here rather than an unhandled-exception stack trace.
    private static int Run(Action action)
    {
        try
        {
            action();
            return ExitCodes.Ok;
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"golab: kernel: {e.Message}");
            return ExitCodes.Failure;
        }
    }

    // Synchronous progress: System.Progress<T> posts to the thread pool, so lines could interleave or arrive late.
    private sealed class StderrProgress : IProgress<string>
    {
        public void Report(string value) => Console.Error.WriteLine("  " + value);
    }
}
