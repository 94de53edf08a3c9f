// The embedded default store (SQLite): articles, events (with their evidence) and their links,
// with FTS5 over event notes and article text and a (longitude, latitude) index for boxes. Lives
// in sitrep::store so sitrep::core never sees a database header.
#pragma once

#include <memory>
#include <string>

#include "sitrep/event_store.h"

namespace sitrep {

class SqliteStore final : public EventStore {
 public:
  // Written to PRAGMA user_version. 1: the first sink (articles, events with a few columns,
  // evidence, links). 2: every filter column, FTS5, R*Tree. 3: indexes shaped after the queries,
  // country_codes (country name <-> ISO3 pairs). 4: new events are indexed (FTS5, R*Tree) by the
  // sink per batch instead of by a per-row trigger. 5: query indexes that answer the common filter
  // pairs (country with type or actor, admin1 with type, sub-type with dates) without reading
  // rows; FTS5 without a second copy of the indexed text (external content); a b-tree over
  // (longitude, latitude) instead of the R*Tree. 6: each event stored once: its columns plus a
  // slim JSON of the fields without a column (no full JSON copy, no evidence table); links keyed
  // WITHOUT ROWID. Older databases are migrated forward on open; newer ones are refused.
  static constexpr int kSchemaVersion = 6;

  // Opens or creates the database at `path` (WAL mode), creating or migrating the schema.
  static Result<std::unique_ptr<SqliteStore>> Open(const std::string& path);
  // Test hooks: create a database with the schema of an older version only (as that sitrep
  // wrote it), to test migrations.
  static Status CreateV1ForTest(const std::string& path);
  static Status CreateVersionForTest(const std::string& path, int version);
  ~SqliteStore() override;
  SqliteStore(const SqliteStore&) = delete;
  SqliteStore& operator=(const SqliteStore&) = delete;

  const char* backend() const override { return "sqlite"; }
  std::unique_ptr<Sink> MakeSink(int batch_documents = 256) override;
  Result<EventPage> Query(const EventQuery& query) override;
  Status Scan(const EventQuery& query, const std::function<Status(const Event&)>& fn) override;
  Result<int64_t> Count(const EventQuery& query) override;
  Status ScanJson(const EventQuery& query, const std::function<Status(std::string_view json)>& fn) override;
  Status ScanPoints(const EventQuery& query, const std::function<Status(const EventPoint&)>& fn) override;
  Result<Event> Get(const std::string& event_id) override;
  Result<ArticleRecord> GetArticle(const std::string& id) override;
  Result<EventStats> Stats(const EventQuery& query) override;
  Result<std::vector<StoredArticle>> ListArticles() override;
  Result<std::optional<std::string>> ArticleHash(const std::string& id) override;
  std::optional<std::pair<int64_t, int64_t>> ReadVersion() override;
  Status ScanMergeCandidates(const std::string& iso3, const std::string& from, const std::string& to,
                             const std::function<Status(MergeCandidate&&)>& fn) override;

 private:
  struct Impl;
  explicit SqliteStore(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace sitrep
