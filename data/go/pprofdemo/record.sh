#!/bin/bash
# Records data/recordings/pprof/* with the local Go (1.19.8 on the recording machine). Run from the repository root:
#   bash data/go/pprofdemo/record.sh
# A profile's first mapping names the running binary by its absolute path (/proc/self/maps), so the binary is
# copied to a neutral folder, /srv/pprofdemo, and run from there; everything else uses relative paths.
set -euo pipefail
out=data/recordings/pprof
mkdir -p "$out"
(cd data/go/pprofdemo && go build -trimpath -o pprofdemo .)
install -D -m 755 data/go/pprofdemo/pprofdemo /srv/pprofdemo/pprofdemo
rm data/go/pprofdemo/pprofdemo
cd "$out"
for mode in cpu heap leak; do /srv/pprofdemo/pprofdemo -mode "$mode" >/dev/null; done
top() { local name=$1; shift; go tool pprof -top "$@" > "$name" 2>/dev/null; }
top cpu.top.txt cpu.pb.gz
top cpu.nodecount5.top.txt -nodecount=5 cpu.pb.gz
top cpu.samples.top.txt -sample_index=samples cpu.pb.gz
top cpu.focus-sortLoop.top.txt -focus=sortLoop cpu.pb.gz
top cpu.ignore-fib.top.txt -ignore=fib cpu.pb.gz
for si in alloc_objects alloc_space inuse_objects inuse_space; do top "heap.$si.top.txt" -sample_index=$si heap.pb.gz; done
top heap.top.txt heap.pb.gz
top leak-before.top.txt leak-before.pb.gz
top leak-after.top.txt leak-after.pb.gz
top leak-diff.top.txt -base=leak-before.pb.gz leak-after.pb.gz
top leak-diff.alloc_space.top.txt -sample_index=alloc_space -base=leak-before.pb.gz leak-after.pb.gz
go version > go-version.txt
