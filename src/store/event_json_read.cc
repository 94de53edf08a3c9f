// Reads back an event JSON object written by AppendEventJson (the stores keep the full JSON).
#include <simdjson.h>

#include "sitrep/event_store.h"
#include "json_values.h"

namespace sitrep {
namespace {

namespace dom = simdjson::dom;

// The key's value through the shared conversions; a missing key reads as its fallback.
std::string Str(dom::object o, const char* key) {
  dom::element e;
  return o[key].get(e) == simdjson::SUCCESS ? store::StrOf(e) : std::string();
}
std::optional<std::string> OptStr(dom::object o, const char* key) {
  dom::element e;
  return o[key].get(e) == simdjson::SUCCESS ? store::OptStrOf(e) : std::nullopt;
}
int64_t Int(dom::object o, const char* key, int64_t fallback = 0) {
  dom::element e;
  return o[key].get(e) == simdjson::SUCCESS ? store::IntOf(e, fallback) : fallback;
}
std::optional<double> OptDouble(dom::object o, const char* key) {
  dom::element e;
  return o[key].get(e) == simdjson::SUCCESS ? store::OptDoubleOf(e) : std::nullopt;
}
std::vector<std::string> StrArray(dom::object o, const char* key) {
  dom::element e;
  return o[key].get(e) == simdjson::SUCCESS ? store::StrArrayOf(e) : std::vector<std::string>();
}

}  // namespace

Result<Event> ParseEventJson(std::string_view json) {
  thread_local dom::parser parser;
  dom::element root;
  if (parser.parse(json.data(), json.size()).get(root) != simdjson::SUCCESS) {
    return Status(ErrorCode::kParse, "stored event JSON does not parse");
  }
  dom::object o;
  if (root.get_object().get(o) != simdjson::SUCCESS) {
    return Status(ErrorCode::kParse, "stored event JSON is not an object");
  }
  Event e;
  e.event_id = Str(o, "event_id");
  e.doc_ids = StrArray(o, "doc_ids");
  e.event_type = Str(o, "event_type");
  e.sub_event_type = Str(o, "sub_event_type");
  e.date_start = OptStr(o, "date_start");
  e.date_end = OptStr(o, "date_end");
  e.event_date = OptStr(o, "event_date");
  e.time_precision = static_cast<int>(Int(o, "time_precision", 3));
  e.date_prec = static_cast<int>(Int(o, "date_prec", 5));
  e.actor1 = OptStr(o, "actor1");
  e.actor2 = OptStr(o, "actor2");
  e.assoc_actor_1 = StrArray(o, "assoc_actor_1");
  e.assoc_actor_2 = StrArray(o, "assoc_actor_2");
  e.inter1 = static_cast<int>(Int(o, "inter1"));
  e.inter2 = static_cast<int>(Int(o, "inter2"));
  e.interaction = static_cast<int>(Int(o, "interaction"));
  e.side_a = OptStr(o, "side_a");
  e.side_b = OptStr(o, "side_b");
  e.country = Str(o, "country");
  e.iso3 = Str(o, "iso3");
  e.admin1 = OptStr(o, "admin1");
  e.admin2 = OptStr(o, "admin2");
  e.location = Str(o, "location");
  e.latitude = OptDouble(o, "latitude");
  e.longitude = OptDouble(o, "longitude");
  if (auto g = OptDouble(o, "geonameid")) e.geonameid = Int(o, "geonameid");
  e.geo_precision = static_cast<int>(Int(o, "geo_precision", 3));
  e.where_prec = static_cast<int>(Int(o, "where_prec", 6));
  e.fatalities = static_cast<int>(Int(o, "fatalities"));
  e.deaths_best = static_cast<int>(Int(o, "deaths_best"));
  e.deaths_low = static_cast<int>(Int(o, "deaths_low"));
  e.deaths_high = static_cast<int>(Int(o, "deaths_high"));
  e.deaths_side_a = static_cast<int>(Int(o, "deaths_side_a"));
  e.deaths_side_b = static_cast<int>(Int(o, "deaths_side_b"));
  e.deaths_civilians = static_cast<int>(Int(o, "deaths_civilians"));
  e.deaths_unknown = static_cast<int>(Int(o, "deaths_unknown"));
  if (OptDouble(o, "injured")) e.injured = static_cast<int>(Int(o, "injured"));
  dom::array persons;
  if (o["named_persons"].get_array().get(persons) == simdjson::SUCCESS) {
    for (dom::element p : persons) {
      dom::object po;
      if (p.get_object().get(po) != simdjson::SUCCESS) continue;
      e.named_persons.push_back({Str(po, "name"), Str(po, "role"), Str(po, "fate")});
    }
  }
  bool historical = false;
  if (o["historical"].get_bool().get(historical) == simdjson::SUCCESS) e.historical = historical;
  e.confidence = OptDouble(o, "confidence").value_or(0);
  e.notes = Str(o, "notes");
  dom::array evidence;
  if (o["evidence"].get_array().get(evidence) == simdjson::SUCCESS) {
    for (dom::element x : evidence) {
      dom::object xo;
      if (x.get_object().get(xo) != simdjson::SUCCESS) continue;
      e.evidence.push_back({Str(xo, "field"), Str(xo, "doc_id"), static_cast<uint32_t>(Int(xo, "start")),
                            static_cast<uint32_t>(Int(xo, "end")), Str(xo, "text")});
    }
  }
  return e;
}

std::string ContentHash(std::string_view bytes) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ull;
  }
  static const char* kHex = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, h >>= 4) out[static_cast<size_t>(i)] = kHex[h & 15];
  return out;
}

bool IsPostgresTarget(std::string_view t) {
  return t.starts_with("postgresql:") || t.starts_with("postgres:");
}

}  // namespace sitrep
