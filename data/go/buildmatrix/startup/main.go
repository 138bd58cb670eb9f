// startup runs a program N times (after one unmeasured warm-up run) and prints the median, 10th and 90th percentile
// of its wall-clock time from fork to exit, in microseconds: "median_us<TAB>p10_us<TAB>p90_us<TAB>runs".
//
// Usage: startup N BINARY [ARGS...]   (used by data/go/buildmatrix/record.sh)
package main

import (
	"fmt"
	"os"
	"os/exec"
	"sort"
	"strconv"
	"time"
)

func main() {
	if len(os.Args) < 3 {
		fmt.Fprintln(os.Stderr, "usage: startup N BINARY [ARGS...]")
		os.Exit(2)
	}
	n, err := strconv.Atoi(os.Args[1])
	if err != nil || n < 1 {
		fmt.Fprintln(os.Stderr, "startup: N must be a positive integer")
		os.Exit(2)
	}
	run := func() time.Duration {
		cmd := exec.Command(os.Args[2], os.Args[3:]...)
		start := time.Now()
		if err := cmd.Run(); err != nil {
			fmt.Fprintln(os.Stderr, "startup:", err)
			os.Exit(1)
		}
		return time.Since(start)
	}
	run()
	ds := make([]time.Duration, n)
	for i := range ds {
		ds[i] = run()
	}
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	us := func(q float64) int64 { return ds[int(q*float64(n-1)+0.5)].Microseconds() }
	fmt.Printf("%d\t%d\t%d\t%d\n", us(0.5), us(0.1), us(0.9), n)
}
