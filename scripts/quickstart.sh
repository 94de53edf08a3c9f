#!/usr/bin/env bash
# The main job on the bundled samples: install, build, extract into sitrep.db, show the result.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
rm -f sitrep.db sitrep.db-wal sitrep.db-shm
build/sitrep extract --format none --db sitrep.db --rejects sitrep-rejects.jsonl examples/articles
build/sitrep query --db sitrep.db
