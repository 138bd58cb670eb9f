namespace GoRuntimeLab.Cli.Commands;

/// <summary>The CLI contract (ARCHITECTURE.md §3).</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int BadInput = 2;
}
