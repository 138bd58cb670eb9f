// gcload: a GC workload with a known shape, for comparing the kit's pacer model with the real collector.
//
// It builds a live heap of -live bytes (objects of -object-size bytes, pointerful or not), runs one forced GC so
// the churn starts from a marked live heap, then allocates short-lived garbage of the same kind at -rate bytes
// per second for -duration, paced against the clock in ~1 ms steps (so the rate is real, not "as fast as
// possible"). An optional -spike holds extra live heap for a while. Run it with GODEBUG=gctrace=1 (gctrace goes
// to stderr); build the binary first and run that, never `go run` (the go command prints its own gc lines).
//
// Run (from this folder):
//
//	go build -o gcload . && GODEBUG=gctrace=1 GOMAXPROCS=2 ./gcload -live 32MiB -rate 256MiB -duration 6s
//
// Stdout is one event per line, space-separated key=value pairs after the event name:
//
//	params live=33554432 object-size=1024 pointers=true rate=268435456 duration=6s ... go=go1.19.8
//	setup t=0.052s objects=32768 heapAlloc=33800192 numGC=6
//	churn-start t=0.061s numGC=7
//	sample t=0.100s heapAlloc=... numGC=... pauseTotalNs=... nextGC=... heapGoal=... gcCycles=... memTotal=...
//	done t=6.062s allocated=... achievedRate=... numGC=... churnGC=...
//
// t= is the time since main started, in seconds. Byte sizes accept a KiB/MiB/GiB suffix or a plain number.
// runtime/metrics values a Go release does not have are printed as NA.
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/metrics"
	"strconv"
	"strings"
	"time"
)

var start = time.Now()

// byteSize is a flag holding a byte count such as 1048576, 1024KiB or 1MiB.
type byteSize int64

func (b *byteSize) String() string { return strconv.FormatInt(int64(*b), 10) }

func (b *byteSize) Set(s string) error {
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		mult   int64
	}{{"GiB", 1 << 30}, {"MiB", 1 << 20}, {"KiB", 1 << 10}, {"B", 1}} {
		if strings.HasSuffix(s, u.suffix) {
			s, mult = strings.TrimSuffix(s, u.suffix), u.mult
			break
		}
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 {
		return fmt.Errorf("want a byte count like 1048576 or 64MiB")
	}
	*b = byteSize(n * mult)
	return nil
}

// anchor is what every slot of a pointerful object points to: a heap object, so the collector really follows
// each pointer (finds its span, sees it marked) rather than skipping a nil word.
var anchor = new([64]int)

// sink keeps the most recent garbage objects reachable for a moment, so the allocations cannot be optimised
// away; they become garbage as soon as they are overwritten.
var sink [16]interface{}

func newObject(size int64, pointers bool) interface{} {
	if pointers {
		o := make([]*int, size/8)
		for i := range o {
			o[i] = &anchor[i%len(anchor)]
		}
		return o
	}
	return make([]byte, size)
}

func allocate(total, size int64, pointers bool) []interface{} {
	objs := make([]interface{}, 0, total/size)
	for n := int64(0); n+size <= total; n += size {
		objs = append(objs, newObject(size, pointers))
	}
	return objs
}

func seconds() string { return fmt.Sprintf("%.3fs", time.Since(start).Seconds()) }

var samples = []metrics.Sample{
	{Name: "/gc/heap/goal:bytes"},
	{Name: "/gc/cycles/total:gc-cycles"},
	{Name: "/memory/classes/total:bytes"},
	{Name: "/memory/classes/heap/objects:bytes"},
	{Name: "/gc/heap/live:bytes"},
	{Name: "/gc/gomemlimit:bytes"},
	{Name: "/gc/gogc:percent"},
}

var sampleKeys = []string{"heapGoal", "gcCycles", "memTotal", "heapObjects", "heapLive", "gomemlimit", "gogc"}

