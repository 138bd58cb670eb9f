// chanbench measures Go's channel operations (runtime/chan.go, select.go): an unbuffered handoff, a buffered stream
// by capacity, the select fast paths, and a ping-pong round trip. `go run .` runs each benchmark once with a short
// benchtime (for a live notebook cell) and prints `go test -bench -benchmem` lines; `go test -bench . -benchmem`
// runs the same functions (chan_test.go) for full recordings.
//
// Usage: go run . [-benchtime 20ms]
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"testing"
)

func main() {
	testing.Init()
	benchtime := flag.String("benchtime", "20ms", "time per benchmark (as go test -benchtime)")
	flag.Parse()
	if err := flag.Set("test.benchtime", *benchtime); err != nil {
		fmt.Fprintln(os.Stderr, "chanbench: -benchtime:", err)
		os.Exit(2)
	}
	fmt.Printf("goos: %s\ngoarch: %s\npkg: golab/chanbench\n", runtime.GOOS, runtime.GOARCH)
	procs := runtime.GOMAXPROCS(0)
	run := func(name string, f func(b *testing.B)) {
		r := testing.Benchmark(f)
		fmt.Printf("Benchmark%s-%d\t%s\t%s\n", name, procs, r.String(), r.MemString())
	}
	run("UnbufferedHandoff", unbufferedHandoff)
	for _, c := range streamCaps {
		run("BufferedStream/cap="+strconv.Itoa(c), bufferedStream(c))
	}
	run("SelectNonblockEmpty", selectNonblockEmpty)
	run("SelectNonblockReady", selectNonblockReady)
	run("SelectOneReady", selectOneReady)
	run("PingPong", pingPong)
}
