// Mirrors: the G status changes of runtime/proc.go (casgstatus: execute → _Grunning, goschedImpl/gopreempt_m →
// _Grunnable, gopark → _Gwaiting, entersyscall → _Gsyscall, goexit0 → _Gdead), Go 1.13–1.23, as a simulator run
// recorded them. Simplified: counts what the simulator did; reconstructs zero-length states from its events.

namespace GoRuntimeLab.Sched.Analysis;

/// <summary>
/// Counts each G's status transitions in a <see cref="SchedResult"/>. The G timeline keeps only states that lasted
/// some simulated time, so a G that is preempted and picked again at the same instant (its _Grunnable lasted 0 ns)
/// shows as two _Grunning spans back to back. Such a pair is split again here using the run's preemption and
/// Gosched events for that G at that instant, so <c>Running → Runnable</c> equals the preemptions plus Gosched calls.
/// </summary>
public static class GTransitions
{
    /// <summary>
    /// Transition counts, most frequent first. Two equal states back to back that no preemption or Gosched event
    /// explains (the states between lasted 0 ns and are not recorded) are counted as a From == To row.
    /// </summary>
    public static IReadOnlyList<GTransitionCount> Count(SchedResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        // (G, time) of every Running → Runnable the simulator announced: preemptions and Gosched.
        var yields = run.Events
            .Where(e => e.Kind is SchedEventKind.PreemptAsync or SchedEventKind.PreemptCooperative or SchedEventKind.Gosched)
            .GroupBy(e => (e.G, e.Time)).ToDictionary(g => g.Key, g => g.Count());
        var counts = new Dictionary<(GStatus, GStatus), (int Seen, int Restored)>();
        void Add(GStatus from, GStatus to, bool restored)
        {
            counts.TryGetValue((from, to), out var c);
            counts[(from, to)] = restored ? (c.Seen, c.Restored + 1) : (c.Seen + 1, c.Restored);
        }

        foreach (var spans in run.GTimeline.GroupBy(s => s.G))
        {
            GSpan? previous = null;
            foreach (var span in spans.OrderBy(s => s.Start))
            {
                if (previous is not null)
                {
                    if (previous.Status != span.Status)
                    {
                        Add(previous.Status, span.Status, restored: false);
                    }
                    else if (previous.Status == GStatus.Running && yields.TryGetValue((span.G, previous.End), out var n) && n > 0)
                    {
                        // Preempted (or Gosched) and rescheduled at once: a 0 ns _Grunnable in between.
                        yields[(span.G, previous.End)] = n - 1;
                        Add(GStatus.Running, GStatus.Runnable, restored: true);
                        Add(GStatus.Runnable, GStatus.Running, restored: true);
                    }
                    else
                    {
                        // States in between lasted 0 ns and no event names them (e.g. woken and parked again at once):
                        // counted as From == To so they stay visible instead of vanishing.
                        Add(span.Status, span.Status, restored: true);
                    }
                }

                previous = span;
            }
        }

        return counts.Select(kv => new GTransitionCount(kv.Key.Item1, kv.Key.Item2, kv.Value.Seen + kv.Value.Restored, kv.Value.Restored))
            .OrderByDescending(c => c.Count).ThenBy(c => c.From).ThenBy(c => c.To).ToList();
    }
}
