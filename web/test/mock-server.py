#!/usr/bin/env python3
"""A stand-in for `sitrep serve` for front-end development only (the browser tests run against
the real server). Serves web/dist and the read API from a sitrep SQLite store:
  python3 web/test/mock-server.py --db X.db --port 8080 [--allow-ingest]
Filters follow src/store/query_sql.cc loosely (no FTS ranking, LIKE for q)."""
import argparse, json, os, sqlite3, urllib.parse
from http.server import ThreadingHTTPServer, BaseHTTPRequestHandler

# Schema 6 keeps each event as its columns plus `extra`, the other fields when not at their default
# (src/store/event_row.h); older stores keep the whole event JSON.
COLUMNS = ["event_id", "event_date", "date_start", "date_end", "event_type", "sub_event_type", "country", "iso3",
           "admin1", "admin2", "location", "latitude", "longitude", "fatalities", "deaths_best", "actor1", "actor2",
           "inter1", "inter2", "confidence", "historical", "notes"]
DEFAULTS = {"doc_ids": [], "time_precision": 3, "date_prec": 5, "assoc_actor_1": [], "assoc_actor_2": [],
            "interaction": 0, "side_a": None, "side_b": None, "geonameid": None, "geo_precision": 3, "where_prec": 6,
            "deaths_low": 0, "deaths_high": 0, "deaths_side_a": 0, "deaths_side_b": 0, "deaths_civilians": 0,
            "deaths_unknown": 0, "injured": None, "named_persons": [], "evidence": []}


def event_sql(db):
    cols = [r[1] for r in db.execute("PRAGMA table_info(events)")]
    return "json" if "json" in cols else ", ".join(COLUMNS + ["extra"])


def event_of(row):
    if len(row) == 1:
        return json.loads(row[0])
    ev = dict(zip(COLUMNS, row[:-1]))
    ev["historical"] = bool(ev["historical"])
    ev.update(DEFAULTS)
    ev.update(json.loads(row[-1]))
    return ev


COMPACT = ["event_id", "event_date", "latitude", "longitude", "fatalities", "event_type", "sub_event_type",
           "country", "admin1", "actor1", "actor2"]


def where(p):
    w, a = [], []
    g = lambda k: (p.get(k) or [""])[0]
    for k, col in (("country", "country"), ("admin1", "admin1"), ("type", "event_type"), ("sub_type", "sub_event_type")):
        if g(k):
            w.append(f"{col} = ?"); a.append(g(k))
    if g("actor"):
        w.append("(actor1 LIKE ? OR actor2 LIKE ?)"); a += [f"%{g('actor')}%"] * 2
    if g("from"):
        w.append("event_date >= ?"); a.append(g("from"))
    if g("to"):
        w.append("event_date <= ?"); a.append(g("to"))
    if g("min_fatalities"):
        w.append("fatalities >= ?"); a.append(int(g("min_fatalities")))
    if g("q"):
        w.append("notes LIKE ?"); a.append(f"%{g('q')}%")
    return (" WHERE " + " AND ".join(w)) if w else "", a


