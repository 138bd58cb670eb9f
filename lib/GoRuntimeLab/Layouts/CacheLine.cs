namespace GoRuntimeLab.Layouts;

/// <summary>One cache line an object touches and the fields with bytes in it.</summary>
/// <param name="Index">0 for the line the object starts in.</param>
/// <param name="Start">The line's first byte, as an offset from the object's start (negative when the object starts inside it).</param>
/// <param name="Fields">Named fields with at least one byte in this line (blank and zero-size fields left out).</param>
public sealed record CacheLine(int Index, long Start, IReadOnlyList<string> Fields);
