// welcome-waitgroup: the same three goroutines as welcome-sleep, but main waits with a sync.WaitGroup, so it
// returns exactly when the last worker has finished — however long -work is.
//
// Run (from this folder):
//
//	go run .               # all three finish, exit at ~300ms
//	go run . -work 700ms   # all three still finish, exit at ~700ms
//
// Output format (parsed by the kit's WelcomeTrace, lib/GoRuntimeLab/GoTool/WelcomeTrace.cs):
//
//	t=+0.004ms event=begin waiter=waitgroup goroutines=3 work=300ms gomaxprocs=2 go=go1.19.8
//	t=+0.051ms event=start g=1 role=南山后端
//	t=+300.402ms event=done g=1 role=南山后端
//	t=+300.511ms event=exit
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
	"sync"
	"time"
)

// start is set first thing in main, so every offset is relative to main's start (not to process start or init).
var start time.Time

// emit prints one event line. fmt.Println on os.Stdout is a single write(2) per call, so lines printed by
// different goroutines never interleave mid-line.
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

// worker simulates a job that takes `work`. wg.Done is deferred, so it runs after the "done" line is printed
// and even if the job panics: the WaitGroup counter always goes down exactly once per worker.
func worker(g int, role string, work time.Duration, wg *sync.WaitGroup) {
	defer wg.Done()
	emit("start", "g="+strconv.Itoa(g), "role="+role)
	time.Sleep(work)
	emit("done", "g="+strconv.Itoa(g), "role="+role)
}

func main() {
	start = time.Now()
	work := flag.Duration("work", 300*time.Millisecond, "how long each goroutine works")
	flag.Parse()
	if *work < 0 {
		fmt.Fprintln(os.Stderr, "welcome-waitgroup: -work must not be negative")
		os.Exit(2)
	}

	roles := []string{"南山后端", "福田风控", "宝安嵌入式"}
	emit("begin", "waiter=waitgroup", "goroutines="+strconv.Itoa(len(roles)), "work="+millis(*work),
		"gomaxprocs="+strconv.Itoa(runtime.GOMAXPROCS(0)), "go="+runtime.Version())

	var wg sync.WaitGroup
	// Add before starting the goroutines, never inside them: if a worker called Add itself, Wait could run
	// first, see a zero counter and return before that worker was even counted.
	wg.Add(len(roles))
	for i, role := range roles {
		go worker(i+1, role, *work, &wg)
	}

	// NO RACE. Wait blocks until the counter is zero, i.e. until every worker's deferred wg.Done has run. The
	// memory model makes each Done "synchronise before" the Wait it unblocks, so everything a worker did before
	// Done — including printing its "done" line — has happened before main goes on. Main cannot return early,
	// whatever -work is; the cost is only that main waits as long as the slowest worker.
	wg.Wait()
	emit("exit")
}
