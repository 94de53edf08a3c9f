// SQLite storage. One connection per store; writes are batched in transactions so a run killed
// mid-way leaves whole documents only, and a rerun skips what is already stored. Full text
// (FTS5) is kept in step with the tables: new events by the sink per batch, updates and deletes
// by triggers.
#include "sitrep/sqlite_store.h"

#include <sqlite3.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <memory>
#include <span>
#include <unordered_map>

#include "event_row.h"
#include "query_sql.h"

namespace sitrep {
namespace {

// Version 1, exactly as the first sitrep sink created it (kept to create test databases and as
// the base every migration starts from).
constexpr const char* kSchemaV1 = R"sql(
CREATE TABLE IF NOT EXISTS articles (
  id TEXT PRIMARY KEY,
  url TEXT,
  title TEXT,
  published TEXT,
  text TEXT NOT NULL,
  content_hash TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS events (
  event_id TEXT PRIMARY KEY,
  event_type TEXT,
  sub_event_type TEXT,
  event_date TEXT,
  country TEXT,
  admin1 TEXT,
  location TEXT,
  latitude REAL,
  longitude REAL,
  fatalities INTEGER,
  historical INTEGER,
  json TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS event_articles (
  event_id TEXT NOT NULL REFERENCES events(event_id) ON DELETE CASCADE,
  doc_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  PRIMARY KEY (event_id, doc_id)
);
CREATE INDEX IF NOT EXISTS event_articles_doc ON event_articles(doc_id);
CREATE TABLE IF NOT EXISTS evidence (
  event_id TEXT NOT NULL REFERENCES events(event_id) ON DELETE CASCADE,
  field TEXT NOT NULL,
  doc_id TEXT NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  text TEXT
);
CREATE INDEX IF NOT EXISTS evidence_event ON evidence(event_id);
PRAGMA user_version = 1;
)sql";

// 1 -> 2: explicit integer row ids (stable under VACUUM, the keys of FTS and R*Tree rows), every
// filter column (filled from the stored JSON), indexes, FTS5, R*Tree, triggers. Runs in one
// transaction with foreign keys off (the SQLite table-rebuild procedure).
constexpr const char* kMigrate1To2 = R"sql(
CREATE TABLE articles_v2 (
  rid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  url TEXT,
  title TEXT,
  published TEXT,
  text TEXT NOT NULL,
  content_hash TEXT NOT NULL
);
INSERT INTO articles_v2(id, url, title, published, text, content_hash)
  SELECT id, url, title, published, text, content_hash FROM articles ORDER BY rowid;
DROP TABLE articles;
ALTER TABLE articles_v2 RENAME TO articles;
CREATE INDEX articles_published ON articles(published, id);

CREATE TABLE events_v2 (
  rid INTEGER PRIMARY KEY,
  event_id TEXT NOT NULL UNIQUE,
  event_date TEXT,
  date_start TEXT,
  date_end TEXT,
  event_type TEXT COLLATE NOCASE,
  sub_event_type TEXT COLLATE NOCASE,
  country TEXT COLLATE NOCASE,
  iso3 TEXT COLLATE NOCASE,
  admin1 TEXT COLLATE NOCASE,
  admin2 TEXT COLLATE NOCASE,
  location TEXT,
  latitude REAL,
  longitude REAL,
  fatalities INTEGER NOT NULL DEFAULT 0,
  deaths_best INTEGER NOT NULL DEFAULT 0,
  actor1 TEXT,
  actor2 TEXT,
  inter1 INTEGER NOT NULL DEFAULT 0,
  inter2 INTEGER NOT NULL DEFAULT 0,
  confidence REAL NOT NULL DEFAULT 0,
  historical INTEGER NOT NULL DEFAULT 0,
  notes TEXT NOT NULL DEFAULT '',
  json TEXT NOT NULL
);
INSERT INTO events_v2(event_id, event_date, date_start, date_end, event_type, sub_event_type,
    country, iso3, admin1, admin2, location, latitude, longitude, fatalities, deaths_best, actor1,
    actor2, inter1, inter2, confidence, historical, notes, json)
  SELECT event_id, event_date, json_extract(json, '$.date_start'), json_extract(json, '$.date_end'),
    event_type, sub_event_type, country, coalesce(json_extract(json, '$.iso3'), ''), admin1,
    json_extract(json, '$.admin2'), location, latitude, longitude, coalesce(fatalities, 0),
    coalesce(json_extract(json, '$.deaths_best'), 0), json_extract(json, '$.actor1'),
    json_extract(json, '$.actor2'), coalesce(json_extract(json, '$.inter1'), 0),
    coalesce(json_extract(json, '$.inter2'), 0), coalesce(json_extract(json, '$.confidence'), 0),
    coalesce(historical, 0), coalesce(json_extract(json, '$.notes'), ''), json
  FROM events ORDER BY rowid;
DROP TABLE events;
ALTER TABLE events_v2 RENAME TO events;
CREATE INDEX events_date ON events(event_date, event_id);
CREATE INDEX events_country_date ON events(country, event_date);
CREATE INDEX events_iso3_date ON events(iso3, event_date);
CREATE INDEX events_admin1 ON events(admin1);
CREATE INDEX events_type ON events(event_type, sub_event_type);
CREATE INDEX events_fatalities ON events(fatalities);

CREATE VIRTUAL TABLE events_fts USING fts5(notes);
CREATE VIRTUAL TABLE articles_fts USING fts5(title, text);
CREATE VIRTUAL TABLE events_rtree USING rtree(id, min_lon, max_lon, min_lat, max_lat);
INSERT INTO events_fts(rowid, notes) SELECT rid, notes FROM events;
INSERT INTO events_rtree(id, min_lon, max_lon, min_lat, max_lat)
  SELECT rid, longitude, longitude, latitude, latitude FROM events
  WHERE latitude IS NOT NULL AND longitude IS NOT NULL;
INSERT INTO articles_fts(rowid, title, text) SELECT rid, coalesce(title, ''), text FROM articles;

CREATE TRIGGER events_ai AFTER INSERT ON events BEGIN
  INSERT INTO events_fts(rowid, notes) VALUES (new.rid, new.notes);
  INSERT INTO events_rtree(id, min_lon, max_lon, min_lat, max_lat)
    SELECT new.rid, new.longitude, new.longitude, new.latitude, new.latitude
    WHERE new.latitude IS NOT NULL AND new.longitude IS NOT NULL;
END;
CREATE TRIGGER events_ad AFTER DELETE ON events BEGIN
  DELETE FROM events_fts WHERE rowid = old.rid;
  DELETE FROM events_rtree WHERE id = old.rid;
END;
CREATE TRIGGER events_au AFTER UPDATE ON events BEGIN
  DELETE FROM events_fts WHERE rowid = old.rid;
  DELETE FROM events_rtree WHERE id = old.rid;
  INSERT INTO events_fts(rowid, notes) VALUES (new.rid, new.notes);
  INSERT INTO events_rtree(id, min_lon, max_lon, min_lat, max_lat)
    SELECT new.rid, new.longitude, new.longitude, new.latitude, new.latitude
    WHERE new.latitude IS NOT NULL AND new.longitude IS NOT NULL;
END;
CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts(rowid, title, text) VALUES (new.rid, coalesce(new.title, ''), new.text);
END;
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
  DELETE FROM articles_fts WHERE rowid = old.rid;
END;
CREATE TRIGGER articles_au AFTER UPDATE ON articles BEGIN
  DELETE FROM articles_fts WHERE rowid = old.rid;
  INSERT INTO articles_fts(rowid, title, text) VALUES (new.rid, coalesce(new.title, ''), new.text);
END;
PRAGMA user_version = 2;
)sql";

// 2 -> 3: indexes shaped after the queries (country, iso3, then date and id, so one index both
// finds a country's events and orders them; event type then fatalities, covering a date sort), the
// ISO3 index gone (a country filter is first resolved to the stored (country, iso3) pairs through
// country_codes), and country_codes: every (country, iso3) pair ever stored, kept by triggers. A
// pair is never removed, so the table may name pairs no event has any more: they only add empty
// ranges, and the exact country-or-ISO3 test still runs on each event.
constexpr const char* kMigrate2To3 = R"sql(
DROP INDEX IF EXISTS events_country_date;
DROP INDEX IF EXISTS events_iso3_date;
DROP INDEX IF EXISTS events_type;
CREATE INDEX events_country_date ON events(country, iso3, event_date, event_id);
CREATE INDEX events_type_fatalities ON events(event_type, fatalities, event_date, event_id);
CREATE INDEX events_sub_type ON events(sub_event_type);
CREATE TABLE country_codes (
  country TEXT COLLATE NOCASE,
  iso3 TEXT COLLATE NOCASE
);
CREATE INDEX country_codes_pair ON country_codes(country, iso3);
CREATE INDEX country_codes_iso3 ON country_codes(iso3);
INSERT INTO country_codes(country, iso3) SELECT DISTINCT country, iso3 FROM events;
CREATE TRIGGER events_country_codes_ai AFTER INSERT ON events
WHEN NOT EXISTS (SELECT 1 FROM country_codes WHERE country IS new.country AND iso3 IS new.iso3)
BEGIN
  INSERT INTO country_codes(country, iso3) VALUES (new.country, new.iso3);
END;
CREATE TRIGGER events_country_codes_au AFTER UPDATE OF country, iso3 ON events
WHEN NOT EXISTS (SELECT 1 FROM country_codes WHERE country IS new.country AND iso3 IS new.iso3)
BEGIN
  INSERT INTO country_codes(country, iso3) VALUES (new.country, new.iso3);
END;
PRAGMA user_version = 3;
)sql";

// 3 -> 4: new event rows reach FTS5 and the R*Tree from the sink, in one INSERT ... SELECT per
// batch (in the batch's transaction), not from a per-row trigger: a trigger per row made each
// statement its own FTS5 flush and cost over 40% of a bulk ingest. Updates and deletes keep their
// triggers.
constexpr const char* kMigrate3To4 = R"sql(
DROP TRIGGER IF EXISTS events_ai;
PRAGMA user_version = 4;
)sql";

