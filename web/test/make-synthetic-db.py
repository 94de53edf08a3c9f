#!/usr/bin/env python3
"""Adds N synthetic events (and their source articles and evidence) to a sitrep SQLite store.

For the dashboard's browser tests: the performance run needs 100,000 events with coordinates,
and the extraction stages do not yet place every event. sitrep has no import path for events, so
this writes the store's rows directly.

COUPLED to the store schema in src/store/sqlite_store.cc (schema versions 2-6: tables articles,
events, event_articles, evidence (up to 5); FTS and R*Tree filled by triggers up to 3, by this
script from 4; version 5 has no R*Tree, its FTS reads the events' notes itself (external content);
version 6 keeps, instead of each event's JSON, its `extra` JSON: the fields without a column, see
src/store/event_row.h) and to the event JSON that src/store/event_json_read.cc parses. The database must already exist (create it
with `sitrep extract --db PATH ...`); the script refuses any other schema version or events
column list.

  python3 web/test/make-synthetic-db.py --db /tmp/x.db --events 100000
"""
import argparse, datetime, hashlib, json, random, sqlite3, sys

# Versions whose tables this script writes correctly (3 added indexes and a trigger-filled
# country_codes table to version 2; 4 dropped the insert trigger of events_fts and events_rtree,
# which the sink now fills per batch, so this script fills them itself for version 4; 5 replaced the
# R*Tree by an ordinary index on (longitude, latitude) and made events_fts an external-content
# table, still filled by this script; 6 replaced the json column by extra and dropped evidence).
SCHEMA_VERSIONS = (2, 3, 4, 5, 6)
EVENT_COLUMNS = ["rid", "event_id", "event_date", "date_start", "date_end", "event_type", "sub_event_type",
                 "country", "iso3", "admin1", "admin2", "location", "latitude", "longitude", "fatalities",
                 "deaths_best", "actor1", "actor2", "inter1", "inter2", "confidence", "historical", "notes"]

