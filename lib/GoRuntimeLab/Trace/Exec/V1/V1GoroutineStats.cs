// Mirrors: internal/trace/goroutines.go GoroutineStats, snapshotStat and finalize (Go 1.19; 1.21 the same), without
// the per-region statistics. Kept quirks: a goroutine that ended is finalized a second time at the end of the trace
// (its pending times are zero then, but a GC still running at the end adds to its GC time again), as Go does.
namespace GoRuntimeLab.Trace.Exec.V1;

/// <summary>Per-goroutine execution, wait and block times over the ordered, linked timeline.</summary>
internal static class V1GoroutineStats
{
    private sealed class G
    {
        public ulong Id, Pc;
        public string Name = "";
        public long CreationTime, StartTime, EndTime;
        public long ExecTime, SchedWaitTime, IoTime, BlockTime, SyscallTime, GcTime, SweepTime, TotalTime;
        public Pending? P = new();
    }

    // gdesc: the private part, needed only during the analysis.
    private sealed class Pending
    {
        public long LastStartTime, BlockNetTime, BlockSyncTime, BlockSyscallTime, BlockSweepTime, BlockGcTime, BlockSchedTime;
    }

    public static IReadOnlyList<ExecTraceGoroutine> Compute(V1Timeline timeline, string source)
    {
        var gs = new Dictionary<ulong, G>();
        long lastTs = 0, gcStartTime = 0;

        G Get(V1Event ev, ulong id) => gs.TryGetValue(id, out var g)
            ? g
            : throw ExecTraceFormatException.At(source, ev.Offset, $"goroutine {id} appears without being created (GoroutineStats would crash)");

        foreach (var ev in timeline.Events)
        {
            lastTs = ev.Ts;
            switch (ev.Type)
            {
                case V1EventTypes.GoCreate:
                    {
                        var g = new G { Id = ev.A0, CreationTime = ev.Ts };
                        g.P!.BlockSchedTime = ev.Ts;
                        gs[g.Id] = g;
                        break;
                    }
                case V1EventTypes.GoStart or V1EventTypes.GoStartLabel:
                    {
                        var g = Get(ev, ev.G);
                        if (g.Pc == 0 && timeline.Stacks.TryGetValue(ev.StkId, out var stk) && stk.Length > 0)
                        {
                            g.Pc = stk[0].Pc;
                            g.Name = stk[0].Fn;
                        }
                        var p = g.P!;
                        p.LastStartTime = ev.Ts;
                        if (g.StartTime == 0) g.StartTime = ev.Ts;
                        if (p.BlockSchedTime != 0)
                        {
                            g.SchedWaitTime += ev.Ts - p.BlockSchedTime;
                            p.BlockSchedTime = 0;
                        }
                        break;
                    }
                case V1EventTypes.GoEnd or 16: // GoEnd, GoStop
                    Finalize(Get(ev, ev.G), ev.Ts, gcStartTime, ev);
                    break;
                case 22 or 23 or 24 or 25 or 26: // GoBlockSend, Recv, Select, Sync, Cond
                    {
                        var g = Get(ev, ev.G);
                        Stop(g, ev).BlockSyncTime = ev.Ts;
                        break;
                    }
                case 17 or 18: // GoSched, GoPreempt
                    {
                        var g = Get(ev, ev.G);
                        Stop(g, ev).BlockSchedTime = ev.Ts;
                        break;
                    }
                case 19 or 20: // GoSleep, GoBlock
                    Stop(Get(ev, ev.G), ev);
                    break;
                case 27: // GoBlockNet
                    Stop(Get(ev, ev.G), ev).BlockNetTime = ev.Ts;
                    break;
                case V1EventTypes.GoBlockGC:
                    Stop(Get(ev, ev.G), ev).BlockGcTime = ev.Ts;
                    break;
                case V1EventTypes.GoUnblock:
                    {
                        var g = Get(ev, ev.A0);
                        var p = g.P!;
                        if (p.BlockNetTime != 0)
                        {
                            g.IoTime += ev.Ts - p.BlockNetTime;
                            p.BlockNetTime = 0;
                        }
                        if (p.BlockSyncTime != 0)
                        {
                            g.BlockTime += ev.Ts - p.BlockSyncTime;
                            p.BlockSyncTime = 0;
                        }
                        p.BlockSchedTime = ev.Ts;
                        break;
                    }
                case V1EventTypes.GoSysBlock:
                    Stop(Get(ev, ev.G), ev).BlockSyscallTime = ev.Ts;
                    break;
                case V1EventTypes.GoSysExit:
                    {
                        var g = Get(ev, ev.G);
                        var p = g.P!;
                        if (p.BlockSyscallTime != 0)
                        {
                            g.SyscallTime += ev.Ts - p.BlockSyscallTime;
                            p.BlockSyscallTime = 0;
                        }
                        p.BlockSchedTime = ev.Ts;
                        break;
                    }
                case 11: // GCSweepStart: sweep can happen during GC on a system goroutine.
                    if (gs.TryGetValue(ev.G, out var sweeper)) sweeper.P!.BlockSweepTime = ev.Ts;
                    break;
                case V1EventTypes.GCSweepDone:
                    if (gs.TryGetValue(ev.G, out var swept) && swept.P!.BlockSweepTime != 0)
                    {
                        swept.SweepTime += ev.Ts - swept.P.BlockSweepTime;
                        swept.P.BlockSweepTime = 0;
                    }
                    break;
                case V1EventTypes.GCStart:
                    gcStartTime = ev.Ts;
                    break;
                case V1EventTypes.GCDone:
                    foreach (var g in gs.Values)
                    {
                        if (g.EndTime != 0) continue;
                        g.GcTime += gcStartTime < g.CreationTime ? ev.Ts - g.CreationTime : ev.Ts - gcStartTime;
                    }
                    gcStartTime = 0;
                    break;
            }
        }

        foreach (var g in gs.Values)
        {
            Finalize(g, lastTs, gcStartTime, null);
            g.P = null;
        }
        return [.. gs.Values.OrderBy(g => g.Id).Select(g => new ExecTraceGoroutine(g.Id, g.Name, g.CreationTime, g.StartTime, g.EndTime,
            g.ExecTime, g.SchedWaitTime, g.IoTime, g.BlockTime, g.SyscallTime, g.GcTime, g.SweepTime, g.TotalTime))];
    }

