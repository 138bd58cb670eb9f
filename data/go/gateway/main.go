// gateway: an API-gateway-like program under load on loopback, for the kit's case 5.1 (lib/GoRuntimeLab/Gateway).
//
// One process holds three parts, all on 127.0.0.1:
//   - an upstream backend that answers GET /items?id=N with a fixed JSON list of item ids and prices;
//   - the gateway: a net/http handler that puts a context.WithTimeout on the request, calls the backend through a
//     tuned http.Transport, decodes its JSON, builds a larger response (names, prices, tags) and encodes it with
//     json.NewEncoder into a bytes.Buffer that is either new for each request (-pool=false) or taken from a
//     sync.Pool and Reset (-pool=true), then writes the buffer to the client;
//   - a load generator: -c goroutines issue -n requests in total (closed loop) and record each latency.
//
// It prints the latency percentiles and the allocation totals of the load phase (runtime.MemStats), and writes a CPU
// profile (-cpuprofile) and a heap profile (-memprofile, taken after the load: its alloc_space covers the whole run).
// Run it with GODEBUG=gctrace=1 for the gctrace lines (stderr). Standard library only.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"sort"
	"strconv"
	"sync"
	"time"
)

type upstreamItem struct {
	ID    int     `json:"id"`
	Price float64 `json:"price"`
}

type upstreamReply struct {
	Items []upstreamItem `json:"items"`
}

type item struct {
	ID       int      `json:"id"`
	Name     string   `json:"name"`
	Price    float64  `json:"price"`
	Currency string   `json:"currency"`
	Tags     []string `json:"tags"`
	InStock  bool     `json:"inStock"`
}

type reply struct {
	RequestID string  `json:"requestId"`
	Items     []item  `json:"items"`
	Total     float64 `json:"total"`
}

var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

var names []string

func main() {
	usePool := flag.Bool("pool", false, "encode the JSON response into a bytes.Buffer from a sync.Pool (else a new one per request)")
	n := flag.Int("n", 20000, "requests in total")
	c := flag.Int("c", 8, "concurrent clients")
	items := flag.Int("items", 64, "items in each response")
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile of the load phase to this file")
	memprofile := flag.String("memprofile", "", "write a heap profile after the load phase to this file")
	memrate := flag.Int("memprofilerate", 64*1024, "runtime.MemProfileRate (bytes between heap profile samples)")
	flag.Parse()
	if *n < 1 || *c < 1 || *items < 1 || *memrate < 1 {
		fmt.Fprintln(os.Stderr, "gateway: -n, -c, -items and -memprofilerate must be at least 1")
		os.Exit(2)
	}
	runtime.MemProfileRate = *memrate
	for i := 0; i < *items; i++ {
		names = append(names, "item-"+strconv.Itoa(i)+"-深圳跨境商品")
	}

	backendBody := upstreamBody(*items)
	backend := serve(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write(backendBody)
	}))
	upstream := &http.Transport{ // tuned: keep one idle connection per concurrent caller
		MaxIdleConns:        *c * 2,
		MaxIdleConnsPerHost: *c * 2,
		IdleConnTimeout:     90 * time.Second,
	}
	backendURL := "http://" + backend + "/items?id="
	gw := serve(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		gateway(w, r, upstream, backendURL, *usePool)
	}))

	clientTransport := &http.Transport{MaxIdleConns: *c * 2, MaxIdleConnsPerHost: *c * 2}
	client := &http.Client{Transport: clientTransport}
	url := "http://" + gw + "/api/items?id="
	get(client, url+"0") // warm up one connection each way

	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		check(err)
		check(pprof.StartCPUProfile(f))
		defer f.Close()
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	lat := make([]time.Duration, *n)
	var wg sync.WaitGroup
	for g := 0; g < *c; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := g; i < *n; i += *c {
				t := time.Now()
				get(client, url+strconv.Itoa(i))
				lat[i] = time.Since(t)
			}
		}(g)
	}
	wg.Wait()
	elapsed := time.Since(start)
	runtime.ReadMemStats(&after)
	if *cpuprofile != "" {
		pprof.StopCPUProfile()
	}
	if *memprofile != "" {
		f, err := os.Create(*memprofile)
		check(err)
		check(pprof.Lookup("allocs").WriteTo(f, 0))
		check(f.Close())
	}

	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	pct := func(p float64) time.Duration { return lat[int(p*float64(len(lat)-1)+0.5)] }
	fmt.Printf("gateway pool=%v requests=%d concurrency=%d items=%d GOMAXPROCS=%d %s\n", *usePool, *n, *c, *items, runtime.GOMAXPROCS(0), runtime.Version())
	fmt.Printf("elapsed-ns %d\n", elapsed.Nanoseconds())
	fmt.Printf("requests-per-second %.0f\n", float64(*n)/elapsed.Seconds())
	for _, p := range []struct {
		name string
		q    float64
	}{{"p50", 0.50}, {"p90", 0.90}, {"p99", 0.99}, {"p999", 0.999}, {"max", 1}} {
		fmt.Printf("latency-%s-us %.1f\n", p.name, float64(pct(p.q).Nanoseconds())/1000)
	}
	fmt.Printf("total-alloc-bytes %d\n", after.TotalAlloc-before.TotalAlloc)
	fmt.Printf("mallocs %d\n", after.Mallocs-before.Mallocs)
	fmt.Printf("num-gc %d\n", after.NumGC-before.NumGC)
	fmt.Printf("heap-alloc-after-bytes %d\n", after.HeapAlloc)
	fmt.Printf("gc-pause-total-ns %d\n", after.PauseTotalNs-before.PauseTotalNs)
	gogc := debug.SetGCPercent(100) // read the effective GOGC (GOGC unset: 100) and put it back
	debug.SetGCPercent(gogc)
	fmt.Printf("gogc %d\n", gogc)
}

