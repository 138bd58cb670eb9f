// chantrace runs one of the kit's scheduler-simulator workloads for real, under the execution tracer, and prints
// the runtime/metrics scheduling-latency histogram of the same traced window.
//
// The workloads mirror lib/GoRuntimeLab/Sched/Workloads (Workloads.cs) step for step:
//
//	pingpong             2 goroutines bounce a value 1000 times over unbuffered channels; the ponger computes 1 µs
//	prodcons-unbuffered  1 producer (2 µs per item, 1000 items) -> 2 consumers (5 µs per item), make(chan int)
//	prodcons-buffered    the same over make(chan int, 16)
//	blocked-pair         a sender blocked in chan send until the receiver wakes from a 200 µs sleep, then a
//	                     receiver blocked in chan receive until the sender wakes (5 rounds each)
//
// "compute 2µs" is a busy loop on time.Now, as the simulator's Compute step is CPU time with no blocking.
//
// Output (stdout): "go", "gomaxprocs", "workload", "trace" (path, bytes) lines, then one line per non-empty bucket
// of /sched/latencies:seconds counted while the trace was on (the difference of two reads):
//
//	latency <lower bound s> <upper bound s> <count>
//
// Usage: go run . -workload pingpong [-procs 2] [-o file]; without -o the trace goes to
// $TMPDIR/golab-chantrace-<workload>.trace (so the arguments, and a recording of them, do not name a machine's path).
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"runtime/trace"
	"sync"
	"time"
)

const latencyMetric = "/sched/latencies:seconds"

func main() {
	workload := flag.String("workload", "pingpong", "pingpong, prodcons-unbuffered, prodcons-buffered or blocked-pair")
	procs := flag.Int("procs", 2, "GOMAXPROCS")
	out := flag.String("o", "", "trace file (default $TMPDIR/golab-chantrace-<workload>.trace)")
	flag.Parse()
	run, ok := map[string]func(){
		"pingpong":            pingPong,
		"prodcons-unbuffered": func() { prodCons(0) },
		"prodcons-buffered":   func() { prodCons(16) },
		"blocked-pair":        blockedPair,
	}[*workload]
	if !ok || *procs < 1 {
		fmt.Fprintln(os.Stderr, "chantrace: unknown -workload or -procs < 1")
		os.Exit(2)
	}
	path := *out
	if path == "" {
		path = filepath.Join(os.TempDir(), "golab-chantrace-"+*workload+".trace")
	}
	runtime.GOMAXPROCS(*procs)
	f, err := os.Create(path)
	check(err)

	before := readLatencies()
	check(trace.Start(f))
	run()
	trace.Stop()
	after := readLatencies()
	check(f.Close())
	st, err := os.Stat(path)
	check(err)

	fmt.Printf("go %s\n", runtime.Version())
	fmt.Printf("gomaxprocs %d\n", runtime.GOMAXPROCS(0))
	fmt.Printf("workload %s\n", *workload)
	fmt.Printf("trace %s %d\n", path, st.Size())
	for i, c := range after.Counts {
		if d := c - before.Counts[i]; d > 0 {
			fmt.Printf("latency %g %g %d\n", after.Buckets[i], after.Buckets[i+1], d)
		}
	}
}

func readLatencies() *metrics.Float64Histogram {
	s := []metrics.Sample{{Name: latencyMetric}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindFloat64Histogram {
		fmt.Fprintln(os.Stderr, "chantrace: this Go has no", latencyMetric)
		os.Exit(1)
	}
	return s[0].Value.Float64Histogram()
}

// compute busy-waits for d of CPU time, like the simulator's Compute step.
func compute(d time.Duration) {
	for start := time.Now(); time.Since(start) < d; {
	}
}

// pingPong mirrors Workloads.PingPong.
func pingPong() {
	ping, pong := make(chan int), make(chan int)
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { // pinger
		defer wg.Done()
		for i := 0; i < 1000; i++ {
			ping <- 1
			<-pong
		}
	}()
	go func() { // ponger
		defer wg.Done()
		for i := 0; i < 1000; i++ {
			<-ping
			compute(time.Microsecond)
			pong <- 2
		}
	}()
	wg.Wait()
}

// prodCons mirrors Workloads.ProdCons.
func prodCons(capacity int) {
	jobs := make(chan int, capacity)
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { // producer
		for i := 0; i < 1000; i++ {
			compute(2 * time.Microsecond)
			jobs <- 1
		}
		close(jobs)
	}()
	for i := 0; i < 2; i++ {
		go func() { // consumer
			defer wg.Done()
			for range jobs {
				compute(5 * time.Microsecond)
			}
		}()
	}
	wg.Wait()
}

// blockedPair: first the sender waits (GoBlockSend → GoUnblock → GoStart), then the receiver (GoBlockRecv → …).
func blockedPair() {
	c := make(chan int)
	done := make(chan struct{})
	go func() { // receiver: late for the first 5 values, early for the last 5
		for i := 0; i < 10; i++ {
			if i < 5 {
				time.Sleep(200 * time.Microsecond)
			}
			<-c
		}
		close(done)
	}()
	for i := 0; i < 10; i++ { // sender (main): early for the first 5, late for the last 5
		if i >= 5 {
			time.Sleep(200 * time.Microsecond)
		}
		c <- i
	}
	<-done
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "chantrace:", err)
		os.Exit(1)
	}
}
