#!/bin/bash
# Records data/recordings/netpool/ctxtree-<tree>-<go version>.txt (golab-recording format) with the Go on PATH.
# Run from the repository root:
#
#   data/go/ctxtree/record.sh                                   # Go on PATH (Debian: 1.19.8): the basic tree only
#   GOROOT=/path/to/go1.23 PATH=/path/to/go1.23/bin:$PATH data/go/ctxtree/record.sh   # 1.21+: both trees
set -euo pipefail
export GOTOOLCHAIN=local
prog=data/go/ctxtree
out=data/recordings/netpool
[ -f "$prog/main.go" ] || { echo "record.sh: run from the repository root" >&2; exit 2; }
mkdir -p "$out"
gov=$(go version | sed 's/^go version //')
short=$(echo "$gov" | cut -d' ' -f1)
minor=$(echo "$short" | sed 's/^go1\.\([0-9]*\).*/\1/')
trees=(basic)
[ "$minor" -ge 21 ] && trees+=(cause)
(cd "$prog" && go build -o ctxtree .)
trap 'rm -f "$prog/ctxtree"' EXIT
for t in "${trees[@]}"; do
  o=$(mktemp); e=$(mktemp); rc=0
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  (cd "$prog" && ./ctxtree -tree "tree-$t.json") >"$o" 2>"$e" || rc=$?
  {
    echo "golab-recording: 1"
    echo "program: $prog"
    echo "command: cd $prog && go run . -tree tree-$t.json"
    echo "args: [\"-tree\",\"tree-$t.json\"]"
    echo "go: $gov"
    echo "exit-code: $rc"
    echo "machine: nproc=$(nproc); os=$(. /etc/os-release && echo "$PRETTY_NAME")"
    echo "load-average: $load"
    echo "recorded: $(date -u +%Y-%m-%d)"
    echo "==> stdout <=="; cat "$o"
    echo "==> stderr <=="; cat "$e"
  } > "$out/ctxtree-$t-$short.txt"
  rm -f "$o" "$e"
  echo "wrote $out/ctxtree-$t-$short.txt (exit $rc)"
done
