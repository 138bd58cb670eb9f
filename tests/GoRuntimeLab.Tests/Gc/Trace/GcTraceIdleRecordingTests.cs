using GoRuntimeLab.Gc.Trace;
using GoRuntimeLab.Testing;

namespace GoRuntimeLab.Tests.Gc.Trace;

/// <summary>The idle-machine gcload recordings (data/recordings/gc-idle) parse line for line like the others.</summary>
public class GcTraceIdleRecordingTests
{
    [Fact]
    public void Every_gc_line_of_the_idle_recordings_parses_and_reformats_exactly()
    {
        var files = Directory.GetFiles(Path.Combine(Requirement.RepoRoot(), "data", "recordings", "gc-idle"), "*.txt");
        Assert.Equal(21, files.Length);
        foreach (var file in files)
        {
            var log = GcTraceParser.ParseFile(file);
            var expected = File.ReadAllLines(file).Where(GcTraceParser.IsGcLine).ToList();
            Assert.Equal(expected.Count, log.Lines.Count);
            foreach (var (line, text) in log.Lines.Zip(expected))
                Assert.Equal(text, GcTraceFormatter.Format(GcTraceCycle.FromLine(line)));
        }
    }
}
