using GoRuntimeLab.GoTool;

namespace GoRuntimeLab.Tests.GoTool;

/// <summary>GoToolchain.OnPath: the PATH search Find uses for go, for any tool (chapter 1's tool check).</summary>
public class GoToolchainOnPathTests
{
    [Fact]
    public void Finds_the_first_executable_in_path_order_and_skips_non_executables()
    {
        if (OperatingSystem.IsWindows()) return; // the unix mode bits are what the test varies
        var root = Directory.CreateTempSubdirectory("golab-onpath-").FullName;
        try
        {
            var a = Directory.CreateDirectory(Path.Combine(root, "a")).FullName;
            var b = Directory.CreateDirectory(Path.Combine(root, "b")).FullName;
            var c = Directory.CreateDirectory(Path.Combine(root, "c")).FullName;
            File.WriteAllText(Path.Combine(a, "dlv"), "not executable");
            File.SetUnixFileMode(Path.Combine(a, "dlv"), UnixFileMode.UserRead | UnixFileMode.UserWrite);
            foreach (var dir in new[] { b, c })
            {
                File.WriteAllText(Path.Combine(dir, "dlv"), "#!/bin/sh\n");
                File.SetUnixFileMode(Path.Combine(dir, "dlv"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            var path = string.Join(Path.PathSeparator, a, b, c);
            Assert.Equal(Path.Combine(b, "dlv"), GoToolchain.OnPath("dlv", path));
            Assert.Null(GoToolchain.OnPath("gopls", path));
            Assert.Null(GoToolchain.OnPath("dlv", ""));
            Assert.Null(GoToolchain.OnPath("dlv", null));
        }
        finally
        {
            Directory.Delete(root, true);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("bin/go")]
    public void A_path_or_empty_name_is_refused(string tool)
    {
        var e = Assert.Throws<KitInputException>(() => GoToolchain.OnPath(tool, "/usr/bin"));
        Assert.Equal("tool", e.Parameter);
    }

    [Fact]
    public void Find_and_OnPath_agree_on_go()
    {
        var path = Environment.GetEnvironmentVariable("PATH");
        var found = GoToolchain.Find(path);
        // Without a working go on PATH, Find gives null; OnPath may still see a broken go, so only the positive case is checked.
        if (found is not null) Assert.Equal(found.GoPath, GoToolchain.OnPath("go", path));
    }
}
