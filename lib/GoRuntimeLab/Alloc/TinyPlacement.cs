// Mirrors: runtime/malloc.go (mallocgc's tiny path: c.tiny, c.tinyoffset), Go 1.19–1.23.
// Simplified: blocks are numbered instead of addressed.
namespace GoRuntimeLab.Alloc;

/// <summary>Where the tiny allocator put one object.</summary>
/// <param name="Index">The object's position in the sequence placed so far (0-based).</param>
/// <param name="Size">Object bytes (1…15).</param>
/// <param name="Block">Number of the 16-byte block holding it (blocks are numbered in the order they were opened).</param>
/// <param name="Offset">Byte offset inside the block (aligned to 8, 4 or 2 by the object's size).</param>
/// <param name="NewBlock">A fresh block was taken from the class-2 span for this object.</param>
/// <param name="BecameCurrent">The new block replaced the current one (it has more room left); false when the old block stays current.</param>
public sealed record TinyPlacement(int Index, long Size, int Block, long Offset, bool NewBlock, bool BecameCurrent)
{
    public override string ToString() =>
        $"#{Index} {Size} B → block {Block} @ {Offset}{(NewBlock ? BecameCurrent ? " (new block, now current)" : " (new block, old stays current)" : "")}";
}