// The secondary indexes of events that only queries use (the sink never reads them; the unique
// event_id index stays). One list: the 4 -> 5 migration creates them, Open recreates any that is
// missing, and a sink loading into an empty store drops them and builds them once at the end
// (sorting the rows once is several times cheaper than inserting into six random-order b-trees).
// 5: country/date also carries type and actors (a country's type or actor filter is answered from
// the index, without reading rows); admin1 and sub-type are followed by what narrows them next
// and by the date order; (longitude, latitude) answers bounding boxes (see the 4 -> 5 migration).
struct QueryIndex {
  const char* name;
  const char* columns;
};
constexpr QueryIndex kQueryIndexes[] = {
    {"events_date", "event_date, event_id"},
    {"events_country_date", "country, iso3, event_date, event_id, event_type, actor1, actor2"},
    {"events_admin1_type", "admin1, event_type, event_date, event_id"},
    {"events_type_fatalities", "event_type, fatalities, event_date, event_id"},
    {"events_sub_type_date", "sub_event_type, event_date, event_id"},
    {"events_fatalities", "fatalities, event_date, event_id"},
    {"events_lon_lat", "longitude, latitude"},
    {"events_country_pair", "country, iso3"},
};

std::string CreateQueryIndexesSql() {
  std::string sql;
  for (const QueryIndex& ix : kQueryIndexes) {
    sql += std::string("CREATE INDEX IF NOT EXISTS ") + ix.name + " ON events(" + ix.columns + ");\n";
  }
  return sql;
}

// 4 -> 5: the query indexes above (replacing events_admin1, events_sub_type and the narrower
// events_country_date and events_fatalities); FTS5 tables that index the events' notes and the
// articles' title and text without keeping a second copy of them (external content, no per-row
// size table: nothing ranks matches), whose update and delete triggers hand FTS5 the old values
// to remove; and the R*Tree replaced by the b-tree events_lon_lat. Events are points: a box is
// one longitude range of that index with the latitude test on the same entries, no row read.
// On a million events that answers a 1x1 degree box as fast as the R*Tree did and a 20x20 degree
// one 7 times faster (the R*Tree's 32-bit boxes needed the exact test on each row), and an
// index entry costs a tenth of an R*Tree insert (which was a quarter of a bulk ingest).
std::string Migrate4To5Sql() {
  return R"sql(
DROP INDEX IF EXISTS events_admin1;
DROP INDEX IF EXISTS events_sub_type;
DROP INDEX IF EXISTS events_country_date;
DROP INDEX IF EXISTS events_fatalities;
DROP TRIGGER IF EXISTS events_ad;
DROP TRIGGER IF EXISTS events_au;
DROP TRIGGER IF EXISTS articles_ai;
DROP TRIGGER IF EXISTS articles_ad;
DROP TRIGGER IF EXISTS articles_au;
DROP TABLE IF EXISTS events_fts;
DROP TABLE IF EXISTS articles_fts;
DROP TABLE IF EXISTS events_rtree;
CREATE VIRTUAL TABLE events_fts USING fts5(notes, content='events', content_rowid='rid', columnsize=0);
CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='rid', columnsize=0);
INSERT INTO events_fts(events_fts) VALUES ('rebuild');
INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
CREATE TRIGGER events_ad AFTER DELETE ON events BEGIN
  INSERT INTO events_fts(events_fts, rowid, notes) VALUES ('delete', old.rid, old.notes);
END;
CREATE TRIGGER events_au AFTER UPDATE OF notes ON events BEGIN
  INSERT INTO events_fts(events_fts, rowid, notes) VALUES ('delete', old.rid, old.notes);
  INSERT INTO events_fts(rowid, notes) VALUES (new.rid, new.notes);
END;
CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts(rowid, title, text) VALUES (new.rid, new.title, new.text);
END;
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rid, old.title, old.text);
END;
CREATE TRIGGER articles_au AFTER UPDATE ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rid, old.title, old.text);
  INSERT INTO articles_fts(rowid, title, text) VALUES (new.rid, new.title, new.text);
END;
)sql" + CreateQueryIndexesSql() +
         "PRAGMA user_version = 5;\n";
}

// 5 -> 6: each event is stored once. The full JSON copy (json) gives way to `extra`, a slim JSON
// object with only what the columns do not hold (event_row.h), and the evidence table (never read:
// the evidence is part of the event) is gone; event_articles is keyed by its primary key (WITHOUT
// ROWID: one b-tree less per link). Reads rebuild the event from the columns and `extra`, giving
// the JSON of version 5 byte for byte. A bulk ingest wrote each event's text twice and its evidence
// three times; these were over a third of its cost. Before this SQL, FillExtra (a C++ step) sets
// every row's columns and `extra` from its stored JSON.
constexpr const char* kMigrate5To6Before = R"sql(
ALTER TABLE events ADD COLUMN extra TEXT NOT NULL DEFAULT '{}';
)sql";
constexpr const char* kMigrate5To6 = R"sql(
ALTER TABLE events DROP COLUMN json;
DROP TABLE IF EXISTS evidence;
CREATE TABLE event_articles_v6 (
  event_id TEXT NOT NULL REFERENCES events(event_id) ON DELETE CASCADE,
  doc_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  PRIMARY KEY (event_id, doc_id)
) WITHOUT ROWID;
INSERT INTO event_articles_v6(event_id, doc_id) SELECT event_id, doc_id FROM event_articles;
DROP TABLE event_articles;
ALTER TABLE event_articles_v6 RENAME TO event_articles;
CREATE INDEX event_articles_doc ON event_articles(doc_id);
PRAGMA user_version = 6;
)sql";

Status FillExtra(sqlite3* db);

struct Migration {
  int to_version;
  std::string sql;
  // Runs first, in the same transaction, when set.
  const char* before_sql = nullptr;
  Status (*step)(sqlite3*) = nullptr;
};
const std::vector<Migration>& Migrations() {
  static const std::vector<Migration> all = {{1, kSchemaV1},
                                             {2, kMigrate1To2},
                                             {3, kMigrate2To3},
                                             {4, kMigrate3To4},
                                             {5, Migrate4To5Sql()},
                                             {6, kMigrate5To6, kMigrate5To6Before, FillExtra}};
  return all;
}

Status SqlError(sqlite3* db, const std::string& what) {
  return Status(ErrorCode::kIo, what + ": " + (db ? sqlite3_errmsg(db) : "no database"));
}

