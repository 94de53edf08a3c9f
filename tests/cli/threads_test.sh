#!/usr/bin/env bash
# `extract --threads N`: documents run in parallel but events, rejects and the summary come out
# in input order, identical for any thread count, merged or per document.
source "$(dirname "$0")/lib.sh"
cd "$WORK"
python3 - "$SRC" <<'PY'
import json, os, sys
src = sys.argv[1]
base = os.path.join(src, "examples/articles")
records = []
for name in sorted(os.listdir(base)):
    path = os.path.join(base, name)
    if name.endswith(".jsonl"):
        records += [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()]
    elif name.endswith(".html"):
        records.append({"id": name, "html": open(path, encoding="utf-8").read()})
    elif name.endswith(".txt"):
        records.append({"id": name, "text": open(path, encoding="utf-8").read()})
with open("in.jsonl", "w", encoding="utf-8") as f:
    for i in range(6):
        for k, r in enumerate(records):
            f.write(json.dumps(dict(r, id=f"{r['id']}-{i}")) + "\n")
            if k % 3 == 1:  # damaged records between good ones: rejects keep their place
                f.write('{"id": "broken-%d-%d", "text": "unterminated\n' % (i, k))
                f.write(json.dumps({"id": f"both-{i}-{k}", "text": "a", "html": "<p>b</p>"}) + "\n")
PY
for mode in "--per-document" ""; do
  for t in 1 2 4 7; do
    check "extract $mode --threads $t runs" "$SITREP" extract $mode --threads "$t" \
      --rejects "rej$t$mode.jsonl" in.jsonl > "out$t$mode.jsonl" 2> "err$t$mode.txt"
  done
  check "extract $mode found events" test -s "out1$mode.jsonl"
  check "extract $mode has rejects" test -s "rej1$mode.jsonl"
  for t in 2 4 7; do
    check "events $mode: 1 vs $t threads identical" cmp -s "out1$mode.jsonl" "out$t$mode.jsonl"
    check "rejects $mode: 1 vs $t threads identical" cmp -s "rej1$mode.jsonl" "rej$t$mode.jsonl"
    check "stderr $mode: 1 vs $t threads identical" cmp -s "err1$mode.txt" "err$t$mode.txt"
  done
done
check "--threads 0 is a usage error" bash -c "! '$SITREP' extract --threads 0 in.jsonl > /dev/null 2>&1"
finish
