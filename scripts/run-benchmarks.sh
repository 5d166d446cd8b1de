#!/usr/bin/env bash
# Runs the JMH benchmarks and writes one JSON result per benchmark class to benchmarks/results/<Class>.json,
# from which scripts/benchmark-tables.py regenerates the tables in docs/performance.md.
#
#   scripts/run-benchmarks.sh                      # every benchmark, the short settings
#   scripts/run-benchmarks.sh PiiScanBenchmark     # the named classes only
#   SETTINGS="-f 3 -wi 5 -i 10 -w 2s -r 2s" scripts/run-benchmarks.sh   # a quiet machine's settings
#
# The short settings (-f 1 -wi 2 -i 3 -w 1s -r 1s) are the ones the figures in the docs were taken with unless
# the tables say otherwise: JMH records the settings of every run in its JSON, and the tables print them.
# AuditBenchmark needs Kill Bill's jars (scripts/audit-killbill.sh fetches them from Maven Central first).
# Run it on a machine doing nothing else; every ratio in the docs compares two figures of the same run.
set -euo pipefail
cd "$(dirname "$0")/.."

SETTINGS="${SETTINGS:--f 1 -wi 2 -i 3 -w 1s -r 1s}"
ALL=(DecisionBenchmark PiiScanBenchmark PropertyEngineOverheadBenchmark ShrinkingChallengeBenchmark StatefulBenchmark
     PaymentSequenceBenchmark ReportMergeBenchmark AuditBenchmark ZoneDiscoveryBenchmark)
if [ "$#" -gt 0 ]; then CLASSES=("$@"); else CLASSES=("${ALL[@]}"); fi

mvn -B -q package -DskipTests -Dmaven.javadoc.skip -Dmaven.source.skip -pl benchmarks -am
mkdir -p benchmarks/results
for class in "${CLASSES[@]}"; do
  if [ "$class" = AuditBenchmark ] && [ ! -d target/audit-killbill/jars ]; then
    scripts/audit-killbill.sh > /dev/null
  fi
  echo "== $class ($SETTINGS)"
  # shellcheck disable=SC2086
  java -jar benchmarks/target/benchmarks.jar "\.$class\." $SETTINGS -rf json -rff "benchmarks/results/$class.json"
done
python3 scripts/benchmark-tables.py
