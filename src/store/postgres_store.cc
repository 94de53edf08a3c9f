// PostgreSQL + PostGIS storage through libpq (the C client). libpq rather than libpqxx 6.4: it is
// the one stable, ABI-versioned client every distribution ships with libpq-dev, it has no C++
// exception-based API to translate into Status, and all we need is parameterized PQexecParams
// and transactions. Every value travels as a bound parameter; no value is spliced into SQL.
#include "sitrep/postgres_store.h"

#include <libpq-fe.h>

#include <cstdio>

#include "query_sql.h"

namespace sitrep {
namespace {

using Param = std::optional<std::string>;

struct ResultDeleter {
  void operator()(PGresult* r) const { PQclear(r); }
};
using PgResult = std::unique_ptr<PGresult, ResultDeleter>;

std::string DoubleText(double v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

Param ToParam(const store::SqlValue& v) {
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  if (const auto* d = std::get_if<double>(&v)) return DoubleText(*d);
  return std::to_string(std::get<int64_t>(v));
}

std::string Trim(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

// Version 1: the same logical tables as SQLite version 1.
constexpr const char* kSchemaV1 = R"sql(
CREATE TABLE IF NOT EXISTS sitrep_schema (version integer NOT NULL);
INSERT INTO sitrep_schema(version) SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM sitrep_schema);
CREATE TABLE articles (
  id text COLLATE "C" PRIMARY KEY,
  url text,
  title text,
  published text COLLATE "C",
  text text NOT NULL,
  content_hash text NOT NULL
);
CREATE TABLE events (
  event_id text COLLATE "C" PRIMARY KEY,
  event_type text,
  sub_event_type text,
  event_date text COLLATE "C",
  country text,
  admin1 text,
  location text,
  latitude double precision,
  longitude double precision,
  fatalities integer,
  historical boolean,
  json text NOT NULL
);
CREATE TABLE event_articles (
  event_id text COLLATE "C" NOT NULL REFERENCES events(event_id) ON DELETE CASCADE,
  doc_id text COLLATE "C" NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  PRIMARY KEY (event_id, doc_id)
);
CREATE INDEX event_articles_doc ON event_articles(doc_id);
CREATE TABLE evidence (
  event_id text COLLATE "C" NOT NULL REFERENCES events(event_id) ON DELETE CASCADE,
  field text NOT NULL,
  doc_id text NOT NULL,
  start integer NOT NULL,
  "end" integer NOT NULL,
  text text
);
CREATE INDEX evidence_event ON evidence(event_id);
UPDATE sitrep_schema SET version = 1;
)sql";

// 1 -> 2: the filter columns (filled from the stored JSON), geography point + GiST, tsvector + GIN.
constexpr const char* kMigrate1To2 = R"sql(
CREATE EXTENSION IF NOT EXISTS postgis;
ALTER TABLE articles
  ADD COLUMN tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', coalesce(title, '') || ' ' || text)) STORED;
CREATE INDEX articles_tsv ON articles USING gin (tsv);
CREATE INDEX articles_published ON articles (published, id);
ALTER TABLE events
  ADD COLUMN date_start text COLLATE "C",
  ADD COLUMN date_end text COLLATE "C",
  ADD COLUMN iso3 text NOT NULL DEFAULT '',
  ADD COLUMN admin2 text,
  ADD COLUMN deaths_best integer NOT NULL DEFAULT 0,
  ADD COLUMN actor1 text,
  ADD COLUMN actor2 text,
  ADD COLUMN inter1 integer NOT NULL DEFAULT 0,
  ADD COLUMN inter2 integer NOT NULL DEFAULT 0,
  ADD COLUMN confidence double precision NOT NULL DEFAULT 0,
  ADD COLUMN notes text NOT NULL DEFAULT '',
  ADD COLUMN geog geography(Point, 4326);
UPDATE events SET
  date_start = json::jsonb->>'date_start',
  date_end = json::jsonb->>'date_end',
  iso3 = coalesce(json::jsonb->>'iso3', ''),
  admin2 = json::jsonb->>'admin2',
  deaths_best = coalesce((json::jsonb->>'deaths_best')::integer, 0),
  actor1 = json::jsonb->>'actor1',
  actor2 = json::jsonb->>'actor2',
  inter1 = coalesce((json::jsonb->>'inter1')::integer, 0),
  inter2 = coalesce((json::jsonb->>'inter2')::integer, 0),
  confidence = coalesce((json::jsonb->>'confidence')::double precision, 0),
  notes = coalesce(json::jsonb->>'notes', ''),
  fatalities = coalesce(fatalities, 0),
  historical = coalesce(historical, false),
  geog = CASE WHEN latitude IS NULL OR longitude IS NULL THEN NULL
         ELSE ST_SetSRID(ST_MakePoint(longitude, latitude), 4326)::geography END;
ALTER TABLE events
  ALTER COLUMN fatalities SET NOT NULL, ALTER COLUMN fatalities SET DEFAULT 0,
  ALTER COLUMN historical SET NOT NULL, ALTER COLUMN historical SET DEFAULT false,
  ADD COLUMN notes_tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', notes)) STORED;
CREATE INDEX events_geog ON events USING gist (geog);
CREATE INDEX events_geom ON events USING gist ((geog::geometry));
CREATE INDEX events_notes_tsv ON events USING gin (notes_tsv);
CREATE INDEX events_date ON events (event_date NULLS FIRST, event_id);
CREATE INDEX events_country ON events (lower(country), event_date);
CREATE INDEX events_iso3 ON events (lower(iso3), event_date);
CREATE INDEX events_admin1 ON events (lower(admin1));
CREATE INDEX events_type ON events (lower(event_type), lower(sub_event_type));
CREATE INDEX events_fatalities ON events (fatalities);
UPDATE sitrep_schema SET version = 2;
)sql";

// 2 -> 5 (the SQLite numbering; PostgreSQL had no 3 or 4): the query indexes of SQLite's version
// 5 in this backend's terms (the filters compare lower() of the text columns, so the indexes do):
// admin1 then type then date, sub-type then date, fatalities then date. The country filter is an
// OR of name and code, a BitmapOr of the two version-2 indexes, which stay.
constexpr const char* kMigrate2To5 = R"sql(
DROP INDEX IF EXISTS events_admin1;
DROP INDEX IF EXISTS events_fatalities;
CREATE INDEX events_admin1_type ON events (lower(admin1), lower(event_type), event_date, event_id);
CREATE INDEX events_sub_type_date ON events (lower(sub_event_type), event_date, event_id);
CREATE INDEX events_fatalities ON events (fatalities, event_date, event_id);
UPDATE sitrep_schema SET version = 5;
)sql";

