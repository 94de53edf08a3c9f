// Cross-report merging of synthetic events (issue 7 goal: 1 million events in ≤ 60 s).
// The events are generated here: 100 countries of 10 provinces each over two years; incidents at
// random towns, each reported 1–5 times with jittered coordinates (±3 km), one report in five a
// day late, counts that drift, an actor named or not, one report in ten typed differently.
// Timed: adding the events (moved in) and Finish. Counters: events in, merged events out, and
// the incidents generated (a perfect merger outputs about that many).
#include <benchmark/benchmark.h>

#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "sitrep/merge.h"

namespace sitrep {
namespace {

// "YYYY-MM-DD" of day `d` after 2023-01-01 (Howard Hinnant's civil_from_days).
std::string Date(int d) {
  const int z = d + 19358 + 719468;  // 19358: days from 1970-01-01 to 2023-01-01
  const int era = z / 146097;
  const int doe = z - era * 146097;
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int mp = (5 * doy + 2) / 153;
  const int day = doy - (153 * mp + 2) / 5 + 1;
  const int month = mp < 10 ? mp + 3 : mp - 9;
  const int year = yoe + era * 400 + (month <= 2);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

struct Synthetic {
  std::vector<Event> events;
  int64_t incidents = 0;
};

Synthetic Generate(int64_t n, uint32_t seed) {
  static const char* kTypes[] = {"Battles", "Explosions/Remote violence",
                                 "Violence against civilians", "Protests", "Riots"};
  static const char* kActors[] = {"Armed Group A", "Armed Group B", "Military Forces",
                                  "Police Forces", "Militia C"};
  std::mt19937_64 rng(seed);
  auto uniform = [&](double lo, double hi) {
    return std::uniform_real_distribution<double>(lo, hi)(rng);
  };
  Synthetic out;
  out.events.reserve(static_cast<size_t>(n));
  char buf[64];
  while (static_cast<int64_t>(out.events.size()) < n) {
    const int country = static_cast<int>(rng() % 100);
    const int province = static_cast<int>(rng() % 10);
    // Provinces are 2°×2° squares side by side.
    const double lat = (country / 10) * 4.0 + (province / 5) * 2.0 + uniform(0, 2) - 20;
    const double lon = (country % 10) * 10.0 + (province % 5) * 2.0 + uniform(0, 2);
    const int day = static_cast<int>(rng() % 730);
    const char* type = kTypes[rng() % 5];
    const char* actor = kActors[rng() % 5];
    const int killed = static_cast<int>(rng() % 30);
    const int reports = 1 + static_cast<int>(rng() % 5);
    ++out.incidents;
    for (int r = 0; r < reports && static_cast<int64_t>(out.events.size()) < n; ++r) {
      Event e;
      const uint64_t serial = out.events.size();
      std::snprintf(buf, sizeof buf, "ev-%016llx",
                    static_cast<unsigned long long>((serial + 1) * 0x9E3779B97F4A7C15ull));
      e.event_id = buf;
      std::snprintf(buf, sizeof buf, "doc-%llu", static_cast<unsigned long long>(serial));
      e.doc_ids = {buf};
      e.event_type = rng() % 10 == 0 ? kTypes[rng() % 5] : type;
      e.sub_event_type = e.event_type + " (sub)";
      e.date_start = e.date_end = e.event_date = Date(day + (rng() % 5 == 0 ? 1 : 0));
      e.date_prec = e.time_precision = 1;
      std::snprintf(buf, sizeof buf, "C%02d", country);
      e.iso3 = e.country = buf;
      std::snprintf(buf, sizeof buf, "C%02d-P%d", country, province);
      e.admin1 = std::string(buf);
      std::snprintf(buf, sizeof buf, "Town %.3f %.3f", lat, lon);
      e.location = buf;
      e.latitude = lat + uniform(-0.02, 0.02);
      e.longitude = lon + uniform(-0.02, 0.02);
      e.geo_precision = e.where_prec = 1;
      if (rng() % 2 == 0) e.actor1 = std::string(actor);
      const int k = killed + static_cast<int>(rng() % 4) * r;  // tolls rise
      e.fatalities = e.deaths_low = e.deaths_high = e.deaths_best = k;
      e.evidence.push_back({"fatalities", e.doc_ids[0], 10, 20, std::to_string(k) + " killed"});
      e.confidence = 0.5 + uniform(0, 0.5);
      out.events.push_back(std::move(e));
    }
  }
  return out;
}

void BM_MergeEvents(benchmark::State& state) {
  const int64_t n = state.range(0);
  size_t merged = 0;
  int64_t incidents = 0;
  for (auto _ : state) {
    state.PauseTiming();
    Synthetic data = Generate(n, 42);
    incidents = data.incidents;
    state.ResumeTiming();
    EventMerger merger;
    for (Event& e : data.events) merger.Add(std::move(e));
    std::vector<Event> out = merger.Finish();
    merged = out.size();
    benchmark::DoNotOptimize(out.data());
    state.PauseTiming();
    out = {};
    data = {};
    state.ResumeTiming();
  }
  state.counters["events"] = static_cast<double>(n);
  state.counters["merged"] = static_cast<double>(merged);
  state.counters["incidents"] = static_cast<double>(incidents);
}
BENCHMARK(BM_MergeEvents)
    ->Arg(10'000)
    ->Arg(100'000)
    ->Arg(1'000'000)
    ->Iterations(1)
    ->Unit(benchmark::kSecond)
    ->UseRealTime();

}  // namespace
}  // namespace sitrep
