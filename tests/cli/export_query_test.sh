#!/usr/bin/env bash
# `sitrep query` filters and errors, `sitrep export` formats, on a database with hand-made events
# (inserted with the sqlite3 module in the version-6 layout; the event stages may not emit yet).
source "$(dirname "$0")/lib.sh"
db=$WORK/q.db
check "extract creates the database" "$SITREP" extract --format none --db "$db" "$SRC/examples/articles"
python3 - "$db" <<'PY'
import json, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
# Start from known events only: drop what the event stages extracted from the samples.
for table in ("event_articles", "events"):
    db.execute(f"DELETE FROM {table}")
# Schema 6: the fields without a column go to `extra` (src/store/event_row.h).
EXTRA = ["doc_ids", "time_precision", "date_prec", "interaction", "geo_precision", "where_prec", "deaths_low",
         "deaths_high", "deaths_unknown"]
def ev(eid, date, typ, sub, country, iso3, lat, lon, fat, actor, notes):
    e = {"event_id": eid, "doc_ids": ["wire-0412-a"], "event_type": typ, "sub_event_type": sub,
         "date_start": date, "date_end": date, "event_date": date, "time_precision": 1, "date_prec": 1,
         "actor1": actor, "actor2": None, "assoc_actor_1": [], "assoc_actor_2": [], "inter1": 1,
         "inter2": 0, "interaction": 10, "side_a": None, "side_b": None, "country": country,
         "iso3": iso3, "admin1": None, "admin2": None, "location": "X", "latitude": lat,
         "longitude": lon, "geonameid": None, "geo_precision": 1, "where_prec": 1,
         "fatalities": fat, "deaths_best": fat, "deaths_low": fat, "deaths_high": fat,
         "deaths_side_a": 0, "deaths_side_b": 0, "deaths_civilians": 0, "deaths_unknown": fat,
         "injured": None, "named_persons": [], "historical": False, "confidence": 0.9,
         "notes": notes, "evidence": []}
    db.execute("INSERT INTO events(event_id, event_date, date_start, date_end, event_type, "
               "sub_event_type, country, iso3, location, latitude, longitude, fatalities, deaths_best, "
               "actor1, inter1, confidence, notes, extra) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
               (eid, date, date, date, typ, sub, country, iso3, "X", lat, lon, fat, fat, actor, 1, 0.9,
                notes, json.dumps({k: e[k] for k in EXTRA})))
    db.execute("INSERT INTO event_articles VALUES (?, 'wire-0412-a')", (eid,))
    # Schema 4+: the sink, not a trigger, indexes new rows in FTS5; a raw insert does it itself.
    db.execute("INSERT INTO events_fts(rowid, notes) SELECT rid, notes FROM events WHERE event_id = ?", (eid,))
ev("e1", "2025-04-12", "Explosions/Remote violence", "Shelling/artillery/missile attack", "Ukraine",
   "UKR", 46.64, 32.61, 3, "Military Forces of Russia", "Shelling of Kherson, three killed, \"heavy\" damage")
ev("e2", "2025-05-21", "Explosions/Remote violence", "Air/drone strike", "Mali", "MLI", 16.27, -0.04,
   8, "Military Forces of Mali", "Drone strike near Gao")
ev("e3", "2025-06-02", "Battles", "Armed clash", "Sudan", "SDN", None, None, 0, "RSF", "Fighting around El Fasher")
db.commit()
PY
q() { "$SITREP" query --db "$db" "$@"; }
check "country filter" bash -c "$(declare -f q); db='$db'; SITREP='$SITREP'; q --country mli | grep -q '^e2 '"
check "bbox filter" bash -c "$(declare -f q); db='$db'; SITREP='$SITREP'; [[ \$(q --bbox 30,40,35,50 --json | wc -l) -eq 1 ]]"
check "text filter (FTS)" bash -c "$(declare -f q); db='$db'; SITREP='$SITREP'; q --text 'fasher' --json | grep -q '\"e3\"'"
check "unfiltered table keeps the articles" bash -c "$(declare -f q); db='$db'; SITREP='$SITREP'; q | grep -q '^Articles in'"
check "bad date is a usage error" bash -c "! '$SITREP' query --db '$db' --from 2025-02-31 2>'$WORK/e' ; grep -q 'bad from date' '$WORK/e'"
check "bad bbox is a usage error" bash -c "'$SITREP' query --db '$db' --bbox 1,2,3 2>'$WORK/e'; [[ \$? -eq 2 ]] && grep -q 'bad bbox' '$WORK/e'"
before=$(sha256sum "$db" | cut -d' ' -f1)
check "injection string finds nothing" bash -c "[[ \$('$SITREP' query --db '$db' --json --country \"x' OR '1'='1\" | wc -l) -eq 0 ]]"
check "database unchanged by the injection" bash -c "python3 -c \"import sqlite3; print(sqlite3.connect('$db').execute('select count(*) from events').fetchone()[0])\" | grep -qx 3"
"$SITREP" export --db "$db" --format acled-csv -o "$WORK/a.csv" 2>/dev/null
check "acled header" bash -c "head -1 '$WORK/a.csv' | grep -q '^event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp'"
check "acled csv parses with 31 columns and quoting" python3 -c "
import csv,sys
rows=list(csv.reader(open('$WORK/a.csv', newline='')))
assert len(rows)==4 and all(len(r)==31 for r in rows), rows
assert rows[1][27]=='Shelling of Kherson, three killed, \"heavy\" damage', rows[1][27]"
"$SITREP" export --db "$db" --format ucdp-csv --country Mali > "$WORK/u.csv" 2>/dev/null
check "ucdp csv with a filter" python3 -c "
import csv
rows=list(csv.DictReader(open('$WORK/u.csv', newline='')))
assert len(rows)==1 and rows[0]['id']=='e2' and rows[0]['best']=='8' and rows[0]['longitude']=='-0.04', rows"
"$SITREP" export --db "$db" --format geojson -o "$WORK/g.geojson" 2>/dev/null
check "geojson FeatureCollection, lon/lat, null geometry kept" python3 -c "
import json
g=json.load(open('$WORK/g.geojson'))
assert g['type']=='FeatureCollection' and len(g['features'])==3
f={x['id']:x for x in g['features']}
assert f['e2']['geometry']['coordinates']==[-0.04,16.27] and f['e3']['geometry'] is None"
"$SITREP" export --db "$db" --format jsonl > "$WORK/j.jsonl" 2>/dev/null
check "jsonl export" bash -c "[[ \$(wc -l < '$WORK/j.jsonl') -eq 3 ]]"
check "unknown format refused" bash -c "! '$SITREP' export --db '$db' --format xml 2>/dev/null"
finish
