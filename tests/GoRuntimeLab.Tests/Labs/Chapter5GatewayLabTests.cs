using GoRuntimeLab.Gateway;
using GoRuntimeLab.Labs;
using GoRuntimeLab.Tests.Gateway;

namespace GoRuntimeLab.Tests.Labs;

/// <summary>The case 5.1 answers against go tool pprof's output and the recorded run with the pool.</summary>
public sealed class Chapter5GatewayLabTests
{
    [Fact]
    public void Hot_spot_is_pprofs_first_row()
    {
        var goTop = GoRuntimeLab.Tests.Pprof.GoTopText.Parse(File.ReadAllText(Path.Combine(GatewayPredictionTests.Dir, "gateway-nopool-go1.19.8.heap.top.txt")));
        Assert.Equal(goTop[0].Function, LabCatalog.AnswerFor("05.1-hot-spot"));
        Assert.Equal(LabStatus.Right, Lab.Check("05.1-hot-spot", goTop[0].Function).Status);
        Assert.Equal(LabStatus.Right, Lab.Check("05.1-hot-spot", "`" + goTop[0].Function.ToUpperInvariant() + "`").Status);
        Assert.NotEqual(LabStatus.Right, Lab.Check("05.1-hot-spot", "main.gateway").Status);
    }

    [Fact]
    public void Predicted_gc_is_within_ten_percent_of_the_real_run_with_the_pool()
    {
        var answer = Convert.ToInt64(LabCatalog.AnswerFor("05.1-predict-gc"), System.Globalization.CultureInfo.InvariantCulture);
        var real = GatewayRecording.Load(GatewayPredictionTests.Dir, "pool", "go1.19.8").Run.NumGc;
        Assert.InRange(answer, (long)(0.9 * real), (long)(1.1 * real));
        Assert.Equal(LabStatus.Right, Lab.Check("05.1-predict-gc", answer).Status);
        Assert.NotEqual(LabStatus.Right, Lab.Check("05.1-predict-gc", real == answer ? real + 1 : real).Status);
    }
}
