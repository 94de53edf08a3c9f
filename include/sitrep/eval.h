// `sitrep eval`: scores sitrep's output against the development gold sets, with the metric
// definitions of ../shared/eval/README.md.
//
//   EvalOptions options;
//   options.kind = "events-acled";
//   options.predictions_path = "acled-events.jsonl";  // sitrep extract --per-document output
//   Result<EvalReport> report = RunEval(options);
//   if (report.ok()) std::cout << FormatEvalTable(*report);
//
// Without a predictions file, kinds whose sitrep layer exists are run in-process ("clean" runs
// CleanHtml on every page); the others return a report whose `notes` say the layer is missing.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/result.h"

namespace sitrep {

struct EvalMetric {
  std::string name;   // "f1", "precision", "value_f1" ...
  double value = 0;   // fractions in [0,1] for rates; raw numbers otherwise
  std::string note;   // how it was computed, or why it is absent
  bool is_rate = true;  // false for raw numbers (counts, kilometres)
};

struct EvalReport {
  std::string kind;        // clean, timex, places, events-acled, events-gtd, events-ucdp, ipe
  std::string gold_path;
  uint64_t documents = 0;  // gold rows scored
  uint64_t errors = 0;     // rows sitrep could not process
  std::vector<EvalMetric> metrics;
  std::vector<std::string> notes;  // e.g. "layer not built yet"

  // The metric called `name`, or nullptr.
  const EvalMetric* Find(std::string_view name) const;
};

struct EvalOptions {
  std::string kind;
  std::string gold_path;         // default: <gold_dir>/<file for kind>
  std::string predictions_path;  // optional: score this sitrep output instead of running sitrep
  uint64_t limit = 0;            // score only the first N rows (0 = all)
  std::string gold_dir = "../shared/eval";  // where the default gold files live
};

// The gold file name for a kind ("clean" → "clean-dev.jsonl.gz"), or empty if unknown.
std::string_view DefaultGoldFile(std::string_view kind);
std::vector<std::string_view> EvalKinds();
// options.gold_path if set, else <gold_dir>/<DefaultGoldFile(kind)>; empty for an unknown kind.
std::string GoldPathFor(const EvalOptions& options);

// Scores one kind. Errors: unknown kind (kInvalidArgument), unreadable gold or predictions file
// (kIo / kNotFound), malformed predictions (kParse). Malformed gold rows count in `errors`.
// Predictions formats: clean — `sitrep clean` JSONL ({"id","text"}); timex, places —
// `sitrep annotate --format jsonl`; events-*, ipe — `sitrep extract --per-document --format
// jsonl` (one event per line, with doc_ids).
Result<EvalReport> RunEval(const EvalOptions& options);

// Writes sitrep's input JSONL for the kind's gold documents (first `limit` rows): {"id", "url",
// "title", "published", "text" | "html"}; `published` only when the gold date is a full day.
// Pipe it into `sitrep extract --per-document` / `sitrep annotate`, then score with
// --predictions.
Status WriteEvalInputs(const EvalOptions& options, std::ostream& out);

// An aligned, human-readable table (rates shown as percentages) ending in '\n'.
std::string FormatEvalTable(const EvalReport& report);
// One JSON object (no trailing newline): {"kind", "gold_path", "documents", "errors",
// "metrics": [{"name", "value", "note"}], "notes": [...]}. Rates stay fractions.
std::string FormatEvalJson(const EvalReport& report);

// --- The scoring primitives, exposed for tests and tools. ---

// One page of the clean metric: 4-token shingles (tokens = Unicode `\w+` runs, case kept) as
// multisets. Precision is undefined when the prediction has no shingle, recall when the gold
// has none. A text with 1–3 tokens is one shorter shingle.
struct ShingleScore {
  uint64_t true_positives = 0;
  uint64_t false_positives = 0;
  uint64_t false_negatives = 0;
  std::optional<double> precision;
  std::optional<double> recall;
};
ShingleScore ScoreCleanPage(std::string_view predicted, std::string_view gold);

// Averages per-page precision and recall, each over the pages where it is defined;
// f1 = harmonic mean of the two averages.
struct AveragedScore {
  double precision = 0;
  double recall = 0;
  double f1 = 0;
  uint64_t precision_pages = 0;
  uint64_t recall_pages = 0;
};
AveragedScore AverageShingleScores(const std::vector<ShingleScore>& pages);

}  // namespace sitrep
