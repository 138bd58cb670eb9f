namespace GoRuntimeLab.CliTests;

/// <summary>
/// One grammar for the Go settings in every command that takes them: <c>off</c> and <c>-1</c> are the same GOGC,
/// <c>50</c> is a percentage, <c>OFF</c> and <c>1e3</c> are refused with the same words (Go would silently read them
/// as 100); GOMEMLIMIT and GOMAXPROCS likewise.
/// </summary>
public sealed class GoSettingsGrammarTests
{
    // Every command with --gogc, with the rest of a quick valid command line.
    public static TheoryData<string[]> GogcCommands() =>
    [
        ["gc", "simulate", "--duration", "50ms", "--json"],
        ["gc", "guide", "--graph", "4", "--json"],
        ["alloc", "simulate", "--count", "20000", "--json"],
        ["metrics", "expose", "--at", "2"],
    ];

    public static TheoryData<string[]> MemoryLimitCommands() =>
    [
        ["gc", "simulate", "--duration", "50ms", "--json"],
        ["gc", "guide", "--graph", "1", "--json"],
        ["metrics", "expose", "--at", "2"],
    ];

    public static TheoryData<string[]> ProcsCommands() =>
    [
        ["gc", "simulate", "--duration", "50ms", "--json"],
        ["alloc", "simulate", "--count", "20000", "--json"],
        ["sched", "simulate", "--workload", "pingpong", "--duration", "20ms", "--json"],
        ["metrics", "expose", "--at", "2"],
    ];

    [Theory]
    [MemberData(nameof(GogcCommands))]
    public void Gogc_off_and_minus_one_are_the_same_and_50_is_a_percentage(string[] command)
    {
        var off = Ok(command, "--gogc", "off");
        var minusOne = Ok(command, "--gogc", "-1");
        var minusFive = Ok(command, "--gogc", "-5");
        var fifty = Ok(command, "--gogc", "50");
        var hundred = Ok(command, "--gogc", "100");
        Assert.Equal(off, minusOne);
        Assert.Equal(off, minusFive);
        Assert.NotEqual(off, fifty);
        Assert.NotEqual(fifty, hundred);
    }

    // Refusals are checked on the server too: it never starts with a bad setting.
    public static TheoryData<string[]> GogcCommandsAndServe()
    {
        var all = new TheoryData<string[]>();
        foreach (var c in GogcCommands()) all.Add(c);
        all.Add(["metrics", "serve", "--port", "0", "--duration", "0.1"]);
        return all;
    }

    [Theory]
    [MemberData(nameof(GogcCommandsAndServe))]
    public void Gogc_text_go_would_read_as_100_is_refused_with_the_same_words(string[] command)
    {
        Assert.Equal(
            "golab: --gogc: \"OFF\" is not a GOGC value: Go accepts only lower-case \"off\" and would silently use 100",
            Refused(command, "--gogc", "OFF"));
        Assert.Equal(
            "golab: --gogc: \"1e3\" is not a GOGC value (expected \"off\" or an integer such as 100)",
            Refused(command, "--gogc", "1e3"));
    }

    [Theory]
    [MemberData(nameof(MemoryLimitCommands))]
    public void Memlimit_takes_gos_byte_syntax_everywhere(string[] command)
    {
        Assert.Equal(Ok(command, "--memlimit", "64MiB"), Ok(command, "--memlimit", "67108864"));
        Assert.Equal(Ok(command, "--memlimit", "off"), Ok(command));
        Assert.NotEqual(Ok(command, "--memlimit", "16MiB"), Ok(command, "--memlimit", "off"));
        Assert.StartsWith("golab: --memlimit: malformed GOMEMLIMIT \"64MB\": unknown unit \"MB\"", Refused(command, "--memlimit", "64MB"), StringComparison.Ordinal);
        Assert.Equal("golab: --memlimit: malformed GOMEMLIMIT \"-1\": negative (expected bytes with an optional B, KiB, MiB, GiB or TiB suffix, or \"off\")",
            Refused(command, "--memlimit", "-1"));
    }

    [Theory]
    [MemberData(nameof(ProcsCommands))]
    public void Procs_has_one_range_everywhere(string[] command)
    {
        Assert.NotEqual(Ok(command, "--procs", "1"), Ok(command, "--procs", "4"));
        foreach (var bad in new[] { "0", "257", "+4", "four", "1e2" })
            Assert.Equal($"golab: --procs: \"{bad}\" is not a GOMAXPROCS value (expected a whole number from 1 to 256)", Refused(command, "--procs", bad));
    }

    private static string Ok(string[] command, params string[] more)
    {
        var r = InProcessGolab.Run([.. command, .. more]);
        Assert.True(r.ExitCode == 0, $"golab {string.Join(' ', command.Concat(more))}: {r}");
        return r.Stdout;
    }

    private static string Refused(string[] command, params string[] more)
    {
        var r = InProcessGolab.Run([.. command, .. more]);
        Assert.True(r.ExitCode == 2, $"golab {string.Join(' ', command.Concat(more))}: {r}");
        return Assert.Single(r.ErrorLines);
    }
}
