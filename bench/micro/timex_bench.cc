// Throughput of the timex layer on invented news text (bytes/s), swept over input sizes up to
// about 1 MB; and, when SITREP_TIMEX_CORPUS names a JSONL file of documents (`sitrep eval --kind
// timex --write-inputs`), documents/s of FindTimex over that corpus (BM_FindTimexCorpus, used by
// bench/e2e/timex_vs_chrono.sh for the in-process side-by-side with chrono-node).
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

#include "sitrep/pipeline.h"
#include "sitrep/reader.h"
#include "sitrep/timex.h"
#include "time/lexer.h"

namespace {

// Invented paragraphs with a realistic density of dates among ordinary prose.
constexpr const char* kParagraphs[] = {
    "Gunmen attacked a police checkpoint on Monday near the northern town, killing three "
    "officers, the regional governor said on Tuesday. The attack was the third in two weeks.\n",
    "Officials said the convoy left the capital at 5:30 p.m. and was ambushed about 40 km "
    "further north. Survivors were taken to a hospital where two later died of their wounds.\n",
    "The ceasefire signed in March 2019 collapsed last month, and fighting has displaced more "
    "than 12,000 people since early August, according to aid agencies working in the region.\n",
    "Residents say the militia has been collecting taxes at the market every Friday for years, "
    "and that patrols have become rarer since the army withdrew in the 1990s.\n",
    "A spokesman for the armed forces declined to comment. The ministry will publish its "
    "quarterly report on Oct. 5, and a parliamentary inquiry is expected next year.\n",
    "Drone strikes hit two depots overnight; on May 26 a similar strike killed four people and "
    "the next day protesters blocked the main road for three days.\n",
};

std::string MakeText(size_t bytes) {
  std::string text;
  for (size_t i = 0; text.size() < bytes; ++i) {
    text += kParagraphs[i % std::size(kParagraphs)];
  }
  return text;
}

void BM_FindTimex(benchmark::State& state) {
  std::string text = MakeText(static_cast<size_t>(state.range(0)));
  size_t found = 0;
  for (auto _ : state) {
    std::vector<sitrep::Timex> out = sitrep::FindTimex(text, "2024-09-14");
    found = out.size();
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(text.size()));
  state.counters["timex"] = static_cast<double>(found);
}
BENCHMARK(BM_FindTimex)->RangeMultiplier(16)->Range(1 << 10, 1 << 20);

// The documents of SITREP_TIMEX_CORPUS (text, publication date); false (and the benchmark skipped)
// when it is not set or cannot be read.
bool ReadCorpus(benchmark::State& state, std::vector<std::pair<std::string, std::string>>* docs) {
  // SITREP_TIMEX_SIMD_LEVEL: the lexer's SIMD level (LexTimexSimdLevel; the best by default).
  if (const char* level = std::getenv("SITREP_TIMEX_SIMD_LEVEL"); level != nullptr && *level) {
    sitrep::timex::SetLexTimexSimdLevel(std::atoi(level));
  }
  const char* path = std::getenv("SITREP_TIMEX_CORPUS");
  if (path == nullptr || *path == '\0') {
    state.SkipWithError("SITREP_TIMEX_CORPUS is not set");
    return false;
  }
  auto reader = sitrep::OpenInputs({path});
  if (!reader.ok()) {
    state.SkipWithError("cannot open SITREP_TIMEX_CORPUS");
    return false;
  }
  while (auto item = (*reader)->Next()) {
    if (item->status.ok()) docs->emplace_back(item->record.payload, item->record.published);
  }
  return true;
}

// One iteration = FindTimex over every document of the corpus (text and publication date as
// read from the file; reading is outside the timed loop). items/s = documents/s.
void BM_FindTimexCorpus(benchmark::State& state) {
  std::vector<std::pair<std::string, std::string>> docs;  // text, published
  if (!ReadCorpus(state, &docs)) return;
  size_t found = 0;
  for (const auto& [text, published] : docs) found += sitrep::FindTimex(text, published).size();
  for (auto _ : state) {
    for (const auto& doc : docs) {
      std::vector<sitrep::Timex> out = sitrep::FindTimex(doc.first, doc.second);
      benchmark::DoNotOptimize(out.data());
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(docs.size()));
  state.counters["documents"] = static_cast<double>(docs.size());
  state.counters["timex"] = static_cast<double>(found);
}
// Process CPU time, as chrono's side measures with process.cpuUsage(): on a shared machine wall
// time mostly measures the other processes.
BENCHMARK(BM_FindTimexCorpus)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime();

// The timex lexer alone (LexTimexInto, the scanner's token table) over the same corpus: the part
// of BM_FindTimexCorpus that src/time/lexer.cc does. items/s = documents/s.
void BM_LexTimexCorpus(benchmark::State& state) {
  std::vector<std::pair<std::string, std::string>> docs;
  if (!ReadCorpus(state, &docs)) return;
  std::string lowered;
  sitrep::timex::TokenTable table;
  size_t tokens = 0;
  for (auto _ : state) {
    tokens = 0;
    for (const auto& doc : docs) {
      sitrep::timex::LexTimexInto(doc.first, &lowered, &table);
      tokens += table.count + table.candidate_count;
      benchmark::DoNotOptimize(table.begin.data());
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(docs.size()));
  state.counters["tokens"] = static_cast<double>(tokens);
}
BENCHMARK(BM_LexTimexCorpus)->Unit(benchmark::kMicrosecond)->MeasureProcessCPUTime();

}  // namespace
