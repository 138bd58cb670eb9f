using System.Globalization;
using System.Text;

namespace GoRuntimeLab.Charts;

/// <summary>What the kernel a notebook runs in can do: shown by the first cell of every chapter.</summary>
/// <param name="Host">Which kernel: the kit's in-process engine, the kit kernel (golab-csharp) or a stock
/// dotnet-interactive kernel.</param>
/// <param name="DotNet">Runtime description, e.g. ".NET 10.0.12".</param>
/// <param name="Os">Operating system description.</param>
/// <param name="FSharpCore">Version of the FSharp.Core assembly loaded in the process (Plotly.NET 6 needs 10.1).</param>
/// <param name="PlotlyNet">Plotly.NET version when its charts work here, else null.</param>
/// <param name="Go">The Go toolchain on PATH (e.g. "go1.19.8 linux/amd64"), else null: notebooks then replay
/// recordings from data/.</param>
/// <param name="Problem">Why charts cannot draw here, in Chinese and English, with the fix; null when they can.</param>
public sealed record KitEnvironment(string Host, string DotNet, string Os, string? FSharpCore, string? PlotlyNet, string? Go, string? Problem)
{
    public bool ChartsWork => PlotlyNet is not null;

    public bool GoAvailable => Go is not null;

    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"kernel      {Host}");
        sb.AppendLine(CultureInfo.InvariantCulture, $".NET        {DotNet} on {Os}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"FSharp.Core {FSharpCore ?? "not loaded"}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"Plotly.NET  {PlotlyNet ?? "cannot load here"}");
        sb.Append(CultureInfo.InvariantCulture, $"Go          {Go ?? "not on PATH (recordings from data/ are used)"}");
        if (Problem is not null) sb.AppendLine().Append(Problem);
        return sb.ToString();
    }
}
