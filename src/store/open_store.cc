#include "sitrep/event_store.h"
#include "sitrep/postgres_store.h"
#include "sitrep/sqlite_store.h"

namespace sitrep {

Result<std::unique_ptr<EventStore>> OpenEventStore(const std::string& target) {
  if (target.empty()) return Status(ErrorCode::kInvalidArgument, "no database given");
  if (IsPostgresTarget(target)) {
    auto pg = PostgresStore::Open(target);
    if (!pg.ok()) return pg.status();
    return std::unique_ptr<EventStore>(std::move(*pg));
  }
  auto lite = SqliteStore::Open(target);
  if (!lite.ok()) return lite.status();
  return std::unique_ptr<EventStore>(std::move(*lite));
}

}  // namespace sitrep

namespace sitrep {

Result<int64_t> EventStore::Count(const EventQuery& query) {
  EventQuery one = query;
  one.limit = 1;
  one.offset = 0;
  auto page = Query(one);
  if (!page.ok()) return page.status();
  return page->total;
}

Result<std::optional<std::string>> EventStore::ArticleHash(const std::string& id) {
  auto a = GetArticle(id);
  if (a.ok()) return std::optional<std::string>(a->content_hash);
  if (a.status().code() == ErrorCode::kNotFound) return std::optional<std::string>();
  return a.status();
}

Status EventStore::ScanJson(const EventQuery& query, const std::function<Status(std::string_view json)>& fn) {
  std::string json;
  return Scan(query, [&](const Event& e) {
    json.clear();
    AppendEventJson(e, &json);
    return fn(json);
  });
}

}  // namespace sitrep
