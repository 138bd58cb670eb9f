// Mirrors: cmd/compile's escape verdicts (escape.go) and the implicit-allocation limit of ir/cfg.go
// (MaxImplicitStackVarSize, 64 KiB), Go 1.19–1.23. Simplified: without Go, an answer is checked against the rule as the
// recording shows it (the largest constant make size recorded as "does not escape"), not compiled.
using System.Globalization;
using System.Text.RegularExpressions;
using GoRuntimeLab.GoTool;
using GoRuntimeLab.Labs;

namespace GoRuntimeLab.Escape;

/// <summary>Checks the section 2.2 "nothing on the heap" lab (02.2-no-heap) against the real compiler, or against its recorded output.</summary>
public static partial class EscapeExercise
{
    /// <summary>
    /// "Rewrite <paramref name="function"/> so nothing in it goes to the heap." With Go, <paramref name="goSource"/> (a whole
    /// file, package clause included) is compiled with -gcflags=-m and the function must have no
    /// "moved to heap"/"escapes to heap" finding. Without Go, every make/new in the function must have a constant size no
    /// larger than the largest constant size recorded as "does not escape" in <paramref name="recordingPath"/>, and the
    /// function must return no pointer, slice or map — the rule as the recording shows it; the feedback says which check ran.
    /// </summary>
    public static async Task<LabVerdict> CheckNoHeapAsync(string goSource, string function, string recordingPath,
        GoToolchain? toolchain, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(function);
        if (string.IsNullOrWhiteSpace(goSource)) return LabVerdict.Wrong("答案是空的：应当是一个完整的 Go 源文件。");
        var index = GoFunctionIndex.FromSources([("answer.go", goSource)]);
        if (!index.Functions.Any(f => f.Name == function))
            return LabVerdict.Wrong($"答案里没有函数 {function} (no func {function} in your answer)");

        if (toolchain is not null)
        {
            var dir = Path.Combine(Path.GetTempPath(), "golab-exercise-" + Guid.NewGuid().ToString("N")[..12]);
            Directory.CreateDirectory(dir);
            try
            {
                var file = Path.Combine(dir, "answer.go");
                await File.WriteAllTextAsync(file, goSource, cancellationToken).ConfigureAwait(false);
                EscapeReport report;
                try
                {
                    report = await EscapeRunner.RunAsync(file, 1, toolchain, cancellationToken).ConfigureAwait(false);
                }
                catch (GoBuildException e)
                {
                    return LabVerdict.Wrong($"编译失败 does not compile: {e.Build?.Stderr.Trim() ?? e.Message}");
                }
                var row = EscapeByFunction.Tabulate(report, index).First(r => r.Function == function);
                var heap = row.Findings.Where(f => f.Kind is EscapeKind.MovedToHeap or EscapeKind.EscapesToHeap).Select(f => f.RawText).ToList();
                var source = $"（本机 Go 编译 compiled with {toolchain.Description}）";
                return heap.Count == 0
                    ? LabVerdict.Right($"{function} 中没有堆分配 nothing goes to the heap {source}")
                    : LabVerdict.Wrong($"仍然逃逸 still on the heap: {string.Join("; ", heap)} {source}");
            }
            finally
            {
                try { Directory.Delete(dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            }
        }

        var limit = LargestConstantMakeOnStack(EscapeParser.ParseFile(recordingPath));
        var (_, start, end, _) = index.Functions.First(f => f.Name == function);
        var body = string.Join('\n', goSource.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')[(start - 1)..end]);
        var problems = new List<string>();
        foreach (Match m in MakeCall().Matches(body))
        {
            var element = ElementSize(m.Groups["elem"].Value.Trim());
            if (element is null)
            {
                problems.Add($"{m.Value}: 没有 Go 时只能检查基本元素类型 offline check knows only basic element types");
                continue;
            }
            foreach (var size in m.Groups["sizes"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (!long.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                    problems.Add($"{m.Value}: 大小 {size} 不是常量 size is not a constant");
                else if (n * element > limit)
                    problems.Add($"{m.Value}: {n * element} 字节超过录制中留在栈上的最大 make {limit} 字节 more bytes than the largest recorded stack make");
            }
        }
        if (ReturnsReference().IsMatch(body)) problems.Add("函数返回了指针/切片/map returns a reference");
        var note = $"（本机没有 Go，按录制的规则检查 no Go here: checked against {GoProgram.DisplayPath(recordingPath)}）";
        return problems.Count == 0
            ? LabVerdict.Right(note)
            : LabVerdict.Wrong(string.Join("; ", problems) + " " + note);
    }

    /// <summary>The largest size in bytes of a recorded "make([]T, N) does not escape" with a basic T (1.21+ prints N folded, e.g. 65536).</summary>
    public static long LargestConstantMakeOnStack(EscapeReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sizes = report.OfKind(EscapeKind.DoesNotEscape).Select(f => RecordedMake().Match(f.Name))
            .Where(m => m.Success && ElementSize(m.Groups["elem"].Value) is not null)
            .Select(m => long.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture) * ElementSize(m.Groups["elem"].Value)!.Value).ToList();
        return sizes.Count == 0 ? throw KitInputException.For("the recording holds no constant make that stays on the stack", file: report.FileName) : sizes.Max();
    }

    // Sizes on 64-bit platforms (the recordings are linux/amd64): what the compiler multiplies the length by.
    private static long? ElementSize(string type) => type switch
    {
        "byte" or "uint8" or "int8" or "bool" => 1,
        "int16" or "uint16" => 2,
        "int32" or "uint32" or "float32" or "rune" => 4,
        "int" or "uint" or "int64" or "uint64" or "float64" or "uintptr" or "complex64" => 8,
        "string" or "complex128" => 16,
        _ when type.StartsWith('*') => 8,
        _ => null,
    };

    [GeneratedRegex(@"^make\(\[\](?<elem>[^,]+), (?<n>\d+)\)$")]
    private static partial Regex RecordedMake();

    [GeneratedRegex(@"make\(\[\](?<elem>[^,()]+),(?<sizes>[^)]*)\)")]
    private static partial Regex MakeCall();

    [GeneratedRegex(@"^func[^{]*\)\s*(\*|\[\]|map\[)", RegexOptions.Multiline)]
    private static partial Regex ReturnsReference();
}
