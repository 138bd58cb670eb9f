// Mirrors: github.com/google/pprof internal/report (printText, reportLabels, ProfileLabels), Go 1.19-1.23.
// Simplified: text report only.
using System.Globalization;
using System.Text;

namespace GoRuntimeLab.Pprof;

/// <summary>
/// What <c>go tool pprof -top</c> prints: header labels (File/Type/Time/Duration/Showing nodes…), then one
/// <see cref="TopRow"/> per function sorted by |flat| descending, then by name.
/// </summary>
/// <param name="SampleType">The sample type reported (e.g. cpu/nanoseconds).</param>
/// <param name="Total">Σ|value| over all samples (before focus/ignore, as pprof does), in the sample type's unit.</param>
/// <param name="Labels">The header lines.</param>
/// <param name="Rows">The rows, in pprof's order.</param>
/// <param name="OutputUnit">The unit pprof chose for the texts (e.g. "s", "ms", "kB", "MB").</param>
/// <param name="DroppedNodes">Nodes dropped for |cum| below the node fraction.</param>
public sealed record PprofTopReport(PprofValueType SampleType, long Total, IReadOnlyList<string> Labels, IReadOnlyList<TopRow> Rows, string OutputUnit, int DroppedNodes)
{
    /// <summary>The report's full text, byte for byte what <c>go tool pprof -top</c> writes to stdout.</summary>
    public string Text
    {
        get
        {
            var sb = new StringBuilder();
            foreach (var l in Labels) sb.Append(l).Append('\n');
            sb.Append(CultureInfo.InvariantCulture, $"{"flat",10} {"flat",5}% {"sum",5}% {"cum",10} {"cum",5}%\n");
            foreach (var r in Rows) sb.Append(r.Line).Append('\n');
            return sb.ToString();
        }
    }

    public override string ToString() => Text;
}
