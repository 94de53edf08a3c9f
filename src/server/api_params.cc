// Query parameters of GET /api/events and GET /api/stats → EventQuery. Every value is checked
// here or by EventQuery::Validate and reaches the store only as a bound parameter.
#include <charconv>
#include <set>

#include "api.h"

namespace sitrep::server {
namespace {

Status Bad(std::string message) { return Status(ErrorCode::kInvalidArgument, std::move(message)); }

// A decimal integer in [min, max], digits only (no sign, spaces or exponent).
Result<int64_t> ParseInt(std::string_view name, std::string_view text, int64_t min, int64_t max) {
  int64_t v = 0;
  const bool digits = !text.empty() && text.size() <= 18 &&
                      text.find_first_not_of("0123456789") == std::string_view::npos;
  if (digits) {
    std::from_chars(text.data(), text.data() + text.size(), v);
    if (v >= min && v <= max) return v;
  }
  return Bad("bad parameter '" + std::string(name) + "': expected an integer from " + std::to_string(min) +
             " to " + std::to_string(max));
}

// Shown in messages; keep in the order of docs/api.md.
constexpr const char* kKnown[] = {"country", "admin1", "type", "sub_type", "actor", "from", "to", "bbox",
                                  "min_fatalities", "q", "historical", "limit", "offset", "sort", "format"};

}  // namespace

Result<EventsRequest> ParseEventsParams(const Params& params, int64_t max_page_size) {
  EventsRequest r;
  EventQuery& q = r.query;
  q.limit = 100;
  std::set<std::string_view> seen;
  for (const auto& [name, value] : params) {
    bool known = false;
    for (const char* k : kKnown) known = known || name == k;
    if (!known) {
      std::string list;
      for (const char* k : kKnown) list += std::string(list.empty() ? "" : ", ") + k;
      return Bad("unknown parameter '" + name.substr(0, 64) + "' (known: " + list + ")");
    }
    if (!seen.insert(name).second) return Bad("parameter '" + name + "' given more than once");
    if (value.empty()) continue;  // "country=&type=" from a form: not set
    if (value.size() > 1000) return Bad("parameter '" + name + "' is longer than 1000 bytes");
    if (value.find('\0') != std::string::npos) return Bad("parameter '" + name + "' contains a NUL byte");

    if (name == "country") q.country = value;
    else if (name == "admin1") q.admin1 = value;
    else if (name == "type") q.event_type = value;
    else if (name == "sub_type") q.sub_event_type = value;
    else if (name == "actor") q.actor = value;
    else if (name == "q") q.text = value;
    else if (name == "from" || name == "to") {
      if (!IsIsoDate(value)) return Bad("bad parameter '" + name + "': expected a date YYYY-MM-DD");
      (name == "from" ? q.from : q.to) = value;
    } else if (name == "bbox") {
      auto box = ParseBoundingBox(value);
      if (!box.ok()) return Bad("bad parameter 'bbox': " + box.status().message());
      q.bbox = *box;
    } else if (name == "min_fatalities") {
      auto v = ParseInt(name, value, 0, 1'000'000'000);
      if (!v.ok()) return v.status();
      q.min_fatalities = *v;
    } else if (name == "historical") {
      if (value == "true" || value == "1") q.historical = true;
      else if (value == "false" || value == "0") q.historical = false;
      else return Bad("bad parameter 'historical': expected true or false");
    } else if (name == "limit") {
      auto v = ParseInt(name, value, 0, max_page_size);
      if (!v.ok()) return v.status();
      q.limit = *v;
    } else if (name == "offset") {
      auto v = ParseInt(name, value, 0, 1'000'000'000'000);
      if (!v.ok()) return v.status();
      q.offset = *v;
    } else if (name == "sort") {
      if (value != "date" && value != "-date" && value != "fatalities" && value != "id") {
        return Bad("bad parameter 'sort': expected date, -date, fatalities or id");
      }
      q.sort = *ParseEventSort(value);
    } else if (name == "format") {
      if (value != "full" && value != "compact") return Bad("bad parameter 'format': expected full or compact");
      r.compact = value == "compact";
    }
  }
  if (q.from && q.to && *q.from > *q.to) {
    return Bad("bad parameters 'from' and 'to': from " + *q.from + " is after to " + *q.to);
  }
  Status valid = q.Validate();
  if (!valid.ok()) return Bad("bad parameters: " + valid.message());
  return r;
}

}  // namespace sitrep::server
