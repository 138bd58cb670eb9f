// Mirrors: nothing in Go; the kit's "no usable go command" failure, raised only where real Go is required
// (GoToolchain.Require). Any Go version.
namespace GoRuntimeLab.GoTool;

/// <summary>
/// No usable Go toolchain. Separate from <see cref="KitInputException"/> because nothing the user typed is wrong:
/// the machine lacks a tool, and the message says how to install it, in English and Chinese (the course's
/// learners read either).
/// </summary>
public class GoToolNotFoundException : Exception
{
    /// <summary>The install hint shared by every message.</summary>
    internal const string Advice =
        "Install Go (e.g. `sudo apt-get install golang-go` on Debian/Ubuntu, or from https://go.dev/dl/) and make sure `go` is on PATH. " +
        "请安装 Go（Debian/Ubuntu 上执行 `sudo apt-get install golang-go`，或从 https://go.dev/dl/ 下载），并确保 `go` 在 PATH 中。";

    public GoToolNotFoundException()
        : this("Go toolchain not found: no `go` on PATH and no $GOROOT/bin/go. 未找到 Go 工具链：PATH 中没有 `go`，$GOROOT/bin/go 也不存在。")
    {
    }

    public GoToolNotFoundException(string message) : base(message + " " + Advice) { }

    public GoToolNotFoundException(string message, Exception inner) : base(message + " " + Advice, inner) { }
}
