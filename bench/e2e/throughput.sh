#!/usr/bin/env bash
# End-to-end throughput of a sitrep subcommand over a corpus: MB/s, articles/s and peak RSS.
# Usage: bench/e2e/throughput.sh [extract|clean|annotate] [copies]
# Corpus (env SITREP_BENCH_CORPUS):
#   plain   (default) plain text only: the documents of ../shared/eval (`sitrep eval
#           --write-inputs` for events-ucdp, events-gtd, events-acled), built at run time and never
#           stored; without ../shared, the text of the bundled samples (examples/articles).
#   samples the bundled sample articles, plain text and HTML.
# Each document is repeated `copies` times with distinct ids (default: enough for ~10 MB), as
# one JSONL file. For extract, runs 1 and 2 threads per document (no output) and prints the 2-thread
# speed-up, then the default mode (merged across documents, JSONL written) at 2 threads. Results
# are for the machine it runs on; keep runs with `uname -a` and `nproc` when you record them.
set -euo pipefail
cd "$(dirname "$0")/../.."
command=${1:-extract}
copies=${2:-}
corpus=${SITREP_BENCH_CORPUS:-plain}
[[ -x build/sitrep ]] || scripts/build.sh
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
: > "$work/base.jsonl"
if [[ $corpus == plain && -d ../shared/eval ]]; then
  for kind in events-ucdp events-gtd events-acled; do
    build/sitrep eval --kind "$kind" --write-inputs >> "$work/base.jsonl"
  done
  source_note="plain text of ../shared/eval (ucdp, gtd, acled dev documents)"
else
  [[ $corpus == plain ]] && source_note="plain text of examples/articles (../shared absent)" \
    || source_note="examples/articles (plain text and HTML)"
fi
python3 - "$corpus" "$work/base.jsonl" "${copies:-0}" "$work/corpus.jsonl" <<'PY'
import json, os, sys
corpus, base_path, copies, out = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
records = [json.loads(l) for l in open(base_path, encoding="utf-8") if l.strip()]
if not records:
    base = "examples/articles"
    for name in sorted(os.listdir(base)):
        path = os.path.join(base, name)
        if name.endswith(".jsonl"):
            records += [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()]
        elif name.endswith(".html") and corpus != "plain":
            records.append({"id": name, "html": open(path, encoding="utf-8").read()})
        elif name.endswith(".txt"):
            records.append({"id": name, "text": open(path, encoding="utf-8").read()})
    if corpus == "plain":
        records = [r for r in records if "text" in r]
if copies <= 0:
    size = sum(len(json.dumps(r)) + 1 for r in records)
    copies = max(1, round(10e6 / size))
with open(out, "w", encoding="utf-8") as f:
    for i in range(copies):
        for r in records:
            f.write(json.dumps(dict(r, id=f"{r['id']}-{i}")) + "\n")
PY
bytes=$(stat -c %s "$work/corpus.jsonl")
articles=$(wc -l < "$work/corpus.jsonl")
echo "corpus: $source_note; $articles articles, $(python3 -c "print(f'{$bytes/1e6:.1f}')") MB JSONL"
run() {  # run THREADS [merged] -> prints "seconds peak_kb user sys"
  local extra=()
  [[ $command == extract ]] && extra=(--format none --per-document --threads "$1")
  # The default extract merges across documents and holds every event until the end.
  [[ ${2:-} == merged ]] && extra=(--threads "$1")
  /usr/bin/time -f "%e %M %U %S" -o "$work/time.txt" \
    build/sitrep "$command" "${extra[@]}" "$work/corpus.jsonl" > /dev/null 2> "$work/err.txt"
  cat "$work/time.txt"
}
threads_list=(1)
[[ $command == extract ]] && threads_list=(1 2 2m)
declare -A secs
for t in "${threads_list[@]}"; do
  read -r wall kb user sys < <(run "${t%m}" "$([[ $t == *m ]] && echo merged)")
  secs[$t]=$wall
  python3 - "$command" "$bytes" "$articles" "$wall" "$kb" "$user" "$sys" "$t" <<'PY'
import sys
cmd, nbytes, n, wall, kb, user, sysc, t = sys.argv[1:]
nbytes, n, wall, kb, cpu = int(nbytes), int(n), float(wall), int(kb), float(user) + float(sysc)
mode = ", merged across documents, JSONL out" if t.endswith("m") else ""
t = t.rstrip("m")
print(f"sitrep {cmd} ({t} thread{'s' if t != '1' else ''}{mode}): {nbytes/1e6/wall:.1f} MB/s, "
      f"{n/wall:.0f} articles/s ({wall:.2f} s wall; {nbytes/1e6/cpu:.1f} MB/s per CPU-second); "
      f"peak RSS {kb/1024:.0f} MB")
PY
done
if [[ $command == extract ]]; then
  python3 -c "print(f'2-thread speed-up: {${secs[1]}/${secs[2]}:.2f}x')"
fi
