using GoRuntimeLab.Exercises;

namespace GoRuntimeLab.Tests;

public class ExerciseTests
{
    [Fact]
    public void An_unanswered_exercise_is_not_marked_wrong()
    {
        var r = Exercise.Check<int>("cut off", null, 3);
        Assert.Equal(ExerciseVerdict.NotAnswered, r.Verdict);
        Assert.Contains("not answered", r.ToString());
    }

    [Theory]
    [InlineData(3, 3, ExerciseVerdict.Correct)]
    [InlineData(2, 3, ExerciseVerdict.Wrong)]
    public void Answers_are_compared_with_the_computed_value(int answer, int expected, ExerciseVerdict verdict)
    {
        var r = Exercise.Check<int>("q", answer, expected, "why");
        Assert.Equal(verdict, r.Verdict);
        if (verdict == ExerciseVerdict.Wrong) Assert.Contains("your answer: 2", r.ToString());
    }

    [Fact]
    public void A_blank_question_is_rejected() =>
        Assert.Throws<ArgumentException>(() => Exercise.Check<int>(" ", 1, 1));
}
