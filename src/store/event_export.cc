// Event exports. CSV per RFC 4180 (CRLF line ends, fields quoted when needed); GeoJSON per
// RFC 7946 (a FeatureCollection, [longitude, latitude], WGS84); events without coordinates are
// kept as features with "geometry": null (RFC 7946 §3.2), so every export holds the same events.
#include "sitrep/event_export.h"

#include <cmath>
#include <cstdio>

#include "sitrep/json_writer.h"

namespace sitrep {
namespace {

// ACLED's export columns in ACLED's order (31), as in the ACLED Codebook (2023/2024 editions,
// "ACLED data columns") and the ACLED API `read` endpoint's default fields
// (https://apidocs.acleddata.com, and the acledR package's codebook data, dtacled/acledR):
const std::vector<std::string_view> kAcled = {
    "event_id_cnty", "event_date",     "year",          "time_precision", "disorder_type",
    "event_type",    "sub_event_type", "actor1",        "assoc_actor_1",  "inter1",
    "actor2",        "assoc_actor_2",  "inter2",        "interaction",    "civilian_targeting",
    "iso",           "region",         "country",       "admin1",         "admin2",
    "admin3",        "location",       "latitude",      "longitude",      "geo_precision",
    "source",        "source_scale",   "notes",         "fatalities",     "tags",
    "timestamp"};

// UCDP GED column names in the order of the GED CSV release (UCDP Georeferenced Event Dataset
// Codebook v23.1, Högbladh 2023, "Variables"; header of ged231.csv). Checked against the GedEvent
// object of UCDP's own API description (same 49 names, same order), as republished in
// github.com/api-evangelist/uppsala json-structure/uppsala-gedevent-structure.json; the 49-column
// count matches the GED CSV samples described on CRAN (uncertainUCDP::ucdpged, 23.1 release).
const std::vector<std::string_view> kUcdp = {
    "id", "relid", "year", "active_year", "code_status", "type_of_violence", "conflict_dset_id",
    "conflict_new_id", "conflict_name", "dyad_dset_id", "dyad_new_id", "dyad_name", "side_a_dset_id",
    "side_a_new_id", "side_a", "side_b_dset_id", "side_b_new_id", "side_b", "number_of_sources",
    "source_article", "source_office", "source_date", "source_headline", "source_original",
    "where_prec", "where_coordinates", "where_description", "adm_1", "adm_2", "latitude", "longitude",
    "geom_wkt", "priogrid_gid", "country", "country_id", "region", "event_clarity", "date_prec",
    "date_start", "date_end", "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "best",
    "high", "low", "gwnoa", "gwnob"};

std::string Join(const std::vector<std::string>& v, std::string_view sep) {
  std::string out;
  for (const auto& s : v) {
    if (!out.empty()) out += sep;
    out += s;
  }
  return out;
}

std::string Coord(const std::optional<double>& v) {
  if (!v) return "";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6f", *v);
  // Trim trailing zeros ("33.300000" -> "33.3") but keep one digit after the point.
  std::string s = buf;
  while (s.size() > 1 && s.back() == '0' && s[s.size() - 2] != '.') s.pop_back();
  return s;
}

std::string Year(const std::optional<std::string>& date) {
  return date && date->size() >= 4 ? date->substr(0, 4) : "";
}

// ACLED disorder type from the event type (ACLED Codebook: political violence, demonstrations,
// strategic developments; excessive force and mob violence count as both).
std::string DisorderType(const Event& e) {
  if (e.sub_event_type == "Excessive force against protesters" || e.sub_event_type == "Mob violence") {
    return "Political violence; Demonstrations";
  }
  if (e.event_type == "Protests" || e.event_type == "Riots") return "Demonstrations";
  if (e.event_type == "Strategic developments") return "Strategic developments";
  if (e.event_type.empty()) return "";
  return "Political violence";
}

// UCDP type of violence: 3 one-sided (an organized actor against civilians), 1 state-based (state
// forces on one side), 2 non-state; empty when the event is not organized lethal violence.
std::string TypeOfViolence(const Event& e) {
  if (e.event_type != "Battles" && e.event_type != "Explosions/Remote violence" &&
      e.event_type != "Violence against civilians") {
    return "";
  }
  if (e.event_type == "Violence against civilians" || e.inter1 == 7 || e.inter2 == 7) return "3";
  if (e.inter1 == 1 || e.inter2 == 1) return "1";
  if (e.inter1 != 0 && e.inter2 != 0) return "2";
  return "";
}

// PRIO-GRID cell (0.5 degree; gid 1 at the south-west corner, row-major from the south).
std::string PrioGrid(const Event& e) {
  if (!e.latitude || !e.longitude) return "";
  int row = static_cast<int>(std::floor((*e.latitude + 90.0) / 0.5));
  int col = static_cast<int>(std::floor((*e.longitude + 180.0) / 0.5));
  row = std::min(std::max(row, 0), 359);
  col = std::min(std::max(col, 0), 719);
  return std::to_string(row * 720 + col + 1);
}

void Row(const std::vector<std::string>& fields, std::string* out) {
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) out->push_back(',');
    AppendCsvField(fields[i], out);
  }
  out->append("\r\n");
}

