// Mirrors: src/context/context.go (Go 1.19–1.23): WithCancel / WithCancelCause (1.20) → propagateCancel (a child of
// a context whose Done() is nil — Background, WithoutCancel — is never canceled; a child of a done parent is
// canceled at once with the parent's Err and cause; else it joins the parent cancelCtx's children);
// cancelCtx.cancel (first cancellation wins; cause defaults to err; children get the same err and cause);
// WithDeadline / WithDeadlineCause (1.21): a parent deadline strictly earlier makes it a plain WithCancel (its cause
// argument dropped), a deadline already past cancels at once with DeadlineExceeded, else a timer; WithTimeout is
// WithDeadline(now + d); WithoutCancel (1.21); AfterFunc (1.21: runs f once the context is done; stop() returns
// whether it prevented the run); Cause (1.20: the cause of the nearest cancelCtx, nil while it is not done).
// Simplified: virtual milliseconds; at equal times timers fire before script steps; siblings are canceled in
// creation order (Go ranges over a map: any order, same end state).
namespace GoRuntimeLab.NetPool.CancelTree;

/// <summary>Runs a context tree's script in virtual time.</summary>
public static class ContextTreeSimulator
{
    /// <summary>context.Canceled's text.</summary>
    public const string Canceled = "context canceled";

    /// <summary>context.DeadlineExceeded's text.</summary>
    public const string DeadlineExceeded = "context deadline exceeded";

    /// <summary>Runs <paramref name="spec"/> as Go <paramref name="version"/> would.</summary>
    /// <exception cref="KitInputException">The tree uses a kind newer than <paramref name="version"/>, or the version is outside 1.19–1.23.</exception>
    public static ContextTreeResult Run(ContextTreeSpec spec, GoVersion version)
    {
        ArgumentNullException.ThrowIfNull(spec);
        version = new GoVersion(version.Major, version.Minor); // the patch release does not matter here
        if (version < GoVersion.Go1_19 || version > GoVersion.Latest)
            throw KitInputException.For($"{version} is not modelled ({GoVersion.Go1_19} to {GoVersion.Latest})", parameter: GoSettings.VersionName);
        if (spec.MinimumVersion > version)
            throw KitInputException.For($"the tree needs Go {spec.MinimumVersion} (WithCancelCause is 1.20, AfterFunc/WithoutCancel/With…Cause 1.21), not {version}",
                parameter: GoSettings.VersionName);
        return new Simulation(spec, version).Execute();
    }

    private sealed class Node(ContextNodeSpec spec)
    {
        public ContextNodeSpec Spec { get; } = spec;
        public Node? Parent { get; set; }
        public bool Created { get; set; }
        public bool HasDone { get; set; }              // Done() != nil
        public bool Done { get; set; }
        public string Err { get; set; } = "";
        public string Cause { get; set; } = "";
        public long? OwnDeadline { get; set; }         // timerCtx.deadline
        public bool NoDeadline { get; set; }           // withoutCancelCtx: Deadline() reports none
        public List<Node> Children { get; } = [];      // cancelCtx.children
        public bool Ran { get; set; }                  // AfterFunc: f started
        public bool Stopped { get; set; }
        public long TimerAt { get; set; } = -1;

        public long? Deadline => OwnDeadline ?? (NoDeadline ? null : Parent?.Deadline);
    }

    private sealed class Simulation(ContextTreeSpec spec, GoVersion version)
    {
        private readonly Dictionary<string, Node> _nodes = spec.Nodes.ToDictionary(n => n.Name, n => new Node(n), StringComparer.Ordinal);
        private readonly List<ContextCheck> _checks = [];
        private readonly List<ContextEvent> _events = [];
        private readonly Dictionary<string, bool> _stopResults = new(StringComparer.Ordinal);
        private long _now;

        private bool HasCause => version >= GoVersion.Go1_20;

        public ContextTreeResult Execute()
        {
            foreach (var n in spec.Nodes.Where(n => n.CreateAt == 0)) Create(_nodes[n.Name]);
            foreach (var step in spec.Steps)
            {
                FireTimersUpTo(step.At);
                _now = step.At;
                var n = step.Node is null ? null : _nodes[step.Node];
                switch (step.Do)
                {
                    case ContextStepKind.Create: Create(n!); break;
                    case ContextStepKind.Cancel when n!.Created:
                        // The CancelFunc of every kind is cancel(true, Canceled, nil); CancelCauseFunc passes its cause.
                        Cancel(n, Canceled, n.Spec.Kind == ContextKind.CancelCause ? step.Cause : null, "cancel", null);
                        break;
                    case ContextStepKind.Stop when n!.Created: Stop(n); break;
                    case ContextStepKind.Check: _checks.Add(Check()); break;
                    default: throw KitInputException.For($"step at {step.At} ms: {step.Node} is not made yet", parameter: "tree");
                }
            }
            return new ContextTreeResult(spec, version, _checks, _events);
        }

