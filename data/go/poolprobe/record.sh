#!/bin/bash
# Records data/recordings/netpool/<case>-<go version>.txt (the kit's golab-recording format) with the Go toolchain
# on PATH. Run from the repository root:
#
#   data/go/poolprobe/record.sh                                                    # Go on PATH (Debian: 1.19.8)
#   GOROOT=/path/to/go1.23 PATH=/path/to/go1.23/bin:$PATH data/go/poolprobe/record.sh
#
# Four cases, each one run of the program: http-waves (the validation matrix: MaxIdleConnsPerHost 2 and 100 ×
# concurrency 1, 10, 50, plus the unread-body leak), http-loop (closed-loop workers, timing-sensitive), sql-waves
# and sql-loop (database/sql with the fake driver).
set -euo pipefail
export GOTOOLCHAIN=local
prog=data/go/poolprobe
out=data/recordings/netpool
[ -f "$prog/main.go" ] || { echo "record.sh: run from the repository root" >&2; exit 2; }
mkdir -p "$out"

os=$(. /etc/os-release && echo "$PRETTY_NAME")
machine="nproc=$(nproc); os=$os"
today=$(date -u +%Y-%m-%d)
gov=$(go version | sed 's/^go version //')
short=$(echo "$gov" | cut -d' ' -f1)

(cd "$prog" && go build -o poolprobe .)
trap 'rm -f "$prog/poolprobe"' EXIT

record() { # case args...
  local name=$1; shift
  local args=("$@")
  local o e rc=0 load
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  o=$(mktemp); e=$(mktemp)
  (cd "$prog" && ./poolprobe "${args[@]}") >"$o" 2>"$e" || rc=$?
  local json; json=$(python3 -c 'import json,sys; print(json.dumps(sys.argv[1:], separators=(",",":")))' "${args[@]}")
  {
    echo "golab-recording: 1"
    echo "program: $prog"
    echo "command: cd $prog && go run . ${args[*]}"
    echo "args: $json"
    echo "go: $gov"
    echo "exit-code: $rc"
    echo "case: $name"
    echo "machine: $machine"
    echo "load-average: $load"
    echo "recorded: $today"
    echo "==> stdout <=="; cat "$o"
    echo "==> stderr <=="; cat "$e"
  } > "$out/$name-$short.txt"
  rm -f "$o" "$e"
  echo "wrote $out/$name-$short.txt (exit $rc)"
}

record http-waves -mode http -pattern waves -k 2,100 -c 1,10,50 -n 300 -latency 10ms
record http-loop -mode http -pattern loop -k 2,100 -c 1,10,50 -n 300 -latency 10ms -stagger 200us -leak=false
record sql-waves -mode sql -pattern waves -open 0,5 -idle default,10,0 -c 1,10,50 -n 300 -latency 2ms
record sql-loop -mode sql -pattern loop -open 0,5 -idle default,10,0 -c 1,10,50 -n 300 -latency 2ms
