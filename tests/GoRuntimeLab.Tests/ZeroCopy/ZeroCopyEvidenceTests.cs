using GoRuntimeLab.GoTool;
using GoRuntimeLab.ZeroCopy;

namespace GoRuntimeLab.Tests.ZeroCopy;

/// <summary>The recorded evidence against the course text's claims of 4.1: unsafe.Slice on a slice, CopyBuffer's minimum.</summary>
public class ZeroCopyEvidenceTests
{
    private static readonly string[] Versions = ["go1.19.8", "go1.21.13", "go1.22.12", "go1.23.5"];

    [Fact]
    public void Unsafe_slice_of_a_slice_does_not_compile_on_any_recorded_release()
    {
        foreach (var v in Versions)
        {
            var r = GoRecording.Read(Path.Combine(ZeroCopyBenchTests.Recordings, $"badslice-{v}.txt"));
            Assert.NotEqual(0, r.ExitCode);
            Assert.Contains("invalid argument: data[6:] (value of type []byte) is not a pointer", r.Stderr, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Copy_buffer_with_a_zero_length_buffer_panics_on_every_recorded_release()
    {
        foreach (var v in Versions)
        {
            var r = GoRecording.Read(Path.Combine(ZeroCopyBenchTests.Recordings, $"copybuffer-empty-{v}.txt"));
            Assert.Contains("panic: empty buffer in CopyBuffer", r.Stdout, StringComparison.Ordinal);
            Assert.DoesNotContain("no panic", r.Stdout, StringComparison.Ordinal);
        }
    }
}
