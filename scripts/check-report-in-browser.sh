#!/usr/bin/env bash
# Opens the example application's compliance report in a real headless Chromium and checks that it
# renders the liability zones without console errors. Installs Chromium (Debian package) and
# playwright-core (npm) when they are missing. Usage: scripts/check-report-in-browser.sh [report] [min-zones]
set -euo pipefail
cd "$(dirname "$0")/.."
report="${1:-examples/target/compliance-report/index.html}"
min_zones="${2:-1}"
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
node "$tools/check-report-in-browser.mjs" "$report" "$min_zones"
