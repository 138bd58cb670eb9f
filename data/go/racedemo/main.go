// racedemo has two real data races for `go run -race` / `go test -race` (data/README.md). Run: two goroutines add to
// one counter without a lock. Peek: a goroutine sets a global while the main goroutine reads it. The race detector
// reports each pair of conflicting accesses (read or write, which goroutine, both stacks) and where the goroutines
// involved were created (the main goroutine has no creation stack).
package main

import (
	"fmt"
	"sync"
)

// Counter is shared by the goroutines; nothing guards N.
type Counter struct {
	N int
}

func (c *Counter) Add() {
	c.N++ // the racing read-modify-write
}

func work(c *Counter, n int, wg *sync.WaitGroup) {
	defer wg.Done()
	for i := 0; i < n; i++ {
		c.Add()
	}
}

// Run starts two workers on one counter and returns what it holds after both finished.
func Run(n int) int {
	var c Counter
	var wg sync.WaitGroup
	wg.Add(2)
	go work(&c, n, &wg)
	go work(&c, n, &wg)
	wg.Wait()
	return c.N
}

// Flag is written by one goroutine and read by another with nothing ordering the two.
var Flag int

// Peek starts a goroutine that sets Flag and reads Flag before waiting for it.
func Peek() int {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		Flag = 1
	}()
	v := Flag // the racing read: nothing orders it with the goroutine's write
	wg.Wait()
	return v
}

func main() {
	fmt.Println("counter:", Run(1000), "(2000 without the race)")
	fmt.Println("flag:", Peek())
}
