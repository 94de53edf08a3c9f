#include "sitrep/event_query.h"

#include <charconv>
#include <cmath>
#include <vector>

namespace sitrep {
namespace {

Status Invalid(std::string message) { return Status(ErrorCode::kInvalidArgument, std::move(message)); }

bool ParseDouble(std::string_view text, double* out) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  if (text.empty()) return false;
  if (text.front() == '+') text.remove_prefix(1);
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), *out);
  return ec == std::errc() && end == text.data() + text.size() && std::isfinite(*out);
}

}  // namespace

bool IsIsoDate(std::string_view t) {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (t[i] < '0' || t[i] > '9') return false;
  }
  const int year = (t[0] - '0') * 1000 + (t[1] - '0') * 100 + (t[2] - '0') * 10 + (t[3] - '0');
  const int month = (t[5] - '0') * 10 + (t[6] - '0');
  const int day = (t[8] - '0') * 10 + (t[9] - '0');
  if (month < 1 || month > 12 || day < 1) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return day <= kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

Result<BoundingBox> ParseBoundingBox(std::string_view text) {
  std::vector<double> v;
  size_t pos = 0;
  while (true) {
    size_t comma = text.find(',', pos);
    std::string_view part = text.substr(pos, comma == std::string_view::npos ? text.npos : comma - pos);
    double d = 0;
    if (!ParseDouble(part, &d)) {
      return Invalid("bad bbox '" + std::string(text) +
                     "': expected four numbers minlon,minlat,maxlon,maxlat");
    }
    v.push_back(d);
    if (comma == std::string_view::npos) break;
    pos = comma + 1;
  }
  if (v.size() != 4) {
    return Invalid("bad bbox '" + std::string(text) + "': expected four numbers minlon,minlat,maxlon,maxlat");
  }
  BoundingBox box{v[0], v[1], v[2], v[3]};
  EventQuery q;
  q.bbox = box;
  Status s = q.Validate();
  if (!s.ok()) return s;
  return box;
}

Result<EventSort> ParseEventSort(std::string_view t) {
  if (t == "date" || t == "date_asc" || t == "+date") return EventSort::kDateAsc;
  if (t == "-date" || t == "date_desc") return EventSort::kDateDesc;
  if (t == "fatalities" || t == "-fatalities" || t == "fatalities_desc") return EventSort::kFatalitiesDesc;
  if (t == "id" || t == "event_id") return EventSort::kId;
  return Invalid("bad sort '" + std::string(t) + "': use date, -date, fatalities or id");
}

const char* EventSortName(EventSort sort) {
  switch (sort) {
    case EventSort::kDateAsc: return "date";
    case EventSort::kDateDesc: return "-date";
    case EventSort::kFatalitiesDesc: return "fatalities";
    case EventSort::kId: return "id";
  }
  return "date";
}

Status EventQuery::Validate() const {
  for (const auto* d : {&from, &to}) {
    if (*d && !IsIsoDate(**d)) {
      return Invalid(std::string("bad ") + (d == &from ? "from" : "to") + " date '" + **d +
                     "': expected YYYY-MM-DD");
    }
  }
  if (from && to && *from > *to) return Invalid("from date " + *from + " is after to date " + *to);
  if (bbox) {
    const BoundingBox& b = *bbox;
    for (double v : {b.min_lon, b.min_lat, b.max_lon, b.max_lat}) {
      if (!std::isfinite(v)) return Invalid("bad bbox: coordinates must be finite numbers");
    }
    if (b.min_lon < -180 || b.max_lon > 180) return Invalid("bad bbox: longitudes must be within [-180, 180]");
    if (b.min_lat < -90 || b.max_lat > 90) return Invalid("bad bbox: latitudes must be within [-90, 90]");
    if (b.min_lon > b.max_lon) {
      return Invalid("bad bbox: minlon > maxlon (a box across the antimeridian must be split in two)");
    }
    if (b.min_lat > b.max_lat) return Invalid("bad bbox: minlat > maxlat");
  }
  if (min_fatalities && *min_fatalities < 0) return Invalid("min fatalities must be >= 0");
  if (limit < 0 || limit > kMaxQueryLimit) {
    return Invalid("limit must be within 0.." + std::to_string(kMaxQueryLimit) + " (0 = all)");
  }
  if (offset < 0) return Invalid("offset must be >= 0");
  for (const auto* s : {&country, &admin1, &event_type, &sub_event_type, &actor, &text}) {
    if (*s && (*s)->size() > 1000) return Invalid("filter value longer than 1000 bytes");
    if (*s && (*s)->find('\0') != std::string::npos) return Invalid("filter value contains a NUL byte");
  }
  return Status::Ok();
}

bool EventQuery::NoFilters() const {
  return !country && !admin1 && !event_type && !sub_event_type && !actor && !text && !from && !to &&
         !bbox && !min_fatalities && !historical;
}

}  // namespace sitrep
