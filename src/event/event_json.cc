#include "sitrep/event.h"

#include <charconv>
#include <cstring>
#include <string>

#include "sitrep/json_writer.h"

namespace sitrep {
namespace {

void OptionalString(JsonWriter& w, std::string_view key, const std::optional<std::string>& v) {
  w.Key(key);
  if (v) {
    w.String(*v);
  } else {
    w.Null();
  }
}

void StringArray(JsonWriter& w, std::string_view key, const std::vector<std::string>& values) {
  w.Key(key).BeginArray();
  for (const auto& v : values) w.String(v);
  w.EndArray();
}

// Bytes of one evidence row built on the stack (the row's strings and numbers included).
constexpr size_t kRowBuffer = 512;

// Appends one evidence row, `{"field":...,"text":...}`, in a single append when its strings
// need no escaping and it fits kRowBuffer; returns false (nothing appended) otherwise. Rows
// are most of an event's JSON (about 28 rows an event), and through the general writer a row
// costs five keys, three strings and two numbers appended one by one.
bool AppendVerbatimEvidenceRow(const Evidence& ev, std::string* out) {
  const std::string_view field = ev.field.view(), doc_id = ev.doc_id(), text = ev.text();
  constexpr std::string_view kField = "{\"field\":\"", kDocId = "\",\"doc_id\":\"",
                             kStart = "\",\"start\":", kEnd = ",\"end\":", kText = ",\"text\":\"",
                             kClose = "\"}";
  constexpr size_t kFixed = kField.size() + kDocId.size() + kStart.size() + kEnd.size() +
                            kText.size() + kClose.size() + 2 * 10;  // two uint32 numbers
  if (field.size() + doc_id.size() + text.size() + kFixed > kRowBuffer) return false;
  if (!IsJsonVerbatim(field) || !IsJsonVerbatim(doc_id) || !IsJsonVerbatim(text)) return false;
  char buf[kRowBuffer];
  char* p = buf;
  auto put = [&p](std::string_view s) {
    if (s.empty()) return;  // an empty view's data() may be null, which memcpy may not take
    std::memcpy(p, s.data(), s.size());
    p += s.size();
  };
  auto put_number = [&put](uint32_t v) {
    char digits[10];  // a uint32 has at most 10 digits
    put(std::string_view(digits, static_cast<size_t>(std::to_chars(digits, digits + 10, v).ptr - digits)));
  };
  put(kField);
  put(field);
  put(kDocId);
  put(doc_id);
  put(kStart);
  put_number(ev.start);
  put(kEnd);
  put_number(ev.end);
  put(kText);
  put(text);
  put(kClose);
  out->append(buf, static_cast<size_t>(p - buf));
  return true;
}

}  // namespace

void WriteNamedPersons(JsonWriter& w, const std::vector<NamedPerson>& persons) {
  w.BeginArray();
  for (const auto& p : persons) {
    w.BeginObject().Field("name", p.name).Field("role", p.role).Field("fate", p.fate).EndObject();
  }
  w.EndArray();
}

void WriteEvidence(JsonWriter& w, const std::vector<Evidence>& evidence) {
  // The array is built apart and inserted whole: the verbatim rows bypass the writer.
  thread_local std::string rows;
  rows.assign(1, '[');
  for (size_t i = 0; i < evidence.size(); ++i) {
    const Evidence& ev = evidence[i];
    if (i > 0) rows.push_back(',');
    if (AppendVerbatimEvidenceRow(ev, &rows)) continue;
    JsonWriter row(&rows);
    row.BeginObject()
        .Field("field", ev.field.view())
        .Field("doc_id", ev.doc_id())
        .Field("start", ev.start)
        .Field("end", ev.end)
        .Field("text", ev.text())
        .EndObject();
  }
  rows.push_back(']');
  w.Raw(rows);
}

void AppendEventJson(const Event& e, std::string* out) {
  JsonWriter w(out);
  w.BeginObject();
  w.Field("event_id", e.event_id);
  StringArray(w, "doc_ids", e.doc_ids);
  w.Field("event_type", e.event_type);
  w.Field("sub_event_type", e.sub_event_type);
  OptionalString(w, "date_start", e.date_start);
  OptionalString(w, "date_end", e.date_end);
  OptionalString(w, "event_date", e.event_date);
  w.Field("time_precision", e.time_precision);
  w.Field("date_prec", e.date_prec);
  OptionalString(w, "actor1", e.actor1);
  OptionalString(w, "actor2", e.actor2);
  StringArray(w, "assoc_actor_1", e.assoc_actor_1);
  StringArray(w, "assoc_actor_2", e.assoc_actor_2);
  w.Field("inter1", e.inter1);
  w.Field("inter2", e.inter2);
  w.Field("interaction", e.interaction);
  OptionalString(w, "side_a", e.side_a);
  OptionalString(w, "side_b", e.side_b);
  w.Field("country", e.country);
  w.Field("iso3", e.iso3);
  OptionalString(w, "admin1", e.admin1);
  OptionalString(w, "admin2", e.admin2);
  w.Field("location", e.location);
  w.Key("latitude");
  e.latitude ? w.Double(*e.latitude) : w.Null();
  w.Key("longitude");
  e.longitude ? w.Double(*e.longitude) : w.Null();
  w.Key("geonameid");
  e.geonameid ? w.Int(*e.geonameid) : w.Null();
  w.Field("geo_precision", e.geo_precision);
  w.Field("where_prec", e.where_prec);
  w.Field("fatalities", e.fatalities);
  w.Field("deaths_best", e.deaths_best);
  w.Field("deaths_low", e.deaths_low);
  w.Field("deaths_high", e.deaths_high);
  w.Field("deaths_side_a", e.deaths_side_a);
  w.Field("deaths_side_b", e.deaths_side_b);
  w.Field("deaths_civilians", e.deaths_civilians);
  w.Field("deaths_unknown", e.deaths_unknown);
  w.Key("injured");
  e.injured ? w.Int(*e.injured) : w.Null();
  w.Key("named_persons");
  WriteNamedPersons(w, e.named_persons);
  w.Field("historical", e.historical);
  w.Field("confidence", e.confidence);
  w.Field("notes", e.notes);
  w.Key("evidence");
  WriteEvidence(w, e.evidence);
  w.EndObject();
}

}  // namespace sitrep
