#!/usr/bin/env bash
# A `sitrep extract --db` killed with SIGKILL mid-run leaves a consistent database; rerunning it
# gives exactly the database of an uninterrupted run (canonical dump: every table, sorted rows,
# without internal row ids). Also: query/export on the result, and a second rerun is a no-op.
source "$(dirname "$0")/lib.sh"
n=${SITREP_CRASH_ARTICLES:-3000}
python3 - "$WORK/in.jsonl" "$n" <<'PY'
import json, random, sys
rng = random.Random(8)
places = ["Ramadi", "Gao", "Kherson", "Mogadishu", "El Fasher", "Kaduna", "Goma", "Marib"]
verbs = ["shelled", "attacked", "raided", "bombed", "stormed"]
with open(sys.argv[1], "w") as f:
    for i in range(int(sys.argv[2])):
        p = rng.choice(places)
        text = " ".join(
            f"Fighters {rng.choice(verbs)} positions near {p} on day {rng.randint(1, 28)}, "
            f"killing {rng.randint(0, 40)} people, officials said." for _ in range(rng.randint(3, 12)))
        f.write(json.dumps({"id": f"art-{i:05d}", "title": f"Report {i} from {p}",
                            "published": f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                            "text": text}) + "\n")
PY
dump() {
  python3 - "$1" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
assert db.execute("PRAGMA foreign_key_check").fetchall() == []
for table in ["articles", "events", "event_articles"]:
    cols = [r[1] for r in db.execute(f"PRAGMA table_info({table})") if r[1] != "rid"]
    rows = sorted(db.execute(f"SELECT {', '.join(cols)} FROM {table}").fetchall(), key=repr)
    print(table, len(rows))
    for r in rows: print(repr(r))
# The indexes agree with the tables.
print("fts", db.execute("SELECT count(*) FROM articles_fts").fetchone()[0])
db.execute("INSERT INTO events_fts(events_fts) VALUES ('integrity-check')")
db.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
print("indexes", sorted(r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")))
PY
}
count() { python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from articles').fetchone()[0])" "$1" 2>/dev/null || echo 0; }

check "clean run" "$SITREP" extract --format none --db "$WORK/clean.db" "$WORK/in.jsonl"
dump "$WORK/clean.db" > "$WORK/clean.txt"
check "clean run stored every article" test "$(count "$WORK/clean.db")" -eq "$n"

# One process starts the run, polls the database every few milliseconds and kills the run
# once the first batch is committed (a poll per new python3 process reacted too slowly on a
# loaded machine: the run could finish before the kill).
partial=$(python3 - "$SITREP" "$WORK/crash.db" "$WORK/in.jsonl" <<'PY'
import signal, sqlite3, subprocess, sys, time
sitrep, db, inputs = sys.argv[1:]
run = subprocess.Popen([sitrep, "extract", "--format", "none", "--db", db, inputs],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
def count():
    try:  # read-only: never creates the file before sitrep does
        c = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.01)
    except sqlite3.Error:
        return 0
    try:
        return c.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0
    finally:
        c.close()
deadline = time.monotonic() + 120
while run.poll() is None and time.monotonic() < deadline and count() == 0:
    time.sleep(0.002)
run.send_signal(signal.SIGKILL)
run.wait()
print(count())
PY
)
echo "killed after $partial of $n articles"
check "the kill came mid-way" test "$partial" -gt 0 -a "$partial" -lt "$n"
check "killed database is consistent" bash -c "$(declare -f dump); dump '$WORK/crash.db' > /dev/null"
check "rerun to completion" "$SITREP" extract --format none --db "$WORK/crash.db" "$WORK/in.jsonl"
dump "$WORK/crash.db" > "$WORK/crash.txt"
check "resumed database equals the uninterrupted one" cmp -s "$WORK/clean.txt" "$WORK/crash.txt"
check "another rerun" "$SITREP" extract --format none --db "$WORK/crash.db" "$WORK/in.jsonl"
dump "$WORK/crash.db" > "$WORK/again.txt"
check "a rerun changes nothing" cmp -s "$WORK/clean.txt" "$WORK/again.txt"
finish