# (country, iso3, admin1, location, lat, lon, state forces, a non-state actor)
PLACES = [
    ("Mali", "MLI", "Ménaka", "Ménaka", 15.918, 2.402, "Military Forces of Mali", "Islamic State Sahel Province"),
    ("Mali", "MLI", "Mopti", "Mopti", 14.49, -4.18, "Military Forces of Mali", "JNIM: Group for Support of Islam and Muslims"),
    ("Mali", "MLI", "Gao", "Gao", 16.27, -0.04, "Military Forces of Mali", "Islamic State Sahel Province"),
    ("Mali", "MLI", "Tombouctou", "Timbuktu", 16.77, -3.01, "Military Forces of Mali", "JNIM: Group for Support of Islam and Muslims"),
    ("Burkina Faso", "BFA", "Sahel", "Djibo", 14.10, -1.63, "Military Forces of Burkina Faso", "JNIM: Group for Support of Islam and Muslims"),
    ("Burkina Faso", "BFA", "Est", "Fada N'Gourma", 12.06, 0.36, "Military Forces of Burkina Faso", "Islamic State Sahel Province"),
    ("Niger", "NER", "Tillabéri", "Tillabéri", 14.21, 1.45, "Military Forces of Niger", "Islamic State Sahel Province"),
    ("Nigeria", "NGA", "Borno", "Maiduguri", 11.85, 13.16, "Military Forces of Nigeria", "Islamic State West Africa Province"),
    ("Nigeria", "NGA", "Kaduna", "Kaduna", 10.52, 7.44, "Police Forces of Nigeria", "Unidentified Armed Group (Nigeria)"),
    ("Nigeria", "NGA", "Zamfara", "Gusau", 12.17, 6.66, "Military Forces of Nigeria", "Unidentified Armed Group (Nigeria)"),
    ("Somalia", "SOM", "Banaadir", "Mogadishu", 2.04, 45.34, "Military Forces of Somalia", "Al Shabaab"),
    ("Somalia", "SOM", "Lower Shabelle", "Afgooye", 2.14, 45.12, "Military Forces of Somalia", "Al Shabaab"),
    ("Somalia", "SOM", "Hiraan", "Beledweyne", 4.74, 45.20, "Military Forces of Somalia", "Al Shabaab"),
    ("Sudan", "SDN", "Khartoum", "Omdurman", 15.64, 32.48, "Military Forces of Sudan", "Rapid Support Forces"),
    ("Sudan", "SDN", "North Darfur", "El Fasher", 13.63, 25.35, "Military Forces of Sudan", "Rapid Support Forces"),
    ("Sudan", "SDN", "West Darfur", "El Geneina", 13.45, 22.45, "Rapid Support Forces", "Masalit Ethnic Militia (Sudan)"),
    ("Democratic Republic of Congo", "COD", "Nord-Kivu", "Goma", -1.68, 29.22, "Military Forces of the Democratic Republic of Congo", "M23: March 23 Movement"),
    ("Democratic Republic of Congo", "COD", "Ituri", "Bunia", 1.56, 30.25, "Military Forces of the Democratic Republic of Congo", "CODECO: Cooperative for Development of Congo"),
    ("Syria", "SYR", "Idlib", "Idlib", 35.93, 36.63, "Military Forces of Syria", "Hayat Tahrir al Sham"),
    ("Syria", "SYR", "Deir ez Zor", "Deir ez Zor", 35.34, 40.14, "Syrian Democratic Forces", "Islamic State"),
    ("Iraq", "IRQ", "Anbar", "Ramadi", 33.42, 43.30, "Military Forces of Iraq", "Islamic State"),
    ("Iraq", "IRQ", "Ninawa", "Mosul", 36.34, 43.13, "Military Forces of Iraq", "Islamic State"),
    ("Yemen", "YEM", "Taizz", "Taizz", 13.58, 44.02, "Military Forces of Yemen", "Ansar Allah"),
    ("Yemen", "YEM", "Marib", "Marib", 15.46, 45.32, "Military Forces of Yemen", "Ansar Allah"),
    ("Afghanistan", "AFG", "Nangarhar", "Jalalabad", 34.43, 70.45, "Military Forces of Afghanistan", "Islamic State Khorasan Province"),
    ("Pakistan", "PAK", "Khyber Pakhtunkhwa", "Peshawar", 34.01, 71.58, "Military Forces of Pakistan", "Tehrik-i-Taliban Pakistan"),
    ("Myanmar", "MMR", "Sagaing", "Monywa", 22.11, 95.13, "Military Forces of Myanmar", "People's Defense Force"),
    ("Myanmar", "MMR", "Shan", "Lashio", 22.93, 97.75, "Military Forces of Myanmar", "Ta'ang National Liberation Army"),
    ("Ukraine", "UKR", "Donetsk", "Bakhmut", 48.59, 38.00, "Military Forces of Ukraine", "Military Forces of Russia"),
    ("Ukraine", "UKR", "Kharkiv", "Kupiansk", 49.71, 37.62, "Military Forces of Ukraine", "Military Forces of Russia"),
    ("Colombia", "COL", "Cauca", "Popayán", 2.44, -76.61, "Military Forces of Colombia", "ELN: National Liberation Army"),
    ("Mexico", "MEX", "Guerrero", "Chilpancingo", 17.55, -99.50, "Police Forces of Mexico", "Unidentified Armed Group (Mexico)"),
    ("Kenya", "KEN", "Nairobi", "Nairobi", -1.29, 36.82, "Police Forces of Kenya", "Protesters (Kenya)"),
    ("Haiti", "HTI", "Ouest", "Port-au-Prince", 18.54, -72.34, "Police Forces of Haiti", "Viv Ansanm"),
]

TYPES = [  # (type, sub-type, weight, inter2 code for the second actor, or None)
    ("Battles", "Armed clash", 30, 2),
    ("Battles", "Government regains territory", 2, 2),
    ("Battles", "Non-state actor overtakes territory", 2, 2),
    ("Explosions/Remote violence", "Air/drone strike", 10, 2),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", 10, 2),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED", 5, 2),
    ("Explosions/Remote violence", "Suicide bomb", 1, 7),
    ("Violence against civilians", "Attack", 15, 7),
    ("Violence against civilians", "Abduction/forced disappearance", 4, 7),
    ("Protests", "Peaceful protest", 8, None),
    ("Protests", "Protest with intervention", 2, 6),
    ("Riots", "Violent demonstration", 3, None),
    ("Riots", "Mob violence", 2, 7),
    ("Strategic developments", "Arrests", 3, None),
    ("Strategic developments", "Looting/property destruction", 2, None),
]

