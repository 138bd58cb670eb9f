// tracesummary prints what Go 1.22/1.23's own trace reader and goroutine summarizer (internal/trace/v2 Reader +
// internal/trace summary.go in Go 1.22; internal/trace Reader + summary.go in Go 1.23) make of an execution trace, as
// the oracle of the kit's V2 goroutine analysis. One tab-separated line per goroutine, sorted by id — id, name,
// creation, start, end, exec, schedWait, syscall, syscallBlock, total, then the block times by reason and the range
// times as reason=ns pairs sorted by name; then one line per task (id, name, parent, start, end, logs, regions).
// Times are ns from the first event the reader returns (its Time, after the reader's 1 ns nudges).
//
// internal/trace cannot be imported from outside the standard library, so record.sh copies the running Go's sources
// into ./trace (imports rewritten to this module) before `go run`; the copy is not kept.
//
// Usage: go run . FILE
package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"time"

	"golab/tracesummary/trace"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: tracesummary FILE")
		os.Exit(2)
	}
	f, err := os.Open(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer f.Close()
	r, err := trace.NewReader(bufio.NewReader(f))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	s := trace.NewSummarizer()
	var first trace.Time
	n := 0
	for {
		ev, err := r.ReadEvent()
		if err == io.EOF {
			break
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		if n == 0 {
			first = ev.Time()
		}
		n++
		s.Event(&ev)
	}
	sum := s.Finalize()
	rel := func(t trace.Time) int64 {
		if t == 0 {
			return 0
		}
		return int64(t - first)
	}
	pairs := func(m map[string]time.Duration) string {
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		var b strings.Builder
		for i, k := range keys {
			if i > 0 {
				b.WriteByte(';')
			}
			fmt.Fprintf(&b, "%s=%d", k, int64(m[k]))
		}
		return b.String()
	}
	ids := make([]trace.GoID, 0, len(sum.Goroutines))
	for id := range sum.Goroutines {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	fmt.Printf("# events %d\n", n)
	fmt.Println("# id\tname\tcreation\tstart\tend\texec\tschedWait\tsyscall\tsyscallBlock\ttotal\tblockByReason\trangeTime\tregions")
	for _, id := range ids {
		g := sum.Goroutines[id]
		fmt.Printf("%d\t%s\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%s\t%s\t%d\n", g.ID, g.Name, rel(g.CreationTime), rel(g.StartTime), rel(g.EndTime),
			int64(g.ExecTime), int64(g.SchedWaitTime), int64(g.SyscallTime), int64(g.SyscallBlockTime), int64(g.TotalTime),
			pairs(g.BlockTimeByReason), pairs(g.RangeTime), len(g.Regions))
	}
	tids := make([]trace.TaskID, 0, len(sum.Tasks))
	for id := range sum.Tasks {
		tids = append(tids, id)
	}
	sort.Slice(tids, func(i, j int) bool { return tids[i] < tids[j] })
	fmt.Println("# task\tid\tname\tparent\tstart\tend\tlogs\tregions")
	for _, id := range tids {
		t := sum.Tasks[id]
		parent := int64(-1)
		if t.Parent != nil {
			parent = int64(t.Parent.ID)
		}
		var start, end int64 = -1, -1
		if t.Start != nil {
			start = rel(t.Start.Time())
		}
		if t.End != nil {
			end = rel(t.End.Time())
		}
		fmt.Printf("task\t%d\t%s\t%d\t%d\t%d\t%d\t%d\n", uint64(t.ID), t.Name, parent, start, end, len(t.Logs), len(t.Regions))
	}
}
