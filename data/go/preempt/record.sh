#!/bin/bash
# Records data/recordings/sched/preempt-<go version>-async-<on|off>-run<k>.txt: the preempt program built first,
# then run at GOMAXPROCS=1 under `timeout 3s` (with asyncpreemptoff=1 the spinner never yields, main never runs
# again and timeout kills the process: exit code 124), 5 runs with asynchronous preemption on (the default) and
# 3 runs with GODEBUG=asyncpreemptoff=1. Each run measures 5 sleeps of 100 µs.
# Run from the repository root; GO picks the toolchain (default: `go` on PATH):
#   data/go/preempt/record.sh
#   GO=<go1.23 root>/bin/go data/go/preempt/record.sh
set -euo pipefail
GO=${GO:-go}
export GOTOOLCHAIN=local
prog=data/go/preempt
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
(cd "$prog" && "$GO" build -o "$tmp/preempt" .)
record() { # mode runs
  local mode=$1 runs=$2 env_text="" k
  for ((k = 1; k <= runs; k++)); do
    local file="$out_dir/preempt-$short-async-$mode-run$k.txt" rc=0
    if [ "$mode" = off ]; then
      env_text="GODEBUG=asyncpreemptoff=1 "
      (cd "$prog" && GOMAXPROCS=1 GODEBUG=asyncpreemptoff=1 timeout 3s "$tmp/preempt") >"$tmp/out" 2>"$tmp/err" || rc=$?
    else
      (cd "$prog" && GOMAXPROCS=1 timeout 3s "$tmp/preempt") >"$tmp/out" 2>"$tmp/err" || rc=$?
    fi
    {
      echo "golab-recording: 1"
      echo "program: $prog"
      echo "command: cd $prog && go build -o preempt . && GOMAXPROCS=1 ${env_text}timeout 3s ./preempt"
      echo "args: []"
      echo "go: $gov"
      echo "exit-code: $rc"
      echo "gomaxprocs: 1"
      echo "timeout: 3s (exit code 124 = killed by timeout)"
      echo "machine: $machine"
      echo "recorded: $today"
      echo "==> stdout <=="
      cat "$tmp/out"
      echo "==> stderr <=="
      cat "$tmp/err"
    } >"$file"
    echo "wrote $file (exit code $rc)"
  done
}
record on 5
record off 3
