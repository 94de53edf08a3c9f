// Named stages over one Document, run in order. Stages communicate only through the document's
// annotation columns, so each can be tested by building a Document by hand.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "sitrep/document.h"
#include "sitrep/result.h"

namespace sitrep {

class Stage {
 public:
  virtual ~Stage() = default;
  virtual std::string_view name() const = 0;
  // Thread-safe: one Stage object may run on many documents at once.
  virtual Status Run(Document& doc) const = 0;
};

class Pipeline {
 public:
  Pipeline& Add(std::unique_ptr<Stage> stage);
  // Runs every stage; stops at the first failing stage and names it in the error.
  Status Run(Document& doc) const;
  std::vector<std::string_view> StageNames() const;

 private:
  std::vector<std::unique_ptr<Stage>> stages_;
};

class Gazetteer;

struct PipelineOptions {
  // The gazetteer for the "places" stage; null leaves places out (events then have no place).
  std::shared_ptr<const Gazetteer> gazetteer;
};

// The stages, in order: "segment" (tokens, sentences, paragraphs), "timex", "quantities",
// "actors", "triggers", "places" (only with a gazetteer), "events".
Pipeline MakeDefaultPipeline(const PipelineOptions& options);
// As above without a gazetteer.
Pipeline MakeDefaultPipeline();

}  // namespace sitrep
