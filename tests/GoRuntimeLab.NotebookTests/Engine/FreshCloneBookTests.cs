using Xunit.Abstractions;

namespace GoRuntimeLab.NotebookTests.Engine;

/// <summary>
/// The book works however the kit is built: the CLI built to another folder renders a fresh checkout, where the
/// notebooks' <c>#r "../lib/GoRuntimeLab.Charts/bin/…"</c> does not exist, with no failed cell. The engine resolves that
/// reference to the assemblies it ships with (<c>KitReferences</c>). The checkout, build and book are
/// <see cref="ExecutedBook"/>'s, shared with the chapter and browser tests.
/// </summary>
[Collection(SharedBook.Name)]
public class FreshCloneBookTests(ExecutedBook book, ITestOutputHelper output)
{
    [Fact]
    public void The_cli_built_to_another_folder_renders_every_chapter_of_a_fresh_checkout_with_no_failed_cell()
    {
        output.WriteLine($"checkout: {book.CheckoutFiles} files; dotnet build -o: {book.CliBuild.Elapsed.TotalSeconds:0.0} s");
        Assert.True(book.CliBuild.ExitCode == 0, $"dotnet build -o failed:\n{book.CliBuild.Stdout}\n{book.CliBuild.Stderr}");
        // The situation under test: the path the notebooks name was not built, the CLI and its libraries sit elsewhere.
        Assert.False(Directory.Exists(Path.Combine(book.Checkout, "lib", "GoRuntimeLab.Charts", "bin")));
        Assert.True(File.Exists(Path.Combine(book.CliFolder, "GoRuntimeLab.Charts.dll")));

        var run = book.Book;
        output.WriteLine($"golab book: {run.Elapsed.TotalSeconds:0.0} s\n{run.Stdout}");

        Assert.True(run.ExitCode == 0, $"golab book exited {run.ExitCode}:\n{run.Stdout}\n{run.Stderr}");
        Assert.DoesNotContain("FAILED", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("CS0006", run.Stdout, StringComparison.Ordinal);
        foreach (var chapter in ExecutedBook.Chapters())
        {
            var executed = book.Executed(chapter);
            Assert.DoesNotContain(Ipynb.Outputs(executed), o => (string?)o["output_type"] == "error");
            // The executed notebook keeps the reference as the learner wrote it.
            Assert.Contains(Ipynb.Cells(executed), c => Ipynb.Source(c).Contains("#r \"../lib/GoRuntimeLab.Charts/bin/GoRuntimeLab.Charts.dll\"", StringComparison.Ordinal));
        }
    }
}
