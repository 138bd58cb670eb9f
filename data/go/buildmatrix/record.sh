#!/usr/bin/env bash
# Builds data/go/buildmatrix/hello and httpsvc with each flag set of section 4.4 and the cross targets of 5.2, for
# each installed Go release, and records (in data/recordings/build/):
#   elfdump-goV.tsv    data/go/elfdump (debug/elf, debug/pe, debug/buildinfo) of every native build, one block each
#   cross-goV.tsv      the same for the cross builds
#   inline-goV.tsv     program, flag set, scope (main | all packages), "can inline" and "inlining call" lines of -m
#   startup-goV.tsv    program, flag set, median/p10/p90 wall time of fork-to-exit in µs over 21 runs (startup/)
#   pprof-stripped-goV.txt  `go tool pprof -top` of a CPU profile written by httpsvc built with -ldflags="-s -w"
#   meta-goV.txt       machine, load, the course's command line and what each Go says to it, cmp of PE console/GUI
# Usage (from the repository root): data/go/buildmatrix/record.sh [native|cross] [1.19|1.21|1.22|1.23]...
# (default: both stages, all four releases)
# Binaries go to $BUILDMATRIX_OUT (default: a new temporary folder); nothing in the repository but the recordings changes.
# Go 1.19 is `go` on PATH (Debian's); another release 1.2N is taken from $GOROOT_1_2N (e.g. GOROOT_1_23=…/go-1.23).
set -euo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
rec="$root/data/recordings/build"
outbase=${BUILDMATRIX_OUT:-$(mktemp -d)}
mkdir -p "$rec" "$outbase"
export GOFLAGS=-buildvcs=false GOTOOLCHAIN=local GOPROXY=off

(cd "$root/data/go/elfdump" && go build -o "$outbase/elfdump" .)
(cd "$root/data/go/buildmatrix/startup" && go build -o "$outbase/startup" .)

flagsets="default s-w s w trimpath all-l N-l cgo0 cgo0-s-w-trimpath amd64v2 amd64v3 pgo"

# flags NAME: sets FENV (env assignments), FARGS (go build arguments) and MARGS (-gcflags for the -m count).
flags() {
  FENV=(); FARGS=(); MARGS=(-gcflags=-m)
  case $1 in
    default) ;;
    s-w) FARGS=("-ldflags=-s -w") ;;
    s) FARGS=(-ldflags=-s) ;;
    w) FARGS=(-ldflags=-w) ;;
    trimpath) FARGS=(-trimpath) ;;
    all-l) FARGS=(-gcflags=all=-l); MARGS=("-gcflags=-m -l") ;;
    N-l) FARGS=("-gcflags=-N -l"); MARGS=("-gcflags=-m -N -l") ;;
    cgo0) FENV=(CGO_ENABLED=0) ;;
    cgo0-s-w-trimpath) FENV=(CGO_ENABLED=0); FARGS=(-trimpath "-ldflags=-s -w") ;;
    amd64v2) FENV=(GOAMD64=v2) ;;
    amd64v3) FENV=(GOAMD64=v3) ;;
    pgo) FARGS=("-pgo=$out/cpu.pprof") ;;
  esac
}

count_m() { # stdin: -m output → "can inline<TAB>inlining call"
  awk '/: can inline /{c++} /: inlining call to /{i++} END{printf "%d\t%d\n", c, i}'
}

# Sets go and goroot for release $1: Debian's Go on PATH for 1.19, $GOROOT_1_2N for the others.
goroot_for() {
  if [ "$1" = 1.19 ]; then go=$(command -v go); goroot=$("$go" env GOROOT); return; fi
  local var="GOROOT_${1/./_}"
  goroot=${!var:?"set $var to the GOROOT of Go $1"}; go=$goroot/bin/go
}

