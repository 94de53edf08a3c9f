// The whole default pipeline (segment, timex, quantities, actors, triggers, places, events) over
// the plain-text documents of ../shared/eval (GTD, ACLED, UCDP-AEC dev; skipped when ../shared is
// absent), as `sitrep extract` runs it: BM_PipelineEvalDocs/1 runs Pipeline::Run document by
// document, /N runs Pipeline::RunBatch over N documents at a time (each stage over the N before
// the next stage). Documents are made (MakeDocument) outside the timing and copied back to that
// state before every pass. Gazetteer: OpenDefaultGazetteer ($SITREP_GAZETTEER, else
// <build>/data); without it the pipeline has no places stage.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <memory>
#include <vector>

#include "eval_documents.h"
#include "sitrep/pipeline.h"
#include "sitrep/places.h"

namespace sitrep {
namespace {

std::shared_ptr<const Gazetteer> Gaz() {
  static auto gaz = OpenDefaultGazetteer();
  return gaz.ok() ? *gaz : nullptr;
}

const std::vector<Document>& MadeDocs() {
  static const std::vector<Document> kDocs = bench::LoadEvalDocuments([](Document&) {});
  return kDocs;
}

void BM_PipelineEvalDocs(benchmark::State& state) {
  const std::vector<Document>& made = MadeDocs();
  if (made.empty()) {
    state.SkipWithError("../shared/eval not found");
    return;
  }
  PipelineOptions options;
  options.gazetteer = Gaz();
  const Pipeline pipeline = MakeDefaultPipeline(options);
  const size_t batch = static_cast<size_t>(state.range(0));
  std::vector<Document> docs;
  std::vector<Document*> pointers;
  int64_t bytes = 0, events = 0;
  for (const Document& d : made) bytes += static_cast<int64_t>(d.text.size());
  for (auto _ : state) {
    state.PauseTiming();
    docs = made;
    pointers.clear();
    for (Document& d : docs) pointers.push_back(&d);
    state.ResumeTiming();
    if (batch <= 1) {
      for (Document& d : docs) benchmark::DoNotOptimize(pipeline.Run(d).ok());
    } else {
      for (size_t i = 0; i < pointers.size(); i += batch) {
        const size_t n = std::min(batch, pointers.size() - i);
        benchmark::DoNotOptimize(pipeline.RunBatch({pointers.data() + i, n}).size());
      }
    }
  }
  events = 0;
  for (const Document& d : docs) events += static_cast<int64_t>(d.events.size());
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * bytes);
  state.counters["docs"] = static_cast<double>(docs.size());
  state.counters["events"] = static_cast<double>(events);
  if (Gaz() == nullptr) state.SetLabel("no gazetteer: no places stage");
}
BENCHMARK(BM_PipelineEvalDocs)->Arg(1)->Arg(8)->Arg(32)->Arg(128)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace sitrep
