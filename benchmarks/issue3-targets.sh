#!/usr/bin/env bash
# Every speed target of issue 3, measured in one run on one machine, with the load beside each figure.
#
#   benchmarks/issue3-targets.sh [rounds=3]
#
# Needs benchmarks/target/benchmarks.jar (mvn -q -Pbenchmarks -pl benchmarks -am package -DskipTests),
# a JDK 25 (JAVA25=..., else /usr/lib/jvm/*25*) and the default `java` (JDK 17), and LAMMPS (`lmp`) for
# the two LAMMPS parts. Parts (SKIP="kernel lammps ka million" leaves parts out):
#   kernel   JMH force loop, LJ 3D, one thread: vector vs the inline scalar loop (the best scalar code) at
#            N = 4000 and 32000 on JDK 25; `auto` vs `scalar` on JDK 17
#   sizes    whole NVE steps (NveRun, fixed rebuild every 20 steps), one thread, N = 4000, 32000, 256000,
#            interleaved rounds: ns per atom-step and their spread
#   threads  the same NVE run on 1 and 2 threads, interleaved, N = 32000 and 256000; and the machine's
#            ceiling: two independent 1-thread runs at once against one alone (N = 32000)
#   lammps   compare-lammps.sh: LAMMPS lj/cut and lj/cut/opt against mdsens on JDK 25 and 17
#   ka       compare-lammps.sh Kob-Andersen quench, 5 seeds, L-BFGS (KA_ALGS to change)
#   million  100 NVE steps of 4*63^3 = 1,000,188 atoms in -Xmx1g (no warm-up), wall time and peak RSS
# With BENCH_LOCK=file each timed run holds `flock -x file` (machines shared with other jobs).
# All data files are written by mdsens into a temporary directory (DATA_DIR to keep them).
set -euo pipefail

ROUNDS=${1:-3}
HERE=$(cd "$(dirname "$0")" && pwd)
JAR=${JAR:-$HERE/target/benchmarks.jar}
SKIP=${SKIP:-}
[[ -f $JAR ]] || { echo "missing $JAR: mvn -q -Pbenchmarks -pl benchmarks -am package -DskipTests" >&2; exit 1; }
J17=$(command -v java)
J25=${JAVA25:-}
if [[ -z $J25 ]]; then
  for j in /usr/lib/jvm/*25*/bin/java; do [[ -x $j ]] && J25=$j && break; done
fi
[[ -n $J25 ]] || { echo "no JDK 25 found (set JAVA25=/path/to/bin/java)" >&2; exit 1; }
if [[ -n ${DATA_DIR:-} ]]; then mkdir -p "$DATA_DIR"; D=$DATA_DIR; else D=$(mktemp -d); trap 'rm -rf "$D"' EXIT; fi

