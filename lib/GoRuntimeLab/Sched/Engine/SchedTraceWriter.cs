// Mirrors: schedtrace (proc.go), Go 1.13–1.23: the SCHED line and, with scheddetail=1, one line per P, M and G
// (field set and flag/nil spelling per version: 1.19 prints 0/1 and -1, 1.21+ prints false/true and nil).
using System.Text;
using static System.FormattableString;

namespace GoRuntimeLab.Sched.Engine;

/// <summary>Formats GODEBUG=schedtrace output from the core <see cref="Simulator"/>'s state; sysmon decides when.</summary>
internal sealed class SchedTraceWriter(Simulator s, bool v121)
{
    private readonly Simulator _s = s;
    private readonly bool _v121 = v121;
    private readonly List<string> _lines = [];
    private long _starttime = -1;

    public IReadOnlyList<string> Lines => _lines;

    public void Write(bool detailed)
    {
        if (_starttime < 0) _starttime = _s.Now;
        _s.CountRecords(detailed ? 1 + _s.AllP.Length + _s.AllM.Count + _s.AllG.Count : 1);
        var sb = new StringBuilder();
        sb.Append(Invariant($"SCHED {(_s.Now - _starttime) / 1_000_000}ms: gomaxprocs={_s.AllP.Length} idleprocs={_s.IdleProcs} threads={_s.AllM.Count} spinningthreads={_s.Nmspinning}"));
        if (_v121) sb.Append(Invariant($" needspinning={(_s.NeedSpinning ? 1 : 0)}"));
        sb.Append(Invariant($" idlethreads={_s.IdleThreads} runqueue={_s.GlobalRunqSize}"));
        if (detailed)
        {
            // 1.19 prints these uint32 flags as 0/1; 1.21+ made them atomic.Bool and prints false/true.
            sb.Append(Invariant($" gcwaiting={Flag(false)} nmidlelocked=0 stopwait=0 sysmonwait={Flag(_s.SysmonWait)}"));
            _lines.Add(sb.ToString());
            foreach (var p in _s.AllP)
                _lines.Add(Invariant($"  P{p.Id}: status={(int)p.Status} schedtick={p.Schedtick} syscalltick={p.Syscalltick} m={Ref(p.M?.Id)} runqsize={p.RunqSize} gfreecnt={p.GFree} timerslen={p.Timers.Count}"));
            for (var i = _s.AllM.Count - 1; i >= 0; i--)
            {
                // allm is a linked list with the newest M first.
                var m = _s.AllM[i];
                _lines.Add(Invariant($"  M{m.Id}: p={Ref(m.P?.Id)} curg={Ref(m.Curg?.Id)} mallocing=0 throwing=0 preemptoff= locks=0 dying=0 spinning={Bool(m.Spinning)} blocked={Bool(m.Blocked)} lockedg={Ref(null)}"));
            }

            foreach (var g in _s.AllG)
                _lines.Add(Invariant($"  G{g.Id}: status={(int)g.Status}({g.WaitReason}) m={Ref(g.M?.Id)} lockedm={Ref(null)}"));
            return;
        }

        sb.Append(' ');
        for (var i = 0; i < _s.AllP.Length; i++)
        {
            if (i == 0) sb.Append('[');
            sb.Append(_s.AllP[i].RunqSize.ToString(System.Globalization.CultureInfo.InvariantCulture));
            sb.Append(i == _s.AllP.Length - 1 ? "]" : " ");
        }

        _lines.Add(sb.ToString());
    }

    private string Flag(bool b) => _v121 ? Bool(b) : (b ? "1" : "0");

    private static string Bool(bool b) => b ? "true" : "false";

    // Absent references: -1 in Go 1.19, nil in 1.21+.
    private string Ref(int? id) => id is { } v ? v.ToString(System.Globalization.CultureInfo.InvariantCulture) : _v121 ? "nil" : "-1";
}
