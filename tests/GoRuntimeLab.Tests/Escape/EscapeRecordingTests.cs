using System.Text.RegularExpressions;
using GoRuntimeLab.Escape;

namespace GoRuntimeLab.Tests.Escape;

/// <summary>Every recorded compiler output (curated cases and the compiler's own tests, Go 1.19.8 and 1.23.5) parses
/// completely, and the parser's counts agree with a plain text search of the same file.</summary>
public partial class EscapeRecordingTests
{
    public static TheoryData<string> Outputs => EscapeData.AllOutputNames();

    [Theory]
    [MemberData(nameof(Outputs))]
    public void Every_line_is_classified(string name)
    {
        var path = Path.Combine(EscapeData.Recordings, name);
        var report = EscapeParser.ParseFile(path);
        Assert.Empty(report.Other);
        Assert.Equal(0, report.Count(EscapeKind.Other));
        var text = name.EndsWith(".txt", StringComparison.Ordinal) ? GoRuntimeLab.GoTool.GoRecording.Read(path).Stderr : File.ReadAllText(path);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        // Each output line is a finding's own line, one of its explanation lines (an orphan explanation's header is its
        // first flow line), or a "# package" line.
        var accounted = report.Findings.Sum(f => f.Kind == EscapeKind.Explanation ? f.Flow.Count : 1 + f.Flow.Count) + report.Packages.Count;
        Assert.Equal(lines.Length, accounted);
    }

    [Theory]
    [MemberData(nameof(Outputs))]
    public void Counts_per_kind_equal_a_plain_text_search(string name)
    {
        var path = Path.Combine(EscapeData.Recordings, name);
        var report = EscapeParser.ParseFile(path);
        var text = name.EndsWith(".txt", StringComparison.Ordinal) ? GoRuntimeLab.GoTool.GoRecording.Read(path).Stderr : File.ReadAllText(path);
        var messages = text.Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => Message().Match(l).Groups[1].Value).ToList();
        int Search(Func<string, bool> p) => messages.Count(p);
        Assert.Equal(Search(m => m.StartsWith("moved to heap: ", StringComparison.Ordinal)), report.Count(EscapeKind.MovedToHeap));
        Assert.Equal(Search(m => m.EndsWith(" escapes to heap", StringComparison.Ordinal)), report.Count(EscapeKind.EscapesToHeap));
        Assert.Equal(Search(m => m.EndsWith(" does not escape", StringComparison.Ordinal) || m.EndsWith(" does not escape, mutate, or call", StringComparison.Ordinal)),
            report.Count(EscapeKind.DoesNotEscape));
        Assert.Equal(Search(m => m.StartsWith("leaking param: ", StringComparison.Ordinal) && !m.Contains(" to result ", StringComparison.Ordinal)), report.Count(EscapeKind.LeakingParam));
        Assert.Equal(Search(m => m.StartsWith("leaking param: ", StringComparison.Ordinal) && m.Contains(" to result ", StringComparison.Ordinal)), report.Count(EscapeKind.LeakingParamToResult));
        Assert.Equal(Search(m => m.StartsWith("leaking param content: ", StringComparison.Ordinal)), report.Count(EscapeKind.LeakingParamContent));
        Assert.Equal(Search(m => m.StartsWith("can inline ", StringComparison.Ordinal)), report.Count(EscapeKind.CanInline));
        Assert.Equal(Search(m => m.StartsWith("inlining call to ", StringComparison.Ordinal)), report.Count(EscapeKind.InliningCall));
        Assert.Equal(Search(m => m.StartsWith("cannot inline ", StringComparison.Ordinal)), report.Count(EscapeKind.CannotInline));
        Assert.Equal(Search(m => m.Contains(" capturing by ref: ", StringComparison.Ordinal)), report.Count(EscapeKind.CapturedByRef));
        Assert.Equal(Search(m => m.Contains(" capturing by value: ", StringComparison.Ordinal)), report.Count(EscapeKind.CapturedByValue));
        Assert.Equal(Search(m => m.Contains("devirtualizing ", StringComparison.Ordinal)), report.Count(EscapeKind.Devirtualized));
        Assert.Equal(Search(m => m.Contains(" ignoring self-assignment in ", StringComparison.Ordinal)), report.Count(EscapeKind.IgnoredSelfAssignment));
        // -m=2 explanation headers end in ':'; each is either attached to a conclusion or an orphan.
        var headers = Search(m => m.EndsWith(':') && (m.StartsWith("parameter ", StringComparison.Ordinal) || m.EndsWith(" escapes to heap:", StringComparison.Ordinal)));
        var attached = report.Findings.Where(f => f.Kind != EscapeKind.Explanation).Sum(f => f.Flow.Count(l => !l.StartsWith(' ') && !l.StartsWith('\t')));
        Assert.Equal(headers, attached + report.Count(EscapeKind.Explanation));
    }

    [Fact]
    public void The_m2_recordings_explain_every_heap_verdict_of_the_curated_cases()
    {
        foreach (var version in EscapeData.Versions)
        {
            var m1 = EscapeParser.ParseFile(EscapeData.Recording(version, 1));
            var m2 = EscapeParser.ParseFile(EscapeData.Recording(version, 2));
            // -m=2 prints the same verdicts as -m, plus explanations: the heap verdicts are identical.
            foreach (var kind in (EscapeKind[])[EscapeKind.MovedToHeap, EscapeKind.EscapesToHeap, EscapeKind.DoesNotEscape, EscapeKind.LeakingParam, EscapeKind.LeakingParamContent, EscapeKind.LeakingParamToResult])
                Assert.Equal(m1.OfKind(kind).Select(f => (f.Position, f.Name)).Order(), m2.OfKind(kind).Select(f => (f.Position, f.Name)).Order());
            Assert.All(m2.OfKind(EscapeKind.MovedToHeap), f => Assert.Contains(f.Flow, l => l.Contains("flow:", StringComparison.Ordinal)));
            Assert.Equal(0, m1.Count(EscapeKind.CannotInline));
            Assert.True(m2.Count(EscapeKind.CannotInline) > 0);
        }
    }

    [Fact]
    public void No_recording_holds_an_absolute_path_of_the_recording_machine()
    {
        var files = Directory.EnumerateFiles(EscapeData.Recordings, "*", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(EscapeData.CaseDir, "*", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".txt", StringComparison.Ordinal) || f.EndsWith(".out", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal)).ToList();
        Assert.True(files.Count > 50, $"expected the escape recordings, found {files.Count} files");
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            foreach (var marker in (string[])["/home/", "/root/", "/work/", "/tmp/", "/opt/", "/usr/", "C:\\", EscapeData.Root])
                Assert.False(text.Contains(marker, StringComparison.Ordinal), $"{file} contains \"{marker}\"");
        }
    }

    [GeneratedRegex(@"^(?:<autogenerated>|[^\s:]*\.go):\d+(?::\d+)?: (.*)$")]
    private static partial Regex Message();
}
