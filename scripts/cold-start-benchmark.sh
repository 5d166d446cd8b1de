#!/usr/bin/env bash
# Cold start (issue 19): what the first compliance decision and the first harness test add to a fresh test JVM,
# next to the hand-written checks, measured in the same run. Each case runs once in each of many forked JVMs
# (JMH SingleShotTime), on the benchmarks module's real class path (many jars, as under Surefire), not the shaded jar.
#
#   scripts/cold-start-benchmark.sh [forks] [extra JMH options]
#
# Builds what it needs first (offline), prints the load average with the run and writes
# benchmarks/results/coldstart.json (JMH JSON; scorePercentiles."50.0" is the median over the forks).
set -euo pipefail
cd "$(dirname "$0")/.."
forks="${1:-20}"
shift || true
if [[ ! -f benchmarks/target/classpath.txt || ! -d benchmarks/target/classes ]]; then
  mvn -B -o -q package -pl benchmarks -am -DskipTests -Dmaven.javadoc.skip -DskipITs
fi
classpath="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
java -cp "$classpath" org.openjdk.jmh.Main ColdStartBenchmark -f "$forks" -rf json -rff benchmarks/results/coldstart.json "$@"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
