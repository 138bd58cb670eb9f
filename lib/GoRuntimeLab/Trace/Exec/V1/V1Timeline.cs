// Mirrors: internal/trace/parser.go parseEvents (batches, time conversion), order.go order1007 and parser.go
// postProcessTrace (Go 1.19; Go 1.21 the same), for formats 1.7-1.21. Simplifies: a tie in time between ready
// events of different Ps is broken by P number (Go breaks it by map order and an unstable sort, i.e. at random).
using System.Text;

namespace GoRuntimeLab.Trace.Exec.V1;

/// <summary>
/// The whole trace in memory, in the order parser.go gives it: the per-P batches merged into one consistent stream
/// (order1007), GoSysExit moved to its real time, times in nanoseconds from the first event, and every event linked
/// to the one that ends it (postProcessTrace). Unlike <see cref="V1TraceReader"/> this holds every event — about
/// 100 bytes each — so it is bounded by <see cref="MaxEvents"/>.
/// </summary>
internal sealed class V1Timeline
{
    /// <summary>The most events held in memory (~100 bytes each): 20 million, a trace of some 100 MB.</summary>
    public const int MaxEvents = 20_000_000;

    private const long TimerP = V1Parser.FakeP + 1, NetpollP = V1Parser.FakeP + 2, SyscallP = V1Parser.FakeP + 3, GCP = V1Parser.FakeP + 4, ProfileP = V1Parser.FakeP + 5;

    private readonly Func<ulong, string> _str;

    private V1Timeline(List<V1Event> events, Dictionary<ulong, V1Frame[]> stacks, Func<ulong, string> str)
    {
        Events = events;
        Stacks = stacks;
        _str = str;
    }

    /// <summary>The events in time order, times in nanoseconds from the first.</summary>
    public IReadOnlyList<V1Event> Events { get; }

    /// <summary>Stack id → frames, innermost first.</summary>
    public IReadOnlyDictionary<ulong, V1Frame[]> Stacks { get; }

    /// <summary>The string of the trace's string table with id <paramref name="id"/> (labels, region names), or "".</summary>
    public string Str(ulong id) => _str(id);

    /// <summary>Reads, orders and links the events after the header.</summary>
    /// <exception cref="ExecTraceFormatException">Corrupt, inconsistent (as parser.go would refuse it), or more than <see cref="MaxEvents"/> events.</exception>
    public static V1Timeline Read(Stream stream, string source, ExecTraceHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var collector = new Collector(source);
        var ticksPerSec = V1Parser.Read(stream, source, header, collector);
        var ver = header.Major * 1000 + header.Minor;
        var events = Order1007(collector.Batches, source);

        // parseEvents: translate cpu ticks to real time; move timers and syscalls to separate fake Ps.
        var minTs = events[0].Ts;
        var freq = 1e9 / ticksPerSec;
        foreach (var ev in events)
        {
            ev.Ts = (long)((double)unchecked(ev.Ts - minTs) * freq);
            if (collector.TimerGoids.Contains(ev.G) && ev.Type == V1EventTypes.GoUnblock) ev.P = TimerP;
            if (ev.Type == V1EventTypes.GoSysExit) ev.P = SyscallP;
        }

        var stacks = new Dictionary<ulong, V1Frame[]>();
        foreach (var (id, frames) in collector.StackArgs)
        {
            var stk = new V1Frame[frames.Length / 4];
            for (var i = 0; i < stk.Length; i++)
                stk[i] = new V1Frame(frames[4 * i], collector.Str(frames[4 * i + 1]), collector.Str(frames[4 * i + 2]), (long)frames[4 * i + 3]);
            stacks[id] = stk;
        }

        PostProcess(ver, events, source, collector);
        return new V1Timeline(events, stacks, collector.Str);
    }

    // parseEvents' batches: events by P, CPU samples in their own batch; the string and stack tables.
    private sealed class Collector(string source) : IV1Sink
    {
        private readonly Dictionary<ulong, string> _strings = [];
        private int _count;

        public SortedDictionary<long, List<V1Event>> Batches { get; } = [];
        public Dictionary<ulong, ulong[]> StackArgs { get; } = [];
        public HashSet<ulong> TimerGoids { get; } = [];

        public bool WantsTables => true;

