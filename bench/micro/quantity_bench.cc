// Quantities + casualty-frame stage throughput (AnnotateQuantities: numbers, ranges, qualifiers
// and the count + fate + victims frames) on plain text. Goal (issue 3): ≥ 50 MB/s per core.
// BM_Quantities: ~1 MB of invented English conflict news (written for this benchmark; no
// third-party text). BM_QuantitiesEvalText: the plain-text documents of ../shared/eval (GTD,
// ACLED, UCDP-AEC dev), read at run time and never stored; skipped when ../shared is absent.
// Documents are cleaned and segmented outside the timed loop.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <string>
#include <vector>

#include "sitrep/clean.h"
#include "sitrep/reader.h"

#include "sitrep/pipeline.h"
#include "sitrep/quantity.h"
#include "sitrep/text.h"

#include "eval_documents.h"

namespace sitrep {
namespace {

constexpr const char* kParagraphs[] = {
    "At least 23 people were killed and 41 wounded on Tuesday when a fighter jet struck a "
    "market in the northern town of Karvela, local officials said. The strike hit at about "
    "10:30 a.m. as traders were setting up their stalls.",
    "Gunmen on motorbikes attacked the settlement at dawn, killing nine men and abducting three "
    "women. It was the third such raid this month. A 64-year-old farmer was among the dead.",
    "Fighting between government troops and the rebels around Dosa airport killed 10-12 "
    "fighters overnight, including two commanders, a security source said. No civilians were "
    "hurt.",
    "The death toll from Sunday's bombing rose to 31, the health ministry said, and dozens of "
    "people remain missing. Police arrested 17 suspects and seized 10 explosive belts.",
    "Some 2,500 soldiers are stationed in the province. Washington has given $5 million in "
    "emergency assistance since 2019, about 40 percent of the total.",
    "Two policemen were shot dead at a checkpoint and a third was seriously wounded. There were "
    "no other casualties, the statement said.",
};

std::string MakeCorpus(size_t target) {
  std::string corpus;
  for (size_t k = 0; corpus.size() < target; ++k) {
    corpus += kParagraphs[k % std::size(kParagraphs)];
    corpus += '\n';
  }
  return corpus;
}

// Times the quantity + casualty stages over one segmented document.
void AnnotateRepeatedly(benchmark::State& state, Document& doc) {
  Segment(doc);
  for (auto _ : state) {
    AnnotateQuantities(doc);
    benchmark::DoNotOptimize(doc.casualties.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(doc.text.size()));
  state.counters["frames"] = static_cast<double>(doc.casualties.size());
}

void BM_Quantities(benchmark::State& state) {
  Document doc;
  doc.text = MakeCorpus(static_cast<size_t>(state.range(0)));
  AnnotateRepeatedly(state, doc);
}
BENCHMARK(BM_Quantities)->RangeMultiplier(8)->Range(4 << 10, 1 << 20);

std::vector<Document> EvalDocuments() {
  return bench::LoadEvalDocuments([](Document& doc) { Segment(doc); });
}

void BM_QuantitiesEvalText(benchmark::State& state) {
  static const std::vector<Document> kDocs = EvalDocuments();
  if (kDocs.empty()) {
    state.SkipWithError("../shared/eval not found");
    return;
  }
  std::vector<Document> docs = kDocs;
  int64_t bytes = 0;
  for (const Document& d : docs) bytes += static_cast<int64_t>(d.text.size());
  size_t frames = 0;
  for (auto _ : state) {
    frames = 0;
    for (Document& d : docs) {
      AnnotateQuantities(d);
      frames += d.casualties.size();
    }
    benchmark::DoNotOptimize(frames);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * bytes);
  state.counters["docs"] = static_cast<double>(docs.size());
  state.counters["frames"] = static_cast<double>(frames);
}
BENCHMARK(BM_QuantitiesEvalText)->Unit(benchmark::kMillisecond);

// The same text joined into one document: the difference to BM_QuantitiesEvalText is the
// per-document cost (setup, allocations), the rest is the density of the text.
void BM_QuantitiesEvalTextJoined(benchmark::State& state) {
  static const std::vector<Document> kDocs = EvalDocuments();
  if (kDocs.empty()) {
    state.SkipWithError("../shared/eval not found");
    return;
  }
  Document doc;
  for (const Document& d : kDocs) {
    doc.text += d.text;
    doc.text += '\n';
  }
  AnnotateRepeatedly(state, doc);
}
BENCHMARK(BM_QuantitiesEvalTextJoined)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace sitrep
