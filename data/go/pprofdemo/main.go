// pprofdemo writes real Go profiles for the kit's pprof chapter (section 3.1).
//
//	-mode cpu   ~3 s CPU profile of four distinct hot functions (cpu.pb.gz)
//	-mode heap  heap profile of a program that keeps some allocations and drops others (heap.pb.gz)
//	-mode leak  two heap profiles of a leaking "service", before and after (leak-before.pb.gz, leak-after.pb.gz)
//
// Standard library only. Every hot function is marked //go:noinline so it stays its own frame in the profile.
package main

import (
	"bytes"
	"crypto/sha256"
	"flag"
	"fmt"
	"log"
	"os"
	"runtime"
	"runtime/pprof"
	"sort"
	"strconv"
	"time"
)

var sink uint64

//go:noinline
func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

// hashChain: crypto work; most of its time is inside sha256.block (flat), little in itself.
//
//go:noinline
func hashChain(d time.Duration) {
	sum := sha256.Sum256([]byte("golab"))
	for end := time.Now().Add(d); time.Now().Before(end); {
		for i := 0; i < 1000; i++ {
			sum = sha256.Sum256(sum[:])
		}
	}
	sink += uint64(sum[0])
}

// fibLoop: a recursive CPU burner; fib is flat and (through recursion) its own cum.
//
//go:noinline
func fibLoop(d time.Duration) {
	for end := time.Now().Add(d); time.Now().Before(end); {
		sink += uint64(fib(24))
	}
}

// sortLoop: sorts fresh copies of a shuffled slice; time goes to sort.* internals.
//
//go:noinline
func sortLoop(d time.Duration) {
	base := make([]int, 20000)
	x := uint32(1)
	for i := range base {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		base[i] = int(x)
	}
	work := make([]int, len(base))
	for end := time.Now().Add(d); time.Now().Before(end); {
		copy(work, base)
		sort.Ints(work)
	}
	sink += uint64(work[0])
}

// spin: a plain loop in one function (all flat).
//
//go:noinline
func spin(d time.Duration) {
	var acc uint64
	for end := time.Now().Add(d); time.Now().Before(end); {
		for i := uint64(0); i < 100000; i++ {
			acc = acc*6364136223846793005 + i
		}
	}
	sink += acc
}

func cpuMode(out string) {
	f, err := os.Create(out)
	if err != nil {
		log.Fatal(err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		log.Fatal(err)
	}
	fibLoop(1000 * time.Millisecond)
	hashChain(800 * time.Millisecond)
	sortLoop(700 * time.Millisecond)
	spin(500 * time.Millisecond)
	pprof.StopCPUProfile()
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
}

type record struct {
	id      int
	payload []byte
}

var kept [][]byte
var keptRecords []*record

//go:noinline
func loadTable(n int) {
	for i := 0; i < n; i++ {
		kept = append(kept, make([]byte, 4096))
	}
}

//go:noinline
func buildRecords(n int) {
	for i := 0; i < n; i++ {
		keptRecords = append(keptRecords, &record{id: i, payload: make([]byte, 512)})
	}
}

//go:noinline
func transient(n int) {
	for i := 0; i < n; i++ {
		b := make([]byte, 16384)
		sink += uint64(b[i%len(b)])
	}
}

//go:noinline
func formatLines(n int) {
	for i := 0; i < n; i++ {
		s := fmt.Sprintf("request %d took %dms", i, i%97)
		sink += uint64(len(s))
	}
}

func writeHeap(out string) {
	runtime.GC() // inuse_* reflect the last completed GC
	f, err := os.Create(out)
	if err != nil {
		log.Fatal(err)
	}
	if err := pprof.WriteHeapProfile(f); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
}

func heapMode(out string) {
	loadTable(2000)     // ~8 MB kept
	buildRecords(20000) // ~10 MB of payloads + records kept
	transient(2000)     // ~32 MB allocated, all garbage
	formatLines(200000) // many small garbage strings
	writeHeap(out)
	runtime.KeepAlive(kept)
	runtime.KeepAlive(keptRecords)
}

// The leaking "service": every request is cached forever in a map, and a debug log only grows.
var cache = map[string][]byte{}
var debugLog bytes.Buffer

//go:noinline
func handleRequest(i int) {
	key := "user:" + strconv.Itoa(i)
	cache[key] = make([]byte, 1024) // leak: never evicted
	fmt.Fprintf(&debugLog, "handled %s\n", key)
	scratch := make([]byte, 8192) // garbage: not a leak
	sink += uint64(scratch[i%len(scratch)])
}

//go:noinline
func serve(from, to int) {
	for i := from; i < to; i++ {
		handleRequest(i)
	}
}

func leakMode(before, after string) {
	serve(0, 10000)
	writeHeap(before)
	serve(10000, 40000)
	writeHeap(after)
}

func main() {
	mode := flag.String("mode", "cpu", "cpu, heap or leak")
	rate := flag.Int("memprofilerate", 4096, "runtime.MemProfileRate (bytes between heap samples, on average)")
	flag.Parse()
	runtime.MemProfileRate = *rate
	switch *mode {
	case "cpu":
		cpuMode("cpu.pb.gz")
	case "heap":
		heapMode("heap.pb.gz")
	case "leak":
		leakMode("leak-before.pb.gz", "leak-after.pb.gz")
	default:
		log.Fatalf("unknown -mode %q", *mode)
	}
	fmt.Println("sink", sink%10)
}