    // The goroutine stops running: its run since the last start counts as execution.
    private static Pending Stop(G g, V1Event ev)
    {
        var p = g.P ?? throw new InvalidOperationException("finalized goroutine");
        g.ExecTime += ev.Ts - p.LastStartTime;
        p.LastStartTime = 0;
        return p;
    }

    // finalize: the snapshot of the pending times becomes the goroutine's; the pending part is zeroed (not dropped).
    private static void Finalize(G g, long lastTs, long activeGcStartTime, V1Event? trigger)
    {
        if (trigger is not null) g.EndTime = trigger.Ts;
        var p = g.P;
        if (p is null) return; // finalized GDesc: no pending state
        if (activeGcStartTime != 0)
            g.GcTime += g.CreationTime < activeGcStartTime ? lastTs - activeGcStartTime : lastTs - g.CreationTime;
        if (g.TotalTime == 0) g.TotalTime = lastTs - g.CreationTime;
        if (p.LastStartTime != 0) g.ExecTime += lastTs - p.LastStartTime;
        if (p.BlockNetTime != 0) g.IoTime += lastTs - p.BlockNetTime;
        if (p.BlockSyncTime != 0) g.BlockTime += lastTs - p.BlockSyncTime;
        if (p.BlockSyscallTime != 0) g.SyscallTime += lastTs - p.BlockSyscallTime;
        if (p.BlockSchedTime != 0) g.SchedWaitTime += lastTs - p.BlockSchedTime;
        if (p.BlockSweepTime != 0) g.SweepTime += lastTs - p.BlockSweepTime;
        g.P = new Pending();
    }
}
