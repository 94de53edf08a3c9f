// Places layer: recognition + resolution throughput (AnnotatePlaces on already segmented text),
// swept over document sizes. Goal (issue 5): >= 50 MB/s per core. Text: invented conflict-news
// sentences, repeated. Blob: OpenDefaultGazetteer ($SITREP_GAZETTEER, else <build>/data).
// BM_PlacesEvalText: the plain-text documents of ../shared/eval (GTD, ACLED, UCDP-AEC dev), one
// by one as `sitrep extract` sees them (0.3-10 KB articles: the figure that matters for the
// goal), read at run time and never stored; skipped when ../shared is absent. Documents are
// cleaned, segmented and given their actors outside the timed loop.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <string>
#include <vector>

#include "sitrep/actors.h"
#include "sitrep/clean.h"
#include "sitrep/pipeline.h"
#include "sitrep/places.h"
#include "sitrep/reader.h"
#include "sitrep/text.h"

#include "eval_documents.h"

namespace {

std::shared_ptr<const sitrep::Gazetteer> Gaz() {
  static auto gaz = sitrep::OpenDefaultGazetteer();
  return gaz.ok() ? *gaz : nullptr;
}

const char* const kSentences[] = {
    "Iraqi forces clashed with militants near Falluja in Iraq's western Anbar province on "
    "Tuesday, a spokesman said. ",
    "Airstrikes killed 12 people in eastern Syria, the Syrian Observatory for Human Rights "
    "reported, while fighting continued around Deir ez-Zor. ",
    "On 9 May 2020, Taliban fighters attacked a checkpoint in Dawlat Abad district, Balkh, "
    "killing three soldiers. ",
    "Gunmen on motorcycles stormed the village of Kadaji in Maradun area of Zamfara state, "
    "residents told reporters by phone. ",
    "President Smith met Mr. Jordan in Washington on Monday to discuss aid for Kyiv and "
    "the situation in the north of the country. ",
    "Protesters gathered outside the parliament in Bamako, the capital of Mali, demanding "
    "the release of detained activists. ",
};

std::string MakeText(size_t bytes) {
  std::string text;
  for (size_t i = 0; text.size() < bytes; ++i) {
    text += kSentences[i % std::size(kSentences)];
    if (i % 4 == 3) text += "\n";
  }
  return text;
}

void BM_AnnotatePlaces(benchmark::State& state) {
  auto gaz = Gaz();
  if (!gaz) {
    state.SkipWithError("no gazetteer blob (set SITREP_GAZETTEER)");
    return;
  }
  sitrep::Document doc;
  doc.text = MakeText(static_cast<size_t>(state.range(0)));
  sitrep::Segment(doc);
  for (auto _ : state) {
    doc.places = sitrep::FindPlaces(doc, *gaz);
    benchmark::DoNotOptimize(doc.places.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(doc.text.size()));
  state.counters["places"] = static_cast<double>(doc.places.size());
}
BENCHMARK(BM_AnnotatePlaces)->RangeMultiplier(8)->Range(1 << 10, 1 << 19);

void BM_LocateEvent(benchmark::State& state) {
  auto gaz = Gaz();
  if (!gaz) {
    state.SkipWithError("no gazetteer blob (set SITREP_GAZETTEER)");
    return;
  }
  sitrep::Document doc;
  doc.text = MakeText(4096);
  sitrep::AnnotatePlaces(doc, *gaz);
  size_t s = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(sitrep::LocateEvent(doc, s, *gaz));
    s = (s + 1) % doc.sentences.size();
  }
}
BENCHMARK(BM_LocateEvent);

std::vector<sitrep::Document> EvalDocuments() {
  return sitrep::bench::LoadEvalDocuments([](sitrep::Document& doc) {
    sitrep::Segment(doc);
    sitrep::AnnotateActors(doc);  // named actors of a country vote in resolution
  });
}

void BM_PlacesEvalText(benchmark::State& state) {
  auto gaz = Gaz();
  if (!gaz) {
    state.SkipWithError("no gazetteer blob (set SITREP_GAZETTEER)");
    return;
  }
  static const std::vector<sitrep::Document> kDocs = EvalDocuments();
  if (kDocs.empty()) {
    state.SkipWithError("../shared/eval not found");
    return;
  }
  std::vector<sitrep::Document> docs = kDocs;
  int64_t bytes = 0;
  for (const sitrep::Document& d : docs) bytes += static_cast<int64_t>(d.text.size());
  size_t places = 0;
  for (auto _ : state) {
    places = 0;
    for (sitrep::Document& d : docs) {
      d.places = sitrep::FindPlaces(d, *gaz);
      places += d.places.size();
    }
    benchmark::DoNotOptimize(places);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * bytes);
  state.counters["docs"] = static_cast<double>(docs.size());
  state.counters["places"] = static_cast<double>(places);
}
BENCHMARK(BM_PlacesEvalText)->Unit(benchmark::kMillisecond);

}  // namespace
