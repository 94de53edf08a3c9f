#!/usr/bin/env bash
# Incremental merging into a store: `extract --db` run over part A of a multi-report corpus, then
# over part B, stores the same events as one run over A and B (in either order); rerunning a part
# changes nothing. SQLite always; PostgreSQL too when SITREP_TEST_PG is set (scripts/with-postgres.sh).
source "$(dirname "$0")/lib.sh"
corpus=$SRC/tests/golden/merge/reports.jsonl
# Three splits of the team-written corpus: alternate lines, first/second half, and every third line.
awk 'NR % 2 == 1' "$corpus" > "$WORK/odd.jsonl"
awk 'NR % 2 == 0' "$corpus" > "$WORK/even.jsonl"
awk 'NR <= 15' "$corpus" > "$WORK/head.jsonl"
awk 'NR > 15' "$corpus" > "$WORK/tail.jsonl"
awk 'NR % 3 == 0' "$corpus" > "$WORK/third.jsonl"
awk 'NR % 3 != 0' "$corpus" > "$WORK/rest.jsonl"

# The stored events, one canonical JSON line each (keys sorted, evidence sorted).
events() {
  "$SITREP" export --db "$1" --format jsonl | python3 -c '
import json, sys
rows = []
for line in sys.stdin:
    e = json.loads(line)
    e["evidence"] = sorted(e.get("evidence", []), key=lambda s: json.dumps(s, sort_keys=True))
    rows.append(json.dumps(e, sort_keys=True))
print("\n".join(sorted(rows)))'
}
links() {  # the event <-> article links, as the article view lists them
  python3 - "$1" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
for r in sorted(db.execute("SELECT event_id, doc_id FROM event_articles")): print(*r)
PY
}

run_case() {  # run_case NAME DBTARGET_PREFIX A B
  local name=$1 target=$2 a=$3 b=$4
  check "$name: A+B in one run" "$SITREP" extract --format none --db "${target}all" "$WORK/$a.jsonl" "$WORK/$b.jsonl"
  check "$name: A then B" bash -c "'$SITREP' extract --format none --db '${target}ab' '$WORK/$a.jsonl' && \
    '$SITREP' extract --format none --db '${target}ab' '$WORK/$b.jsonl'"
  check "$name: B then A" bash -c "'$SITREP' extract --format none --db '${target}ba' '$WORK/$b.jsonl' && \
    '$SITREP' extract --format none --db '${target}ba' '$WORK/$a.jsonl'"
  events "${target}all" > "$WORK/$name.all"
  events "${target}ab" > "$WORK/$name.ab"
  events "${target}ba" > "$WORK/$name.ba"
  check "$name: merged events stored" test "$(wc -l < "$WORK/$name.all")" -gt 5
  check "$name: A then B equals one run" diff "$WORK/$name.all" "$WORK/$name.ab"
  check "$name: B then A equals one run" diff "$WORK/$name.all" "$WORK/$name.ba"
  check "$name: rerun A" "$SITREP" extract --format none --db "${target}ab" "$WORK/$a.jsonl"
  events "${target}ab" > "$WORK/$name.again"
  check "$name: rerunning A changes nothing" diff "$WORK/$name.all" "$WORK/$name.again"
}

for split in "odd even" "head tail" "third rest"; do
  set -- $split
  run_case "sqlite-$1" "$WORK/$1-" "$1" "$2"
  if [[ -f "$WORK/$1-all" && -f "$WORK/$1-ab" ]]; then
    check "sqlite-$1: same article links" diff <(links "$WORK/$1-all") <(links "$WORK/$1-ab")
  fi
done
# Without merging across runs the second run would duplicate the incidents of the first.
check "a report of a stored incident updates it (fewer events than per-document)" bash -c "
  '$SITREP' extract --format none --per-document --db '$WORK/perdoc.db' '$corpus' &&
  test \$('$SITREP' export --db '$WORK/perdoc.db' --format jsonl | wc -l) -gt \$(wc -l < '$WORK/sqlite-odd.all')"

if [[ -n "${SITREP_TEST_PG:-}" ]] && command -v psql >/dev/null; then
  # A fresh database per run (the migration creates the PostGIS extension in it).
  admin=${SITREP_TEST_PG%/*}/postgres
  pgdb() {
    local name="sitrep_inc_$1_$$"
    psql "$admin" -qAt -c "DROP DATABASE IF EXISTS $name" -c "CREATE DATABASE $name" >/dev/null
    echo "${SITREP_TEST_PG%/*}/$name"
  }
  for split in "odd even" "head tail"; do
    set -- $split
    all=$(pgdb "${1}_all"); ab=$(pgdb "${1}_ab")
    check "pg-$1: A+B in one run" "$SITREP" extract --format none --db "$all" "$WORK/$1.jsonl" "$WORK/$2.jsonl"
    check "pg-$1: A then B" bash -c "'$SITREP' extract --format none --db '$ab' '$WORK/$1.jsonl' && \
      '$SITREP' extract --format none --db '$ab' '$WORK/$2.jsonl'"
    check "pg-$1: A then B equals one run" diff <(events "$all") <(events "$ab")
    check "pg-$1: rerun A" "$SITREP" extract --format none --db "$ab" "$WORK/$1.jsonl"
    check "pg-$1: rerunning A changes nothing" diff <(events "$all") <(events "$ab")
    check "pg-$1: the same as SQLite" diff <(events "$all") "$WORK/sqlite-$1.all"
    for d in "${1}_all" "${1}_ab"; do psql "$admin" -qAt -c "DROP DATABASE IF EXISTS sitrep_inc_${d}_$$" >/dev/null; done
  done
fi
finish
