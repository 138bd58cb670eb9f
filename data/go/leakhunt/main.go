// leakhunt: a small "service" that leaks memory and goroutines, sampled step by step, for the kit's leak hunt
// (chapter 5.4) and the goroutine leak of section 4.2. Standard library only.
//
//	-scenario buffers (default): a telemetry store keeps one bytes.Buffer per session in a map. The leaky version
//	  never Resets a buffer after flushing it and never deletes a closed session; each step also answers a few
//	  requests whose caller gives up (ctx cancelled) while a worker goroutine is still computing, and the worker
//	  then blocks for ever on an unbuffered send.
//	    -reset  applies only the course's fix (buffer.Reset() after each flush): the map still grows, the
//	            workers still block.
//	    -fixed  Reset after each flush, delete the session when it closes, and the worker sends in a select on
//	            ctx.Done() (or into a buffered channel): flat.
//	-scenario http: an HTTP client on loopback (httptest server). Step 1 makes requests and never closes
//	  resp.Body; step 2 makes requests whose caller's ctx times out, and the goroutine running the request then
//	  blocks on a send (after one retry with a 50 ms back-off). -fixed closes the body (after draining it) and sends in a
//	  select on ctx.Done().
//
// Every step ends with runtime.GC() and prints one metrics line (runtime/metrics) and, base64-encoded, the heap
// and the goroutine profile (pprof's gzipped protocol buffers, the bytes go tool pprof reads):
//
//	leakhunt scenario=buffers mode=leaky steps=6 ...
//	step=0 label=start t_ms=0 heap_objects_bytes=… heap_objects=… goroutines=… allocs_bytes=… gc_cycles=…
//	profile step=0 kind=heap data=H4sI…
//	profile step=0 kind=goroutine data=H4sI…
//
// -out DIR also writes the profiles as DIR/heap-STEP.pb.gz and DIR/goroutine-STEP.pb.gz (for go tool pprof -base).
package main

import (
	"bytes"
	"context"
	"encoding/base64"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"runtime/pprof"
	"strconv"
	"time"
)

var (
	scenario = flag.String("scenario", "buffers", "buffers or http")
	fixed    = flag.Bool("fixed", false, "run the fixed program")
	resetFix = flag.Bool("reset", false, "buffers: apply only buffer.Reset() (the course's fix)")
	steps    = flag.Int("steps", 6, "buffers: steps after the start snapshot")
	interval = flag.Duration("interval", 20*time.Millisecond, "pause between steps")
	sessions = flag.Int("sessions", 16, "buffers: sessions opened per step")
	frames   = flag.Int("frames", 8, "buffers: frames per live session per step")
	frameLen = flag.Int("frame", 1024, "buffers: bytes per frame")
	lifetime = flag.Int("lifetime", 3, "buffers: steps a session lives")
	giveUps  = flag.Int("giveups", 4, "requests per step whose caller gives up (buffers), or per run (http)")
	requests = flag.Int("requests", 8, "http: requests whose body is not closed (leaky)")
	rate     = flag.Int("memprofilerate", 1, "runtime.MemProfileRate (1 = every allocation, exact profiles)")
	outDir   = flag.String("out", "", "also write the profiles into this folder")
)

var start = time.Now()

func main() {
	flag.Parse()
	runtime.MemProfileRate = *rate
	if *steps < 1 || *sessions < 1 || *frames < 1 || *frameLen < 1 || *lifetime < 1 || *giveUps < 0 || *requests < 0 {
		fmt.Fprintln(os.Stderr, "leakhunt: counts must be positive")
		os.Exit(2)
	}
	mode := "leaky"
	if *fixed {
		mode = "fixed"
	} else if *resetFix {
		mode = "reset"
	}
	switch *scenario {
	case "buffers":
		fmt.Printf("leakhunt scenario=buffers mode=%s steps=%d sessions=%d frames=%d frame=%d lifetime=%d giveups=%d memprofilerate=%d go=%s gomaxprocs=%d\n",
			mode, *steps, *sessions, *frames, *frameLen, *lifetime, *giveUps, *rate, runtime.Version(), runtime.GOMAXPROCS(0))
		runBuffers()
	case "http":
		fmt.Printf("leakhunt scenario=http mode=%s requests=%d giveups=%d memprofilerate=%d go=%s gomaxprocs=%d\n",
			mode, *requests, *giveUps, *rate, runtime.Version(), runtime.GOMAXPROCS(0))
		runHTTP()
	default:
		fmt.Fprintf(os.Stderr, "leakhunt: unknown -scenario %q\n", *scenario)
		os.Exit(2)
	}
}

// ---- scenario buffers ----

type session struct {
	buf     *bytes.Buffer
	opened  int
	flushed int
}

