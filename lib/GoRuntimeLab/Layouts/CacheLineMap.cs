// Mirrors: nothing in Go's source; the hardware's coherence granule (64 bytes on the x86 and arm64 cores the kit
// measures). Go pads its own hot runtime structures with cpu.CacheLinePad (internal/cpu/cpu_x86.go and cpu_arm64.go:
// CacheLinePadSize = 64; cpu_arm.go: 32; Go 1.19) — see GoArch.CacheLinePadSize.
namespace GoRuntimeLab.Layouts;

/// <summary>
/// Which fields of a struct share a cache line (the unit a core owns for writing): fields written by different
/// goroutines on different cores that share a line make it move between the cores on every write ("false sharing").
/// One-line use: <c>CacheLineMap.Of(GoLayout.Analyze(src)["Stats"])</c>.
/// </summary>
/// <param name="Type">The struct.</param>
/// <param name="LineSize">Cache line size in bytes.</param>
/// <param name="BaseOffset">Where the object starts within its first line (0: line-aligned).</param>
/// <param name="Lines">Every line the object's named fields touch, in order.</param>
/// <param name="Shared">Every pair of named fields with bytes in a common line.</param>
public sealed record CacheLineMap(string Type, int LineSize, long BaseOffset, IReadOnlyList<CacheLine> Lines, IReadOnlyList<SharedLine> Shared)
{
    /// <summary>64 bytes: the cache line of x86 and arm64 cores, and Go's CacheLinePadSize there.</summary>
    public const int DefaultLineSize = 64;

    /// <summary>The most lines a map covers (4 MiB of 64-byte lines).</summary>
    public const int MaxLines = 1 << 16;

    /// <summary>Maps the fields of <paramref name="type"/> onto cache lines of <paramref name="lineSize"/> bytes.</summary>
    /// <param name="type">A struct layout from <see cref="GoLayout"/>.</param>
    /// <param name="lineSize">A power of two from 16 to 1024.</param>
    /// <param name="baseOffset">0 to lineSize−1: the object's start within its first line.</param>
    /// <exception cref="KitInputException">Not a struct, or a bad line size or offset.</exception>
    public static CacheLineMap Of(TypeLayout type, int lineSize = DefaultLineSize, long baseOffset = 0)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (lineSize is < 16 or > 1024 || (lineSize & (lineSize - 1)) != 0)
            throw KitInputException.For($"must be a power of two from 16 to 1024, not {lineSize}", parameter: nameof(lineSize));
        if (baseOffset < 0 || baseOffset >= lineSize)
            throw KitInputException.For($"must be 0 to {lineSize - 1}, not {baseOffset}", parameter: nameof(baseOffset));
        if (type.Kind != GoTypeKind.Struct)
            throw KitInputException.For($"{type.Name} is a {type.Kind.ToString().ToLowerInvariant()}, not a struct", parameter: nameof(type));

        if ((type.Size + baseOffset) / lineSize + 1 > MaxLines)
            throw KitInputException.For($"{type.Name} spans more than {MaxLines} lines of {lineSize} bytes; not supported", parameter: nameof(type));

        // Fields are in offset order, so one sweep fills the lines; a pair shares at most one line (fields do not overlap).
        var byLine = new SortedDictionary<long, List<string>>();
        foreach (var f in type.Fields.Where(f => f.Size > 0 && f.Name != "_"))
        {
            for (var line = (baseOffset + f.Offset) / lineSize; line <= (baseOffset + f.Offset + f.Size - 1) / lineSize; line++)
            {
                if (!byLine.TryGetValue(line, out var names)) byLine[line] = names = [];
                names.Add(f.Name);
            }
        }
        var lines = byLine.Select(kv => new CacheLine((int)kv.Key, kv.Key * lineSize - baseOffset, kv.Value)).ToList();
        var shared = new List<SharedLine>();
        foreach (var line in lines)
            for (var i = 0; i < line.Fields.Count; i++)
                for (var j = i + 1; j < line.Fields.Count; j++)
                    shared.Add(new SharedLine(line.Fields[i], line.Fields[j], [line.Index]));
        return new CacheLineMap(type.Name, lineSize, baseOffset, lines, shared);
    }

    /// <summary>Whether fields <paramref name="a"/> and <paramref name="b"/> have bytes in a common line.</summary>
    public bool Share(string a, string b) => Shared.Any(p => (p.First == a && p.Second == b) || (p.First == b && p.Second == a));
}
