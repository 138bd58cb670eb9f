// Package falseshare measures false sharing: goroutines that each write their own counter, with the counters side by
// side (one 64-byte cache line holds eight of them) or padded to 64 or 128 bytes (128: the adjacent-line prefetcher
// of x86 cores moves lines in pairs). `golab layout counters.go` shows the layouts; falseshare_test.go measures them.
package falseshare

// Plain is one counter: eight of them share a cache line.
type Plain struct {
	n uint64
}

// Pad64 fills a 64-byte cache line.
type Pad64 struct {
	n uint64
	_ [56]byte
}

// Pad128 fills two cache lines (an adjacent-line pair).
type Pad128 struct {
	n uint64
	_ [120]byte
}

// Stats is a typical struct of hot counters, each written by its own goroutine: all four share one line.
type Stats struct {
	requests uint64
	errors   uint64
	bytesIn  uint64
	bytesOut uint64
}

// PaddedStats gives each counter of Stats its own 64-byte line.
type PaddedStats struct {
	requests uint64
	_        [56]byte
	errors   uint64
	_        [56]byte
	bytesIn  uint64
	_        [56]byte
	bytesOut uint64
	_        [56]byte
}

// MaxGoroutines bounds the goroutine counts the benchmark uses.
const MaxGoroutines = 64

var (
	plain  [MaxGoroutines]Plain
	pad64  [MaxGoroutines]Pad64
	pad128 [MaxGoroutines]Pad128
)

// Counter returns goroutine i's counter in the named layout.
func Counter(layout string, i int) *uint64 {
	switch layout {
	case "unpadded":
		return &plain[i].n
	case "pad64":
		return &pad64[i].n
	default:
		return &pad128[i].n
	}
}