// RAII prepared statement.
class Statement {
 public:
  Statement() = default;
  Statement(sqlite3* db, const std::string& sql) { Prepare(db, sql); }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  bool Prepare(sqlite3* db, const std::string& sql) {
    sqlite3_finalize(stmt_);
    stmt_ = nullptr;
    return sqlite3_prepare_v3(db, sql.c_str(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                              &stmt_, nullptr) == SQLITE_OK;
  }
  bool ok() const { return stmt_ != nullptr; }
  // Text binds then point at the caller's bytes instead of copying them: for statements whose
  // bound strings outlive every Step (the sink's).
  void BindTextWithoutCopy() { text_lifetime_ = SQLITE_STATIC; }
  sqlite3_stmt* get() { return stmt_; }
  void Reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  void Bind(int i, std::string_view text) {
    sqlite3_bind_text(stmt_, i, text.data(), static_cast<int>(text.size()), text_lifetime_);
  }
  void Bind(int i, const std::string& text) { Bind(i, std::string_view(text)); }
  void Bind(int i, const char* text) { Bind(i, std::string_view(text)); }
  void Bind(int i, int64_t v) { sqlite3_bind_int64(stmt_, i, v); }
  void Bind(int i, double v) { sqlite3_bind_double(stmt_, i, v); }
  void BindNull(int i) { sqlite3_bind_null(stmt_, i); }
  void Bind(int i, const std::optional<std::string>& v) { v ? Bind(i, std::string_view(*v)) : BindNull(i); }
  void Bind(int i, const std::optional<double>& v) { v ? Bind(i, *v) : BindNull(i); }
  void BindAll(const std::vector<store::SqlValue>& params) {
    for (size_t i = 0; i < params.size(); ++i) {
      std::visit([&](const auto& v) { Bind(static_cast<int>(i + 1), v); }, params[i]);
    }
  }
  // A C pointer as a parameter, readable only by a function asking for the same `type`.
  void BindPointer(int i, void* p, const char* type) { sqlite3_bind_pointer(stmt_, i, p, type, nullptr); }
  int Step() { return sqlite3_step(stmt_); }
  bool IsNull(int col) { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
  std::string Text(int col) {
    const unsigned char* p = sqlite3_column_text(stmt_, col);
    return p ? std::string(reinterpret_cast<const char*>(p),
                           static_cast<size_t>(sqlite3_column_bytes(stmt_, col)))
             : std::string();
  }
  std::string_view View(int col) {
    const unsigned char* p = sqlite3_column_text(stmt_, col);
    return p ? std::string_view(reinterpret_cast<const char*>(p),
                                static_cast<size_t>(sqlite3_column_bytes(stmt_, col)))
             : std::string_view();
  }
  int64_t Int(int col) { return sqlite3_column_int64(stmt_, col); }

 private:
  sqlite3_stmt* stmt_ = nullptr;
  sqlite3_destructor_type text_lifetime_ = SQLITE_TRANSIENT;
};

Status Exec(sqlite3* db, const char* sql) {
  char* err = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    std::string message = err ? err : "unknown error";
    sqlite3_free(err);
    return Status(ErrorCode::kIo, std::string("sqlite: ") + message);
  }
  return Status::Ok();
}

// Binds the events columns of `e` as ?1..?23 in the table's order (?22 notes, ?23 extra).
void BindEvent(Statement& p, const Event& e, const std::string& extra) {
  p.Bind(1, e.event_id);
  p.Bind(2, e.event_date);
  p.Bind(3, e.date_start);
  p.Bind(4, e.date_end);
  p.Bind(5, e.event_type);
  p.Bind(6, e.sub_event_type);
  p.Bind(7, e.country);
  p.Bind(8, e.iso3);
  p.Bind(9, e.admin1);
  p.Bind(10, e.admin2);
  p.Bind(11, e.location);
  if (e.latitude && e.longitude) {
    p.Bind(12, *e.latitude);
    p.Bind(13, *e.longitude);
  }
  p.Bind(14, int64_t{e.fatalities});
  p.Bind(15, int64_t{e.deaths_best});
  p.Bind(16, e.actor1);
  p.Bind(17, e.actor2);
  p.Bind(18, int64_t{e.inter1});
  p.Bind(19, int64_t{e.inter2});
  p.Bind(20, e.confidence);
  p.Bind(21, int64_t{e.historical});
  p.Bind(22, e.notes);
  p.Bind(23, extra);
}

// The 5 -> 6 step: every row's columns and `extra` from its stored JSON, as the version-6 sink
// writes them (the JSON was always the whole event; a version-1 row may have had a NULL country
// column beside it). Rows are read in batches by row id, never while being updated.
Status FillExtra(sqlite3* db) {
  Statement rows(db, "SELECT rid, json FROM events WHERE rid > ?1 ORDER BY rid LIMIT 2048");
  Statement update(db,
                   "UPDATE events SET event_date = ?2, date_start = ?3, date_end = ?4, event_type = ?5, "
                   "sub_event_type = ?6, country = ?7, iso3 = ?8, admin1 = ?9, admin2 = ?10, location = ?11, "
                   "latitude = ?12, longitude = ?13, fatalities = ?14, deaths_best = ?15, actor1 = ?16, "
                   "actor2 = ?17, inter1 = ?18, inter2 = ?19, confidence = ?20, historical = ?21, extra = ?23 "
                   "WHERE rid = ?24");
  // Notes feed FTS5 (through the update trigger): rewritten only when they differ.
  Statement notes(db, "UPDATE events SET notes = ?1 WHERE rid = ?2 AND notes IS NOT ?1");
  if (!rows.ok() || !update.ok() || !notes.ok()) return SqlError(db, "migrate events");
  std::vector<std::pair<int64_t, std::string>> batch;
  std::string extra;
  int64_t last = 0;
  while (true) {
    batch.clear();
    rows.Reset();
    rows.Bind(1, last);
    int rc;
    while ((rc = rows.Step()) == SQLITE_ROW) batch.emplace_back(rows.Int(0), rows.Text(1));
    if (rc != SQLITE_DONE) return SqlError(db, "migrate events");
    if (batch.empty()) return Status::Ok();
    for (const auto& [rid, json] : batch) {
      auto e = ParseEventJson(json);
      if (!e.ok()) return Status(e.status().code(), "event row " + std::to_string(rid) + ": " + e.status().message());
      extra.clear();
      store::AppendEventExtra(*e, &extra);
      update.Reset();
      BindEvent(update, *e, extra);
      update.Bind(24, rid);
      if (update.Step() != SQLITE_DONE) return SqlError(db, "migrate events");
      notes.Reset();
      notes.Bind(1, e->notes);
      notes.Bind(2, rid);
      if (notes.Step() != SQLITE_DONE) return SqlError(db, "migrate events");
      last = rid;
    }
  }
}

Result<int> UserVersion(sqlite3* db, const std::string& path) {
  Statement st(db, "PRAGMA user_version");
  if (!st.ok() || st.Step() != SQLITE_ROW) return SqlError(db, path + " is not a sitrep database");
  return static_cast<int>(st.Int(0));
}

Status Migrate(sqlite3* db, const std::string& path, int target) {
  auto version = UserVersion(db, path);
  if (!version.ok()) return version.status();
  if (*version > SqliteStore::kSchemaVersion) {
    return Status(ErrorCode::kUnsupported,
                  path + " has schema version " + std::to_string(*version) +
                      ", written by a newer sitrep; this sitrep reads versions up to " +
                      std::to_string(SqliteStore::kSchemaVersion) + ": upgrade sitrep");
  }
  if (*version == 0) {
    // Version 0 must be an empty database, not some other application's.
    Statement st(db, "SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'");
    if (!st.ok() || st.Step() != SQLITE_ROW) return SqlError(db, path + " is not a sitrep database");
    if (st.Int(0) != 0) {
      return Status(ErrorCode::kUnsupported, path + " holds tables but no sitrep schema version");
    }
  }
  SITREP_RETURN_IF_ERROR(Exec(db, "PRAGMA foreign_keys=OFF"));
  for (const Migration& m : Migrations()) {
    if (m.to_version <= *version || m.to_version > target) continue;
    SITREP_RETURN_IF_ERROR(Exec(db, "BEGIN IMMEDIATE"));
    Status s = m.before_sql ? Exec(db, m.before_sql) : Status::Ok();
    if (s.ok() && m.step) s = m.step(db);
    if (s.ok()) s = Exec(db, m.sql.c_str());
    if (s.ok()) {
      Statement check(db, "PRAGMA foreign_key_check");
      if (check.ok() && check.Step() == SQLITE_ROW) {
        s = Status(ErrorCode::kCorrupt, "dangling references after migration");
      }
    }
    if (!s.ok()) {
      (void)Exec(db, "ROLLBACK");
      return Status(s.code(), path + ": migrating the schema to version " + std::to_string(m.to_version) +
                                  " failed (" + s.message() + "); the database is unchanged");
    }
    SITREP_RETURN_IF_ERROR(Exec(db, "COMMIT"));
  }
  return Exec(db, "PRAGMA foreign_keys=ON");
}

// Creates the query indexes that are missing: a load into an empty store builds them at its end,
// so a run killed before then leaves them to the next open. A no-op (and no write) when all exist.
Status EnsureQueryIndexes(sqlite3* db, const std::string& path) {
  Statement st(db, "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = ?1");
  if (!st.ok()) return SqlError(db, path);
  bool missing = false;
  for (const QueryIndex& ix : kQueryIndexes) {
    st.Reset();
    st.Bind(1, ix.name);
    if (st.Step() != SQLITE_ROW) return SqlError(db, path);
    missing = missing || st.Int(0) == 0;
  }
  if (!missing) return Status::Ok();
  SITREP_RETURN_IF_ERROR(Exec(db, "BEGIN IMMEDIATE"));
  Status s = Exec(db, CreateQueryIndexesSql().c_str());
  if (!s.ok()) {
    (void)Exec(db, "ROLLBACK");
    return Status(s.code(), path + ": building the query indexes failed (" + s.message() + ")");
  }
  return Exec(db, "COMMIT");
}

// Whether row id `rid` is in the RowSet bound as the function's second argument
// (sitrep_in_rowset(e.rid, ?n)): how a full-text match set joins the SQL of the other filters.
constexpr const char* kRowSetType = "sitrep_rowset";

struct RowSet {
  std::vector<uint64_t> bits;
  int64_t size = 0;
  bool overflow = false;  // a row id too large for a bitmap (only hand-made ones): not usable
  void Add(int64_t rid) {
    if (rid < 0 || rid >= (int64_t{1} << 28)) {  // a bitmap of at most 32 MB
      overflow = true;
      return;
    }
    const auto i = static_cast<uint64_t>(rid);
    if (i / 64 >= bits.size()) bits.resize(i / 64 + 1 + bits.size() / 2);
    uint64_t& word = bits[i / 64];
    const uint64_t bit = uint64_t{1} << (i % 64);
    if (!(word & bit)) ++size;
    word |= bit;
  }
  bool Has(int64_t rid) const {
    if (rid < 0) return false;
    const auto i = static_cast<uint64_t>(rid);
    return i / 64 < bits.size() && (bits[i / 64] >> (i % 64)) & 1;
  }
  // Room for row ids up to `max_rid` (a walk in row id order would otherwise grow it many times).
  void Reserve(int64_t max_rid) {
    if (max_rid >= 0 && max_rid < (int64_t{1} << 28)) {
      bits.resize(std::max(bits.size(), static_cast<size_t>(max_rid / 64 + 1)));
    }
  }
  // The number of row ids in both sets.
  int64_t CountBoth(const RowSet& other) const {
    const size_t n = std::min(bits.size(), other.bits.size());
    int64_t count = 0;
    for (size_t i = 0; i < n; ++i) count += std::popcount(bits[i] & other.bits[i]);
    return count;
  }
};

// The RowSet bound as argument `arg`. SQLite keeps a parameter's auxiliary data until the
// statement is reset (the only time the binding can change): the pointer is looked up once per
// run, not once per row (the type check compares strings).
RowSet* BoundRowSet(sqlite3_context* ctx, sqlite3_value** argv, int arg) {
  if (auto* set = static_cast<RowSet*>(sqlite3_get_auxdata(ctx, arg))) return set;
  auto* set = static_cast<RowSet*>(sqlite3_value_pointer(argv[arg], kRowSetType));
  if (set) sqlite3_set_auxdata(ctx, arg, set, nullptr);
  return set;
}

void InRowSet(sqlite3_context* ctx, int, sqlite3_value** argv) {
  const RowSet* set = BoundRowSet(ctx, argv, 1);
  sqlite3_result_int(ctx, set && set->Has(sqlite3_value_int64(argv[0])) ? 1 : 0);
}

// sitrep_rowset_add(?n, rid): adds `rid` to the RowSet bound as ?n. A full-text match list goes
// into the set inside one statement (SELECT sum(sitrep_rowset_add(...)) ...): stepping it out row
// by row cost as much as finding the matches.
void AddToRowSet(sqlite3_context* ctx, int, sqlite3_value** argv) {
  RowSet* set = BoundRowSet(ctx, argv, 0);
  if (!set) {
    sqlite3_result_error(ctx, "sitrep_rowset_add: no row set bound", -1);
    return;
  }
  set->Add(sqlite3_value_int64(argv[1]));
  sqlite3_result_int(ctx, 1);
}

Result<sqlite3*> OpenDb(const std::string& path) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) !=
      SQLITE_OK) {
    Status s = SqlError(db, "cannot open " + path);
    sqlite3_close(db);
    return s;
  }
  sqlite3_busy_timeout(db, 10000);
  // Reads go through a shared memory map (no per-connection copy of hot pages, no read() copying
  // them) as large as the library allows (usually 2 GB: a million events and their indexes);
  // writes through a page cache big enough for the indexes a bulk ingest touches.
  Status s = Exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; "
                      "PRAGMA mmap_size=17179869184; PRAGMA temp_store=MEMORY;");
  if (!s.ok()) {
    sqlite3_close(db);
    return Status(s.code(), path + " is not a sitrep database (" + s.message() + ")");
  }
  // Only callable from this connection's own statements (never from schema or triggers).
  if (sqlite3_create_function_v2(db, "sitrep_in_rowset", 2, SQLITE_UTF8 | SQLITE_DIRECTONLY, nullptr,
                                 InRowSet, nullptr, nullptr, nullptr) != SQLITE_OK ||
      sqlite3_create_function_v2(db, "sitrep_rowset_add", 2, SQLITE_UTF8 | SQLITE_DIRECTONLY, nullptr,
                                 AddToRowSet, nullptr, nullptr, nullptr) != SQLITE_OK) {
    Status err = SqlError(db, "cannot open " + path);
    sqlite3_close(db);
    return err;
  }
  return db;
}

}  // namespace

