using System.CommandLine;
using GoRuntimeLab.Charts.Display;
using GoRuntimeLab.Notebooks.Book;
using GoRuntimeLab.Cli.Infrastructure;

namespace GoRuntimeLab.Cli.Commands;

/// <summary><c>golab book [--out site] [--only NN] [--notebooks DIR]</c> (docs/ARCHITECTURE.md §2).</summary>
internal static class BookCommand
{
    public static Command Build()
    {
        var outDir = new Option<string>("--out")
        {
            Description = "Folder for the site (index.html, one page per chapter, executed notebooks, plotly.min.js). Created if missing " +
                          "(its parent must exist); never the notebooks folder, inside it or above it.",
            DefaultValueFactory = _ => "site",
        };
        var only = new Option<string[]>("--only") { Description = "Build only these chapters, e.g. --only 02 (repeatable).", AllowMultipleArgumentsPerToken = true };
        var notebooks = CliOptions.OptionalText("--notebooks", "Folder holding NN-*.ipynb (default: notebooks/ of the repository).", "DIR");
        var cellTimeout = CliOptions.Int("--cell-timeout", "Seconds a cell may run before it is reported failed (1 to 86400). Default: 300.", 300, 1, 86_400, "SECONDS");
        var command = new Command("book", "Execute every chapter notebook in-process and write the HTML book (works offline).")
        {
            outDir, only, notebooks, cellTimeout,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var seconds = parse.GetValue(cellTimeout);
            var options = new BookOptions(parse.GetValue(notebooks) ?? RepoPaths.Notebooks(), parse.GetValue(outDir) ?? "", PlotlyJs.ReadEmbedded)
            {
                Only = parse.GetValue(only),
                Log = Console.Out,
                CellTimeout = TimeSpan.FromSeconds(seconds),
                // Shipped beside golab.dll by the CLI's build (GoRuntimeLab.Cli.csproj, target GolabPublishWasm).
                LiveBundle = Path.Combine(AppContext.BaseDirectory, LiveWidgets.Folder),
            };
            // The engine names its own parameters (BookOptions.*); CliParameters reports them under the flags.
            var result = await BookBuilder.BuildAsync(options, cancellationToken).ConfigureAwait(false);
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
