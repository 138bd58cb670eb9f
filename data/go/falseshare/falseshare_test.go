package falseshare

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"unsafe"
)

// Goroutine counts: 1, 2, 4, … up to twice the CPUs (at most MaxGoroutines).
func counts() []int {
	var gs []int
	for g := 1; g <= 2*runtime.NumCPU() && g <= MaxGoroutines; g *= 2 {
		gs = append(gs, g)
	}
	return gs
}

// run splits b.N increments over g goroutines, each on its own counter: ns/op is wall time per increment, all
// goroutines together (1000/ns/op = million increments per second).
func run(b *testing.B, layout string, g int, atomicAdd bool) {
	per := b.N / g
	if per == 0 {
		per = 1
	}
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := 0; i < g; i++ {
		p := Counter(layout, i)
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			if atomicAdd {
				for j := 0; j < per; j++ {
					atomic.AddUint64(p, 1)
				}
			} else {
				for j := 0; j < per; j++ {
					*p++
				}
			}
		}()
	}
	b.ResetTimer()
	close(start)
	wg.Wait()
}

func BenchmarkFalseSharing(b *testing.B) {
	for _, op := range []string{"atomic", "plain"} {
		for _, layout := range []string{"unpadded", "pad64", "pad128"} {
			for _, g := range counts() {
				b.Run(fmt.Sprintf("op=%s/layout=%s/g=%d", op, layout, g), func(b *testing.B) {
					run(b, layout, g, op == "atomic")
				})
			}
		}
	}
}

// The sizes the benchmark relies on (golab layout computes the same).
func TestSizes(t *testing.T) {
	if unsafe.Sizeof(Plain{}) != 8 || unsafe.Sizeof(Pad64{}) != 64 || unsafe.Sizeof(Pad128{}) != 128 || unsafe.Sizeof(PaddedStats{}) != 256 {
		t.Fatal("unexpected sizes")
	}
}
