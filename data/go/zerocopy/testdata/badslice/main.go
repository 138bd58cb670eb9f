// The course text's unsafe.Slice(data[6:], 5): it does not compile (unsafe.Slice takes a pointer, *T, and a
// length). Recorded as evidence: `go vet ./testdata/badslice` prints the compiler's error.
package main

import (
	"fmt"
	"unsafe"
)

func main() {
	data := []byte("hello, world")
	sub := unsafe.Slice(data[6:], 5)
	fmt.Println(sub)
}
