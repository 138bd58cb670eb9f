#!/bin/bash
# Records data/recordings/chantrace/<workload>-<go version>.txt (a golab recording of the program's stdout: the
# /sched/latencies:seconds histogram of the traced window) and <workload>-<go version>.trace (the execution trace of
# that same run), for each workload, with the Go that GO names (default: `go` on PATH). Built with -trimpath so no
# path of the recording machine is inside the traces. Run from the repository root:
#   data/go/chantrace/record.sh
#   GO=$GOROOT_1_21/bin/go GOROOT=$GOROOT_1_21 data/go/chantrace/record.sh   (another installed Go release)
set -euo pipefail
GO=${GO:-go}
export GOTOOLCHAIN=local
prog=data/go/chantrace
out_dir=data/recordings/chantrace
mkdir -p "$out_dir"
gov=$("$GO" version | sed 's/^go version //')
short=${gov%% *}
cpu=$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')
os=$(. /etc/os-release && echo "$PRETTY_NAME")
machine="nproc=$(nproc); cpu=$cpu; os=$os; kernel=Linux $(uname -r | cut -d. -f1,2); loadavg=$(cut -d' ' -f1 /proc/loadavg)"
today=$(date -u +%Y-%m-%d)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$prog" && "$GO" build -trimpath -o "$tmp/chantrace" .)
for w in pingpong prodcons-unbuffered prodcons-buffered blocked-pair; do
  file="$out_dir/$w-$short.txt"
  rc=0
  mkdir -p "$tmp/t"
  (cd "$prog" && TMPDIR="$tmp/t" "$tmp/chantrace" -workload "$w") 2>"$tmp/err" \
    | sed "s#$tmp/t/#\$TMPDIR/#" >"$tmp/out" || rc=$?   # the trace line names $TMPDIR, not this machine's folder
  cp "$tmp/t/golab-chantrace-$w.trace" "$out_dir/$w-$short.trace"
  {
    echo "golab-recording: 1"
    echo "program: $prog"
    echo "command: cd $prog && go build -trimpath -o chantrace . && ./chantrace -workload $w"
    echo "args: [\"-workload\",\"$w\"]"
    echo "go: $gov"
    echo "exit-code: $rc"
    echo "gomaxprocs: 2 (the program's -procs default)"
    echo "trace: $out_dir/$w-$short.trace"
    echo "machine: $machine"
    echo "recorded: $today"
    echo "==> stdout <=="
    cat "$tmp/out"
    echo "==> stderr <=="
    cat "$tmp/err"
  } >"$file"
  echo "wrote $file and $w-$short.trace (exit code $rc, $(grep -c '^latency ' "$file") latency buckets)"
done
