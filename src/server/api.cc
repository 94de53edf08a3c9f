// GET routes: events (full or compact), one event with its evidence in context, one article,
// stats. Store errors become JSON errors; nothing internal reaches a client.
#include "api.h"

#include <cstdio>
#include <map>

#include "sitrep/event.h"
#include "sitrep/json_writer.h"

namespace sitrep::server {
namespace {

void OptionalString(JsonWriter& w, const std::optional<std::string>& v) { v ? (void)w.String(*v) : (void)w.Null(); }

void CompactRow(const sitrep::Event& e, std::string* out) {
  JsonWriter w(out);
  w.BeginArray().String(e.event_id);
  OptionalString(w, e.event_date);
  e.latitude ? w.Double(*e.latitude) : w.Null();
  e.longitude ? w.Double(*e.longitude) : w.Null();
  w.Int(e.fatalities).String(e.event_type).String(e.sub_event_type).String(e.country);
  OptionalString(w, e.admin1);
  OptionalString(w, e.actor1);
  OptionalString(w, e.actor2);
  w.EndArray();
}

bool IsContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

void Buckets(JsonWriter& w, std::string_view key, const std::vector<StatsBucket>& buckets) {
  w.Key(key).BeginArray();
  for (const StatsBucket& b : buckets) {
    w.BeginObject().Field("key", b.key).Field("events", b.events).Field("fatalities", b.fatalities).EndObject();
  }
  w.EndArray();
}

// The number of events matching `query`'s filters (its page ignored).
Result<int64_t> CountEvents(EventStore& store, const EventQuery& query) { return store.Count(query); }

}  // namespace

ApiResponse JsonError(int status, std::string_view message) {
  ApiResponse r;
  r.status = status;
  JsonWriter w(&r.body);
  w.BeginObject().Key("error").BeginObject().Field("status", status).Field("message", message).EndObject().EndObject();
  return r;
}

ApiResponse FromStatus(const Status& status, std::string_view what) {
  switch (status.code()) {
    case ErrorCode::kInvalidArgument: return JsonError(400, status.message());
    case ErrorCode::kNotFound: return JsonError(404, std::string(what) + " not found");
    default:
      std::fprintf(stderr, "sitrep serve: %.*s: %s\n", static_cast<int>(what.size()), what.data(),
                   status.ToString().c_str());
      return JsonError(500, "internal error while reading " + std::string(what));
  }
}

std::string_view TextBefore(std::string_view text, size_t begin, size_t max_bytes) {
  begin = std::min(begin, text.size());
  size_t from = begin > max_bytes ? begin - max_bytes : 0;
  while (from < begin && IsContinuation(text[from])) ++from;
  return text.substr(from, begin - from);
}

std::string_view TextAfter(std::string_view text, size_t end, size_t max_bytes) {
  end = std::min(end, text.size());
  size_t to = std::min(text.size(), end + max_bytes);
  while (to > end && to < text.size() && IsContinuation(text[to])) --to;
  return text.substr(end, to - end);
}

std::string RequestKey(const EventsRequest& request) {
  const EventQuery& q = request.query;
  std::string key;
  auto add = [&](const std::optional<std::string>& v) {
    if (v) {
      key += std::to_string(v->size()) + ":" + *v;
    } else {
      key += "-";
    }
    key.push_back('|');
  };
  add(q.country);
  add(q.admin1);
  add(q.event_type);
  add(q.sub_event_type);
  add(q.actor);
  add(q.text);
  add(q.from);
  add(q.to);
  if (q.bbox) {
    char box[128];
    std::snprintf(box, sizeof box, "%.17g,%.17g,%.17g,%.17g", q.bbox->min_lon, q.bbox->min_lat,
                  q.bbox->max_lon, q.bbox->max_lat);
    key += box;
  }
  key += "|" + (q.min_fatalities ? std::to_string(*q.min_fatalities) : std::string("-"));
  key += "|" + (q.historical ? std::to_string(int{*q.historical}) : std::string("-"));
  key += "|" + std::to_string(q.limit) + "|" + std::to_string(q.offset) + "|" + EventSortName(q.sort);
  key += request.compact ? "|compact" : "|full";
  return key;
}

ApiResponse Api::Events(const Params& params) const {
  auto request = ParseEventsParams(params, options_.max_page_size);
  if (!request.ok()) return JsonError(400, request.status().message());
  auto store = stores_->Acquire();
  if (!store.ok()) return FromStatus(store.status(), "the database");
  const auto version = (*store)->ReadVersion();
  if (!version) return EventsUncached(**store, *request);
  // Per connection: versions of different connections are not comparable.
  char conn[32];
  std::snprintf(conn, sizeof conn, "%p|", static_cast<const void*>(&**store));
  const std::string key = conn + RequestKey(*request);
  {
    std::lock_guard<std::mutex> lock(cache_mu_);
    auto it = cache_.find(key);
    if (it != cache_.end() && it->second.version == *version) return *it->second.response;
  }
  ApiResponse r = EventsUncached(**store, *request);
  // Only successful pages of modest size; the cache holds at most ~64 MB.
  constexpr size_t kMaxEntryBytes = 4u << 20, kMaxCacheBytes = 64u << 20;
  if (r.status == 200 && r.body.size() <= kMaxEntryBytes) {
    auto shared = std::make_shared<const ApiResponse>(r);
    std::lock_guard<std::mutex> lock(cache_mu_);
    if (cache_bytes_ + r.body.size() > kMaxCacheBytes) {
      cache_.clear();
      cache_bytes_ = 0;
    }
    auto [it, inserted] = cache_.try_emplace(key);
    if (!inserted) cache_bytes_ -= it->second.response->body.size();
    it->second = CachedPage{*version, std::move(shared)};
    cache_bytes_ += r.body.size();
  }
  return r;
}

ApiResponse Api::EventsUncached(EventStore& store, const EventsRequest& request) const {
  const EventQuery& q = request.query;
  ApiResponse r;
  JsonWriter w(&r.body);
  w.BeginObject();
  const int64_t limit = q.limit;
  if (limit == 0) {  // the store reads 0 as "all": a zero page only wants the total
    auto total = CountEvents(store, q);
    if (!total.ok()) return FromStatus(total.status(), "events");
    w.Field("total", *total).Field("limit", int64_t{0}).Field("offset", q.offset);
    w.Key(request.compact ? "rows" : "events").BeginArray().EndArray().EndObject();
    return r;
  }
  if (!request.compact) {
    // The stored event JSON goes out as it is (no parse and re-serialize per event).
    std::string events = "[";
    int64_t count = 0;
    Status scanned = store.ScanJson(q, [&](std::string_view json) {
      if (count++ > 0) events.push_back(',');
      events.append(json);
      return Status::Ok();
    });
    if (!scanned.ok()) return FromStatus(scanned, "events");
    int64_t total = q.offset + count;
    if (count == limit || (q.offset > 0 && count == 0)) {
      auto counted = CountEvents(store, q);
      if (!counted.ok()) return FromStatus(counted.status(), "events");
      total = *counted;
    }
    w.Field("total", total).Field("limit", limit).Field("offset", q.offset);
    events.push_back(']');
    w.Key("events").Raw(events);
    w.EndObject();
    return r;
  }
  // Compact pages can hold 100k events: stream them instead of holding them all.
  std::string rows;
  int64_t count = 0;
  Status scanned = store.Scan(q, [&](const sitrep::Event& e) {
    if (count++ > 0) rows.push_back(',');
    CompactRow(e, &rows);
    return Status::Ok();
  });
  if (!scanned.ok()) return FromStatus(scanned, "events");
  int64_t total = q.offset + count;
  if (count == limit || (q.offset > 0 && count == 0)) {
    auto counted = CountEvents(store, q);
    if (!counted.ok()) return FromStatus(counted.status(), "events");
    total = *counted;
  }
  w.Field("total", total).Field("limit", limit).Field("offset", q.offset);
  w.Key("columns").BeginArray();
  for (const char* c : {"event_id", "event_date", "latitude", "longitude", "fatalities", "event_type",
                        "sub_event_type", "country", "admin1", "actor1", "actor2"}) {
    w.String(c);
  }
  w.EndArray();
  w.Key("rows").Raw("[" + rows + "]");
  w.EndObject();
  return r;
}

ApiResponse Api::Event(const std::string& event_id) const {
  if (event_id.empty() || event_id.size() > 256) return JsonError(404, "event not found");
  auto store = stores_->Acquire();
  if (!store.ok()) return FromStatus(store.status(), "the database");
  auto event = (*store)->Get(event_id);
  if (!event.ok()) return FromStatus(event.status(), "event");

  // The articles behind the event: its own doc_ids, then any other an evidence span points to.
  std::map<std::string, std::optional<ArticleRecord>> articles;
  std::vector<std::string> order;
  auto load = [&](const std::string& id) -> Status {
    if (articles.count(id)) return Status::Ok();
    auto a = (*store)->GetArticle(id);
    if (!a.ok() && a.status().code() != ErrorCode::kNotFound) return a.status();
    articles[id] = a.ok() ? std::optional<ArticleRecord>(std::move(*a)) : std::nullopt;
    order.push_back(id);
    return Status::Ok();
  };
  for (const auto& id : event->doc_ids) {
    Status s = load(id);
    if (!s.ok()) return FromStatus(s, "article");
  }
  for (const auto& ev : event->evidence) {
    Status s = load(std::string(ev.doc_id()));
    if (!s.ok()) return FromStatus(s, "article");
  }

  // The event JSON ends with its evidence array: write it without, then append our own.
  std::vector<Evidence> evidence = std::move(event->evidence);
  event->evidence.clear();
  std::string json;
  AppendEventJson(*event, &json);
  constexpr std::string_view kTail = ",\"evidence\":[]}";
  if (json.size() < kTail.size() || json.compare(json.size() - kTail.size(), kTail.size(), kTail) != 0) {
    return FromStatus(Status(ErrorCode::kInternal, "event JSON does not end with its evidence"), "event");
  }
  json.resize(json.size() - kTail.size());
  ApiResponse r;
  r.body = std::move(json);
  r.body += ',';
  JsonWriter w(&r.body);
  w.Key("evidence").BeginArray();
  for (const Evidence& ev : evidence) {
    w.BeginObject()
        .Field("field", ev.field)
        .Field("doc_id", ev.doc_id())
        .Field("start", ev.start)
        .Field("end", ev.end)
        .Field("text", ev.text());
    const auto& a = articles[std::string(ev.doc_id())];
    if (a && ev.start <= ev.end && ev.end <= a->text.size()) {
      w.Field("before", TextBefore(a->text, ev.start, kEvidenceContextBytes));
      w.Field("after", TextAfter(a->text, ev.end, kEvidenceContextBytes));
    } else {  // the article is not stored, or the span does not fit its text
      w.Key("before").Null().Key("after").Null();
    }
    w.EndObject();
  }
  w.EndArray();
  w.Key("articles").BeginArray();
  for (const auto& id : order) {
    const auto& a = articles[id];
    if (!a) continue;
    w.BeginObject().Field("id", a->id).Field("title", a->title).Field("url", a->url).Field("published", a->published)
        .EndObject();
  }
  w.EndArray();
  r.body += '}';
  return r;
}

ApiResponse Api::Article(const std::string& article_id) const {
  if (article_id.empty() || article_id.size() > 1000) return JsonError(404, "article not found");
  auto store = stores_->Acquire();
  if (!store.ok()) return FromStatus(store.status(), "the database");
  auto a = (*store)->GetArticle(article_id);
  if (!a.ok()) return FromStatus(a.status(), "article");
  ApiResponse r;
  JsonWriter w(&r.body);
  w.BeginObject().Field("id", a->id).Field("url", a->url).Field("title", a->title).Field("published", a->published)
      .Field("text", a->text);
  w.Key("event_ids").BeginArray();
  for (const auto& id : a->event_ids) w.String(id);
  w.EndArray().EndObject();
  return r;
}

ApiResponse Api::Stats(const Params& params) const {
  // Same parameters as /api/events so a dashboard can pass its query through; the page is ignored.
  auto request = ParseEventsParams(params, options_.max_page_size);
  if (!request.ok()) return JsonError(400, request.status().message());
  request->query.limit = 0;
  request->query.offset = 0;
  auto store = stores_->Acquire();
  if (!store.ok()) return FromStatus(store.status(), "the database");
  auto stats = (*store)->Stats(request->query);
  if (!stats.ok()) return FromStatus(stats.status(), "stats");
  ApiResponse r;
  JsonWriter w(&r.body);
  w.BeginObject().Field("events", stats->events).Field("fatalities", stats->fatalities)
      .Field("articles", stats->articles);
  Buckets(w, "by_day", stats->by_day);
  Buckets(w, "by_type", stats->by_type);
  Buckets(w, "by_country", stats->by_country);
  w.EndObject();
  return r;
}

}  // namespace sitrep::server
