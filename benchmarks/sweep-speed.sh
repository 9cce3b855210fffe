#!/usr/bin/env bash
# The speed target of issue 6 ("with 2 workers, a sweep of >= 40 small points runs >= 1.6x faster than
# with 1"), measured together with what the machine itself gives two processes at that moment.
#
#   benchmarks/sweep-speed.sh [count=4096] [rounds=3]
#
# The sweep is examples/jobs/soft-sphere-sweep.toml with `count` particles per packing, 8 replicas and
# 5 values of diameter[B] (40 points in 8 chains). Each round times, with ./mdsens (JVM start included):
#   one     the sweep with --threads 1
#   two     the sweep with --threads 2
#   pair    two independent --threads 1 sweeps started at once (no shared work, no synchronization)
# and prints one/two (the target) and the machine's ceiling 2*one/pair: what two cores give two
# independent runs at that moment, which bounds the 2-worker ratio. On shared or virtual machines the
# ceiling moves with the host, so compare the ratio with the ceiling of the same round.
# With BENCH_LOCK=file each timed call holds `flock -x file` (machines shared with other jobs).
set -euo pipefail

COUNT=${1:-4096}
ROUNDS=${2:-3}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
MDSENS="$ROOT/mdsens"
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT

sed -e "s/^count = .*/count = $COUNT/" -e "s/^replicas = .*/replicas = 8/" \
    -e 's/^"diameter\[B\]" = .*/"diameter[B]" = { linspace = [1.4, 1.6, 5] }/' \
    "$ROOT/examples/jobs/soft-sphere-sweep.toml" > "$W/sweep.toml"
grep -q "^count = $COUNT\$" "$W/sweep.toml" || { echo "could not set count in the example sweep" >&2; exit 1; }

# build on first use and record the class-data-sharing archive with a small copy of the sweep (untimed)
sed -e "s/^count = .*/count = 64/" "$W/sweep.toml" > "$W/small.toml"
"$MDSENS" sweep "$W/small.toml" --out "$W/build-check" --threads 2 --quiet >/dev/null
rm -rf "$W/build-check"
export MDSENS_NO_BUILD=1

timed() { if [[ -n ${BENCH_LOCK:-} ]]; then flock -x "$BENCH_LOCK" "$@"; else "$@"; fi; }
now() { date +%s.%N; }
one() { rm -rf "$W/$1"; "$MDSENS" sweep "$W/sweep.toml" --out "$W/$1" --threads "$2" --quiet >/dev/null; }
pair() { one a 1 & local p=$!; one b 1; wait "$p"; }
secs() { local s; s=$(now); "$@"; awk -v s="$s" -v e="$(now)" 'BEGIN{printf "%.2f", e - s}'; }
export -f one pair secs now; export W MDSENS

echo "# sweep-speed: $(date -u +%FT%TZ), 40 points of N = $COUNT, rounds=$ROUNDS, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
ratios=(); ceilings=()
for ((r = 1; r <= ROUNDS; r++)); do
  l=$(cut -d' ' -f1 /proc/loadavg)
  t1=$(timed bash -c 'secs one o1 1')
  t2=$(timed bash -c 'secs one o2 2')
  tp=$(timed bash -c 'secs pair')
  cmp -s "$W/o1/results.csv" "$W/o2/results.csv" || { echo "results.csv differs between 1 and 2 workers" >&2; exit 1; }
  ratio=$(awk -v a="$t1" -v b="$t2" 'BEGIN{printf "%.2f", a/b}')
  ceil=$(awk -v a="$t1" -v b="$tp" 'BEGIN{printf "%.2f", 2*a/b}')
  ratios+=("$ratio"); ceilings+=("$ceil")
  echo "round $r (load $l): 1 worker ${t1} s, 2 workers ${t2} s, two 1-worker sweeps at once ${tp} s: ratio ${ratio}x, ceiling ${ceil}x"
done
median() { printf "%s\n" "$@" | sort -g | awk '{a[NR]=$1} END{print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
echo "median ratio $(median "${ratios[@]}")x (target >= 1.6), median ceiling $(median "${ceilings[@]}")x, load at end $(cut -d' ' -f1-3 /proc/loadavg)"
