// poolprobe measures Go's two connection pools against a real peer on this machine.
//
//	-mode http: a net/http server on 127.0.0.1:0 whose ConnState hook counts accepted connections (StateNew), and a
//	            client with &http.Transport{MaxIdleConnsPerHost: k} (every other field zero) sending -n GET requests
//	            from c closed-loop workers; the handler sleeps -latency. One JSON line per (k, c).
//	-mode sql:  database/sql with a fake driver (stdlib only) whose Open counts connections and whose ExecContext
//	            sleeps -latency; db.SetMaxOpenConns(o), db.SetMaxIdleConns(i), c workers run -n db.ExecContext
//	            calls. One JSON line per (o, i, c) with the driver's counts and DBStats.
//
// Only 127.0.0.1 is used; every loop is bounded by -n.
package main

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptrace"
	"os"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

type httpResult struct {
	Mode           string  `json:"mode"`
	K              int     `json:"maxIdleConnsPerHost"`
	C              int     `json:"concurrency"`
	Requests       int     `json:"requests"`
	Pattern        string  `json:"pattern"`
	LatencyMs      float64 `json:"latencyMs"`
	StaggerMs      float64 `json:"staggerMs"`
	ThinkMs        float64 `json:"thinkMs"`
	CloseBody      bool    `json:"closeBody"`
	Accepted       int64   `json:"accepted"`
	ServerClosed   int64   `json:"serverClosedBeforeEnd"`
	GotConnNew     int64   `json:"gotConnNew"`
	GotConnReused  int64   `json:"gotConnReused"`
	GotConnWasIdle int64   `json:"gotConnWasIdle"`
	MaxActive      int64   `json:"maxActive"`
	DialMeanUs     float64 `json:"dialMeanUs"`
	P50Ms          float64 `json:"p50Ms"`
	P90Ms          float64 `json:"p90Ms"`
	P99Ms          float64 `json:"p99Ms"`
	ElapsedMs      float64 `json:"elapsedMs"`
	GoVersion      string  `json:"go"`
}

func percentile(sorted []time.Duration, p float64) float64 {
	if len(sorted) == 0 {
		return 0
	}
	i := int(p*float64(len(sorted))+0.5) - 1
	if i < 0 {
		i = 0
	}
	if i >= len(sorted) {
		i = len(sorted) - 1
	}
	return float64(sorted[i]) / 1e6
}

