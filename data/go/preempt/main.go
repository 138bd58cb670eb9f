// preempt: can a goroutine spinning in a loop without function calls be preempted? One P (GOMAXPROCS=1), one
// spinner goroutine running `for { *n++ }`, and main sleeping -sleep (default 100µs) -n times, measuring how long
// each sleep really took. main can only run again once the spinner is taken off the P:
//
//   - Go 1.14+ (asynchronous preemption): sysmon sees the spinner running for more than 10 ms (forcePreemptNS)
//     and sends it SIGURG; main's sleep takes about 10–20 ms instead of 100 µs.
//   - GODEBUG=asyncpreemptoff=1 (or Go ≤ 1.13): the loop has no preemption point, the spinner never leaves the P,
//     and main never runs again. Nothing inside the process can stop it (a watchdog goroutine would need the P
//     too), so run it under an outside time limit.
//
// Run (from this folder):
//
//	go build -o preempt . && GOMAXPROCS=1 timeout 3s ./preempt                         # prints 5 sleeps, exits 0
//	go build -o preempt . && GOMAXPROCS=1 GODEBUG=asyncpreemptoff=1 timeout 3s ./preempt # prints "begin", then killed (exit 124)
//
// Output (stdout, one line per event, key=value pairs; parsed by GoRuntimeLab.Sched.Schedtrace.PreemptRun):
//
//	begin go=go1.19.8 gomaxprocs=1 sleep=100µs n=5
//	sleep i=1 requestedNs=100000 tookNs=14203581
//	end spins=123456789
package main

import (
	"flag"
	"fmt"
	"runtime"
	"time"
)

// spins is global so the compiler keeps every increment (a local counter in an endless loop could be dropped).
var spins uint64

// spin never returns and calls nothing: no function prologue, hence no cooperative preemption point.
func spin(n *uint64) {
	for {
		*n++
	}
}

func main() {
	sleep := flag.Duration("sleep", 100*time.Microsecond, "how long main asks to sleep")
	n := flag.Int("n", 5, "how many sleeps to measure")
	flag.Parse()
	runtime.GOMAXPROCS(1) // the experiment needs exactly one P, whatever the environment says

	fmt.Printf("begin go=%s gomaxprocs=%d sleep=%s n=%d\n", runtime.Version(), runtime.GOMAXPROCS(0), *sleep, *n)
	go spin(&spins)
	for i := 1; i <= *n; i++ {
		t0 := time.Now()
		time.Sleep(*sleep) // main parks; the spinner gets the only P
		took := time.Since(t0)
		fmt.Printf("sleep i=%d requestedNs=%d tookNs=%d\n", i, sleep.Nanoseconds(), took.Nanoseconds())
	}
	fmt.Printf("end spins=%d\n", spins)
}
