using GoRuntimeLab;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Documents.Jupyter;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;

namespace GoRuntimeLab.Notebooks.Runner;

/// <summary>
/// Executes a .ipynb cell by cell in this process (no Jupyter, no Python) and collects every output.
/// </summary>
/// <remarks>
/// Relative paths in <c>#r</c>, <c>#!import</c> and <c>#load</c> resolve against the process working directory, as
/// in Jupyter where the kernel starts in the notebook's folder; so the runner switches the working directory to
/// the notebook's folder for the run. The working directory is process-wide, hence runs are serialised.
/// </remarks>
public static class NotebookRunner
{
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    /// <summary>Kernel names a notebook may use: C# only (the kit's notebooks are C#).</summary>
    public static KernelInfoCollection KernelInfos()
    {
        var infos = new KernelInfoCollection { new Microsoft.DotNet.Interactive.Documents.KernelInfo("csharp", "C#", ["c#", "cs", "C#"]) };
        infos.DefaultKernelName = "csharp";
        return infos;
    }

    /// <summary>Reads a notebook, naming the file (and line) when it is not valid .ipynb JSON.</summary>
    public static InteractiveDocument Read(string path)
    {
        if (!File.Exists(path))
            throw new KitInputException($"{path}: notebook not found") { FilePath = path, Parameter = "notebook" };
        var text = File.ReadAllText(path);
        try
        {
            using var parsed = JsonDocument.Parse(text); // Notebook.Read's own errors do not say where.
            if (parsed.RootElement.ValueKind != JsonValueKind.Object || !parsed.RootElement.TryGetProperty("cells", out _))
                throw new NotebookFormatException($"{path}: not a Jupyter notebook (no \"cells\" array at the top level)") { FilePath = path };
        }
        catch (JsonException e)
        {
            var line = e.LineNumber is long l ? (int)l + 1 : (int?)null;
            throw new NotebookFormatException($"{path}{(line is null ? "" : $":{line}")}: invalid notebook JSON: {e.Message}", e) { FilePath = path, Line = line };
        }
        try
        {
            return Notebook.Parse(text, KernelInfos());
        }
        catch (Exception e) when (e is not KitInputException)
        {
            throw new NotebookFormatException($"{path}: not a readable notebook: {e.Message}", e) { FilePath = path };
        }
    }

    /// <summary>Writes the executed document as nbformat 4.5 (cell ids kept), atomically: a temp file renamed into
    /// place, so a crash never leaves a half-written notebook.</summary>
    public static void Write(InteractiveDocument document, string path) =>
        AtomicFile.Write(path, stream => Notebook.Write(document, stream, KernelInfos()));

    /// <summary>Reads a notebook and checks, before anything runs, that its references to the kit's libraries
    /// resolve (<see cref="KitReferences"/>). Returns the document and the code each cell will submit (null for
    /// markdown), the kit references pointing at the assemblies this process runs.</summary>
    /// <exception cref="KitInputException">Unreadable notebook, or a kit library that is neither built nor shipped.</exception>
    public static (InteractiveDocument Document, IReadOnlyList<string?> Code) Prepare(string path)
    {
        var fullPath = Path.GetFullPath(path);
        var document = Read(fullPath);
        var folder = Path.GetDirectoryName(fullPath)!;
        var code = document.Elements
            .Select((e, i) => IsCode(e) ? KitReferences.Resolve(e.Contents, folder, fullPath, i) : null)
            .ToList();
        return (document, code);
    }