func runHTTP(k, c, n int, latency, think, stagger time.Duration, waves, closeBody bool) (httpResult, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return httpResult{}, err
	}
	var accepted, closed, active, maxActive int64
	srv := &http.Server{
		Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			time.Sleep(latency)
			io.WriteString(w, "ok")
		}),
		ConnState: func(_ net.Conn, s http.ConnState) {
			switch s {
			case http.StateNew:
				atomic.AddInt64(&accepted, 1)
				a := atomic.AddInt64(&active, 1)
				for {
					m := atomic.LoadInt64(&maxActive)
					if a <= m || atomic.CompareAndSwapInt64(&maxActive, m, a) {
						break
					}
				}
			case http.StateClosed, http.StateHijacked:
				atomic.AddInt64(&closed, 1)
				atomic.AddInt64(&active, -1)
			}
		},
	}
	go srv.Serve(ln)
	defer srv.Close()

	tr := &http.Transport{MaxIdleConnsPerHost: k}
	client := &http.Client{Transport: tr, Timeout: 30 * time.Second}
	url := "http://" + ln.Addr().String() + "/"

	var next, newConns, reused, wasIdle, dials, dialNs int64
	lat := make([]time.Duration, n)
	var bodies []io.ReadCloser
	var bodiesMu sync.Mutex
	var firstErr error
	var errMu sync.Mutex
	var wg sync.WaitGroup
	doRequest := func(i int) bool {
		var connectStart time.Time
		trace := &httptrace.ClientTrace{
			GotConn: func(info httptrace.GotConnInfo) {
				if info.Reused {
					atomic.AddInt64(&reused, 1)
				} else {
					atomic.AddInt64(&newConns, 1)
				}
				if info.WasIdle {
					atomic.AddInt64(&wasIdle, 1)
				}
			},
			ConnectStart: func(string, string) { connectStart = time.Now() },
			ConnectDone: func(string, string, error) {
				atomic.AddInt64(&dials, 1)
				atomic.AddInt64(&dialNs, int64(time.Since(connectStart)))
			},
		}
		req, _ := http.NewRequestWithContext(httptrace.WithClientTrace(context.Background(), trace), "GET", url, nil)
		t0 := time.Now()
		resp, err := client.Do(req)
		if err != nil {
			errMu.Lock()
			if firstErr == nil {
				firstErr = err
			}
			errMu.Unlock()
			return false
		}
		if closeBody {
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
		} else {
			bodiesMu.Lock()
			bodies = append(bodies, resp.Body)
			bodiesMu.Unlock()
		}
		lat[i] = time.Since(t0)
		return true
	}
	start := time.Now()
	if waves {
		// Waves: c requests at once, wait for all of them, pause -think, next wave.
		for first := 0; first < n; first += c {
			for i := first; i < n && i < first+c; i++ {
				wg.Add(1)
				go func(i int) {
					defer wg.Done()
					doRequest(i)
				}(i)
			}
			wg.Wait()
			if think > 0 {
				time.Sleep(think)
			}
		}
	} else {
		// Closed loop: c workers, each sends its next request as soon as the previous body is read (after -think);
		// worker w starts after w*stagger.
		for w := 0; w < c; w++ {
			wg.Add(1)
			go func(w int) {
				defer wg.Done()
				time.Sleep(time.Duration(w) * stagger)
				for {
					i := atomic.AddInt64(&next, 1) - 1
					if i >= int64(n) || !doRequest(int(i)) {
						return
					}
					if think > 0 {
						time.Sleep(think)
					}
				}
			}(w)
		}
	}
	wg.Wait()
	elapsed := time.Since(start)
	closedBefore := atomic.LoadInt64(&closed)
	for _, b := range bodies {
		b.Close()
	}
	tr.CloseIdleConnections()
	if firstErr != nil {
		return httpResult{}, firstErr
	}
	sort.Slice(lat, func(a, b int) bool { return lat[a] < lat[b] })
	r := httpResult{
		Mode: "http", K: k, C: c, Requests: n, Pattern: map[bool]string{true: "waves", false: "loop"}[waves], StaggerMs: float64(stagger) / 1e6, LatencyMs: float64(latency) / 1e6, ThinkMs: float64(think) / 1e6, CloseBody: closeBody,
		Accepted: atomic.LoadInt64(&accepted), ServerClosed: closedBefore,
		GotConnNew: newConns, GotConnReused: reused, GotConnWasIdle: wasIdle, MaxActive: maxActive,
		P50Ms: percentile(lat, 0.50), P90Ms: percentile(lat, 0.90), P99Ms: percentile(lat, 0.99),
		ElapsedMs: float64(elapsed) / 1e6, GoVersion: runtime.Version(),
	}
	if dials > 0 {
		r.DialMeanUs = float64(dialNs) / float64(dials) / 1e3
	}
	return r, nil
}

// ---- database/sql with a fake driver ----

type fakeDriver struct {
	opens, closes int64
	latency       time.Duration
}

type fakeConn struct{ d *fakeDriver }

func (d *fakeDriver) Open(string) (driver.Conn, error) {
	atomic.AddInt64(&d.opens, 1)
	return &fakeConn{d}, nil
}
func (c *fakeConn) Prepare(string) (driver.Stmt, error) { return nil, errors.New("fake: no Prepare") }
func (c *fakeConn) Close() error                        { atomic.AddInt64(&c.d.closes, 1); return nil }
func (c *fakeConn) Begin() (driver.Tx, error)           { return nil, errors.New("fake: no Begin") }
func (c *fakeConn) ExecContext(ctx context.Context, _ string, _ []driver.NamedValue) (driver.Result, error) {
	time.Sleep(c.d.latency)
	return driver.RowsAffected(0), nil
}

