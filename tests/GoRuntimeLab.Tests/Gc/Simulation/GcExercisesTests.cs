using GoRuntimeLab.Exercises;
using GoRuntimeLab.Gc.Simulation;

namespace GoRuntimeLab.Tests.Gc.Simulation;

public sealed class GcExercisesTests
{
    [Fact]
    public void The_heap_goal_counts_stacks_and_globals()
    {
        Assert.Equal(64 + 64 + 8 + 1, GcExercises.HeapGoalMiB(64, 8, 1, 100));
        Assert.Equal(ExerciseVerdict.Correct, GcExercises.CheckHeapGoal(137).Verdict);
        Assert.Equal(ExerciseVerdict.Wrong, GcExercises.CheckHeapGoal(128).Verdict); // the pre-1.18 answer
        Assert.Equal(ExerciseVerdict.NotAnswered, GcExercises.CheckHeapGoal(null).Verdict);
    }

    [Theory]
    [InlineData("100", null, ExerciseVerdict.Wrong)]      // GOGC alone: the spike doubles into the OOM zone
    [InlineData("50", null, ExerciseVerdict.Wrong)]       // fits, but GC eats the CPU
    [InlineData("100", "480MiB", ExerciseVerdict.Correct)] // a soft limit under the container with headroom
    [InlineData("200", "460MiB", ExerciseVerdict.Correct)]
    [InlineData(null, null, ExerciseVerdict.NotAnswered)]
    public void The_container_exercise_needs_a_memory_limit(string? gogc, string? limit, ExerciseVerdict verdict) =>
        Assert.Equal(verdict, GcExercises.CheckContainerSettings(gogc, limit).Verdict);
}
