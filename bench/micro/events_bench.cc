// Actor + event stages throughput: what the pipeline runs after the places layer — actors
// (AnnotateActors), triggers (AnnotateTriggers) and event assembly (AssembleEvents: grouping,
// roles, casualty aggregation, dates, event location, persons, notes, confidence). Goal
// (issue 6): >= 20 MB/s per core.
// Segment, timex, quantities and places run once outside the timed loop (the full default
// pipeline, so places see the actors they use); the timed stages recompute the same columns.
// BM_ActorsEventsEvalDocs: the plain-text documents of ../shared/eval (GTD, ACLED, UCDP-AEC dev),
// one by one as `sitrep extract` sees them, read at run time and never stored; skipped when
// ../shared is absent. The single-stage cases split that time. BM_ActorsEventsSynthetic:
// invented conflict-news paragraphs (written for this benchmark), as one document per size.
// Gazetteer: OpenDefaultGazetteer ($SITREP_GAZETTEER, else <build>/data); without it events are
// assembled without places.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "sitrep/actors.h"
#include "sitrep/clean.h"
#include "sitrep/events.h"
#include "sitrep/pipeline.h"
#include "sitrep/places.h"
#include "sitrep/reader.h"
#include "sitrep/triggers.h"

#include "eval_documents.h"

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

// The timed part: the stages after places. Returns the number of events.
size_t RunActorsEvents(Document& doc, const Gazetteer* gaz) {
  doc.actors = FindActors(doc);
  doc.triggers = FindTriggers(doc);
  doc.events = AssembleEvents(doc, gaz);
  return doc.events.size();
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
  size_t events = 0;
  for (auto _ : state) {
    events = 0;
    for (Document& d : docs) {
      switch (part) {
        case Part::kAll: events += RunActorsEvents(d, gaz); break;
        case Part::kActors: d.actors = FindActors(d); break;
        case Part::kTriggers: d.triggers = FindTriggers(d); break;
        case Part::kEvents:
          d.events = AssembleEvents(d, gaz);
          events += d.events.size();
          break;
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
  size_t events = 0;
  for (auto _ : state) {
    events = RunActorsEvents(doc, gaz);
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