record_version() {
  local minor=$1 go goroot
  goroot_for "$minor"
  export GOROOT=$goroot
  local gov; gov=$("$go" env GOVERSION)
  out="$outbase/$gov"; mkdir -p "$out"
  local meta="$rec/meta-$gov.txt"
  {
    echo "go: $gov ($go)"
    echo "nproc: $(nproc)"
    echo "machine: $(lscpu | sed -n 's/^Model name: *//p'); $(. /etc/os-release && echo "$PRETTY_NAME"); kernel $(uname -r)"
    echo "loadavg-before: $(cut -d' ' -f1-3 /proc/loadavg) (a shared machine: ~7 jobs building at the same time; startup times are noisy)"
    echo "recorded: $(date -u +%Y-%m-%dT%H:%MZ)"
    echo "course-command: go build -gcflags=\"-l -s -trimpath\" -o app ."
    echo "course-command-result: $(cd "$root/data/go/buildmatrix/hello" && "$go" build -gcflags="-l -s -trimpath" -o "$out/course" . 2>&1 | sed -n 2p || true)"
    echo "compile-help-s: $("$go" tool compile -help 2>&1 | grep -cE '^  -s\b' || true) lines for -s in 'go tool compile -help'"
    echo "link-help-s: $("$go" tool link -help 2>&1 | grep -E '^  -s\b' | tr -s ' \t' ' ')"
    echo "link-help-w: $("$go" tool link -help 2>&1 | grep -E '^  -w\b' | tr -s ' \t' ' ')"
  } > "$meta"

  # The CPU profile for PGO and for the stripped-binary pprof check: httpsvc built with -ldflags="-s -w".
  (cd "$root/data/go/buildmatrix/httpsvc" && "$go" build -ldflags="-s -w" -o "$out/httpsvc__s-w" .)
  "$out/httpsvc__s-w" -cpuprofile "$out/cpu.pprof" -work 300000 > /dev/null
  {
    echo "# $gov: httpsvc built with -ldflags=\"-s -w\"; go tool nm on it says:"
    echo "# $("$go" tool nm "$out/httpsvc__s-w" 2>&1 | head -n 1)"
    echo "# go tool pprof -top -nodecount=12 httpsvc__s-w cpu.pprof:"
    "$go" tool pprof -top -nodecount=12 "$out/httpsvc__s-w" "$out/cpu.pprof" 2>&1 | grep -v '^File: \|^Build ID: \|^Type: \|^Time: '
  } | sed "s#$outbase#\$TMPDIR/golab-buildmatrix#g" > "$rec/pprof-stripped-$gov.txt"  # no machine path in data/

  : > "$out/elfdump.tsv"
  printf 'program\tflagset\tscope\tcanInline\tinliningCall\n' > "$rec/inline-$gov.tsv"
  printf 'program\tflagset\tmedianUs\tp10Us\tp90Us\truns\n' > "$rec/startup-$gov.tsv"
  for prog in hello httpsvc; do
    for fs in $flagsets; do
      [ "$fs" = pgo ] && { [ "$prog" = hello ] || [ "$minor" = 1.19 ]; } && continue
      flags "$fs"
      local bin="$out/${prog}__$fs"
      (cd "$root/data/go/buildmatrix/$prog" && env "${FENV[@]}" "$go" build "${FARGS[@]}" -o "$bin" .)
      (cd "$out" && "$outbase/elfdump" "${prog}__$fs") >> "$out/elfdump.tsv"
      local m; m=$(cd "$root/data/go/buildmatrix/$prog" && env "${FENV[@]}" "$go" build "${FARGS[@]}" "${MARGS[@]}" -o /dev/null . 2>&1 | count_m)
      printf '%s\t%s\tmain\t%s\n' "$prog" "$fs" "$m" >> "$rec/inline-$gov.tsv"
      local args=(); [ "$prog" = httpsvc ] && args=(-once)
      printf '%s\t%s\t%s\n' "$prog" "$fs" "$("$outbase/startup" 21 "$bin" "${args[@]}")" >> "$rec/startup-$gov.tsv"
    done
  done
  # Inlining decisions in every package: the default build against PGO (1.21+).
  for fs in default pgo; do
    [ "$fs" = pgo ] && [ "$minor" = 1.19 ] && continue
    flags "$fs"
    local m; m=$(cd "$root/data/go/buildmatrix/httpsvc" && "$go" build "${FARGS[@]}" -gcflags=all=-m -o /dev/null . 2>&1 | count_m)
    printf 'httpsvc\t%s\tall\t%s\n' "$fs" "$m" >> "$rec/inline-$gov.tsv"
  done
  sed "s|$outbase/||" "$out/elfdump.tsv" > "$rec/elfdump-$gov.tsv"
  echo "loadavg-after-native: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$meta"
}

