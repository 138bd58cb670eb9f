namespace GoRuntimeLab;

/// <summary>
/// Bad input from a user: a parameter out of range, a file that is missing or malformed. The message names the
/// parameter, the file and (where known) the line, so a CLI can print it as one line and exit 2, and a notebook
/// cell shows it without a stack trace worth reading.
/// </summary>
public class KitInputException : Exception
{
    public KitInputException(string message) : base(message) { }

    public KitInputException(string message, Exception inner) : base(message, inner) { }

    public KitInputException() : base("invalid input") { }

    /// <summary>The parameter at fault (e.g. "--only", "gogc"), when one is.</summary>
    public string? Parameter { get; init; }

    /// <summary>The file at fault, as the user named it, when one is.</summary>
    public string? FilePath { get; init; }

    /// <summary>1-based line in <see cref="FilePath"/>, when known.</summary>
    public int? Line { get; init; }

    /// <summary>Builds an exception whose message is "file:line: what" (or "parameter: what").</summary>
    public static KitInputException For(string what, string? parameter = null, string? file = null, int? line = null)
    {
        var where = file is null ? parameter : line is null ? file : $"{file}:{line}";
        var message = where is null ? what : $"{where}: {what}";
        return new KitInputException(message) { Parameter = parameter, FilePath = file, Line = line };
    }
}
