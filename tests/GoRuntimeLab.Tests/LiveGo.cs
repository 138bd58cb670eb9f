using GoRuntimeLab.GoTool;
using GoRuntimeLab.Testing;

namespace GoRuntimeLab.Tests;

/// <summary>The installed Go for live tests: skips without it, fails without it when GOLAB_REQUIRE_GO=1.</summary>
internal static class LiveGo
{
    public static GoToolchain Require()
    {
        var go = GoToolchain.Find();
        Requirement.Tool(go is not null, "GOLAB_REQUIRE_GO", "Go is not installed (no `go` on PATH or in $GOROOT/bin)");
        return go!;
    }
}
