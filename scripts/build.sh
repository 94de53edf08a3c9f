#!/usr/bin/env bash
# Builds the release preset; the CLI ends up at build/sitrep (other tooling relies on this path).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake --preset release -G Ninja >/dev/null
cmake --build --preset release --target sitrep -j "$(nproc)"
echo "built: build/sitrep" >&2
