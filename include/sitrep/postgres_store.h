// The shared multi-user store (PostgreSQL + PostGIS) behind the same EventStore interface as
// SQLite: same logical schema and migrations, a geography(Point,4326) column with a GiST index,
// tsvector/GIN full text. Uses libpq directly (see src/store/postgres_store.cc).
#pragma once

#include <memory>
#include <string>

#include "sitrep/event_store.h"

namespace sitrep {

class PostgresStore final : public EventStore {
 public:
  // Kept in the table sitrep_schema; the same numbering as SqliteStore::kSchemaVersion (3 and 4
  // changed only SQLite; 5 added the query indexes of both; 6 dropped the evidence table of both,
  // the evidence being stored with its event).
  static constexpr int kSchemaVersion = 6;

  // `conninfo`: a postgresql:// URI or a libpq keyword string. Creates the postgis extension if
  // missing (needs the right to), creates or migrates the schema, refuses a newer one.
  static Result<std::unique_ptr<PostgresStore>> Open(const std::string& conninfo);
  // Test hook: drops every sitrep table in the database (for a clean test run).
  static Status DropAllForTest(const std::string& conninfo);
  ~PostgresStore() override;
  PostgresStore(const PostgresStore&) = delete;
  PostgresStore& operator=(const PostgresStore&) = delete;

  const char* backend() const override { return "postgresql"; }
  std::unique_ptr<Sink> MakeSink(int batch_documents = 256) override;
  Result<EventPage> Query(const EventQuery& query) override;
  Status Scan(const EventQuery& query, const std::function<Status(const Event&)>& fn) override;
  Result<int64_t> Count(const EventQuery& query) override;
  Result<Event> Get(const std::string& event_id) override;
  Result<ArticleRecord> GetArticle(const std::string& id) override;
  Result<EventStats> Stats(const EventQuery& query) override;
  Result<std::vector<StoredArticle>> ListArticles() override;
  Result<std::optional<std::string>> ArticleHash(const std::string& id) override;
  Status ScanMergeCandidates(const std::string& iso3, const std::string& from, const std::string& to,
                             const std::function<Status(MergeCandidate&&)>& fn) override;

 private:
  struct Impl;
  explicit PostgresStore(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace sitrep
