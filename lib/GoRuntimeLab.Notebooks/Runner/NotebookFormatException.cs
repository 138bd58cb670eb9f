using GoRuntimeLab;
namespace GoRuntimeLab.Notebooks.Runner;

/// <summary>A notebook file that is not valid .ipynb JSON (or not a notebook at all). The message names the file
/// and, where the JSON reader knows it, the line.</summary>
public sealed class NotebookFormatException : KitInputException
{
    public NotebookFormatException(string message, Exception inner) : base(message, inner) { }

    public NotebookFormatException(string message) : base(message) { }

    public NotebookFormatException() { }
}