namespace {

class StatementCache {
 public:
  explicit StatementCache(sqlite3* db) : db(db) {}
  sqlite3* db;
  // Row sets of the other filters of recent full-text queries (by statement and parameters), valid
  // while the data version `filter_sets_at` is unchanged: a text search usually changes its words
  // under the same country or dates, and with the set known the total is an AND of two bitmaps
  // instead of a walk of every event of that country. Oldest first; at most kMaxFilterSets.
  std::optional<std::pair<int64_t, int64_t>> filter_sets_at;
  std::vector<std::pair<std::string, std::shared_ptr<const RowSet>>> filter_sets;
  static constexpr size_t kMaxFilterSets = 8;
  // Prepared statements by SQL text (the query shapes are few: one per combination of filters
  // and sort). A statement in use (a callback re-entering the store) is not handed out twice.
  struct Cached {
    Statement st;
    bool busy = false;
  };
  std::unordered_map<std::string, std::unique_ptr<Cached>> cache;

  // A reset statement for `sql`, returned to the cache (reset) when the lease ends.
  class Lease {
   public:
    Lease() = default;
    Lease(Cached* c, std::unique_ptr<Statement> own) : c_(c), own_(std::move(own)) {}
    Lease(Lease&& o) noexcept : c_(o.c_), own_(std::move(o.own_)) { o.c_ = nullptr; }
    Lease& operator=(Lease&&) = delete;
    ~Lease() {
      if (c_) {
        c_->st.Reset();
        c_->busy = false;
      }
    }
    Statement* operator->() { return c_ ? &c_->st : own_.get(); }
    Statement& operator*() { return c_ ? c_->st : *own_; }
    bool ok() { return c_ ? c_->st.ok() : (own_ && own_->ok()); }

   private:
    Cached* c_ = nullptr;
    std::unique_ptr<Statement> own_;
  };

  Lease Prepare(const std::string& sql) {
    auto it = cache.find(sql);
    if (it != cache.end() && !it->second->busy) {
      it->second->busy = true;
      return Lease(it->second.get(), nullptr);
    }
    if (it == cache.end() && cache.size() < 256) {
      auto c = std::make_unique<Cached>();
      if (!c->st.Prepare(db, sql)) return Lease(nullptr, std::make_unique<Statement>());
      c->busy = true;
      Cached* raw = c.get();
      cache.emplace(sql, std::move(c));
      return Lease(raw, nullptr);
    }
    return Lease(nullptr, std::make_unique<Statement>(db, sql));
  }
};

// data_version moves when another connection commits; total_changes when this one writes.
std::optional<std::pair<int64_t, int64_t>> DataVersion(StatementCache& impl) {
  auto dv = impl.Prepare("PRAGMA data_version");
  if (!dv.ok() || dv->Step() != SQLITE_ROW) return std::nullopt;
  return std::make_pair(dv->Int(0), static_cast<int64_t>(sqlite3_total_changes64(impl.db)));
}

// A cache key: the statement and its parameters, each with its type and length (a double by its
// bits: two boxes a digit apart are two keys).
std::string CacheKey(const std::string& sql, const std::vector<store::SqlValue>& params) {
  std::string key = sql;
  for (const auto& v : params) {
    key.push_back('\0');
    std::visit([&](const auto& x) {
      using T = std::decay_t<decltype(x)>;
      if constexpr (std::is_same_v<T, std::string>) {
        key += "s" + std::to_string(x.size()) + ":" + x;
      } else if constexpr (std::is_same_v<T, double>) {
        uint64_t bits = 0;
        std::memcpy(&bits, &x, sizeof bits);
        key += "d" + std::to_string(bits);
      } else {
        key += "i" + std::to_string(x);
      }
    }, v);
  }
  return key;
}

}  // namespace

struct SqliteStore::Impl {
  sqlite3* db = nullptr;
  std::string path;
  std::unique_ptr<StatementCache> statements;
  // Totals of recent Count queries (by SQL and parameters), valid while ReadVersion is unchanged.
  std::optional<std::pair<int64_t, int64_t>> counts_at;
  std::unordered_map<std::string, int64_t> counts;
  ~Impl() {
    statements.reset();
    sqlite3_close(db);
  }
};

SqliteStore::SqliteStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
SqliteStore::~SqliteStore() = default;

Result<std::unique_ptr<SqliteStore>> SqliteStore::Open(const std::string& path) {
  auto db = OpenDb(path);
  if (!db.ok()) return db.status();
  auto impl = std::make_unique<Impl>();
  impl->db = *db;
  impl->path = path;
  impl->statements = std::make_unique<StatementCache>(impl->db);
  SITREP_RETURN_IF_ERROR(Migrate(impl->db, path, kSchemaVersion));
  SITREP_RETURN_IF_ERROR(EnsureQueryIndexes(impl->db, path));
  return std::unique_ptr<SqliteStore>(new SqliteStore(std::move(impl)));
}

Status SqliteStore::CreateV1ForTest(const std::string& path) { return CreateVersionForTest(path, 1); }

