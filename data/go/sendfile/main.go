// sendfile copies a file to a loopback TCP connection, either with io.Copy(conn, file) — up to Go 1.21
// *net.TCPConn's ReadFrom sees an *os.File and uses sendfile(2) (net/tcpsock_posix.go readFrom →
// net/sendfile_linux.go sendFile); from Go 1.22 io.Copy finds *os.File's WriteTo first, whose writeTo
// (os/zero_copy_linux.go) sees a TCP connection and calls poll.SendFile itself — or with a read/write
// loop through a 32 KiB buffer that hides ReaderFrom/WriterTo. Run under `strace -c -f` to count the system calls
// of each path (data/README.md, zerocopy). The receiver (same process) reads with a fixed 64 KiB buffer in both modes.
//
//	go build -o "$bin" . && strace -c -f "$bin" -mode sendfile -size 8MiB
package main

import (
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"runtime"
	"strconv"
	"strings"
)

type onlyWriter struct{ io.Writer }
type onlyReader struct{ io.Reader }

func main() {
	mode := flag.String("mode", "sendfile", "sendfile: io.Copy(conn, file); loop: read/write through a 32 KiB buffer")
	sizeText := flag.String("size", "8MiB", "file size (N, NKiB or NMiB)")
	flag.Parse()
	size, err := parseSize(*sizeText)
	if err != nil || (*mode != "sendfile" && *mode != "loop") {
		fmt.Fprintln(os.Stderr, "usage: sendfile -mode sendfile|loop -size 8MiB")
		os.Exit(2)
	}
	if err := run(*mode, size); err != nil {
		fmt.Fprintln(os.Stderr, "sendfile:", err)
		os.Exit(1)
	}
}

func parseSize(s string) (int64, error) {
	mult := int64(1)
	switch {
	case strings.HasSuffix(s, "MiB"):
		mult, s = 1<<20, strings.TrimSuffix(s, "MiB")
	case strings.HasSuffix(s, "KiB"):
		mult, s = 1<<10, strings.TrimSuffix(s, "KiB")
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("bad size %q", s)
	}
	return n * mult, nil
}

func run(mode string, size int64) error {
	f, err := os.CreateTemp("", "golab-sendfile-*")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	defer f.Close()
	chunk := make([]byte, 1<<20)
	for i := range chunk {
		chunk[i] = byte(i)
	}
	for left := size; left > 0; {
		n := int64(len(chunk))
		if left < n {
			n = left
		}
		if _, err := f.Write(chunk[:n]); err != nil {
			return err
		}
		left -= n
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return err
	}

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	defer ln.Close()
	received := make(chan int64, 1)
	go func() {
		c, err := ln.Accept()
		if err != nil {
			received <- -1
			return
		}
		defer c.Close()
		buf := make([]byte, 64<<10)
		var total int64
		for {
			n, err := c.Read(buf)
			total += int64(n)
			if err != nil {
				break
			}
		}
		received <- total
	}()

	conn, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		return err
	}
	var sent int64
	if mode == "sendfile" {
		sent, err = io.Copy(conn, f)
	} else {
		buf := make([]byte, 32<<10)
		sent, err = io.CopyBuffer(onlyWriter{conn}, onlyReader{f}, buf)
	}
	if err != nil {
		return err
	}
	conn.Close()
	got := <-received
	fmt.Printf("mode=%s size=%d sent=%d received=%d go=%s\n", mode, size, sent, got, runtime.Version())
	return nil
}
