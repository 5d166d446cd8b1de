#!/usr/bin/env bash
# Opens the pages the harness writes in a real headless Chromium and checks that a person can scan them: summary
# first, no horizontal scrolling at 390 px, filter and sort by zone, tier and status, no duplicated failure lines,
# tier labels that match each zone's tier, no console errors and no network requests (see the .mjs next to it).
# Installs Chromium (Debian package) and playwright-core (npm) when they are missing.
# Usage: scripts/check-report-in-browser.sh [--screenshots DIR] [page.html[=name] ...]
# Without pages it checks the main job's report, the report of the failing example suite and the example audit,
# which `mvn verify -pl examples -am` leaves in examples/target.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x "${CHROMIUM:-/usr/bin/chromium}" ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "Chromium is missing: install the Debian package 'chromium' or set CHROMIUM" >&2
    exit 1
  fi
fi
tools="target/report-browser-check"
mkdir -p "$tools"
if [ ! -d "$tools/node_modules/playwright-core" ]; then
  npm install --silent --no-audit --no-fund --prefix "$tools" playwright-core@1.65.1 >/dev/null
fi
cp scripts/check-report-in-browser.mjs "$tools/"
args=("$@")
has_page=false
for arg in "$@"; do
  case "$arg" in *.html|*.html=*) has_page=true ;; esac
done
if [ "$has_page" = false ]; then
  args+=(examples/target/compliance-report/index.html=report
         examples/target/report-with-failures/index.html=report-with-failures
         examples/target/audit/index.html=audit)
fi
node "$tools/check-report-in-browser.mjs" "${args[@]}"
