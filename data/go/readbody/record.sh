#!/bin/sh
# Records data/recordings/gateway/readbody-GOVERSION.txt (a golab recording); run from the repository root:
#   data/go/readbody/record.sh [GOROOT-of-another-Go]
set -eu
if [ $# -ge 1 ]; then export GOTOOLCHAIN=local GOROOT="$1"; go="$1/bin/go"; else go=go; fi
gov=$($go env GOVERSION)
tmp=$(mktemp -d)
set +e
(cd data/go/readbody && $go run -trimpath . >"$tmp/out" 2>"$tmp/err")
code=$?
set -e
{
  echo "golab-recording: 1"
  echo "program: data/go/readbody"
  echo "command: cd data/go/readbody && go run -trimpath ."
  echo "args: []"
  echo "go: $($go version | sed 's/^go version //')"
  echo "exit-code: $code"
  echo "machine: nproc=$(nproc); os=$(. /etc/os-release && echo "$PRETTY_NAME")"
  echo "recorded: $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "==> stdout <=="
  cat "$tmp/out"
  echo "==> stderr <=="
  cat "$tmp/err"
} > data/recordings/gateway/readbody-$gov.txt
rm -rf "$tmp"