// telemetryStore keeps the frames of every open session until they are flushed.
type telemetryStore struct {
	sessions map[int]*session
	nextID   int
	sent     int
}

//go:noinline
func (s *telemetryStore) open(step int) {
	s.sessions[s.nextID] = &session{buf: new(bytes.Buffer), opened: step}
	s.nextID++
}

// appendFrame copies one frame into the session's buffer; in the leaky program the buffer is never Reset, so it
// keeps every frame it ever received.
//
//go:noinline
func (s *telemetryStore) appendFrame(ss *session, frame []byte) {
	ss.buf.Write(frame)
}

// flush "sends" what was buffered since the last flush.
//
//go:noinline
func (s *telemetryStore) flush(ss *session) {
	s.sent += ss.buf.Len() - ss.flushed
	if *fixed || *resetFix {
		ss.buf.Reset() // keeps the capacity: the next frames reuse the same backing array
		ss.flushed = 0
	} else {
		ss.flushed = ss.buf.Len()
	}
}

//go:noinline
func (s *telemetryStore) closeExpired(step int) {
	for id, ss := range s.sessions {
		if step-ss.opened >= *lifetime {
			if *fixed {
				delete(s.sessions, id)
			}
			// leaky and reset: the session is "closed" but stays in the map, buffer and all
		}
	}
}

func (s *telemetryStore) live(step int) []*session {
	var out []*session
	for _, ss := range s.sessions {
		if step-ss.opened < *lifetime {
			out = append(out, ss)
		}
	}
	return out
}

// render is the slow work a request hands to a worker goroutine: it builds an 8 KiB report.
//
//go:noinline
func render(id int) []byte {
	report := make([]byte, 8<<10)
	for i := range report {
		report[i] = byte(id + i)
	}
	return report
}

// handle answers one request whose caller gives up before the worker is done (its ctx is cancelled), and returns
// a channel that is closed once the worker has finished its work (before it tries to hand the result over).
//
//go:noinline
func handle(parent context.Context, id int) <-chan struct{} {
	ctx, cancel := context.WithCancel(parent)
	done := make(chan struct{})
	gate := make(chan struct{})
	var results chan []byte
	if *fixed {
		results = make(chan []byte, 1)
	} else {
		results = make(chan []byte)
	}
	go worker(ctx, id, gate, done, results)
	cancel() // the client went away
	select {
	case r := <-results:
		_ = r
	case <-ctx.Done():
	}
	close(gate) // the worker's slow work ends only after the caller has given up
	return done
}

//go:noinline
func worker(ctx context.Context, id int, gate <-chan struct{}, done chan<- struct{}, results chan<- []byte) {
	<-gate
	report := render(id)
	close(done)
	if *fixed {
		select {
		case results <- report:
		case <-ctx.Done():
		}
		return
	}
	results <- report // nobody receives any more: blocks for ever, and keeps report alive
}

func runBuffers() {
	store := &telemetryStore{sessions: map[int]*session{}}
	frame := bytes.Repeat([]byte{'f'}, *frameLen)
	base := runtime.NumGoroutine()
	// The first -lifetime rounds are a warm-up: afterwards as many sessions close as open in every round, so the
	// fixed program is at its steady state from the start snapshot on and any growth after it is a leak.
	for round := 1; round <= *lifetime+*steps; round++ {
		step := round - *lifetime
		for i := 0; i < *sessions; i++ {
			store.open(step)
		}
		for _, ss := range store.live(step) {
			for f := 0; f < *frames; f++ {
				store.appendFrame(ss, frame)
			}
			store.flush(ss)
		}
		store.closeExpired(step + 1)
		for i := 0; i < *giveUps; i++ {
			<-handle(context.Background(), round*1000+i)
		}
		if step < 0 {
			continue
		}
		want := base
		if !*fixed {
			want = base + round**giveUps
		}
		label := fmt.Sprintf("step%d", step)
		if step == 0 {
			label = "start"
		} else {
			time.Sleep(*interval)
		}
		sample(step, label, want)
	}
}

// ---- scenario http ----

func runHTTP() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/slow" {
			select {
			case <-time.After(200 * time.Millisecond):
			case <-r.Context().Done():
			}
		}
		w.Write(bytes.Repeat([]byte{'x'}, 4<<10))
	}))
	defer srv.Close()
	// The course's settings (section 4.2): many idle connections per host, a 30 s idle timeout.
	client := &http.Client{Transport: &http.Transport{MaxIdleConns: 100, MaxIdleConnsPerHost: 100, IdleConnTimeout: 30 * time.Second}}

	sample(0, "start", -1)
	for i := 0; i < *requests; i++ {
		resp, err := client.Get(srv.URL + "/fast")
		if err != nil {
			fmt.Fprintln(os.Stderr, "leakhunt:", err)
			os.Exit(1)
		}
		if *fixed {
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close() // the connection goes back to the idle pool and is reused
		}
		// leaky: resp.Body is neither read nor closed; its connection stays busy, with its two goroutines
	}
	time.Sleep(*interval)
	sample(1, "body", -1)
	for i := 0; i < *giveUps; i++ {
		fetchWithTimeout(client, srv.URL+"/slow", 10*time.Millisecond)
	}
	time.Sleep(*interval)
	sample(2, "ctx", -1)
}

