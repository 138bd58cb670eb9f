namespace GoRuntimeLab.Notebooks.Book;

/// <summary>One chapter of the course: its number ("01"), notebook file, title and planned sections.</summary>
public sealed record CourseChapter(string Number, string Notebook, string Title, string Summary, IReadOnlyList<string> Sections)
{
    public string Page => Path.ChangeExtension(Notebook, ".html");
}
