#!/bin/bash
# Records data/recordings/gc/<go version>-<case>.txt with the Go toolchain on PATH, then rewrites
# data/recordings/gc/manifest.json from every recording in that folder (so running it once per toolchain
# accumulates both). Run from the repository root:
#
#   data/go/gcload/record.sh                                           # Go on PATH (Debian: 1.19.8)
#   PATH="$GOROOT_123/bin:$PATH" data/go/gcload/record.sh            # another toolchain (its GOROOT)
#
# The binary is built first and run directly with GODEBUG=gctrace=1: `go run` would mix the go command's own
# gc lines (and replayed compiler output) into stderr.
set -euo pipefail
export GOTOOLCHAIN=local
prog=data/go/gcload
out=data/recordings/gc
[ -f "$prog/main.go" ] || { echo "record.sh: run from the repository root" >&2; exit 2; }
mkdir -p "$out"

cpu=$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')
os=$(. /etc/os-release && echo "$PRETTY_NAME")
machine="nproc=$(nproc); cpu=$cpu; os=$os; kernel=Linux $(uname -r | cut -d. -f1,2)"
today=$(date -u +%Y-%m-%d)
gov=$(go version | sed 's/^go version //')
short=$(echo "$gov" | cut -d' ' -f1)   # go1.19.8

# The same workload for every case; only the collector's settings (and, once, the live heap) change.
common=(-object-size 1024 -pointers=true -rate 256MiB -duration 8s -sample 250ms)

(cd "$prog" && go build -o gcload .)
trap 'rm -f "$prog/gcload"' EXIT

record() { # case GOGC GOMEMLIMIT live
  local name=$1 gogc=$2 limit=$3 live=$4
  local args=(-live "$live" "${common[@]}")
  local env=(GODEBUG=gctrace=1 GOMAXPROCS=2)
  [ -n "$gogc" ] && env+=("GOGC=$gogc")
  [ -n "$limit" ] && env+=("GOMEMLIMIT=$limit")
  local cmd="cd $prog && go build -o gcload . && ${env[*]} ./gcload ${args[*]}"
  local o e rc=0 load
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  o=$(mktemp); e=$(mktemp)
  (cd "$prog" && env "${env[@]}" ./gcload "${args[@]}") >"$o" 2>"$e" || rc=$?
  local json; json=$(python3 -c 'import json,sys; print(json.dumps(sys.argv[1:], separators=(",",":")))' "${args[@]}")
  {
    echo "golab-recording: 1"
    echo "program: $prog"
    echo "command: $cmd"
    echo "args: $json"
    echo "go: $gov"
    echo "exit-code: $rc"
    echo "case: $name"
    echo "environment: ${env[*]}"
    echo "gomaxprocs: 2 (set)"
    echo "machine: $machine"
    echo "load: $load (1/5/15-minute load average just before the run; the 2 CPUs are shared)"
    echo "recorded: $today"
    echo "==> stdout <=="
    cat "$o"
    echo "==> stderr <=="
    cat "$e"
  } > "$out/$short-$name.txt"
  rm -f "$o" "$e"
  echo "$out/$short-$name.txt: exit $rc, $(grep -c '^gc [0-9]' "$out/$short-$name.txt") gc lines, $(grep -o 'churnGC=[0-9]*' "$out/$short-$name.txt")"
}

#      case                 GOGC  GOMEMLIMIT live
record gogc50               50    ""         32MiB
record gogc100              100   ""         32MiB
record gogc200              200   ""         32MiB
record gogc400              400   ""         32MiB
record gogcoff-limit96mib   off   96MiB      32MiB
record gogc100-limit64mib   100   64MiB      32MiB
record gogc100-live8mib     100   ""         8MiB

# manifest.json: one entry per recording, workload in the units `golab gc simulate` takes (bytes, bytes/s,
# seconds; gogc -1 = off; memlimit null = no limit) and what the run measured.
python3 - "$out" <<'PY'
import json, os, re, sys
out = sys.argv[1]
def size(s):
    m = re.fullmatch(r"(\d+)(GiB|MiB|KiB|B)?", s)
    return int(m.group(1)) * {"GiB": 1 << 30, "MiB": 1 << 20, "KiB": 1 << 10, "B": 1, None: 1}[m.group(2)]
entries = []
for f in sorted(os.listdir(out)):
    if not f.endswith(".txt"):
        continue
    text = open(os.path.join(out, f), encoding="utf-8").read()
    head, rest = text.split("==> stdout <==\n", 1)
    stdout, stderr = rest.split("==> stderr <==\n", 1)
    h = dict(l.split(": ", 1) for l in head.splitlines()[1:])
    p = dict(kv.split("=", 1) for kv in re.search(r"^params (.*)$", stdout, re.M).group(1).split(" "))
    d = dict(kv.split("=", 1) for kv in re.search(r"^done (.*)$", stdout, re.M).group(1).split(" "))
    env = dict(kv.split("=", 1) for kv in h["environment"].split(" "))
    gogc = env.get("GOGC", "100")
    entries.append({
        "file": f,
        "case": h["case"],
        "goVersion": h["go"].split(" ")[0].removeprefix("go"),
        "live": int(p["live"]),
        "objectSize": int(p["object-size"]),
        "pointers": p["pointers"] == "true",
        "allocRate": int(p["rate"]),
        "duration": float(p["duration"].removesuffix("s")),
        "procs": int(p["gomaxprocs"]),
        "gogc": -1 if gogc == "off" else int(gogc),
        "memlimit": size(env["GOMEMLIMIT"]) if "GOMEMLIMIT" in env else None,
        "environment": env,
        "measured": {
            "churnGC": int(d["churnGC"]),
            "gcLines": len(re.findall(r"^gc \d", stderr, re.M)),
            "forcedGC": len(re.findall(r"^gc \d.* \(forced\)$", stderr, re.M)),
            "allocated": int(d["allocated"]),
            "achievedRate": int(d["achievedRate"]),
        },
    })
doc = {"format": 1, "program": "data/go/gcload", "recordings": entries}
with open(os.path.join(out, "manifest.json"), "w", encoding="utf-8") as w:
    json.dump(doc, w, indent=2)
    w.write("\n")
print(f"{out}/manifest.json: {len(entries)} recordings")
PY