// fetchWithTimeout runs the request on its own goroutine and waits at most d for it.
//
//go:noinline
func fetchWithTimeout(client *http.Client, url string, d time.Duration) {
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	type result struct {
		n   int64
		err error
	}
	var results chan result
	if *fixed {
		results = make(chan result, 1)
	} else {
		results = make(chan result)
	}
	go func() {
		req, _ := http.NewRequestWithContext(ctx, "GET", url, nil)
		var r result
		resp, err := client.Do(req)
		if err != nil {
			// One retry after a short back-off, as many clients do. The ctx is done by then, so the retry fails at
			// once; the back-off only makes sure the caller has returned before the send below (without it the
			// caller's select may find both cases ready and take the result: the leak would depend on luck).
			time.Sleep(50 * time.Millisecond)
			resp, err = client.Do(req.Clone(ctx))
		}
		if err == nil {
			r.n, r.err = io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
		} else {
			r.err = err
		}
		if *fixed {
			select {
			case results <- r:
			case <-ctx.Done():
			}
			return
		}
		results <- r // the caller is gone after its ctx is done: blocks for ever
	}()
	select {
	case r := <-results:
		_ = r
	case <-ctx.Done():
	}
}

// ---- sampling ----

var metricNames = []string{
	"/memory/classes/heap/objects:bytes",
	"/gc/heap/objects:objects",
	"/sched/goroutines:goroutines",
	"/gc/heap/allocs:bytes",
	"/gc/cycles/total:gc-cycles",
}

// sample waits until the goroutine count is settled (want, or unchanged for 50 ms when want < 0), forces a GC
// (so the heap profile and the heap metrics describe live memory), then prints the metrics and both profiles.
func sample(step int, label string, want int) {
	settle(want)
	runtime.GC()
	ms := make([]metrics.Sample, len(metricNames))
	for i, n := range metricNames {
		ms[i].Name = n
	}
	metrics.Read(ms)
	v := func(i int) uint64 {
		if ms[i].Value.Kind() != metrics.KindUint64 {
			return 0
		}
		return ms[i].Value.Uint64()
	}
	fmt.Printf("step=%d label=%s t_ms=%d heap_objects_bytes=%d heap_objects=%d goroutines=%d allocs_bytes=%d gc_cycles=%d\n",
		step, label, time.Since(start).Milliseconds(), v(0), v(1), v(2), v(3), v(4))
	for _, kind := range []string{"heap", "goroutine"} {
		var b bytes.Buffer
		if err := pprof.Lookup(kind).WriteTo(&b, 0); err != nil {
			fmt.Fprintln(os.Stderr, "leakhunt:", err)
			os.Exit(1)
		}
		// Written without fmt: fmt keeps its last (large) line buffer in a sync.Pool, which would show up as growth
		// in main.sample, the recorder's own, in the next heap profile.
		prefix := "profile step=" + strconv.Itoa(step) + " kind=" + kind + " data="
		line := make([]byte, len(prefix)+base64.StdEncoding.EncodedLen(b.Len())+1)
		copy(line, prefix)
		base64.StdEncoding.Encode(line[len(prefix):], b.Bytes())
		line[len(line)-1] = '\n'
		os.Stdout.Write(line)
		if *outDir != "" {
			name := filepath.Join(*outDir, fmt.Sprintf("%s-%d.pb.gz", kind, step))
			if err := os.WriteFile(name, b.Bytes(), 0o644); err != nil {
				fmt.Fprintln(os.Stderr, "leakhunt:", err)
				os.Exit(1)
			}
		}
	}
}

func settle(want int) {
	deadline := time.Now().Add(3 * time.Second)
	last, same := -1, 0
	for time.Now().Before(deadline) {
		n := runtime.NumGoroutine()
		if want >= 0 && n == want {
			return
		}
		if want < 0 {
			if n == last {
				same++
				if same >= 5 {
					return
				}
			} else {
				last, same = n, 0
			}
		}
		time.Sleep(10 * time.Millisecond)
	}
	if want >= 0 {
		fmt.Fprintf(os.Stderr, "leakhunt: %d goroutines, expected %d\n", runtime.NumGoroutine(), want)
	}
}
