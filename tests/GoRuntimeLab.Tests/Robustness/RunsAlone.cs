namespace GoRuntimeLab.Tests.Robustness;

/// <summary>The bounds tests measure the heap's growth, so they run alone (not beside other test classes).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunsAlone
{
    public const string Name = "Robustness (runs alone)";
}
