// Mirrors: Go release version strings ("go1.19.8", "go1.22rc1") as printed by `go version` and runtime.Version()
// and as compared by go/version (src/go/version/version.go, 1.22+). Go 1.19–1.23 modelled.
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace GoRuntimeLab;

/// <summary>
/// A Go release, used as a parameter wherever runtime behaviour changed between releases (pacer smoothing,
/// memory-limit headroom, malloc headers…), so one model serves every version instead of a fork per release.
/// </summary>
/// <remarks>
/// Pre-release suffixes ("rc1", "beta2") are accepted and dropped: <c>go1.22rc1</c> parses as 1.22.0. The
/// models only care which release line behaviour belongs to, and a release candidate already behaves like its
/// release; so, unlike go/version, this type does not order go1.22rc1 before go1.22.0 (they are equal here).
/// </remarks>
/// <param name="Major">Always 1 for every Go release so far; kept so the type can say "go2" if it ever exists.</param>
/// <param name="Minor">The release line (19 for go1.19.x): the number behaviour changes follow.</param>
/// <param name="Patch">The point release; 0 for the first release of a line and for pre-releases.</param>
public readonly record struct GoVersion(int Major, int Minor, int Patch = 0) : IComparable<GoVersion>
{
    // CA1707: "Go1_19" reads as Go's own "go1.19"; "Go119" would be ambiguous (1.19 or 11.9?). Named by the design.
#pragma warning disable CA1707
    /// <summary>Go 1.19: pacer with the PI-controller cons/mark smoothing; first release with GOMEMLIMIT.</summary>
    public static readonly GoVersion Go1_19 = new(1, 19);

    /// <summary>Go 1.20: cons/mark smoothed by a moving average.</summary>
    public static readonly GoVersion Go1_20 = new(1, 20);

    /// <summary>Go 1.21: cons/mark as the max of the last 5 cycles; the memory-limit headroom becomes 3 %.</summary>
    public static readonly GoVersion Go1_21 = new(1, 21);

    /// <summary>Go 1.22: malloc headers (allocation headers replace the heap bitmap for larger objects).</summary>
    public static readonly GoVersion Go1_22 = new(1, 22);

    /// <summary>Go 1.23.</summary>
    public static readonly GoVersion Go1_23 = new(1, 23);
#pragma warning restore CA1707

    /// <summary>The newest modelled release: the default wherever a version parameter is optional.</summary>
    public static readonly GoVersion Latest = Go1_23;

    /// <summary>
    /// Parses "1.23", "1.19.8", "go1.19.8", "go1.22rc1", "go1.21beta1" or "go1" (= 1.0).
    /// </summary>
    /// <exception cref="KitInputException">The text is not a Go version; the message quotes it.</exception>
    public static GoVersion Parse(string text)
    {
        if (TryParse(text, out var version, out var problem)) return version;
        throw KitInputException.For(problem, parameter: "version");
    }

    /// <summary>Like <see cref="Parse"/>, but returns false instead of throwing.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out GoVersion version) => TryParse(text, out version, out _);

    private static bool TryParse(string? text, out GoVersion version, out string problem)
    {
        version = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            problem = "empty Go version (expected e.g. \"1.23\" or \"go1.19.8\")";
            return false;
        }

        problem = $"\"{text}\" is not a Go version (expected e.g. \"1.23\", \"go1.19.8\" or \"go1.22rc1\")";
        var s = text.Trim();
        if (s.StartsWith("go", StringComparison.Ordinal)) s = s[2..];

        // Split off a pre-release suffix: the first letter after the numeric part ("22rc1" -> "22", "rc1").
        var cut = 0;
        while (cut < s.Length && (char.IsAsciiDigit(s[cut]) || s[cut] == '.')) cut++;
        var numbers = s[..cut];
        var suffix = s[cut..];
        if (suffix.Length > 0 && !IsPreRelease(suffix)) return false;

        var parts = numbers.Split('.');
        if (parts.Length is < 1 or > 3) return false;
        var values = new int[3];
        for (var i = 0; i < parts.Length; i++)
        {
            // Digits only: no signs, no empty parts ("1..2"), no overflow.
            if (parts[i].Length == 0 || !parts[i].All(char.IsAsciiDigit)) return false;
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out values[i])) return false;
        }

        // "go1" is Go 1.0; a bare "1" is accepted too. A pre-release always names a minor ("go1.22rc1").
        if (suffix.Length > 0 && parts.Length != 2) return false;
        version = new GoVersion(values[0], values[1], values[2]);
        problem = "";
        return true;
    }

    private static bool IsPreRelease(string suffix)
    {
        foreach (var tag in (ReadOnlySpan<string>)["rc", "beta"])
        {
            if (suffix.StartsWith(tag, StringComparison.Ordinal) && suffix.Length > tag.Length
                && suffix[tag.Length..].All(char.IsAsciiDigit))
                return true;
        }

        return false;
    }

    /// <summary>Orders by major, then minor, then patch.</summary>
    public int CompareTo(GoVersion other)
    {
        var c = Major.CompareTo(other.Major);
        if (c != 0) return c;
        c = Minor.CompareTo(other.Minor);
        return c != 0 ? c : Patch.CompareTo(other.Patch);
    }

    /// <summary>True when this release is <paramref name="other"/> or newer: how models ask "has feature X".</summary>
    public bool AtLeast(GoVersion other) => CompareTo(other) >= 0;

    public static bool operator <(GoVersion left, GoVersion right) => left.CompareTo(right) < 0;

    public static bool operator >(GoVersion left, GoVersion right) => left.CompareTo(right) > 0;

    public static bool operator <=(GoVersion left, GoVersion right) => left.CompareTo(right) <= 0;

    public static bool operator >=(GoVersion left, GoVersion right) => left.CompareTo(right) >= 0;

    /// <summary>Go's own spelling: "go1.19.8", and "go1.23" for a .0 release (as Go 1.19–1.20 print it).</summary>
    public override string ToString() =>
        Patch == 0
            ? string.Create(CultureInfo.InvariantCulture, $"go{Major}.{Minor}")
            : string.Create(CultureInfo.InvariantCulture, $"go{Major}.{Minor}.{Patch}");
}
