// `sitrep eval`: scores sitrep's output against the development gold sets, with the metric
// definitions of ../shared/eval/README.md.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "sitrep/result.h"

namespace sitrep {

struct EvalMetric {
  std::string name;   // "f1", "precision", "value_f1" ...
  double value = 0;   // fractions in [0,1] for rates; raw numbers otherwise
  std::string note;   // how it was computed, or why it is absent
};

struct EvalReport {
  std::string kind;        // clean, timex, places, events-acled, events-gtd, events-ucdp, ipe
  std::string gold_path;
  uint64_t documents = 0;  // gold rows scored
  uint64_t errors = 0;     // rows sitrep could not process
  std::vector<EvalMetric> metrics;
  std::vector<std::string> notes;  // e.g. "layer not built yet"
};

struct EvalOptions {
  std::string kind;
  std::string gold_path;         // default: ../shared/eval/<file for kind>
  std::string predictions_path;  // optional: score this sitrep output instead of running sitrep
  uint64_t limit = 0;            // score only the first N rows (0 = all)
};

// The gold file name for a kind ("clean" → "clean-dev.jsonl.gz"), or empty if unknown.
std::string_view DefaultGoldFile(std::string_view kind);
std::vector<std::string_view> EvalKinds();

Result<EvalReport> RunEval(const EvalOptions& options);

}  // namespace sitrep
