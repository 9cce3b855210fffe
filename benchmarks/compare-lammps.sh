#!/usr/bin/env bash
# Side-by-side: LAMMPS bench/in.lj against mdsens's velocity-Verlet NVE on the very same data file.
#
#   benchmarks/compare-lammps.sh [N=32000] [steps=500] [rounds=3]
#
# Writes an fcc Lennard-Jones crystal (density 0.8442, N = 4c^3 atoms) as a LAMMPS data file with
# mdsens, then runs, interleaved `rounds` times, single-threaded (OMP_NUM_THREADS=1):
#   lammps         lj/cut                     (lmp)
#   lammps-opt     lj/cut/opt                 (lmp -sf opt)
#   mdsens-jdkNN   VelocityVerlet, vector kernels, rebuild every 20 steps (check no), after a JIT warm-up,
#                  on the newest JDK found (JAVA25 or /usr/lib/jvm/*25*) and on the default `java`
# Settings as bench/in.lj: units lj, mass 1, velocity 1.44 seed 87287, lj/cut 2.5, neighbor 0.3 bin,
# neigh_modify delay 0 every 20 check no, fix nve, timestep 0.005 (mdsens: Gaussian velocities, same T).
# Prints atom-steps/s of every run, the medians and the ratios of medians, with the machine load.
# Extra environment: THREADS=2 adds an mdsens run on that many threads; KERNEL=scalar|vector|auto.
#
# With KA_SEEDS=k (k > 0) it also compares minimization on k generated Kob-Andersen glasses
# (KA_N=8000 particles, density 1.2, 80:20, random start): LAMMPS min_style cg, min_modify norm max,
# minimize 0.0 1e-8 200000 1000000, against mdsens FIRE 2.0 and L-BFGS to the same largest
# per-particle force (KA_TOL=1e-8), reporting iterations, force evaluations, neighbor-list builds,
# ms per evaluation, wall time and energy per particle of each, with the load average at the end of
# each run, and the medians over seeds. KA_ONLY=1 skips the NVE part. More KA settings:
#   KA_FIRST=s      first seed (default 1): seeds s .. s+k-1, so a long comparison can be split
#   KA_ALGS="..."   mdsens algorithms (default "fire lbfgs")
#   KA_JAVA=path    the JVM for mdsens (default: the newest JDK found, as above)
#   KA_JAVA_OPTS    extra JVM options (e.g. -Dmdsens.minimize.vector=false)
#   BENCH_LOCK=f    hold `flock -x f` around each timed run only (machines shared with other jobs)
set -euo pipefail

N=${1:-32000}
STEPS=${2:-500}
ROUNDS=${3:-3}
WARMUP=${WARMUP:-300}
KERNEL=${KERNEL:-vector}
THREADS=${THREADS:-1}
HERE=$(cd "$(dirname "$0")" && pwd)
JAR=${JAR:-$HERE/target/benchmarks.jar}
LMP=${LMP:-lmp}

if [[ ! -f $JAR ]]; then
  echo "missing $JAR: build it with  mvn -q -Pbenchmarks -pl benchmarks -am package -DskipTests" >&2
  exit 1
fi
command -v "$LMP" >/dev/null || { echo "LAMMPS ($LMP) not found: apt-get install lammps" >&2; exit 1; }

JAVA_NEW=${JAVA25:-}
if [[ -z $JAVA_NEW ]]; then
  for j in /usr/lib/jvm/*25*/bin/java /usr/lib/jvm/*-2[4-9]*/bin/java; do [[ -x $j ]] && JAVA_NEW=$j && break; done
fi
JAVA_OLD=$(command -v java)
javas=()
[[ -n $JAVA_NEW ]] && javas+=("$JAVA_NEW")
javas+=("$JAVA_OLD")

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
DATA=$WORK/fcc$N.data
"$JAVA_OLD" -cp "$JAR" org.mdsens.benchmarks.WriteFccData "$DATA" "$N"

cat > "$WORK/in.lj" <<'EOF'
units           lj
atom_style      atomic
read_data       ${datafile}
mass            1 1.0
velocity        all create 1.44 87287 loop geom
pair_style      lj/cut 2.5
pair_coeff      1 1 1.0 1.0 2.5
neighbor        0.3 bin
neigh_modify    delay 0 every 20 check no
fix             1 all nve
timestep        0.005
thermo          ${steps}
run             ${steps}
EOF