    public static async Task<NotebookRunResult> RunAsync(string path, NotebookRunOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= NotebookRunOptions.Default;
        var fullPath = Path.GetFullPath(path);
        var (document, code) = Prepare(fullPath);
        await OneAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
        var previousDirectory = Directory.GetCurrentDirectory();
        try
        {
            Directory.SetCurrentDirectory(Path.GetDirectoryName(fullPath)!);
            using var kernel = KitKernel.Create();
            return await RunCellsAsync(kernel, fullPath, document, code, options, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Directory.SetCurrentDirectory(previousDirectory);
            OneAtATime.Release();
        }
    }

    private static async Task<NotebookRunResult> RunCellsAsync(CompositeKernel kernel, string path, InteractiveDocument document,
        IReadOnlyList<string?> code, NotebookRunOptions options, CancellationToken cancellationToken)
    {
        var total = Stopwatch.StartNew();
        var name = Path.GetFileName(path);
        var codeCount = document.Elements.Count(IsCode);
        var results = new List<CellResult>();
        var codeNumber = 0;
        var executionCount = 0;
        var stop = false;
        for (var index = 0; index < document.Elements.Count; index++)
        {
            var element = document.Elements[index];
            var id = string.IsNullOrEmpty(element.Id) ? null : element.Id;
            if (!IsCode(element))
            {
                results.Add(new CellResult(index, id, "markdown", CellStatus.NotCode, TimeSpan.Zero, [], null));
                continue;
            }
            codeNumber++;
            element.Outputs.Clear();
            if (stop)
            {
                element.ExecutionOrder = 0;
                results.Add(new CellResult(index, id, "code", CellStatus.Skipped, TimeSpan.Zero, [], null));
                continue;
            }
            options.Progress?.Report(new NotebookProgress(name, codeNumber, codeCount, index, total.Elapsed, null));
            var clock = Stopwatch.StartNew();
            var (outputs, error) = await ExecuteAsync(kernel, code[index]!, options.CellTimeout, cancellationToken).ConfigureAwait(false);
            element.ExecutionOrder = ++executionCount;
            foreach (var output in outputs)
            {
                if (output is ReturnValueElement r) r.ExecutionOrder = executionCount;
                element.Outputs.Add(output);
            }
            var status = error is null ? CellStatus.Succeeded : CellStatus.Failed;
            var result = new CellResult(index, id, "code", status, clock.Elapsed, outputs, error);
            results.Add(result);
            options.Progress?.Report(new NotebookProgress(name, codeNumber, codeCount, index, total.Elapsed, status));
            if (error is not null && (options.StopOnError || error.StartsWith(TimedOut, StringComparison.Ordinal))) stop = true;
        }
        return new NotebookRunResult(path, document, results, total.Elapsed);
    }

    private const string TimedOut = "cell timed out";

    private static bool IsCode(InteractiveDocumentElement e) => e.KernelName is not ("markdown" or "md" or "raw");

    private static async Task<(List<InteractiveDocumentOutputElement> Outputs, string? Error)> ExecuteAsync(
        CompositeKernel kernel, string code, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var outputs = new List<InteractiveDocumentOutputElement>();
        var byValueId = new Dictionary<string, int>();
        var send = kernel.SendAsync(new SubmitCode(code, kernel.DefaultKernelName), cancellationToken);
        var finished = await Task.WhenAny(send, Task.Delay(timeout, cancellationToken)).ConfigureAwait(false);
        if (finished != send)
        {
            var message = $"{TimedOut} after {timeout.TotalSeconds:0} s";
            outputs.Add(new ErrorElement("TimeoutError", message, []));
            return (outputs, message);
        }
        var result = await send.ConfigureAwait(false);
        string? error = null;
        foreach (var e in result.Events)
        {
            switch (e)
            {
                // Order matters: stdout/stderr and errors are DisplayEvents too.
                case StandardOutputValueProduced o:
                    AppendText(outputs, "stdout", Plain(o));
                    break;
                case StandardErrorValueProduced o:
                    AppendText(outputs, "stderr", Plain(o));
                    break;
                case ErrorProduced o:
                    outputs.Add(new ErrorElement("Error", o.Message, []));
                    error ??= o.Message;
                    break;
                case CommandFailed f:
                    var message = f.Exception is { } ex ? $"{ex.GetType().Name}: {ex.Message}" : f.Message;
                    outputs.Add(new ErrorElement(f.Exception?.GetType().Name ?? "Error", message,
                        f.Exception?.StackTrace?.Split('\n') ?? []));
                    error = message;
                    break;
                case ReturnValueProduced o:
                    var rv = new ReturnValueElement();
                    foreach (var v in o.FormattedValues) rv.Data[v.MimeType] = v.Value;
                    outputs.Add(rv);
                    break;
                case DisplayedValueUpdated o when o.ValueId is not null && byValueId.TryGetValue(o.ValueId, out var at):
                    outputs[at] = Display(o);
                    break;
                case DisplayEvent o:
                    if (o.ValueId is not null) byValueId[o.ValueId] = outputs.Count;
                    outputs.Add(Display(o));
                    break;
            }
        }
        return (outputs, error);
    }

    private static DisplayElement Display(DisplayEvent e) =>
        new(e.FormattedValues.ToDictionary(f => f.MimeType, f => (object)f.Value));

    private static string Plain(DisplayEvent e) =>
        e.FormattedValues.FirstOrDefault(f => f.MimeType == PlainTextFormatter.MimeType)?.Value
        ?? e.FormattedValues.FirstOrDefault()?.Value ?? e.Value?.ToString() ?? "";

    // Consecutive writes to the same stream become one output, as Jupyter shows them.
    private static void AppendText(List<InteractiveDocumentOutputElement> outputs, string stream, string text)
    {
        if (outputs.Count > 0 && outputs[^1] is TextElement last && last.Name == stream)
            outputs[^1] = new TextElement(last.Text + text, stream);
        else
            outputs.Add(new TextElement(text, stream));
    }
}
