#!/usr/bin/env bash
# Submits an mdsens sweep to Slurm: an array job of N shards and a merge job that runs when all of
# them succeeded (--dependency=afterok). Prints "<array job id> <merge job id>" on stdout.
#
#   examples/slurm/submit.sh SWEEP.toml OUT [N]
#
# Environment: MDSENS (the launcher; default: the one of this repository), CPUS_PER_TASK (default 2),
# SBATCH_EXTRA (more sbatch options for both jobs, e.g. "--partition=short --time=01:00:00").
# Results: OUT/merged/results.csv (and .jsonl, summary.json, plots); logs in OUT/logs.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
[ $# -ge 2 ] || { echo "usage: $0 SWEEP.toml OUT [N]" >&2; exit 2; }
sweep="$(realpath "$1")"
out="$(realpath -m "$2")"
n="${3:-3}"
[[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "N must be a positive integer, got '$n'" >&2; exit 2; }
export MDSENS="${MDSENS:-$repo/mdsens}"
cpus="${CPUS_PER_TASK:-2}"
# shellcheck disable=SC2206
extra=(${SBATCH_EXTRA:-})

# Build once here (the launcher builds on first use) and validate the sweep file before submitting.
"$MDSENS" check "$sweep" >&2

mkdir -p "$out/logs"
array="$(sbatch --parsable "${extra[@]}" --array="0-$((n - 1))" --cpus-per-task="$cpus" \
  --output="$out/logs/sweep-%A_%a.out" "$here/sweep-array.sbatch" "$sweep" "$out")"
array="${array%%;*}"
merge="$(sbatch --parsable "${extra[@]}" --dependency="afterok:$array" \
  --output="$out/logs/merge-%j.out" "$here/merge.sbatch" "$out")"
merge="${merge%%;*}"
echo "submitted: sweep array job $array ($n shards), merge job $merge (afterok:$array); results in $out/merged" >&2
echo "$array $merge"
