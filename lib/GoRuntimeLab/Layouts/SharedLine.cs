namespace GoRuntimeLab.Layouts;

/// <summary>Two fields with bytes in the same cache line: written by different cores, the line ping-pongs between them.</summary>
/// <param name="First">The field declared first.</param>
/// <param name="Second">The other field.</param>
/// <param name="Lines">Indexes of the lines they share.</param>
public sealed record SharedLine(string First, string Second, IReadOnlyList<int> Lines);