// 5 -> 6: the evidence table goes (never read: each event's JSON holds its evidence), as in SQLite.
constexpr const char* kMigrate5To6 = R"sql(
DROP TABLE IF EXISTS evidence;
UPDATE sitrep_schema SET version = 6;
)sql";

struct Migration {
  int to_version;
  const char* sql;
};
constexpr Migration kMigrations[] = {{1, kSchemaV1}, {2, kMigrate1To2}, {5, kMigrate2To5}, {6, kMigrate5To6}};

class Connection {
 public:
  explicit Connection(PGconn* conn) : conn_(conn) {}
  ~Connection() { PQfinish(conn_); }
  PGconn* get() const { return conn_; }

  Status Error(const std::string& what) const {
    return Status(ErrorCode::kIo, what + ": " + Trim(PQerrorMessage(conn_)));
  }

  Result<PgResult> Exec(const std::string& sql, const std::vector<Param>& params = {}) const {
    std::vector<const char*> values;
    values.reserve(params.size());
    for (const auto& p : params) values.push_back(p ? p->c_str() : nullptr);
    PgResult r(PQexecParams(conn_, sql.c_str(), static_cast<int>(params.size()), nullptr, values.data(),
                            nullptr, nullptr, 0));
    const ExecStatusType st = r ? PQresultStatus(r.get()) : PGRES_FATAL_ERROR;
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
      return Status(ErrorCode::kIo, "postgresql: " + Trim(r ? PQresultErrorMessage(r.get()) : PQerrorMessage(conn_)));
    }
    return r;
  }
  // Several statements, no parameters (schema scripts).
  Status ExecScript(const char* sql) const {
    PgResult r(PQexec(conn_, sql));
    const ExecStatusType st = r ? PQresultStatus(r.get()) : PGRES_FATAL_ERROR;
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
      return Status(ErrorCode::kIo, "postgresql: " + Trim(r ? PQresultErrorMessage(r.get()) : PQerrorMessage(conn_)));
    }
    return Status::Ok();
  }

 private:
  PGconn* conn_;
};

