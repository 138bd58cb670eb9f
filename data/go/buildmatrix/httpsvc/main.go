// httpsvc: a small net/http + encoding/json service for the build matrix (data/go/buildmatrix/record.sh).
//
//	httpsvc              serve on 127.0.0.1:8080
//	httpsvc -once        start the server on a free loopback port, GET /healthz once, exit (startup time)
//	httpsvc -cpuprofile F -work N   burn CPU in the JSON handler N times, write a CPU profile (pprof of a stripped binary)
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"runtime/pprof"
	"strings"
)

type order struct {
	ID    int      `json:"id"`
	Items []string `json:"items"`
	Total float64  `json:"total"`
}

func handleOrder(w http.ResponseWriter, r *http.Request) {
	o := order{ID: 42, Items: []string{"芯片", "网关", "传感器"}, Total: 128.5}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(o)
}

func handleHealth(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "ok\n") }

// work encodes and decodes orders n times: a CPU-bound loop whose profile names encoding/json functions.
func work(n int) int {
	total := 0
	for i := 0; i < n; i++ {
		b, _ := json.Marshal(order{ID: i, Items: []string{strings.Repeat("x", i%64), "网关"}, Total: float64(i)})
		var o order
		_ = json.Unmarshal(b, &o)
		total += len(b) + o.ID%7
	}
	return total
}

func main() {
	once := flag.Bool("once", false, "serve on a free port, GET /healthz once, exit")
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile of -work iterations to this file")
	n := flag.Int("work", 200000, "iterations of the JSON loop with -cpuprofile")
	flag.Parse()
	mux := http.NewServeMux()
	mux.HandleFunc("/order", handleOrder)
	mux.HandleFunc("/healthz", handleHealth)
	switch {
	case *cpuprofile != "":
		f, err := os.Create(*cpuprofile)
		if err != nil {
			log.Fatal(err)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			log.Fatal(err)
		}
		fmt.Println(work(*n))
		pprof.StopCPUProfile()
		f.Close()
	case *once:
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			log.Fatal(err)
		}
		go http.Serve(ln, mux)
		resp, err := http.Get("http://" + ln.Addr().String() + "/healthz")
		if err != nil {
			log.Fatal(err)
		}
		io.Copy(os.Stdout, resp.Body)
		resp.Body.Close()
	default:
		log.Fatal(http.ListenAndServe("127.0.0.1:8080", mux))
	}
}
