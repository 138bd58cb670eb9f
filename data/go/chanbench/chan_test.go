package main

import (
	"strconv"
	"testing"
)

// The same benchmarks for `go test -bench . -benchmem -count 5` (full recordings); main.go runs them live.

func BenchmarkUnbufferedHandoff(b *testing.B) { unbufferedHandoff(b) }

func BenchmarkBufferedStream(b *testing.B) {
	for _, c := range streamCaps {
		b.Run("cap="+strconv.Itoa(c), bufferedStream(c))
	}
}

func BenchmarkSelectNonblockEmpty(b *testing.B) { selectNonblockEmpty(b) }

func BenchmarkSelectNonblockReady(b *testing.B) { selectNonblockReady(b) }

func BenchmarkSelectOneReady(b *testing.B) { selectOneReady(b) }

func BenchmarkPingPong(b *testing.B) { pingPong(b) }