std::string Cell(PGresult* r, int row, int col) {
  return PQgetisnull(r, row, col) ? std::string() : std::string(PQgetvalue(r, row, col), PQgetlength(r, row, col));
}
int64_t GetInt(PGresult* r, int row, int col) { return std::strtoll(PQgetvalue(r, row, col), nullptr, 10); }

void NoNotices(void*, const char*) {}

Result<std::unique_ptr<Connection>> Connect(const std::string& conninfo) {
  PGconn* raw = PQconnectdb(conninfo.c_str());
  auto conn = std::make_unique<Connection>(raw);
  if (!raw || PQstatus(raw) != CONNECTION_OK) {
    return Status(ErrorCode::kIo, "cannot connect to PostgreSQL: " + Trim(raw ? PQerrorMessage(raw) : "out of memory"));
  }
  PQsetNoticeProcessor(raw, NoNotices, nullptr);
  return conn;
}

Status Migrate(const Connection& c) {
  SITREP_RETURN_IF_ERROR(c.ExecScript("BEGIN"));
  auto body = [&]() -> Status {
    // One migrator at a time across every process sharing the database.
    SITREP_RETURN_IF_ERROR(c.Exec("SELECT pg_advisory_xact_lock(7368726570)").status());
    auto reg = c.Exec("SELECT to_regclass('sitrep_schema') IS NOT NULL, to_regclass('events') IS NOT NULL");
    if (!reg.ok()) return reg.status();
    int version = 0;
    if (Cell(reg->get(), 0, 0) == "t") {
      auto v = c.Exec("SELECT version FROM sitrep_schema");
      if (!v.ok()) return v.status();
      if (PQntuples(v->get()) > 0) version = static_cast<int>(GetInt(v->get(), 0, 0));
    } else if (Cell(reg->get(), 0, 1) == "t") {
      return Status(ErrorCode::kUnsupported, "the database has an events table but no sitrep schema version");
    }
    if (version > PostgresStore::kSchemaVersion) {
      return Status(ErrorCode::kUnsupported,
                    "the database has schema version " + std::to_string(version) +
                        ", written by a newer sitrep; this sitrep reads versions up to " +
                        std::to_string(PostgresStore::kSchemaVersion) + ": upgrade sitrep");
    }
    for (const Migration& m : kMigrations) {
      if (m.to_version <= version) continue;
      Status s = c.ExecScript(m.sql);
      if (!s.ok()) {
        return Status(s.code(), "migrating the schema to version " + std::to_string(m.to_version) +
                                    " failed (" + s.message() + "); the database is unchanged");
      }
    }
    return Status::Ok();
  };
  Status s = body();
  if (!s.ok()) {
    (void)c.ExecScript("ROLLBACK");
    return s;
  }
  return c.ExecScript("COMMIT");
}

constexpr const char* kUpsertEvent =
    "INSERT INTO events(event_id, event_date, date_start, date_end, event_type, sub_event_type, country, "
    "iso3, admin1, admin2, location, latitude, longitude, fatalities, deaths_best, actor1, actor2, inter1, "
    "inter2, confidence, historical, notes, json, geog) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, "
    "$11, $12::float8, $13::float8, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, "
    "CASE WHEN $12::float8 IS NULL OR $13::float8 IS NULL THEN NULL "
    "ELSE ST_SetSRID(ST_MakePoint($13::float8, $12::float8), 4326)::geography END) "
    "ON CONFLICT (event_id) DO UPDATE SET event_date = EXCLUDED.event_date, date_start = EXCLUDED.date_start, "
    "date_end = EXCLUDED.date_end, event_type = EXCLUDED.event_type, sub_event_type = EXCLUDED.sub_event_type, "
    "country = EXCLUDED.country, iso3 = EXCLUDED.iso3, admin1 = EXCLUDED.admin1, admin2 = EXCLUDED.admin2, "
    "location = EXCLUDED.location, latitude = EXCLUDED.latitude, longitude = EXCLUDED.longitude, "
    "fatalities = EXCLUDED.fatalities, deaths_best = EXCLUDED.deaths_best, actor1 = EXCLUDED.actor1, "
    "actor2 = EXCLUDED.actor2, inter1 = EXCLUDED.inter1, inter2 = EXCLUDED.inter2, "
    "confidence = EXCLUDED.confidence, historical = EXCLUDED.historical, notes = EXCLUDED.notes, "
    "json = EXCLUDED.json, geog = EXCLUDED.geog";