jdk_name() { "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/{print "jdk" $2}'; }

lammps() {  # $1: extra flags
  local out
  out=$(cd "$WORK" && OMP_NUM_THREADS=1 "$LMP" $1 -in in.lj -var datafile "$DATA" -var steps "$STEPS" -log none -echo none)
  echo "$out" | awk '/^Loop time of/{printf "%.6e\n", $12 * $9 / $4}'
}

mdsens() {  # $1: java, $2: threads
  "$1" --add-modules jdk.incubator.vector -cp "$JAR" org.mdsens.benchmarks.NveRun "$DATA" "$STEPS" "$WARMUP" \
      "$KERNEL" "$2" fixed 2>/dev/null | tr ' ' '\n' | awk -F= '/^atom_steps_per_s=/{print $2} /^kernel=/{k=$2}'
}

if [[ ${KA_ONLY:-0} == 1 ]]; then ROUNDS=0; fi
declare -A runs
names=(lammps lammps-opt)
echo "# compare-lammps: N=$N steps=$STEPS rounds=$ROUNDS kernel=$KERNEL $(date -u +%FT%TZ)"
echo "# CPU: $(awk -F': ' '/model name/{print $2; exit}' /proc/cpuinfo), $(nproc) cores; LAMMPS: $($LMP -h | awk -F" - " '/^Large-scale/{print $2 " " $3; exit}')"
echo "# load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for ((r = 1; r <= ROUNDS; r++)); do
  runs[lammps]+="$(lammps "") "
  runs[lammps-opt]+="$(lammps "-sf opt") "
  for j in "${javas[@]}"; do
    name=mdsens-$(jdk_name "$j")
    [[ " ${names[*]} " == *" $name "* ]] || names+=("$name")
    runs[$name]+="$(mdsens "$j" 1 | head -1) "
    if [[ $THREADS != 1 ]]; then
      name2=$name-${THREADS}threads
      [[ " ${names[*]} " == *" $name2 "* ]] || names+=("$name2")
      runs[$name2]+="$(mdsens "$j" "$THREADS" | head -1) "
    fi
  done
  echo "# round $r done, load $(cut -d' ' -f1 /proc/loadavg)"
done
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END{print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
declare -A med
if ((ROUNDS > 0)); then
  printf "%-24s %-12s %s\n" run median "atom-steps/s per round"
  for n in "${names[@]}"; do
    med[$n]=$(echo "${runs[$n]}" | median)
    printf "%-24s %-12s %s\n" "$n" "${med[$n]}" "${runs[$n]}"
  done
  echo
  for n in "${names[@]}"; do
    [[ $n == mdsens* ]] || continue
    awk -v a="${med[$n]}" -v b="${med[lammps]}" -v c="${med[lammps-opt]}" -v n="$n" \
        'BEGIN{printf "%-24s %.2fx lj/cut   %.2fx lj/cut/opt\n", n, a/b, a/c}'
  done
fi

KA_SEEDS=${KA_SEEDS:-0}
((KA_SEEDS > 0)) || exit 0
KA_N=${KA_N:-8000}
KA_TOL=${KA_TOL:-1e-8}
KA_FIRST=${KA_FIRST:-1}
KA_ALGS=${KA_ALGS:-fire lbfgs}
JAVA_KA=${KA_JAVA:-${JAVA_NEW:-$JAVA_OLD}}
read -r -a KA_OPTS <<< "${KA_JAVA_OPTS:-}"
timed() {  # runs "$@" (a function too) under the exclusive bench lock when BENCH_LOCK is set
  if [[ -n ${BENCH_LOCK:-} ]]; then (flock -x 9 && "$@") 9>>"$BENCH_LOCK"; else "$@"; fi
}
cat > "$WORK/in.ka" <<'EOF'
units           lj
atom_style      atomic
read_data       ${datafile}
mass            * 1.0
pair_style      lj/cut 2.5
pair_coeff      1 1 1.0 1.0  2.5
pair_coeff      1 2 1.5 0.8  2.0
pair_coeff      2 2 0.5 0.88 2.2
pair_modify     shift yes
neighbor        0.3 bin
neigh_modify    delay 0 every 1 check yes
thermo          1000
min_style       cg
min_modify      norm max
minimize        0.0 ${ftol} 200000 1000000
EOF
# one timed run each; the last line of its output is the 1-minute load average at its end
lammps_ka() {
  (cd "$WORK" && OMP_NUM_THREADS=1 "$LMP" -in in.ka -var datafile "$1" -var ftol "$KA_TOL" -log none -echo none)
  cut -d' ' -f1 /proc/loadavg
}
mdsens_ka() {
  "$JAVA_KA" "${KA_OPTS[@]}" --add-modules jdk.incubator.vector -cp "$JAR" org.mdsens.benchmarks.KaGlass minimize \
      "$1" "$2" "$KA_TOL" "$KERNEL" 1 2>/dev/null
  cut -d' ' -f1 /proc/loadavg
}
echo
echo "# Kob-Andersen quench: N=$KA_N tolerance=$KA_TOL seeds $KA_FIRST..$((KA_FIRST + KA_SEEDS - 1)), mdsens on" \
     "$(jdk_name "$JAVA_KA") ${KA_JAVA_OPTS:-}, load $(cut -d' ' -f1 /proc/loadavg)"
fmt="%-6s %-14s %-10s %-12s %-8s %-10s %-10s %-15s %s\n"
printf "$fmt" seed run iterations evaluations builds ms/eval seconds E/N load
ka_rows=()
n_runs=$((1 + $(wc -w <<< "$KA_ALGS")))
for ((s = KA_FIRST; s < KA_FIRST + KA_SEEDS; s++)); do
  "$JAVA_OLD" -cp "$JAR" org.mdsens.benchmarks.KaGlass write "$WORK/ka$s.data" "$KA_N" "$s"
  out=$(timed lammps_ka "$WORK/ka$s.data")
  row=$(echo "$out" | awk -v s="$s" '/Iterations, force evaluations/{it=$(NF-1); ev=$NF}
      /Energy initial, next-to-last, final/{getline; e=$NF} /^Loop time of/{t=$4}
      /^Neighbor list builds/{nb=$NF} END{printf "%s lammps-cg %s %s %s %.4f %.4f %.10f %s", s, it, ev, nb, 1000*t/ev, t, e, $1}')
  ka_rows+=("$row")
  for alg in $KA_ALGS; do
    out=$(timed mdsens_ka "$WORK/ka$s.data" "$alg")
    row=$(echo "$out" | awk -v s="$s" -v a="mdsens-$alg" '
        NR==1{n=split($0, kv, " "); for (i = 1; i <= n; i++) {split(kv[i], p, "="); v[p[1]]=p[2]}}
        END{printf "%s %s %s %s %s %s %s %s %s", s, a, v["iterations"], v["force_evaluations"], v["neighbor_builds"],
            v["ms_per_evaluation"], v["seconds"], v["energy_per_particle"], $1}')
    ka_rows+=("$row")
  done
  for r in "${ka_rows[@]: -$n_runs}"; do printf "$fmt" $r; done
done
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"
declare -A ka_ms ka_sec
for run in lammps-cg $(for a in $KA_ALGS; do echo "mdsens-$a"; done); do
  ka_ms[$run]=$(printf "%s\n" "${ka_rows[@]}" | awk -v r="$run" '$2==r{print $6}' | median)
  ka_sec[$run]=$(printf "%s\n" "${ka_rows[@]}" | awk -v r="$run" '$2==r{print $7}' | median)
  echo "$run: median ms/eval ${ka_ms[$run]}, median seconds ${ka_sec[$run]}"
done
for a in $KA_ALGS; do
  run=mdsens-$a
  awk -v m="${ka_ms[$run]}" -v s="${ka_sec[$run]}" -v lm="${ka_ms[lammps-cg]}" -v ls="${ka_sec[lammps-cg]}" -v n="$run" \
      'BEGIN{printf "%-14s ms/eval %.2fx LAMMPS cg, wall time %.2fx LAMMPS cg\n", n, m/lm, s/ls}'
done
