using GoRuntimeLab.Sched;

namespace GoRuntimeLab.Tests.Sched;

// Oracle: Go 1.19.8 running the wyrand arithmetic of runtime.fastrand/cheaprand with math/bits.Mul64 from state 42
// (values printed by /usr/bin/go; see the comment in CheapRand.cs for the runtime source).
public class CheapRandTests
{
    [Fact]
    public void Matches_Go_wyrand_sequence_and_fastrandn()
    {
        var r = new CheapRand(42);
        uint[] expected = [3718886452, 1027135954, 731071290, 839785073, 248747712];
        uint[] expectedN7 = [6, 1, 1, 1, 0];
        for (var i = 0; i < expected.Length; i++)
        {
            var probe = new CheapRand(42);
            for (var k = 0; k < i; k++) probe.Next();
            Assert.Equal(expectedN7[i], probe.Next(7));
            Assert.Equal(expected[i], r.Next());
        }
    }
}