class PostgresSink final : public Sink {
 public:
  PostgresSink(const Connection* c, int batch) : c_(c), batch_(batch > 0 ? batch : 1) {}
  ~PostgresSink() override {
    if (in_transaction_) (void)c_->ExecScript("COMMIT");
  }

  Status Consume(const Document& doc, std::span<const Event> events) override {
    return ConsumeMerged(doc, events, {}, false);
  }
  Status ConsumeMerged(const Document& doc, std::span<const Event> events,
                       std::span<const std::string> superseded) override {
    return ConsumeMerged(doc, events, superseded, true);
  }

  Status ConsumeMerged(const Document& doc, std::span<const Event> events,
                       std::span<const std::string> superseded, bool always_events) {
    if (!in_transaction_) {
      SITREP_RETURN_IF_ERROR(c_->ExecScript("BEGIN"));
      in_transaction_ = true;
    }
    Status s = ConsumeInTransaction(doc, events, superseded, always_events);
    if (!s.ok()) {
      (void)c_->ExecScript("ROLLBACK");
      in_transaction_ = false;
      pending_ = 0;
      return s;
    }
    return MaybeCommit();
  }

  Status Finish() override {
    if (!in_transaction_) return Status::Ok();
    in_transaction_ = false;
    pending_ = 0;
    return c_->ExecScript("COMMIT");
  }

 private:
  Status ConsumeInTransaction(const Document& doc, std::span<const Event> events,
                              std::span<const std::string> superseded, bool always_events) {
    for (const std::string& id : superseded) {
      SITREP_RETURN_IF_ERROR(c_->Exec("DELETE FROM events WHERE event_id = $1", {id}).status());
    }
    const std::string hash = ContentHash(doc.text);
    auto found = c_->Exec("SELECT content_hash FROM articles WHERE id = $1", {doc.id});
    if (!found.ok()) return found.status();
    if (PQntuples(found->get()) > 0) {
      if (Cell(found->get(), 0, 0) == hash) {  // unchanged: idempotent no-op
        if (always_events) {
          for (const Event& e : events) SITREP_RETURN_IF_ERROR(StoreEvent(doc, e));
        }
        return Status::Ok();
      }
      SITREP_RETURN_IF_ERROR(
          c_->Exec("DELETE FROM events WHERE event_id IN (SELECT event_id FROM event_articles WHERE doc_id = $1) "
                   "AND event_id NOT IN (SELECT event_id FROM event_articles WHERE doc_id <> $1)",
                   {doc.id})
              .status());
      SITREP_RETURN_IF_ERROR(c_->Exec("DELETE FROM event_articles WHERE doc_id = $1", {doc.id}).status());
    }
    SITREP_RETURN_IF_ERROR(
        c_->Exec("INSERT INTO articles(id, url, title, published, text, content_hash) VALUES ($1, $2, $3, $4, $5, $6) "
                 "ON CONFLICT (id) DO UPDATE SET url = EXCLUDED.url, title = EXCLUDED.title, "
                 "published = EXCLUDED.published, text = EXCLUDED.text, content_hash = EXCLUDED.content_hash",
                 {doc.id, doc.url, doc.title, doc.published, doc.text, hash})
            .status());
    for (const Event& e : events) SITREP_RETURN_IF_ERROR(StoreEvent(doc, e));
    return Status::Ok();
  }

  Status StoreEvent(const Document& doc, const Event& e) {
    std::string json;
    AppendEventJson(e, &json);
    const bool geo = e.latitude && e.longitude;
    SITREP_RETURN_IF_ERROR(
        c_->Exec(kUpsertEvent,
                 {e.event_id, e.event_date, e.date_start, e.date_end, e.event_type, e.sub_event_type, e.country,
                  e.iso3, e.admin1, e.admin2, e.location, geo ? Param(DoubleText(*e.latitude)) : std::nullopt,
                  geo ? Param(DoubleText(*e.longitude)) : std::nullopt, std::to_string(e.fatalities),
                  std::to_string(e.deaths_best), e.actor1, e.actor2, std::to_string(e.inter1),
                  std::to_string(e.inter2), DoubleText(e.confidence), e.historical ? "true" : "false", e.notes,
                  json})
            .status());
    const char* link =
        "INSERT INTO event_articles(event_id, doc_id) SELECT $1, id FROM articles WHERE id = $2 "
        "ON CONFLICT DO NOTHING";
    SITREP_RETURN_IF_ERROR(c_->Exec(link, {e.event_id, doc.id}).status());
    for (const auto& d : e.doc_ids) {
      if (d != doc.id) SITREP_RETURN_IF_ERROR(c_->Exec(link, {e.event_id, d}).status());
    }
    return Status::Ok();
  }

