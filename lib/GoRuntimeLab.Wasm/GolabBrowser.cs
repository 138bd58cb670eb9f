using System.Runtime.InteropServices.JavaScript;
using System.Runtime.Versioning;
using System.Text;
using System.Text.Json;
using GoRuntimeLab.Cli.Infrastructure;

namespace GoRuntimeLab.Wasm;

/// <summary>
/// The one entry the book's live widgets call: runs golab's own command line (<see cref="GolabCli.RunAsync"/>) with
/// an argument list and returns what it printed, exactly as <c>golab … --json</c> would on a terminal.
/// </summary>
[SupportedOSPlatform("browser")]
public static partial class GolabBrowser
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// <summary>
    /// Runs <c>golab</c> with <paramref name="argsJson"/> (a JSON array of strings) and returns a JSON object
    /// <c>{exitCode, stdout, stderr}</c>; stdout is the command's JSON document when the arguments include --json.
    /// </summary>
    [JSExport]
    public static async Task<string> Run(string argsJson)
    {
        var args = JsonSerializer.Deserialize(argsJson, BrowserJson.Default.StringArray) ?? [];
        await Gate.WaitAsync().ConfigureAwait(false);
        var stdout = Console.Out;
        var stderr = Console.Error;
        try
        {
            var outText = new StringWriter(new StringBuilder()) { NewLine = "\n" };
            var errText = new StringWriter(new StringBuilder()) { NewLine = "\n" };
            Console.SetOut(outText);
            Console.SetError(errText);
            var code = await GolabCli.RunAsync(args).ConfigureAwait(false);
            return JsonSerializer.Serialize(new BrowserRun(code, outText.ToString(), errText.ToString()), BrowserJson.Default.BrowserRun);
        }
        finally
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
            Gate.Release();
        }
    }
}
