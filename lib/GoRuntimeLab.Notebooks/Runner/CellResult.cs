using Microsoft.DotNet.Interactive.Documents;

namespace GoRuntimeLab.Notebooks.Runner;

/// <summary>What happened to one cell. <see cref="Index"/> is the 0-based position among all cells of the
/// notebook (markdown included), so it matches what Jupyter and VS Code show.</summary>
public sealed record CellResult(
    int Index,
    string? Id,
    string Kind,
    CellStatus Status,
    TimeSpan Elapsed,
    IReadOnlyList<InteractiveDocumentOutputElement> Outputs,
    string? Error)
{
    public bool Failed => Status == CellStatus.Failed;

    /// <summary>The MIME types of every display/return output, in order (for tests and reports).</summary>
    public IEnumerable<string> MimeTypes => Outputs.SelectMany(o => o switch
    {
        DisplayElement d => d.Data.Keys,
        ReturnValueElement r => r.Data.Keys,
        TextElement t => [t.Name == "stderr" ? "stderr" : "stdout"],
        ErrorElement => ["error"],
        _ => Array.Empty<string>(),
    });

    public override string ToString() =>
        $"cell {Index}{(Id is null ? "" : $" ({Id})")} {Kind} {Status} {Elapsed.TotalSeconds:0.00}s" + (Error is null ? "" : $": {Error}");
}
