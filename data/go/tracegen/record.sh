#!/bin/bash
# Records data/recordings/trace/: tracegen traces made by Go 1.19 and Go 1.21, copies of Go's own canned traces
# (src/internal/trace/testdata), and for each trace FILE the oracle FILE.counts.tsv: `go tool trace -d FILE` of the Go
# release that wrote it, reduced to "EventName<TAB>count" lines sorted by name. Run from the repository root.
set -euo pipefail
out=data/recordings/trace
go119=/usr/bin/go
g121=/opt/go-1.21/usr/lib/go-1.21
go121() { GOTOOLCHAIN=local GOROOT=$g121 "$g121/bin/go" "$@"; }
# The oracle: `go tool trace -d` prints one line per parsed event, "Ts Name p=… g=… off=…", in time order from Ts 0;
# the counts are of the second field, and the first field of the last line is the trace's span in ns.
counts() {
  local dump; dump=$(mktemp)
  "$@" > "$dump" 2>/dev/null
  echo "# durationNs $(tail -n 1 "$dump" | cut -d' ' -f1)"
  awk '{print $2}' "$dump" | LC_ALL=C sort | uniq -c | awk '{print $2 "\t" $1}'
  rm -f "$dump"
}

mkdir -p "$out/go-testdata"
[ "${1:-}" = --oracles-only ] || (cd data/go/tracegen && $go119 run -trimpath . -o "../../../$out/tracegen-go1.19.trace" -cpuprofile)
counts $go119 tool trace -d "$out/tracegen-go1.19.trace" > "$out/tracegen-go1.19.trace.counts.tsv"
[ "${1:-}" = --oracles-only ] || (cd data/go/tracegen && go121 run -trimpath . -o "../../../$out/tracegen-go1.21.trace" -cpuprofile)
counts go121 tool trace -d "$out/tracegen-go1.21.trace" > "$out/tracegen-go1.21.trace.counts.tsv"

for f in http_1_7_good http_1_9_good http_1_10_good http_1_11_good http_1_19_good stress_start_stop_1_7_good \
         stress_start_stop_1_9_good stress_start_stop_1_10_good stress_start_stop_1_11_good stress_start_stop_1_19_good \
         stress_1_19_good user_task_region_1_11_good user_task_region_1_19_good http_1_5_good; do
  cp /usr/lib/go-1.19/src/internal/trace/testdata/$f "$out/go-testdata/$f"
  [ "$f" = http_1_5_good ] || counts $go119 tool trace -d "$out/go-testdata/$f" > "$out/go-testdata/$f.counts.tsv"
done
for f in http_1_21_good stress_start_stop_1_21_good stress_1_21_good user_task_region_1_21_good; do
  cp $g121/src/internal/trace/testdata/$f "$out/go-testdata/$f"
  counts go121 tool trace -d "$out/go-testdata/$f" > "$out/go-testdata/$f.counts.tsv"
done

# The blocking profiles of the two tracegen traces, as `go tool trace -pprof=KIND` of the Go that wrote each writes them.
for k in net sync syscall sched; do
  $go119 tool trace -pprof=$k "$out/tracegen-go1.19.trace" > "$out/tracegen-go1.19.trace.$k.pb.gz"
  go121 tool trace -pprof=$k "$out/tracegen-go1.21.trace" > "$out/tracegen-go1.21.trace.$k.pb.gz"
  $go119 tool trace -pprof=$k "$out/go-testdata/http_1_19_good" > "$out/go-testdata/http_1_19_good.$k.pb.gz"
  $go119 tool trace -pprof=$k "$out/go-testdata/stress_1_19_good" > "$out/go-testdata/stress_1_19_good.$k.pb.gz"
done

# The goroutine statistics (internal/trace GoroutineStats) of the same traces: data/go/tracestats run with a copy of
# the Go's own internal/trace (unchanged, BSD licence) made in a temporary folder, FILE.goroutines.tsv.
goroutines() { # GO-COMMAND... -- TRACE...
  local go=() t; while [ "$1" != -- ]; do go+=("$1"); shift; done; shift
  local tmp; tmp=$(mktemp -d)
  cp data/go/tracestats/go.mod data/go/tracestats/main.go "$tmp/"
  mkdir "$tmp/trace"
  for f in "$("${go[@]}" env GOROOT)"/src/internal/trace/*.go; do case "$f" in *_test.go) ;; *) cp "$f" "$tmp/trace/";; esac; done
  for t in "$@"; do (cd "$tmp" && "${go[@]}" run . "$OLDPWD/$t") > "$t.goroutines.tsv"; done
  rm -rf "$tmp"
}
goroutines $go119 -- "$out/tracegen-go1.19.trace" "$out/go-testdata/http_1_19_good" "$out/go-testdata/stress_1_19_good"
goroutines go121 -- "$out/tracegen-go1.21.trace"
