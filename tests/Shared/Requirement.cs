namespace GoRuntimeLab.Testing;

/// <summary>
/// Tests that need an outside tool (Go, Jupyter, a browser, Prometheus) skip with a reason when it is absent, unless the
/// matching <c>GOLAB_REQUIRE_*</c> variable is 1 (CI sets it): then absence is a failure, so CI cannot pass by skipping.
/// Variables: GOLAB_REQUIRE_GO, GOLAB_REQUIRE_JUPYTER, GOLAB_REQUIRE_BROWSER, GOLAB_REQUIRE_PROMETHEUS (prometheus, promtool).
/// </summary>
public static class Requirement
{
    /// <summary>Skips (or fails, when <paramref name="requireVariable"/> is "1") unless <paramref name="present"/>.</summary>
    public static void Tool(bool present, string requireVariable, string reason)
    {
        if (present) return;
        if (Environment.GetEnvironmentVariable(requireVariable) == "1")
            throw new InvalidOperationException($"{requireVariable}=1 but {reason}");
        Skip.If(true, $"{reason} (set {requireVariable}=1 to make this a failure)");
    }

    /// <summary>Full path of an executable on PATH, or null.</summary>
    public static string? OnPath(string name)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            if (dir.Length == 0) continue;
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    /// <summary>The repository root: the folder above the tests that holds global.json.</summary>
    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "global.json")) && Directory.Exists(Path.Combine(dir.FullName, "notebooks")))
                return dir.FullName;
        throw new InvalidOperationException("repository root (a folder with global.json and notebooks/) not found above " + AppContext.BaseDirectory);
    }
}
