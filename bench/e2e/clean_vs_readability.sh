#!/usr/bin/env bash
# End-to-end speed: `sitrep clean` vs readability.js (@mozilla/readability on a linkedom DOM),
# both over the same clean-dev pages in one run.
#   Corpus:   ../shared/eval/clean-dev.jsonl.gz (142 news pages, ~26 MB of HTML), read in place.
#   Setup:    npm installs readability + linkedom into bench/e2e/node_modules (gitignored);
#             sitrep from $SITREP (default build/sitrep, a Release build), single thread.
#   Measures: wall time of the whole `sitrep clean` process (startup, JSON parsing, output
#             included) vs readability's parse+extract loop inside node (startup and file reading
#             excluded), best of $RUNS runs each. Expected: ratio ≥ 20×.
# Usage: bench/e2e/clean_vs_readability.sh [pages.jsonl.gz]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
corpus=${1:-$root/../shared/eval/clean-dev.jsonl.gz}
sitrep=${SITREP:-$root/build/sitrep}
runs=${RUNS:-3}

[ -f "$corpus" ] || { echo "corpus $corpus not found" >&2; exit 1; }
[ -x "$sitrep" ] || { echo "$sitrep not built (cmake --build build --target sitrep)" >&2; exit 1; }
if [ ! -d "$here/node_modules/@mozilla/readability" ] || [ ! -d "$here/node_modules/linkedom" ]; then
  (cd "$here" && npm install --no-audit --no-fund --loglevel=error >&2)
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# The gold rows carry both "html" and the gold "text"; sitrep takes exactly one, so keep id+html.
gzip -dc "$corpus" | node -e '
  const rl = require("readline").createInterface({ input: process.stdin, crlfDelay: Infinity });
  rl.on("line", (l) => { if (!l) return; const r = JSON.parse(l);
    process.stdout.write(JSON.stringify({ id: r.id, url: r.url, html: r.html }) + "\n"); });
' > "$tmp/pages.jsonl"

best_r=""
for _ in $(seq "$runs"); do
  read -r pages bytes secs _chars < <(node "$here/readability_run.mjs" "$tmp/pages.jsonl")
  if [ -z "$best_r" ] || awk "BEGIN{exit !($secs < $best_r)}"; then best_r=$secs; fi
done

best_s=""
for _ in $(seq "$runs"); do
  t0=$(date +%s.%N)
  "$sitrep" clean "$tmp/pages.jsonl" > "$tmp/out.jsonl" 2> "$tmp/err.txt"
  t1=$(date +%s.%N)
  secs=$(awk "BEGIN{print $t1 - $t0}")
  if [ -z "$best_s" ] || awk "BEGIN{exit !($secs < $best_s)}"; then best_s=$secs; fi
done
out_pages=$(wc -l < "$tmp/out.jsonl")
if [ "$out_pages" -ne "$pages" ]; then
  echo "warning: sitrep wrote $out_pages documents for $pages pages:" >&2
  tail -3 "$tmp/err.txt" >&2
fi

awk -v p="$pages" -v b="$bytes" -v r="$best_r" -v s="$best_s" -v o="$out_pages" 'BEGIN {
  printf "corpus: %d pages, %.1f MB of HTML\n", p, b / 1e6
  printf "readability.js  %8.1f pages/s  %7.2f MB/s  (%.2f s)\n", p / r, b / r / 1e6, r
  printf "sitrep clean    %8.1f pages/s  %7.2f MB/s  (%.2f s, %d documents out)\n", p / s, b / s / 1e6, s, o
  printf "ratio           %8.1fx\n", r / s
}'
