using System.CommandLine;
using GoRuntimeLab.Charts.Display;
using GoRuntimeLab.Notebooks.Book;
using GoRuntimeLab.Cli.Infrastructure;

namespace GoRuntimeLab.Cli.Commands;

/// <summary><c>golab book [--out site] [--only NN] [--notebooks DIR]</c> (ARCHITECTURE.md §3, §5).</summary>
internal static class BookCommand
{
    // The engine names its own parameters (BookOptions.*); the command line speaks in its flags.
    private static readonly Dictionary<string, string> Flags = new(StringComparer.Ordinal)
    {
        [$"{nameof(BookOptions)}.{nameof(BookOptions.OutputDirectory)}"] = "--out",
        [$"{nameof(BookOptions)}.{nameof(BookOptions.NotebooksDirectory)}"] = "--notebooks",
        [$"{nameof(BookOptions)}.{nameof(BookOptions.Only)}"] = "--only",
    };

    public static Command Build()
    {
        var outDir = new Option<string>("--out")
        {
            Description = "Folder for the site (index.html, one page per chapter, executed notebooks, plotly.min.js). Created if missing " +
                          "(its parent must exist); never the notebooks folder, inside it or above it.",
            DefaultValueFactory = _ => "site",
        };
        var only = new Option<string[]>("--only") { Description = "Build only these chapters, e.g. --only 02 (repeatable).", AllowMultipleArgumentsPerToken = true };
        var notebooks = new Option<string?>("--notebooks") { Description = "Folder holding NN-*.ipynb (default: notebooks/ of the repository)." };
        var cellTimeout = new Option<int>("--cell-timeout") { Description = "Seconds a cell may run before it is reported failed.", DefaultValueFactory = _ => 300 };
        var command = new Command("book", "Execute every chapter notebook in-process and write the HTML book (works offline).")
        {
            outDir, only, notebooks, cellTimeout,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var seconds = parse.GetValue(cellTimeout);
            if (seconds <= 0) throw KitInputException.For($"must be a positive number of seconds, got {seconds}", parameter: "--cell-timeout");
            var options = new BookOptions(parse.GetValue(notebooks) ?? RepoPaths.Notebooks(), parse.GetValue(outDir) ?? "", PlotlyJs.ReadEmbedded)
            {
                Only = parse.GetValue(only),
                Log = Console.Out,
                CellTimeout = TimeSpan.FromSeconds(seconds),
            };
            BookResult result;
            try
            {
                result = await BookBuilder.BuildAsync(options, cancellationToken).ConfigureAwait(false);
            }
            catch (KitInputException e) when (e.Parameter is not null && Flags.TryGetValue(e.Parameter, out var flag))
            {
                throw KitInputException.For(e.Message, parameter: flag);
            }
            Console.WriteLine();
            Console.WriteLine(result.TimingTable());
            Console.WriteLine();
            Console.WriteLine($"book: {result.IndexPath}");
            if (result.Failed)
            {
                Console.Error.WriteLine($"golab book: {result.Chapters.Sum(c => c.Run.FailedCells.Count())} cell(s) failed; the pages show the errors where they happened.");
                return ExitCodes.Failure;
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
