#!/usr/bin/env bash
# Runs every performance benchmark of docs/performance.md, side by side, in one go (~7 minutes on
# 2 cores): builds the agent and benchmarks.jar, runs JMH (traced as text, as JSON Lines and with
# onFailure, untraced, ideal and naive formatting, 4 threads, all with -prof gc), checks the traced
# files for torn lines, times JVM start-up with no agent, a do-nothing agent and the agent, runs
# the JDI stepping baseline, and prints the tables.
#
#   benchmarks/run.sh                      # everything, the short settings below
#   benchmarks/run.sh TracedBenchmark      # a JMH regex: only those benchmarks, one JMH run (start-up and JDI still run)
#   benchmarks/run.sh HotPathExperiment    # the hot-path experiment of docs/performance.md (not in the default set)
#   JMH_OPTS='-f 3 -wi 5 -i 10' benchmarks/run.sh   # longer runs for steadier numbers
#
# Results: benchmarks/target/results/ (jmh*.json, jmh.txt, startup.properties, jdi.properties, summary.md).
set -euo pipefail
cd "$(dirname "$0")/.."   # every path the benchmarks use is relative to the repository root

JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
JAR=benchmarks/target/benchmarks.jar
RESULTS=benchmarks/target/results
JMH_OPTS="${JMH_OPTS:--f 2 -wi 3 -w 1s -i 5 -r 1s}"
UNTRACED_OPTS="${UNTRACED_OPTS:--f 1 -wi 3 -w 1s -i 5 -r 1s}"
UNTRACED_ROUNDS="${UNTRACED_ROUNDS:-5}"
STARTUP_RUNS="${STARTUP_RUNS:-15}"
JDI_N="${JDI_N:-500}"

echo "== build"
mvn -B -q -pl benchmarks -am package -DskipTests
rm -rf benchmarks/target/bench-trace "$RESULTS"
mkdir -p benchmarks/target/bench-trace "$RESULTS"

if [ $# -gt 0 ]; then
  echo "== JMH $1 ($JMH_OPTS -prof gc)"
  # shellcheck disable=SC2086
  "$JAVA" -jar "$JAR" $JMH_OPTS -prof gc -rf json -rff "$RESULTS/jmh.json" "$1" | tee "$RESULTS/jmh.txt"
else
  echo "== JMH: traced and formatting baselines ($JMH_OPTS -prof gc)"
  # shellcheck disable=SC2086
  "$JAVA" -jar "$JAR" $JMH_OPTS -prof gc -rf json -rff "$RESULTS/jmh.json" \
    'io.jsnooper.bench.(Traced|FormattingBaseline)Benchmark' | tee "$RESULTS/jmh.txt"
  # A 2 % target is far below what neighbours' load does to a whole fork on this shared machine,
  # so the untraced forks run in rounds, each round's three forks back to back: ratios are taken
  # within a round, and the report gives the median over rounds.
  for round in $(seq 1 "$UNTRACED_ROUNDS"); do
    echo "== JMH: untraced code with and without the agent, round $round of $UNTRACED_ROUNDS ($UNTRACED_OPTS)"
    # shellcheck disable=SC2086
    "$JAVA" -jar "$JAR" $UNTRACED_OPTS -rf json -rff "$RESULTS/jmh-untraced-round$round.json" \
      'io.jsnooper.bench.UntracedBenchmark' | tee -a "$RESULTS/jmh-untraced.txt"
  done
fi

echo "== torn lines? (the files hold the last measured iteration of each fork)"
for f in benchmarks/target/bench-trace/traced.log benchmarks/target/bench-trace/threads4.log \
    benchmarks/target/bench-trace/traced.jsonl; do
  if [ -s "$f" ]; then "$JAVA" -cp "$JAR" io.jsnooper.bench.TraceCheck "$f"; fi
done
# onFailure: every call of the benchmark returns normally, so its capture must never reach the file
f=benchmarks/target/bench-trace/onfailure.log
if [ -s "$f" ]; then echo "$f: $(wc -l <"$f") lines written by calls that returned normally" >&2; exit 1; fi
if [ -e "$f" ]; then echo "$f: empty, as it must be"; fi

echo "== start-up: no agent, do-nothing agent, agent ($STARTUP_RUNS runs each, taking turns, medians)"
"$JAVA" -cp "$JAR" io.jsnooper.bench.startup.StartupBenchmark "$STARTUP_RUNS" benchmarks/target/startup \
  "$RESULTS/startup.properties"

echo "== JDI line-stepping baseline (n=$JDI_N)"
"$JAVA" -cp "$JAR" io.jsnooper.bench.jdi.JdiLineTracer "$JDI_N" benchmarks/target/bench-trace/jdi.log \
  "$RESULTS/jdi.properties"

echo "== machine"
{
  echo "- CPU: $(lscpu | sed -n 's/^Model name: *//p' | head -1), nproc = $(nproc)"
  echo "- JDK: $("$JAVA" -version 2>&1 | sed -n 2p)"
  echo "- OS: $(uname -sr)"
} | tee "$RESULTS/machine.md"

echo "== summary"
"$JAVA" -cp "$JAR" io.jsnooper.bench.Report "$RESULTS"/jmh*.json "$RESULTS/startup.properties" \
  "$RESULTS/jdi.properties" | tee "$RESULTS/summary.md"
