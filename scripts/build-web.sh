#!/usr/bin/env bash
# Builds the dashboard (web/) into web/dist, which `sitrep serve` serves. Needs Node.js and npm
# (the npm registry for `npm ci`); the C++ build does not depend on this.
set -euo pipefail
cd "$(dirname "$0")/../web"
command -v npm >/dev/null || { echo "build-web: npm not found (install Node.js 20+)" >&2; exit 1; }
# npm ci is skipped when node_modules is newer than package.json and package-lock.json (npm
# writes node_modules/.package-lock.json on every install).
stamp=node_modules/.package-lock.json
if ! [ -f "$stamp" ] || [ package-lock.json -nt "$stamp" ] || [ package.json -nt "$stamp" ]; then
  echo "build-web: npm ci..." >&2
  npm ci --no-audit --no-fund --loglevel=error
fi
npm run --silent build -- --logLevel warn
echo "build-web: built web/dist" >&2
