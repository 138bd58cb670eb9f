#!/bin/bash
# Records data/recordings/escape/; run from the repository root:  bash data/recordings/escape/record.sh
# GO119 and GO123 name the two toolchains: GO119 defaults to the go on PATH (Debian's go1.19.8); GO123 (a go1.23.5,
# used for recording only) must be given. The compiler tests come from each release's $GOROOT/test.
set -euo pipefail
GO119=${GO119:-go}
GO123=${GO123:?set GO123 to a go1.23 binary, e.g. GO123=path/to/go1.23/bin/go}
TEST119=${TEST119:-$("$GO119" env GOROOT)/test}
TEST123=${TEST123:-$(GOTOOLCHAIN=local "$GO123" env GOROOT)/test}
export GOTOOLCHAIN=local GOFLAGS= GOEXPERIMENT=
out=data/recordings/escape
root=$PWD
cpu=$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')
os=$(. /etc/os-release && echo "$PRETTY_NAME")
machine="nproc=$(nproc); cpu=$cpu; os=$os; kernel=Linux $(uname -r | cut -d. -f1,2)"
today=$(date -u +%Y-%m-%d)

# 1. The curated cases: go build -gcflags=-m (and -m=2) of data/go/escape, as golab recordings (stderr = diagnostics).
record_cases() { # go-binary tag flag
  local go=$1 tag=$2 flag=$3 err cache rc=0
  err=$(mktemp); cache=$(mktemp -d)
  (cd data/go/escape && GOCACHE="$cache" "$go" build -gcflags="$flag" ./) 2>"$err" || rc=$?
  rm -rf "$cache"
  local level=${flag#-m}; level=${level#=}; level=${level:-1}
  {
    echo "golab-recording: 1"
    echo "program: data/go/escape"
    echo "command: cd data/go/escape && go build -gcflags=$flag ./"
    echo "args: [\"-gcflags=$flag\"]"
    echo "go: $("$go" version | sed 's/^go version //')"
    echo "exit-code: $rc"
    echo "gomaxprocs: 2 (GOMAXPROCS unset: the number of CPUs; the compiler's output does not depend on it)"
    echo "machine: $machine"
    echo "date: $today"
    echo "==> stdout <=="
    echo "==> stderr <=="
    cat "$err"
  } >"$out/cases-$tag-m$level.txt"
  rm -f "$err"
}
record_cases "$GO119" go1.19 -m
record_cases "$GO119" go1.19 -m=2
record_cases "$GO123" go1.23 -m
record_cases "$GO123" go1.23 -m=2

# 2. The compiler's own tests: each $GOROOT/test/escape*.go errorcheck file, copied next to its output, compiled the
#    way test/run.go (1.19) / cmd/internal/testdir (1.23) do it: go tool compile -p=p -d=panic -C -e -o a.o
#    [-importcfg=…] <flags of the "// errorcheck" line without -0> -d=ssa/check/on FILE (the -d flag is merged with
#    ",ssa/check/on" when the header has one). Run inside the copy folder so the output names files relatively.
record_tests() { # go-binary testdir tag
  local go=$1 src=$2 tag=$3 dir="$out/testdir/$3" obj cfg=""
  mkdir -p "$dir"; obj=$(mktemp -d)
  if [ "$tag" != go1.19 ]; then
    cfg="$obj/importcfg"
    "$go" list -export -f '{{if .Export}}packagefile {{.ImportPath}}={{.Export}}{{end}}' std >"$cfg"
  fi
  for f in "$src"/escape*.go; do
    local name; name=$(basename "$f")
    local header; header=$(head -1 "$f")
    case "$header" in "// errorcheck"*) ;; *) continue ;; esac
    cp "$f" "$dir/$name"
    local flags=() dflag=""
    for w in ${header#// errorcheck}; do
      case "$w" in -0) ;; -d=*) dflag="$w,ssa/check/on" ;; *) flags+=("$w") ;; esac
    done
    flags+=("${dflag:--d=ssa/check/on}")
    local args=(tool compile -p=p -d=panic -C -e)
    [ -n "$cfg" ] && args+=("-importcfg=$cfg")
    args+=(-o "$obj/a.o" "${flags[@]}" "$name")
    # Go 1.20+ prints absolute file names; like errorCheck's "Cut directory name" step, strip the folder.
    (cd "$dir" && "$go" "${args[@]}" 2>&1 | sed "s|$root/$dir/||g") >"$dir/${name%.go}.out" || true
    echo "${name}: go ${args[*]}" | sed "s|$obj/|\$TMP/|g" >>"$dir/commands.txt.new"
  done
  mv "$dir/commands.txt.new" "$dir/commands.txt"
  rm -rf "$obj"
}
record_tests "$GO119" "$TEST119" go1.19
record_tests "$GO123" "$TEST123" go1.23
# No absolute path of this machine may remain (the tests check it too): the checkout, home, temp and both GOROOTs.
leaks=$(printf '%s\n' "$PWD" "$HOME" "$(dirname "$(mktemp -u)")" "$("$GO119" env GOROOT)" "$("$GO123" env GOROOT)")
if grep -rlF "$leaks" "$out" --include='*.out' --include='cases-*.txt' --include=commands.txt; then
  echo "absolute paths found in the files above" >&2; exit 1
fi
