namespace GoRuntimeLab.Wasm;

/// <summary>What one golab run printed in the browser.</summary>
public sealed record BrowserRun(int ExitCode, string Stdout, string Stderr);
