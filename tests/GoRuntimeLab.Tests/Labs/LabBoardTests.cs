using GoRuntimeLab.Labs;

namespace GoRuntimeLab.Tests.Labs;

/// <summary>The scoreboard: appends under an exclusive lock (concurrent writers never break a line), ranks by best
/// score, and refuses a malformed board without touching it.</summary>
public sealed class LabBoardTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("golab-board-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly DateTimeOffset T0 = new(2026, 12, 6, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Many_threads_appending_at_once_leave_one_whole_line_each()
    {
        var board = Path.Combine(_dir, "board.jsonl");
        const int Threads = 8, Each = 25;
        Parallel.For(0, Threads, new ParallelOptions { MaxDegreeOfParallelism = Threads }, t =>
        {
            for (var i = 0; i < Each; i++) LabBoard.Append(board, new LabBoardEntry($"team-{t}", T0.AddSeconds(i), i, 100));
        });
        var lines = File.ReadAllLines(board);
        Assert.Equal(Threads * Each, lines.Length);
        var entries = LabBoard.Read(board);
        Assert.Equal(Threads * Each, entries.Count);
        Assert.All(Enumerable.Range(0, Threads), t => Assert.Equal(Each, entries.Count(e => e.Team == $"team-{t}")));
    }

    [Fact]
    public void Ranking_takes_each_teams_best_score_and_breaks_ties_by_time()
    {
        var ranking = LabBoard.Rank([
            new("a", T0, 5, 10), new("b", T0.AddMinutes(1), 8, 10), new("a", T0.AddMinutes(2), 8, 10), new("c", T0, 8, 10), new("b", T0.AddMinutes(3), 2, 10),
        ]);
        Assert.Equal(["c", "b", "a"], ranking.Select(r => r.Team));
        Assert.Equal([1, 2, 3], ranking.Select(r => r.Rank));
        Assert.Equal(2, ranking.Single(r => r.Team == "b").Checks);
        Assert.Equal(T0.AddMinutes(1), ranking.Single(r => r.Team == "b").Time);
    }

    [Theory]
    [InlineData("{\"team\":\"a\",\"time\":\"2026-12-06T00:00:00Z\",\"score\":1,\"max\":9}\n{\"team\":\"a\",\"score\":1,\"max\":9}\n", 2)]
    [InlineData("{\"team\":\"a\",\"time\":\"2026-12-06T00:00:00Z\",\"score\":10,\"max\":9}\n", 1)]
    [InlineData("\n\n{\"team\":\"\",\"time\":\"2026-12-06T00:00:00Z\",\"score\":1,\"max\":9}\n", 3)]
    [InlineData("{\"team\":\"a\",\"time\":\"2026-12-06T00:00:00Z\",\"score\":1,\"max\":9}{\"team\":\"b\"\n", 1)]
    public void A_malformed_board_names_its_line_and_is_left_untouched(string text, int line)
    {
        var board = Path.Combine(_dir, "bad.jsonl");
        File.WriteAllText(board, text);
        var e = Assert.Throws<KitInputException>(() => LabBoard.Read(board));
        Assert.Equal(line, e.Line);
        Assert.Contains($"{board}:{line}:", e.Message, StringComparison.Ordinal);
        Assert.Throws<KitInputException>(() => LabBoard.Append(board, new LabBoardEntry("t", T0, 1, 2)));
        Assert.Equal(text, File.ReadAllText(board));
    }

    [Fact]
    public void A_last_line_without_newline_gets_one_before_the_next_entry()
    {
        var board = Path.Combine(_dir, "hand.jsonl");
        File.WriteAllText(board, "{\"team\":\"a\",\"time\":\"2026-12-06T00:00:00Z\",\"score\":1,\"max\":9}");
        LabBoard.Append(board, new LabBoardEntry("b", T0, 2, 9));
        Assert.Equal(["a", "b"], LabBoard.Read(board).Select(e => e.Team));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("a\u001bb")]
    public void Bad_team_names_are_refused(string team) =>
        Assert.Equal("team", Assert.Throws<KitInputException>(() => LabBoard.Append(Path.Combine(_dir, "x.jsonl"), new LabBoardEntry(team, T0, 1, 2))).Parameter);
}
