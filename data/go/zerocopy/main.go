// zerocopy measures what copies in Go (chapter 4.1): []byte<->string conversions and the compiler's no-copy
// cases, slicing against bytes.Reader/bytes.Buffer, io.Copy/io.CopyBuffer and their WriterTo/ReaderFrom fast paths,
// and (Go 1.20+, unsafe_go120.go) unsafe.String/unsafe.Slice. Each case runs under testing.Benchmark and prints one
// line in `go test -bench -benchmem` format, so the kit reads it with its benchfmt reader.
//
//	go run . -benchtime 20ms            # every case once (a short live run)
//	go run . -benchtime 200ms -count 5  # the recorded full run
//	go run . -demo copybuffer-empty     # io.CopyBuffer with a zero-length buffer (it panics)
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"testing"
)

type benchCase struct {
	name string
	fn   func(b *testing.B)
}

var cases []benchCase

func add(name string, fn func(b *testing.B)) { cases = append(cases, benchCase{name, fn}) }

// Sinks keep results alive so the compiler cannot drop the work; a value stored in a package variable escapes.
var (
	sinkString string
	sinkBytes  []byte
	sinkInt    int
	sinkBool   bool
	sinkInt64  int64
)

func payload(n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte('a' + i%26)
	}
	return b
}

// onlyWriter and onlyReader hide WriterTo/ReaderFrom, so io.Copy must take its generic buffered path.
type onlyWriter struct{ io.Writer }
type onlyReader struct{ io.Reader }

func init() {
	for _, n := range []int{16, 64, 1024} {
		n := n
		data := payload(n)
		str := string(data)
		// runtime/string.go slicebytetostring: the result escapes, so it is a new allocation (size-class rounded).
		add(fmt.Sprintf("StringFromBytes/escapes/n=%d", n), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				sinkString = string(data)
			}
		})
		// The result does not escape: up to 32 bytes the compiler passes a stack tmpBuf, above that it allocates.
		add(fmt.Sprintf("StringFromBytes/local/n=%d", n), func(b *testing.B) {
			x := 0
			for i := 0; i < b.N; i++ {
				s := string(data)
				x += int(s[0]) + int(s[len(s)-1])
			}
			sinkInt = x
		})
		// runtime/string.go stringtoslicebyte.
		add(fmt.Sprintf("BytesFromString/escapes/n=%d", n), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				sinkBytes = []byte(str)
			}
		})
	}

	data := payload(64)
	key := string(data)
	m := map[string]int{key: 1}
	// cmd/compile/internal/walk/order.go mapKeyReplaceStrConv: m[string(b)] uses slicebytetostringtmp, no copy.
	add("NoCopy/MapIndexStringOfBytes/n=64", func(b *testing.B) {
		x := 0
		for i := 0; i < b.N; i++ {
			x += m[string(data)]
		}
		sinkInt = x
	})
	// order.go expr1 (OEQ…): string(b) compared with a string is not materialised.
	add("NoCopy/CompareStringOfBytes/n=64", func(b *testing.B) {
		eq := false
		for i := 0; i < b.N; i++ {
			eq = string(data) == key
		}
		sinkBool = eq
	})
	// order.go stmt ORANGE: for range []byte(s) ranges over the string's own bytes.
	add("NoCopy/RangeBytesOfString/n=64", func(b *testing.B) {
		x := 0
		for i := 0; i < b.N; i++ {
			for _, c := range []byte(key) {
				x += int(c)
			}
		}
		sinkInt = x
	})
	// Plain slicing shares the backing array: a new slice header, no copy.
	add("NoCopy/Reslice/n=64", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			sinkBytes = data[6:11]
		}
	})
	// strings.Builder.String returns its buffer without copying (unsafe conversion inside strings/builder.go).
	add("Builder/StringsBuilder/n=64", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			var sb strings.Builder
			sb.Write(data)
			sinkString = sb.String()
		}
	})
	// Concatenation copies every piece into a new string (runtime/string.go concatstrings).
	add("Builder/Concat/n=64", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			sinkString = key[:32] + key[32:]
		}
	})

	for _, n := range []int{4 << 10, 64 << 10} {
		n := n
		big := payload(n)
		dst := make([]byte, n)
		name := fmt.Sprintf("n=%dKiB", n>>10)
		// bytes.Reader.Read copies into the caller's buffer: cost grows with n.
		add("Read/BytesReader/"+name, func(b *testing.B) {
			b.SetBytes(int64(n))
			r := bytes.NewReader(big)
			for i := 0; i < b.N; i++ {
				r.Reset(big)
				if _, err := io.ReadFull(r, dst); err != nil {
					b.Fatal(err)
				}
			}
		})
		// bytes.Buffer.Bytes aliases the buffer: no copy, whatever n.
		add("Read/BufferBytes/"+name, func(b *testing.B) {
			buf := bytes.NewBuffer(big)
			for i := 0; i < b.N; i++ {
				sinkBytes = buf.Bytes()
			}
		})
		// io/io.go copyBuffer: *bytes.Reader implements WriterTo, so io.Copy makes no buffer.
		add("Copy/WriterTo/"+name, func(b *testing.B) {
			b.SetBytes(int64(n))
			r := bytes.NewReader(big)
			for i := 0; i < b.N; i++ {
				r.Reset(big)
				sinkInt64, _ = io.Copy(io.Discard, r)
			}
		})
		// Both fast paths hidden: io.Copy allocates a 32 KiB buffer on every call (smaller if the source is a
		// LimitedReader), then reads and writes through it.
		add("Copy/Generic/"+name, func(b *testing.B) {
			b.SetBytes(int64(n))
			r := bytes.NewReader(big)
			var w io.Writer = onlyWriter{io.Discard}
			var src io.Reader = onlyReader{r}
			for i := 0; i < b.N; i++ {
				r.Reset(big)
				sinkInt64, _ = io.Copy(w, src)
			}
		})
		// io.CopyBuffer with nil is io.Copy: it allocates the buffer itself.
		add("Copy/CopyBufferNil/"+name, func(b *testing.B) {
			b.SetBytes(int64(n))
			r := bytes.NewReader(big)
			var w io.Writer = onlyWriter{io.Discard}
			var src io.Reader = onlyReader{r}
			for i := 0; i < b.N; i++ {
				r.Reset(big)
				sinkInt64, _ = io.CopyBuffer(w, src, nil)
			}
		})
		// A caller's buffer is reused: no allocation. Any non-zero length works (here 512 bytes and 32 KiB).
		for _, size := range []int{512, 32 << 10} {
			size := size
			buf := make([]byte, size)
			add(fmt.Sprintf("Copy/CopyBuffer%d/%s", size, name), func(b *testing.B) {
				b.SetBytes(int64(n))
				r := bytes.NewReader(big)
				var w io.Writer = onlyWriter{io.Discard}
				var src io.Reader = onlyReader{r}
				for i := 0; i < b.N; i++ {
					r.Reset(big)
					sinkInt64, _ = io.CopyBuffer(w, src, buf)
				}
			})
		}
	}

	// bytes.Reader.Seek only sets an offset: the same cost for 1 KiB and 16 MiB.
	for _, n := range []int{1 << 10, 16 << 20} {
		n := n
		big := make([]byte, n)
		add(fmt.Sprintf("Seek/BytesReader/n=%dKiB", n>>10), func(b *testing.B) {
			r := bytes.NewReader(big)
			for i := 0; i < b.N; i++ {
				sinkInt64, _ = r.Seek(int64(i%n), io.SeekStart)
			}
		})
	}
}

