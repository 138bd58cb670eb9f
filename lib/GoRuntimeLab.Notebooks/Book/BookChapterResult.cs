using GoRuntimeLab.Notebooks.Runner;

namespace GoRuntimeLab.Notebooks.Book;

/// <summary>One rendered chapter: the run, the page written, and the process's peak memory after it.</summary>
public sealed record BookChapterResult(CourseChapter? Chapter, NotebookRunResult Run, string PagePath, string ExecutedNotebookPath,
    long PeakWorkingSetBytes, IReadOnlyList<(string Id, string Html)> Sections);
