// The plain-text documents of ../shared/eval (GTD, ACLED and UCDP-AEC dev) as Documents, for the
// benchmarks that time a stage on real articles one by one. Read at run time and never stored;
// empty when ../shared is absent. `prepare` runs the stages before the timed one, outside the
// timed loop.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "sitrep/clean.h"
#include "sitrep/reader.h"

namespace sitrep::bench {

inline std::vector<Document> LoadEvalDocuments(const std::function<void(Document&)>& prepare) {
  std::vector<std::string> paths;
  for (const char* name : {"gtd-dev.jsonl", "acled-dev.jsonl", "ucdp-aec-dev.jsonl"}) {
    const std::filesystem::path p =
        std::filesystem::path(SITREP_SOURCE_DIR) / "../shared/eval" / name;
    if (std::filesystem::exists(p)) paths.push_back(p.string());
  }
  std::vector<Document> docs;
  if (paths.empty()) return docs;
  auto reader = OpenInputs(paths);
  if (!reader.ok()) return docs;
  while (auto item = (*reader)->Next()) {
    if (!item->status.ok()) continue;
    Result<Document> doc = MakeDocument(item->record);
    if (!doc.ok()) continue;
    prepare(*doc);
    docs.push_back(std::move(*doc));
  }
  return docs;
}

}  // namespace sitrep::bench
