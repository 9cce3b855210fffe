#!/usr/bin/env bash
# Slurm check (issue 6): starts a real single-node Slurm on loopback with shared/tools/slurm-local.sh,
# submits the example sweep as a 3-task array job plus a dependent merge job (examples/slurm/submit.sh),
# waits for both, checks the merged table, and stops the cluster (also on failure).
# If the cluster cannot start, this says so LOUDLY and exits 0 as SKIPPED (not passed).
# Run from anywhere: bash .ci/slurm-check.sh
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOL="$(dirname "$ROOT")/shared/tools/slurm-local.sh"     # CI: a fresh clone with shared/ beside it
[ -f "$TOOL" ] || TOOL=/work/shared/tools/slurm-local.sh
SWEEP="$ROOT/examples/jobs/soft-sphere-sweep.toml"
SHARDS=3
ROWS=18   # 6 points x 3 replicas

skip() {
  {
    echo
    echo "########################################################################"
    echo "###  SLURM CHECK SKIPPED -- NOT PASSED: $*"
    echo "########################################################################"
    echo
  } >&2
  exit 0
}
fail() { echo "slurm check FAILED: $*" >&2; exit 1; }

echo "== slurm: single-node cluster ($TOOL)"
[ -f "$TOOL" ] || skip "slurm-local.sh not found (looked beside the repository and in /work/shared/tools)"
[ "$(id -u)" = 0 ] || skip "slurm-local.sh needs root"
env_line="$(SLURM_LOCAL_CPUS="$SHARDS" bash "$TOOL" start)" || skip "the local Slurm cluster did not start (see the slurm-local messages above)"
eval "$env_line"
work="$(mktemp -d)"
cleanup() {
  bash "$TOOL" stop || echo "slurm check: could not stop the cluster cleanly" >&2
  rm -rf "$work"
}
trap cleanup EXIT

echo "== slurm: build once, then submit $SWEEP as $SHARDS array tasks + a merge job"
"$ROOT/mdsens" --version || fail "the launcher could not build mdsens"
ids="$(CPUS_PER_TASK=1 bash "$ROOT/examples/slurm/submit.sh" "$SWEEP" "$work/out" "$SHARDS")" \
  || fail "submit.sh failed"
read -r array merge <<<"$ids"
[ -n "${array:-}" ] && [ -n "${merge:-}" ] || fail "submit.sh printed no job ids: '$ids'"
echo "array job $array, merge job $merge"

t0=$SECONDS
if ! bash "$TOOL" wait "$array" "$merge"; then
  for f in "$work"/out/logs/*; do echo "---- $f"; cat "$f"; done >&2
  fail "the jobs did not all complete"
fi
echo "jobs completed in $((SECONDS - t0)) s"
for f in "$work"/out/logs/*; do echo "---- $(basename "$f")"; cat "$f"; done

echo "== slurm: check the merged table"
table="$work/out/merged/results.csv"
[ -s "$table" ] || fail "$table is missing"
for i in $(seq 0 $((SHARDS - 1))); do
  [ -s "$work/out/shard-$i/manifest.json" ] || fail "shard directory shard-$i is missing"
  grep -q "\"count\" : $SHARDS" "$work/out/shard-$i/manifest.json" || fail "shard-$i did not run as one of $SHARDS shards"
done
lines="$(wc -l <"$table")"
[ "$lines" -eq $((ROWS + 1)) ] || fail "$table has $lines lines, expected $((ROWS + 1)) (header + $ROWS rows)"
# columns 1 and 3 are point and replica: every pair exactly once, all of 0..5 x 0..2
pairs="$(tail -n +2 "$table" | cut -d, -f1,3 | sort -u | wc -l)"
[ "$pairs" -eq "$ROWS" ] || fail "$table has $pairs distinct (point, replica) pairs, expected $ROWS"
expected="$(for p in 0 1 2 3 4 5; do for r in 0 1 2; do echo "$p,$r"; done; done | sort)"
[ "$(tail -n +2 "$table" | cut -d, -f1,3 | sort)" = "$expected" ] || fail "$table does not hold every (point, replica) once"
grep -q '"all_converged" : true' "$work/out/merged/summary.json" || fail "the merged summary does not say all_converged"
echo "slurm check: passed ($ROWS rows, every point and replica once, from $SHARDS array tasks + afterok merge)"
