#!/bin/bash
# Records data/recordings/defer/*.log (see data/README.md, section "defer"). Run from the repository root:
#   bash data/go/defer/record.sh GO LABEL [bench]
# GO is the go command (e.g. go, or "env GOTOOLCHAIN=local $GO123/bin/go" for another release), LABEL the file
# suffix (go1.19.8); "bench" also records the benchmarks (slow: ~2 minutes, keep the machine otherwise idle).
set -euo pipefail
go=$1; label=$2
out=data/recordings/defer
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cd data/go/defer
# -d=defer prints one line per defer statement on stderr; record it for four builds of the same code.
for variant in default noopt race noopendefer; do
  case $variant in
    default)     flags=(-gcflags=-d=defer) ;;
    noopt)       flags=(-gcflags=-N\ -d=defer) ;;
    race)        flags=(-race -gcflags=-d=defer) ;;
    noopendefer) flags=(-gcflags=-d=defer,noopendefer) ;;
  esac
  {
    $go build "${flags[@]}" -o "$tmp/defer" . 2>&1
    $go test -c "${flags[@]}" -o "$tmp/bench.test" ./bench 2>&1
  } > "../../../$out/d-defer-$variant-$label.log"
done
if [ "${3:-}" = bench ]; then
  (cd bench && GOMAXPROCS=2 $go test -run '^$' -bench . -count 6 -benchmem) > "../../../$out/bench-$label.log"
fi
