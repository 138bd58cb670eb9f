// Command gorand prints math/rand value streams for a few seeds, one value per line:
// "<seed> <method> <value>", with floats in %.17g. The kit's GoRandom port is tested against this output.
package main

import (
	"fmt"
	"math/rand"
)

func main() {
	seeds := []int64{0, 1, 0x53, 0xf, 0xe, 0x152, -5, 1 << 40, 89482311, 2147483647, -9223372036854775808}
	for _, seed := range seeds {
		r := rand.New(rand.NewSource(seed))
		for i := 0; i < 3; i++ {
			fmt.Printf("%d Int63 %d\n", seed, r.Int63())
		}
		for i := 0; i < 3; i++ {
			fmt.Printf("%d Uint64 %d\n", seed, r.Uint64())
		}
		for i := 0; i < 3; i++ {
			fmt.Printf("%d Float64 %.17g\n", seed, r.Float64())
		}
		fmt.Printf("%d Uint32 %d\n", seed, r.Uint32())
		fmt.Printf("%d Int31 %d\n", seed, r.Int31())
		fmt.Printf("%d Int31n %d\n", seed, r.Int31n(10))
		fmt.Printf("%d Int31n %d\n", seed, r.Int31n(1<<20))
		fmt.Printf("%d Int63n %d\n", seed, r.Int63n(1000000000007))
		fmt.Printf("%d Intn %d\n", seed, r.Intn(100))
		fmt.Printf("%d Intn %d\n", seed, r.Intn(1<<40+3))
		// Skip far into the stream (past the 607-word register twice) and print again.
		for i := 0; i < 1500; i++ {
			r.Int63()
		}
		fmt.Printf("%d Int63 %d\n", seed, r.Int63())
		fmt.Printf("%d Float64 %.17g\n", seed, r.Float64())
	}
}
