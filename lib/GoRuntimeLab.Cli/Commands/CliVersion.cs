namespace GoRuntimeLab.Cli.Commands;

/// <summary>The <c>--go</c> option every model command takes: Go's version syntax, checked against what the model covers.</summary>
internal static class CliVersion
{
    /// <summary>
    /// Parses <paramref name="text"/> ("1.23", "go1.19.8"); <paramref name="supported"/> is the model's own check (it
    /// throws <see cref="KitInputException"/> for a release the model does not cover). Either error is reported as
    /// "--go: …", so the user sees the option they typed.
    /// </summary>
    public static GoVersion Parse(string? text, Action<GoVersion>? supported = null)
    {
        try
        {
            var version = GoVersion.Parse(text ?? "");
            supported?.Invoke(version);
            return version;
        }
        catch (KitInputException e)
        {
            throw KitInputException.For(Reason(e), parameter: "--go");
        }
    }

    // The message without the model's own "parameter: " prefix, to be prefixed with the option's name instead.
    private static string Reason(KitInputException e) =>
        e.Parameter is { } p && e.Message.StartsWith(p + ": ", StringComparison.Ordinal) ? e.Message[(p.Length + 2)..] : e.Message;
}