skip() { [[ " $SKIP " == *" $1 "* ]]; }
load() { cut -d' ' -f1 /proc/loadavg; }
timed() { if [[ -n ${BENCH_LOCK:-} ]]; then flock -x "$BENCH_LOCK" "$@"; else "$@"; fi; }
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END{print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
best() { tr ' ' '\n' | grep -v '^$' | sort -g | tail -1; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2f", a/b}'; }
verdict() { awk -v v="$1" -v t="$2" 'BEGIN{print (v >= t ? "met" : "MISSED")}'; }
fcc() { [[ -f $D/fcc$1.data ]] || "$J17" -cp "$JAR" org.mdsens.benchmarks.WriteFccData "$D/fcc$1.data" "$1"; }
# one NVE run: atom-steps/s (wall) of NveRun on JDK 25
nve() {  # $1 N, $2 threads
  local steps=500 warm=300
  [[ $1 -ge 256000 ]] && steps=200 warm=150
  timed "$J25" --add-modules jdk.incubator.vector -cp "$JAR" org.mdsens.benchmarks.NveRun "$D/fcc$1.data" \
      $steps $warm auto "$2" fixed 2>/dev/null | tr ' ' '\n' | awk -F= '/^atom_steps_per_s=/{print $2}'
}

summary=()
echo "# issue3-targets: $(date -u +%FT%TZ), rounds=$ROUNDS"
echo "# CPU: $(awk -F': ' '/model name/{print $2; exit}' /proc/cpuinfo), $(nproc) cores"
echo "# JDK 25: $("$J25" -version 2>&1 | head -1); JDK 17: $("$J17" -version 2>&1 | head -1)"
echo "# load at start: $(cut -d' ' -f1-3 /proc/loadavg)"

if ! skip kernel; then
  echo; echo "## kernel: JMH -f 1 -wi 3 -i 5 -w 1 -r 2, us/op (load $(load))"
  jmh() {  # $1 java, $2.. JMH arguments; prints "benchmark kernel system score" lines
    local csv; csv=$(mktemp)
    timed "$1" -jar "$JAR" -f 1 -wi 3 -i 5 -w 1 -r 2 -rf csv -rff "$csv" "${@:2}" >/dev/null 2>&1
    awk -F, 'NR==1{for(i=1;i<=NF;i++){gsub(/["\r]/,"",$i); c[$i]=i}; next}
             {gsub(/["\r]/,""); k=(c["Param: kernel"]?$c["Param: kernel"]:"-"); print $1, k, $c["Param: system"], $c["Score"]}' "$csv"
    rm -f "$csv"
  }
  k25=$(jmh "$J25" 'KernelBenchmark.forces' -p system=lj3d-4000,lj3d-32000 -p kernel=vector)
  i25=$(jmh "$J25" 'FormulationBenchmark.scalarInline' -p system=lj3d-4000,lj3d-32000)
  k17=$(jmh "$J17" 'KernelBenchmark.forces' -p system=lj3d-4000,lj3d-32000 -p kernel=scalar,auto)
  printf "%s\n%s\n%s\n" "$k25" "$i25" "$k17" | sed 's/^/  /'
  echo "  (load after: $(load))"
  for n in 4000 32000; do
    v=$(awk -v s="lj3d-$n" '$3==s{print $4}' <<< "$k25"); i=$(awk -v s="lj3d-$n" '$3==s{print $4}' <<< "$i25")
    t=1.5; [[ $n == 4000 ]] && t=1.6
    r=$(ratio "$i" "$v"); summary+=("vector vs inline scalar, JDK 25, N=$n: ${r}x (target >= $t): $(verdict "$r" $t)")
    s=$(awk -v s="lj3d-$n" '$2=="scalar" && $3==s{print $4}' <<< "$k17"); a=$(awk -v s="lj3d-$n" '$2=="auto" && $3==s{print $4}' <<< "$k17")
    r=$(ratio "$s" "$a"); summary+=("auto vs scalar, JDK 17, N=$n: ${r}x (target >= 1.0): $(verdict "$r" 1.0)")
  done
fi

if ! skip sizes; then
  echo; echo "## sizes: NveRun, JDK 25, 1 thread, atom-steps/s per round"
  declare -A sz
  for n in 4000 32000 256000; do fcc $n; done
  for ((r = 1; r <= ROUNDS; r++)); do
    for n in 4000 32000 256000; do sz[$n]+="$(nve $n 1) "; done
    echo "  round $r done, load $(load)"
  done
  ns=()
  for n in 4000 32000 256000; do
    m=$(echo "${sz[$n]}" | median); ns+=("$(awk -v m="$m" 'BEGIN{printf "%.1f", 1e9/m}')")
    echo "  N=$n: ${sz[$n]}-> median $m (${ns[-1]} ns/atom-step)"
  done
  spread=$(printf "%s\n" "${ns[@]}" | awk '{a[NR]=$1; s+=$1} END{m=s/NR; lo=hi=0; for(i in a){d=a[i]/m-1; if(d<lo)lo=d; if(d>hi)hi=d}; printf "%+.0f%% .. %+.0f%% around the mean", 100*lo, 100*hi}')
  dev=$(printf "%s\n" "${ns[@]}" | awk '{a[NR]=$1; s+=$1} END{m=s/NR; w=0; for(i in a){d=a[i]/m-1; if(d<0)d=-d; if(d>w)w=d}; print w}')
  summary+=("time per atom-step N=4000/32000/256000: ${ns[*]} ns, $spread (target within +-20%): $(awk -v w="$dev" 'BEGIN{print (w <= 0.20 ? "met" : "MISSED")}')")
fi

if ! skip threads; then
  echo; echo "## threads: NveRun, JDK 25, 1 vs 2 threads, atom-steps/s per round"
  for n in 32000 256000; do
    fcc $n; one=""; two=""
    for ((r = 1; r <= ROUNDS; r++)); do
      one+="$(nve $n 1) "; l1=$(load); two+="$(nve $n 2) "
      echo "  N=$n round $r: load $l1 / $(load)"
    done
    m1=$(echo "$one" | median); m2=$(echo "$two" | median); b1=$(echo "$one" | best); b2=$(echo "$two" | best)
    echo "  N=$n 1 thread: $one; 2 threads: $two"
    r=$(ratio "$m2" "$b1")
    summary+=("2 threads vs best 1-thread run, N=$n: median 2-thread ${r}x, best vs best $(ratio "$b2" "$b1")x, medians $(ratio "$m2" "$m1")x (target >= 1.6): $(verdict "$r" 1.6)")
  done
  # what the two vCPUs give at best: two independent 1-thread runs at once (no shared data, no
  # synchronization), their sum against one run alone in the same round
  echo "  ceiling, N=32000: one 1-thread run alone, then two at once (sum)"
  pair() { local a b; a=$(mktemp); b=$(mktemp); nve_free 32000 > "$a" & nve_free 32000 > "$b"; wait
           awk '{s += $1} END {printf "%.4e", s}' "$a" "$b"; rm -f "$a" "$b"; }
  nve_free() { "$J25" --add-modules jdk.incubator.vector -cp "$JAR" org.mdsens.benchmarks.NveRun "$D/fcc$1.data" 500 300 auto 1 fixed \
      2>/dev/null | tr ' ' '\n' | awk -F= '/^atom_steps_per_s=/{print $2}'; }
  alone=""; both=""
  for ((r = 1; r <= ROUNDS; r++)); do
    alone+="$(timed bash -c "$(declare -f nve_free); J25=$J25 JAR=$JAR D=$D; nve_free 32000") "
    both+="$(timed bash -c "$(declare -f nve_free pair); J25=$J25 JAR=$JAR D=$D; pair") "
    echo "  round $r: alone / two at once, load $(load)"
  done
  echo "  alone: $alone; two at once (sum): $both"
  summary+=("ceiling of this machine, N=32000: two independent 1-thread runs give $(ratio "$(echo "$both" | median)" "$(echo "$alone" | median)")x one (medians; the 2-thread target cannot exceed it)")
fi

if ! skip lammps; then
  echo; echo "## lammps: compare-lammps.sh 32000 500 $ROUNDS"
  out=$(BENCH_LOCK=${BENCH_LOCK:-} "$HERE/compare-lammps.sh" 32000 500 "$ROUNDS")
  echo "$out" | sed 's/^/  /'
  for j in 25 17; do
    line=$(awk -v n="mdsens-jdk$j" '$1==n && /lj\/cut/' <<< "$out")
    [[ -n $line ]] || continue
    a=$(awk '{print $2}' <<< "$line" | tr -d x); b=$(awk '{print $4}' <<< "$line" | tr -d x)
    if [[ $j == 25 ]]; then
      summary+=("mdsens JDK 25 vs LAMMPS lj/cut: ${a}x (>= 1.6): $(verdict "$a" 1.6); vs lj/cut/opt: ${b}x (>= 1.25, stretch 1.5): $(verdict "$b" 1.25)")
    else
      summary+=("mdsens JDK 17 vs LAMMPS lj/cut: ${a}x (>= 1.0): $(verdict "$a" 1.0)")
    fi
  done
fi

if ! skip ka; then
  echo; echo "## ka: KA_ONLY=1 KA_SEEDS=5 compare-lammps.sh"
  out=$(BENCH_LOCK=${BENCH_LOCK:-} KA_ONLY=1 KA_SEEDS=${KA_SEEDS:-5} KA_ALGS=${KA_ALGS:-lbfgs} "$HERE/compare-lammps.sh")
  echo "$out" | sed 's/^/  /'
  while read -r run _ rm_ _ _ _ _ rs _; do
    rm_=${rm_%x}; rs=${rs%x}
    summary+=("KA quench $run vs LAMMPS cg: ms/evaluation ${rm_}x (<= 0.6), median wall ${rs}x (<= 0.8): $(awk -v a="$rm_" -v b="$rs" 'BEGIN{print (a <= 0.6 && b <= 0.8 ? "met" : "MISSED")}')")
  done < <(grep -E '^mdsens-[a-z]+ +ms/eval' <<< "$out")
fi

if ! skip million; then
  echo; echo "## million: 1,000,188 atoms, 100 NVE steps, -Xmx1g, JDK 25"
  fcc 1000188
  log=$(mktemp)
  if timed /usr/bin/time -f "wall_s=%e peak_rss_kb=%M" -o "$log" "$J25" -Xmx1g --add-modules jdk.incubator.vector -cp "$JAR" \
       org.mdsens.benchmarks.NveRun "$D/fcc1000188.data" 100 0 auto 1 fixed 2>/dev/null | sed 's/^/  /'; then
    cat "$log" | sed 's/^/  /'; summary+=("1,000,188 atoms, 100 steps in -Xmx1g: $(cat "$log"): met")
  else
    cat "$log" | sed 's/^/  /'; summary+=("1,000,188 atoms, 100 steps in -Xmx1g: FAILED")
  fi
  rm -f "$log"
fi

echo; echo "## summary ($(date -u +%FT%TZ), load at end $(cut -d' ' -f1-3 /proc/loadavg))"
printf -- "- %s\n" "${summary[@]}"