type sqlResult struct {
	Mode              string  `json:"mode"`
	MaxOpen           int     `json:"maxOpen"`
	Pattern           string  `json:"pattern"`
	MaxIdle           *int    `json:"maxIdle"`
	C                 int     `json:"concurrency"`
	Requests          int     `json:"requests"`
	LatencyMs         float64 `json:"latencyMs"`
	DriverOpens       int64   `json:"driverOpens"`
	DriverCloses      int64   `json:"driverClosesBeforeEnd"`
	WaitCount         int64   `json:"waitCount"`
	WaitDurationMs    float64 `json:"waitDurationMs"`
	MaxIdleClosed     int64   `json:"maxIdleClosed"`
	MaxIdleTimeClosed int64   `json:"maxIdleTimeClosed"`
	MaxLifetimeClosed int64   `json:"maxLifetimeClosed"`
	OpenAtEnd         int     `json:"openConnectionsAtEnd"`
	IdleAtEnd         int     `json:"idleAtEnd"`
	P50Ms             float64 `json:"p50Ms"`
	P90Ms             float64 `json:"p90Ms"`
	P99Ms             float64 `json:"p99Ms"`
	ElapsedMs         float64 `json:"elapsedMs"`
	GoVersion         string  `json:"go"`
}

var registerOnce sync.Once
var current *fakeDriver

type switchDriver struct{}

func (switchDriver) Open(name string) (driver.Conn, error) { return current.Open(name) }

func runSQL(maxOpen int, maxIdle *int, c, n int, latency time.Duration, waves bool) (sqlResult, error) {
	registerOnce.Do(func() { sql.Register("golabfake", switchDriver{}) })
	current = &fakeDriver{latency: latency}
	db, err := sql.Open("golabfake", "")
	if err != nil {
		return sqlResult{}, err
	}
	db.SetMaxOpenConns(maxOpen)
	if maxIdle != nil {
		db.SetMaxIdleConns(*maxIdle)
	}
	var next int64
	lat := make([]time.Duration, n)
	var wg sync.WaitGroup
	var firstErr error
	var errMu sync.Mutex
	doExec := func(i int) bool {
		t0 := time.Now()
		if _, err := db.ExecContext(context.Background(), "work"); err != nil {
			errMu.Lock()
			if firstErr == nil {
				firstErr = err
			}
			errMu.Unlock()
			return false
		}
		lat[i] = time.Since(t0)
		return true
	}
	start := time.Now()
	if waves {
		for first := 0; first < n; first += c {
			for i := first; i < n && i < first+c; i++ {
				wg.Add(1)
				go func(i int) {
					defer wg.Done()
					doExec(i)
				}(i)
			}
			wg.Wait()
		}
	} else {
		for w := 0; w < c; w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for {
					i := atomic.AddInt64(&next, 1) - 1
					if i >= int64(n) || !doExec(int(i)) {
						return
					}
				}
			}()
		}
	}
	wg.Wait()
	elapsed := time.Since(start)
	st := db.Stats()
	closes := atomic.LoadInt64(&current.closes)
	db.Close()
	if firstErr != nil {
		return sqlResult{}, firstErr
	}
	sort.Slice(lat, func(a, b int) bool { return lat[a] < lat[b] })
	return sqlResult{
		Mode: "sql", Pattern: map[bool]string{true: "waves", false: "loop"}[waves], MaxOpen: maxOpen, MaxIdle: maxIdle, C: c, Requests: n, LatencyMs: float64(latency) / 1e6,
		DriverOpens: atomic.LoadInt64(&current.opens), DriverCloses: closes,
		WaitCount: st.WaitCount, WaitDurationMs: float64(st.WaitDuration) / 1e6,
		MaxIdleClosed: st.MaxIdleClosed, MaxIdleTimeClosed: st.MaxIdleTimeClosed, MaxLifetimeClosed: st.MaxLifetimeClosed,
		OpenAtEnd: st.OpenConnections, IdleAtEnd: st.Idle,
		P50Ms: percentile(lat, 0.50), P90Ms: percentile(lat, 0.90), P99Ms: percentile(lat, 0.99),
		ElapsedMs: float64(elapsed) / 1e6, GoVersion: runtime.Version(),
	}, nil
}