        public string Str(ulong id) => _strings.GetValueOrDefault(id, "");

        public void String(ulong id, byte[] text) => _strings[id] = Encoding.UTF8.GetString(text);

        public void Stack(ulong id, ReadOnlySpan<ulong> frames) => StackArgs[id] = frames.ToArray();

        public void TimerGoroutine(ulong g) => TimerGoids.Add(g);

        public void Event(in V1RawEvent e)
        {
            if (++_count > MaxEvents)
                throw ExecTraceFormatException.At(source, e.Offset, $"more than {MaxEvents} events: too many to hold in memory for this analysis (the statistics read any size)");
            var p = e.Type == V1EventTypes.CPUSample ? ProfileP : e.P;
            if (!Batches.TryGetValue(p, out var batch)) Batches[p] = batch = [];
            batch.Add(new V1Event(e));
        }
    }

    // order.go: goroutine states for ordering.
    private const int GDead = 0, GRunnable = 1, GRunning = 2, GWaiting = 3;
    private const ulong Unordered = ulong.MaxValue, Garbage = ulong.MaxValue - 1, NoSeq = ulong.MaxValue, SeqInc = ulong.MaxValue - 1;

    private readonly record struct GState(ulong Seq, int Status);

    // order.go stateTransition.
    private static (ulong G, GState Init, GState Next) StateTransition(V1Event ev) => ev.Type switch
    {
        V1EventTypes.GoCreate => (ev.A0, new(0, GDead), new(1, GRunnable)),
        V1EventTypes.GoWaiting or V1EventTypes.GoInSyscall => (ev.G, new(1, GRunnable), new(2, GWaiting)),
        V1EventTypes.GoStart or V1EventTypes.GoStartLabel => (ev.G, new(ev.A1, GRunnable), new(ev.A1 + 1, GRunning)),
        V1EventTypes.GoStartLocal => (ev.G, new(NoSeq, GRunnable), new(SeqInc, GRunning)),
        20 or 22 or 23 or 24 or 25 or 26 or 27 or 19 or V1EventTypes.GoSysBlock or V1EventTypes.GoBlockGC
            => (ev.G, new(NoSeq, GRunning), new(NoSeq, GWaiting)),
        17 or 18 => (ev.G, new(NoSeq, GRunning), new(NoSeq, GRunnable)), // GoSched, GoPreempt
        V1EventTypes.GoUnblock or V1EventTypes.GoSysExit => (ev.A0, new(ev.A1, GWaiting), new(ev.A1 + 1, GRunnable)),
        V1EventTypes.GoUnblockLocal or V1EventTypes.GoSysExitLocal => (ev.A0, new(NoSeq, GWaiting), new(SeqInc, GRunnable)),
        V1EventTypes.GCStart => (Garbage, new(ev.A0, GDead), new(ev.A0 + 1, GDead)),
        _ => (Unordered, default, default),
    };

    private static bool TransitionReady(ulong g, GState curr, GState init) =>
        g == Unordered || (init.Seq == NoSeq || init.Seq == curr.Seq) && init.Status == curr.Status;

