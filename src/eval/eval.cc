// RunEval's dispatch, the pieces the scorers share, and the input writer for the gold documents.
#include "sitrep/eval.h"

#include <ostream>

#include "eval/eval_util.h"
#include "eval/scorers.h"
#include "sitrep/json_writer.h"

namespace sitrep {
namespace {

struct KindInfo {
  std::string_view kind;
  std::string_view gold_file;
  Status (*score)(const EvalOptions&, EvalReport*);
};

constexpr KindInfo kKinds[] = {
    {"clean", "clean-dev.jsonl.gz", eval::ScoreClean},
    {"timex", "timex-dev.jsonl", eval::ScoreTimex},
    {"places", "places-dev.jsonl", eval::ScorePlaces},
    {"events-acled", "acled-dev.jsonl", eval::ScoreAcled},
    {"events-gtd", "gtd-dev.jsonl", eval::ScoreGtd},
    {"events-ucdp", "ucdp-aec-dev.jsonl", eval::ScoreUcdp},
    {"ipe", "ipe-dev.jsonl", eval::ScoreIpe},
};

const KindInfo* FindKind(std::string_view kind) {
  for (const KindInfo& info : kKinds) {
    if (info.kind == kind) return &info;
  }
  return nullptr;
}

std::string KindList() {
  std::string list;
  for (const KindInfo& info : kKinds) {
    if (!list.empty()) list += ", ";
    list += info.kind;
  }
  return list;
}

}  // namespace

const EvalMetric* EvalReport::Find(std::string_view name) const {
  for (const EvalMetric& metric : metrics) {
    if (metric.name == name) return &metric;
  }
  return nullptr;
}

std::string_view DefaultGoldFile(std::string_view kind) {
  const KindInfo* info = FindKind(kind);
  return info ? info->gold_file : std::string_view();
}

std::vector<std::string_view> EvalKinds() {
  std::vector<std::string_view> kinds;
  for (const KindInfo& info : kKinds) kinds.push_back(info.kind);
  return kinds;
}

std::string GoldPathFor(const EvalOptions& options) {
  if (!options.gold_path.empty()) return options.gold_path;
  std::string_view file = DefaultGoldFile(options.kind);
  if (file.empty()) return "";
  std::string dir = options.gold_dir.empty() ? "." : options.gold_dir;
  if (dir.back() != '/') dir.push_back('/');
  return dir + std::string(file);
}

Result<EvalReport> RunEval(const EvalOptions& options) {
  const KindInfo* info = FindKind(options.kind);
  if (info == nullptr) {
    return Status(ErrorCode::kInvalidArgument,
                  "unknown eval kind \"" + options.kind + "\" (one of: " + KindList() + ")");
  }
  EvalReport report;
  report.kind = options.kind;
  report.gold_path = GoldPathFor(options);
  SITREP_RETURN_IF_ERROR(info->score(options, &report));
  return report;
}

Status WriteEvalInputs(const EvalOptions& options, std::ostream& out) {
  if (FindKind(options.kind) == nullptr) {
    return Status(ErrorCode::kInvalidArgument,
                  "unknown eval kind \"" + options.kind + "\" (one of: " + KindList() + ")");
  }
  EvalReport scratch;
  std::string line;
  Status status = eval::ForEachGoldRow(
      GoldPathFor(options), options.limit, &scratch, [&](const eval::JsonObject& row) -> Status {
        line.clear();
        JsonWriter w(&line);
        w.BeginObject();
        simdjson::dom::element id;
        int64_t int_id;
        if (row["id"].get(id) == simdjson::SUCCESS && id.get_int64().get(int_id) == simdjson::SUCCESS) {
          w.Field("id", int_id);
        } else {
          w.Field("id", eval::GetIdString(row, "id"));
        }
        if (auto url = eval::GetString(row, "url")) w.Field("url", *url);
        if (auto title = eval::GetString(row, "title")) w.Field("title", *title);
        std::optional<std::string_view> date = eval::GetString(row, "date");
        if (!date) date = eval::GetString(row, "dct");
        if (date) {
          auto parsed = eval::ParseGoldDate(*date);
          if (parsed && parsed->full_day()) w.Field("published", parsed->Iso());
        }
        if (auto html = eval::GetString(row, "html")) {
          w.Field("html", *html);
        } else {
          w.Field("text", eval::GetString(row, "text").value_or(""));
        }
        w.EndObject();
        line.push_back('\n');
        out << line;
        if (!out) return Status(ErrorCode::kIo, "cannot write eval inputs");
        return Status::Ok();
      });
  return status;
}

namespace eval {

Status ForEachGoldRow(const std::string& path, uint64_t limit, EvalReport* report,
                      const GoldRowFn& fn) {
  auto file = JsonlFile::Open(path);
  if (!file.ok()) return file.status();
  simdjson::dom::parser parser;
  std::string line;
  uint64_t rows = 0;
  while ((limit == 0 || rows < limit) && (*file)->Next(&line)) {
    ++rows;
    JsonObject obj;
    if (parser.parse(line).get_object().get(obj) != simdjson::SUCCESS) {
      ++report->errors;
      continue;
    }
    ++report->documents;
    SITREP_RETURN_IF_ERROR(fn(obj));
  }
  return (*file)->status();
}

Result<EventsByDoc> LoadPredictedEvents(const std::string& path) {
  auto file = JsonlFile::Open(path);
  if (!file.ok()) return file.status();
  EventsByDoc events;
  simdjson::dom::parser parser;
  std::string line;
  auto optional_string = [](const JsonObject& obj, std::string_view key) {
    std::optional<std::string> out;
    if (auto s = GetString(obj, key)) out = std::string(*s);
    return out;
  };
  while ((*file)->Next(&line)) {
    JsonObject obj;
    if (parser.parse(line).get_object().get(obj) != simdjson::SUCCESS) {
      return Status(ErrorCode::kParse, path + ":" + std::to_string((*file)->line_number()) +
                                           ": not a JSON object");
    }
    PredictedEvent e;
    e.event_type = std::string(GetString(obj, "event_type").value_or(""));
    e.sub_event_type = std::string(GetString(obj, "sub_event_type").value_or(""));
    e.event_date = optional_string(obj, "event_date");
    e.date_start = optional_string(obj, "date_start");
    e.date_end = optional_string(obj, "date_end");
    e.inter1 = static_cast<int>(GetInt(obj, "inter1").value_or(0));
    e.inter2 = static_cast<int>(GetInt(obj, "inter2").value_or(0));
    for (std::string_view key : {"actor1", "actor2"}) {
      if (auto name = GetString(obj, key)) e.actors.emplace_back(*name);
    }
    for (std::string_view key : {"assoc_actor_1", "assoc_actor_2"}) {
      if (auto names = GetArray(obj, key)) {
        for (simdjson::dom::element name : *names) {
          std::string_view text;
          if (name.get_string().get(text) == simdjson::SUCCESS) e.actors.emplace_back(text);
        }
      }
    }
    e.country = std::string(GetString(obj, "country").value_or(""));
    e.admin1 = std::string(GetString(obj, "admin1").value_or(""));
    e.admin2 = std::string(GetString(obj, "admin2").value_or(""));
    e.location = std::string(GetString(obj, "location").value_or(""));
    e.latitude = GetNumber(obj, "latitude");
    e.longitude = GetNumber(obj, "longitude");
    e.fatalities = static_cast<int>(GetInt(obj, "fatalities").value_or(0));
    std::optional<int64_t> best = GetInt(obj, "deaths_best");
    e.deaths_best = static_cast<int>(best.value_or(e.fatalities));
    e.deaths_low = static_cast<int>(GetInt(obj, "deaths_low").value_or(0));
    e.deaths_high = static_cast<int>(GetInt(obj, "deaths_high").value_or(0));
    e.deaths_civilians = static_cast<int>(GetInt(obj, "deaths_civilians").value_or(0));
    if (auto injured = GetInt(obj, "injured")) e.injured = static_cast<int>(*injured);
    e.historical = GetBool(obj, "historical").value_or(false);
    e.confidence = GetNumber(obj, "confidence").value_or(0);
    auto doc_ids = GetArray(obj, "doc_ids");
    if (!doc_ids) {
      return Status(ErrorCode::kParse, path + ":" + std::to_string((*file)->line_number()) +
                                           ": event without doc_ids");
    }
    for (simdjson::dom::element id : *doc_ids) events[ElementAsIdString(id)].push_back(e);
  }
  SITREP_RETURN_IF_ERROR((*file)->status());
  return events;
}

const PredictedEvent* PrimaryEvent(const std::vector<PredictedEvent>& events) {
  const PredictedEvent* best = nullptr;
  for (const PredictedEvent& e : events) {
    if (e.historical) continue;
    if (best == nullptr || e.deaths_best > best->deaths_best) best = &e;
  }
  return best;
}

EvalMetric RateMetric(std::string name, const Tally& tally, std::string_view what) {
  EvalMetric metric;
  metric.name = std::move(name);
  metric.value = tally.total ? static_cast<double>(tally.hits) / static_cast<double>(tally.total) : 0;
  metric.note = std::to_string(tally.hits) + "/" + std::to_string(tally.total);
  if (!what.empty()) metric.note += " " + std::string(what);
  if (tally.total == 0) metric.note += " (no gold rows with this field)";
  return metric;
}

void Calibration::Add(double confidence, bool matches_gold) {
  const int bin = std::clamp(static_cast<int>(confidence * kBins), 0, kBins - 1);
  ++count_[bin];
  hits_[bin] += matches_gold ? 1 : 0;
  confidence_sum_[bin] += confidence;
}

void Calibration::AppendMetrics(std::string_view match_rule, EvalReport* report) const {
  uint64_t total = 0;
  double weighted_gap = 0;
  for (int b = 0; b < kBins; ++b) {
    if (count_[b] == 0) continue;
    const double n = static_cast<double>(count_[b]);
    total += count_[b];
    weighted_gap += std::abs(static_cast<double>(hits_[b]) / n - confidence_sum_[b] / n) * n;
  }
  EvalMetric error;
  error.name = "calibration_error";
  error.value = total ? weighted_gap / static_cast<double>(total) : 0;
  error.note = "expected calibration error over " + std::to_string(total) +
               " non-historical events (10 bins); an event matches when " + std::string(match_rule);
  report->metrics.push_back(std::move(error));
  for (int b = 0; b < kBins; ++b) {
    if (count_[b] == 0) continue;
    const double n = static_cast<double>(count_[b]);
    char name[32], mean[16];
    std::snprintf(name, sizeof name, "confidence_%.1f-%.1f", b / 10.0, (b + 1) / 10.0);
    std::snprintf(mean, sizeof mean, "%.3f", confidence_sum_[b] / n);
    EvalMetric bin;
    bin.name = name;
    bin.value = static_cast<double>(hits_[b]) / n;
    bin.note = std::to_string(hits_[b]) + "/" + std::to_string(count_[b]) +
               " events match gold; mean confidence " + mean;
    report->metrics.push_back(std::move(bin));
  }
}

}  // namespace eval
}  // namespace sitrep
