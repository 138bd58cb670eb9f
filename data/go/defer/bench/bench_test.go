// Package bench measures what a defer costs, per kind, against the call it defers.
// Every measured function is //go:noinline (functions with defer are never inlined anyway), so each benchmark op
// is one real call. Run: go test -bench . -count 6 -benchmem (see data/README.md).
//
// Kinds, as `go build -gcflags=-d=defer` prints them for this file (checked by the kit's tests):
// openCoded*, mutexDefer: open-coded; twoStack: stack-allocated (8 returns x 2 defers = 16 > 15);
// loop100Defer, courseLoop100Defer: heap-allocated (defer in a loop).
package bench

import (
	"sync"
	"testing"
)

var (
	counter int
	sel     = 3 // read at run time, so the switches below are not folded away
	mu      sync.Mutex
)

//go:noinline
func work() { counter++ }

// One call: direct vs one open-coded defer.

//go:noinline
func directCall() { work() }

//go:noinline
func openCoded() {
	defer work() // defer-site bench.openCoded
}

func BenchmarkDirectCall(b *testing.B) {
	for i := 0; i < b.N; i++ {
		directCall()
	}
}

func BenchmarkOpenCoded(b *testing.B) {
	for i := 0; i < b.N; i++ {
		openCoded()
	}
}

// Two calls and a switch: direct, two open-coded defers (7 returns x 2 = 14), two stack-allocated (8 x 2 = 16).

//go:noinline
func twoDirect(x int) int {
	work()
	work()
	switch x {
	case 0:
		return 10
	case 1:
		return 11
	case 2:
		return 12
	case 3:
		return 13
	case 4:
		return 14
	case 5:
		return 15
	case 6:
		return 16
	}
	return 17
}

//go:noinline
func twoOpenCoded(x int) int {
	defer work() // defer-site bench.twoOpenCoded
	defer work() // defer-site bench.twoOpenCoded
	switch x {
	case 0:
		return 10
	case 1:
		return 11
	case 2:
		return 12
	case 3:
		return 13
	case 4:
		return 14
	case 5:
		return 15
	}
	return 17
}

//go:noinline
func twoStack(x int) int {
	defer work() // defer-site bench.twoStack
	defer work() // defer-site bench.twoStack
	switch x {
	case 0:
		return 10
	case 1:
		return 11
	case 2:
		return 12
	case 3:
		return 13
	case 4:
		return 14
	case 5:
		return 15
	case 6:
		return 16
	}
	return 17
}

func BenchmarkTwoDirect(b *testing.B) {
	for i := 0; i < b.N; i++ {
		twoDirect(sel)
	}
}

func BenchmarkTwoOpenCoded(b *testing.B) {
	for i := 0; i < b.N; i++ {
		twoOpenCoded(sel)
	}
}

func BenchmarkTwoStack(b *testing.B) {
	for i := 0; i < b.N; i++ {
		twoStack(sel)
	}
}

// The idiom: mu.Lock(); defer mu.Unlock().

//go:noinline
func mutexDirect() int {
	mu.Lock()
	c := counter
	mu.Unlock()
	return c
}

//go:noinline
func mutexDefer() int {
	mu.Lock()
	defer mu.Unlock() // defer-site bench.mutexDefer
	return counter
}

func BenchmarkMutexDirect(b *testing.B) {
	for i := 0; i < b.N; i++ {
		mutexDirect()
	}
}

func BenchmarkMutexDefer(b *testing.B) {
	for i := 0; i < b.N; i++ {
		mutexDefer()
	}
}

// 100 iterations per op: an inlined trivial body, a non-inlined call, a heap-allocated defer of that call,
// and the course text's own loop (defer func(x int) { _ = x }(i)) against the same literal called directly.

//go:noinline
func loop100Inlined() {
	for i := 0; i < 100; i++ {
		counter++
	}
}

//go:noinline
func loop100Call() {
	for i := 0; i < 100; i++ {
		work()
	}
}

//go:noinline
func loop100Defer() {
	for i := 0; i < 100; i++ {
		defer work() // defer-site bench.loop100Defer
	}
}

//go:noinline
func courseLoop100Direct() {
	for i := 0; i < 100; i++ {
		func(x int) { _ = x }(i)
	}
}

//go:noinline
func courseLoop100Defer() {
	for i := 0; i < 100; i++ {
		defer func(x int) { _ = x }(i) // defer-site bench.courseLoop100Defer
	}
}

func BenchmarkLoop100Inlined(b *testing.B) {
	for i := 0; i < b.N; i++ {
		loop100Inlined()
	}
}

func BenchmarkLoop100Call(b *testing.B) {
	for i := 0; i < b.N; i++ {
		loop100Call()
	}
}

func BenchmarkLoop100Defer(b *testing.B) {
	for i := 0; i < b.N; i++ {
		loop100Defer()
	}
}

func BenchmarkCourseLoop100Direct(b *testing.B) {
	for i := 0; i < b.N; i++ {
		courseLoop100Direct()
	}
}

func BenchmarkCourseLoop100Defer(b *testing.B) {
	for i := 0; i < b.N; i++ {
		courseLoop100Defer()
	}
}
