// SQLite storage. One connection per store; writes are batched in transactions so a run killed
// mid-way leaves whole documents only, and a rerun skips what is already stored.
#include "sitrep/sqlite_store.h"

#include <sqlite3.h>

#include <cstdio>

namespace sitrep {

std::string ContentHash(std::string_view bytes) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ull;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

namespace {

constexpr const char* kSchema = R"sql(
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
)sql";

Status SqlError(sqlite3* db, const std::string& what) {
  return Status(ErrorCode::kIo, what + ": " + (db ? sqlite3_errmsg(db) : "no database"));
}

// RAII prepared statement.
class Statement {
 public:
  Statement(sqlite3* db, const char* sql) : db_(db) {
    if (sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) != SQLITE_OK) stmt_ = nullptr;
  }
  ~Statement() { sqlite3_finalize(stmt_); }
  bool ok() const { return stmt_ != nullptr; }
  sqlite3_stmt* get() { return stmt_; }
  void Reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  void Bind(int i, const std::string& text) { Bind(i, std::string_view(text)); }
  void Bind(int i, const char* text) { Bind(i, std::string_view(text)); }
  void Bind(int i, std::string_view text) {
    sqlite3_bind_text(stmt_, i, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  }
  void Bind(int i, int64_t v) { sqlite3_bind_int64(stmt_, i, v); }
  void BindOptional(int i, const std::optional<std::string>& v) {
    v ? Bind(i, std::string_view(*v)) : (void)sqlite3_bind_null(stmt_, i);
  }
  void BindOptional(int i, const std::optional<double>& v) {
    v ? (void)sqlite3_bind_double(stmt_, i, *v) : (void)sqlite3_bind_null(stmt_, i);
  }
  int Step() { return sqlite3_step(stmt_); }
  std::string Text(int col) {
    const unsigned char* p = sqlite3_column_text(stmt_, col);
    return p ? std::string(reinterpret_cast<const char*>(p),
                           static_cast<size_t>(sqlite3_column_bytes(stmt_, col)))
             : std::string();
  }
  int64_t Int(int col) { return sqlite3_column_int64(stmt_, col); }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
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

}  // namespace

struct SqliteStore::Impl {
  sqlite3* db = nullptr;
  ~Impl() { sqlite3_close(db); }
};

SqliteStore::SqliteStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
SqliteStore::~SqliteStore() = default;

Result<std::unique_ptr<SqliteStore>> SqliteStore::Open(const std::string& path) {
  auto impl = std::make_unique<Impl>();
  if (sqlite3_open_v2(path.c_str(), &impl->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                      nullptr) != SQLITE_OK) {
    return SqlError(impl->db, "cannot open " + path);
  }
  sqlite3_busy_timeout(impl->db, 5000);
  SITREP_RETURN_IF_ERROR(Exec(impl->db, "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON;"));
  int version = 0;
  {
    Statement st(impl->db, "PRAGMA user_version");
    if (!st.ok() || st.Step() != SQLITE_ROW) return SqlError(impl->db, path + " is not a database");
    version = static_cast<int>(st.Int(0));
  }
  if (version != 0 && version != kSchemaVersion) {
    return Status(ErrorCode::kUnsupported,
                  path + " has schema version " + std::to_string(version) + "; this sitrep reads " +
                      std::to_string(kSchemaVersion));
  }
  SITREP_RETURN_IF_ERROR(Exec(impl->db, kSchema));
  SITREP_RETURN_IF_ERROR(Exec(impl->db, "PRAGMA user_version = 1;"));
  return std::unique_ptr<SqliteStore>(new SqliteStore(std::move(impl)));
}

namespace {

class SqliteSink final : public Sink {
 public:
  SqliteSink(sqlite3* db, int batch) : db_(db), batch_(batch > 0 ? batch : 1) {}
  ~SqliteSink() override {
    if (in_transaction_) (void)Exec(db_, "COMMIT");
  }

