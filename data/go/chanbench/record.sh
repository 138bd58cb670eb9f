#!/bin/bash
# Records, with the Go that GO names (default: `go` on PATH), from the repository root:
#   data/recordings/chan/chanbench-<go version>.bench.txt  go test -run XXX -bench . -benchmem -count 5 -benchtime 100ms
#   data/recordings/chan/chanbench-<go version>.txt        a golab recording of `go run .` (20 ms per benchmark), the
#                                                          notebook's replay when no Go is installed
# The machine is shared while recording (the loadavg lines say how busy): ns/op is noisy, B/op and allocs/op exact.
#   data/go/chanbench/record.sh
#   GO=/opt/go-1.21/usr/lib/go-1.21/bin/go GOROOT=/opt/go-1.21/usr/lib/go-1.21 data/go/chanbench/record.sh
set -euo pipefail
GO=${GO:-go}
export GOTOOLCHAIN=local
prog=data/go/chanbench
out_dir=data/recordings/chan
mkdir -p "$out_dir"
gov=$("$GO" version | sed 's/^go version //')
short=${gov%% *}
cpu=$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')
os=$(. /etc/os-release && echo "$PRETTY_NAME")
machine="nproc=$(nproc); cpu=$cpu; os=$os; kernel=Linux $(uname -r | cut -d. -f1,2)"
today=$(date -u +%Y-%m-%d)
bench="$out_dir/chanbench-$short.bench.txt"
{
  echo "# command: cd $prog && go test -run XXX -bench . -benchmem -count 5 -benchtime 100ms"
  echo "# go: $gov"
  echo "# machine: $machine"
  echo "# loadavg-before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "# recorded: $today"
  (cd "$prog" && "$GO" test -run XXX -bench . -benchmem -count 5 -benchtime 100ms)
  echo "# loadavg-after: $(cut -d' ' -f1-3 /proc/loadavg)"
} >"$bench"
echo "wrote $bench ($(grep -c '^Benchmark' "$bench") result lines)"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
rc=0
(cd "$prog" && "$GO" run .) >"$tmp/out" 2>"$tmp/err" || rc=$?
file="$out_dir/chanbench-$short.txt"
{
  echo "golab-recording: 1"
  echo "program: $prog"
  echo "command: cd $prog && go run ."
  echo "args: []"
  echo "go: $gov"
  echo "exit-code: $rc"
  echo "gomaxprocs: $(nproc) (GOMAXPROCS unset: the number of CPUs)"
  echo "machine: $machine; loadavg=$(cut -d' ' -f1 /proc/loadavg)"
  echo "recorded: $today"
  echo "==> stdout <=="
  cat "$tmp/out"
  echo "==> stderr <=="
  cat "$tmp/err"
} >"$file"
echo "wrote $file (exit code $rc)"
