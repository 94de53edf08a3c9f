// Actor + event stages throughput: what the pipeline runs after the places layer — actors
// (AnnotateActors), triggers (AnnotateTriggers) and event assembly (AssembleEvents: grouping,
// roles, casualty aggregation, dates, event location, persons, notes, confidence). Goal
// (issue 6): >= 20 MB/s per core.
// Segment, timex, quantities and places run once outside the timed loop (the full default
// pipeline, so places see the actors they use); the timed stages recompute the same columns.
// BM_ActorsEventsEvalDocs: the plain-text documents of ../shared/eval (GTD, ACLED, UCDP-AEC dev),
// read at run time and never stored (skipped when ../shared is absent), in batches as
// `sitrep extract` runs them: each stage over a batch of documents before the next
// (Pipeline::RunBatch with kBatchDocuments / kBatchBytes). The single-stage cases split that
// time, each stage over all documents. BM_ActorsEventsSynthetic:
// invented conflict-news paragraphs (written for this benchmark), as one document per size.
// Gazetteer: OpenDefaultGazetteer ($SITREP_GAZETTEER, else <build>/data); without it events are
// assembled without places.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "eval_documents.h"
#include "sitrep/actors.h"
#include "sitrep/clean.h"
#include "sitrep/events.h"
#include "sitrep/pipeline.h"
#include "sitrep/places.h"
#include "sitrep/reader.h"
#include "sitrep/triggers.h"