  Status Consume(const Document& doc, std::span<const Event> events) override {
    if (!in_transaction_) {
      SITREP_RETURN_IF_ERROR(Exec(db_, "BEGIN IMMEDIATE"));
      in_transaction_ = true;
    }
    const std::string hash = ContentHash(doc.text);
    Statement find(db_, "SELECT content_hash FROM articles WHERE id = ?1");
    find.Bind(1, doc.id);
    bool exists = false;
    if (find.Step() == SQLITE_ROW) {
      if (find.Text(0) == hash) return MaybeCommit();  // unchanged: idempotent no-op
      exists = true;
    }
    if (exists) {
      // Changed content: drop the old version's events that only it reported.
      Statement drop(db_,
                     "DELETE FROM events WHERE event_id IN (SELECT event_id FROM event_articles "
                     "WHERE doc_id = ?1) AND event_id NOT IN (SELECT event_id FROM event_articles "
                     "WHERE doc_id <> ?1)");
      drop.Bind(1, doc.id);
      if (drop.Step() != SQLITE_DONE) return SqlError(db_, "replace article " + doc.id);
    }
    Statement put(db_,
                  "INSERT OR REPLACE INTO articles(id, url, title, published, text, content_hash) "
                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    put.Bind(1, doc.id);
    put.Bind(2, doc.url);
    put.Bind(3, doc.title);
    put.Bind(4, doc.published);
    put.Bind(5, doc.text);
    put.Bind(6, hash);
    if (put.Step() != SQLITE_DONE) return SqlError(db_, "store article " + doc.id);
    for (const Event& event : events) SITREP_RETURN_IF_ERROR(StoreEvent(event));
    return MaybeCommit();
  }

  Status Finish() override {
    if (!in_transaction_) return Status::Ok();
    in_transaction_ = false;
    pending_ = 0;
    return Exec(db_, "COMMIT");
  }

 private:
  Status MaybeCommit() {
    if (++pending_ < batch_) return Status::Ok();
    return Finish();
  }

  Status StoreEvent(const Event& e) {
    std::string json;
    AppendEventJson(e, &json);
    Statement put(db_,
                  "INSERT OR REPLACE INTO events(event_id, event_type, sub_event_type, event_date, "
                  "country, admin1, location, latitude, longitude, fatalities, historical, json) "
                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
    put.Bind(1, e.event_id);
    put.Bind(2, e.event_type);
    put.Bind(3, e.sub_event_type);
    put.BindOptional(4, e.event_date);
    put.Bind(5, e.country);
    put.BindOptional(6, e.admin1);
    put.Bind(7, e.location);
    put.BindOptional(8, e.latitude);
    put.BindOptional(9, e.longitude);
    put.Bind(10, int64_t{e.fatalities});
    put.Bind(11, int64_t{e.historical});
    put.Bind(12, json);
    if (put.Step() != SQLITE_DONE) return SqlError(db_, "store event " + e.event_id);
    Statement link(db_, "INSERT OR IGNORE INTO event_articles(event_id, doc_id) VALUES (?1, ?2)");
    for (const auto& doc_id : e.doc_ids) {
      link.Reset();
      link.Bind(1, e.event_id);
      link.Bind(2, doc_id);
      if (link.Step() != SQLITE_DONE) return SqlError(db_, "link event " + e.event_id);
    }
    Statement clear(db_, "DELETE FROM evidence WHERE event_id = ?1");
    clear.Bind(1, e.event_id);
    if (clear.Step() != SQLITE_DONE) return SqlError(db_, "evidence of " + e.event_id);
    Statement ev(db_,
                 "INSERT INTO evidence(event_id, field, doc_id, start, end, text) "
                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    for (const auto& span : e.evidence) {
      ev.Reset();
      ev.Bind(1, e.event_id);
      ev.Bind(2, span.field);
      ev.Bind(3, span.doc_id);
      ev.Bind(4, int64_t{span.start});
      ev.Bind(5, int64_t{span.end});
      ev.Bind(6, span.text);
      if (ev.Step() != SQLITE_DONE) return SqlError(db_, "evidence of " + e.event_id);
    }
    return Status::Ok();
  }

  sqlite3* db_;
  int batch_;
  int pending_ = 0;
  bool in_transaction_ = false;
};

}  // namespace

std::unique_ptr<Sink> SqliteStore::MakeSink(int batch_documents) {
  return std::make_unique<SqliteSink>(impl_->db, batch_documents);
}

Result<std::vector<StoredArticle>> SqliteStore::ListArticles() const {
  Statement st(impl_->db,
               "SELECT a.id, a.url, a.title, a.published, length(CAST(a.text AS BLOB)), "
               "(SELECT count(*) FROM event_articles l WHERE l.doc_id = a.id) "
               "FROM articles a ORDER BY a.published, a.id");
  if (!st.ok()) return SqlError(impl_->db, "list articles");
  std::vector<StoredArticle> out;
  while (st.Step() == SQLITE_ROW) {
    out.push_back({st.Text(0), st.Text(1), st.Text(2), st.Text(3),
                   static_cast<uint64_t>(st.Int(4)), st.Int(5)});
  }
  return out;
}

Result<std::vector<Event>> SqliteStore::ListEvents(int64_t limit) const {
  Statement st(impl_->db,
               "SELECT event_id, event_type, sub_event_type, event_date, country, admin1, location, "
               "fatalities, historical, "
               "(SELECT group_concat(doc_id, ' ') FROM event_articles l WHERE l.event_id = e.event_id) "
               "FROM events e ORDER BY event_date, event_id LIMIT ?1");
  if (!st.ok()) return SqlError(impl_->db, "list events");
  st.Bind(1, limit > 0 ? limit : int64_t{-1});
  std::vector<Event> out;
  while (st.Step() == SQLITE_ROW) {
    Event e;
    e.event_id = st.Text(0);
    e.event_type = st.Text(1);
    e.sub_event_type = st.Text(2);
    if (sqlite3_column_type(st.get(), 3) != SQLITE_NULL) e.event_date = st.Text(3);
    e.country = st.Text(4);
    if (sqlite3_column_type(st.get(), 5) != SQLITE_NULL) e.admin1 = st.Text(5);
    e.location = st.Text(6);
    e.fatalities = static_cast<int>(st.Int(7));
    e.historical = st.Int(8) != 0;
    std::string docs = st.Text(9);
    size_t pos = 0;
    while (pos < docs.size()) {
      size_t space = docs.find(' ', pos);
      if (space == std::string::npos) space = docs.size();
      e.doc_ids.push_back(docs.substr(pos, space - pos));
      pos = space + 1;
    }
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace sitrep
