// Mirrors: waitq enqueue/dequeue/dequeueSudoG (chan.go, select.go), Go 1.13–1.23.
// Simplified: selectDone is a plain bool (the simulator is single-threaded), the CAS becomes test-and-set.
namespace GoRuntimeLab.Sched.Engine;

internal sealed class WaitQueue
{
    public Sudog? First;
    public Sudog? Last;

    public void Enqueue(Sudog sg)
    {
        sg.Next = null;
        sg.Prev = Last;
        if (Last is null) First = sg;
        else Last.Next = sg;
        Last = sg;
    }

    // waitq.dequeue: a select sudog whose G was already woken by another case is skipped (selectDone CAS fails).
    public Sudog? Dequeue()
    {
        while (true)
        {
            var sg = First;
            if (sg is null) return null;
            var y = sg.Next;
            if (y is null) { First = null; Last = null; }
            else { y.Prev = null; First = y; sg.Next = null; }
            if (sg.IsSelect)
            {
                if (sg.G.SelectDone) continue;
                sg.G.SelectDone = true;
            }

            return sg;
        }
    }

    // dequeueSudoG: selectgo pass 3 removes the losing cases' sudogs.
    public void Remove(Sudog sg)
    {
        var x = sg.Prev;
        var y = sg.Next;
        if (x is not null)
        {
            if (y is not null) { x.Next = y; y.Prev = x; sg.Next = null; sg.Prev = null; return; }
            x.Next = null; Last = x; sg.Prev = null; return;
        }

        if (y is not null) { y.Prev = null; First = y; sg.Next = null; return; }
        if (First == sg) { First = null; Last = null; }
    }

    /// <summary>Waiters that can still be woken (select sudogs of an already-woken G excluded).</summary>
    public int LiveCount()
    {
        var n = 0;
        for (var s = First; s is not null; s = s.Next) if (!(s.IsSelect && s.G.SelectDone)) n++;
        return n;
    }
}
