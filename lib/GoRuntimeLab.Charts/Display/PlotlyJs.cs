using System.Reflection;

namespace GoRuntimeLab.Charts.Display;

/// <summary>
/// The plotly.js that Plotly.NET embeds (so charts work offline), and where to load it from when a page has none.
/// </summary>
public static class PlotlyJs
{
    /// <summary>The plotly.js version embedded in Plotly.NET 6.0.0.</summary>
    public const string Version = "2.28.0";

    /// <summary>Manifest resource name of the minified script inside Plotly.NET.dll.</summary>
    public const string ResourceName = "Plotly.NET.plotly-" + Version + ".min.js";

    /// <summary>Used by a notebook output only when the page has no <c>window.Plotly</c> and no
    /// <c>window.golabPlotlyUrl</c> (Jupyter/VS Code with network); the book ships its own copy.</summary>
    public const string CdnUrl = "https://cdn.plot.ly/plotly-" + Version + ".min.js";

    /// <summary>Reads the embedded script. Only reads a resource: Plotly.NET's types are not touched, so this works
    /// even where FSharp.Core 10.1 is missing.</summary>
    public static byte[] ReadEmbedded()
    {
        var assembly = PlotlyNetAssembly();
        using var stream = assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"{assembly.Location} has no resource {ResourceName}");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static Assembly PlotlyNetAssembly()
    {
        // By file, next to this library (copy-local), so no Plotly.NET type has to load.
        var here = Path.GetDirectoryName(typeof(PlotlyJs).Assembly.Location)!;
        var path = Path.Combine(here, "Plotly.NET.dll");
        return File.Exists(path)
            ? Assembly.Load(File.ReadAllBytes(path))
            : Assembly.Load(new AssemblyName("Plotly.NET"));
    }
}
