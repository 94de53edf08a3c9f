#include "sitrep/pipeline.h"

#include <string>

#include "sitrep/actors.h"
#include "sitrep/events.h"
#include "sitrep/places.h"
#include "sitrep/quantity.h"
#include "sitrep/text.h"
#include "sitrep/timex.h"
#include "sitrep/triggers.h"

namespace sitrep {

Pipeline& Pipeline::Add(std::unique_ptr<Stage> stage) {
  stages_.push_back(std::move(stage));
  return *this;
}

Status Pipeline::Run(Document& doc) const {
  for (const auto& stage : stages_) {
    Status status = stage->Run(doc);
    if (!status.ok()) {
      return Status(status.code(), std::string(stage->name()) + ": " + status.message());
    }
  }
  return Status::Ok();
}

std::vector<Status> Pipeline::RunBatch(std::span<Document* const> docs) const {
  std::vector<Status> statuses(docs.size());
  // Stages [first, last) run over the batch together: a stage with its RunsRightAfterPrevious
  // followers on each document in turn.
  for (size_t first = 0, last = 0; first < stages_.size(); first = last) {
    last = first + 1;
    while (last < stages_.size() && stages_[last]->RunsRightAfterPrevious()) ++last;
    for (size_t i = 0; i < docs.size(); ++i) {
      for (size_t s = first; s < last && statuses[i].ok(); ++s) {
        Status status = stages_[s]->Run(*docs[i]);
        if (!status.ok()) {
          statuses[i] =
              Status(status.code(), std::string(stages_[s]->name()) + ": " + status.message());
        }
      }
    }
  }
  return statuses;
}

std::vector<std::string_view> Pipeline::StageNames() const {
  std::vector<std::string_view> names;
  for (const auto& stage : stages_) names.push_back(stage->name());
  return names;
}

namespace {

class SegmentStage final : public Stage {
 public:
  std::string_view name() const override { return "segment"; }
  Status Run(Document& doc) const override {
    Segment(doc);
    return Status::Ok();
  }
};

}  // namespace

Pipeline MakeDefaultPipeline(const PipelineOptions& options) {
  Pipeline pipeline;
  pipeline.Add(std::make_unique<SegmentStage>());
  pipeline.Add(MakeTimexStage());
  pipeline.Add(MakeQuantitiesStage());
  pipeline.Add(MakeActorsStage());
  pipeline.Add(MakeTriggersStage());
  if (options.gazetteer) pipeline.Add(MakePlacesStage(options.gazetteer));
  pipeline.Add(MakeEventsStage(options.gazetteer));
  return pipeline;
}

Pipeline MakeDefaultPipeline() { return MakeDefaultPipeline(PipelineOptions{}); }

}  // namespace sitrep