Status SqliteStore::CreateVersionForTest(const std::string& path, int version) {
  auto db = OpenDb(path);
  if (!db.ok()) return db.status();
  Status s = Migrate(*db, path, version);
  sqlite3_close(*db);
  return s;
}

namespace {

class SqliteSink final : public Sink {
 public:
  SqliteSink(sqlite3* db, int batch) : db_(db), batch_(batch > 0 ? batch : 1) {}
  ~SqliteSink() override {
    if (in_transaction_ && prepared_ && IndexNewEvents().ok()) (void)Exec(db_, "COMMIT");
    if (!in_transaction_ && bulk_) (void)EnsureQueryIndexes(db_, "the store");
  }

  Status Consume(const Document& doc, std::span<const Event> events) override {
    return Write(doc, events, {}, false);
  }
  Status ConsumeMerged(const Document& doc, std::span<const Event> events,
                       std::span<const std::string> superseded) override {
    return Write(doc, events, superseded, true);
  }

  Status Write(const Document& doc, std::span<const Event> events, std::span<const std::string> superseded,
               bool always_events) {
    if (!prepared_) SITREP_RETURN_IF_ERROR(Prepare());
    if (!in_transaction_) {
      SITREP_RETURN_IF_ERROR(Exec(db_, "BEGIN IMMEDIATE"));
      in_transaction_ = true;
      if (!checked_empty_) SITREP_RETURN_IF_ERROR(DeferIndexesIfEmpty());
    }
    if (!superseded.empty()) SITREP_RETURN_IF_ERROR(IndexNewEvents());
    for (const std::string& id : superseded) {
      delete_event_.Reset();
      delete_event_.Bind(1, id);
      if (delete_event_.Step() != SQLITE_DONE) return SqlError(db_, "replace event " + id);
    }
    const std::string hash = ContentHash(doc.text);
    find_.Reset();
    find_.Bind(1, doc.id);
    bool exists = false;
    if (find_.Step() == SQLITE_ROW) {
      if (find_.View(0) == hash) {
        find_.Reset();
        // Unchanged: an idempotent no-op, except for merged events that grew elsewhere.
        if (always_events) {
          for (const Event& event : events) SITREP_RETURN_IF_ERROR(StoreEvent(doc, event));
        }
        return MaybeCommit();
      }
      exists = true;
    }
    find_.Reset();
    if (exists) {
      // Changed content: drop the old version's events that only it reported, and its links.
      SITREP_RETURN_IF_ERROR(IndexNewEvents());
      drop_.Reset();
      drop_.Bind(1, doc.id);
      if (drop_.Step() != SQLITE_DONE) return SqlError(db_, "replace article " + doc.id);
      unlink_.Reset();
      unlink_.Bind(1, doc.id);
      if (unlink_.Step() != SQLITE_DONE) return SqlError(db_, "replace article " + doc.id);
    }
    put_article_.Reset();
    put_article_.Bind(1, doc.id);
    put_article_.Bind(2, doc.url);
    put_article_.Bind(3, doc.title);
    put_article_.Bind(4, doc.published);
    put_article_.Bind(5, doc.text);
    put_article_.Bind(6, hash);
    if (put_article_.Step() != SQLITE_DONE) return SqlError(db_, "store article " + doc.id);
    for (const Event& event : events) SITREP_RETURN_IF_ERROR(StoreEvent(doc, event));
    return MaybeCommit();
  }

  Status Finish() override {
    SITREP_RETURN_IF_ERROR(Commit());
    if (!bulk_) return Status::Ok();
    bulk_ = false;
    return EnsureQueryIndexes(db_, "the store");
  }

 private:
  Status Commit() {
    if (!in_transaction_) return Status::Ok();
    SITREP_RETURN_IF_ERROR(IndexNewEvents());
    in_transaction_ = false;
    pending_ = 0;
    return Exec(db_, "COMMIT");
  }

  // A load into an empty store (the first transaction of this sink finds no events) drops the
  // query indexes and builds them in Finish. Until then readers see every committed row, found
  // by slower plans; a run killed before Finish leaves them to the next Open.
  Status DeferIndexesIfEmpty() {
    checked_empty_ = true;
    {
      Statement st(db_, "SELECT EXISTS (SELECT 1 FROM events)");
      if (!st.ok() || st.Step() != SQLITE_ROW) return SqlError(db_, "store");
      if (st.Int(0) != 0) return Status::Ok();
    }
    for (const QueryIndex& ix : kQueryIndexes) {
      SITREP_RETURN_IF_ERROR(Exec(db_, (std::string("DROP INDEX IF EXISTS ") + ix.name).c_str()));
    }
    bulk_ = true;
    return Status::Ok();
  }

  // Adds the events inserted since the last call to FTS5. They are the rows new_lo_..new_hi_: a
  // new row gets the largest row id + 1, and this runs before any update or delete of events
  // (whose triggers remove the old text from FTS5, which must hold it) and before every commit.
  Status IndexNewEvents() {
    if (new_hi_ < new_lo_) return Status::Ok();
    index_fts_.Reset();
    index_fts_.Bind(1, new_lo_);
    index_fts_.Bind(2, new_hi_);
    if (index_fts_.Step() != SQLITE_DONE) return SqlError(db_, "index new events");
    new_lo_ = 1;
    new_hi_ = 0;
    return Status::Ok();
  }

  Status Prepare() {
    const std::pair<Statement*, const char*> all[] = {
        {&find_, "SELECT content_hash FROM articles WHERE id = ?1"},
        {&drop_,
         "DELETE FROM events WHERE event_id IN (SELECT event_id FROM event_articles WHERE doc_id = ?1) "
         "AND event_id NOT IN (SELECT event_id FROM event_articles WHERE doc_id <> ?1)"},
        {&unlink_, "DELETE FROM event_articles WHERE doc_id = ?1"},
        {&delete_event_, "DELETE FROM events WHERE event_id = ?1"},
        {&put_article_,
         "INSERT INTO articles(id, url, title, published, text, content_hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
         "ON CONFLICT(id) DO UPDATE SET url = excluded.url, title = excluded.title, "
         "published = excluded.published, text = excluded.text, content_hash = excluded.content_hash"},
        {&new_event_,
         "INSERT INTO events(event_id, event_date, date_start, date_end, event_type, sub_event_type, "
         "country, iso3, admin1, admin2, location, latitude, longitude, fatalities, deaths_best, actor1, "
         "actor2, inter1, inter2, confidence, historical, notes, extra) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
         "?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23) "
         "ON CONFLICT(event_id) DO NOTHING"},
        {&index_fts_, "INSERT INTO events_fts(rowid, notes) SELECT rid, notes FROM events WHERE rid BETWEEN ?1 AND ?2"},
        {&put_event_,
         "INSERT INTO events(event_id, event_date, date_start, date_end, event_type, sub_event_type, "
         "country, iso3, admin1, admin2, location, latitude, longitude, fatalities, deaths_best, actor1, "
         "actor2, inter1, inter2, confidence, historical, notes, extra) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
         "?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23) "
         "ON CONFLICT(event_id) DO UPDATE SET event_date = excluded.event_date, "
         "date_start = excluded.date_start, date_end = excluded.date_end, event_type = excluded.event_type, "
         "sub_event_type = excluded.sub_event_type, country = excluded.country, iso3 = excluded.iso3, "
         "admin1 = excluded.admin1, admin2 = excluded.admin2, location = excluded.location, "
         "latitude = excluded.latitude, longitude = excluded.longitude, fatalities = excluded.fatalities, "
         "deaths_best = excluded.deaths_best, actor1 = excluded.actor1, actor2 = excluded.actor2, "
         "inter1 = excluded.inter1, inter2 = excluded.inter2, confidence = excluded.confidence, "
         "historical = excluded.historical, notes = excluded.notes, extra = excluded.extra"},
        {&link_, "INSERT OR IGNORE INTO event_articles(event_id, doc_id) VALUES (?1, ?2)"},
    };
    for (const auto& [st, sql] : all) {
      if (!st->Prepare(db_, sql)) return SqlError(db_, "prepare");
      st->BindTextWithoutCopy();  // documents, events and extra_ outlive each Step
    }
    prepared_ = true;
    return Status::Ok();
  }

  Status MaybeCommit() {
    if (++pending_ < batch_) return Status::Ok();
    return Commit();
  }

