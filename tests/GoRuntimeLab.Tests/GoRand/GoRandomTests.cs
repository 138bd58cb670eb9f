using System.Globalization;
using CsCheck;
using GoRuntimeLab.GoRand;
using GoRuntimeLab.GoTool;
using GoRuntimeLab.Testing;

namespace GoRuntimeLab.Tests.GoRand;

/// <summary>
/// GoRandom against real Go: data/oracles/gorand/values-go1.19.8.txt was printed by data/go/gorand with Go 1.19.8
/// (Go 1.23.5 prints the identical file); the live test re-runs the program with the local Go.
/// </summary>
public class GoRandomTests
{
    private static string OraclePath => Path.Combine(Requirement.RepoRoot(), "data", "oracles", "gorand", "values-go1.19.8.txt");

    /// <summary>Replays the program's calls (same order, same arguments) on GoRandom, one line per value.</summary>
    private static List<string> Replay(IEnumerable<long> seeds)
    {
        static string F(double d) => d.ToString("G17", CultureInfo.InvariantCulture);
        var lines = new List<string>();
        foreach (var seed in seeds)
        {
            var r = GoRandom.New(seed);
            for (var i = 0; i < 3; i++) lines.Add($"{seed} Int63 {r.Int63()}");
            for (var i = 0; i < 3; i++) lines.Add($"{seed} Uint64 {r.Uint64()}");
            for (var i = 0; i < 3; i++) lines.Add($"{seed} Float64 {F(r.Float64())}");
            lines.Add($"{seed} Uint32 {r.Uint32()}");
            lines.Add($"{seed} Int31 {r.Int31()}");
            lines.Add($"{seed} Int31n {r.Int31n(10)}");
            lines.Add($"{seed} Int31n {r.Int31n(1 << 20)}");
            lines.Add($"{seed} Int63n {r.Int63n(1000000000007)}");
            lines.Add($"{seed} Intn {r.Intn(100)}");
            lines.Add($"{seed} Intn {r.Intn((1L << 40) + 3)}");
            for (var i = 0; i < 1500; i++) r.Int63();
            lines.Add($"{seed} Int63 {r.Int63()}");
            lines.Add($"{seed} Float64 {F(r.Float64())}");
        }
        return lines;
    }

    private static readonly long[] Seeds = [0, 1, 0x53, 0xf, 0xe, 0x152, -5, 1L << 40, 89482311, 2147483647, long.MinValue];

    private static void AssertSameValues(string[] golden, List<string> model)
    {
        Assert.Equal(golden.Length, model.Count);
        for (var i = 0; i < golden.Length; i++)
        {
            var g = golden[i].Split(' ');
            var m = model[i].Split(' ');
            Assert.Equal(g[0..2], m[0..2]);
            if (g[1] == "Float64")
            {
                // %.17g and G17 both round-trip a double: compare the values bit for bit.
                Assert.Equal(double.Parse(g[2], CultureInfo.InvariantCulture), double.Parse(m[2], CultureInfo.InvariantCulture));
            }
            else
            {
                Assert.Equal(g[2], m[2]);
            }
        }
    }

    [Fact]
    public void Every_value_matches_the_recorded_go_streams()
    {
        var golden = File.ReadAllLines(OraclePath).Where(l => l.Length > 0).ToArray();
        Assert.Equal(198, golden.Length);
        AssertSameValues(golden, Replay(Seeds));
    }

    [Fact]
    public void Seeds_are_taken_modulo_2_pow_31_minus_1_and_zero_is_replaced()
    {
        // rngSource.Seed reduces mod 2**31-1 and maps 0 to 89482311: these pairs seed the same register.
        static long[] First(long seed) { var r = GoRandom.New(seed); return [r.Int63(), r.Int63(), r.Int63()]; }
        Assert.Equal(First(0), First(89482311));
        Assert.Equal(First(0), First(int.MaxValue));
        Assert.Equal(First(5), First(5 + (long)int.MaxValue * 3));
        Assert.Equal(First(-5), First(int.MaxValue - 5));
        Assert.NotEqual(First(1), First(2));
    }

    [Fact]
    public void Seedrand_is_park_miller_48271()
    {
        // x' = 48271 x mod (2**31-1), computed in 64 bits here as the reference.
        Gen.Int[1, int.MaxValue - 1].Sample(x =>
            RngSource.SeedRand(x) == (int)(48271L * x % int.MaxValue));
    }

    [Fact]
    public void Bounded_draws_stay_in_range_and_the_stream_is_deterministic()
    {
        // Bounds include powers of two (Int63n's mask path), their neighbours and small values, not only huge ones.
        var n63Gen = Gen.OneOf(Gen.Long[1, long.MaxValue], Gen.Int[0, 62].Select(k => 1L << k), Gen.Int[1, 62].Select(k => (1L << k) + 1), Gen.Long[1, 1000]);
        var n31Gen = Gen.OneOf(Gen.Int[1, int.MaxValue], Gen.Int[0, 30].Select(k => 1 << k), Gen.Int[1, 1000]);
        Gen.Select(Gen.Long, n63Gen, n31Gen).Sample((seed, n63, n31) =>
        {
            var a = GoRandom.New(seed);
            var b = GoRandom.New(seed);
            for (var i = 0; i < 20; i++)
            {
                var v = a.Int63n(n63);
                var f = a.Float64();
                var w = a.Int31n(n31);
                if (v != b.Int63n(n63) || f != b.Float64() || w != b.Int31n(n31)) return false;
                if (v < 0 || v >= n63 || f < 0 || f >= 1 || w < 0 || w >= n31) return false;
            }
            return true;
        });
    }

    [Fact]
    public void Non_positive_bounds_are_rejected_naming_the_parameter()
    {
        var r = GoRandom.New(1);
        Assert.Equal("n", Assert.Throws<KitInputException>(() => r.Int63n(0)).Parameter);
        Assert.Equal("n", Assert.Throws<KitInputException>(() => r.Int31n(-3)).Parameter);
        Assert.Equal("n", Assert.Throws<KitInputException>(() => r.Intn(0)).Parameter);
    }

    [SkippableFact]
    public async Task Live_go_prints_the_recorded_streams()
    {
        var go = GoToolchain.Find();
        Requirement.Tool(go is not null, "GOLAB_REQUIRE_GO", "Go is not installed (no `go` on PATH or in $GOROOT/bin)");
        var run = await go!.RunAsync(Path.Combine(Requirement.RepoRoot(), "data", "go", "gorand"), []);
        Assert.Equal(0, run.ExitCode);
        var live = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(File.ReadAllLines(OraclePath).Where(l => l.Length > 0), live);
        AssertSameValues(live, Replay(Seeds));
    }
}
