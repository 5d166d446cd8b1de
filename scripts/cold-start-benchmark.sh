#!/usr/bin/env bash
# Cold start (issue 19): what the first compliance decision and the first harness test add to a fresh test JVM,
# next to the hand-written checks, measured in the same run. Each case runs once in each of many forked JVMs
# (JMH SingleShotTime), on the benchmarks module's real class path (many jars, as under Surefire), not the shaded jar.
#
#   scripts/cold-start-benchmark.sh [forks] [extra JMH options]
#
# Environment:
#   OUTPUT      the JSON file to write (default benchmarks/results/coldstart.json)
#   MAVEN_ARGS  extra Maven options for the build, for example -Dmaven.repo.local=/path/to/repository
#   SKIP_BUILD  set to 1 to reuse benchmarks/target as it is
#
# Builds what it needs first (offline), prints the load average before and after the run and stores the load
# before it in the JSON (JMH records the forks' JVM options: -Dbenchmark.loadAverage=...), and writes JMH's JSON
# (scorePercentiles."50.0" is the median over the forks). python3 scripts/benchmark-tables.py turns it into the
# cold-start rows of docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
forks="${1:-20}"
shift || true
output="${OUTPUT:-benchmarks/results/coldstart.json}"
if [[ "${SKIP_BUILD:-0}" != 1 || ! -f benchmarks/target/classpath.txt ]]; then
  # shellcheck disable=SC2086 # MAVEN_ARGS is a list of options
  mvn -B -o -q package -pl benchmarks -am -DskipTests -Dmaven.javadoc.skip -DskipITs ${MAVEN_ARGS:-}
fi
classpath="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
load="$(cut -d' ' -f1-3 /proc/loadavg | tr ' ' ',')"
echo "load average before: $load on $(nproc) cores ($(uptime))"
java -cp "$classpath" org.openjdk.jmh.Main ColdStartBenchmark -f "$forks" \
  -jvmArgsAppend "-Dbenchmark.loadAverage=$load -Dbenchmark.cores=$(nproc)" -rf json -rff "$output" "$@"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg | tr ' ' ',') on $(nproc) cores ($(uptime))"
