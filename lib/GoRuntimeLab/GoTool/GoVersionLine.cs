// Mirrors: the line `go version` prints (src/cmd/go/internal/version/version.go: "go version %s %s/%s", with
// " X:experiments" when GOEXPERIMENT is set, and "devel go1.N-hash date" for source builds). Go 1.19–1.23.
using System.Diagnostics.CodeAnalysis;

namespace GoRuntimeLab.GoTool;

/// <summary>
/// What `go version` says about a toolchain. Parsed separately from running it, so every real format can be
/// tested without having each Go release installed.
/// </summary>
/// <param name="Version">The release. For a development build ("devel go1.24-abcdef …") the release line it
/// is heading for (1.24.0), because that is the behaviour it mostly has.</param>
/// <param name="Os">GOOS, e.g. "linux".</param>
/// <param name="Arch">GOARCH, e.g. "amd64".</param>
/// <param name="IsDevel">True for a toolchain built from a development branch, whose behaviour may be anything
/// between the previous release and the next.</param>
/// <param name="Text">The version field as Go printed it ("go1.19.8", "devel go1.24-abcdef Tue Oct 1 …").</param>
public sealed record GoVersionLine(GoVersion Version, string Os, string Arch, bool IsDevel, string Text)
{
    private const string Prefix = "go version ";

    /// <summary>
    /// Parses "go version go1.19.8 linux/amd64", "go version go1.21.0 X:boringcrypto linux/amd64" or
    /// "go version devel go1.24-abcdef Tue Oct 1 12:00:00 2024 +0000 linux/amd64". The os/arch pair is always the
    /// last field, so experiment tags and the devel date in between are skipped.
    /// </summary>
    /// <exception cref="KitInputException">Not a `go version` line, or a development build that does not name
    /// its release line (old "devel +hash" builds): the kit cannot tell which behaviour to model.</exception>
    public static GoVersionLine Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var text = line.Trim();
        if (!text.StartsWith(Prefix, StringComparison.Ordinal))
            throw KitInputException.For($"\"{Shorten(text)}\" is not `go version` output (expected \"go version go1.19.8 linux/amd64\")", parameter: "go version");

        var fields = text[Prefix.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 2)
            throw KitInputException.For($"\"{Shorten(text)}\": expected a version and an os/arch pair", parameter: "go version");

        var platform = fields[^1].Split('/');
        if (platform.Length != 2 || platform[0].Length == 0 || platform[1].Length == 0)
            throw KitInputException.For($"\"{Shorten(text)}\": the last field \"{fields[^1]}\" is not os/arch", parameter: "go version");

        var isDevel = fields[0] == "devel";
        var versionField = isDevel ? (fields.Length > 2 ? fields[1] : "") : fields[0];
        if (isDevel)
        {
            // "go1.24-abcdef" (Go 1.21+ source builds) names the release line; "+abcdef" (older ones) does not.
            var dash = versionField.IndexOf('-', StringComparison.Ordinal);
            if (dash > 0) versionField = versionField[..dash];
        }

        if (!versionField.StartsWith("go", StringComparison.Ordinal) || !GoVersion.TryParse(versionField, out var version))
        {
            var what = isDevel
                ? "a development build that does not say which release it is heading for; use a released Go"
                : $"\"{versionField}\" is not a Go version";
            throw KitInputException.For($"\"{Shorten(text)}\": {what}", parameter: "go version");
        }

        var versionText = string.Join(' ', fields[..^1].Where(f => !IsExperimentTag(f)));
        return new GoVersionLine(version, platform[0], platform[1], isDevel, versionText);
    }

    /// <summary>Like <see cref="Parse"/>, but returns false instead of throwing.</summary>
    public static bool TryParse(string? line, [NotNullWhen(true)] out GoVersionLine? result)
    {
        result = null;
        if (line is null) return false;
        try
        {
            result = Parse(line);
            return true;
        }
        catch (KitInputException)
        {
            return false;
        }
    }

    private static bool IsExperimentTag(string field) => field.StartsWith("X:", StringComparison.Ordinal);

    private static string Shorten(string s) => s.Length <= 120 ? s : s[..117] + "...";
}