// gateway is the handler under study: timeout, upstream call through the pooled Transport, JSON out.
func gateway(w http.ResponseWriter, r *http.Request, upstream http.RoundTripper, backendURL string, usePool bool) {
	ctx, cancel := context.WithTimeout(r.Context(), 800*time.Millisecond)
	defer cancel()
	id := r.URL.Query().Get("id")
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, backendURL+id, nil)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	resp, err := upstream.RoundTrip(req)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	var up upstreamReply
	err = json.NewDecoder(resp.Body).Decode(&up)
	io.Copy(io.Discard, resp.Body) // read to EOF so the connection goes back to the idle pool
	resp.Body.Close()
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	out := reply{RequestID: "req-" + id, Items: make([]item, len(up.Items))}
	for i, u := range up.Items {
		out.Items[i] = item{ID: u.ID, Name: names[i%len(names)], Price: u.Price, Currency: "CNY", Tags: []string{"cross-border", "sz"}, InStock: u.ID%3 != 0}
		out.Total += u.Price
	}
	var buf *bytes.Buffer
	if usePool {
		buf = bufPool.Get().(*bytes.Buffer)
		buf.Reset()
		defer bufPool.Put(buf)
	} else {
		buf = new(bytes.Buffer)
	}
	if err := json.NewEncoder(buf).Encode(&out); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(buf.Len()))
	w.Write(buf.Bytes())
}

func upstreamBody(items int) []byte {
	var u upstreamReply
	for i := 0; i < items; i++ {
		u.Items = append(u.Items, upstreamItem{ID: i, Price: float64(100+i) / 4})
	}
	b, err := json.Marshal(u)
	check(err)
	return b
}

func serve(h http.Handler) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	check(err)
	go http.Serve(ln, h)
	return ln.Addr().String()
}

func get(client *http.Client, url string) {
	resp, err := client.Get(url)
	check(err)
	_, err = io.Copy(io.Discard, resp.Body)
	check(err)
	check(resp.Body.Close())
	if resp.StatusCode != http.StatusOK {
		fmt.Fprintln(os.Stderr, "gateway: status", resp.Status)
		os.Exit(1)
	}
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "gateway:", err)
		os.Exit(1)
	}
}
