// Event metrics over `sitrep extract --per-document` output. Each gold row is one document; its
// primary predicted event is compared field by field. A document without a primary event counts
// as wrong on every field, so each accuracy is over all gold rows that carry the field.
#include <algorithm>
#include <string>
#include <utility>

#include "eval/eval_util.h"
#include "eval/scorers.h"
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <sstream>

#include "sitrep/clean.h"
#include "sitrep/eval.h"
#include "sitrep/places.h"
#include "sitrep/pipeline.h"
#include "sitrep/reader.h"

namespace sitrep::eval {
namespace {

constexpr double kNearKm = 25.0;

std::pair<int64_t, int64_t> SortedPair(int64_t a, int64_t b) {
  return {std::min(a, b), std::max(a, b)};
}

bool NonEmpty(std::optional<std::string_view> s) { return s && !s->empty(); }

bool Near(const PredictedEvent* e, std::optional<double> lat, std::optional<double> lon) {
  return e && e->latitude && e->longitude && lat && lon &&
         HaversineKm(*lat, *lon, *e->latitude, *e->longitude) <= kNearKm;
}

// The default pipeline's options for an eval run: with the default gazetteer when one is found,
// else without places (said in the report's notes).
PipelineOptions EvalPipelineOptions(EvalReport* report) {
  PipelineOptions options;
  if (auto gazetteer = OpenDefaultGazetteer(); gazetteer.ok()) {
    options.gazetteer = *gazetteer;
  } else {
    report->notes.push_back("no gazetteer (" + gazetteer.status().message() +
                            "): events have no places");
  }
  return options;
}

// Runs `sitrep extract --per-document` in process over the kind's gold documents (the inputs
// WriteEvalInputs would print) and loads its events exactly as a predictions file is loaded.
Result<EventsByDoc> RunEventsLayer(const EvalOptions& options, EvalReport* report) {
  std::ostringstream inputs;
  SITREP_RETURN_IF_ERROR(WriteEvalInputs(options, inputs));
  std::unique_ptr<RecordReader> reader = OpenBuffer(inputs.str(), "eval-inputs.jsonl");
  const Pipeline pipeline = MakeDefaultPipeline(EvalPipelineOptions(report));
  char path[] = "/tmp/sitrep-eval-events-XXXXXX";
  int fd = mkstemp(path);
  if (fd < 0) return Status(ErrorCode::kIo, "cannot create a temporary file");
  std::FILE* out = fdopen(fd, "wb");
  std::string line;
  while (auto item = reader->Next()) {
    if (!item->status.ok()) {
      ++report->errors;
      continue;
    }
    Result<Document> doc = MakeDocument(item->record);
    if (!doc.ok() || !pipeline.Run(*doc).ok()) {
      ++report->errors;
      continue;
    }
    for (const Event& event : doc->events) {
      line.clear();
      AppendEventJson(event, &line);
      line.push_back('\n');
      std::fwrite(line.data(), 1, line.size(), out);
    }
  }
  std::fclose(out);
  Result<EventsByDoc> events = LoadPredictedEvents(path);
  unlink(path);
  return events;
}

// The predictions file when given, else sitrep's own events; on failure stores the status and
// returns nullopt.
std::optional<EventsByDoc> LoadOrNote(const EvalOptions& options, EvalReport* report,
                                      Status* status) {
  Result<EventsByDoc> events = options.predictions_path.empty()
                                   ? RunEventsLayer(options, report)
                                   : LoadPredictedEvents(options.predictions_path);
  if (!events.ok()) {
    *status = events.status();
    return std::nullopt;
  }
  return std::move(events).value();
}

const PredictedEvent* PrimaryFor(const EventsByDoc& events, const JsonObject& row) {
  auto it = events.find(GetIdString(row, "id"));
  return it == events.end() ? nullptr : PrimaryEvent(it->second);
}

// Feeds every non-historical event of the row's document to `calibration`: it matches gold when
// it is the primary event and `primary_matches` holds (extra events of one gold row never match).
void AddCalibration(const EventsByDoc& events, const JsonObject& row, const PredictedEvent* primary,
                    bool primary_matches, Calibration* calibration) {
  auto it = events.find(GetIdString(row, "id"));
  if (it == events.end()) return;
  for (const PredictedEvent& e : it->second) {
    if (!e.historical) calibration->Add(e.confidence, &e == primary && primary_matches);
  }
}

void AddCoverage(const Tally& found, EvalReport* report) {
  report->metrics.push_back(RateMetric("event_found", found, "documents with a primary event"));
  report->notes.push_back(
      "primary event = the document's non-historical event with the most deaths; a document "
      "without one counts as wrong on every field");
}

bool IsViolentType(std::string_view event_type) {
  static constexpr std::string_view kViolent[] = {"Battles", "Explosions/Remote violence",
                                                  "Violence against civilians", "Riots"};
  return std::find(std::begin(kViolent), std::end(kViolent), event_type) != std::end(kViolent);
}

bool IsViolent(const PredictedEvent& e) {
  return e.fatalities > 0 || e.deaths_best > 0 || IsViolentType(e.event_type);
}

}  // namespace

Status ScoreAcled(const EvalOptions& options, EvalReport* report) {
  Status load_status;
  std::optional<EventsByDoc> events = LoadOrNote(options, report, &load_status);
  SITREP_RETURN_IF_ERROR(load_status);
  if (!events) return Status::Ok();

  Tally found, event_type, sub_event_type, fatalities, interaction, country, admin1, near, date;
  Tally actors;
  // The issues state the place goals "on precision-1 rows": rows whose coordinates are the
  // event's own town (geo_precision 1), not a nearby town or the province's (2, 3).
  Tally admin1_prec1, near_prec1;
  Calibration calibration;
  Status status = ForEachGoldRow(
      report->gold_path, options.limit, report, [&](const JsonObject& row) -> Status {
        const PredictedEvent* e = PrimaryFor(*events, row);
        found.Add(e != nullptr);
        JsonObject gold;
        if (auto g = GetObject(row, "gold")) gold = *g;
        else return Status::Ok();
        if (auto v = GetString(gold, "event_type"); NonEmpty(v)) {
          event_type.Add(e && e->event_type == *v);
        }
        if (auto v = GetString(gold, "sub_event_type"); NonEmpty(v)) {
          sub_event_type.Add(e && e->sub_event_type == *v);
        }
        if (auto v = GetInt(gold, "fatalities")) fatalities.Add(e && e->fatalities == *v);
        auto i1 = GetInt(gold, "inter1"), i2 = GetInt(gold, "inter2");
        if (i1 && i2) {
          interaction.Add(e && SortedPair(*i1, *i2) == SortedPair(e->inter1, e->inter2));
        }
        for (std::string_view key : {"actor1", "actor2"}) {
          if (auto v = GetString(gold, key); NonEmpty(v)) {
            const std::string want = ActorNameWithoutEra(*v);
            actors.Add(e && std::find(e->actors.begin(), e->actors.end(), want) != e->actors.end());
          }
        }
        if (auto v = GetString(gold, "country"); NonEmpty(v)) {
          country.Add(e && PlaceNamesMatch(e->country, *v));
          const bool type_ok = e && e->event_type == GetString(gold, "event_type").value_or("");
          AddCalibration(*events, row, e, type_ok && PlaceNamesMatch(e->country, *v),
                         &calibration);
        }
        const bool precision1 = GetInt(gold, "geo_precision").value_or(0) == 1;
        if (auto v = GetString(gold, "admin1"); NonEmpty(v)) {
          admin1.Add(e && PlaceNamesMatch(e->admin1, *v));
          if (precision1) admin1_prec1.Add(e && PlaceNamesMatch(e->admin1, *v));
        }
        auto lat = GetNumber(gold, "latitude"), lon = GetNumber(gold, "longitude");
        if (lat && lon) {
          near.Add(Near(e, lat, lon));
          if (precision1) near_prec1.Add(Near(e, lat, lon));
        }
        if (GetInt(gold, "time_precision").value_or(0) == 1) {
          auto d = ParseGoldDate(GetString(row, "date").value_or(""));
          if (d && d->full_day()) date.Add(e && e->event_date && *e->event_date == d->Iso());
        }
        return Status::Ok();
      });
  SITREP_RETURN_IF_ERROR(status);

  AddCoverage(found, report);
  report->metrics.push_back(RateMetric("event_type", event_type, "exact"));
  report->metrics.push_back(RateMetric("sub_event_type", sub_event_type, "exact"));
  report->metrics.push_back(RateMetric("fatalities", fatalities, "exact"));
  report->metrics.push_back(RateMetric("interaction", interaction, "unordered inter1/inter2 pair"));
  report->metrics.push_back(RateMetric(
      "actors", actors, "gold actor1/actor2 names (era dropped) among the event's actors"));
  report->metrics.push_back(RateMetric("country", country, "name match"));
  report->metrics.push_back(RateMetric("admin1", admin1, "name match"));
  report->metrics.push_back(RateMetric("within_25km", near, "gold rows with coordinates"));
  report->metrics.push_back(
      RateMetric("admin1_prec1", admin1_prec1, "name match, geo_precision 1 rows"));
  report->metrics.push_back(
      RateMetric("within_25km_prec1", near_prec1, "geo_precision 1 rows with coordinates"));
  report->metrics.push_back(RateMetric("event_date", date, "exact, day-precision rows"));
  calibration.AppendMetrics("it is the note's primary event and its event_type and country are gold's",
                            report);
  return Status::Ok();
}

Status ScoreGtd(const EvalOptions& options, EvalReport* report) {
  Status load_status;
  std::optional<EventsByDoc> events = LoadOrNote(options, report, &load_status);
  SITREP_RETURN_IF_ERROR(load_status);
  if (!events) return Status::Ok();

  Tally found, nkill, nwound, country, city;
  Calibration calibration;
  Status status = ForEachGoldRow(
      report->gold_path, options.limit, report, [&](const JsonObject& row) -> Status {
        const PredictedEvent* e = PrimaryFor(*events, row);
        found.Add(e != nullptr);
        JsonObject gold;
        if (auto g = GetObject(row, "gold")) gold = *g;
        else return Status::Ok();
        if (auto v = GetInt(gold, "nkill")) nkill.Add(e && e->deaths_best == *v);
        if (auto v = GetInt(gold, "nwound")) nwound.Add(e && e->injured.value_or(0) == *v);
        if (auto v = GetString(gold, "country"); NonEmpty(v)) {
          country.Add(e && PlaceNamesMatch(e->country, *v));
          AddCalibration(*events, row, e, e && PlaceNamesMatch(e->country, *v), &calibration);
        }
        if (auto v = GetString(gold, "city"); NonEmpty(v) && *v != "Unknown") {
          city.Add(e && (PlaceNamesMatch(e->location, *v) ||
                         Near(e, GetNumber(gold, "latitude"), GetNumber(gold, "longitude"))));
        }
        return Status::Ok();
      });
  SITREP_RETURN_IF_ERROR(status);

  report->metrics.push_back(RateMetric("event_share", found, "summaries with an event"));
  report->notes.push_back(
      "primary event = the document's non-historical event with the most deaths; a summary "
      "without one counts as wrong on every field");
  report->metrics.push_back(RateMetric("nkill", nkill, "exact against deaths_best"));
  report->metrics.push_back(RateMetric("nwound", nwound, "exact against injured (null = 0)"));
  report->metrics.push_back(RateMetric("country", country, "name match"));
  report->metrics.push_back(
      RateMetric("city", city, "location name match or within 25 km; gold \"Unknown\" skipped"));
  calibration.AppendMetrics("it is the summary's primary event and its country is gold's",
                            report);
  return Status::Ok();
}

Status ScoreUcdp(const EvalOptions& options, EvalReport* report) {
  Status load_status;
  std::optional<EventsByDoc> events = LoadOrNote(options, report, &load_status);
  SITREP_RETURN_IF_ERROR(load_status);
  if (!events) return Status::Ok();

  Tally found, best, low, high, civilians, start, end, country, adm1, adm2, where;
  Calibration calibration;
  Status status = ForEachGoldRow(
      report->gold_path, options.limit, report, [&](const JsonObject& row) -> Status {
        const PredictedEvent* e = PrimaryFor(*events, row);
        found.Add(e != nullptr);
        JsonObject gold;
        if (auto g = GetObject(row, "gold")) gold = *g;
        else return Status::Ok();
        int64_t sum = GetInt(gold, "deaths_side_a").value_or(0) +
                      GetInt(gold, "deaths_side_b").value_or(0) +
                      GetInt(gold, "deaths_civilian").value_or(0) +
                      GetInt(gold, "deaths_unknown").value_or(0);
        best.Add(e && e->deaths_best == sum);
        if (auto v = GetInt(gold, "deaths_low")) low.Add(e && e->deaths_low == *v);
        if (auto v = GetInt(gold, "deaths_high")) high.Add(e && e->deaths_high == *v);
        if (auto v = GetInt(gold, "deaths_civilian")) civilians.Add(e && e->deaths_civilians == *v);
        if (auto v = GetString(gold, "start_date"); NonEmpty(v)) {
          start.Add(e && e->date_start && *e->date_start == *v);
        }
        if (auto v = GetString(gold, "end_date"); NonEmpty(v)) {
          end.Add(e && e->date_end && *e->date_end == *v);
        }
        if (auto v = GetString(gold, "location_root_name"); NonEmpty(v)) {
          country.Add(e && PlaceNamesMatch(e->country, *v));
          AddCalibration(*events, row, e, e && PlaceNamesMatch(e->country, *v), &calibration);
        }
        if (auto v = GetString(gold, "location_adm1_name"); NonEmpty(v)) {
          adm1.Add(e && PlaceNamesMatch(e->admin1, *v));
        }
        if (auto v = GetString(gold, "location_adm2_name"); NonEmpty(v)) {
          adm2.Add(e && PlaceNamesMatch(e->admin2, *v));
        }
        if (auto v = GetString(gold, "location_where_name"); NonEmpty(v)) {
          where.Add(e && PlaceNamesMatch(e->location, *v));
        }
        return Status::Ok();
      });
  SITREP_RETURN_IF_ERROR(status);

  AddCoverage(found, report);
  report->metrics.push_back(RateMetric("deaths_best", best, "exact against the sum of the four sides"));
  report->metrics.push_back(RateMetric("deaths_low", low, "exact"));
  report->metrics.push_back(RateMetric("deaths_high", high, "exact"));
  report->metrics.push_back(RateMetric("deaths_civilians", civilians, "exact"));
  report->metrics.push_back(RateMetric("start_date", start, "exact against date_start"));
  report->metrics.push_back(RateMetric("end_date", end, "exact against date_end"));
  report->metrics.push_back(RateMetric("country", country, "name match"));
  report->metrics.push_back(RateMetric("adm1", adm1, "name match against admin1"));
  report->metrics.push_back(RateMetric("adm2", adm2, "name match against admin2"));
  report->metrics.push_back(RateMetric("where", where, "name match against location"));
  calibration.AppendMetrics("it is the article's primary event and its country is gold's", report);
  return Status::Ok();
}

Status ScoreIpe(const EvalOptions& options, EvalReport* report) {
  std::optional<EventsByDoc> events;
  if (!options.predictions_path.empty()) {
    auto loaded = LoadPredictedEvents(options.predictions_path);
    if (!loaded.ok()) return loaded.status();
    events = std::move(loaded).value();
  }
  // Robustness is measured in-process: every article through MakeDocument and the pipeline,
  // whose events are scored when no predictions file is given.
  Pipeline pipeline = MakeDefaultPipeline(EvalPipelineOptions(report));
  const bool own_events = !events.has_value();
  Tally processed, kill, quiet;
  Status status = ForEachGoldRow(
      report->gold_path, options.limit, report, [&](const JsonObject& row) -> Status {
        RawRecord record;
        record.id = GetIdString(row, "id");
        record.url = std::string(GetString(row, "url").value_or(""));
        if (auto d = ParseGoldDate(GetString(row, "date").value_or("")); d && d->full_day()) {
          record.published = d->Iso();
        }
        record.payload = std::string(GetString(row, "text").value_or(""));
        Result<Document> doc = MakeDocument(record);
        bool ok = doc.ok() && pipeline.Run(*doc).ok();
        processed.Add(ok);
        if (!ok) ++report->errors;

        bool kill_label = false, any_label = false;
        if (auto gold = GetObject(row, "gold")) {
          if (auto labels = GetArray(*gold, "doc_labels")) {
            for (simdjson::dom::element label : *labels) {
              std::string_view s;
              if (label.get_string().get(s) != simdjson::SUCCESS) continue;
              any_label = true;
              kill_label |= s == "KILL";
            }
          }
        }
        bool has_fatal = false, has_violent = false;
        if (own_events) {
          if (ok) {
            for (const Event& e : doc->events) {
              if (e.historical) continue;
              has_fatal |= e.fatalities > 0 || e.deaths_best > 0;
              has_violent |= IsViolentType(e.event_type) || e.fatalities > 0 || e.deaths_best > 0;
            }
          }
        } else if (auto it = events->find(record.id); it != events->end()) {
          for (const PredictedEvent& e : it->second) {
            if (e.historical) continue;
            has_fatal |= e.fatalities > 0 || e.deaths_best > 0;
            has_violent |= IsViolent(e);
          }
        }
        if (kill_label) kill.Add(has_fatal);
        if (!any_label) quiet.Add(!has_violent);
        return Status::Ok();
      });
  SITREP_RETURN_IF_ERROR(status);

  report->metrics.push_back(
      RateMetric("processed_ok", processed, "articles through MakeDocument and the pipeline"));
  report->metrics.push_back(
      RateMetric("kill_detected", kill, "KILL articles with an event with fatalities > 0"));
  report->metrics.push_back(RateMetric(
      "unlabelled_quiet", quiet,
      "unlabelled articles with no violent event (Battles, Explosions/Remote violence, Violence "
      "against civilians, Riots, or deaths > 0)"));
  report->notes.push_back("historical events are ignored");
  return Status::Ok();
}

}  // namespace sitrep::eval
