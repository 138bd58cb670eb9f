// Mirrors: runtime/mgc.go header comment and mgcmark.go (greyobject, scanobject), Go 1.8–1.23.
// Simplified: a colour per object instead of a mark bit plus "is in a gcWork buffer"; grey = marked and queued.
namespace GoRuntimeLab.Gc.Mark;

/// <summary>The tri-colour abstraction of Go's mark phase.</summary>
public enum MarkColor
{
    /// <summary>Not marked (yet): freed by the sweep if it is still white then.</summary>
    White,

    /// <summary>Marked and queued in a gcWork buffer: its pointer slots still have to be scanned (greyobject).</summary>
    Grey,

    /// <summary>Marked and scanned (scanobject), or allocated during the cycle (gcmarknewobject).</summary>
    Black,
}
