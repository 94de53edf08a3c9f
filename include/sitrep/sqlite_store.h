// The embedded default store (SQLite): articles, events, their links and evidence. Lives in
// sitrep::store so sitrep::core never sees a database header.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "sitrep/event.h"
#include "sitrep/result.h"
#include "sitrep/sink.h"

namespace sitrep {

struct StoredArticle {
  std::string id;
  std::string url;
  std::string title;
  std::string published;
  uint64_t text_bytes = 0;
  int64_t event_count = 0;
};

class SqliteStore {
 public:
  // Schema version written to PRAGMA user_version; a database with another version is refused.
  static constexpr int kSchemaVersion = 1;

  // Opens or creates the database at `path` (WAL mode) and creates the schema.
  static Result<std::unique_ptr<SqliteStore>> Open(const std::string& path);
  ~SqliteStore();
  SqliteStore(const SqliteStore&) = delete;
  SqliteStore& operator=(const SqliteStore&) = delete;

  // A sink that stores each document and its events, committing every `batch_documents`
  // documents. Re-storing an article with the same id and content is a no-op; with changed
  // content it replaces the article and its events. The sink must not outlive the store.
  std::unique_ptr<Sink> MakeSink(int batch_documents = 256);

  Result<std::vector<StoredArticle>> ListArticles() const;
  // Events ordered by event_date, then event_id; at most `limit` (0 = all).
  Result<std::vector<Event>> ListEvents(int64_t limit = 0) const;

 private:
  struct Impl;
  explicit SqliteStore(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// A stable 64-bit content hash (FNV-1a) as 16 hex digits; used to detect changed articles.
std::string ContentHash(std::string_view bytes);

}  // namespace sitrep
