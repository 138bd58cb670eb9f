// tracestats prints internal/trace.GoroutineStats of an execution trace (Go 1.7-1.21 formats) as the oracle of the
// kit's goroutine analysis: one tab-separated line per goroutine, sorted by id —
// id, name, creation, start, end, exec, schedWait, io, block, syscall, gc, sweep, total (times in ns).
//
// internal/trace cannot be imported from outside the standard library, so record.sh copies its non-test sources from
// the running Go's GOROOT into ./trace (package trace, unchanged) before `go run`; the copy is not kept.
//
// Usage: go run . FILE
package main

import (
	"bufio"
	"fmt"
	"os"
	"sort"

	"golab/tracestats/trace"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: tracestats FILE")
		os.Exit(2)
	}
	f, err := os.Open(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer f.Close()
	res, err := trace.Parse(bufio.NewReader(f), "")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	gs := trace.GoroutineStats(res.Events)
	ids := make([]uint64, 0, len(gs))
	for id := range gs {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	fmt.Println("# id\tname\tcreation\tstart\tend\texec\tschedWait\tio\tblock\tsyscall\tgc\tsweep\ttotal")
	for _, id := range ids {
		g := gs[id]
		fmt.Printf("%d\t%s\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\n", g.ID, g.Name, g.CreationTime, g.StartTime, g.EndTime,
			g.ExecTime, g.SchedWaitTime, g.IOTime, g.BlockTime, g.SyscallTime, g.GCTime, g.SweepTime, g.TotalTime)
	}
}
