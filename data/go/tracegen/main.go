// tracegen records a small, varied Go execution trace (runtime/trace) for the kit's trace reader.
//
// Each workload exercises one family of trace events, so a recorded file holds every event type that
// `go tool trace -d` names for ordinary programs: goroutine creation and blocking on channels (GoBlockSend /
// GoBlockRecv), select, sync.Mutex (GoBlockSync), sleeps (GoSleep), syscalls (GoSysCall / GoSysBlock), network
// waits on a loopback TCP connection (GoBlockNet), garbage collection (GCStart, GCMarkAssist, HeapAlloc), user
// tasks, regions and logs, and — with -cpuprofile — CPU samples (CPUSample, Go 1.19+).
//
// Usage: go run . -o trace.out [-cpuprofile] [-scale N]
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"runtime"
	"runtime/pprof"
	"runtime/trace"
	"sync"
	"time"
)

var sink [][]byte

func main() {
	out := flag.String("o", "trace.out", "trace file to write")
	cpu := flag.Bool("cpuprofile", false, "also run the CPU profiler, so the trace holds CPUSample events")
	scale := flag.Int("scale", 1, "multiply every workload's iteration count")
	flag.Parse()
	if *scale < 1 {
		fmt.Fprintln(os.Stderr, "tracegen: -scale must be >= 1")
		os.Exit(2)
	}

	f, err := os.Create(*out)
	check(err)
	if *cpu {
		// The profile itself is discarded: only the samples copied into the trace matter here.
		check(pprof.StartCPUProfile(io.Discard))
	}
	check(trace.Start(f))

	ctx, task := trace.NewTask(context.Background(), "tracegen")
	n := *scale
	trace.WithRegion(ctx, "pingpong", func() { pingPong(200 * n) })
	trace.WithRegion(ctx, "blocked-pair", func() { blockedPair(20 * n) })
	trace.WithRegion(ctx, "buffered", func() { buffered(500*n, 8) })
	trace.WithRegion(ctx, "select", func() { selectLoop(200 * n) })
	trace.WithRegion(ctx, "mutex", func() { mutexContention(4, 2000*n) })
	trace.WithRegion(ctx, "sleep", func() { sleeps(10 * n) })
	trace.WithRegion(ctx, "syscall", func() { syscalls(50 * n) })
	trace.WithRegion(ctx, "net", func() { loopbackTCP(100 * n) })
	trace.WithRegion(ctx, "gc", func() { allocate(20000 * n) })
	trace.WithRegion(ctx, "spin", func() { spin(30 * time.Millisecond) })
	trace.Log(ctx, "done", fmt.Sprintf("scale=%d procs=%d", n, runtime.GOMAXPROCS(0)))
	task.End()

	trace.Stop()
	if *cpu {
		pprof.StopCPUProfile()
	}
	check(f.Close())
}

// pingPong: two goroutines hand a token over an unbuffered channel (chan.go send/recv with a waiting partner).
func pingPong(rounds int) {
	ping, pong := make(chan int), make(chan int)
	go func() {
		for v := range ping {
			pong <- v + 1
		}
		close(pong)
	}()
	for i := 0; i < rounds; i++ {
		ping <- i
		<-pong
	}
	close(ping)
	<-pong
}

// blockedPair: a sender that blocks until a slow receiver arrives, then a receiver that blocks on a slow sender.
func blockedPair(rounds int) {
	ch := make(chan int)
	done := make(chan struct{})
	go func() {
		for i := 0; i < rounds; i++ {
			ch <- i // blocks: the receiver sleeps first
		}
		close(done)
	}()
	for i := 0; i < rounds; i++ {
		time.Sleep(100 * time.Microsecond)
		<-ch
	}
	<-done
	go func() {
		for i := 0; i < rounds; i++ {
			time.Sleep(100 * time.Microsecond)
			ch <- i
		}
	}()
	for i := 0; i < rounds; i++ {
		<-ch // blocks: the sender sleeps first
	}
}

// buffered: a producer/consumer pair over a buffered channel.
func buffered(items, capacity int) {
	ch := make(chan int, capacity)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for range ch {
		}
	}()
	for i := 0; i < items; i++ {
		ch <- i
	}
	close(ch)
	wg.Wait()
}

// selectLoop: select over two channels and a timer.
func selectLoop(rounds int) {
	a, b := make(chan int), make(chan int)
	go func() {
		for i := 0; i < rounds; i++ {
			if i%2 == 0 {
				a <- i
			} else {
				b <- i
			}
		}
	}()
	for i := 0; i < rounds; i++ {
		select {
		case <-a:
		case <-b:
		case <-time.After(time.Second):
			panic("tracegen: select timed out")
		}
	}
}

// mutexContention: several goroutines increment a counter under one sync.Mutex.
func mutexContention(workers, increments int) {
	var mu sync.Mutex
	var wg sync.WaitGroup
	counter := 0
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < increments; i++ {
				mu.Lock()
				counter++
				if i%100 == 0 {
					runtime.Gosched()
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if counter != workers*increments {
		panic("tracegen: lost increments")
	}
}

func sleeps(n int) {
	for i := 0; i < n; i++ {
		time.Sleep(200 * time.Microsecond)
	}
}

// syscalls: blocking file reads (entersyscall/exitsyscall).
func syscalls(n int) {
	f, err := os.Open("/dev/zero")
	check(err)
	defer f.Close()
	buf := make([]byte, 64<<10)
	for i := 0; i < n; i++ {
		_, err := f.Read(buf)
		check(err)
	}
}

// loopbackTCP: an echo server on 127.0.0.1, so reads wait in the netpoller (GoBlockNet).
func loopbackTCP(rounds int) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	check(err)
	defer ln.Close()
	go func() {
		c, err := ln.Accept()
		if err != nil {
			return
		}
		defer c.Close()
		io.Copy(c, c)
	}()
	c, err := net.Dial("tcp", ln.Addr().String())
	check(err)
	defer c.Close()
	buf := make([]byte, 32)
	for i := 0; i < rounds; i++ {
		_, err := c.Write(buf)
		check(err)
		_, err = io.ReadFull(c, buf)
		check(err)
	}
}

// allocate: enough garbage, from several goroutines, to run a few GC cycles with mark assists.
func allocate(n int) {
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var keep [][]byte
			for i := 0; i < n; i++ {
				keep = append(keep, make([]byte, 1024))
				if len(keep) > 1000 {
					keep = keep[:0]
				}
			}
			sink = append(sink, keep...)
		}()
	}
	wg.Wait()
	sink = nil
	runtime.GC()
}

// spin: pure CPU work, so the CPU profiler has something to sample.
func spin(d time.Duration) {
	end := time.Now().Add(d)
	x := 0
	for time.Now().Before(end) {
		for i := 0; i < 1000; i++ {
			x += i * i
		}
	}
	if x == 42 {
		fmt.Println(x)
	}
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "tracegen:", err)
		os.Exit(1)
	}
}
