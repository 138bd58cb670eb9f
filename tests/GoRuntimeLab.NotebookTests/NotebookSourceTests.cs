using System.Diagnostics;
using GoRuntimeLab.Testing;

namespace GoRuntimeLab.NotebookTests;

/// <summary>The committed notebooks are what their sources build to (notebooks/src/build.py), clean (no outputs, no
/// errors) and carry cell ids.</summary>
public class NotebookSourceTests
{
    [SkippableFact]
    public void The_committed_notebooks_are_what_build_py_writes_from_notebooks_src()
    {
        var python = Requirement.OnPath("python3");
        // Jupyter runs on this python3, so CI's GOLAB_REQUIRE_JUPYTER=1 guarantees it.
        Requirement.Tool(python is not null, "GOLAB_REQUIRE_JUPYTER", "python3 is not on PATH (apt-get install python3)");
        var root = Requirement.RepoRoot();
        using var dir = new TempDir("golab-build-py-");

        var start = new ProcessStartInfo(python!) { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-B", Path.Combine(root, "notebooks", "src", "build.py"), "--out", dir.Path }) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "build.py did not finish in 2 minutes");
        Assert.True(process.ExitCode == 0, $"build.py exited {process.ExitCode}:\n{stdout.Result}{stderr.Result}");

        const string Fix = "run `python3 notebooks/src/build.py` and commit the regenerated notebooks";
        var built = Directory.GetFiles(dir.Path, "*.ipynb").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        var committed = Directory.GetFiles(Path.Combine(root, "notebooks"), "*.ipynb").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(built);
        Assert.True(built.SequenceEqual(committed),
            $"notebooks/src builds [{string.Join(", ", built)}] but notebooks/ holds [{string.Join(", ", committed)}]; {Fix}");
        foreach (var name in built)
        {
            var fresh = File.ReadAllBytes(Path.Combine(dir.Path, name!));
            var old = File.ReadAllBytes(Path.Combine(root, "notebooks", name!));
            Assert.True(fresh.AsSpan().SequenceEqual(old), $"notebooks/{name} differs from what notebooks/src builds; {Fix}");
        }
    }

    [Fact]
    public void Committed_notebooks_carry_no_error_outputs_and_have_cell_ids()
    {
        foreach (var path in Directory.GetFiles(Path.Combine(Requirement.RepoRoot(), "notebooks"), "*.ipynb"))
        {
            using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(path));
            Assert.Equal(5, json.RootElement.GetProperty("nbformat_minor").GetInt32());
            Assert.Equal("golab-csharp", json.RootElement.GetProperty("metadata").GetProperty("kernelspec").GetProperty("name").GetString());
            foreach (var cell in json.RootElement.GetProperty("cells").EnumerateArray())
            {
                Assert.False(string.IsNullOrEmpty(cell.GetProperty("id").GetString()), path);
                if (cell.TryGetProperty("outputs", out var outputs))
                    foreach (var o in outputs.EnumerateArray())
                        Assert.NotEqual("error", o.GetProperty("output_type").GetString());
            }
        }
    }
}
