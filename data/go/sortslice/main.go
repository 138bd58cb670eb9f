// Command sortslice records how sort.Slice (pdqsort, not stable) orders slices with many equal keys, so the kit's
// port (lib/GoRuntimeLab/Layouts/GoSortSlice.cs, used for fieldalignment's order) can be checked tie for tie.
// Each case prints its keys (one digit each) and the original indexes in the order sort.Slice leaves them.
//
// Usage: go run . > ../../recordings/layout/sortslice-go1.19.8.txt
package main

import (
	"fmt"
	"math/rand"
	"sort"
	"strings"
)

func main() {
	r := rand.New(rand.NewSource(1))
	lengths := []int{0, 1, 2, 5, 12, 13, 20, 49, 50, 51, 64, 100, 150, 257}
	fmt.Println("# sort.Slice(elems, less by key) — per case: keys (one digit per element), then the original indexes in sorted order")
	for _, n := range lengths {
		for _, pattern := range []string{"random", "few", "sorted", "reversed", "equal", "sawtooth", "nearly"} {
			keys := make([]int, n)
			for i := range keys {
				switch pattern {
				case "random":
					keys[i] = r.Intn(10)
				case "few":
					keys[i] = r.Intn(3)
				case "sorted":
					keys[i] = i * 10 / (n + 1)
				case "reversed":
					keys[i] = 9 - i*10/(n+1)
				case "equal":
					keys[i] = 4
				case "sawtooth":
					keys[i] = i % 7
				case "nearly":
					keys[i] = i * 10 / (n + 1)
					if r.Intn(10) == 0 {
						keys[i] = r.Intn(10)
					}
				}
			}
			type elem struct{ index, key int }
			elems := make([]elem, n)
			for i := range elems {
				elems[i] = elem{i, keys[i]}
			}
			sort.Slice(elems, func(i, j int) bool { return elems[i].key < elems[j].key })
			var k strings.Builder
			for _, v := range keys {
				fmt.Fprint(&k, v)
			}
			idx := make([]string, n)
			for i, e := range elems {
				idx[i] = fmt.Sprint(e.index)
			}
			fmt.Printf("%s %d %s\n%s\n", pattern, n, k.String(), strings.Join(idx, " "))
		}
	}
}
