#!/usr/bin/env bash
# End-to-end throughput of a sitrep subcommand over a corpus: prints MB/s and articles/s.
# Usage: bench/e2e/throughput.sh [extract|clean|annotate] [copies]
# Corpus: the bundled sample articles (plain-text and HTML), each repeated `copies` times with
# distinct ids, as one JSONL file. Results are for the machine it runs on; keep runs with
# `uname -a` and `nproc` when you record them.
set -euo pipefail
cd "$(dirname "$0")/../.."
command=${1:-extract}
copies=${2:-2000}
[[ -x build/sitrep ]] || scripts/build.sh
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$copies" "$work/corpus.jsonl" <<'PY'
import json, os, sys
copies, out = int(sys.argv[1]), sys.argv[2]
records = []
base = "examples/articles"
for name in sorted(os.listdir(base)):
    path = os.path.join(base, name)
    if name.endswith(".jsonl"):
        records += [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()]
    elif name.endswith(".html"):
        records.append({"id": name, "html": open(path, encoding="utf-8").read()})
    elif name.endswith(".txt"):
        records.append({"id": name, "text": open(path, encoding="utf-8").read()})
with open(out, "w", encoding="utf-8") as f:
    for i in range(copies):
        for r in records:
            r = dict(r, id=f"{r['id']}-{i}")
            f.write(json.dumps(r) + "\n")
PY
bytes=$(stat -c %s "$work/corpus.jsonl")
articles=$(wc -l < "$work/corpus.jsonl")
extra=()
[[ $command == extract ]] && extra=(--format none)
start=$(date +%s.%N)
build/sitrep "$command" "${extra[@]}" "$work/corpus.jsonl" > /dev/null 2> "$work/err.txt"
end=$(date +%s.%N)
python3 - "$command" "$bytes" "$articles" "$start" "$end" <<'PY'
import sys
cmd, nbytes, n, start, end = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5])
secs = end - start
print(f"sitrep {cmd}: {n} articles, {nbytes/1e6:.1f} MB input in {secs:.2f} s -> "
      f"{nbytes/1e6/secs:.1f} MB/s, {n/secs:.0f} articles/s (1 thread)")
PY
