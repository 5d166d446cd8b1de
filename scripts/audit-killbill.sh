#!/usr/bin/env bash
# Audits a real open-source codebase from Maven Central — Kill Bill's payment, invoice and account jars —
# with the harness-audit jar, and writes the text, JSON and HTML reports to target/audit-killbill/.
# Usage: scripts/audit-killbill.sh [kill-bill-version]   (default 0.25.4, the newest on Maven Central
# on 2026-12-01; 0.24.0 and 0.22.32 do not resolve there). Not part of the default test run: it builds the
# audit jar and downloads three jars (about 1 MB): about 3 minutes in all on a busy 2-core machine.
set -euo pipefail
cd "$(dirname "$0")/.."
version="${1:-0.25.4}"
out=target/audit-killbill
mkdir -p "$out/jars"
# The jars are on Maven Central but their parent POM (org.kill-bill.billing:killbill) is not, so newer
# dependency plugins refuse them; 2.8's get with transitive=false and dest fetches the jar alone.
for artifact in killbill-payment killbill-invoice killbill-account; do
  mvn -B -q -N org.apache.maven.plugins:maven-dependency-plugin:2.8:get -Dtransitive=false \
    -Dartifact="org.kill-bill.billing:$artifact:$version" -Ddest="$out/jars/$artifact-$version.jar"
done
mvn -B -q package -pl harness-audit -am -DskipTests -Dmaven.javadoc.skip=true
jar="$(ls harness-audit/target/harness-audit-*-cli.jar)"
jars=("$out"/jars/killbill-{payment,invoice,account}-"$version".jar)
java -jar "$jar" --format json --output "$out/audit.json" "${jars[@]}"
java -jar "$jar" --format html --output "$out/audit.html" "${jars[@]}"
java -jar "$jar" --top 15 --governance "${jars[@]}" | tee "$out/audit.txt"