        private void FireTimersUpTo(long time)
        {
            while (true)
            {
                var next = _nodes.Values.Where(n => n.TimerAt >= 0 && n.TimerAt <= time && !n.Done).OrderBy(n => n.TimerAt).FirstOrDefault();
                if (next is null) return;
                _now = next.TimerAt;
                next.TimerAt = -1;
                // timerCtx's timer: c.cancel(true, DeadlineExceeded, cause)
                Cancel(next, DeadlineExceeded, next.Spec.Kind is ContextKind.TimeoutCause or ContextKind.DeadlineCause ? next.Spec.Cause : null, "deadline", null);
            }
        }

        private void Create(Node n)
        {
            n.Created = true;
            var parent = n.Spec.Parent is null ? null : _nodes[n.Spec.Parent];
            n.Parent = parent;
            switch (n.Spec.Kind)
            {
                case ContextKind.Background:
                    return;
                case ContextKind.WithoutCancel:
                    n.NoDeadline = true; // withoutCancelCtx: Deadline() is zero, Done() nil, Cause nil
                    return;
                case ContextKind.AfterFunc:
                    PropagateCancel(parent!, n);
                    return;
                case ContextKind.Cancel or ContextKind.CancelCause:
                    n.HasDone = true;
                    PropagateCancel(parent!, n);
                    return;
            }
            // WithDeadline(Cause) / WithTimeout(Cause).
            var d = n.Spec.Kind is ContextKind.Timeout or ContextKind.TimeoutCause ? _now + n.Spec.Ms : n.Spec.Ms;
            n.HasDone = true;
            if (parent!.Deadline is { } cur && cur < d)
            {
                // "The current deadline is already sooner than the new one": WithCancel(parent).
                PropagateCancel(parent, n);
                return;
            }
            n.OwnDeadline = d;
            PropagateCancel(parent, n);
            if (d <= _now)
            {
                Cancel(n, DeadlineExceeded, n.Spec.Kind is ContextKind.TimeoutCause or ContextKind.DeadlineCause ? n.Spec.Cause : null, "created", null);
                return;
            }
            if (!n.Done) n.TimerAt = d;
        }

        // context.go propagateCancel.
        private void PropagateCancel(Node parent, Node child)
        {
            if (!parent.HasDone) return; // parent is never canceled
            if (parent.Done)
            {
                Cancel(child, parent.Err, parent.Cause, "created", parent.Spec.Name); // parent is already canceled
                return;
            }
            parent.Children.Add(child);
        }

        // context.go cancelCtx.cancel (and afterFuncCtx.cancel).
        private void Cancel(Node n, string err, string? cause, string via, string? from)
        {
            if (n.Spec.Kind == ContextKind.AfterFunc)
            {
                if (n.Ran || n.Stopped) return;
                n.Ran = true; // a.once.Do(func() { go a.f() })
                _events.Add(new ContextEvent(_now, n.Spec.Name, "", "", "afterFunc", from));
                return;
            }
            if (n.Done) return; // already canceled
            n.Done = true;
            n.Err = err;
            n.Cause = cause ?? err;
            n.TimerAt = -1;
            _events.Add(new ContextEvent(_now, n.Spec.Name, n.Err, HasCause ? n.Cause : "", via, from));
            var children = n.Children.ToList();
            n.Children.Clear();
            foreach (var child in children) Cancel(child, err, n.Cause, "parent", n.Spec.Name);
            n.Parent?.Children.Remove(n); // removeChild
        }

        // AfterFunc's stop: true if it prevented f from running.
        private void Stop(Node n)
        {
            var stopped = !n.Ran && !n.Stopped;
            if (stopped)
            {
                n.Stopped = true;
                n.Parent?.Children.Remove(n);
            }
            _stopResults[n.Spec.Name] = stopped;
        }

        private ContextCheck Check()
        {
            var states = spec.Nodes.Where(s => s.Kind != ContextKind.AfterFunc).Select(s =>
            {
                var n = _nodes[s.Name];
                if (!n.Created) return new ContextNodeState(s.Name, false, "not created", "", -1);
                return new ContextNodeState(s.Name, n.Done, n.Err, HasCause && n.Done ? n.Cause : "", n.Deadline ?? -1);
            }).ToList();
            var afterFuncs = spec.Nodes.Where(s => s.Kind == ContextKind.AfterFunc && _nodes[s.Name].Created)
                .ToDictionary(s => s.Name, s => _nodes[s.Name].Ran, StringComparer.Ordinal);
            return new ContextCheck(_now, states, afterFuncs, new Dictionary<string, bool>(_stopResults, StringComparer.Ordinal));
        }
    }
}
