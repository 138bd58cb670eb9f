#!/bin/bash
# Records data/recordings/zerocopy/ (chapter 4.1) with one Go toolchain. Run from the repository root:
#
#   bash data/go/zerocopy/record.sh                                     # the go on PATH (Debian: 1.19.8)
#   GOROOT=$GOROOT_1_23 PATH=$GOROOT_1_23/bin:$PATH bash data/go/zerocopy/record.sh   (another installed Go release)
#
# Writes, with <v> = go1.19.8 etc.:
#   bench-<v>.txt      go run . -benchtime 100ms -count 5   (the full run, every case 5 times)
#   live-<v>.txt       go run . -benchtime 10ms             (what the notebook runs live; replayed without Go)
#   copybuffer-empty-<v>.txt   go run . -demo copybuffer-empty  (io.CopyBuffer with a zero-length buffer)
#   badslice-<v>.txt   go build ./testdata/badslice         (the course's unsafe.Slice(data[6:], 5): compile error)
#   strace-<mode>-<v>.txt  strace -c -f of data/go/sendfile (mode sendfile | loop, 8 MiB file → loopback TCP)
set -euo pipefail
export GOTOOLCHAIN=local
prog=data/go/zerocopy
out=data/recordings/zerocopy
[ -f "$prog/main.go" ] || { echo "record.sh: run from the repository root" >&2; exit 2; }
mkdir -p "$out"
os=$(. /etc/os-release && echo "$PRETTY_NAME")
cpu=$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')
machine="nproc=$(nproc); cpu=$cpu; os=$os; kernel=Linux $(uname -r | cut -d. -f1,2)"
today=$(date -u +%Y-%m-%d)
gov=$(go version | sed 's/^go version //')
short=$(echo "$gov" | cut -d' ' -f1)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

header() { # program command args-json exit-code
  echo "golab-recording: 1"
  echo "program: $1"
  echo "command: $2"
  echo "args: $3"
  echo "go: $gov"
  echo "exit-code: $4"
  echo "machine: $machine"
  echo "load-average: $(cut -d' ' -f1-3 /proc/loadavg) (before the run; other work shared the 2 cores: ns/op is noisy, B/op and allocs/op are exact)"
  echo "recorded: $today"
}

(cd "$prog" && go build -o "$tmp/zerocopy" .)
record() { # file args...
  local file=$1; shift
  local rc=0 json
  json=$(python3 -c 'import json,sys; print(json.dumps(sys.argv[1:], separators=(",",":")))' "$@")
  local load; load=$(header "$prog" "cd $prog && go run . $*" "$json" X)
  (cd "$prog" && "$tmp/zerocopy" "$@") >"$tmp/o" 2>"$tmp/e" || rc=$?
  { echo "${load/exit-code: X/exit-code: $rc}"; echo "==> stdout <=="; cat "$tmp/o"; echo "==> stderr <=="; cat "$tmp/e"; } > "$out/$file-$short.txt"
  echo "wrote $out/$file-$short.txt (exit $rc)"
}
record bench -benchtime 100ms -count 5
record live -benchtime 10ms
record copybuffer-empty -demo copybuffer-empty

rc=0
(cd "$prog" && go build -o /dev/null ./testdata/badslice) >"$tmp/o" 2>"$tmp/e" || rc=$?
{ header "$prog/testdata/badslice" "cd $prog && go build -o /dev/null ./testdata/badslice" "[]" "$rc"
  echo "==> stdout <=="; cat "$tmp/o"; echo "==> stderr <=="; cat "$tmp/e"; } > "$out/badslice-$short.txt"
echo "wrote $out/badslice-$short.txt (exit $rc)"

if command -v strace >/dev/null; then
  (cd data/go/sendfile && go build -o "$tmp/sendfile" .)
  for mode in sendfile loop; do
    f="$out/strace-$mode-$short.txt"
    {
      echo "# command: cd data/go/sendfile && go build -o \"\$bin\" . && strace -c -f -o TABLE \"\$bin\" -mode $mode -size 8MiB"
      echo "# go: $gov"
      echo "# strace: $(strace -V | head -1)"
      echo "# machine: $machine"
      echo "# recorded: $today"
      echo "# stdout: $("$tmp/sendfile" -mode $mode -size 8MiB)"
    } > "$f"
    strace -c -f -o "$tmp/table" "$tmp/sendfile" -mode $mode -size 8MiB >/dev/null
    cat "$tmp/table" >> "$f"
    echo "wrote $f"
  done
fi
