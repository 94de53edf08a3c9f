// Gazetteer: open (mmap + full validation + checksum), resident memory after open, folded
// lookups. Goals (issue 5): open <= 50 ms, resident memory of the loaded gazetteer <= 200 MB.
// Blob: $SITREP_GAZETTEER, else <build>/data/gazetteer.bin next to this binary's folder.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "sitrep/gazetteer.h"

namespace {

std::string BlobPath() {
  if (const char* env = std::getenv("SITREP_GAZETTEER")) return env;
  char exe[4096];
  const ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (n > 0) {
    exe[n] = '\0';
    return (std::filesystem::path(exe).parent_path().parent_path() / "data" / "gazetteer.bin").string();
  }
  return "data/gazetteer.bin";
}

// Resident set size in kB (VmRSS), or -1.
double RssKb() {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::atof(line.c_str() + 6);
  }
  return -1;
}

const std::vector<std::string>& Queries() {
  static const std::vector<std::string> q = {
      "Fallujah", "Al Fallūjah", "Mogadishu", "Gao", "Kherson", "El Fasher", "Anbar province",
      "Balkh", "Baghdad", "Aleppo", "Deir ez-Zor", "Kabul", "Goma", "Ouagadougou", "Bakhmut",
      "Khartoum", "Tripoli", "Sanaa", "Maiduguri", "Xyzzy", "the", "Monday", "Washington", "Gaza"};
  return q;
}

void BM_GazetteerOpen(benchmark::State& state) {
  const std::string path = BlobPath();
  double rss_before = RssKb(), rss_after = 0;
  for (auto _ : state) {
    auto g = sitrep::Gazetteer::Open(path);
    if (!g.ok()) {
      state.SkipWithError(g.status().ToString().c_str());
      return;
    }
    rss_after = RssKb();
    benchmark::DoNotOptimize(g->get());
  }
  state.counters["rss_delta_MB"] = (rss_after - rss_before) / 1024.0;
  state.counters["rss_total_MB"] = rss_after / 1024.0;
}
BENCHMARK(BM_GazetteerOpen)->Unit(benchmark::kMillisecond);

void BM_GazetteerLookup(benchmark::State& state) {
  static auto g = sitrep::Gazetteer::Open(BlobPath());
  if (!g.ok()) {
    state.SkipWithError(g.status().ToString().c_str());
    return;
  }
  const auto& q = Queries();
  size_t i = 0, hits = 0;
  for (auto _ : state) {
    hits += (*g)->Lookup(q[i++ % q.size()]).size();
  }
  benchmark::DoNotOptimize(hits);
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_GazetteerLookup);

// The recognizer's hot path: a pre-folded key, no allocation.
void BM_GazetteerFindFolded(benchmark::State& state) {
  static auto g = sitrep::Gazetteer::Open(BlobPath());
  if (!g.ok()) {
    state.SkipWithError(g.status().ToString().c_str());
    return;
  }
  std::vector<std::string> keys;
  for (const auto& q : Queries()) keys.push_back(sitrep::FoldName(q));
  size_t i = 0, hits = 0;
  for (auto _ : state) hits += (*g)->FindFolded(keys[i++ % keys.size()]).size();
  benchmark::DoNotOptimize(hits);
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_GazetteerFindFolded);

void BM_FoldName(benchmark::State& state) {
  const auto& q = Queries();
  size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(sitrep::FoldName(q[i++ % q.size()]));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_FoldName);

}  // namespace
