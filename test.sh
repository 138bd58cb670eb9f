#!/usr/bin/env bash
# Runs every test: restores the pinned kernel tool, builds the solution once, runs the unit/golden tests and the
# notebook/engine tests side by side (the notebook tests mostly wait on the processes they start: the book, Jupyter,
# a browser, a second build), and prints one summary line.
set -euo pipefail
cd "$(dirname "$0")"
results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT

dotnet tool restore >/dev/null
dotnet build GoRuntimeLab.slnx -c Release -v q -nologo
pids=()
for project in tests/GoRuntimeLab.Tests tests/GoRuntimeLab.CliTests tests/GoRuntimeLab.NotebookTests; do
  name=$(basename "$project")
  # Each line of a project's output carries its name, since the projects run side by side and interleave.
  dotnet test "$project" -c Release --no-build -nologo --logger "trx;LogFileName=$name.trx" --results-directory "$results" 2>&1 \
    | sed -u "s/^/[${name#GoRuntimeLab.}] /" &
  pids+=($!)
done
status=0
for pid in "${pids[@]}"; do wait "$pid" || status=1; done

# One plain closing line over all test projects: "N passed, N failed, N skipped".
python3 - "$results" <<'PY'
import sys, glob, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
p = f = s = 0
for path in glob.glob(sys.argv[1] + "/*.trx"):
    c = ET.parse(path).getroot().find("t:ResultSummary/t:Counters", ns)
    # A skipped test is counted in "total" but not in "executed" (the "notExecuted" counter stays 0 for xunit skips).
    p += int(c.get("passed")); f += int(c.get("failed")); s += int(c.get("total")) - int(c.get("executed"))
print(f"{p} passed, {f} failed, {s} skipped")
PY
exit $status
