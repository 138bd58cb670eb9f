// Command defer holds one small function per open-coded defer rule of the Go compiler
// (cmd/compile/internal/walk/stmt.go walkStmt ODEFER, escape/call.go goDeferStmt, ssagen/ssa.go buildssa).
// Build it with `go build -gcflags=-d=defer .` and the compiler prints, for every defer statement,
// "open-coded defer", "stack-allocated defer" or "heap-allocated defer".
//
// Every defer statement carries a "defer-site NAME" comment: NAME is the case in cases.json that describes the
// function's shape and the kind each build is expected to print. Returns are counted as the compiler counts
// them (walkReturn: explicit return statements only).
package main

import (
	"fmt"
	"sync"
)

var (
	sink  *int
	count int
	mu    sync.Mutex
)

//go:noinline
func nop() { count++ }

// oneDefer: the common case.
func oneDefer() {
	defer nop() // defer-site oneDefer
	count++
}

// mutexUnlock: the idiom the course text benchmarks.
func mutexUnlock() int {
	mu.Lock()
	defer mu.Unlock() // defer-site mutexUnlock
	return count
}

// eightDefers: maxOpenDefers is 8; deferBits is one byte.
func eightDefers() {
	defer nop() // defer-site eightDefers
	defer nop() // defer-site eightDefers
	defer nop() // defer-site eightDefers
	defer nop() // defer-site eightDefers
	defer nop() // defer-site eightDefers
	defer nop() // defer-site eightDefers
	defer nop() // defer-site eightDefers
	defer nop() // defer-site eightDefers
}

// nineDefers: one more than maxOpenDefers.
func nineDefers() {
	defer nop() // defer-site nineDefers
	defer nop() // defer-site nineDefers
	defer nop() // defer-site nineDefers
	defer nop() // defer-site nineDefers
	defer nop() // defer-site nineDefers
	defer nop() // defer-site nineDefers
	defer nop() // defer-site nineDefers
	defer nop() // defer-site nineDefers
	defer nop() // defer-site nineDefers
}

// deferInLoop: a defer that may run many times needs a heap record each time.
func deferInLoop(n int) {
	for i := 0; i < n; i++ {
		defer nop() // defer-site deferInLoop
	}
}

// loopAndTopLevel: the loop defer disables open-coding for the whole function; the top-level one stays on the stack.
func loopAndTopLevel(n int) {
	defer nop() // defer-site loopAndTopLevel
	for i := 0; i < n; i++ {
		defer nop() // defer-site loopAndTopLevel
	}
}

// loopBeforeDefer: a loop elsewhere in the function does not matter, only a defer inside one.
func loopBeforeDefer(n int) {
	for i := 0; i < n; i++ {
		count++
	}
	defer nop() // defer-site loopBeforeDefer
}

// gotoLoop: a label that a later goto jumps back to is a loop for escape analysis too.
func gotoLoop(n int) {
	i := 0
again:
	defer nop() // defer-site gotoLoop
	i++
	if i < n {
		goto again
	}
}

// forwardGoto: a goto forward is not a loop.
func forwardGoto(n int) {
	if n > 0 {
		goto done
	}
	count++
done:
	defer nop() // defer-site forwardGoto
}

// conditionalDefer: open-coded defers set a bit in deferBits at run time, so a defer under if is fine.
func conditionalDefer(b bool) {
	if b {
		defer nop() // defer-site conditionalDefer
	}
	count++
}

// recoverDefer: recover in the deferred closure does not change the kind.
func recoverDefer() (err error) {
	defer func() { // defer-site recoverDefer
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	if count < 0 {
		panic("negative")
	}
	return nil
}

// closureInLoop: the closure is a function of its own; its defer is top-level there.
func closureInLoop(n int) {
	for i := 0; i < n; i++ {
		func() {
			defer nop() // defer-site closureInLoop
			count++
		}()
	}
}

// twoDefersSevenReturns: 7 returns x 2 defers = 14 <= 15.
func twoDefersSevenReturns(x int) int {
	defer nop() // defer-site twoDefersSevenReturns
	defer nop() // defer-site twoDefersSevenReturns
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
	return 16
}

// twoDefersEightReturns: 8 returns x 2 defers = 16 > 15.
func twoDefersEightReturns(x int) int {
	defer nop() // defer-site twoDefersEightReturns
	defer nop() // defer-site twoDefersEightReturns
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

// threeDefersFiveReturns: 5 x 3 = 15, the largest product still open-coded.
func threeDefersFiveReturns(x int) int {
	defer nop() // defer-site threeDefersFiveReturns
	defer nop() // defer-site threeDefersFiveReturns
	defer nop() // defer-site threeDefersFiveReturns
	switch x {
	case 0:
		return 10
	case 1:
		return 11
	case 2:
		return 12
	case 3:
		return 13
	}
	return 14
}

// oneDeferSixteenReturns: 16 x 1 = 16 > 15, even with a single defer.
func oneDeferSixteenReturns(x int) int {
	defer nop() // defer-site oneDeferSixteenReturns
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
	case 7:
		return 17
	case 8:
		return 18
	case 9:
		return 19
	case 10:
		return 20
	case 11:
		return 21
	case 12:
		return 22
	case 13:
		return 23
	case 14:
		return 24
	}
	return 25
}

// heapResult: the named result's address escapes, so it lives on the heap and must be copied back after the
// deferred calls ran; open-coded defers do not do that copy.
func heapResult() (n int) {
	defer nop() // defer-site heapResult
	sink = &n
	return 1
}

// stackResult: the same without the escaping address.
func stackResult() (n int) {
	defer nop() // defer-site stackResult
	n = 2
	return n
}

func main() {
	oneDefer()
	fmt.Println(mutexUnlock())
	eightDefers()
	nineDefers()
	deferInLoop(3)
	loopAndTopLevel(3)
	loopBeforeDefer(3)
	gotoLoop(3)
	forwardGoto(0)
	conditionalDefer(true)
	fmt.Println(recoverDefer())
	closureInLoop(3)
	fmt.Println(twoDefersSevenReturns(3), twoDefersEightReturns(3), threeDefersFiveReturns(3), oneDeferSixteenReturns(3))
	fmt.Println(heapResult(), stackResult(), count)
}
