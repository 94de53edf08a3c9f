#include "sitrep/event.h"

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

}  // namespace

void WriteNamedPersons(JsonWriter& w, const std::vector<NamedPerson>& persons) {
  w.BeginArray();
  for (const auto& p : persons) {
    w.BeginObject().Field("name", p.name).Field("role", p.role).Field("fate", p.fate).EndObject();
  }
  w.EndArray();
}

void WriteEvidence(JsonWriter& w, const std::vector<Evidence>& evidence) {
  w.BeginArray();
  for (const auto& ev : evidence) {
    w.BeginObject()
        .Field("field", ev.field.view())
        .Field("doc_id", ev.doc_id.view())
        .Field("start", ev.start)
        .Field("end", ev.end)
        .Field("text", ev.text.view())
        .EndObject();
  }
  w.EndArray();
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
