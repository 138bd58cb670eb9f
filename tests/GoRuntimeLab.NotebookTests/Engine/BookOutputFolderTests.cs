using GoRuntimeLab.Notebooks.Book;

namespace GoRuntimeLab.NotebookTests.Engine;

/// <summary>
/// <c>BookOptions.OutputDirectory</c> is checked before any work: never the notebooks folder (the book would write its
/// executed copies over the sources), never a file, and only the named folder is ever created. In process: the book
/// refuses before it runs anything, so these tests cost no notebook (BookCommandTests checks the CLI's one line).
/// </summary>
public class BookOutputFolderTests
{
    private const string Parameter = "BookOptions.OutputDirectory";

    public static TheoryData<string, string> BadOutputs() => new()
    {
        // output folder ({nb} = the notebooks folder, {tmp} = a fresh temp folder), what the message says
        { "{nb}", "is the notebooks folder" },
        { "{nb}/", "is the notebooks folder" },
        { "{nb}/../nb", "is the notebooks folder" },
        { "{tmp}/link-to-nb", "is the notebooks folder" },
        { "{tmp}/link-to-nb/site", "is inside the notebooks folder" },
        { "{nb}/site", "is inside the notebooks folder" },
        { "{nb}/src/deeper", "is inside the notebooks folder" },
        { "{tmp}", "contains the notebooks folder" },
        { "/", "contains the notebooks folder" },
        { "{tmp}/a-file", "is a file" },
        { "", "empty" },
        { "   ", "empty" },
        { "{tmp}/missing/site", "does not exist" },
        { "{tmp}/a-file/site", "does not exist" },
        { "/sys/golab-book-test", "not writable" }, // sysfs refuses mkdir, even for root
    };

    [Theory]
    [MemberData(nameof(BadOutputs))]
    public async Task A_bad_output_folder_is_refused_naming_the_parameter_and_the_path_and_nothing_is_written(string value, string says)
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.File("nb/src"));
        TestNotebook.Write(dir.File("nb/01-one.ipynb"), ("code", "System.IO.File.WriteAllText(\"ran.txt\", \"x\");"));
        File.WriteAllText(dir.File("a-file"), "not a folder");
        Directory.CreateSymbolicLink(dir.File("link-to-nb"), dir.File("nb"));
        var before = Entries(dir.Path);
        var output = value.Replace("{nb}", dir.File("nb"), StringComparison.Ordinal).Replace("{tmp}", dir.Path, StringComparison.Ordinal);
        if (value.StartsWith("/sys", StringComparison.Ordinal) && !Directory.Exists("/sys")) return; // no sysfs here: nothing to check

        var e = await Assert.ThrowsAsync<KitInputException>(() => BookBuilder.BuildAsync(new BookOptions(dir.File("nb"), output, () => [])));

        Assert.Equal(Parameter, e.Parameter);
        Assert.Contains(says, e.Message, StringComparison.Ordinal);
        if (value.Trim().Length > 0) Assert.Contains(Path.TrimEndingDirectorySeparator(Path.GetFullPath(output)), e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
        Assert.DoesNotContain("--", e.Message, StringComparison.Ordinal); // the engine names its own parameter, not a flag
        Assert.Equal(before, Entries(dir.Path)); // nothing ran, nothing created, the sources untouched
    }

    [Fact]
    public async Task A_missing_output_folder_is_created_but_not_its_parents_and_an_existing_one_is_reused()
    {
        using var dir = new TempDir();
        TestNotebook.Write(dir.File("nb/01-one.ipynb"), ("code", "1 + 1"));

        var first = await BookBuilder.BuildAsync(new BookOptions(dir.File("nb"), dir.File("site"), () => "//js"u8.ToArray()));
        var again = await BookBuilder.BuildAsync(new BookOptions(dir.File("nb"), dir.File("site/"), () => "//js"u8.ToArray()));

        Assert.False(first.Failed);
        Assert.Equal(dir.File("site"), first.OutputDirectory);
        Assert.Equal(first.OutputDirectory, again.OutputDirectory);
        Assert.True(File.Exists(dir.File("site/01-one.html")));
        Assert.Empty(Directory.GetFiles(dir.File("site"), ".golab-write-test-*"));
    }

    // Every path under root with its size and mtime (files) — what "nothing changed" means here.
    private static Dictionary<string, (long, DateTime)> Entries(string root) =>
        new DirectoryInfo(root).EnumerateFileSystemInfos("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .ToDictionary(i => Path.GetRelativePath(root, i.FullName), i => (i is FileInfo f ? f.Length : -1, i.LastWriteTimeUtc));
}
