#!/usr/bin/env bash
# Installs what is missing, builds with ASan + UBSan (the dev preset) and runs every test; then
# builds the fuzz targets with clang and runs each briefly on its seed corpus.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --test
jobs=$(nproc)
cmake --preset dev -G Ninja >/dev/null
cmake --build --preset dev -j "$jobs"
scripts/with-postgres.sh ctest --preset dev -j "$jobs"  # SITREP_TEST_PG for the PostgreSQL store tests
if [[ "${SITREP_SKIP_FUZZ:-0}" != 1 ]]; then
  scripts/fuzz.sh "${SITREP_FUZZ_SECONDS:-20}"
fi
