// The per-kind scorers behind RunEval and what they share: a gold-row loop, the predicted events
// of `sitrep extract --per-document`, and metric construction.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "eval/gold_io.h"
#include "sitrep/eval.h"

namespace sitrep::eval {

// Calls `fn` on each gold row (a JSON object) of `path`, the first `limit` rows when limit > 0.
// Counts scored rows in report->documents; a row that is not a JSON object counts in
// report->errors and is skipped. Stops at the first error `fn` returns.
using GoldRowFn = std::function<Status(const JsonObject& row)>;
Status ForEachGoldRow(const std::string& path, uint64_t limit, EvalReport* report,
                      const GoldRowFn& fn);

// The fields of one predicted event (event-schema.md §2) that the scorers compare.
struct PredictedEvent {
  std::string event_type, sub_event_type;
  std::optional<std::string> event_date, date_start, date_end;
  int inter1 = 0, inter2 = 0;
  // actor1, actor2 and the associated actors of both sides, in that order.
  std::vector<std::string> actors;
  std::string country, admin1, admin2, location;
  std::optional<double> latitude, longitude;
  int fatalities = 0;
  int deaths_best = 0, deaths_low = 0, deaths_high = 0, deaths_civilians = 0;
  std::optional<int> injured;
  bool historical = false;
  double confidence = 0;
};

// doc id → that document's events, in file order. kParse names the first malformed line.
using EventsByDoc = std::unordered_map<std::string, std::vector<PredictedEvent>>;
Result<EventsByDoc> LoadPredictedEvents(const std::string& path);

// The primary event of a document: its non-historical event with the most deaths (deaths_best,
// else fatalities); ties go to the first. nullptr when there is none.
const PredictedEvent* PrimaryEvent(const std::vector<PredictedEvent>& events);

// A share with its counts in the note: "hits/total <what>".
struct Tally {
  uint64_t hits = 0;
  uint64_t total = 0;
  void Add(bool hit) {
    ++total;
    if (hit) ++hits;
  }
};
EvalMetric RateMetric(std::string name, const Tally& tally, std::string_view what);

// Reliability of the events' `confidence`: events are put in ten bins of width 0.1 and each bin
// reports the share of its events that match gold, next to their mean confidence. A calibrated
// score has share ≈ mean confidence in every bin; `calibration_error` is the expected
// calibration error (bin shares vs mean confidences, weighted by bin size).
class Calibration {
 public:
  void Add(double confidence, bool matches_gold);
  // "calibration_error", then one "confidence_0.x" metric per non-empty bin.
  void AppendMetrics(std::string_view match_rule, EvalReport* report) const;

 private:
  static constexpr int kBins = 10;
  uint64_t count_[kBins] = {};
  uint64_t hits_[kBins] = {};
  double confidence_sum_[kBins] = {};
};


Status ScoreClean(const EvalOptions& options, EvalReport* report);
Status ScoreTimex(const EvalOptions& options, EvalReport* report);
Status ScorePlaces(const EvalOptions& options, EvalReport* report);
Status ScoreAcled(const EvalOptions& options, EvalReport* report);
Status ScoreGtd(const EvalOptions& options, EvalReport* report);
Status ScoreUcdp(const EvalOptions& options, EvalReport* report);
Status ScoreIpe(const EvalOptions& options, EvalReport* report);

}  // namespace sitrep::eval
