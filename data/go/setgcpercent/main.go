// setgcpercent prints the heap goal of a fresh process before and after debug.SetGCPercent(200), read from
// runtime/metrics (/gc/heap/goal:bytes). Whether the new GOGC moves the goal at once (the runtime commits the
// pacer inside setGCPercent) or only after the next GC is what it shows. Lines: key=value, one event each.
package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
)

func goal() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/goal:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

func gcCount() uint64 {
	s := []metrics.Sample{{Name: "/gc/cycles/total:gc-cycles"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

func main() {
	fmt.Printf("event=start go=%s gomaxprocs=%d gc-cycles=%d goal=%d\n", runtime.Version(), runtime.GOMAXPROCS(0), gcCount(), goal())
	old := debug.SetGCPercent(200)
	fmt.Printf("event=setgcpercent old=%d new=200 gc-cycles=%d goal=%d\n", old, gcCount(), goal())
	old = debug.SetGCPercent(50)
	fmt.Printf("event=setgcpercent old=%d new=50 gc-cycles=%d goal=%d\n", old, gcCount(), goal())
}
