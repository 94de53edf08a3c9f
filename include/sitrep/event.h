// An extracted conflict event (contract §2). Field names follow the contract exactly.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sitrep {

class JsonWriter;

struct NamedPerson {
  std::string name;
  std::string role;  // "deputy commander", may be empty
  std::string fate;  // "killed", "injured", "arrested", "wanted", ...
};

// The byte span behind one field of an event, in one document's clean text.
struct Evidence {
  std::string field;
  std::string doc_id;
  uint32_t start = 0;
  uint32_t end = 0;
  std::string text;
};

struct Event {
  std::string event_id;
  std::vector<std::string> doc_ids;
  std::string event_type;
  std::string sub_event_type;
  std::optional<std::string> date_start, date_end, event_date;  // "YYYY-MM-DD"
  int time_precision = 3;
  int date_prec = 5;
  std::optional<std::string> actor1, actor2;
  std::vector<std::string> assoc_actor_1, assoc_actor_2;
  int inter1 = 0, inter2 = 0;
  int interaction = 0;
  std::optional<std::string> side_a, side_b;
  std::string country, iso3;
  std::optional<std::string> admin1, admin2;
  std::string location;
  std::optional<double> latitude, longitude;
  std::optional<int64_t> geonameid;
  int geo_precision = 3;
  int where_prec = 6;
  int fatalities = 0;
  int deaths_best = 0, deaths_low = 0, deaths_high = 0;
  int deaths_side_a = 0, deaths_side_b = 0, deaths_civilians = 0, deaths_unknown = 0;
  std::optional<int> injured;
  std::vector<NamedPerson> named_persons;
  bool historical = false;
  double confidence = 0;
  std::string notes;
  std::vector<Evidence> evidence;
};

// Appends the event as one JSON object (contract §2 field names) to `out`.
void AppendEventJson(const Event& event, std::string* out);

// The `named_persons` and `evidence` arrays as AppendEventJson writes them (the value only; the
// caller writes the key), shared with stores that keep these fields as JSON.
void WriteNamedPersons(JsonWriter& w, const std::vector<NamedPerson>& persons);
void WriteEvidence(JsonWriter& w, const std::vector<Evidence>& evidence);

}  // namespace sitrep
