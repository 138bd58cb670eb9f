// Mirrors: the step verbs of data/go/ctxtree.
namespace GoRuntimeLab.NetPool.CancelTree;

/// <summary>What a script step does.</summary>
public enum ContextStepKind
{
    /// <summary>Report every node's state.</summary>
    Check,

    /// <summary>Call the node's cancel function (with the step's cause for CancelCause).</summary>
    Cancel,

    /// <summary>Call an AfterFunc's stop function.</summary>
    Stop,

    /// <summary>Make a node whose CreateAt is this step's time.</summary>
    Create,
}