func sample() {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	metrics.Read(samples)
	var b strings.Builder
	fmt.Fprintf(&b, "sample t=%s heapAlloc=%d numGC=%d pauseTotalNs=%d nextGC=%d", seconds(), m.HeapAlloc, m.NumGC, m.PauseTotalNs, m.NextGC)
	for i, s := range samples {
		switch s.Value.Kind() {
		case metrics.KindUint64:
			fmt.Fprintf(&b, " %s=%d", sampleKeys[i], s.Value.Uint64())
		case metrics.KindFloat64:
			fmt.Fprintf(&b, " %s=%g", sampleKeys[i], s.Value.Float64())
		default:
			fmt.Fprintf(&b, " %s=NA", sampleKeys[i])
		}
	}
	fmt.Println(b.String())
}

func numGC() uint32 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.NumGC
}

func main() {
	var live, objectSize, rate, spike byteSize = 32 << 20, 1024, 256 << 20, 0
	flag.Var(&live, "live", "live heap held for the whole run (bytes, or with a KiB/MiB/GiB suffix)")
	flag.Var(&objectSize, "object-size", "size of each object, live and garbage (bytes, at least 8)")
	pointers := flag.Bool("pointers", true, "objects are []*int (the GC scans every word) rather than []byte (noscan)")
	flag.Var(&rate, "rate", "garbage allocation rate in bytes per second")
	duration := flag.Duration("duration", 5*time.Second, "how long the churn runs")
	flag.Var(&spike, "spike", "extra live heap held from -spike-at for -spike-for (0: none)")
	spikeAt := flag.Duration("spike-at", time.Second, "when the spike starts, from the start of the churn")
	spikeFor := flag.Duration("spike-for", 500*time.Millisecond, "how long the spike is held")
	every := flag.Duration("sample", 250*time.Millisecond, "interval between samples (0: none)")
	flag.Parse()
	if objectSize < 8 || *duration <= 0 || rate <= 0 {
		fmt.Fprintln(os.Stderr, "gcload: -object-size must be at least 8, -duration and -rate positive")
		os.Exit(2)
	}
	size := int64(objectSize)

	fmt.Printf("params live=%d object-size=%d pointers=%t rate=%d duration=%s spike=%d spike-at=%s spike-for=%s sample=%s gomaxprocs=%d gogc=%q gomemlimit=%q go=%s\n",
		live, objectSize, *pointers, rate, *duration, spike, *spikeAt, *spikeFor, *every,
		runtime.GOMAXPROCS(0), os.Getenv("GOGC"), os.Getenv("GOMEMLIMIT"), runtime.Version())

	held := allocate(int64(live), size, *pointers)
	fmt.Printf("setup t=%s objects=%d numGC=%d\n", seconds(), len(held), numGC())
	// One forced cycle: the churn then starts with the live heap marked, as a steady-state program would be.
	runtime.GC()
	churnStart := numGC()
	fmt.Printf("churn-start t=%s numGC=%d\n", seconds(), churnStart)

	begin := time.Now()
	var allocated int64
	var spiked []interface{}
	spikeDone := spike == 0
	nextSample := *every
	k := 0
	for {
		elapsed := time.Since(begin)
		if elapsed >= *duration {
			break
		}
		if !spikeDone && spiked == nil && elapsed >= *spikeAt {
			spiked = allocate(int64(spike), size, *pointers)
			fmt.Printf("spike-start t=%s objects=%d\n", seconds(), len(spiked))
		}
		if spiked != nil && elapsed >= *spikeAt+*spikeFor {
			spiked, spikeDone = nil, true
			fmt.Printf("spike-end t=%s\n", seconds())
		}
		if *every > 0 && elapsed >= nextSample {
			sample()
			nextSample += *every
		}
		// Catch up with the clock: after a late wake-up the step allocates more, so the average rate holds.
		target := int64(float64(rate) * elapsed.Seconds())
		for allocated+size <= target {
			sink[k%len(sink)] = newObject(size, *pointers)
			k++
			allocated += size
		}
		time.Sleep(time.Millisecond)
	}
	churn := time.Since(begin)
	end := numGC()
	runtime.KeepAlive(held)
	fmt.Printf("done t=%s allocated=%d achievedRate=%d numGC=%d churnGC=%d\n",
		seconds(), allocated, int64(float64(allocated)/churn.Seconds()), end, end-churnStart)
}
