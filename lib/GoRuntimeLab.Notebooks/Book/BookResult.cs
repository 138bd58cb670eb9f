using System.Globalization;
using System.Text;
using GoRuntimeLab.Notebooks.Runner;

namespace GoRuntimeLab.Notebooks.Book;

/// <summary>The whole book: per-chapter results and the timing table printed at the end.</summary>
public sealed record BookResult(string OutputDirectory, string IndexPath, string PlotlyJsPath, IReadOnlyList<BookChapterResult> Chapters, TimeSpan Elapsed)
{
    public bool Failed => Chapters.Any(c => c.Run.Failed);

    /// <summary>A plain table: notebook, code cells, failed, seconds, peak memory.</summary>
    public string TimingTable()
    {
        var sb = new StringBuilder();
        sb.AppendLine("notebook                          cells  failed  seconds  peak MB");
        foreach (var c in Chapters)
        {
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"{Path.GetFileName(c.Run.NotebookPath),-33} {c.Run.CodeCellCount,5}  {c.Run.FailedCells.Count(),6}  {c.Run.Elapsed.TotalSeconds,7:0.00}  {c.PeakWorkingSetBytes / 1048576.0,7:0}");
        }
        sb.Append(CultureInfo.InvariantCulture, $"{"total",-33} {Chapters.Sum(c => c.Run.CodeCellCount),5}  {Chapters.Sum(c => c.Run.FailedCells.Count()),6}  {Elapsed.TotalSeconds,7:0.00}");
        return sb.ToString();
    }

    public override string ToString() => TimingTable();
}
