using GoRuntimeLab.Labs;

namespace GoRuntimeLab.Tests.Labs;

/// <summary>Answer sheets and grading: positions of malformed JSON, the chapters expected, the score.</summary>
public class LabGraderTests
{
    [Fact]
    public void Grading_expects_every_lab_of_the_chapters_answered()
    {
        var sheet = LabAnswerSheet.Parse("""{"03.3-bucket-1ms": 917504, "03.2-long-waits": 999}""", "a.json");
        var report = LabGrader.Grade(sheet);
        Assert.Equal(LabCatalog.ForChapter(3).Count, report.Results.Count);
        Assert.Equal(LabCatalog.Get("03.3-bucket-1ms").Points, report.Score);
        Assert.Equal(LabCatalog.ForChapter(3).Sum(l => l.Points), report.Max);
        Assert.False(report.Passed);
        Assert.Contains(report.Results, r => r.Id == "03.2-long-waits" && r.Status == LabStatus.Wrong && r.Message.Contains("再想想：" + LabCatalog.Get("03.2-long-waits").Hints[0], StringComparison.Ordinal));
        Assert.Equal(LabCatalog.All.Count, LabGrader.Grade(new Dictionary<string, LabAnswer>()).Results.Count);
    }

    [Theory]
    [InlineData("{\"01.2-cut-off\": 3,}", 1, 20)]
    [InlineData("{\n  \"01.2-cut-off\": tru\n}", 2, 22)]
    [InlineData("\"just a string\"", 1, 1)]
    [InlineData("{\"01.2-cut-off\": 3, \"nope\": 1}", 1, 21)]
    public void A_malformed_sheet_names_file_line_and_column(string json, int line, int column)
    {
        var e = Assert.Throws<KitInputException>(() => LabAnswerSheet.Parse(json, "sheet.json"));
        Assert.StartsWith($"sheet.json:{line}:{column}: ", e.Message, StringComparison.Ordinal);
        Assert.Equal(line, e.Line);
        Assert.DoesNotContain('\n', e.Message);
    }
}
