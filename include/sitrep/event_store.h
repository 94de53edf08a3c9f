// The storage interface shared by the SQLite and PostgreSQL stores, and by everything that reads
// stored events (CLI query/export, the HTTP server). Lives in sitrep::store; the core never sees it.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sitrep/event.h"
#include "sitrep/event_query.h"
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

struct ArticleRecord {
  std::string id, url, title, published, text, content_hash;
  std::vector<std::string> event_ids;  // sorted
};

struct EventPage {
  std::vector<Event> events;
  int64_t total = 0;  // events matching the filters, ignoring limit/offset
};

struct StatsBucket {
  std::string key;  // a day "YYYY-MM-DD" (or "" for undated), an event type, a country
  int64_t events = 0;
  int64_t fatalities = 0;
};

// A stored event that new reports may merge into (incremental merging, store_merge.h), with the
// publication date of its latest stored article: the `reported` date EventMerger::Add takes.
struct MergeCandidate {
  Event event;
  std::string reported;
};

struct EventStats {
  int64_t events = 0;
  int64_t fatalities = 0;
  int64_t articles = 0;  // all stored articles (not filtered)
  std::vector<StatsBucket> by_day, by_type, by_country;  // sorted by key
};

// The fields of an event a map, a timeline and a table need (GET /api/points). The views are
// valid only during the callback that receives the point.
struct EventPoint {
  std::string_view event_id, event_date, event_type, sub_event_type, country, admin1, actor1, actor2;
  std::optional<double> latitude, longitude;
  int64_t fatalities = 0;
};

class EventStore {
 public:
  virtual ~EventStore() = default;

  // "sqlite" or "postgresql".
  virtual const char* backend() const = 0;
  // A sink that stores each document and its events, committing every `batch_documents`
  // documents. Re-storing an article with the same id and content is a no-op; with changed
  // content it replaces the article and the events only it reported. The sink must not outlive
  // the store.
  virtual std::unique_ptr<Sink> MakeSink(int batch_documents = 256) = 0;

  // Events matching `query` (validated first: a bad filter is kInvalidArgument), with the total.
  virtual Result<EventPage> Query(const EventQuery& query) = 0;
  // Streams every matching event (limit/offset/sort honoured) without holding them all.
  virtual Status Scan(const EventQuery& query, const std::function<Status(const Event&)>& fn) = 0;
  // The number of events matching `query`'s filters (limit/offset/sort ignored); the `total` of
  // Query without fetching a page. The default runs Query with a one-event page.
  virtual Result<int64_t> Count(const EventQuery& query);
  // Like Scan, but hands over each event as the JSON object AppendEventJson writes (the stored
  // text where the backend keeps it, so nothing is parsed). The default re-serializes Scan's events.
  virtual Status ScanJson(const EventQuery& query, const std::function<Status(std::string_view json)>& fn);
  // Like Scan, with only the EventPoint fields (absent text is ""). The default reads Scan's
  // events; SQLite reads the indexed columns without touching the stored JSON.
  virtual Status ScanPoints(const EventQuery& query, const std::function<Status(const EventPoint&)>& fn);
  // One event with all fields and evidence; kNotFound when absent.
  virtual Result<Event> Get(const std::string& event_id) = 0;
  virtual Result<ArticleRecord> GetArticle(const std::string& id) = 0;
  // Counts and fatalities of the matching events (limit/offset ignored) by day, type, country.
  virtual Result<EventStats> Stats(const EventQuery& query) = 0;
  // Every stored article, ordered by published date then id.
  virtual Result<std::vector<StoredArticle>> ListArticles() = 0;
  // The content hash of a stored article (ContentHash of its text), nullopt when it is not
  // stored. The default reads the whole article.
  virtual Result<std::optional<std::string>> ArticleHash(const std::string& id);
  // A value that changes whenever what this connection reads may have changed (a commit by any
  // connection); nullopt when the backend cannot tell. Lets callers cache query results.
  virtual std::optional<std::pair<int64_t, int64_t>> ReadVersion() { return std::nullopt; }
  // Every stored event of country `iso3` whose event_date is within [from, to] ("YYYY-MM-DD"),
  // in event_id order: the stored events reports dated near that window may merge with.
  virtual Status ScanMergeCandidates(const std::string& iso3, const std::string& from,
                                     const std::string& to,
                                     const std::function<Status(MergeCandidate&&)>& fn) = 0;
};

// Opens `target`: a postgresql:// or postgres:// URI (or "host=... dbname=..." when it starts
// with "postgresql:"), else a SQLite file path. Creates or migrates the schema; refuses a
// database written by a newer sitrep.
Result<std::unique_ptr<EventStore>> OpenEventStore(const std::string& target);
bool IsPostgresTarget(std::string_view target);

// A stable 64-bit content hash (FNV-1a) as 16 hex digits; used to detect changed articles.
std::string ContentHash(std::string_view bytes);

// Parses one event JSON object as written by AppendEventJson (unknown keys ignored).
Result<Event> ParseEventJson(std::string_view json);

}  // namespace sitrep
