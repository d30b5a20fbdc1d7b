#!/usr/bin/env bash
# Fault-injection experiment: which tests (claims, core, harness) catch a small bug in the core?
#
#   faults/run.sh                 # the baseline (no patch), then every faults/*.patch, one after another
#   faults/run.sh NAME ...        # only these runs (NAME = baseline or a patch's file name without .patch)
#   faults/run.sh --table         # only rebuild reports/fault-detection.md from the results already there
#
# For each run: a throwaway clone of the current commit (HEAD; uncommitted changes are not in it) in
# its own temporary folder, so that it builds in its own target/; the patch applied with `git apply`;
# `mvn -B -o test` (core, harness and claim tests; failures do not stop the build); the surefire
# reports read by faults/faults.py into reports/fault-detection/NAME.json; the clone removed. At the
# end reports/fault-detection.md is rebuilt from every result there.
#
# Needs git, python3, JDK 17 and Maven, and Maven's dependencies already in ~/.m2 (one `mvn -B test`
# after .ci/setup fetches them). FAULTS_MVN="mvn -B" runs online instead of offline (-o).
# Runs are sequential by design: one full test run keeps two cores busy for minutes.
# Logs: faults/logs/NAME.log (not committed).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mvn_cmd=${FAULTS_MVN:-"mvn -B -o"}
results="$root/reports/fault-detection"
logs="$root/faults/logs"
mkdir -p "$results" "$logs"

if [[ "${1:-}" == "--table" ]]; then
  exec python3 faults/faults.py table "$root"
fi

if [[ $# -gt 0 ]]; then
  names=("$@")
else
  names=(baseline)
  for p in faults/*.patch; do
    names+=("$(basename "$p" .patch)")
  done
fi

commit=$(git rev-parse HEAD)
# what the build reads, by content: equal for two commits that differ only outside it (faults/, reports/fault-detection*)
inputs=$(git ls-tree HEAD src theorems pom.xml .ci reports/verdicts.json | git hash-object --stdin)
for name in "${names[@]}"; do
  patch=""
  if [[ "$name" != baseline ]]; then
    patch="$root/faults/$name.patch"
    [[ -f "$patch" ]] || { echo "run.sh: no patch faults/$name.patch" >&2; exit 2; }
  fi
  work=$(mktemp -d "${TMPDIR:-/tmp}/fault-run.XXXXXX")
  trap 'rm -rf "$work"' EXIT
  echo "$(date -u +%FT%TZ) $name: cloning $commit into $work"
  git clone --quiet --no-hardlinks "$root" "$work/repo"
  git -C "$work/repo" checkout --quiet "$commit"
  if [[ -n "$patch" ]]; then
    git -C "$work/repo" apply "$patch"
  fi
  start=$(date +%s)
  set +e
  (cd "$work/repo" && $mvn_cmd -Dmaven.test.failure.ignore=true test) > "$logs/$name.log" 2>&1 < /dev/null
  rc=$?
  set -e
  seconds=$(( $(date +%s) - start ))
  python3 faults/faults.py collect "$work/repo" "$name" "$commit" "$inputs" "$rc" "$seconds" "$results/$name.json"
  rm -rf "$work"
  trap - EXIT
done
python3 faults/faults.py table "$root"
