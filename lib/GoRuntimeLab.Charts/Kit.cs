using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using GoRuntimeLab.Charts.Display;

namespace GoRuntimeLab.Charts;

/// <summary>
/// The first call of every chapter notebook: registers the kit's chart formatter and reports what this kernel can
/// do. In a stock .NET Interactive kernel (FSharp.Core 10.0) Plotly.NET 6 cannot load; then this prints, in Chinese
/// and English, what is wrong and the one command that fixes it — no stack trace — and the notebook's non-chart
/// cells still run.
/// </summary>
public static class Kit
{
    /// <summary>The command that installs the kit kernel (run from the repository root).</summary>
    public const string FixCommand = "dotnet run --project lib/GoRuntimeLab.Cli -- kernel install";

    /// <summary>Registers formatters and checks the environment. Safe to call more than once.</summary>
    public static KitEnvironment Setup() => Setup(Console.Out);

    internal static KitEnvironment Setup(TextWriter output)
    {
        string? plotly = null;
        string? problem = null;
        try
        {
            plotly = ProbePlotly();
        }
        catch (Exception e) when (e is FileNotFoundException or FileLoadException or TypeLoadException or TypeInitializationException or MissingMethodException)
        {
            problem = ProblemText(LoadedFSharpCore());
            output.WriteLine(problem);
        }
        return new KitEnvironment(Host(), RuntimeInformation.FrameworkDescription, RuntimeInformation.OSDescription,
            LoadedFSharpCore(), plotly, GoToolchainDescription(), problem);
    }

    internal static string ProblemText(string? fsharpCore) =>
        $"""
        ⚠ 图表无法在此内核中显示 / Charts cannot draw in this kernel.
          原因：Plotly.NET 6 需要 FSharp.Core 10.1，而此内核加载的是 FSharp.Core {fsharpCore ?? "?"}（标准 .NET Interactive 内核自带 10.0）。
          Why: Plotly.NET 6 needs FSharp.Core 10.1; this kernel loaded FSharp.Core {fsharpCore ?? "?"} (the stock .NET Interactive kernel ships 10.0).
          修复 / Fix — 在仓库根目录运行一次 / run once from the repository root:
              {FixCommand}
          然后选择内核 / then pick the kernel "C# (GoRuntimeLab)" (golab-csharp)，重新运行 / and re-run.
          不画图的单元格照常运行 / Cells without charts still run here.
        """;

    // NoInlining: the FSharp.Core 10.1 reference must fail inside this method's JIT, where Setup can catch it.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static string ProbePlotly()
    {
        ChartFormatter.Register();
        var chart = Plotly.NET.CSharp.Chart.Point<double, double, string>(x: [0.0], y: [0.0]);
        _ = Plotly.NET.GenericChart.toFigureJson(chart);
        return typeof(Plotly.NET.GenericChart).Assembly.GetName().Version?.ToString(3) ?? "?";
    }

    private static string? LoadedFSharpCore() =>
        AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == "FSharp.Core")?.GetName().Version?.ToString();

    private static string Host()
    {
        var names = AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName().Name).ToHashSet();
        if (names.Contains("Microsoft.DotNet.Interactive.App"))
        {
            var tool = AppDomain.CurrentDomain.GetAssemblies().First(a => a.GetName().Name == "Microsoft.DotNet.Interactive.App");
            var kit = tool.Location.Contains("golab", StringComparison.OrdinalIgnoreCase) ? "kit kernel golab-csharp" : "stock kernel";
            return $"dotnet-interactive {tool.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion?.Split('+')[0]} ({kit})";
        }
        return names.Contains("golab") ? "golab in-process engine" : "in-process engine";
    }

    private static string? GoToolchainDescription() => GoRuntimeLab.GoTool.GoToolchain.Find()?.Description;
}