  Status StoreEvent(const Document& doc, const Event& e) {
    extra_.clear();
    store::AppendEventExtra(e, &extra_);
    // A new event is a plain insert (indexed in bulk later); a stored one is updated in place
    // (its triggers re-index it), after the pending new rows are indexed.
    const int64_t changes_before = sqlite3_total_changes64(db_);
    SITREP_RETURN_IF_ERROR(BindAndStep(new_event_, e, "store event "));
    const bool inserted = sqlite3_total_changes64(db_) != changes_before;
    if (inserted) {
      const int64_t rid = sqlite3_last_insert_rowid(db_);
      if (new_hi_ < new_lo_) new_lo_ = rid;
      new_hi_ = rid;
    } else {
      SITREP_RETURN_IF_ERROR(IndexNewEvents());
      SITREP_RETURN_IF_ERROR(BindAndStep(put_event_, e, "store event "));
    }
    // Link to the articles the event names that are stored, and always to this one.
    auto link = [&](const std::string& doc_id) -> Status {
      link_.Reset();
      link_.Bind(1, e.event_id);
      link_.Bind(2, doc_id);
      if (link_.Step() != SQLITE_DONE) return SqlError(db_, "link event " + e.event_id);
      return Status::Ok();
    };
    SITREP_RETURN_IF_ERROR(link(doc.id));
    for (const auto& doc_id : e.doc_ids) {
      if (doc_id == doc.id) continue;
      find_.Reset();
      find_.Bind(1, doc_id);
      const bool stored = find_.Step() == SQLITE_ROW;
      find_.Reset();
      if (stored) SITREP_RETURN_IF_ERROR(link(doc_id));
    }
    return Status::Ok();
  }

  Status BindAndStep(Statement& p, const Event& e, const char* what) {
    p.Reset();
    BindEvent(p, e, extra_);
    if (p.Step() != SQLITE_DONE) return SqlError(db_, what + e.event_id);
    return Status::Ok();
  }

  sqlite3* db_;
  int batch_;
  int pending_ = 0;
  bool in_transaction_ = false;
  bool prepared_ = false;
  bool checked_empty_ = false;
  bool bulk_ = false;  // the query indexes are dropped until Finish
  std::string extra_;
  int64_t new_lo_ = 1, new_hi_ = 0;  // row ids of events inserted but not yet indexed
  Statement find_, drop_, unlink_, delete_event_, put_article_, new_event_, index_fts_, put_event_,
      link_;
};

}  // namespace

std::unique_ptr<Sink> SqliteStore::MakeSink(int batch_documents) {
  // A bulk write touches every index: give it a page cache that holds them (64 MiB).
  // Checkpoint every ~40 MB of WAL rather than every 4 MB: a hot index page is copied back
  // once per checkpoint, not once per batch.
  (void)Exec(impl_->db, "PRAGMA cache_size=-65536; PRAGMA wal_autocheckpoint=10000;");
  return std::make_unique<SqliteSink>(impl_->db, batch_documents);
}

