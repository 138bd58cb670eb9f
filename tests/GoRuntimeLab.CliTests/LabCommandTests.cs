using System.Diagnostics;
using System.Text.Json;
using GoRuntimeLab.Labs;

namespace GoRuntimeLab.CliTests;

/// <summary><c>golab lab list|check|board</c> keep the JSON shapes and exit codes of issue 14.</summary>
public sealed class LabCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("golab-lab-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void List_gives_id_chapter_title_points_and_filters_by_chapter()
    {
        var r = InProcessGolab.Run("lab", "list", "--chapter", "2", "--json");
        Assert.True(r.ExitCode == 0, r.ToString());
        using var doc = JsonDocument.Parse(r.Stdout);
        var labs = doc.RootElement.EnumerateArray().ToList();
        Assert.Equal(LabCatalog.ForChapter(2).Count, labs.Count);
        Assert.All(labs, l =>
        {
            Assert.Equal(2, l.GetProperty("chapter").GetInt32());
            Assert.StartsWith("02.", l.GetProperty("id").GetString(), StringComparison.Ordinal);
            Assert.False(string.IsNullOrEmpty(l.GetProperty("title").GetString()));
            Assert.InRange(l.GetProperty("points").GetInt32(), 1, 10);
        });
        var text = InProcessGolab.Run("lab", "list");
        Assert.Contains("02.1-heap-goal", text.Stdout, StringComparison.Ordinal);
        Assert.Contains("03.3-bucket-1ms", text.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_exits_0_when_every_lab_of_the_chapter_is_right_and_1_otherwise()
    {
        var all = string.Join(",\n", LabCatalog.ForChapter(1).Select(l => $"  {JsonSerializer.Serialize(l.Id)}: {JsonSerializer.Serialize(LabCatalog.AnswerFor(l.Id))}"));
        var right = InProcessGolab.Run("lab", "check", Write("right.json", "{\n" + all + "\n}\n"), "--json");
        Assert.True(right.ExitCode == 0, right.ToString());
        using (var doc = JsonDocument.Parse(right.Stdout))
        {
            var max = LabCatalog.ForChapter(1).Sum(l => l.Points);
            Assert.Equal(max, doc.RootElement.GetProperty("score").GetInt32());
            Assert.Equal(max, doc.RootElement.GetProperty("max").GetInt32());
            Assert.All(doc.RootElement.GetProperty("results").EnumerateArray(), e =>
            {
                Assert.True(e.GetProperty("ok").GetBoolean());
                Assert.StartsWith("✅", e.GetProperty("message").GetString(), StringComparison.Ordinal);
                Assert.False(string.IsNullOrEmpty(e.GetProperty("id").GetString()));
            });
        }

        // One right, one wrong, the rest of chapter 1 missing: exit 1, a hint for the wrong one, 未作答 for the others.
        var some = InProcessGolab.Run("lab", "check", Write("some.json", """{"01.2-parse-duration": 1, "01.2-cut-off": 3, "01.3-race-detector": null}"""), "--json");
        Assert.True(some.ExitCode == 1, some.ToString());
        using var partial = JsonDocument.Parse(some.Stdout);
        var results = partial.RootElement.GetProperty("results").EnumerateArray().ToDictionary(e => e.GetProperty("id").GetString()!, e => e.GetProperty("message").GetString()!);
        Assert.Equal(LabCatalog.ForChapter(1).Count, results.Count);
        Assert.Contains("再想想：", results["01.2-parse-duration"], StringComparison.Ordinal);
        Assert.StartsWith("✅", results["01.2-cut-off"], StringComparison.Ordinal);
        Assert.Contains("未作答", results["01.3-race-detector"], StringComparison.Ordinal);
        Assert.Contains("未作答", results["01.2-one-proc"], StringComparison.Ordinal);
        Assert.Equal(LabCatalog.Get("01.2-cut-off").Points, partial.RootElement.GetProperty("score").GetInt32());

        var text = InProcessGolab.Run("lab", "check", Write("text.json", """{"01.2-cut-off": 3}"""));
        Assert.Equal(1, text.ExitCode);
        Assert.Equal(LabCatalog.ForChapter(1).Count + 1, text.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Theory]
    [InlineData("{\n  \"01.2-cut-off\": 3,\n  \"01.2-one-proc\": \n}\n", 4, 1)]   // a value missing
    [InlineData("{\"01.2-cut-off\": 3", 1, 19)]                                   // unterminated
    [InlineData("[1, 2]", 1, 1)]                                                  // not an object
    [InlineData("{\n\"01.2-cut-off\": 3,\n  \"09.9-nope\": 1}", 3, 3)]             // unknown lab
    [InlineData("{\"01.2-cut-off\": 3,\n\"01.2-cut-off\": 4}", 2, 1)]             // answered twice
    public void A_malformed_answers_file_exits_2_naming_file_line_and_column(string json, int line, int column)
    {
        var path = Write("bad.json", json);
        var r = InProcessGolab.Run("lab", "check", path);
        Assert.True(r.ExitCode == 2, r.ToString());
        var error = Assert.Single(r.ErrorLines);
        Assert.Contains($"{path}:{line}:{column}:", error, StringComparison.Ordinal);
        Assert.Equal("", r.Stdout);
    }

    [Fact]
    public void Check_appends_to_the_board_and_board_ranks_teams_by_best_score()
    {
        var board = Path.Combine(_dir, "board.jsonl");
        var good = Write("good.json", """{"01.2-cut-off": 3, "01.2-parse-duration": 3723500}""");
        var bad = Write("bad.json", """{"01.2-cut-off": 2}""");
        Assert.Equal(1, InProcessGolab.Run("lab", "check", bad, "--board", board, "--name", "蓝队").ExitCode);
        Assert.Equal(1, InProcessGolab.Run("lab", "check", good, "--board", board, "--name", "红队").ExitCode);
        Assert.Equal(1, InProcessGolab.Run("lab", "check", good, "--board", board, "--name", "蓝队").ExitCode);
        Assert.Equal(3, File.ReadAllLines(board).Length);

        var r = InProcessGolab.Run("lab", "board", board, "--json");
        Assert.True(r.ExitCode == 0, r.ToString());
        using var doc = JsonDocument.Parse(r.Stdout);
        var rows = doc.RootElement.EnumerateArray().ToList();
        Assert.Equal(["红队", "蓝队"], rows.Select(e => e.GetProperty("team").GetString()));   // same best score: 红队 reached it first
        Assert.Equal([1, 2], rows.Select(e => e.GetProperty("rank").GetInt32()));
        Assert.Equal(2, rows[1].GetProperty("checks").GetInt32());
        Assert.Equal(LabCatalog.ForChapter(1).Sum(l => l.Points), rows[0].GetProperty("max").GetInt32());
        Assert.Contains("红队", InProcessGolab.Run("lab", "board", board).Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_board_is_reported_with_its_line_and_never_written()
    {
        var board = Write("board.jsonl", "{\"team\":\"a\",\"time\":\"2026-12-06T00:00:00Z\",\"score\":1,\"max\":9}\nnot json\n");
        var before = File.ReadAllBytes(board);
        var r = InProcessGolab.Run("lab", "board", board);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"{board}:2:", Assert.Single(r.ErrorLines), StringComparison.Ordinal);

        var check = InProcessGolab.Run("lab", "check", Write("a.json", """{"01.2-cut-off": 3}"""), "--board", board, "--name", "t");
        Assert.Equal(2, check.ExitCode);
        Assert.Contains($"{board}:2:", Assert.Single(check.ErrorLines), StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(board));
    }

    [Fact]
    public void A_board_without_a_name_or_a_name_without_a_board_is_refused()
    {
        var answers = Write("a.json", """{"01.2-cut-off": 3}""");
        var r = InProcessGolab.Run("lab", "check", answers, "--board", Path.Combine(_dir, "b.jsonl"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--name", r.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_dir, "b.jsonl")));
        Assert.Equal(2, InProcessGolab.Run("lab", "check", answers, "--name", "t").ExitCode);
    }

    [Fact]
    public async Task Concurrent_golab_processes_writing_one_board_leave_every_line_whole()
    {
        // The CLI as built into its fixed folder (lib/GoRuntimeLab.Cli/bin), started as separate processes.
        var golab = Path.Combine(Testing.Requirement.RepoRoot(), "lib", "GoRuntimeLab.Cli", "bin", "golab.dll");
        Assert.True(File.Exists(golab), "golab.dll not built: " + golab);
        var board = Path.Combine(_dir, "board.jsonl");
        var answers = Write("a.json", """{"01.2-parse-duration": 3723500}""");
        const int Writers = 6;
        var processes = Enumerable.Range(0, Writers).Select(i =>
        {
            var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Testing.Requirement.RepoRoot(), RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { golab, "lab", "check", answers, "--board", board, "--name", $"team-{i}" }) start.ArgumentList.Add(a);
            return Process.Start(start)!;
        }).ToList();
        foreach (var p in processes)
        {
            var stderr = p.StandardError.ReadToEndAsync();
            _ = await p.StandardOutput.ReadToEndAsync();
            Assert.True(p.WaitForExit(TimeSpan.FromMinutes(2)), "golab lab check did not finish");
            Assert.True(p.ExitCode == 1, $"exit {p.ExitCode}: {await stderr}");   // the other chapter-1 labs are missing
            p.Dispose();
        }
        var entries = LabBoard.Read(board);   // throws on any broken line
        Assert.Equal(Writers, entries.Count);
        Assert.Equal(Enumerable.Range(0, Writers).Select(i => $"team-{i}").Order(StringComparer.Ordinal), entries.Select(e => e.Team).Order(StringComparer.Ordinal));
    }
}
