namespace GoRuntimeLab.Exercises;

/// <summary>How an exercise answer was judged.</summary>
public enum ExerciseVerdict
{
    NotAnswered,
    Correct,
    Wrong,
}