  Status MaybeCommit() {
    if (++pending_ < batch_) return Status::Ok();
    return Finish();
  }

  const Connection* c_;
  int batch_;
  int pending_ = 0;
  bool in_transaction_ = false;
};

std::vector<Param> Params(const std::vector<store::SqlValue>& values) {
  std::vector<Param> out;
  for (const auto& v : values) out.push_back(ToParam(v));
  return out;
}

}  // namespace

struct PostgresStore::Impl {
  std::unique_ptr<Connection> conn;
};

PostgresStore::PostgresStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
PostgresStore::~PostgresStore() = default;

Result<std::unique_ptr<PostgresStore>> PostgresStore::Open(const std::string& conninfo) {
  auto conn = Connect(conninfo);
  if (!conn.ok()) return conn.status();
  SITREP_RETURN_IF_ERROR(Migrate(**conn));
  auto impl = std::make_unique<Impl>();
  impl->conn = std::move(*conn);
  return std::unique_ptr<PostgresStore>(new PostgresStore(std::move(impl)));
}

Status PostgresStore::DropAllForTest(const std::string& conninfo) {
  auto conn = Connect(conninfo);
  if (!conn.ok()) return conn.status();
  return (*conn)->ExecScript(
      "DROP TABLE IF EXISTS evidence, event_articles, events, articles, sitrep_schema CASCADE");
}

std::unique_ptr<Sink> PostgresStore::MakeSink(int batch_documents) {
  return std::make_unique<PostgresSink>(impl_->conn.get(), batch_documents);
}

Status PostgresStore::Scan(const EventQuery& query, const std::function<Status(const Event&)>& fn) {
  SITREP_RETURN_IF_ERROR(query.Validate());
  store::SqlParts parts = store::BuildWhere(query, store::Dialect::kPostgres);
  std::string sql = "SELECT e.json FROM events e" + parts.where + store::OrderBy(query.sort, store::Dialect::kPostgres);
  store::AppendLimit(query, store::Dialect::kPostgres, &parts, &sql);
  // Pages of rows through a cursor-free keyset would be nicer; a single result is fine for the
  // sizes exports handle today.
  auto r = impl_->conn->Exec(sql, Params(parts.params));
  if (!r.ok()) return r.status();
  const int n = PQntuples(r->get());
  for (int i = 0; i < n; ++i) {
    auto event = ParseEventJson(std::string_view(PQgetvalue(r->get(), i, 0), PQgetlength(r->get(), i, 0)));
    if (!event.ok()) return event.status();
    SITREP_RETURN_IF_ERROR(fn(*event));
  }
  return Status::Ok();
}

Result<EventPage> PostgresStore::Query(const EventQuery& query) {
  EventPage page;
  SITREP_RETURN_IF_ERROR(Scan(query, [&](const Event& e) {
    page.events.push_back(e);
    return Status::Ok();
  }));
  auto total = Count(query);
  if (!total.ok()) return total.status();
  page.total = *total;
  return page;
}

Result<int64_t> PostgresStore::Count(const EventQuery& query) {
  SITREP_RETURN_IF_ERROR(query.Validate());
  store::SqlParts parts = store::BuildWhere(query, store::Dialect::kPostgres);
  auto r = impl_->conn->Exec("SELECT count(*) FROM events e" + parts.where, Params(parts.params));
  if (!r.ok()) return r.status();
  return GetInt(r->get(), 0, 0);
}

Result<Event> PostgresStore::Get(const std::string& event_id) {
  auto r = impl_->conn->Exec("SELECT json FROM events WHERE event_id = $1", {event_id});
  if (!r.ok()) return r.status();
  if (PQntuples(r->get()) == 0) return Status(ErrorCode::kNotFound, "no event " + event_id);
  return ParseEventJson(Cell(r->get(), 0, 0));
}

