#!/usr/bin/env bash
# End-to-end browser tests of the dashboard: Debian's Chromium (headless) driven by
# playwright-core against `sitrep serve`. Builds the dashboard and sitrep, makes two databases
# (the example articles plus a few hundred synthetic events; 100,000 synthetic events for the
# timings), starts one server per database on a free loopback port, runs web/test/browser.test.mjs
# and always stops the servers. Screenshots: build/browser-artifacts/. Exit code: the tests'.
#   SITREP_BIN=path      use this sitrep instead of building build/sitrep
#   SITREP_PERF=0        skip the 100,000-event database and timings
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
START=$(date +%s)
log() { echo "test-browser: $*" >&2; }

if ! [ -x /usr/bin/chromium ]; then
  log "installing Debian chromium..."
  timeout 600 apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive timeout 900 apt-get install -y -qq chromium >/dev/null
fi

timeout 600 scripts/build-web.sh
(cd web && timeout 120 node --test test/unit.test.mjs >/dev/null) || { log "unit tests of web/ failed: cd web && npm run test:unit"; exit 1; }

if [ -n "${SITREP_BIN:-}" ]; then
  BIN=$SITREP_BIN
else
  timeout 1800 scripts/build.sh
  BIN=$ROOT/build/sitrep
fi
"$BIN" serve --help >/dev/null 2>&1 || { log "$BIN has no 'serve' command"; exit 1; }

TMP=$(mktemp -d /tmp/sitrep-browser.XXXXXX)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]}"; do
    # Give each server 5 s to stop, then end it.
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  done
  rm -rf "$TMP"
}
trap cleanup EXIT
trap "exit 130" INT TERM

log "sample database..."
timeout 300 "$BIN" extract --db "$TMP/sample.db" examples/articles >/dev/null 2>"$TMP/extract.log" || {
  cat "$TMP/extract.log" >&2; exit 1; }
# Extraction may not place every event yet: add placed synthetic events for the map and filters.
timeout 120 python3 web/test/make-synthetic-db.py --db "$TMP/sample.db" --events 400 --articles 68

if [ "${SITREP_PERF:-1}" != 0 ]; then
  log "100,000-event database..."
  timeout 300 "$BIN" extract --db "$TMP/perf.db" examples/articles >/dev/null 2>>"$TMP/extract.log"
  timeout 300 python3 web/test/make-synthetic-db.py --db "$TMP/perf.db" --events 100000 --total
fi

# Starts `sitrep serve` on a free port and sets SERVED_URL. (Not in a $(...) subshell: the
# server's pid must reach PIDS in this shell for cleanup.)
serve() {
  local db=$1 name=$2
  "$BIN" serve --db "$db" --host 127.0.0.1 --port 0 --allow-ingest --static "$ROOT/web/dist" \
    >"$TMP/$name.out" 2>"$TMP/$name.err" &
  PIDS+=($!)
  local url=""
  for _ in $(seq 300); do
    url=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$TMP/$name.err" "$TMP/$name.out" 2>/dev/null | head -1 | cut -d: -f2- || true)
    [ -n "$url" ] && break
    kill -0 "${PIDS[-1]}" 2>/dev/null || break
    sleep 0.1
  done
  if [ -z "$url" ]; then
    log "sitrep serve ($name) did not start:"; cat "$TMP/$name.err" >&2; return 1
  fi
  for _ in $(seq 100); do
    curl -fsS "$url/api/stats" >/dev/null 2>&1 && break
    sleep 0.1
  done
  SERVED_URL=$url
}

serve "$TMP/sample.db" sample
export SITREP_URL=$SERVED_URL
log "sample server: $SITREP_URL"
if [ "${SITREP_PERF:-1}" != 0 ]; then
  serve "$TMP/perf.db" perf
  export SITREP_PERF_URL=$SERVED_URL
  log "100k server: $SITREP_PERF_URL"
fi
export SITREP_ARTIFACTS=$ROOT/build/browser-artifacts
mkdir -p "$SITREP_ARTIFACTS"

set +e
(cd web && timeout 600 node --test --test-concurrency=1 --test-timeout=180000 test/browser.test.mjs)
rc=$?
set -e
log "done in $(( $(date +%s) - START )) s (exit $rc); screenshots in build/browser-artifacts/"
exit $rc
