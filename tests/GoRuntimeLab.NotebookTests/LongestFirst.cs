using Xunit.Abstractions;

[assembly: TestCollectionOrderer("GoRuntimeLab.NotebookTests.LongestFirst", "GoRuntimeLab.NotebookTests")]

namespace GoRuntimeLab.NotebookTests;

/// <summary>
/// Starts the collections that wait longest on other processes first (the fresh checkout's build and book, real
/// Jupyter, the kernel installs), so the short ones fill the gaps instead of delaying them. Collections run in
/// parallel (xunit.runner.json): the notebooks run in child processes, and the in-process runner tests use small
/// notebooks (the runner moves this process's working directory, which no other test relies on: every child process
/// is started with its own).
/// </summary>
public sealed class LongestFirst : ITestCollectionOrderer
{
    private static readonly string[] Longest = [SharedBook.Name, nameof(JupyterKernelTests), nameof(JupyterStockKernelTests), nameof(KernelInstallTests)];

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections
            .OrderBy(c => Rank(c.DisplayName))
            .ThenBy(c => c.DisplayName, StringComparer.Ordinal);

    private static int Rank(string displayName)
    {
        for (var i = 0; i < Longest.Length; i++)
            if (displayName.EndsWith(Longest[i], StringComparison.Ordinal)) return i;
        return Longest.Length;
    }
}
