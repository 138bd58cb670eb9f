using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace GoRuntimeLab.Cli.Infrastructure;

/// <summary>
/// Options and arguments whose parse errors are in the kit's words: "--count: expected a whole number from 1 to
/// 10000000, got "abc"" instead of System.CommandLine's "Cannot parse argument 'abc' … as expected type
/// 'System.Int32'". Range checks happen while parsing, so a bad value stops the command before it does any work.
/// </summary>
internal static class CliOptions
{
    /// <summary>A whole-number option within [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static Option<int> Int(string name, string description, int defaultValue, int min, int max, string helpName = "N") =>
        new(name)
        {
            Description = description,
            HelpName = helpName,
            DefaultValueFactory = _ => defaultValue,
            CustomParser = r => (int)ParseWhole(r, name, min, max),
        };

    /// <summary>A whole-number option within [<paramref name="min"/>, <paramref name="max"/>] (64-bit).</summary>
    public static Option<long> Long(string name, string description, long defaultValue, long min, long max, string helpName = "N") =>
        new(name)
        {
            Description = description,
            HelpName = helpName,
            DefaultValueFactory = _ => defaultValue,
            CustomParser = r => ParseWhole(r, name, min, max),
        };

    /// <summary>A required whole-number option within [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static Option<int> RequiredInt(string name, string description, int min, int max, string helpName = "N") =>
        new(name)
        {
            Description = description,
            HelpName = helpName,
            Required = true,
            CustomParser = r => (int)ParseWhole(r, name, min, max),
        };

    /// <summary>A whole-number argument within [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static Argument<long> LongArgument(string name, string description, long min, long max) =>
        new(name)
        {
            Description = description,
            CustomParser = r => ParseWhole(r, name, min, max),
        };

    /// <summary>A decimal option within [<paramref name="min"/>, <paramref name="max"/>] (finite).</summary>
    public static Option<double> Double(string name, string description, double defaultValue, double min, double max, string helpName = "X") =>
        new(name)
        {
            Description = description,
            HelpName = helpName,
            DefaultValueFactory = _ => defaultValue,
            CustomParser = r => ParseDecimal(r, name, min, max) ?? defaultValue,
        };

    /// <summary>An optional decimal option within [<paramref name="min"/>, <paramref name="max"/>]; null when absent.</summary>
    public static Option<double?> OptionalDouble(string name, string description, double min, double max, string helpName = "X") =>
        new(name)
        {
            Description = description,
            HelpName = helpName,
            CustomParser = r => ParseDecimal(r, name, min, max),
        };

    /// <summary>A text option with a default; an empty value is refused (it is always a slip on a command line).</summary>
    public static Option<string> Text(string name, string description, string defaultValue, string helpName) =>
        NotEmpty(new Option<string>(name)
        {
            Description = description + $" Default: {defaultValue}.",
            HelpName = helpName,
            DefaultValueFactory = _ => defaultValue,
        });

    /// <summary>An optional text option (null when absent); an empty value is refused.</summary>
    public static Option<string?> OptionalText(string name, string description, string helpName) =>
        NotEmpty(new Option<string?>(name) { Description = description, HelpName = helpName });

    /// <summary>A text argument; an empty value is refused.</summary>
    public static Argument<string> TextArgument(string name, string description)
    {
        var argument = new Argument<string>(name) { Description = description };
        argument.Validators.Add(r =>
        {
            if (r.Tokens.Count > 0 && string.IsNullOrWhiteSpace(r.Tokens[0].Value)) r.AddError($"{name}: empty value");
        });
        return argument;
    }

    /// <summary>One of <paramref name="choices"/> (case-sensitive, as typed in the help).</summary>
    public static Option<string> Choice(string name, string description, string defaultValue, params string[] choices)
    {
        var option = new Option<string>(name)
        {
            Description = description,
            HelpName = string.Join('|', choices),
            DefaultValueFactory = _ => defaultValue,
        };
        option.Validators.Add(r =>
        {
            var value = r.GetValueOrDefault<string>();
            if (!choices.Contains(value, StringComparer.Ordinal))
                r.AddError($"{name}: must be {Or(choices)}, not \"{value}\"");
        });
        return option;
    }

    /// <summary>True when the user typed <paramref name="option"/> (rather than getting its default).</summary>
    public static bool WasGiven(this ParseResult parse, Option option) => parse.GetResult(option) is { Implicit: false };

    private static T NotEmpty<T>(T option) where T : Option
    {
        option.Validators.Add(r =>
        {
            if (r is { Implicit: false, Tokens.Count: > 0 } && string.IsNullOrWhiteSpace(r.Tokens[^1].Value))
                r.AddError($"{option.Name}: empty value");
        });
        return option;
    }

    private static long ParseWhole(ArgumentResult r, string name, long min, long max)
    {
        var text = r.Tokens.Count > 0 ? r.Tokens[^1].Value : "";
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            return value;
        r.AddError(string.Create(CultureInfo.InvariantCulture, $"{name}: expected a whole number from {min} to {max}, got \"{text}\""));
        return min;
    }

    private static double? ParseDecimal(ArgumentResult r, string name, double min, double max)
    {
        var text = r.Tokens.Count > 0 ? r.Tokens[^1].Value : "";
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) && value >= min && value <= max)
            return value;
        r.AddError(string.Create(CultureInfo.InvariantCulture, $"{name}: expected a number from {min} to {max}, got \"{text}\""));
        return null;
    }

    private static string Or(string[] choices) =>
        choices.Length == 1 ? choices[0] : string.Join(", ", choices[..^1]) + " or " + choices[^1];
}