    // order.go order1007: merge the per-P batches into one consistent stream.
    private static List<V1Event> Order1007(SortedDictionary<long, List<V1Event>> m, string source)
    {
        if (m.TryGetValue(ProfileP, out var samples))
        {
            // Re-sort CPU samples by the time the signal handler took (sort.Stable).
            var sorted = samples.Select((e, i) => (e, i)).OrderBy(x => x.e.Ts).ThenBy(x => x.i).Select(x => x.e).ToList();
            m[ProfileP] = sorted;
        }
        var batches = m.Values.ToArray();
        var pos = new int[batches.Length];
        var selected = new bool[batches.Length];
        var pending = batches.Sum(b => b.Count);
        var events = new List<V1Event>(pending);
        var gs = new Dictionary<ulong, GState>();
        var frontier = new List<(V1Event Ev, int Batch, ulong G, GState Init, GState Next)>();
        for (; pending != 0; pending--)
        {
            for (var i = 0; i < batches.Length; i++)
            {
                if (selected[i] || pos[i] == batches[i].Count) continue;
                var ev = batches[i][pos[i]];
                var (g, init, next) = StateTransition(ev);
                if (!TransitionReady(g, gs.GetValueOrDefault(g), init)) continue;
                frontier.Add((ev, i, g, init, next));
                pos[i]++;
                selected[i] = true;
                // Get rid of "Local" events, they are intended merely for ordering.
                ev.Type = ev.Type switch
                {
                    V1EventTypes.GoStartLocal => V1EventTypes.GoStart,
                    V1EventTypes.GoUnblockLocal => V1EventTypes.GoUnblock,
                    V1EventTypes.GoSysExitLocal => V1EventTypes.GoSysExit,
                    _ => ev.Type,
                };
            }
            if (frontier.Count == 0)
            {
                var stuck = batches.Select((b, i) => pos[i] < b.Count ? b[pos[i]].Offset : long.MaxValue).Min();
                throw ExecTraceFormatException.At(source, stuck, "no consistent ordering of events possible");
            }
            var best = 0;
            for (var k = 1; k < frontier.Count; k++)
                if (frontier[k].Ev.Ts < frontier[best].Ev.Ts) best = k;
            var f = frontier[best];
            frontier.RemoveAt(best);
            events.Add(f.Ev);
            if (f.G != Unordered)
            {
                var curr = gs.GetValueOrDefault(f.G);
                if (!TransitionReady(f.G, curr, f.Init))
                    throw ExecTraceFormatException.At(source, f.Ev.Offset, "event sequences are broken");
                var next = f.Next;
                if (next.Seq == NoSeq) next = next with { Seq = curr.Seq };
                else if (next.Seq == SeqInc) next = next with { Seq = curr.Seq + 1 };
                gs[f.G] = next;
            }
            selected[f.Batch] = false;
        }

        // Make sure time stamps respect the ordering.
        for (var i = 1; i < events.Count; i++)
            if (events[i].Ts < events[i - 1].Ts)
                throw ExecTraceFormatException.At(source, events[i].Offset, "time stamps out of order");

        // GoSysExit gets the real exit time (Args[2]) when the runtime recorded one.
        var lastSysBlock = new Dictionary<ulong, long>();
        foreach (var ev in events)
        {
            switch (ev.Type)
            {
                case V1EventTypes.GoSysBlock or V1EventTypes.GoInSyscall:
                    lastSysBlock[ev.G] = ev.Ts;
                    break;
                case V1EventTypes.GoSysExit:
                    var ts = (long)ev.A2;
                    if (ts == 0) continue;
                    var block = lastSysBlock.GetValueOrDefault(ev.G);
                    if (block == 0) throw ExecTraceFormatException.At(source, ev.Offset, "stray syscall exit");
                    if (ts < block) throw ExecTraceFormatException.At(source, ev.Offset, "time stamps out of order");
                    ev.Ts = ts;
                    break;
            }
        }
        return [.. events.Select((e, i) => (e, i)).OrderBy(x => x.e.Ts).ThenBy(x => x.i).Select(x => x.e)];
    }

    private struct GDesc
    {
        public int State;
        public V1Event? Ev, EvStart, EvCreate, EvMarkAssist;
    }

    private struct PDesc
    {
        public bool Running;
        public ulong G;
        public V1Event? EvSTW, EvSweep;
    }

