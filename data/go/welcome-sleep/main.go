// welcome-sleep: three goroutines, and main "waits" for them with time.Sleep — the pattern many first Go
// lessons use. It works only while every goroutine is faster than the sleep; this program makes the race visible.
//
// Run (from this folder):
//
//	go run .               # -work 300ms < -wait 500ms: all three finish
//	go run . -work 700ms   # slower than -wait: all three are cut off
//
// Every line is one event, machine-readable as space-separated key=value pairs (parsed by the kit's
// WelcomeTrace, lib/GoRuntimeLab/GoTool/WelcomeTrace.cs):
//
//	t=+0.004ms event=begin waiter=sleep goroutines=3 work=300ms wait=500ms gomaxprocs=2 go=go1.19.8
//	t=+0.051ms event=start g=1 role=南山后端
//	t=+300.402ms event=done g=1 role=南山后端
//	t=+500.311ms event=exit
//
// t= is the time since main started (monotonic clock), in milliseconds. g= is this program's worker number,
// not the runtime's goroutine id: Go deliberately does not expose goroutine ids.
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"time"
)

// start is set first thing in main, so every offset is relative to main's start (not to process start or init).
var start time.Time

// emit prints one event line. fmt.Println on os.Stdout is a single write(2) per call, so lines printed by
// different goroutines never interleave mid-line (their order between goroutines is, of course, not fixed).
func emit(event string, fields ...string) {
	ms := float64(time.Since(start).Nanoseconds()) / 1e6
	line := "t=+" + strconv.FormatFloat(ms, 'f', 3, 64) + "ms event=" + event
	for _, f := range fields {
		line += " " + f
	}
	fmt.Println(line)
}

// millis formats a duration as "300ms" (never "1m0s"), so the value is easy to parse.
func millis(d time.Duration) string {
	return strconv.FormatFloat(float64(d)/float64(time.Millisecond), 'f', -1, 64) + "ms"
}

// worker simulates a job that takes `work` (a blocking wait, like an RPC or a disk read would be).
func worker(g int, role string, work time.Duration) {
	emit("start", "g="+strconv.Itoa(g), "role="+role)
	time.Sleep(work)
	emit("done", "g="+strconv.Itoa(g), "role="+role)
}

func main() {
	start = time.Now()
	work := flag.Duration("work", 300*time.Millisecond, "how long each goroutine works")
	wait := flag.Duration("wait", 500*time.Millisecond, "how long main sleeps before it returns")
	flag.Parse()
	if *work < 0 || *wait < 0 {
		fmt.Fprintln(os.Stderr, "welcome-sleep: -work and -wait must not be negative")
		os.Exit(2)
	}

	roles := []string{"南山后端", "福田风控", "宝安嵌入式"}
	emit("begin", "waiter=sleep", "goroutines="+strconv.Itoa(len(roles)), "work="+millis(*work),
		"wait="+millis(*wait), "gomaxprocs="+strconv.Itoa(runtime.GOMAXPROCS(0)), "go="+runtime.Version())
	for i, role := range roles {
		go worker(i+1, role, *work)
	}

	// THE RACE. Sleeping is a guess about how long the goroutines need, not a synchronisation: nothing
	// connects the end of this Sleep to the end of any worker. When main returns, the program exits at once —
	// the runtime does not wait for other goroutines, and it does not run their remaining code or deferred
	// calls. So a worker slower than -wait is cut off mid-work: its "done" line is never printed, and nothing
	// tells you it was lost. Even when -work < -wait it only works by timing: a loaded machine, a GC pause or
	// a longer job tomorrow and the same code silently drops work. (welcome-waitgroup shows the fix.)
	time.Sleep(*wait)
	emit("exit")
}
