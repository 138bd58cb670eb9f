using GoRuntimeLab.GoTool;

namespace GoRuntimeLab.Tests.GoTool;

public class GoVersionLineTests
{
    [Theory]
    [InlineData("go version go1.19.8 linux/amd64", "1.19.8", "linux", "amd64", false, "go1.19.8")]
    [InlineData("go version go1.23.4 darwin/arm64", "1.23.4", "darwin", "arm64", false, "go1.23.4")]
    [InlineData("go version go1.21.0 windows/amd64\r\n", "1.21.0", "windows", "amd64", false, "go1.21.0")]
    [InlineData("go version go1.22rc1 linux/arm64", "1.22", "linux", "arm64", false, "go1.22rc1")]
    // GOEXPERIMENT builds print the experiments between version and platform.
    [InlineData("go version go1.20.5 X:boringcrypto linux/amd64", "1.20.5", "linux", "amd64", false, "go1.20.5")]
    // Decision: a devel build (Go 1.21+ source builds) counts as the release line it names, flagged IsDevel.
    [InlineData("go version devel go1.24-abcdef1 Tue Oct 1 16:20:30 2024 +0000 linux/amd64", "1.24", "linux", "amd64", true,
        "devel go1.24-abcdef1 Tue Oct 1 16:20:30 2024 +0000")]
    public void Parses_real_go_version_lines(string line, string version, string os, string arch, bool devel, string text)
    {
        var parsed = GoVersionLine.Parse(line);
        Assert.Equal(GoVersion.Parse(version), parsed.Version);
        Assert.Equal(os, parsed.Os);
        Assert.Equal(arch, parsed.Arch);
        Assert.Equal(devel, parsed.IsDevel);
        Assert.Equal(text, parsed.Text);
    }

    [Theory]
    // Decision: old devel builds ("devel +hash") do not say which release line they are; refused, not guessed.
    [InlineData("go version devel +b7a03ad Mon Jan 1 00:00:00 2018 +0000 linux/amd64")]
    [InlineData("go version go1.19.8")]
    [InlineData("go version go1.19.8 linux")]
    [InlineData("go version gopher linux/amd64")]
    [InlineData("go1.19.8 linux/amd64")]
    [InlineData("bash: go: command not found")]
    [InlineData("")]
    public void Refuses_lines_that_do_not_name_a_release_and_platform(string line)
    {
        Assert.Throws<KitInputException>(() => GoVersionLine.Parse(line));
        Assert.False(GoVersionLine.TryParse(line, out _));
    }

    [Fact]
    public void Toolchain_from_version_output_skips_warnings_before_the_version_line()
    {
        var toolchain = GoToolchain.FromVersionOutput("/opt/go/bin/go", "go: warning: GOPATH set to GOROOT (/opt/go) has no effect\ngo version go1.23.4 darwin/arm64\n");
        Assert.Equal(new GoToolchain("/opt/go/bin/go", new GoVersion(1, 23, 4), "darwin", "arm64"), toolchain);
        Assert.Equal("go1.23.4 darwin/arm64", toolchain.Description);
        Assert.Equal("go1.24 (devel) linux/amd64",
            GoToolchain.FromVersionOutput("go", "go version devel go1.24-abcdef Tue Oct 1 16:20:30 2024 +0000 linux/amd64").Description);
    }
}
