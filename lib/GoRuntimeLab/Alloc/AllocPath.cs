// Mirrors: runtime/malloc.go (mallocgc: the branches a heap allocation takes), Go 1.19–1.23.
// Simplified: 64-bit only; race/asan/msan and debug.malloc paths are not modelled.
namespace GoRuntimeLab.Alloc;

/// <summary>Which branch of mallocgc serves an allocation.</summary>
public enum AllocPath
{
    /// <summary>size == 0: mallocgc returns &amp;zerobase; nothing is allocated.</summary>
    ZeroBase,

    /// <summary>Pointer-free and &lt; 16 B: packed into the P's 16-byte tiny block.</summary>
    Tiny,

    /// <summary>A small size class, from the P's mcache span of that span class.</summary>
    Small,

    /// <summary>Above the small limit: a dedicated span of whole pages (mcache.allocLarge).</summary>
    Large,
}
