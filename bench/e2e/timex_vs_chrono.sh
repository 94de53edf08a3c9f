#!/usr/bin/env bash
# Temporal expressions: sitrep vs chrono-node over the same timex-dev documents in one run.
#   Corpus:   ../shared/eval/timex-dev.jsonl (TimeBank + AQUAINT, 256 news documents with TIMEX3
#             gold), read in place; both sides get the same document texts and the same
#             reference date (the gold `dct`).
#   Setup:    npm installs chrono-node into bench/e2e/node_modules (gitignored); sitrep's side is
#             the timex_bench binary (bench/micro/timex_bench.cc, BM_FindTimexCorpus) from
#             $TIMEX_BENCH (default: build/bench/timex_bench, else build-bench/bench/timex_bench;
#             an optimized build), and $SITREP (default build/sitrep) for the inputs and F1.
#   Measures: like for like — documents/s of the timex work alone, in process, warm:
#             sitrep: FindTimex(text, dct) over every document, whole passes repeated by Google
#             Benchmark (--benchmark_min_time=$MIN_SECONDS, default 2; over 1 s of CPU time in
#             practice, printed) after one untimed warm-up pass;
#             chrono: chrono.parse(text, ref) over every document, whole passes after one
#             untimed warm-up pass (JIT), until at least $MIN_SECONDS s (timex_chrono_run.mjs).
#             Both are timed in process CPU time (the machine is shared by several jobs, so wall
#             time mostly measures the others; wall-clock numbers are printed too). Reading
#             files, JSON, process start and scoring are outside both timed loops. For reference
#             the script also times the whole `sitrep annotate` process (startup, JSON in/out and
#             every annotation layer, not only timex) over the same documents.
#             Value F1 for both with the TempEval-3 style metric of ../shared/eval/README.md:
#             sitrep's from `sitrep eval --kind timex` (the same timex layer), chrono's scored by
#             timex_chrono_run.mjs (value mapping documented there). Goal in issue 4: ≥ 100×.
# Usage: bench/e2e/timex_vs_chrono.sh [timex-dev.jsonl]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
corpus=${1:-$root/../shared/eval/timex-dev.jsonl}
sitrep=${SITREP:-$root/build/sitrep}
min_seconds=${MIN_SECONDS:-2}
bench=${TIMEX_BENCH:-}
if [ -z "$bench" ]; then
  for b in "$root/build/bench/timex_bench" "$root/build-bench/bench/timex_bench"; do
    if [ -x "$b" ]; then bench=$b; break; fi
  done
fi

[ -f "$corpus" ] || { echo "corpus $corpus not found" >&2; exit 1; }
[ -x "$sitrep" ] || { echo "$sitrep not built (cmake --build build --target sitrep)" >&2; exit 1; }
[ -n "$bench" ] && [ -x "$bench" ] ||
  { echo "timex_bench not built (cmake --build build --target timex_bench)" >&2; exit 1; }
if [ ! -d "$here/node_modules/chrono-node" ]; then
  (cd "$here" && npm install --no-audit --no-fund --loglevel=error >&2)
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
gold_dir=$(dirname "$corpus")
"$sitrep" eval --kind timex --gold "$corpus" --gold-dir "$gold_dir" --write-inputs > "$tmp/one.jsonl"
docs=$(wc -l < "$tmp/one.jsonl")

read -r c_docs c_cpu c_wall c_passes gold c_pred c_value_tp c_relaxed_tp < <(
  node "$here/timex_chrono_run.mjs" "$corpus" "$min_seconds")

SITREP_TIMEX_CORPUS="$tmp/one.jsonl" "$bench" --benchmark_filter=BM_FindTimexCorpus \
  --benchmark_min_time="$min_seconds" --benchmark_format=json > "$tmp/bench.json" 2> /dev/null
read -r s_iters s_cpu s_wall < <(node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const b = r.benchmarks.find((x) => x.name.startsWith("BM_FindTimexCorpus"));
  const scale = {ns: 1e-9, us: 1e-6, ms: 1e-3, s: 1}[b.time_unit];
  // cpu_time/real_time are per iteration (one pass over the corpus).
  console.log(b.iterations, b.iterations * b.cpu_time * scale, b.iterations * b.real_time * scale);
' "$tmp/bench.json")

# Reference only: the whole annotate process over the same documents, copied 20 times.
for _ in $(seq 20); do cat "$tmp/one.jsonl"; done > "$tmp/inputs.jsonl"
t0=$(date +%s.%N)
"$sitrep" annotate --format jsonl "$tmp/inputs.jsonl" > /dev/null 2> /dev/null
t1=$(date +%s.%N)
a_secs=$(awk "BEGIN{print $t1 - $t0}")

s_value=$("$sitrep" eval --kind timex --gold "$corpus" --gold-dir "$gold_dir" --json |
  node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const r=JSON.parse(s);
    for (const m of r.metrics) if (m.name==="value_f1") console.log(m.value);});')

awk -v d="$docs" -v si="$s_iters" -v sc="$s_cpu" -v sw="$s_wall" -v cd="$c_docs" -v cc="$c_cpu" \
    -v cw="$c_wall" -v cp_="$c_passes" -v as="$a_secs" -v sv="$s_value" -v g="$gold" \
    -v cp="$c_pred" -v ctp="$c_value_tp" -v crt="$c_relaxed_tp" 'BEGIN {
  sd = d * si / sc; cdps = cd / cc;
  printf "corpus: timex-dev, %d documents; same texts and reference dates on both sides\n", d;
  printf "timex work only, in process, warm, process CPU time (file reading, JSON, start-up and scoring untimed):\n";
  printf "  timed per document: sitrep FindTimex(text, dct) = tokenize, recognise, normalise to TIMEX3 values;\n";
  printf "                      chrono.parse(text, ref)     = recognise, resolve to dates\n";
  printf "  sitrep FindTimex   %9.0f docs/s  (%d passes, %.2f s CPU, %.2f s wall: %.0f docs/s)\n",
         sd, si, sc, sw, d * si / sw;
  printf "  chrono.parse       %9.0f docs/s  (%d passes, %.2f s CPU, %.2f s wall: %.0f docs/s)\n",
         cdps, cp_, cc, cw, cd / cw;
  printf "  ratio sitrep/chrono  %.1fx  (goal >= 100x)\n", sd / cdps;
  printf "reference: whole sitrep annotate process, all layers: %.0f docs/s wall (%d docs)\n",
         20 * d / as, 20 * d;
  printf "value F1  sitrep %.1f   chrono-node %.1f  (chrono: relaxed F1 %.1f, %d spans for %d gold)\n",
         100 * sv, 100 * 2 * ctp / (g + cp), 100 * 2 * crt / (g + cp), cp, g;
}'
