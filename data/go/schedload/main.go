// schedload: a mixed load for the Go scheduler, to be watched with GODEBUG=schedtrace=100[,scheddetail=1].
// Four kinds of goroutines run for -duration (default 2s):
//
//   - cpu:      tight arithmetic with a function call per iteration (always runnable; preempted by sysmon)
//   - channel:  ping-pong pairs over unbuffered channels (park and wake each other: runnext handoffs)
//   - parked:   goroutines blocked until the end on a channel, a mutex, a sync.Cond-like WaitGroup or a sleep
//   - syscall:  goroutines in a blocking nanosleep(2) system call (their P is retaken by sysmon and handed off)
//
// Build and run (from this folder):
//
//	go build -o schedload . && GODEBUG=schedtrace=100 GOMAXPROCS=2 ./schedload
//
// The runtime prints the schedtrace lines on stderr; this program prints only a summary on stdout, as
// key=value pairs (never a line starting with "SCHED" or with two spaces and P/M/G, so it cannot be mistaken
// for runtime output).
package main

import (
	"flag"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

// mix is the CPU-bound goroutines' unit of work: not inlined, so the loop has a call (a cooperative preemption point).
//
//go:noinline
func mix(x uint64) uint64 {
	x ^= x << 13
	x ^= x >> 7
	x ^= x << 17
	return x
}

func main() {
	duration := flag.Duration("duration", 2*time.Second, "how long the load runs")
	cpus := flag.Int("cpu", 4, "CPU-bound goroutines")
	pairs := flag.Int("pairs", 2, "channel ping-pong pairs")
	parked := flag.Int("parked", 4, "goroutines parked until the end (chan, mutex, WaitGroup, sleep)")
	syscalls := flag.Int("syscall", 2, "goroutines looping in a blocking 5 ms nanosleep system call")
	flag.Parse()

	start := time.Now()
	stop := make(chan struct{})
	var stopped atomic.Bool
	var done sync.WaitGroup
	var cpuWork, pingPongs, syscallsDone atomic.Int64

	for i := 0; i < *cpus; i++ {
		done.Add(1)
		go func(seed uint64) {
			defer done.Done()
			x := seed
			for !stopped.Load() {
				for j := 0; j < 10000; j++ {
					x = mix(x)
				}
				cpuWork.Add(1)
			}
			_ = x
		}(uint64(i) + 1)
	}

	for i := 0; i < *pairs; i++ {
		ping, pong := make(chan int), make(chan int)
		done.Add(2)
		go func() { // the server: answers every ping
			defer done.Done()
			for v := range ping {
				pong <- v + 1
			}
			close(pong)
		}()
		go func() { // the client: pings until stopped
			defer done.Done()
			for v := 0; !stopped.Load(); {
				ping <- v
				v = <-pong
				pingPongs.Add(1)
			}
			close(ping)
		}()
	}

	var mu sync.Mutex
	mu.Lock() // held by main until the end: the "mutex" parked goroutines wait in sync.Mutex.Lock
	var gate sync.WaitGroup
	gate.Add(1)
	for i := 0; i < *parked; i++ {
		done.Add(1)
		go func(kind int) {
			defer done.Done()
			switch kind % 4 {
			case 0:
				<-stop // wait reason "chan receive"
			case 1:
				mu.Lock() // "sync.Mutex.Lock" (1.23) / "semacquire" (1.19)
				mu.Unlock()
			case 2:
				gate.Wait() // "sync.WaitGroup.Wait" (1.23) / "semacquire" (1.19)
			case 3:
				time.Sleep(*duration) // "sleep"
			}
		}(i)
	}

	for i := 0; i < *syscalls; i++ {
		done.Add(1)
		go func() {
			defer done.Done()
			ts := syscall.Timespec{Nsec: int64(5 * time.Millisecond)}
			for !stopped.Load() {
				// A real blocking system call (entersyscall/exitsyscall), unlike time.Sleep (a runtime timer).
				_ = syscall.Nanosleep(&ts, nil)
				syscallsDone.Add(1)
			}
		}()
	}

	time.Sleep(*duration)
	stopped.Store(true)
	close(stop)
	mu.Unlock()
	gate.Done()
	done.Wait()
	fmt.Printf("schedload go=%s gomaxprocs=%d duration=%s cpu=%d pairs=%d parked=%d syscall=%d cpuBatches=%d pingPongs=%d syscalls=%d elapsedMs=%d\n",
		runtime.Version(), runtime.GOMAXPROCS(0), *duration, *cpus, *pairs, *parked, *syscalls,
		cpuWork.Load(), pingPongs.Load(), syscallsDone.Load(), time.Since(start).Milliseconds())
}
