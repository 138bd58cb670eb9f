using GoRuntimeLab.Gc.Simulation;
using GoRuntimeLab.Labs;

namespace GoRuntimeLab.Tests.Gc.Simulation;

public sealed class GcExercisesTests
{
    [Fact]
    public void The_heap_goal_counts_stacks_and_globals()
    {
        Assert.Equal(64 + 64 + 8 + 1, GcExercises.HeapGoalMiB(64, 8, 1, 100));
        Assert.Equal(LabStatus.Right, Lab.Check("02.1-heap-goal", 137).Status);
        Assert.Equal(LabStatus.Wrong, Lab.Check("02.1-heap-goal", 128).Status); // the pre-1.18 answer
        Assert.Equal(LabStatus.NotAnswered, Lab.Check("02.1-heap-goal", null).Status);
    }

    [Theory]
    [InlineData("100", "off", LabStatus.Wrong)]      // GOGC alone: the spike doubles into the OOM zone
    [InlineData("50", "off", LabStatus.Wrong)]       // fits, but GC eats the CPU
    [InlineData("100", "480MiB", LabStatus.Right)]   // a soft limit under the container with headroom
    [InlineData("200", "460MiB", LabStatus.Right)]
    [InlineData("1e3", "off", LabStatus.Wrong)]      // text Go would misread: refused, said in the message
    public void The_container_lab_needs_a_memory_limit(string gogc, string limit, LabStatus status) =>
        Assert.Equal(status, Lab.Check("02.1-container", new[] { gogc, limit }).Status);

    [Fact]
    public void The_container_lab_says_why_an_answer_fails()
    {
        Assert.Contains("OOM", Lab.Check("02.1-container", new[] { "100", "off" }).Message, StringComparison.Ordinal);
        Assert.Contains("GC 太频繁", Lab.Check("02.1-container", new[] { "50", "off" }).Message, StringComparison.Ordinal);
        Assert.Contains("无法检查", Lab.Check("02.1-container", new[] { "1e3", "off" }).Message, StringComparison.Ordinal);
        Assert.Contains("两个字符串", Lab.Check("02.1-container", "100").Message, StringComparison.Ordinal);
    }
}