void Header(const std::vector<std::string_view>& cols, std::string* out) {
  std::vector<std::string> f(cols.begin(), cols.end());
  Row(f, out);
}

void AcledRow(const Event& e, std::string* out) {
  const bool civilian = e.event_type == "Violence against civilians" ||
                        ((e.inter1 == 7 || e.inter2 == 7) && DisorderType(e).starts_with("Political"));
  Row({e.event_id, e.event_date.value_or(""), Year(e.event_date), std::to_string(e.time_precision),
       DisorderType(e), e.event_type, e.sub_event_type, e.actor1.value_or(""), Join(e.assoc_actor_1, "; "),
       std::to_string(e.inter1), e.actor2.value_or(""), Join(e.assoc_actor_2, "; "), std::to_string(e.inter2),
       std::to_string(e.interaction), civilian ? "Civilian targeting" : "",
       "",  // iso: ACLED's numeric ISO 3166-1 code; sitrep keeps the alpha-3 code only
       "",  // region: ACLED's world region, not coded by sitrep
       e.country, e.admin1.value_or(""), e.admin2.value_or(""), "", e.location, Coord(e.latitude),
       Coord(e.longitude), std::to_string(e.geo_precision), Join(e.doc_ids, "; "), "", e.notes,
       std::to_string(e.fatalities), "", ""},
      out);
}

void UcdpRow(const Event& e, std::string* out) {
  std::string dyad;
  if (e.side_a || e.side_b) dyad = e.side_a.value_or("") + " - " + e.side_b.value_or("");
  std::string wkt;
  if (e.latitude && e.longitude) wkt = "POINT (" + Coord(e.longitude) + " " + Coord(e.latitude) + ")";
  std::string where = e.location;
  if (e.admin1 && !e.admin1->empty()) where += (where.empty() ? "" : ", ") + *e.admin1;
  Row({e.event_id, e.event_id, Year(e.date_start ? e.date_start : e.event_date), "", "", TypeOfViolence(e),
       "", "", "", "", "", dyad, "", "", e.side_a.value_or(""), "", "", e.side_b.value_or(""),
       std::to_string(e.doc_ids.size()), Join(e.doc_ids, ";"), "", "", "", "",
       std::to_string(e.where_prec), e.location, where, e.admin1.value_or(""), e.admin2.value_or(""),
       Coord(e.latitude), Coord(e.longitude), wkt, PrioGrid(e), e.country, "", "", "",
       std::to_string(e.date_prec), e.date_start.value_or(""), e.date_end.value_or(""),
       std::to_string(e.deaths_side_a), std::to_string(e.deaths_side_b), std::to_string(e.deaths_civilians),
       std::to_string(e.deaths_unknown), std::to_string(e.deaths_best), std::to_string(e.deaths_high),
       std::to_string(e.deaths_low), "", ""},
      out);
}

void OptionalString(JsonWriter& w, std::string_view key, const std::optional<std::string>& v) {
  w.Key(key);
  v ? (void)w.String(*v) : (void)w.Null();
}