    // parser.go postProcessTrace: inter-event verification, and the links.
    private static void PostProcess(int ver, List<V1Event> events, string source, Collector tables)
    {
        var gs = new Dictionary<ulong, GDesc> { [0] = new GDesc { State = GRunning } };
        var ps = new Dictionary<long, PDesc>();
        var tasks = new Dictionary<ulong, V1Event>();
        var activeRegions = new Dictionary<ulong, List<V1Event>>();
        V1Event? evGC = null, evSTW = null;

        ExecTraceFormatException Error(V1Event ev, string what) => ExecTraceFormatException.At(source, ev.Offset, $"{what} (time {ev.Ts})");

        void CheckRunning(PDesc p, GDesc g, V1Event ev, bool allowG0)
        {
            var name = V1EventTypes.Name(ev.Type, ver);
            if (g.State != GRunning) throw Error(ev, $"g {ev.G} is not running while {name}");
            if (p.G != ev.G) throw Error(ev, $"p {ev.P} is not running g {ev.G} while {name}");
            if (!allowG0 && ev.G == 0) throw Error(ev, $"g 0 did {name}");
        }

        foreach (var ev in events)
        {
            var g = gs.GetValueOrDefault(ev.G);
            var p = ps.GetValueOrDefault(ev.P);
            switch (ev.Type)
            {
                case 5: // ProcStart
                    if (p.Running) throw Error(ev, $"p {ev.P} is running before start");
                    p.Running = true;
                    break;
                case 6: // ProcStop
                    if (!p.Running) throw Error(ev, $"p {ev.P} is not running before stop");
                    if (p.G != 0) throw Error(ev, $"p {ev.P} is running a goroutine {p.G} during stop");
                    p.Running = false;
                    break;
                case V1EventTypes.GCStart:
                    if (evGC is not null) throw Error(ev, "previous GC is not ended before a new one");
                    evGC = ev;
                    ev.P = GCP; // attribute this to the global GC state
                    break;
                case V1EventTypes.GCDone:
                    if (evGC is null) throw Error(ev, "bogus GC end");
                    evGC.Link = ev;
                    evGC = null;
                    break;
                case V1EventTypes.GCSTWStart:
                    if (ver < 1010)
                    {
                        // Before 1.10, EvGCSTWStart was per-P.
                        if (p.EvSTW is not null) throw Error(ev, "previous STW is not ended before a new one");
                        p.EvSTW = ev;
                    }
                    else
                    {
                        if (evSTW is not null) throw Error(ev, "previous STW is not ended before a new one");
                        evSTW = ev;
                    }
                    break;
                case V1EventTypes.GCSTWDone:
                    if (ver < 1010)
                    {
                        if (p.EvSTW is null) throw Error(ev, "bogus STW end");
                        p.EvSTW.Link = ev;
                        p.EvSTW = null;
                    }
                    else
                    {
                        if (evSTW is null) throw Error(ev, "bogus STW end");
                        evSTW.Link = ev;
                        evSTW = null;
                    }
                    break;
                case 11: // GCSweepStart
                    if (p.EvSweep is not null) throw Error(ev, "previous sweeping is not ended before a new one");
                    p.EvSweep = ev;
                    break;
                case 43: // GCMarkAssistStart
                    if (g.EvMarkAssist is not null) throw Error(ev, "previous mark assist is not ended before a new one");
                    g.EvMarkAssist = ev;
                    break;
                case 44: // GCMarkAssistDone: can be in progress when tracing starts, so no error.
                    if (g.EvMarkAssist is not null)
                    {
                        g.EvMarkAssist.Link = ev;
                        g.EvMarkAssist = null;
                    }
                    break;
                case V1EventTypes.GCSweepDone:
                    if (p.EvSweep is null) throw Error(ev, "bogus sweeping end");
                    p.EvSweep.Link = ev;
                    p.EvSweep = null;
                    break;
                case V1EventTypes.GoWaiting or V1EventTypes.GoInSyscall:
                    if (g.State != GRunnable) throw Error(ev, $"g {ev.G} is not runnable before {V1EventTypes.Name(ev.Type, ver)}");
                    g.State = GWaiting;
                    g.Ev = ev;
                    break;
                case V1EventTypes.GoCreate:
                    CheckRunning(p, g, ev, true);
                    if (gs.ContainsKey(ev.A0)) throw Error(ev, $"g {ev.A0} already exists");
                    gs[ev.A0] = new GDesc { State = GRunnable, Ev = ev, EvCreate = ev };
                    break;
                case V1EventTypes.GoStart or V1EventTypes.GoStartLabel:
                    if (g.State != GRunnable) throw Error(ev, $"g {ev.G} is not runnable before start");
                    if (p.G != 0) throw Error(ev, $"p {ev.P} is already running g {p.G} while start g {ev.G}");
                    g.State = GRunning;
                    g.EvStart = ev;
                    p.G = ev.G;
                    if (g.EvCreate is not null)
                    {
                        ev.StkId = g.EvCreate.A1;
                        g.EvCreate = null;
                    }
                    if (g.Ev is not null)
                    {
                        g.Ev.Link = ev;
                        g.Ev = null;
                    }
                    break;
                case V1EventTypes.GoEnd or 16: // GoEnd, GoStop
                    CheckRunning(p, g, ev, false);
                    (g.EvStart ?? throw Error(ev, $"g {ev.G} has no start event")).Link = ev;
                    g.EvStart = null;
                    g.State = GDead;
                    p.G = 0;
                    if (ev.Type == V1EventTypes.GoEnd && activeRegions.Remove(ev.G, out var open))
                        foreach (var s in open) s.Link = ev; // flush all active regions
                    break;
                case 17 or 18: // GoSched, GoPreempt
                    CheckRunning(p, g, ev, false);
                    g.State = GRunnable;
                    (g.EvStart ?? throw Error(ev, $"g {ev.G} has no start event")).Link = ev;
                    g.EvStart = null;
                    p.G = 0;
                    g.Ev = ev;
                    break;
                case V1EventTypes.GoUnblock:
                    {
                        if (g.State != GRunning) throw Error(ev, $"g {ev.G} is not running while unpark");
                        if (ev.P != TimerP && p.G != ev.G) throw Error(ev, $"p {ev.P} is not running g {ev.G} while unpark");
                        var g1 = gs.GetValueOrDefault(ev.A0);
                        if (g1.State != GWaiting) throw Error(ev, $"g {ev.A0} is not waiting before unpark");
                        if (g1.Ev is not null && g1.Ev.Type == 27 && ev.P != TimerP) ev.P = NetpollP; // after GoBlockNet
                        if (g1.Ev is not null) g1.Ev.Link = ev;
                        g1.State = GRunnable;
                        g1.Ev = ev;
                        gs[ev.A0] = g1;
                        break;
                    }
                case 28: // GoSysCall
                    CheckRunning(p, g, ev, false);
                    g.Ev = ev;
                    break;
                case V1EventTypes.GoSysBlock:
                    CheckRunning(p, g, ev, false);
                    g.State = GWaiting;
                    (g.EvStart ?? throw Error(ev, $"g {ev.G} has no start event")).Link = ev;
                    g.EvStart = null;
                    p.G = 0;
                    break;
                case V1EventTypes.GoSysExit:
                    if (g.State != GWaiting) throw Error(ev, $"g {ev.G} is not waiting during syscall exit");
                    if (g.Ev is not null && g.Ev.Type == 28) g.Ev.Link = ev;
                    g.State = GRunnable;
                    g.Ev = ev;
                    break;
                case 19 or 20 or 22 or 23 or 24 or 25 or 26 or 27 or V1EventTypes.GoBlockGC:
                    // GoSleep, GoBlock, GoBlockSend, GoBlockRecv, GoBlockSelect, GoBlockSync, GoBlockCond, GoBlockNet, GoBlockGC.
                    CheckRunning(p, g, ev, false);
                    g.State = GWaiting;
                    g.Ev = ev;
                    (g.EvStart ?? throw Error(ev, $"g {ev.G} has no start event")).Link = ev;
                    g.EvStart = null;
                    p.G = 0;
                    break;
                case 45: // UserTaskCreate
                    if (!tasks.TryAdd(ev.A0, ev)) throw Error(ev, $"task id conflicts (id:{ev.A0})");
                    break;
                case 46: // UserTaskEnd
                    if (tasks.Remove(ev.A0, out var create)) create.Link = ev;
                    break;
                case 47: // UserRegion
                    {
                        var mode = ev.A1;
                        if (mode == 0)
                        {
                            if (!activeRegions.TryGetValue(ev.G, out var regions)) activeRegions[ev.G] = regions = [];
                            regions.Add(ev); // push
                        }
                        else if (mode == 1)
                        {
                            if (activeRegions.TryGetValue(ev.G, out var regions) && regions.Count > 0)
                            {
                                var s = regions[^1];
                                if (s.A0 != ev.A0 || tables.Str(s.A2) != tables.Str(ev.A2))
                                    throw Error(ev, $"misuse of region in goroutine {ev.G}: span end when the inner-most active span start event is another");
                                s.Link = ev;
                                regions.RemoveAt(regions.Count - 1);
                                if (regions.Count == 0) activeRegions.Remove(ev.G);
                            }
                        }
                        else
                        {
                            throw Error(ev, $"invalid user region mode {mode}");
                        }
                        break;
                    }
            }
            gs[ev.G] = g;
            ps[ev.P] = p;
        }
    }
}
