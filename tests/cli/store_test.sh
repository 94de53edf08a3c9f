#!/usr/bin/env bash
# extract --db stores every article once; a rerun is idempotent; query shows the table.
source "$(dirname "$0")/lib.sh"
db=$WORK/s.db
check "extract into db" "$SITREP" extract --format none --db "$db" "$SRC/examples/articles"
count() { python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from articles').fetchone()[0])" "$db"; }
check "seven articles stored" test "$(count)" -eq 7
check "rerun" "$SITREP" extract --format none --db "$db" "$SRC/examples/articles"
check "still seven after rerun" test "$(count)" -eq 7
"$SITREP" query --db "$db" > "$WORK/table.txt"
check "table lists the articles" grep -q "wire-0412-a" "$WORK/table.txt"
check "table has the events section" grep -q "^Events" "$WORK/table.txt"
printf 'not a database' > "$WORK/bad.db"
check "a non-database file is refused with a message" bash -c "! '$SITREP' query --db '$WORK/bad.db' 2> '$WORK/e.txt' && grep -q 'sitrep:' '$WORK/e.txt'"
finish
