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
