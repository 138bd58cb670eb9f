namespace GoRuntimeLab.Exercises;

/// <summary>The verdict on one exercise answer; its text is what the notebook shows.</summary>
public sealed record ExerciseResult(string Question, ExerciseVerdict Verdict, string Feedback)
{
    public override string ToString() => Verdict switch
    {
        ExerciseVerdict.Correct => $"✅ {Question}: 正确 correct. {Feedback}",
        ExerciseVerdict.Wrong => $"❌ {Question}: 再想想 not quite. {Feedback}",
        _ => $"✏️ {Question}: 还没有作答 not answered yet — 填入答案后重新运行 fill in your answer and re-run.",
    };
}