namespace {

// The stored (country, iso3) pairs matching a country filter (name or ISO3 code, case-insensitive),
// for BuildWhere to narrow with; nullopt when a matching pair has a NULL side (a version-1 row:
// equality would miss it, so the plain filter runs).
Result<std::optional<std::vector<store::CountryPair>>> CountryPairs(StatementCache& impl, const std::string& value) {
  using Pairs = std::vector<store::CountryPair>;
  auto st = impl.Prepare("SELECT DISTINCT country, iso3 FROM country_codes WHERE country = ?1 OR iso3 = ?1");
  if (!st.ok()) return SqlError(impl.db, "query events");
  st->Bind(1, value);
  Pairs pairs;
  int rc;
  while ((rc = st->Step()) == SQLITE_ROW) {
    if (st->IsNull(0) || st->IsNull(1)) return std::optional<Pairs>();
    pairs.emplace_back(st->Text(0), st->Text(1));
  }
  if (rc != SQLITE_DONE) return SqlError(impl.db, "query events");
  return std::optional<Pairs>(std::move(pairs));
}

Result<store::SqlParts> Where(StatementCache& impl, const EventQuery& query) {
  std::optional<std::vector<store::CountryPair>> pairs;
  if (query.country) {
    auto found = CountryPairs(impl, *query.country);
    if (!found.ok()) return found.status();
    pairs = std::move(*found);
  }
  return store::BuildWhere(query, store::Dialect::kSqlite, pairs ? &*pairs : nullptr);
}

// The row ids of the page, in order. Sorting row ids (not rows carrying their JSON) keeps the
// sort small; the JSON is read for the page only.
Result<std::vector<int64_t>> PageRowIds(StatementCache& impl, const EventQuery& query) {
  auto parts = Where(impl, query);
  if (!parts.ok()) return parts.status();
  std::string sql = "SELECT e.rid FROM events e" + parts->where + store::OrderBy(query.sort, store::Dialect::kSqlite);
  store::AppendLimit(query, store::Dialect::kSqlite, &*parts, &sql);
  auto st = impl.Prepare(sql);
  if (!st.ok()) return SqlError(impl.db, "query events");
  st->BindAll(parts->params);
  std::vector<int64_t> rids;
  if (query.limit > 0) rids.reserve(static_cast<size_t>(std::min<int64_t>(query.limit, 4096)));
  int rc;
  while ((rc = st->Step()) == SQLITE_ROW) rids.push_back(st->Int(0));
  if (rc != SQLITE_DONE) return SqlError(impl.db, "query events");
  return rids;
}

// A page of row ids and the number of rows matching the filters.
struct RowPage {
  std::vector<int64_t> rids;
  int64_t total = 0;
};

Result<RowPage> AllThenSlice(StatementCache& impl, const EventQuery& query) {
  EventQuery all = query;
  all.limit = 0;
  all.offset = 0;
  auto rids = PageRowIds(impl, all);
  if (!rids.ok()) return rids.status();
  RowPage page;
  page.total = static_cast<int64_t>(rids->size());
  const size_t from = static_cast<size_t>(std::min<int64_t>(query.offset, page.total));
  size_t to = rids->size();
  if (query.limit > 0) to = std::min(to, from + static_cast<size_t>(query.limit));
  page.rids.assign(rids->begin() + static_cast<std::ptrdiff_t>(from), rids->begin() + static_cast<std::ptrdiff_t>(to));
  return page;
}

// The largest event row id (0 when there is none).
Result<int64_t> MaxRowId(StatementCache& impl) {
  auto st = impl.Prepare("SELECT coalesce(max(rid), 0) FROM events");
  if (!st.ok() || st->Step() != SQLITE_ROW) return SqlError(impl.db, "query events");
  return st->Int(0);
}

// The row set of the events matching `parts` (the filters of a full-text query but the text; its
// parameter `set_param` is left unbound), from the cache or by one walk of their index; null when
// a row id does not fit a RowSet.
Result<std::shared_ptr<const RowSet>> FilterRowSet(StatementCache& impl, const store::SqlParts& parts,
                                                   int set_param) {
  const std::string sql = "SELECT sum(sitrep_rowset_add(?" + std::to_string(set_param) + ", e.rid)) FROM events e" +
                          parts.where;
  std::vector<store::SqlValue> params(parts.params.begin(), parts.params.begin() + (set_param - 1));
  const std::string key = CacheKey(sql, params);
  const auto now = DataVersion(impl);
  if (!now) return SqlError(impl.db, "query events");
  if (now != impl.filter_sets_at) {
    impl.filter_sets.clear();
    impl.filter_sets_at = now;
  }
  for (const auto& [k, cached] : impl.filter_sets) {
    if (k == key) return cached;
  }
  auto built = std::make_shared<RowSet>();
  auto max_rid = MaxRowId(impl);
  if (!max_rid.ok()) return max_rid.status();
  built->Reserve(*max_rid);
  auto st = impl.Prepare(sql);
  if (!st.ok()) return SqlError(impl.db, "query events");
  st->BindAll(params);
  st->BindPointer(set_param, built.get(), kRowSetType);
  if (st->Step() != SQLITE_ROW) return SqlError(impl.db, "query events");
  if (built->overflow) return std::shared_ptr<const RowSet>();  // not countable as a bitmap
  if (impl.filter_sets.size() >= StatementCache::kMaxFilterSets) impl.filter_sets.erase(impl.filter_sets.begin());
  impl.filter_sets.emplace_back(key, built);
  return std::shared_ptr<const RowSet>(std::move(built));
}

// Full-text queries. The matches are a set of row ids found first (notes and article matches, in
// one bitmap: no SQL UNION to sort and deduplicate them). Few matches: the planner drives the
// query from them (one row read per match). More: the other filters' SQL runs as usual, through
// their index and in sort order, with membership in the set as one more test on each index
// entry (sitrep_in_rowset); the page stops at its limit. The total is the size of the set when
// there is no other filter, else the number of its rows in the other filters' row set
// (FilterRowSet: one walk of their index into a bitmap, reused while the data is unchanged).
Result<RowPage> TextPage(StatementCache& impl, const EventQuery& query) {
  const std::vector<std::string> words = store::TextWords(*query.text);
  if (words.empty()) return AllThenSlice(impl, query);  // nothing searchable: BuildWhere's 1 = 0
  RowSet set;
  auto max_rid = MaxRowId(impl);
  if (!max_rid.ok()) return max_rid.status();
  set.Reserve(*max_rid);
  const std::string fts = store::FtsPhrase(words);
  for (const char* sql :
       {"SELECT sum(sitrep_rowset_add(?2, rowid)) FROM events_fts WHERE events_fts MATCH ?1",
        "SELECT sum(sitrep_rowset_add(?2, x.rid)) FROM articles_fts "
        "JOIN articles a ON a.rid = articles_fts.rowid "
        "JOIN event_articles l ON l.doc_id = a.id JOIN events x ON x.event_id = l.event_id "
        "WHERE articles_fts MATCH ?1"}) {
    auto st = impl.Prepare(sql);
    if (!st.ok()) return SqlError(impl.db, "query events");
    st->Bind(1, fts);
    st->BindPointer(2, &set, kRowSetType);
    if (st->Step() != SQLITE_ROW) return SqlError(impl.db, "query events");
  }
  RowPage page;
  if (set.size == 0 && !set.overflow) return page;
  constexpr int64_t kDriveFromMatches = 2000;
  if (set.size <= kDriveFromMatches || set.overflow) return AllThenSlice(impl, query);
  EventQuery rest = query;
  rest.text.reset();
  auto parts = Where(impl, rest);
  if (!parts.ok()) return parts.status();
  const int set_param = static_cast<int>(parts->params.size()) + 1;
  parts->params.emplace_back(int64_t{0});  // rebound to the set below
  const std::string where = parts->where + (parts->where.empty() ? " WHERE " : " AND ") +
                            "sitrep_in_rowset(e.rid, ?" + std::to_string(set_param) + ")";
  if (rest.NoFilters()) {
    page.total = set.size;  // every match is an event row (read in this snapshot)
  } else {
    auto filter_set = FilterRowSet(impl, *parts, set_param);
    if (!filter_set.ok()) return filter_set.status();
    if (*filter_set) {
      page.total = set.CountBoth(**filter_set);
    } else {
      auto st = impl.Prepare("SELECT count(*) FROM events e" + where);
      if (!st.ok()) return SqlError(impl.db, "query events");
      st->BindAll(parts->params);
      st->BindPointer(set_param, &set, kRowSetType);
      if (st->Step() != SQLITE_ROW) return SqlError(impl.db, "query events");
      page.total = st->Int(0);
    }
  }
  std::string sql = "SELECT e.rid FROM events e" + where + store::OrderBy(query.sort, store::Dialect::kSqlite);
  store::AppendLimit(query, store::Dialect::kSqlite, &*parts, &sql);
  auto st = impl.Prepare(sql);
  if (!st.ok()) return SqlError(impl.db, "query events");
  st->BindAll(parts->params);
  st->BindPointer(set_param, &set, kRowSetType);
  if (query.limit > 0) page.rids.reserve(static_cast<size_t>(std::min<int64_t>(query.limit, 4096)));
  int rc;
  while ((rc = st->Step()) == SQLITE_ROW) page.rids.push_back(st->Int(0));
  if (rc != SQLITE_DONE) return SqlError(impl.db, "query events");
  return page;
}

// The events columns an Event is read from (EventOfRow), from column `kEventColumnsFirst` on.
constexpr std::string_view kEventColumns =
    "e.event_id, e.event_date, e.date_start, e.date_end, e.event_type, e.sub_event_type, e.country, e.iso3, "
    "e.admin1, e.admin2, e.location, e.latitude, e.longitude, e.fatalities, e.deaths_best, e.actor1, e.actor2, "
    "e.inter1, e.inter2, e.confidence, e.historical, e.notes, e.extra";

// The event of a row selected with kEventColumns from column `c` on: the columns, then `extra`.
// Values go through store::JsonText / JsonRoundTrip so that the event is the one version 5 gave
// back from its stored JSON.
Result<Event> EventOfRow(Statement& st, int c = 0) {
  auto text = [&](int col) { return store::JsonText(st.View(c + col)); };
  auto opt_text = [&](int col) {
    return st.IsNull(c + col) ? std::optional<std::string>() : std::optional<std::string>(text(col));
  };
  // A non-finite double was JSON null: no coordinate, confidence 0. -0 comes back as 0.
  auto real = [&](int col) -> std::optional<double> {
    const double v = sqlite3_column_double(st.get(), c + col);
    if (st.IsNull(c + col) || !std::isfinite(v)) return std::nullopt;
    return store::JsonRoundTrip(v);
  };
  Event e;
  e.event_id = text(0);
  e.event_date = opt_text(1);
  e.date_start = opt_text(2);
  e.date_end = opt_text(3);
  e.event_type = text(4);
  e.sub_event_type = text(5);
  e.country = text(6);
  e.iso3 = text(7);
  e.admin1 = opt_text(8);
  e.admin2 = opt_text(9);
  e.location = text(10);
  // The sink binds a point (both or neither; a NaN is NULL); `extra` has any other coordinate.
  e.latitude = real(11);
  e.longitude = real(12);
  e.fatalities = static_cast<int>(st.Int(c + 13));
  e.deaths_best = static_cast<int>(st.Int(c + 14));
  e.actor1 = opt_text(15);
  e.actor2 = opt_text(16);
  e.inter1 = static_cast<int>(st.Int(c + 17));
  e.inter2 = static_cast<int>(st.Int(c + 18));
  e.confidence = real(19).value_or(0);
  e.historical = st.Int(c + 20) != 0;
  e.notes = text(21);
  SITREP_RETURN_IF_ERROR(store::ApplyEventExtra(st.View(c + 22), &e));
  return e;
}

// Hands the event of each row id to `fn`, in order.
Status EventsOfRows(StatementCache& impl, std::span<const int64_t> rids,
                    const std::function<Status(Event&&)>& fn) {
  const std::string sql = "SELECT " + std::string(kEventColumns) + " FROM events e WHERE rid = ?1";
  for (int64_t rid : rids) {
    auto st = impl.Prepare(sql);
    if (!st.ok()) return SqlError(impl.db, "query events");
    st->Bind(1, rid);
    const int rc = st->Step();
    if (rc == SQLITE_DONE) continue;  // deleted since (another connection's write)
    if (rc != SQLITE_ROW) return SqlError(impl.db, "query events");
    auto event = EventOfRow(*st);
    if (!event.ok()) return event.status();
    SITREP_RETURN_IF_ERROR(fn(std::move(*event)));
  }
  return Status::Ok();
}

Status ForEachEvent(StatementCache& impl, const EventQuery& query, const std::function<Status(Event&&)>& fn) {
  SITREP_RETURN_IF_ERROR(query.Validate());
  if (query.text) {
    auto page = TextPage(impl, query);
    if (!page.ok()) return page.status();
    return EventsOfRows(impl, page->rids, fn);
  }
  auto rids = PageRowIds(impl, query);
  if (!rids.ok()) return rids.status();
  return EventsOfRows(impl, *rids, fn);
}

// The EventPoint columns of the events table, in EventPoint order (see PointOfRow).
constexpr std::string_view kPointColumns =
    "e.event_id, e.event_date, e.event_type, e.sub_event_type, e.country, e.admin1, e.actor1, "
    "e.actor2, e.latitude, e.longitude, e.fatalities";

Status PointOfRow(Statement& st, const std::function<Status(const EventPoint&)>& fn) {
  EventPoint p;
  p.event_id = st.View(0);
  p.event_date = st.View(1);
  p.event_type = st.View(2);
  p.sub_event_type = st.View(3);
  p.country = st.View(4);
  p.admin1 = st.View(5);
  p.actor1 = st.View(6);
  p.actor2 = st.View(7);
  if (!st.IsNull(8)) p.latitude = sqlite3_column_double(st.get(), 8);
  if (!st.IsNull(9)) p.longitude = sqlite3_column_double(st.get(), 9);
  p.fatalities = st.Int(10);
  return fn(p);
}

// Map points straight from the columns: one statement for plain filters; the text-search page's
// row ids (TextPage) otherwise.
Status ForEachPoint(StatementCache& impl, const EventQuery& query,
                    const std::function<Status(const EventPoint&)>& fn) {
  SITREP_RETURN_IF_ERROR(query.Validate());
  if (query.text) {
    auto page = TextPage(impl, query);
    if (!page.ok()) return page.status();
    const std::string sql = "SELECT " + std::string(kPointColumns) + " FROM events e WHERE rid = ?1";
    for (int64_t rid : page->rids) {
      auto st = impl.Prepare(sql);
      if (!st.ok()) return SqlError(impl.db, "query events");
      st->Bind(1, rid);
      const int rc = st->Step();
      if (rc == SQLITE_DONE) continue;  // deleted since (another connection's write)
      if (rc != SQLITE_ROW) return SqlError(impl.db, "query events");
      SITREP_RETURN_IF_ERROR(PointOfRow(*st, fn));
    }
    return Status::Ok();
  }
  auto parts = Where(impl, query);
  if (!parts.ok()) return parts.status();
  std::string sql = "SELECT " + std::string(kPointColumns) + " FROM events e" + parts->where +
                    store::OrderBy(query.sort, store::Dialect::kSqlite);
  store::AppendLimit(query, store::Dialect::kSqlite, &*parts, &sql);
  auto st = impl.Prepare(sql);
  if (!st.ok()) return SqlError(impl.db, "query events");
  st->BindAll(parts->params);
  int rc;
  while ((rc = st->Step()) == SQLITE_ROW) SITREP_RETURN_IF_ERROR(PointOfRow(*st, fn));
  if (rc != SQLITE_DONE) return SqlError(impl.db, "query events");
  return Status::Ok();
}

}  // namespace