func main() {
	testing.Init()
	benchtime := flag.String("benchtime", "1s", "time (or Nx iterations) per case, as go test -benchtime")
	count := flag.Int("count", 1, "runs of each case")
	filter := flag.String("run", "", "only cases whose name contains this text")
	demo := flag.String("demo", "", "copybuffer-empty: call io.CopyBuffer with a zero-length buffer and print the panic")
	flag.Parse()
	if *demo != "" {
		os.Exit(runDemo(*demo))
	}
	if err := flag.Set("test.benchtime", *benchtime); err != nil {
		fmt.Fprintln(os.Stderr, "zerocopy: -benchtime:", err)
		os.Exit(2)
	}
	if *count < 1 {
		fmt.Fprintln(os.Stderr, "zerocopy: -count must be at least 1")
		os.Exit(2)
	}
	fmt.Printf("goos: %s\ngoarch: %s\npkg: golab/zerocopy\ngo: %s\n", runtime.GOOS, runtime.GOARCH, runtime.Version())
	procs := runtime.GOMAXPROCS(0)
	for _, c := range cases {
		if !strings.Contains(c.name, *filter) {
			continue
		}
		for i := 0; i < *count; i++ {
			fn := c.fn
			r := testing.Benchmark(func(b *testing.B) { b.ReportAllocs(); fn(b) })
			fmt.Printf("Benchmark%s-%d\t%s\t%s\n", c.name, procs, r.String(), r.MemString())
		}
	}
}

func runDemo(name string) int {
	switch name {
	case "copybuffer-empty":
		defer func() {
			if p := recover(); p != nil {
				fmt.Printf("panic: %v\n", p)
			}
		}()
		fmt.Println("io.CopyBuffer(dst, src, make([]byte, 0))")
		n, err := io.CopyBuffer(io.Discard, strings.NewReader("hello"), make([]byte, 0))
		fmt.Printf("returned n=%d err=%v (no panic)\n", n, err)
		return 0
	default:
		fmt.Fprintf(os.Stderr, "zerocopy: unknown -demo %q\n", name)
		return 2
	}
}
