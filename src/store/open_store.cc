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

Status EventStore::ScanPoints(const EventQuery& query,
                              const std::function<Status(const EventPoint&)>& fn) {
  return Scan(query, [&](const Event& e) {
    EventPoint p;
    p.event_id = e.event_id;
    p.event_date = e.event_date ? std::string_view(*e.event_date) : std::string_view();
    p.event_type = e.event_type;
    p.sub_event_type = e.sub_event_type;
    p.country = e.country;
    p.admin1 = e.admin1 ? std::string_view(*e.admin1) : std::string_view();
    p.actor1 = e.actor1 ? std::string_view(*e.actor1) : std::string_view();
    p.actor2 = e.actor2 ? std::string_view(*e.actor2) : std::string_view();
    p.latitude = e.latitude;
    p.longitude = e.longitude;
    p.fatalities = e.fatalities;
    return fn(p);
  });
}

}  // namespace sitrep