void GeoJsonFeature(const Event& e, std::string* out) {
  JsonWriter w(out);
  w.BeginObject().Field("type", "Feature").Field("id", e.event_id);
  w.Key("geometry");
  if (e.latitude && e.longitude) {
    w.BeginObject().Field("type", "Point").Key("coordinates").BeginArray();
    w.Double(*e.longitude).Double(*e.latitude).EndArray().EndObject();
  } else {
    w.Null();
  }
  // Flat scalar properties (lists joined with "; ") so desktop GIS reads every field as a column.
  w.Key("properties").BeginObject();
  w.Field("event_id", e.event_id).Field("doc_ids", Join(e.doc_ids, "; "));
  w.Field("event_type", e.event_type).Field("sub_event_type", e.sub_event_type);
  OptionalString(w, "event_date", e.event_date);
  OptionalString(w, "date_start", e.date_start);
  OptionalString(w, "date_end", e.date_end);
  w.Field("time_precision", e.time_precision).Field("date_prec", e.date_prec);
  OptionalString(w, "actor1", e.actor1);
  OptionalString(w, "actor2", e.actor2);
  w.Field("assoc_actor_1", Join(e.assoc_actor_1, "; ")).Field("assoc_actor_2", Join(e.assoc_actor_2, "; "));
  w.Field("inter1", e.inter1).Field("inter2", e.inter2).Field("interaction", e.interaction);
  OptionalString(w, "side_a", e.side_a);
  OptionalString(w, "side_b", e.side_b);
  w.Field("country", e.country).Field("iso3", e.iso3);
  OptionalString(w, "admin1", e.admin1);
  OptionalString(w, "admin2", e.admin2);
  w.Field("location", e.location);
  w.Field("geo_precision", e.geo_precision).Field("where_prec", e.where_prec);
  w.Field("fatalities", e.fatalities).Field("deaths_best", e.deaths_best);
  w.Field("deaths_low", e.deaths_low).Field("deaths_high", e.deaths_high);
  w.Key("injured");
  e.injured ? (void)w.Int(*e.injured) : (void)w.Null();
  w.Field("historical", e.historical).Field("confidence", e.confidence).Field("notes", e.notes);
  w.EndObject().EndObject();
}

}  // namespace

void AppendCsvField(std::string_view field, std::string* out) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
    out->append(field);
    return;
  }
  out->push_back('"');
  for (char c : field) {
    if (c == '"') out->push_back('"');
    out->push_back(c);
  }
  out->push_back('"');
}

const std::vector<std::string_view>& AcledColumns() { return kAcled; }
const std::vector<std::string_view>& UcdpColumns() { return kUcdp; }

Result<ExportFormat> ParseExportFormat(std::string_view name) {
  if (name == "acled-csv") return ExportFormat::kAcledCsv;
  if (name == "ucdp-csv") return ExportFormat::kUcdpCsv;
  if (name == "jsonl") return ExportFormat::kJsonl;
  if (name == "geojson") return ExportFormat::kGeoJson;
  return Status(ErrorCode::kInvalidArgument,
                "unknown export format '" + std::string(name) + "': use acled-csv, ucdp-csv, jsonl or geojson");
}

void EventExporter::Begin(std::string* out) {
  first_ = true;
  switch (format_) {
    case ExportFormat::kAcledCsv: Header(kAcled, out); break;
    case ExportFormat::kUcdpCsv: Header(kUcdp, out); break;
    case ExportFormat::kJsonl: break;
    case ExportFormat::kGeoJson: out->append("{\"type\":\"FeatureCollection\",\"features\":[\n"); break;
  }
}

void EventExporter::Add(const Event& e, std::string* out) {
  switch (format_) {
    case ExportFormat::kAcledCsv: AcledRow(e, out); break;
    case ExportFormat::kUcdpCsv: UcdpRow(e, out); break;
    case ExportFormat::kJsonl:
      AppendEventJson(e, out);
      out->push_back('\n');
      break;
    case ExportFormat::kGeoJson:
      if (!first_) out->append(",\n");
      GeoJsonFeature(e, out);
      break;
  }
  first_ = false;
}

void EventExporter::End(std::string* out) {
  if (format_ == ExportFormat::kGeoJson) out->append("\n]}\n");
}

}  // namespace sitrep