Status SqliteStore::ScanPoints(const EventQuery& query,
                               const std::function<Status(const EventPoint&)>& fn) {
  return ForEachPoint(*impl_->statements, query, fn);
}

Status SqliteStore::Scan(const EventQuery& query, const std::function<Status(const Event&)>& fn) {
  return ForEachEvent(*impl_->statements, query, [&](Event&& e) { return fn(e); });
}

Status SqliteStore::ScanJson(const EventQuery& query, const std::function<Status(std::string_view json)>& fn) {
  std::string json;
  return ForEachEvent(*impl_->statements, query, [&](Event&& e) {
    json.clear();
    AppendEventJson(e, &json);
    return fn(json);
  });
}

Result<int64_t> SqliteStore::Count(const EventQuery& query) {
  SITREP_RETURN_IF_ERROR(query.Validate());
  auto parts = Where(*impl_->statements, query);
  if (!parts.ok()) return parts.status();
  const std::string sql = "SELECT count(*) FROM events e" + parts->where;
  std::string key = CacheKey(sql, parts->params);
  const auto now = ReadVersion();
  if (!now) return SqlError(impl_->db, "count events");
  if (now != impl_->counts_at) {
    impl_->counts.clear();
    impl_->counts_at = now;
  }
  if (auto it = impl_->counts.find(key); it != impl_->counts.end()) return it->second;
  int64_t n = 0;
  if (query.text) {
    EventQuery first = query;  // the total comes with any page
    first.limit = 1;
    first.offset = 0;
    auto rows = TextPage(*impl_->statements, first);
    if (!rows.ok()) return rows.status();
    n = rows->total;
  } else {
    auto st = impl_->statements->Prepare(sql);
    if (!st.ok()) return SqlError(impl_->db, "count events");
    st->BindAll(parts->params);
    if (st->Step() != SQLITE_ROW) return SqlError(impl_->db, "count events");
    n = st->Int(0);
  }
  if (impl_->counts.size() >= 1024) impl_->counts.clear();
  impl_->counts.emplace(std::move(key), n);
  return n;
}

Result<EventPage> SqliteStore::Query(const EventQuery& query) {
  SITREP_RETURN_IF_ERROR(query.Validate());
  // The page, its JSON and the total are separate statements: read them from one snapshot.
  struct ReadTransaction {
    sqlite3* db = nullptr;
    ~ReadTransaction() {
      if (db) (void)Exec(db, "COMMIT");
    }
  } snapshot;
  if (sqlite3_get_autocommit(impl_->db)) {
    SITREP_RETURN_IF_ERROR(Exec(impl_->db, "BEGIN"));
    snapshot.db = impl_->db;
  }
  EventPage page;
  auto add = [&](Event&& event) -> Status {
    page.events.push_back(std::move(event));
    return Status::Ok();
  };
  if (query.text) {
    // Full-text matches are a set the query builds first: build it once, for the total and the
    // page together, rather than once per statement.
    auto rows = TextPage(*impl_->statements, query);
    if (!rows.ok()) return rows.status();
    page.total = rows->total;
    SITREP_RETURN_IF_ERROR(EventsOfRows(*impl_->statements, rows->rids, add));
    return page;
  }
  SITREP_RETURN_IF_ERROR(ForEachEvent(*impl_->statements, query, add));
  auto total = Count(query);
  if (!total.ok()) return total.status();
  page.total = *total;
  return page;
}

Result<Event> SqliteStore::Get(const std::string& event_id) {
  Statement st(impl_->db, "SELECT " + std::string(kEventColumns) + " FROM events e WHERE event_id = ?1");
  if (!st.ok()) return SqlError(impl_->db, "get event");
  st.Bind(1, event_id);
  if (st.Step() != SQLITE_ROW) return Status(ErrorCode::kNotFound, "no event " + event_id);
  return EventOfRow(st);
}

Result<ArticleRecord> SqliteStore::GetArticle(const std::string& id) {
  Statement st(impl_->db, "SELECT id, url, title, published, text, content_hash FROM articles WHERE id = ?1");
  if (!st.ok()) return SqlError(impl_->db, "get article");
  st.Bind(1, id);
  if (st.Step() != SQLITE_ROW) return Status(ErrorCode::kNotFound, "no article " + id);
  ArticleRecord a{st.Text(0), st.Text(1), st.Text(2), st.Text(3), st.Text(4), st.Text(5), {}};
  Statement ev(impl_->db, "SELECT event_id FROM event_articles WHERE doc_id = ?1 ORDER BY event_id");
  if (!ev.ok()) return SqlError(impl_->db, "get article");
  ev.Bind(1, id);
  while (ev.Step() == SQLITE_ROW) a.event_ids.push_back(ev.Text(0));
  return a;
}

Result<EventStats> SqliteStore::Stats(const EventQuery& query) {
  SITREP_RETURN_IF_ERROR(query.Validate());
  auto where = Where(*impl_->statements, query);
  if (!where.ok()) return where.status();
  store::SqlParts parts = std::move(*where);
  EventStats stats;
  {
    Statement st(impl_->db, "SELECT count(*), coalesce(sum(e.fatalities), 0) FROM events e" + parts.where);
    if (!st.ok()) return SqlError(impl_->db, "stats");
    st.BindAll(parts.params);
    if (st.Step() != SQLITE_ROW) return SqlError(impl_->db, "stats");
    stats.events = st.Int(0);
    stats.fatalities = st.Int(1);
  }
  {
    Statement st(impl_->db, "SELECT count(*) FROM articles");
    if (!st.ok() || st.Step() != SQLITE_ROW) return SqlError(impl_->db, "stats");
    stats.articles = st.Int(0);
  }
  const std::pair<const char*, std::vector<StatsBucket>*> groups[] = {
      {"coalesce(e.event_date, '')", &stats.by_day},
      {"e.event_type", &stats.by_type},
      {"e.country", &stats.by_country}};
  for (const auto& [expr, out] : groups) {
    Statement st(impl_->db, std::string("SELECT ") + expr + " COLLATE BINARY AS k, count(*), "
                 "coalesce(sum(e.fatalities), 0) FROM events e" + parts.where + " GROUP BY k ORDER BY k");
    if (!st.ok()) return SqlError(impl_->db, "stats");
    st.BindAll(parts.params);
    while (st.Step() == SQLITE_ROW) out->push_back({st.Text(0), st.Int(1), st.Int(2)});
  }
  return stats;
}

std::optional<std::pair<int64_t, int64_t>> SqliteStore::ReadVersion() {
  return DataVersion(*impl_->statements);
}

Result<std::optional<std::string>> SqliteStore::ArticleHash(const std::string& id) {
  auto st = impl_->statements->Prepare("SELECT content_hash FROM articles WHERE id = ?1");
  if (!st.ok()) return SqlError(impl_->db, "article hash");
  st->Bind(1, id);
  const int rc = st->Step();
  if (rc == SQLITE_DONE) return std::optional<std::string>();
  if (rc != SQLITE_ROW) return SqlError(impl_->db, "article hash");
  return std::optional<std::string>(st->Text(0));
}

Status SqliteStore::ScanMergeCandidates(const std::string& iso3, const std::string& from, const std::string& to,
                                        const std::function<Status(MergeCandidate&&)>& fn) {
  // The country names stored with that code narrow the (country, iso3, event_date) index.
  auto st = impl_->statements->Prepare(
      "SELECT (SELECT max(a.published) FROM event_articles l JOIN articles a ON a.id = l.doc_id "
      "WHERE l.event_id = e.event_id), " + std::string(kEventColumns) + " FROM events e "
      "WHERE e.country IN (SELECT country FROM country_codes WHERE iso3 = ?1) AND e.iso3 = ?1 "
      "AND e.event_date BETWEEN ?2 AND ?3 ORDER BY e.event_id");
  if (!st.ok()) return SqlError(impl_->db, "merge candidates");
  st->Bind(1, iso3);
  st->Bind(2, from);
  st->Bind(3, to);
  int rc;
  while ((rc = st->Step()) == SQLITE_ROW) {
    auto event = EventOfRow(*st, 1);
    if (!event.ok()) return event.status();
    SITREP_RETURN_IF_ERROR(fn(MergeCandidate{std::move(*event), st->Text(0)}));
  }
  if (rc != SQLITE_DONE) return SqlError(impl_->db, "merge candidates");
  return Status::Ok();
}

Result<std::vector<StoredArticle>> SqliteStore::ListArticles() {
  Statement st(impl_->db,
               "SELECT a.id, a.url, a.title, a.published, length(CAST(a.text AS BLOB)), "
               "(SELECT count(*) FROM event_articles l WHERE l.doc_id = a.id) "
               "FROM articles a ORDER BY a.published, a.id");
  if (!st.ok()) return SqlError(impl_->db, "list articles");
  std::vector<StoredArticle> out;
  while (st.Step() == SQLITE_ROW) {
    out.push_back({st.Text(0), st.Text(1), st.Text(2), st.Text(3), static_cast<uint64_t>(st.Int(4)),
                   st.Int(5)});
  }
  return out;
}

}  // namespace sitrep