namespace sitrep {
namespace {

std::shared_ptr<const Gazetteer> Gaz() {
  static auto gaz = OpenDefaultGazetteer();
  return gaz.ok() ? *gaz : nullptr;
}

// Runs every stage once, so the document has the columns the timed stages read.
void Prepare(Document& doc) {
  PipelineOptions options;
  options.gazetteer = Gaz();
  static const Pipeline pipeline = MakeDefaultPipeline(options);
  (void)pipeline.Run(doc);
}

Pipeline StagesAfterPlaces() {
  Pipeline stages;
  stages.Add(MakeActorsStage()).Add(MakeTriggersStage()).Add(MakeEventsStage(Gaz()));
  return stages;
}

// The timed part: the stages after places, over one batch. Returns the number of events. Not
// inlined: callgrind's --toggle-collect names it.
[[gnu::noinline]] size_t RunActorsEvents(const Pipeline& stages, std::span<Document* const> batch) {
  (void)stages.RunBatch(batch);
  size_t events = 0;
  for (const Document* doc : batch) events += doc->events.size();
  return events;
}

// Cuts `docs` into batches the way `sitrep extract` does (by documents and bytes).
std::vector<std::span<Document* const>> Batches(const std::vector<Document*>& docs) {
  std::vector<std::span<Document* const>> batches;
  for (size_t begin = 0; begin < docs.size();) {
    size_t end = begin, bytes = 0;
    while (end < docs.size() && end - begin < kBatchDocuments && bytes < kBatchBytes) {
      bytes += docs[end++]->text.size();
    }
    batches.emplace_back(docs.data() + begin, end - begin);
    begin = end;
  }
  return batches;
}

std::vector<Document> EvalDocuments() { return bench::LoadEvalDocuments(Prepare); }

const std::vector<Document>& EvalDocs() {
  static const std::vector<Document> kDocs = EvalDocuments();
  return kDocs;
}

int64_t TextBytes(const std::vector<Document>& docs) {
  int64_t bytes = 0;
  for (const Document& d : docs) bytes += static_cast<int64_t>(d.text.size());
  return bytes;
}

enum class Part { kAll, kActors, kTriggers, kEvents };

void EvalDocsCase(benchmark::State& state, Part part) {
  if (EvalDocs().empty()) {
    state.SkipWithError("../shared/eval not found");
    return;
  }
  std::vector<Document> docs = EvalDocs();
  const Gazetteer* gaz = Gaz().get();
  const Pipeline stages = StagesAfterPlaces();
  std::vector<Document*> pointers;
  for (Document& d : docs) pointers.push_back(&d);
  const std::vector<std::span<Document* const>> batches = Batches(pointers);
  size_t events = 0;
  for (auto _ : state) {
    events = 0;
    if (part == Part::kAll) {
      for (std::span<Document* const> batch : batches) events += RunActorsEvents(stages, batch);
    } else {
      for (Document& d : docs) {
        switch (part) {
          case Part::kAll:
            break;
          case Part::kActors:
            d.actors = FindActors(d);
            break;
          case Part::kTriggers:
            d.triggers = FindTriggers(d);
            break;
          case Part::kEvents:
            d.events = AssembleEvents(d, gaz);
            events += d.events.size();
            break;
        }
      }
    }
    benchmark::DoNotOptimize(events);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * TextBytes(docs));
  state.counters["docs"] = static_cast<double>(docs.size());
  state.counters["events"] = static_cast<double>(events);
  if (gaz == nullptr) state.SetLabel("no gazetteer: events without places");
}

void BM_ActorsEventsEvalDocs(benchmark::State& state) { EvalDocsCase(state, Part::kAll); }
BENCHMARK(BM_ActorsEventsEvalDocs)->Unit(benchmark::kMillisecond);
void BM_ActorsEvalDocs(benchmark::State& state) { EvalDocsCase(state, Part::kActors); }
BENCHMARK(BM_ActorsEvalDocs)->Unit(benchmark::kMillisecond);
void BM_TriggersEvalDocs(benchmark::State& state) { EvalDocsCase(state, Part::kTriggers); }
BENCHMARK(BM_TriggersEvalDocs)->Unit(benchmark::kMillisecond);
void BM_EventsEvalDocs(benchmark::State& state) { EvalDocsCase(state, Part::kEvents); }
BENCHMARK(BM_EventsEvalDocs)->Unit(benchmark::kMillisecond);

constexpr const char* kParagraphs[] = {
    "Gunmen on motorbikes attacked the village of Kadaji in Zamfara state on Tuesday, killing "
    "nine men and abducting three women, residents said. Police said 17 suspects were arrested.",
    "Iraqi forces clashed with Islamic State militants near Falluja in western Anbar province "
    "overnight; 14 militants and two soldiers were killed, a military spokesman said.",
    "A car bomb exploded at a checkpoint in Mogadishu on Sunday, killing at least 23 people and "
    "wounding 41. Al-Shabaab claimed responsibility for the blast.",
    "Thousands of protesters marched in Nairobi on Monday demanding lower fuel prices. Police "
    "fired tear gas to disperse them and detained 30 people.",
    "An airstrike hit a market in the town of Maarat al-Numan in Idlib province, the Syrian "
    "Observatory for Human Rights reported. In a separate attack, shelling killed a child "
    "in Aleppo.",
    "Taliban fighters overran a district headquarters in Helmand after two days of fighting "
    "with Afghan security forces, officials said on Wednesday.",
};

std::string MakeText(size_t bytes) {
  std::string text;
  for (size_t k = 0; text.size() < bytes; ++k) {
    text += kParagraphs[k % std::size(kParagraphs)];
    text += '\n';
  }
  return text;
}

void BM_ActorsEventsSynthetic(benchmark::State& state) {
  Document doc;
  doc.id = "synthetic";
  doc.published = "2024-09-14";
  doc.text = MakeText(static_cast<size_t>(state.range(0)));
  Prepare(doc);
  const Gazetteer* gaz = Gaz().get();
  const Pipeline stages = StagesAfterPlaces();
  Document* one[] = {&doc};
  size_t events = 0;
  for (auto _ : state) {
    events = RunActorsEvents(stages, one);
    benchmark::DoNotOptimize(events);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(doc.text.size()));
  state.counters["events"] = static_cast<double>(events);
  if (gaz == nullptr) state.SetLabel("no gazetteer: events without places");
}
BENCHMARK(BM_ActorsEventsSynthetic)->RangeMultiplier(8)->Range(1 << 9, 1 << 15);

}  // namespace
}  // namespace sitrep
