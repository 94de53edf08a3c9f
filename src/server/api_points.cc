// GET /api/points (api_points.h): the store's ScanPoints hands over only the fields the map needs
// (SQLite reads them from the events table's columns, never parsing the stored JSON).
#include "api_points.h"

#include <cmath>
#include <string>
#include <unordered_map>
#include <vector>

#include "sitrep/json_writer.h"

namespace sitrep::server {
namespace {

// A text column: each distinct value once, a code per event (code 0 is "" and stands for null).
struct TextColumn {
  std::unordered_map<std::string, uint32_t> index{{"", 0}};
  std::vector<std::string_view> values{""};  // views of index's keys (stable: node-based map)
  std::string codes;

  void Add(std::string_view v) {
    auto [it, inserted] = index.try_emplace(std::string(v), static_cast<uint32_t>(values.size()));
    if (inserted) values.push_back(it->first);
    if (!codes.empty()) codes.push_back(',');
    codes += std::to_string(it->second);
  }
  void Write(std::string_view name, std::string* out) const {
    out->push_back(',');
    AppendJsonString(name, out);
    out->append(":{\"values\":[");
    for (size_t i = 0; i < values.size(); ++i) {
      if (i) out->push_back(',');
      AppendJsonString(values[i], out);
    }
    out->append("],\"codes\":[").append(codes).append("]}");
  }
};

void AppendNumber(std::string* col, bool present, int64_t v) {
  if (!col->empty()) col->push_back(',');
  if (present) {
    col->append(std::to_string(v));
  } else {
    col->append("null");
  }
}

struct Columns {
  std::string ids, day, lat, lon, fatalities;
  TextColumn type, sub_type, country, admin1, actor1, actor2;
  int64_t count = 0;
};

// Appends one event's fields to the columns; an absent field is null (numbers) or "" (text).
void AddPoint(const EventPoint& p, Columns* c) {
  if (!c->ids.empty()) c->ids.push_back(',');
  AppendJsonString(p.event_id, &c->ids);
  int64_t day = 0;
  const bool dated = DayNumber(p.event_date, &day);
  AppendNumber(&c->day, dated, day);
  const bool placed = p.latitude && p.longitude && std::isfinite(*p.latitude) &&
                      std::isfinite(*p.longitude);
  AppendNumber(&c->lat, placed, placed ? std::llround(*p.latitude * 1e5) : 0);
  AppendNumber(&c->lon, placed, placed ? std::llround(*p.longitude * 1e5) : 0);
  AppendNumber(&c->fatalities, true, p.fatalities);
  c->type.Add(p.event_type);
  c->sub_type.Add(p.sub_event_type);
  c->country.Add(p.country);
  c->admin1.Add(p.admin1);
  c->actor1.Add(p.actor1);
  c->actor2.Add(p.actor2);
  ++c->count;
}

}  // namespace

bool DayNumber(std::string_view d, int64_t* day) {
  auto digits = [&](size_t from, size_t n) {
    int v = 0;
    for (size_t i = from; i < from + n; ++i) {
      if (d[i] < '0' || d[i] > '9') return -1;
      v = v * 10 + (d[i] - '0');
    }
    return v;
  };
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
  int y = digits(0, 4), m = digits(5, 2), dd = digits(8, 2);
  if (y < 0 || m < 1 || m > 12 || dd < 1 || dd > 31) return false;
  // Days from civil (H. Hinnant's algorithm).
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + dd - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  *day = static_cast<int64_t>(era) * 146097 + doe - 719468;
  return true;
}

ApiResponse PointsRoute::Get(const Params& params) const {
  if (params.count("format")) return JsonError(400, "bad parameter 'format': /api/points has one format");
  auto request = ParseEventsParams(params, max_page_size_);
  if (!request.ok()) return JsonError(400, request.status().message());
  EventQuery& q = request->query;
  // Unlike /api/events, the whole selection by default (up to the page limit).
  if (!params.count("limit")) q.limit = max_page_size_;
  auto store = stores_->Acquire();
  if (!store.ok()) return FromStatus(store.status(), "the database");

  Columns c;
  Status scanned = (*store)->ScanPoints(q, [&](const EventPoint& p) {
    AddPoint(p, &c);
    return Status::Ok();
  });
  if (!scanned.ok()) return FromStatus(scanned, "events");
  int64_t total = q.offset + c.count;
  if (c.count == q.limit || (q.offset > 0 && c.count == 0)) {
    auto counted = (*store)->Count(q);
    if (!counted.ok()) return FromStatus(counted.status(), "events");
    total = *counted;
  }
  ApiResponse r;
  std::string& out = r.body;
  out.reserve(c.ids.size() + c.day.size() + c.lat.size() + c.lon.size() + c.fatalities.size() +
              c.type.codes.size() * 6 + 4096);
  out = "{\"total\":" + std::to_string(total) + ",\"limit\":" + std::to_string(q.limit) +
        ",\"offset\":" + std::to_string(q.offset) + ",\"count\":" + std::to_string(c.count);
  out.append(",\"event_id\":[").append(c.ids).append("]");
  out.append(",\"day\":[").append(c.day).append("]");
  out.append(",\"lat_e5\":[").append(c.lat).append("]");
  out.append(",\"lon_e5\":[").append(c.lon).append("]");
  out.append(",\"fatalities\":[").append(c.fatalities).append("]");
  c.type.Write("event_type", &out);
  c.sub_type.Write("sub_event_type", &out);
  c.country.Write("country", &out);
  c.admin1.Write("admin1", &out);
  c.actor1.Write("actor1", &out);
  c.actor2.Write("actor2", &out);
  out.push_back('}');

  return r;
}

}  // namespace sitrep::server
