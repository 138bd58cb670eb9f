using System.Globalization;

namespace GoRuntimeLab.Labs;

/// <summary>A lab as a notebook shows it before it is answered (<c>Lab.Show(id)</c>): id, title, points, question,
/// and how many hints there are — never the answer.</summary>
public sealed record LabCard(string Id, string Title, int Points, string Question, int Hints)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"🧪 实验 {Id}：{Title}（{Points} 分）\n{Question}\n作答：Lab.Check(\"{Id}\", 你的答案)；卡住时 Lab.Hint(\"{Id}\") 逐条给出提示（共 {Hints} 条）。");
}