record_cross() {
  local minor=$1 go goroot
  goroot_for "$minor"
  export GOROOT=$goroot
  local gov; gov=$("$go" env GOVERSION)
  out="$outbase/$gov"; mkdir -p "$out"
  : > "$out/cross.tsv"
  touch "$rec/meta-$gov.txt"; sed -i '/^pe-console-vs-gui\|^loadavg-after-cross/d' "$rec/meta-$gov.txt"
  # target name, GOOS, GOARCH, extra env
  local targets="linux-arm64:linux:arm64: linux-armv7:linux:arm:GOARM=7 linux-riscv64:linux:riscv64: windows-amd64:windows:amd64: linux-mipsle:linux:mipsle:"
  for t in $targets; do
    IFS=: read -r name os arch extra <<< "$t"
    local envs=(GOOS="$os" GOARCH="$arch"); [ -n "$extra" ] && envs+=("$extra")
    local ext=; [ "$os" = windows ] && ext=.exe
    (cd "$root/data/go/buildmatrix/httpsvc" && env "${envs[@]}" "$go" build -o "$out/httpsvc__$name$ext" . \
      && env "${envs[@]}" CGO_ENABLED=0 "$go" build -ldflags="-s -w" -o "$out/httpsvc__$name-cgo0-s-w$ext" .)
    (cd "$out" && "$outbase/elfdump" "httpsvc__$name$ext" "httpsvc__$name-cgo0-s-w$ext") >> "$out/cross.tsv"
  done
  (cd "$root/data/go/buildmatrix/httpsvc" && GOOS=windows GOARCH=amd64 "$go" build -ldflags=-H=windowsgui -o "$out/httpsvc__windows-amd64-gui.exe" .)
  (cd "$out" && "$outbase/elfdump" httpsvc__windows-amd64-gui.exe) >> "$out/cross.tsv"
  # The build info records -ldflags=-H=windowsgui, which moves data and so the addresses that refer to it: many bytes
  # differ though only the optional header's Subsystem is chosen differently (cmd/link/internal/ld/pe.go).
  echo "pe-console-vs-gui: $(cmp -l "$out/httpsvc__windows-amd64.exe" "$out/httpsvc__windows-amd64-gui.exe" | wc -l) bytes differ (cmp -l) of $(stat -c %s "$out/httpsvc__windows-amd64.exe"); sizes $(stat -c %s "$out/httpsvc__windows-amd64.exe") and $(stat -c %s "$out/httpsvc__windows-amd64-gui.exe")" >> "$rec/meta-$gov.txt"
  sed "s|$outbase/||" "$out/cross.tsv" > "$rec/cross-$gov.tsv"
  echo "loadavg-after-cross: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$rec/meta-$gov.txt"
}

stage=all; case ${1:-} in native|cross) stage=$1; shift ;; esac
versions=("$@"); [ ${#versions[@]} -eq 0 ] && versions=(1.19 1.21 1.22 1.23)
if [ "$stage" != cross ]; then for v in "${versions[@]}"; do record_version "$v"; done; fi
if [ "$stage" != native ]; then for v in "${versions[@]}"; do record_cross "$v"; done; fi
