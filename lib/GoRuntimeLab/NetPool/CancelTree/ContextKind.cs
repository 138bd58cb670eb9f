// Mirrors: the constructors of package context (src/context/context.go, Go 1.19–1.23) and the release that added each.
namespace GoRuntimeLab.NetPool.CancelTree;

/// <summary>How a node of a context tree is made.</summary>
public enum ContextKind
{
    /// <summary>context.Background(): never done, no deadline.</summary>
    Background,

    /// <summary>context.WithCancel.</summary>
    Cancel,

    /// <summary>context.WithCancelCause (Go 1.20+): the cancel function takes a cause.</summary>
    CancelCause,

    /// <summary>context.WithTimeout: a deadline <c>Ms</c> after the node is made.</summary>
    Timeout,

    /// <summary>context.WithDeadline: a deadline <c>Ms</c> after the start.</summary>
    Deadline,

    /// <summary>context.WithTimeoutCause (Go 1.21+): the cause reported when the timer fires.</summary>
    TimeoutCause,

    /// <summary>context.WithDeadlineCause (Go 1.21+).</summary>
    DeadlineCause,

    /// <summary>context.WithoutCancel (Go 1.21+): the parent's values, never canceled, no deadline.</summary>
    WithoutCancel,

    /// <summary>context.AfterFunc (Go 1.21+): not a context but a callback run once the parent is done (unless stopped).</summary>
    AfterFunc,
}
