// Command metricsdump prints what runtime/metrics says about itself in the Go
// release that runs it: every metric description (metrics.All) and the bucket
// boundaries of every histogram metric, read once with metrics.Read after a
// few forced GCs (so the pause histograms are populated), and the number of
// completed GC cycles read at the same time (each cycle adds two pauses).
//
// Output: one JSON document
//
//	{"goVersion": runtime.Version(), "gcCycles": /gc/cycles/total:gc-cycles,
//	 "metrics": [{"name","kind","cumulative","description"}...],
//	 "histograms": [{"name","counts": len(Counts),"buckets": ["-Inf","0","1e-09",...,"+Inf"],
//	                 "total": sum(Counts)}...]}
//
// Bucket boundaries are printed with strconv.FormatFloat(b, 'g', -1, 64), the
// shortest text that parses back to the same float64, so the recording is exact.
// Usage (from the repository root): cd data/go/metricsdump && go run .
package main

import (
	"encoding/json"
	"os"
	"runtime"
	"runtime/metrics"
	"strconv"
)

type desc struct {
	Name        string `json:"name"`
	Kind        string `json:"kind"`
	Cumulative  bool   `json:"cumulative"`
	Description string `json:"description"`
}

type hist struct {
	Name    string   `json:"name"`
	Counts  int      `json:"counts"`
	Buckets []string `json:"buckets"`
	Total   uint64   `json:"total"`
}

type dump struct {
	GoVersion  string `json:"goVersion"`
	GcCycles   uint64 `json:"gcCycles"` // /gc/cycles/total:gc-cycles at the read
	Metrics    []desc `json:"metrics"`
	Histograms []hist `json:"histograms"`
}

var sink [][]byte

func main() {
	// A little garbage and three forced GCs, so /gc/pauses:seconds has samples.
	for i := 0; i < 3; i++ {
		for j := 0; j < 1000; j++ {
			sink = append(sink, make([]byte, 1024))
		}
		sink = nil
		runtime.GC()
	}

	all := metrics.All()
	d := dump{GoVersion: runtime.Version()}
	var samples []metrics.Sample
	for _, m := range all {
		kind := "bad"
		switch m.Kind {
		case metrics.KindUint64:
			kind = "uint64"
		case metrics.KindFloat64:
			kind = "float64"
		case metrics.KindFloat64Histogram:
			kind = "float64Histogram"
			samples = append(samples, metrics.Sample{Name: m.Name})
		}
		d.Metrics = append(d.Metrics, desc{m.Name, kind, m.Cumulative, m.Description})
	}
	samples = append(samples, metrics.Sample{Name: "/gc/cycles/total:gc-cycles"})
	metrics.Read(samples)
	d.GcCycles = samples[len(samples)-1].Value.Uint64()
	samples = samples[:len(samples)-1]
	for _, s := range samples {
		h := s.Value.Float64Histogram()
		var buckets []string
		for _, b := range h.Buckets {
			buckets = append(buckets, strconv.FormatFloat(b, 'g', -1, 64))
		}
		var total uint64
		for _, c := range h.Counts {
			total += c
		}
		d.Histograms = append(d.Histograms, hist{s.Name, len(h.Counts), buckets, total})
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	if err := enc.Encode(d); err != nil {
		panic(err)
	}
}
