// Command cheaprand prints the runtime's per-M random sequence (runtime.fastrand in Go 1.19–1.21, runtime.cheaprand
// in 1.22+: wyrand on 64-bit platforms) from a fixed state, with the same arithmetic as runtime/stubs.go (1.19):
//
//	mp.fastrand += 0xa0761d6478bd642f
//	hi, lo := math.Mul64(mp.fastrand, mp.fastrand^0xe7037ed1a0b428db)
//	return uint32(hi ^ lo)
//
// and fastrandn's multiply-shift reduction. The runtime seeds each M from startup entropy, so its own sequence cannot
// be replayed; this program is the oracle for the arithmetic (GoRuntimeLab.Sched.CheapRand).
package main

import (
	"flag"
	"fmt"
	"math/bits"
)

type wyrand struct{ state uint64 }

func (w *wyrand) next() uint32 {
	w.state += 0xa0761d6478bd642f
	hi, lo := bits.Mul64(w.state, w.state^0xe7037ed1a0b428db)
	return uint32(hi ^ lo)
}

func (w *wyrand) nextn(n uint32) uint32 { return uint32(uint64(w.next()) * uint64(n) >> 32) }

func main() {
	seed := flag.Uint64("seed", 42, "initial state")
	count := flag.Int("n", 20, "values to print")
	flag.Parse()
	a, b := wyrand{*seed}, wyrand{*seed}
	for i := 0; i < *count; i++ {
		fmt.Printf("%d %d %d\n", i, a.next(), b.nextn(7))
	}
}