START = datetime.date(2023, 1, 1)
DAYS = 731


def article_text(p, date, kind, n, actor1, actor2):
    # Non-ASCII place names and a dash make byte offsets differ from character offsets.
    lead = f"{p[3].upper()} — "
    s1 = f"{actor1} and {actor2 or 'local residents'} were involved in an incident ({kind.lower()}) near {p[3]}, {p[2]}, "
    s2 = f"on {date.strftime('%d %B %Y')}. "
    s3 = f"At least {n} people were killed, officials said. " if n else "No one was reported killed. "
    s4 = "Residents described gunfire lasting several hours; humanitarian groups called for restraint.\n\n" \
         "The report could not be independently verified."
    text = lead + s1 + s2 + s3 + s4
    spans = {}

    def span(field, piece):
        start_ch = text.index(piece)
        b = len(text[:start_ch].encode("utf-8"))
        spans.setdefault(field, []).append((b, b + len(piece.encode("utf-8")), piece))

    span("actor1", actor1)
    if actor2:
        span("actor2", actor2)
    span("location", p[3] + ", " + p[2])
    span("event_date", date.strftime('%d %B %Y'))
    span("sub_event_type", kind.lower())
    span("fatalities", s3.strip())
    return text, spans


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", required=True)
    ap.add_argument("--events", type=int, default=100000)
    ap.add_argument("--articles", type=int, default=500, help="distinct source articles (events beyond share them)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--prefix", default="syn")
    ap.add_argument("--total", action="store_true", help="add only as many as make the store hold --events")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    db = sqlite3.connect(a.db)
    ver = db.execute("PRAGMA user_version").fetchone()[0]
    cols = [r[1] for r in db.execute("PRAGMA table_info(events)")]
    if ver not in SCHEMA_VERSIONS or cols != EVENT_COLUMNS + (["extra"] if ver >= 6 else ["json"]):
        sys.exit(f"make-synthetic-db: store schema is version {ver} with events columns {cols}; this script "
                 f"writes versions {SCHEMA_VERSIONS}: update it to match src/store/sqlite_store.cc")
    if a.total:
        a.events = max(0, a.events - db.execute("SELECT count(*) FROM events").fetchone()[0])
    weights = [t[2] for t in TYPES]
    db.execute("BEGIN")
    first_rid = (db.execute("SELECT max(rid) FROM events").fetchone()[0] or 0) + 1
    articles = {}
    for i in range(a.events):
        pi = rng.randrange(len(PLACES)) if i >= len(PLACES) else i
        p = PLACES[pi]
        etype, sub, _, inter2 = rng.choices(TYPES, weights)[0]
        day = START + datetime.timedelta(days=min(DAYS - 1, int(rng.triangular(0, DAYS, DAYS * 0.8))))
        violent = etype in ("Battles", "Explosions/Remote violence", "Violence against civilians")
        n = min(400, int(rng.paretovariate(1.3))) - 1 if violent else (rng.random() < 0.05)
        n = max(0, int(n))
        actor1, actor2 = p[6], p[7]
        inter1 = 1
        if etype == "Protests":
            actor1, actor2, inter1 = f"Protesters ({p[0]})", (p[6] if inter2 else None), 6
        elif etype == "Riots":
            actor1, actor2, inter1 = f"Rioters ({p[0]})", (f"Civilians ({p[0]})" if inter2 else None), 5
        elif inter2 == 7:
            actor1, actor2, inter1 = p[7], f"Civilians ({p[0]})", 2
        elif etype == "Strategic developments":
            actor2 = None
        i2 = 0 if actor2 is None else (inter2 or 1)
        interaction = int(f"{min(inter1, i2)}{max(inter1, i2)}") if i2 else inter1 * 10
        lat = p[4] + rng.gauss(0, 0.35)
        lon = p[5] + rng.gauss(0, 0.35)
        geo = rng.choices([1, 2, 3], [6, 3, 1])[0]
        tp = rng.choices([1, 2, 3], [8, 1, 1])[0]
        event_id = f"{a.prefix}-{i:06d}"
        # Articles are shared by events of the same place, so a source names the event's place.
        per_place = max(1, a.articles // len(PLACES))
        k = pi * per_place + (i // len(PLACES)) % per_place
        doc_id = f"{a.prefix}-article-{k:04d}"
        if doc_id not in articles:
            text, spans = article_text(p, day, sub, n, actor1, actor2)
            articles[doc_id] = (text, spans)
            db.execute("INSERT INTO articles(id, url, title, published, text, content_hash) VALUES (?,?,?,?,?,?)",
                       (doc_id, f"https://example.org/{doc_id}", f"{sub} near {p[3]}",
                        (day + datetime.timedelta(days=1)).isoformat(), text,
                        hashlib.sha256(text.encode()).hexdigest()))
        text, spans = articles[doc_id]
        evidence = [{"field": f, "doc_id": doc_id, "start": s, "end": e, "text": t}
                    for f, lst in spans.items() for (s, e, t) in lst]
        notes = (f"On {day.isoformat()}, {actor1} " + (f"and {actor2} " if actor2 else "") +
                 f"({sub.lower()}) near {p[3]}, {p[2]}; {n} killed.")
        date_s = day.isoformat()
        ev = {"event_id": event_id, "doc_ids": [doc_id], "event_type": etype, "sub_event_type": sub,
              "date_start": date_s, "date_end": date_s, "event_date": date_s, "time_precision": tp,
              "date_prec": {1: 1, 2: 3, 3: 4}[tp], "actor1": actor1, "actor2": actor2,
              "assoc_actor_1": [], "assoc_actor_2": [], "inter1": inter1, "inter2": i2,
              "interaction": interaction, "side_a": actor1, "side_b": actor2, "country": p[0], "iso3": p[1],
              "admin1": p[2], "admin2": None, "location": p[3], "latitude": round(lat, 4),
              "longitude": round(lon, 4), "geonameid": None, "geo_precision": geo,
              "where_prec": {1: 1, 2: 2, 3: 4}[geo], "fatalities": n, "deaths_best": n, "deaths_low": n,
              "deaths_high": n, "deaths_side_a": 0, "deaths_side_b": 0,
              "deaths_civilians": n if inter2 == 7 else 0, "deaths_unknown": 0 if inter2 == 7 else n,
              "injured": None, "named_persons": [], "historical": False,
              "confidence": round(rng.uniform(0.5, 0.99), 3), "notes": notes, "evidence": evidence}
        # Version 6: the fields without a column (the columns hold both coordinates here).
        stored = ev if ver < 6 else {k: v for k, v in ev.items() if k not in EVENT_COLUMNS}
        db.execute("INSERT INTO events(event_id, event_date, date_start, date_end, event_type, sub_event_type, "
                   "country, iso3, admin1, admin2, location, latitude, longitude, fatalities, deaths_best, actor1, "
                   f"actor2, inter1, inter2, confidence, historical, notes, {'extra' if ver >= 6 else 'json'}) "
                   "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                   (event_id, date_s, date_s, date_s, etype, sub, p[0], p[1], p[2], None, p[3], ev["latitude"],
                    ev["longitude"], n, n, actor1, actor2, inter1, i2, ev["confidence"], 0, notes,
                    json.dumps(stored, ensure_ascii=False, separators=(",", ":"))))
        db.execute("INSERT OR IGNORE INTO event_articles(event_id, doc_id) VALUES (?, ?)", (event_id, doc_id))
        for e in (evidence if ver < 6 else []):
            db.execute("INSERT INTO evidence(event_id, field, doc_id, start, end, text) VALUES (?,?,?,?,?,?)",
                       (event_id, e["field"], doc_id, e["start"], e["end"], e["text"]))
    if ver >= 4:  # no insert trigger: index the new rows as the store's sink does
        last_rid = db.execute("SELECT max(rid) FROM events").fetchone()[0] or 0
        db.execute("INSERT INTO events_fts(rowid, notes) SELECT rid, notes FROM events WHERE rid BETWEEN ? AND ?",
                   (first_rid, last_rid))
        if ver == 4:
            db.execute("INSERT INTO events_rtree(id, min_lon, max_lon, min_lat, max_lat) SELECT rid, longitude, "
                       "longitude, latitude, latitude FROM events WHERE rid BETWEEN ? AND ? AND latitude IS NOT NULL "
                       "AND longitude IS NOT NULL", (first_rid, last_rid))
    db.commit()
    db.close()
    print(f"make-synthetic-db: {a.events} events, {len(articles)} articles -> {a.db}", file=sys.stderr)


if __name__ == "__main__":
    main()
