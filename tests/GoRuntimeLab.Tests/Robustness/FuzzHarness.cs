using GoRuntimeLab.IO;

namespace GoRuntimeLab.Tests.Robustness;

/// <summary>
/// Runs inputs through a parser and asserts the contract: a result, or a <see cref="KitInputException"/> whose
/// message names the input, echoes no control character and stays short — never another exception; each input
/// allocates memory in proportion to its size; the whole run returns within a generous wall-clock guard (a hang
/// detector, not a speed target).
/// </summary>
internal static class FuzzHarness
{
    public static readonly TimeSpan Guard = TimeSpan.FromSeconds(120);

    /// <summary>Outcome counts of one run.</summary>
    public sealed record Tally(int Results, int Refusals);

    /// <summary><paramref name="iterations"/> mutations of the target's seeds, from a fixed <paramref name="seed"/>.</summary>
    public static Tally Mutations(FuzzTarget target, int iterations, int seed) => Guarded(() =>
    {
        var rng = new Random(seed);
        int results = 0, refusals = 0;
        for (var i = 0; i < iterations; i++)
        {
            var input = Mutator.Mutate(target.Seeds[rng.Next(target.Seeds.Count)], rng);
            if (Check(target, input, $"fuzz-{i}.{target.Extension}", $"seed {seed}, input {i}")) results++;
            else refusals++;
        }
        return new Tally(results, refusals);
    });

    /// <summary>One input: true when it parsed, false when refused with a typed, well-formed error.</summary>
    public static bool Check(FuzzTarget target, byte[] input, string name, string what)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        bool parsed;
        try
        {
            var result = target.Parse(new MemoryStream(input, writable: false), name, null);
            target.Use(result, name);
            parsed = true;
        }
        catch (KitInputException e)
        {
            AssertWellFormed(e, name, $"{target.Name} {what}");
            parsed = false;
        }
        catch (Exception e)
        {
            Assert.Fail($"{target.Name} {what} ({input.Length} bytes): {e.GetType().Name} instead of a KitInputException: {KitText.Excerpt(e.Message, 300)}");
            throw;
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        var budget = 64L * input.Length + (32L << 20);
        Assert.True(allocated <= budget, $"{target.Name} {what}: allocated {allocated >> 20} MiB for {input.Length} bytes of input (budget {budget >> 20} MiB)");
        return parsed;
    }

    /// <summary>The message names the input first, has no control character and fits a terminal line or three.</summary>
    public static void AssertWellFormed(KitInputException e, string name, string what)
    {
        Assert.True(e.Message.StartsWith(name, StringComparison.Ordinal), $"{what}: message does not start with \"{name}\": {KitText.Excerpt(e.Message, 300)}");
        Assert.True(KitText.IsSafe(e.Message), $"{what}: message echoes control characters: {KitText.Excerpt(e.Message, 300)}");
        Assert.True(e.Message.Length <= 1000, $"{what}: message of {e.Message.Length} characters");
    }

    /// <summary>Runs <paramref name="body"/> on its own thread and fails if it has not returned within <see cref="Guard"/>.</summary>
    public static T Guarded<T>(Func<T> body)
    {
        var task = Task.Factory.StartNew(body, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        Assert.True(task.Wait(Guard), $"did not return within {Guard.TotalSeconds} s");
        return task.Result;
    }
}
