//go:build go1.20

// unsafe.String and unsafe.Slice over a string's bytes (Go 1.20: unsafe.StringData/SliceData, cmd/compile
// typecheck of OUNSAFESTRING/OUNSAFESLICE): a header built on the same memory, no copy at all.
package main

import (
	"testing"
	"unsafe"
)

func init() {
	data := payload(64)
	key := string(data)
	add("Unsafe/StringOfBytes/n=64", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			sinkString = unsafe.String(&data[0], len(data))
		}
	})
	add("Unsafe/BytesOfString/n=64", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			sinkBytes = unsafe.Slice(unsafe.StringData(key), len(key))
		}
	})
	// The course's unsafe.Slice(data[6:], 5) does not compile: unsafe.Slice takes a pointer. Its correct form,
	// unsafe.Slice(&data[6], 5), is the same as the plain data[6:11] (NoCopy/Reslice).
	add("Unsafe/SliceOfPointer/n=64", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			sinkBytes = unsafe.Slice(&data[6], 5)
		}
	})
}