Result<ArticleRecord> PostgresStore::GetArticle(const std::string& id) {
  auto r = impl_->conn->Exec("SELECT id, url, title, published, text, content_hash FROM articles WHERE id = $1", {id});
  if (!r.ok()) return r.status();
  if (PQntuples(r->get()) == 0) return Status(ErrorCode::kNotFound, "no article " + id);
  PGresult* p = r->get();
  ArticleRecord a{Cell(p, 0, 0), Cell(p, 0, 1), Cell(p, 0, 2), Cell(p, 0, 3), Cell(p, 0, 4), Cell(p, 0, 5), {}};
  auto ev = impl_->conn->Exec("SELECT event_id FROM event_articles WHERE doc_id = $1 ORDER BY event_id", {id});
  if (!ev.ok()) return ev.status();
  for (int i = 0; i < PQntuples(ev->get()); ++i) a.event_ids.push_back(Cell(ev->get(), i, 0));
  return a;
}

Result<EventStats> PostgresStore::Stats(const EventQuery& query) {
  SITREP_RETURN_IF_ERROR(query.Validate());
  store::SqlParts parts = store::BuildWhere(query, store::Dialect::kPostgres);
  const auto params = Params(parts.params);
  EventStats stats;
  auto r = impl_->conn->Exec("SELECT count(*), coalesce(sum(e.fatalities), 0) FROM events e" + parts.where, params);
  if (!r.ok()) return r.status();
  stats.events = GetInt(r->get(), 0, 0);
  stats.fatalities = GetInt(r->get(), 0, 1);
  auto a = impl_->conn->Exec("SELECT count(*) FROM articles");
  if (!a.ok()) return a.status();
  stats.articles = GetInt(a->get(), 0, 0);
  const std::pair<const char*, std::vector<StatsBucket>*> groups[] = {
      {"coalesce(e.event_date, '')", &stats.by_day}, {"e.event_type", &stats.by_type}, {"e.country", &stats.by_country}};
  for (const auto& [expr, out] : groups) {
    auto g = impl_->conn->Exec(std::string("SELECT ") + expr + " COLLATE \"C\" AS k, count(*), "
                               "coalesce(sum(e.fatalities), 0) FROM events e" + parts.where + " GROUP BY 1 ORDER BY 1",
                               params);
    if (!g.ok()) return g.status();
    for (int i = 0; i < PQntuples(g->get()); ++i) {
      out->push_back({Cell(g->get(), i, 0), GetInt(g->get(), i, 1), GetInt(g->get(), i, 2)});
    }
  }
  return stats;
}

Result<std::optional<std::string>> PostgresStore::ArticleHash(const std::string& id) {
  auto r = impl_->conn->Exec("SELECT content_hash FROM articles WHERE id = $1", {id});
  if (!r.ok()) return r.status();
  if (PQntuples(r->get()) == 0) return std::optional<std::string>();
  return std::optional<std::string>(Cell(r->get(), 0, 0));
}

Status PostgresStore::ScanMergeCandidates(const std::string& iso3, const std::string& from,
                                          const std::string& to,
                                          const std::function<Status(MergeCandidate&&)>& fn) {
  auto r = impl_->conn->Exec(
      "SELECT e.json, (SELECT max(a.published) FROM event_articles l JOIN articles a ON a.id = l.doc_id "
      "WHERE l.event_id = e.event_id) FROM events e WHERE lower(e.iso3) = lower($1) "
      "AND e.event_date >= $2 AND e.event_date <= $3 ORDER BY e.event_id",
      {iso3, from, to});
  if (!r.ok()) return r.status();
  PGresult* p = r->get();
  for (int i = 0; i < PQntuples(p); ++i) {
    auto event = ParseEventJson(std::string_view(PQgetvalue(p, i, 0), PQgetlength(p, i, 0)));
    if (!event.ok()) return event.status();
    SITREP_RETURN_IF_ERROR(fn(MergeCandidate{std::move(*event), Cell(p, i, 1)}));
  }
  return Status::Ok();
}

Result<std::vector<StoredArticle>> PostgresStore::ListArticles() {
  auto r = impl_->conn->Exec(
      "SELECT a.id, a.url, a.title, a.published, octet_length(a.text), "
      "(SELECT count(*) FROM event_articles l WHERE l.doc_id = a.id) FROM articles a ORDER BY a.published, a.id");
  if (!r.ok()) return r.status();
  std::vector<StoredArticle> out;
  PGresult* p = r->get();
  for (int i = 0; i < PQntuples(p); ++i) {
    out.push_back({Cell(p, i, 0), Cell(p, i, 1), Cell(p, i, 2), Cell(p, i, 3), static_cast<uint64_t>(GetInt(p, i, 4)),
                   GetInt(p, i, 5)});
  }
  return out;
}

}  // namespace sitrep
