// Named stages over one Document, run in order. Stages communicate only through the document's
// annotation columns, so each can be tested by building a Document by hand.
#pragma once

#include <cstddef>
#include <memory>
#include <span>
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
  // True when the stage reuses per-thread state the stage before it built for the same document
  // (a cache of that document's token keys): Pipeline::RunBatch then runs the two back to back
  // on each document instead of the previous stage over the whole batch first.
  virtual bool RunsRightAfterPrevious() const { return false; }
};

class Pipeline {
 public:
  Pipeline& Add(std::unique_ptr<Stage> stage);
  // Runs every stage; stops at the first failing stage and names it in the error.
  Status Run(Document& doc) const;
  // Runs every stage over all of `docs`, one stage over every document before the next stage,
  // and returns each document's status as Run would: stages work on one document at a time, so
  // the result is the same, but each stage's code and tables stay hot in the caches across the
  // batch instead of being evicted by the other stages after every document. A document whose
  // stage fails skips the later stages; the others go on.
  std::vector<Status> RunBatch(std::span<Document* const> docs) const;
  std::vector<std::string_view> StageNames() const;

 private:
  std::vector<std::unique_ptr<Stage>> stages_;
};

// The batches the commands hand to RunBatch: up to kBatchDocuments documents, fewer once they
// hold kBatchBytes of input, so long documents go a few at a time and little is in flight.
// 32 short documents keep the caches warm across a stage (more gains little; measured with
// bench/micro/pipeline_bench.cc).
inline constexpr size_t kBatchDocuments = 32;
inline constexpr size_t kBatchBytes = size_t{256} << 10;

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
