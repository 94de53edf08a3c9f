#!/usr/bin/env bash
# Temporal expressions: sitrep vs chrono-node over the same timex-dev documents in one run.
#   Corpus:   ../shared/eval/timex-dev.jsonl (TimeBank + AQUAINT, 256 news documents with TIMEX3
#             gold), read in place; each side processes it $COPIES times (default 20) so that
#             process startup does not dominate.
#   Setup:    npm installs chrono-node into bench/e2e/node_modules (gitignored); sitrep from
#             $SITREP (default build/sitrep, a Release build), single thread.
#   Measures: documents/s — sitrep: wall time of the whole `sitrep annotate` process (startup,
#             JSON in/out and *every* annotation layer included, so timex alone is faster);
#             chrono: the chrono.parse loop inside node (startup and file reading excluded).
#             Best of $RUNS runs each. Value F1 for both with the TempEval-3 style metric of
#             ../shared/eval/README.md: sitrep's from `sitrep eval --kind timex` (the same
#             timex layer annotate runs), chrono's scored by timex_chrono_run.mjs (value
#             mapping documented there). Goal in issue 4: ratio ≥ 100×.
# Usage: bench/e2e/timex_vs_chrono.sh [timex-dev.jsonl]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
corpus=${1:-$root/../shared/eval/timex-dev.jsonl}
sitrep=${SITREP:-$root/build/sitrep}
runs=${RUNS:-3}
copies=${COPIES:-20}

[ -f "$corpus" ] || { echo "corpus $corpus not found" >&2; exit 1; }
[ -x "$sitrep" ] || { echo "$sitrep not built (cmake --build build --target sitrep)" >&2; exit 1; }
if [ ! -d "$here/node_modules/chrono-node" ]; then
  (cd "$here" && npm install --no-audit --no-fund --loglevel=error >&2)
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
gold_dir=$(dirname "$corpus")
"$sitrep" eval --kind timex --gold "$corpus" --gold-dir "$gold_dir" --write-inputs > "$tmp/one.jsonl"
for _ in $(seq "$copies"); do cat "$corpus"; done > "$tmp/gold_copies.jsonl"
for _ in $(seq "$copies"); do cat "$tmp/one.jsonl"; done > "$tmp/inputs.jsonl"
docs=$(wc -l < "$tmp/inputs.jsonl")

read -r c_docs c_secs gold c_pred c_value_tp c_relaxed_tp < <(
  node "$here/timex_chrono_run.mjs" "$tmp/gold_copies.jsonl" "$runs")

best_s=""
for _ in $(seq "$runs"); do
  t0=$(date +%s.%N)
  "$sitrep" annotate --format jsonl "$tmp/inputs.jsonl" > "$tmp/out.jsonl" 2> "$tmp/err.txt"
  t1=$(date +%s.%N)
  secs=$(awk "BEGIN{print $t1 - $t0}")
  if [ -z "$best_s" ] || awk "BEGIN{exit !($secs < $best_s)}"; then best_s=$secs; fi
done
s_value=$("$sitrep" eval --kind timex --gold "$corpus" --gold-dir "$gold_dir" --json |
  node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const r=JSON.parse(s);
    for (const m of r.metrics) if (m.name==="value_f1") console.log(m.value);});')

awk -v d="$docs" -v cd="$c_docs" -v ss="$best_s" -v cs="$c_secs" -v sv="$s_value" \
    -v g="$gold" -v cp="$c_pred" -v ctp="$c_value_tp" -v crt="$c_relaxed_tp" 'BEGIN {
  sd = d / ss; cdps = cd / cs;
  printf "corpus: timex-dev x%d = %d documents\n", d / 256, d;
  printf "sitrep annotate   %9.0f docs/s  (%.3f s, whole process, all layers)\n", sd, ss;
  printf "chrono-node       %9.0f docs/s  (%.3f s, parse loop only)\n", cdps, cs;
  printf "ratio sitrep/chrono  %.1fx  (goal >= 100x)\n", sd / cdps;
  printf "value F1  sitrep %.1f   chrono-node %.1f  (chrono: relaxed F1 %.1f, %d spans for %d gold)\n",
         100 * sv, 100 * 2 * ctp / (g + cp), 100 * 2 * crt / (g + cp), cp, g;
}'
