#!/bin/bash
# Records data/recordings/sched/schedload-<go version>-p<GOMAXPROCS>[-detail].txt: the schedload program built
# first (go build, so the binary, not `go run`, is what GODEBUG traces), then run for 2 s with
# GODEBUG=schedtrace=100 and with GODEBUG=schedtrace=100,scheddetail=1, at GOMAXPROCS 2 and 4.
# Run from the repository root; GO picks the toolchain (default: `go` on PATH):
#   data/go/schedload/record.sh
#   GO=<go1.23 root>/bin/go data/go/schedload/record.sh
set -euo pipefail
GO=${GO:-go}
export GOTOOLCHAIN=local
prog=data/go/schedload
out_dir=data/recordings/sched
mkdir -p "$out_dir"
gov=$("$GO" version | sed 's/^go version //')
short=${gov%% *}
cpu=$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')
os=$(. /etc/os-release && echo "$PRETTY_NAME")
machine="nproc=$(nproc); cpu=$cpu; os=$os; kernel=Linux $(uname -r | cut -d. -f1,2)"
today=$(date -u +%Y-%m-%d)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$prog" && "$GO" build -o "$tmp/schedload" .)
for procs in 2 4; do
  for detail in 0 1; do
    debug=schedtrace=100
    suffix=""
    if [ "$detail" = 1 ]; then debug+=,scheddetail=1; suffix=-detail; fi
    file="$out_dir/schedload-$short-p$procs$suffix.txt"
    rc=0
    (cd "$prog" && GODEBUG=$debug GOMAXPROCS=$procs "$tmp/schedload") >"$tmp/out" 2>"$tmp/err" || rc=$?
    {
      echo "golab-recording: 1"
      echo "program: $prog"
      echo "command: cd $prog && go build -o schedload . && GODEBUG=$debug GOMAXPROCS=$procs ./schedload"
      echo "args: []"
      echo "go: $gov"
      echo "exit-code: $rc"
      echo "gomaxprocs: $procs"
      echo "godebug: $debug"
      echo "machine: $machine"
      echo "recorded: $today"
      echo "==> stdout <=="
      cat "$tmp/out"
      echo "==> stderr <=="
      cat "$tmp/err"
    } >"$file"
    echo "wrote $file (exit code $rc, $(grep -c '^SCHED ' "$file") SCHED lines)"
  done
done