class H(BaseHTTPRequestHandler):
    def send(self, code, body, ctype="application/json"):
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def err(self, code, msg):
        self.send(code, {"error": {"status": code, "message": msg}})

    def log_message(self, *a):
        pass

    def do_GET(self):
        u = urllib.parse.urlparse(self.path)
        p = urllib.parse.parse_qs(u.query)
        db = sqlite3.connect(self.server.db)
        if u.path == "/api/events":
            w, a = where(p)
            total = db.execute("SELECT count(*) FROM events" + w, a).fetchone()[0]
            limit = int((p.get("limit") or ["100"])[0]); offset = int((p.get("offset") or ["0"])[0])
            sort = (p.get("sort") or ["date"])[0]
            order = {"date": "event_date, event_id", "-date": "event_date DESC, event_id", "fatalities": "fatalities DESC",
                     "id": "event_id"}.get(sort, "event_date")
            if (p.get("format") or ["full"])[0] == "compact":
                rows = db.execute(f"SELECT {','.join(COMPACT)} FROM events{w} ORDER BY {order} LIMIT ? OFFSET ?",
                                  a + [limit, offset]).fetchall()
                return self.send(200, {"total": total, "columns": COMPACT, "rows": rows})
            rows = db.execute(f"SELECT {event_sql(db)} FROM events{w} ORDER BY {order} LIMIT ? OFFSET ?",
                              a + [limit, offset]).fetchall()
            return self.send(200, {"total": total, "limit": limit, "offset": offset, "events": [event_of(r) for r in rows]})
        if u.path.startswith("/api/events/"):
            eid = urllib.parse.unquote(u.path[len("/api/events/"):])
            r = db.execute(f"SELECT {event_sql(db)} FROM events WHERE event_id = ?", (eid,)).fetchone()
            if not r:
                return self.err(404, f"no event {eid}")
            ev = event_of(r)
            arts = db.execute("SELECT a.id, a.title, a.url, a.published FROM event_articles l JOIN articles a ON a.id = l.doc_id "
                              "WHERE l.event_id = ?", (eid,)).fetchall()
            ev["articles"] = [dict(zip(["id", "title", "url", "published"], x)) for x in arts]
            return self.send(200, ev)
        if u.path.startswith("/api/articles/"):
            aid = urllib.parse.unquote(u.path[len("/api/articles/"):])
            r = db.execute("SELECT id, url, title, published, text FROM articles WHERE id = ?", (aid,)).fetchone()
            if not r:
                return self.err(404, f"no article {aid}")
            ids = [x[0] for x in db.execute("SELECT event_id FROM event_articles WHERE doc_id = ?", (aid,))]
            return self.send(200, dict(zip(["id", "url", "title", "published", "text"], r), event_ids=ids))
        if u.path == "/api/stats":
            w, a = where(p)
            n, f = db.execute("SELECT count(*), coalesce(sum(fatalities),0) FROM events" + w, a).fetchone()
            arts = db.execute("SELECT count(*) FROM articles").fetchone()[0]
            return self.send(200, {"events": n, "fatalities": f, "articles": arts, "by_day": [], "by_type": [], "by_country": []})
        path = os.path.normpath(os.path.join(self.server.static, u.path.lstrip("/") or "index.html"))
        if not path.startswith(self.server.static) or not os.path.isfile(path):
            path = os.path.join(self.server.static, "index.html")
        ctype = {".js": "text/javascript", ".css": "text/css", ".html": "text/html", ".geojson": "application/geo+json"}.get(
            os.path.splitext(path)[1], "application/octet-stream")
        with open(path, "rb") as fh:
            self.send(200, fh.read(), ctype)

    def do_POST(self):
        if self.path != "/api/extract":
            return self.err(404, "not found")
        if not self.server.allow_ingest:
            return self.err(403, "ingest is disabled: start the server with --allow-ingest")
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))))
        text = body.get("text") or body.get("html") or ""
        i = text.find("killed")
        events = []
        if i >= 0:
            b = len(text[:i].encode())
            events.append({"event_id": "mock-1", "doc_ids": ["mock-doc"], "event_type": "Battles", "sub_event_type": "Armed clash",
                           "event_date": body.get("published"), "fatalities": 1, "country": "", "location": "",
                           "evidence": [{"field": "fatalities", "doc_id": "mock-doc", "start": b, "end": b + 6, "text": "killed"}]})
        self.send(200, {"id": "mock-doc", "title": "", "published": body.get("published"), "text": text, "events": events})


ap = argparse.ArgumentParser()
ap.add_argument("--db", required=True)
ap.add_argument("--port", type=int, default=8080)
ap.add_argument("--static", default=os.path.join(os.path.dirname(__file__), "..", "dist"))
ap.add_argument("--allow-ingest", action="store_true")
a = ap.parse_args()
s = ThreadingHTTPServer(("127.0.0.1", a.port), H)
s.db, s.static, s.allow_ingest = a.db, os.path.abspath(a.static), a.allow_ingest
s.serve_forever()
