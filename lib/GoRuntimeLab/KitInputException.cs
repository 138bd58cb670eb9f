namespace GoRuntimeLab;

/// <summary>
/// Bad input from a user: a parameter out of range, a file that is missing or malformed. The message names the
/// parameter, the file and (where known) the line, so a CLI can print it as one line and exit 2, and a notebook
/// cell shows it without a stack trace worth reading.
/// </summary>
/// <remarks>
/// A model names its own parameter (<c>GOGC</c>, <c>liveBytes</c>); a front end that calls it under another name
/// (the CLI's <c>--gogc</c>) re-labels the error with <see cref="WithParameter"/>, which keeps <see cref="Reason"/> and
/// never has to cut the message apart.
/// </remarks>
public class KitInputException : Exception
{
    public KitInputException(string message) : base(message) => Reason = message;

    public KitInputException(string message, Exception inner) : base(message, inner) => Reason = message;

    public KitInputException() : base("invalid input") => Reason = "invalid input";

    /// <summary>The parameter at fault (e.g. "--only", "gogc"), when one is.</summary>
    public string? Parameter { get; init; }

    /// <summary>The file at fault, as the user named it, when one is.</summary>
    public string? FilePath { get; init; }

    /// <summary>1-based line in <see cref="FilePath"/>, when known.</summary>
    public int? Line { get; init; }

    /// <summary>What is wrong, without the "parameter: " or "file:line: " prefix of <see cref="Exception.Message"/>.</summary>
    public string Reason { get; init; }

    /// <summary>Builds an exception whose message is "file:line: what" (or "parameter: what").</summary>
    public static KitInputException For(string what, string? parameter = null, string? file = null, int? line = null)
    {
        var where = file is null ? parameter : line is null ? file : $"{file}:{line}";
        var message = where is null ? what : $"{where}: {what}";
        return new KitInputException(message) { Parameter = parameter, FilePath = file, Line = line, Reason = what };
    }

    /// <summary>
    /// The same error under another parameter name (e.g. the CLI flag that carried the value): "<paramref name="parameter"/>: reason".
    /// An error about a file keeps its file and line after the new name: "--file: w.json:3: reason".
    /// </summary>
    public KitInputException WithParameter(string parameter) => FilePath is null
        ? For(Reason, parameter: parameter)
        : new KitInputException($"{parameter}: {Message}", this) { Parameter = parameter, FilePath = FilePath, Line = Line, Reason = Reason };
}
