#!/usr/bin/env bash
# Installs what is missing, builds with ASan + UBSan (the dev preset) and runs every test:
# unit, golden, regression and CLI tests (ctest, with a throwaway PostgreSQL + PostGIS server for
# the PostgreSQL store), the dashboard's browser tests (Debian Chromium, headless), then each
# libFuzzer target briefly.
#   SITREP_SKIP_BROWSER=1   skip the browser tests     SITREP_SKIP_FUZZ=1   skip fuzzing
#   SITREP_FUZZ_SECONDS=N   seconds per fuzz target (default 20)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --test
jobs=$(nproc)
cmake --preset dev -G Ninja >/dev/null
cmake --build --preset dev -j "$jobs"
scripts/with-postgres.sh ctest --preset dev -j "$jobs"  # SITREP_TEST_PG for the PostgreSQL store tests
if [[ "${SITREP_SKIP_BROWSER:-0}" != 1 ]]; then
  SITREP_PERF=0 SITREP_BIN="$PWD/build-dev/sitrep" scripts/test-browser.sh
fi
if [[ "${SITREP_SKIP_FUZZ:-0}" != 1 ]]; then
  scripts/fuzz.sh "${SITREP_FUZZ_SECONDS:-20}"
fi
