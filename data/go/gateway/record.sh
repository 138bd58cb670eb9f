#!/bin/sh
# Records data/recordings/gateway/ for case 5.1 (run from the repository root):
#   data/go/gateway/record.sh [GOROOT-of-another-Go]
# For each variant (nopool, pool) it writes gateway-VARIANT-GOVERSION.{latency.txt,gctrace.txt,cpu.pb.gz,heap.pb.gz}.
set -eu
if [ $# -ge 1 ]; then
  export GOTOOLCHAIN=local GOROOT="$1"; go="$1/bin/go"
else
  go=go
fi
gov=$($go env GOVERSION)
out=data/recordings/gateway
mkdir -p "$out"
bin=$(mktemp -d)/gateway
(cd data/go/gateway && $go build -trimpath -o "$bin" .)
for variant in nopool pool; do
  pool=false; [ "$variant" = pool ] && pool=true
  base="$out/gateway-$variant-$gov"
  {
    echo "command: GODEBUG=gctrace=1 gateway -pool=$pool -n 20000 -c 8 -items 64 -cpuprofile $base.cpu.pb.gz -memprofile $base.heap.pb.gz"
    echo "nproc: $(nproc)"
    echo "loadavg-before: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "recorded: $(date -u +%Y-%m-%dT%H:%MZ)"
    GODEBUG=gctrace=1 "$bin" -pool=$pool -n 20000 -c 8 -items 64 -cpuprofile "$base.cpu.pb.gz" -memprofile "$base.heap.pb.gz" 2>"$base.gctrace.txt"
    echo "loadavg-after: $(cut -d' ' -f1-3 /proc/loadavg)"
  } > "$base.latency.txt"
done
rm -rf "$(dirname "$bin")"
