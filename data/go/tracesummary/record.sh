#!/bin/bash
# Records the V2 (Go 1.22/1.23) analysis oracles in data/recordings/trace-v2: for each trace FILE and each Go that
# reads it (the Go that wrote it), FILE.goroutines.tsv (this folder's tracesummary, run with a temporary copy of that
# Go's own internal/trace reader and summary.go) and FILE.KIND.pb.gz / FILE.KIND.top.txt (`go tool trace -pprof=KIND`,
# and `go tool pprof -top` of it). Run from the repository root.
set -euo pipefail
out=data/recordings/trace-v2
gov() { local r=/opt/go-$1/usr/lib/go-$1; shift; GOTOOLCHAIN=local GOROOT=$r GOFLAGS=-mod=mod "$r/bin/go" "$@"; }

summary() { # VERSION TRACE... (TRACE.goroutines.tsv next to each; OUT=... overrides the output of a single TRACE)
  local v=$1; shift
  local root=/opt/go-$v/usr/lib/go-$v/src/internal/trace tmp; tmp=$(mktemp -d)
  cp data/go/tracesummary/main.go "$tmp/"
  # The copied reader uses Go 1.21+ builtins (min, max): the temporary module says the reading Go's version.
  sed "s/^go 1.19$/go $v/" data/go/tracesummary/go.mod > "$tmp/go.mod"
  if [ "$v" = 1.22 ]; then
    # Go 1.22: the reader is internal/trace/v2; summary.go lives in internal/trace (the v1 package) and imports it.
    (cd "$root/v2" && find . -name '*.go' ! -name '*_test.go' ! -path './testdata/*' ! -path './testtrace/*' ! -path './internal/*' ! -path './raw/*' ! -name 'mkexp*') |
      while read -r f; do mkdir -p "$tmp/trace/$(dirname "$f")"; cp "$root/v2/$f" "$tmp/trace/$f"; done
    sed -e '/tracev2 "internal\/trace\/v2"/d' -e 's/tracev2\.//g' "$root/summary.go" > "$tmp/trace/summary.go"
    # IsSystemGoroutine is in internal/trace goroutines.go (v1 package) in 1.22; the same body as 1.23's summary.go.
    printf 'package trace\n\nimport "strings"\n\nfunc IsSystemGoroutine(entryFn string) bool {\n\treturn entryFn == "" || entryFn != "runtime.main" && strings.HasPrefix(entryFn, "runtime.")\n}\n' > "$tmp/trace/sysg.go"
    find "$tmp/trace" -name '*.go' -exec sed -i 's#"internal/trace/v2/#"golab/tracesummary/trace/#' {} +
  else
    (cd "$root" && find . -name '*.go' ! -name '*_test.go' ! -path './testdata/*' ! -path './testtrace/*' ! -path './internal/testgen/*' ! -path './raw/*' ! -path './traceviewer/*' ! -name 'mkexp*') |
      while read -r f; do mkdir -p "$tmp/trace/$(dirname "$f")"; cp "$root/$f" "$tmp/trace/$f"; done
    find "$tmp/trace" -name '*.go' -exec sed -i 's#"internal/trace/#"golab/tracesummary/trace/#' {} +
  fi
  for t in "$@"; do local abs; abs=$(realpath "$t"); (cd "$tmp" && gov "$v" run . "$abs") > "${OUT:-$t.goroutines.tsv}"; done
  rm -rf "$tmp"
}

profiles() { # VERSION TRACE
  for k in net sync syscall sched; do
    gov "$1" tool trace -pprof=$k "$2" > "$2.$k.pb.gz"
    gov "$1" tool pprof -top "$2.$k.pb.gz" > "$2.$k.top.txt" 2>/dev/null
  done
}

summary 1.22 $out/tracegen-go1.22.trace
summary 1.23 $out/tracegen-go1.23.trace
profiles 1.22 $out/tracegen-go1.22.trace
profiles 1.23 $out/tracegen-go1.23.trace

# Go's own text-form test traces (go-testdata/*.test, as Go 1.23.5's tests read them): converted to bytes with Go's
# gotraceraw (built from the Go source tree, where its internal imports are allowed), summarized by Go 1.23.5.
# go122-syscall-steal-proc-simple has events of equal time on two Ms: Go's result depends on map order (reader.go fills
# the frontier from a map); the committed file is the outcome with the Ms in file order (7 of 8 runs) — rerun if not.
d=$out/go-testdata; bin=$(mktemp -d)
(cd /opt/go-1.23/usr/lib/go-1.23/src && gov 1.23 build -o "$bin/gotraceraw" ./internal/trace/testdata/cmd/gotraceraw)
for b in go122 go122-annotations go122-confuse-seq-across-generations go122-task-across-generations go122-syscall-steal-proc-simple; do
  if grep -q -- '-- trace --' $d/$b.test; then sed -n '/^-- trace --$/,$p' $d/$b.test | tail -n +2; else cat $d/$b.test; fi > "$bin/$b.txt"
  "$bin/gotraceraw" text2bytes < "$bin/$b.txt" > "$bin/$b.bin"
  OUT=$d/$b.test.goroutines.tsv summary 1.23 "$bin/$b.bin"
done
rm -rf "$bin"
