// readbody: what r.Body (an io.ReadCloser) is when a handler stores it as a value, and the right way to keep a
// request body, for the kit's case 5.1 (the course snippet passes r.Body to a Redis SET). Standard library only;
// the output is deterministic (no addresses), so a recording and a live run print the same lines.
package main

import (
	"encoding"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"strings"
	"sync"
	"time"
)

// store stands in for a key-value store: a client such as go-redis writes a value only if it is a string, []byte,
// a number, a bool, time.Time or an encoding.BinaryMarshaler (internal/proto/writer.go WriteArg); anything else is
// refused with "redis: can't marshal %T (implement encoding.BinaryMarshaler)".
var (
	mu    sync.Mutex
	store = map[string]any{}
)

func put(key string, v any) { mu.Lock(); store[key] = v; mu.Unlock() }

func get(key string) any { mu.Lock(); defer mu.Unlock(); return store[key] }

func kvEncode(v any) ([]byte, error) {
	switch v := v.(type) {
	case string:
		return []byte(v), nil
	case []byte:
		return v, nil
	case encoding.BinaryMarshaler:
		return v.MarshalBinary()
	default:
		return nil, fmt.Errorf("redis: can't marshal %T (implement encoding.BinaryMarshaler)", v)
	}
}

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("/wrong", func(w http.ResponseWriter, r *http.Request) {
		put("txn_wrong", r.Body) // the course snippet's value: the stream, not the bytes
		var rc any = r.Body
		_, isStringer := rc.(fmt.Stringer)
		_, isMarshaler := rc.(encoding.BinaryMarshaler)
		fmt.Printf("wrong: value type %T; fmt.Stringer %v; encoding.BinaryMarshaler %v\n", rc, isStringer, isMarshaler)
		_, err := kvEncode(rc)
		fmt.Printf("wrong: a Redis client encoding it: %v\n", err)
		first, _ := io.ReadAll(r.Body)
		second, _ := io.ReadAll(r.Body)
		fmt.Printf("wrong: first read %d bytes %q; second read %d bytes\n", len(first), first, len(second))
	})
	mux.HandleFunc("/right", func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 64)) // bounded: at most 64 bytes
		if err != nil {
			var tooLarge *http.MaxBytesError // Go 1.19+
			fmt.Printf("right: %d-byte request refused: %v (MaxBytesError %v)\n", r.ContentLength, err, errors.As(err, &tooLarge))
			http.Error(w, "request body too large", http.StatusRequestEntityTooLarge)
			return
		}
		put("txn_right", body)
		b, err := kvEncode(body)
		fmt.Printf("right: stored %d bytes %q; encode error %v\n", len(b), b, err)
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	check(err)
	go http.Serve(ln, mux)
	base := "http://" + ln.Addr().String()

	post(base+"/wrong", `{"id":"A1","amount":88.5}`)
	// The handler has returned: the server closes the request body behind the stored value (finishRequest closes it
	// just after flushing the response, so wait until it has).
	for i := 0; i < 200; i++ {
		if _, err = io.ReadAll(get("txn_wrong").(io.Reader)); err != nil {
			break
		}
		time.Sleep(5 * time.Millisecond)
	}
	fmt.Printf("wrong: reading the stored value after the handler returned: %v\n", err)

	post(base+"/right", `{"id":"A1","amount":88.5}`)
	post(base+"/right", `{"id":"A2","note":"`+strings.Repeat("x", 100)+`"}`)
}

func post(url, body string) {
	resp, err := http.Post(url, "application/json", strings.NewReader(body))
	check(err)
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	fmt.Printf("client: POST %s -> %s\n", url[strings.LastIndex(url, "/"):], resp.Status)
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "readbody:", err)
		os.Exit(1)
	}
}
