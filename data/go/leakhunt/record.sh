#!/bin/bash
# Records data/recordings/leak/<case>-<go version>.txt (the kit's golab-recording format) with the Go toolchain on
# PATH. Run from the repository root:
#
#   data/go/leakhunt/record.sh                                                    # Go on PATH (Debian: 1.19.8)
#   GOROOT=/path/to/go1.23 PATH=/path/to/go1.23/bin:$PATH data/go/leakhunt/record.sh
#
# Five cases, each one run of the program: buffers-leaky, buffers-reset (only buffer.Reset(), the course's fix),
# buffers-fixed, http-leaky and http-fixed. The program is run with `go run -trimpath`, so no folder of the
# recording machine is inside the profiles (their first mapping names go run's temporary binary).
set -euo pipefail
export GOTOOLCHAIN=local
prog=data/go/leakhunt
out=data/recordings/leak
[ -f "$prog/main.go" ] || { echo "record.sh: run from the repository root" >&2; exit 2; }
mkdir -p "$out"

os=$(. /etc/os-release && echo "$PRETTY_NAME")
machine="nproc=$(nproc); os=$os"
today=$(date -u +%Y-%m-%d)
gov=$(go version | sed 's/^go version //')
short=$(echo "$gov" | cut -d' ' -f1)

record() { # case args...
  local name=$1; shift
  local args=("$@")
  local o e rc=0 load
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  o=$(mktemp); e=$(mktemp)
  (cd "$prog" && go run -trimpath . "${args[@]}") >"$o" 2>"$e" || rc=$?
  local json; json=$(python3 -c 'import json,sys; print(json.dumps(sys.argv[1:], separators=(",",":")))' "${args[@]}")
  {
    echo "golab-recording: 1"
    echo "program: $prog"
    echo "command: cd $prog && go run -trimpath . ${args[*]}"
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
  echo "wrote $out/$name-$short.txt (exit $rc, $(wc -c < "$out/$name-$short.txt") bytes)"
}

record buffers-leaky -steps 6
record buffers-reset -steps 6 -reset
record buffers-fixed -steps 6 -fixed
record http-leaky -scenario http
record http-fixed -scenario http -fixed

# The oracle of the kit's heap diff: `go tool pprof -top -base` (this Go's pprof) of the first and the last heap
# profile of buffers-leaky, taken out of the recording (base64 -d); the profiles are deleted afterwards.
oracle() { # case first last
  local name=$1 first=$2 last=$3 tmp
  tmp=$(mktemp -d)
  for s in "$first" "$last"; do
    grep "^profile step=$s kind=heap " "$out/$name-$short.txt" | sed 's/.*data=//' | base64 -d > "$tmp/heap-$s.pb.gz"
  done
  go tool pprof -top -sample_index=inuse_space -base "$tmp/heap-$first.pb.gz" "$tmp/heap-$last.pb.gz" 2>/dev/null \
    | grep -v '^Time:' > "$out/$name-$short.diff-top.txt"
  rm -rf "$tmp"
  echo "wrote $out/$name-$short.diff-top.txt"
}
oracle buffers-leaky 0 6
