#!/usr/bin/env bash
# Installs the Debian packages sitrep builds and tests with, if any are missing.
# Usage: scripts/install-deps.sh [--test]   (--test adds clang for the fuzz targets, PostgreSQL + PostGIS for the store tests)
set -euo pipefail

packages=(build-essential cmake ninja-build pkg-config git
  libgumbo-dev libsimdjson-dev libcli11-dev libfmt-dev zlib1g-dev libzstd-dev libsqlite3-dev libpq-dev
  libmimalloc-dev
  libcpp-httplib-dev
  libgtest-dev libgmock-dev libbenchmark-dev python3)
if [[ "${1:-}" == "--test" ]]; then
  packages+=(clang libclang-rt-14-dev)
  # Node.js for the dashboard and the peer benchmarks: Debian's, unless a node/npm is already
  # installed (e.g. a nodesource build that bundles npm, which Debian's npm would conflict with).
  command -v node >/dev/null || packages+=(nodejs)
  command -v npm >/dev/null || packages+=(npm)
  packages+=(chromium)  # scripts/test-browser.sh drives it headless
  packages+=(wrk)  # bench/e2e/serve_load.sh
  packages+=(postgresql postgresql-15-postgis-3)  # scripts/with-postgres.sh runs the PostgreSQL tests
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

echo "installing: ${missing[*]}" >&2
sudo=""
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
