namespace GoRuntimeLab.Cli.Infrastructure;

/// <summary>The CLI contract (docs/ARCHITECTURE.md).</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int BadInput = 2;
}
