namespace GoRuntimeLab.Exercises;

/// <summary>Checks an exercise whose answer the kit can compute (the expected value comes from a model run or a
/// real recording, never from a constant typed into the notebook).</summary>
public static class Exercise
{
    /// <summary>
    /// Compares the learner's <paramref name="answer"/> (null: not answered yet) with <paramref name="expected"/>.
    /// The <paramref name="explanation"/> (which usually gives the answer away) is shown only once the answer is
    /// right; a wrong answer gets the optional <paramref name="hint"/> instead.
    /// </summary>
    public static ExerciseResult Check<T>(string question, T? answer, T expected, string? explanation = null, string? hint = null) where T : struct, IEquatable<T>
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(question);
        if (answer is null) return new ExerciseResult(question, ExerciseVerdict.NotAnswered, "");
        return answer.Value.Equals(expected)
            ? new ExerciseResult(question, ExerciseVerdict.Correct, explanation ?? "")
            : new ExerciseResult(question, ExerciseVerdict.Wrong, $"你的答案 your answer: {answer.Value}. {hint}".TrimEnd());
    }
}
