// Command sizeclass is the oracle for the kit's size-class model (lib/GoRuntimeLab/Alloc): for every heap
// allocation size 0..32768 (and some large sizes), pointer-free and pointerful, it measures the bytes the runtime
// charged, from runtime.MemStats deltas around a loop of allocations of that one size.
//
// Output: comment lines start with '#'; then one line per measurement:
//
//	size pointers bytesCharged objects totalAlloc mallocs
//
// size: the requested bytes; pointers: 0 for make([]byte, size), 1 for make([]*byte, size/8) (a pointerful object
// is always a multiple of 8 bytes); objects: how many were allocated; totalAlloc and mallocs: the MemStats
// TotalAlloc and Mallocs deltas; bytesCharged: totalAlloc/objects.
//
// Why the deltas are exact: ReadMemStats flushes every P's mcache (readmemstats_m -> flushallmcaches ->
// mcache.releaseAll), so TotalAlloc counts every slot used (class_to_size bytes each) and every large span (whole
// pages), and the tiny block is reset (c.tiny = 0): a loop of tiny allocations starts from an empty block, and
// its totalAlloc is 16 bytes per tiny block opened while mallocs counts every object.
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime"
)

var (
	sinkBytes []byte
	sinkPtrs  []*byte
)

func measure(size int, pointers bool, objects int) (totalAlloc, mallocs uint64) {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	if pointers {
		for i := 0; i < objects; i++ {
			sinkPtrs = make([]*byte, size/8)
		}
	} else {
		for i := 0; i < objects; i++ {
			sinkBytes = make([]byte, size)
		}
	}
	runtime.ReadMemStats(&after)
	sinkBytes, sinkPtrs = nil, nil
	return after.TotalAlloc - before.TotalAlloc, after.Mallocs - before.Mallocs
}

func main() {
	max := flag.Int("max", 32768, "largest size of the dense walk (every size for pointer-free, every multiple of 8 for pointerful)")
	objects := flag.Int("objects", 16, "objects per size (tiny sizes use -tiny-objects)")
	tinyObjects := flag.Int("tiny-objects", 1024, "objects per tiny size (pointer-free, < 16 bytes)")
	large := flag.Bool("large", true, "also measure some sizes above 32 KiB")
	flag.Parse()
	if *max < 0 || *objects < 1 || *tinyObjects < 1 {
		fmt.Fprintln(os.Stderr, "sizeclass: -max must be >= 0, -objects and -tiny-objects >= 1")
		os.Exit(2)
	}

	// The first GC starts the background mark workers (allocating their goroutines); do it before measuring so
	// no runtime allocation lands inside a measurement.
	runtime.GC()

	fmt.Printf("# go=%s goos=%s goarch=%s gomaxprocs=%d\n", runtime.Version(), runtime.GOOS, runtime.GOARCH, runtime.GOMAXPROCS(0))
	fmt.Println("# size pointers bytesCharged objects totalAlloc mallocs")
	retries := 0
	emit := func(size int, pointers bool) {
		n := *objects
		if !pointers && size > 0 && size < 16 {
			n = *tinyObjects
			runtime.GC() // start the tiny loop far from a GC: a GC flushes the mcache and would open an extra block
		}
		want := uint64(n) // size 0 allocates nothing (mallocgc returns &zerobase)
		if size == 0 {
			want = 0
		}
		total, mallocs := measure(size, pointers, n)
		// Another goroutine of the runtime may allocate during a measurement (seen once in ~37000 with Go 1.23):
		// then Mallocs counts more objects than ours. Measure again; report how often it happened on stderr.
		for try := 1; mallocs != want && try <= 10; try++ {
			retries++
			fmt.Fprintf(os.Stderr, "retry size=%d pointers=%v: %d mallocs for %d objects (%d bytes)\n", size, pointers, mallocs, n, total)
			total, mallocs = measure(size, pointers, n)
		}
		p := 0
		if pointers {
			p = 1
		}
		charged := fmt.Sprint(total / uint64(n))
		if total%uint64(n) != 0 {
			charged = fmt.Sprintf("%.4f", float64(total)/float64(n))
		}
		fmt.Printf("%d %d %s %d %d %d\n", size, p, charged, n, total, mallocs)
	}
	for size := 0; size <= *max; size++ {
		emit(size, false)
		if size%8 == 0 {
			emit(size, true)
		}
	}
	if *large {
		for _, size := range []int{32769, 32776, 36864, 40960, 40961, 40968, 65536, 65537, 100000, 1 << 20, 1<<20 + 8, 4 << 20} {
			emit(size, false)
			if size%8 == 0 {
				emit(size, true)
			}
		}
	}
	fmt.Fprintf(os.Stderr, "sizeclass: %d measurement(s) repeated because another allocation overlapped\n", retries)
}
