using System.Text;
using Microsoft.DotNet.Interactive.Documents;

namespace GoRuntimeLab.Notebooks.Runner;

/// <summary>The executed notebook: per-cell results and the document with its new outputs, ready to write.</summary>
public sealed record NotebookRunResult(string NotebookPath, InteractiveDocument Document, IReadOnlyList<CellResult> Cells, TimeSpan Elapsed)
{
    public bool Failed => Cells.Any(c => c.Failed);

    public IEnumerable<CellResult> FailedCells => Cells.Where(c => c.Failed);

    public int CodeCellCount => Cells.Count(c => c.Kind == "code");

    /// <summary>Every output of every cell, with the cell it came from.</summary>
    public IEnumerable<(CellResult Cell, InteractiveDocumentOutputElement Output)> AllOutputs =>
        Cells.SelectMany(c => c.Outputs.Select(o => (c, o)));

    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append(Path.GetFileName(NotebookPath)).Append(": ")
          .Append(Failed ? "FAILED" : "ok").Append(", ")
          .Append(CodeCellCount).Append(" code cells in ").Append(Elapsed.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)).Append(" s");
        foreach (var c in FailedCells) sb.AppendLine().Append("  ").Append(c);
        return sb.ToString();
    }
}
