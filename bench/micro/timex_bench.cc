// Throughput of the timex layer on invented news text (bytes/s), swept over input sizes up to
// about 1 MB.
#include <benchmark/benchmark.h>

#include <string>

#include "sitrep/pipeline.h"
#include "sitrep/timex.h"

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

}  // namespace
