#!/bin/bash
# Records data/recordings/alloc/sizeclass-go1.19.txt and sizeclass-go1.23.txt; run from the repository root.
set -euo pipefail
cpu=$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')
os=$(. /etc/os-release && echo "$PRETTY_NAME")
machine="nproc=$(nproc); cpu=$cpu; os=$os; kernel=Linux $(uname -r | cut -d. -f1,2)"
today=$(date -u +%Y-%m-%d)
record() { # file go-command...
  local file=$1; shift
  local gov; gov=$("$@" version | sed 's/^go version //')
  local out err rc=0
  out=$(mktemp); err=$(mktemp)
  (cd data/go/sizeclass && "$@" run .) >"$out" 2>"$err" || rc=$?
  local procs; procs=$(grep -o 'gomaxprocs=[0-9]*' "$out" | head -1 | cut -d= -f2)
  {
    echo "golab-recording: 1"
    echo "program: data/go/sizeclass"
    echo "command: cd data/go/sizeclass && go run ."
    echo "args: []"
    echo "go: $gov"
    echo "exit-code: $rc"
    echo "gomaxprocs: $procs (GOMAXPROCS unset: the number of CPUs)"
    echo "machine: $machine"
    echo "toolchain: $toolchain"
    echo "recorded: $today"
    echo "==> stdout <=="
    cat "$out"
    echo "==> stderr <=="
    cat "$err"
  } > "data/recordings/alloc/$file"
  rm -f "$out" "$err"
}
toolchain="Debian golang-1.19 package"
record sizeclass-go1.19.txt go
# Go 1.22.12 and 1.23.5 are installed for recording only; GOTOOLCHAIN=local stops them from downloading another toolchain.
# 1.22 is the first release with malloc headers, so it is recorded too.
if [ -n "${GO122:-}" ]; then
  toolchain="Debian golang-1.22-go from bookworm-backports, GOTOOLCHAIN=local"
  GOTOOLCHAIN=local record sizeclass-go1.22.txt "$GO122"
fi
toolchain="Debian golang-1.23-go from bookworm-backports, GOTOOLCHAIN=local"
GOTOOLCHAIN=local record sizeclass-go1.23.txt "${GO123:-go1.23}"
