#!/bin/sh
# Records data/recordings/gateway/ for case 5.1; run from the repository root:
#   data/go/gateway/record.sh                      # the Go on PATH
#   data/go/gateway/record.sh /opt/go-1.23/usr/lib/go-1.23   # another Go (GOTOOLCHAIN=local GOROOT=…)
# Writes, per variant (nopool, pool), gateway-VARIANT-GOVERSION.txt (a golab recording: stdout = latency and
# allocation lines, stderr = GODEBUG=gctrace=1) with .cpu.pb.gz and .heap.pb.gz beside it, and the short runs the
# notebook repeats live: gateway-short-VARIANT-GOVERSION.txt (-n 2000, no profiles).
set -eu
if [ $# -ge 1 ]; then
  export GOTOOLCHAIN=local GOROOT="$1"; go="$1/bin/go"
else
  go=go
fi
gov=$($go env GOVERSION)
out=data/recordings/gateway
mkdir -p "$out"

# A profile's first mapping is the binary's absolute path, so the profiled runs use a binary built with -trimpath in
# the neutral folder /srv/golab-gateway (as data/go/pprofdemo does); the short runs use go run.
bindir=/srv/golab-gateway
mkdir -p "$bindir"
(cd data/go/gateway && $go build -trimpath -o "$bindir/gateway" .)

record() { # file how args...  (how: run = go run -trimpath ., bin = the binary above)
  file=$1; how=$2; shift 2
  if [ "$how" = bin ]; then exe="$bindir/gateway"; shown="go build -trimpath -o $bindir/gateway . && GODEBUG=gctrace=1 $bindir/gateway"
  else exe="$go run -trimpath ."; shown="GODEBUG=gctrace=1 go run -trimpath ."; fi
  tmp=$(mktemp -d)
  json=$(printf '%s\n' "$@" | python3 -c 'import json,sys; print(json.dumps([l.rstrip("\n") for l in sys.stdin]))')
  set +e
  (cd data/go/gateway && GODEBUG=gctrace=1 $exe "$@" >"$tmp/out" 2>"$tmp/err")
  code=$?
  set -e
  {
    echo "golab-recording: 1"
    echo "program: data/go/gateway"
    echo "command: cd data/go/gateway && $shown $*"
    echo "args: $json"
    echo "go: $($go version | sed 's/^go version //')"
    echo "exit-code: $code"
    echo "gomaxprocs: $(nproc) (GOMAXPROCS unset: the number of CPUs); GOGC unset (100)"
    echo "machine: nproc=$(nproc); cpu=$(lscpu | sed -n 's/^Model name: *//p'); os=$(. /etc/os-release && echo "$PRETTY_NAME"); shared with other jobs"
    echo "loadavg: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "recorded: $(date -u +%Y-%m-%dT%H:%MZ)"
    echo "==> stdout <=="
    cat "$tmp/out"
    echo "==> stderr <=="
    cat "$tmp/err"
  } > "$file"
  rm -rf "$tmp"
}

for variant in nopool pool; do
  flag=""; [ "$variant" = pool ] && flag="-pool"
  base="gateway-$variant-$gov"
  record "$out/$base.txt" bin $flag -n 20000 -c 8 -cpuprofile "../../recordings/gateway/$base.cpu.pb.gz" -memprofile "../../recordings/gateway/$base.heap.pb.gz"
  record "$out/gateway-short-$variant-$gov.txt" run $flag -n 2000
done
rm -rf "$bindir"
