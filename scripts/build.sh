#!/usr/bin/env bash
# Builds the release preset; the CLI ends up at build/sitrep (other tooling relies on this path).
# Compiler output goes to build/build.log and is shown only when the build fails.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
mkdir -p build
echo "building sitrep (release; log in build/build.log)..." >&2
if ! { cmake --preset release -G Ninja && cmake --build --preset release --target sitrep -j "$(nproc)"; } \
    > build/build.log 2>&1; then
  tail -40 build/build.log >&2
  echo "build failed; full log in build/build.log" >&2
  exit 1
fi
echo "built: build/sitrep" >&2
