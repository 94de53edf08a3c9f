#include "event_row.h"

#include <simdjson.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "sitrep/json_writer.h"
#include "sitrep/utf8.h"
#include "json_values.h"

namespace sitrep::store {
namespace {

namespace dom = simdjson::dom;

void Strings(JsonWriter& w, std::string_view key, const std::vector<std::string>& values) {
  if (values.empty()) return;
  w.Key(key).BeginArray();
  for (const auto& v : values) w.String(v);
  w.EndArray();
}
void OptString(JsonWriter& w, std::string_view key, const std::optional<std::string>& v) {
  if (v) w.Field(key, *v);
}
void NonDefault(JsonWriter& w, std::string_view key, int v, int fallback) {
  if (v != fallback) w.Field(key, v);
}

std::string StrAt(dom::object o, const char* key) {
  dom::element e;
  return o[key].get(e) == simdjson::SUCCESS ? StrOf(e) : std::string();
}
int64_t IntAt(dom::object o, const char* key) {
  dom::element e;
  return o[key].get(e) == simdjson::SUCCESS ? IntOf(e, 0) : 0;
}

}  // namespace

void AppendEventExtra(const Event& e, std::string* out) {
  const Event d;
  JsonWriter w(out);
  w.BeginObject();
  Strings(w, "doc_ids", e.doc_ids);
  NonDefault(w, "time_precision", e.time_precision, d.time_precision);
  NonDefault(w, "date_prec", e.date_prec, d.date_prec);
  Strings(w, "assoc_actor_1", e.assoc_actor_1);
  Strings(w, "assoc_actor_2", e.assoc_actor_2);
  NonDefault(w, "interaction", e.interaction, d.interaction);
  OptString(w, "side_a", e.side_a);
  OptString(w, "side_b", e.side_b);
  // The columns hold a point only when both coordinates are there.
  if (e.latitude && !e.longitude) w.Field("latitude", *e.latitude);
  if (e.longitude && !e.latitude) w.Field("longitude", *e.longitude);
  if (e.geonameid) w.Field("geonameid", *e.geonameid);
  NonDefault(w, "geo_precision", e.geo_precision, d.geo_precision);
  NonDefault(w, "where_prec", e.where_prec, d.where_prec);
  NonDefault(w, "deaths_low", e.deaths_low, 0);
  NonDefault(w, "deaths_high", e.deaths_high, 0);
  NonDefault(w, "deaths_side_a", e.deaths_side_a, 0);
  NonDefault(w, "deaths_side_b", e.deaths_side_b, 0);
  NonDefault(w, "deaths_civilians", e.deaths_civilians, 0);
  NonDefault(w, "deaths_unknown", e.deaths_unknown, 0);
  if (e.injured) w.Field("injured", *e.injured);
  if (!e.named_persons.empty()) {
    w.Key("named_persons");
    WriteNamedPersons(w, e.named_persons);
  }
  if (!e.evidence.empty()) {
    w.Key("evidence");
    WriteEvidence(w, e.evidence);
  }
  w.EndObject();
}

Status ApplyEventExtra(std::string_view extra, Event* e) {
  if (extra.empty() || extra == "{}") return Status::Ok();
  thread_local dom::parser parser;
  dom::element root;
  dom::object o;
  if (parser.parse(extra.data(), extra.size()).get(root) != simdjson::SUCCESS ||
      root.get_object().get(o) != simdjson::SUCCESS) {
    return Status(ErrorCode::kParse,
                  "stored event " + e->event_id + ": extra is not a JSON object");
  }
  for (dom::key_value_pair kv : o) {
    const std::string_view k = kv.key;
    const dom::element v = kv.value;
    auto as_int = [&](int fallback) { return static_cast<int>(IntOf(v, fallback)); };
    if (k == "doc_ids") {
      e->doc_ids = StrArrayOf(v);
    } else if (k == "time_precision") {
      e->time_precision = as_int(3);
    } else if (k == "date_prec") {
      e->date_prec = as_int(5);
    } else if (k == "assoc_actor_1") {
      e->assoc_actor_1 = StrArrayOf(v);
    } else if (k == "assoc_actor_2") {
      e->assoc_actor_2 = StrArrayOf(v);
    } else if (k == "interaction") {
      e->interaction = as_int(0);
    } else if (k == "side_a") {
      e->side_a = OptStrOf(v);
    } else if (k == "side_b") {
      e->side_b = OptStrOf(v);
    } else if (k == "latitude") {
      e->latitude = OptDoubleOf(v);
    } else if (k == "longitude") {
      e->longitude = OptDoubleOf(v);
    } else if (k == "geonameid") {
      if (OptDoubleOf(v)) e->geonameid = IntOf(v, 0);
    } else if (k == "geo_precision") {
      e->geo_precision = as_int(3);
    } else if (k == "where_prec") {
      e->where_prec = as_int(6);
    } else if (k == "deaths_low") {
      e->deaths_low = as_int(0);
    } else if (k == "deaths_high") {
      e->deaths_high = as_int(0);
    } else if (k == "deaths_side_a") {
      e->deaths_side_a = as_int(0);
    } else if (k == "deaths_side_b") {
      e->deaths_side_b = as_int(0);
    } else if (k == "deaths_civilians") {
      e->deaths_civilians = as_int(0);
    } else if (k == "deaths_unknown") {
      e->deaths_unknown = as_int(0);
    } else if (k == "injured") {
      if (OptDoubleOf(v)) e->injured = as_int(0);
    } else if (k == "named_persons") {
      dom::array a;
      if (v.get_array().get(a) != simdjson::SUCCESS) continue;
      for (dom::element p : a) {
        dom::object po;
        if (p.get_object().get(po) != simdjson::SUCCESS) continue;
        e->named_persons.push_back({StrAt(po, "name"), StrAt(po, "role"), StrAt(po, "fate")});
      }
    } else if (k == "confidence") {
      e->confidence = OptDoubleOf(v).value_or(0);
    } else if (k == "evidence") {
      dom::array a;
      if (v.get_array().get(a) != simdjson::SUCCESS) continue;
      for (dom::element x : a) {
        dom::object xo;
        if (x.get_object().get(xo) != simdjson::SUCCESS) continue;
        e->evidence.push_back({StrAt(xo, "field"), StrAt(xo, "doc_id"),
                               static_cast<uint32_t>(IntAt(xo, "start")),
                               static_cast<uint32_t>(IntAt(xo, "end")), StrAt(xo, "text")});
      }
    }
  }
  return Status::Ok();
}

double JsonRoundTrip(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.10g", v);  // JsonWriter::Double
  const double back = std::strtod(buf, nullptr);
  return back == 0 ? 0.0 : back;  // "-0" parses as the integer 0
}

std::string JsonText(std::string_view text) {
  if (IsValidUtf8(text)) return std::string(text);
  // Rare: let the JSON writer replace what it would, and read its string back.
  std::string quoted;
  AppendJsonString(text, &quoted);
  thread_local dom::parser parser;
  std::string_view back;
  if (parser.parse(quoted.data(), quoted.size()).get_string().get(back) != simdjson::SUCCESS)
    return std::string();
  return std::string(back);
}

}  // namespace sitrep::store