func ints(s string) []int {
	var out []int
	for _, f := range strings.Split(s, ",") {
		v, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil {
			fmt.Fprintf(os.Stderr, "poolprobe: bad list %q\n", s)
			os.Exit(2)
		}
		out = append(out, v)
	}
	return out
}

// idleList is ints, where "default" means SetMaxIdleConns is not called (database/sql's defaultMaxIdleConns, 2).
func idleList(s string) []*int {
	var out []*int
	for _, f := range strings.Split(s, ",") {
		if strings.TrimSpace(f) == "default" {
			out = append(out, nil)
			continue
		}
		v := ints(f)[0]
		out = append(out, &v)
	}
	return out
}

func main() {
	mode := flag.String("mode", "http", "http or sql")
	ks := flag.String("k", "2,100", "http: MaxIdleConnsPerHost values")
	cs := flag.String("c", "1,10,50", "concurrency values")
	opens := flag.String("open", "0,5", "sql: SetMaxOpenConns values")
	idles := flag.String("idle", "default,10,0", "sql: SetMaxIdleConns values (default: not called, so 2)")
	n := flag.Int("n", 300, "requests per case")
	latency := flag.Duration("latency", 2*time.Millisecond, "handler / Exec sleep")
	think := flag.Duration("think", 0, "http: pause of each worker between its requests (0: back to back)")
	stagger := flag.Duration("stagger", 0, "http loop: worker w starts after w*stagger")
	pattern := flag.String("pattern", "waves", "waves (c requests at once, wait for all) or loop (c closed-loop workers)")
	leak := flag.Bool("leak", true, "http: add one case (k=2, c=1) whose bodies are not read or closed until the end")
	flag.Parse()
	if *n < 1 || *n > 100000 {
		fmt.Fprintln(os.Stderr, "poolprobe: -n must be 1 to 100000")
		os.Exit(2)
	}
	if *pattern != "waves" && *pattern != "loop" {
		fmt.Fprintln(os.Stderr, "poolprobe: -pattern must be waves or loop")
		os.Exit(2)
	}
	enc := json.NewEncoder(os.Stdout)
	fail := func(err error) {
		fmt.Fprintln(os.Stderr, "poolprobe:", err)
		os.Exit(1)
	}
	switch *mode {
	case "http":
		for _, k := range ints(*ks) {
			for _, c := range ints(*cs) {
				r, err := runHTTP(k, c, *n, *latency, *think, *stagger, *pattern == "waves", true)
				if err != nil {
					fail(err)
				}
				enc.Encode(r)
			}
		}
		if *leak {
			m := *n
			if m > 50 {
				m = 50
			}
			r, err := runHTTP(2, 1, m, *latency, 0, 0, false, false)
			if err != nil {
				fail(err)
			}
			enc.Encode(r)
		}
	case "sql":
		for _, o := range ints(*opens) {
			for _, i := range idleList(*idles) {
				for _, c := range ints(*cs) {
					r, err := runSQL(o, i, c, *n, *latency, *pattern == "waves")
					if err != nil {
						fail(err)
					}
					enc.Encode(r)
				}
			}
		}
	default:
		fmt.Fprintln(os.Stderr, "poolprobe: -mode must be http or sql")
		os.Exit(2)
	}
}
