// SQLite store: bulk ingest (events/s through the Sink, goal >= 50k/s) and filtered queries on a
// synthetic database (SITREP_BENCH_EVENTS events, default 1,000,000; p50/p99 latency, goal p99
// <= 20 ms). The database is built once in $TMPDIR and removed at exit.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <random>

#include "sitrep/document.h"
#include "sitrep/sqlite_store.h"

namespace sitrep {
namespace {

const char* kCountries[][2] = {{"Iraq", "IRQ"}, {"Mali", "MLI"}, {"Sudan", "SDN"}, {"Ukraine", "UKR"},
                               {"Somalia", "SOM"}, {"Nigeria", "NGA"}, {"Yemen", "YEM"}, {"Syria", "SYR"}};
const char* kTypes[][2] = {{"Battles", "Armed clash"},
                           {"Explosions/Remote violence", "Air/drone strike"},
                           {"Explosions/Remote violence", "Shelling/artillery/missile attack"},
                           {"Violence against civilians", "Attack"},
                           {"Protests", "Peaceful protest"},
                           {"Riots", "Mob violence"}};
const char* kWords[] = {"clash", "convoy", "village", "checkpoint", "market", "drone", "shelling", "militia",
                        "army", "protest", "police", "border", "airport", "camp", "bridge", "river"};

Event Synthetic(std::mt19937_64& rng, int64_t i, const std::string& doc) {
  Event e;
  e.event_id = "ev-" + std::to_string(i);
  e.doc_ids = {doc};
  const auto& c = kCountries[rng() % 8];
  const auto& t = kTypes[rng() % 6];
  e.event_type = t[0];
  e.sub_event_type = t[1];
  char date[11];
  std::snprintf(date, sizeof date, "%04d-%02d-%02d", 2015 + static_cast<int>(rng() % 10),
                1 + static_cast<int>(rng() % 12), 1 + static_cast<int>(rng() % 28));
  e.event_date = e.date_start = e.date_end = std::string(date);
  e.country = c[0];
  e.iso3 = c[1];
  e.admin1 = "Region " + std::to_string(rng() % 20);
  e.location = "Town " + std::to_string(rng() % 500);
  e.latitude = -30.0 + static_cast<double>(rng() % 600000) / 10000.0;
  e.longitude = -20.0 + static_cast<double>(rng() % 800000) / 10000.0;
  e.fatalities = static_cast<int>(rng() % 10 == 0 ? rng() % 100 : rng() % 5);
  e.deaths_best = e.fatalities;
  e.actor1 = std::string("Military Forces of ") + c[0];
  e.actor2 = "Militia " + std::to_string(rng() % 50);
  e.inter1 = 1;
  e.inter2 = 3;
  e.interaction = 13;
  e.confidence = 0.8;
  e.notes = std::string("Reported ") + kWords[rng() % 16] + " near " + e.location + " with " + kWords[rng() % 16] +
            ".";
  e.evidence.push_back({"fatalities", doc, 10, 20, "five killed"});
  return e;
}

// CPU time of this thread, in seconds: on a shared machine the wall time also counts waiting for a
// core, so both are reported.
double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

std::string TempPath(const char* name) {
  return (std::filesystem::temp_directory_path() / (std::string(name) + std::to_string(::getpid()) + ".db")).string();
}

void RemoveDb(const std::string& p) {
  for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(p + s);
}

struct Seconds {
  double wall = 0, cpu = 0;
};

// Ingests `events` events, 10 per document, through the sink.
Seconds Ingest(SqliteStore& store, int64_t events, uint64_t seed) {
  std::mt19937_64 rng(seed);
  auto sink = store.MakeSink(256);
  std::vector<Event> batch;
  const auto t0 = std::chrono::steady_clock::now();
  const double c0 = ThreadCpuSeconds();
  for (int64_t i = 0; i < events; i += 10) {
    Document doc;
    doc.id = "doc-" + std::to_string(seed) + "-" + std::to_string(i / 10);
    doc.published = "2024-01-01";
    doc.text = "Synthetic article " + doc.id + " about fighting.";
    batch.clear();
    for (int64_t k = i; k < std::min(events, i + 10); ++k) batch.push_back(Synthetic(rng, k, doc.id));
    if (!sink->Consume(doc, batch).ok()) std::abort();
  }
  if (!sink->Finish().ok()) std::abort();
  return {std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(), ThreadCpuSeconds() - c0};
}

void BM_SqliteBulkIngest(benchmark::State& state) {
  const int64_t n = state.range(0);
  for (auto _ : state) {
    state.PauseTiming();
    const std::string path = TempPath("sitrep_ingest_");
    RemoveDb(path);
    auto store = SqliteStore::Open(path);
    if (!store.ok()) std::abort();
    state.ResumeTiming();
    const Seconds s = Ingest(**store, n, 1);
    state.counters["events_per_s"] = static_cast<double>(n) / s.wall;
    state.counters["events_per_cpu_s"] = static_cast<double>(n) / s.cpu;
    state.PauseTiming();
    store->reset();
    RemoveDb(path);
    state.ResumeTiming();
  }
}
BENCHMARK(BM_SqliteBulkIngest)->Arg(100'000)->Iterations(1)->Unit(benchmark::kMillisecond);

// SITREP_BENCH_DB=path keeps the database there (and reuses it when it already holds events), to
// rerun the queries without rebuilding it.
struct BigDb {
  std::string path = TempPath("sitrep_query_");
  bool keep = false;
  std::unique_ptr<SqliteStore> store;
  BigDb() {
    if (const char* env = std::getenv("SITREP_BENCH_DB")) {
      path = env;
      keep = true;
    } else {
      RemoveDb(path);
    }
    int64_t n = 1'000'000;
    if (const char* env = std::getenv("SITREP_BENCH_EVENTS")) n = std::atoll(env);
    auto opened = SqliteStore::Open(path);
    if (!opened.ok()) std::abort();
    store = std::move(*opened);
    auto stored = store->Count(EventQuery{});
    if (!stored.ok()) std::abort();
    if (*stored > 0) {
      std::fprintf(stderr, "reusing %s (%lld events)\n", path.c_str(), static_cast<long long>(*stored));
      return;
    }
    const Seconds s = Ingest(*store, n, 2);
    std::fprintf(stderr, "built %lld-event database in %.1f s (%.0f events/s; CPU %.1f s, %.0f events/s)\n",
                 static_cast<long long>(n), s.wall, static_cast<double>(n) / s.wall, s.cpu,
                 static_cast<double>(n) / s.cpu);
  }
  ~BigDb() {
    store.reset();
    if (!keep) RemoveDb(path);
  }
};

BigDb& Db() {
  static BigDb db;
  return db;
}

// Wall and CPU milliseconds per query; their p50 and p99 become the benchmark's counters.
struct Latencies {
  std::vector<double> wall, cpu;
  void Time(const std::function<void()>& fn) {
    const auto t0 = std::chrono::steady_clock::now();
    const double c0 = ThreadCpuSeconds();
    fn();
    cpu.push_back((ThreadCpuSeconds() - c0) * 1e3);
    wall.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
  }
  void Report(benchmark::State& state) {
    auto pct = [](std::vector<double>& v, size_t num) {
      std::sort(v.begin(), v.end());
      return v.empty() ? 0.0 : v[std::min(v.size() - 1, v.size() * num / 100)];
    };
    state.counters["p50_ms"] = pct(wall, 50);
    state.counters["p99_ms"] = pct(wall, 99);
    state.counters["p50_cpu_ms"] = pct(cpu, 50);
    state.counters["p99_cpu_ms"] = pct(cpu, 99);
  }
};

void RunQueries(benchmark::State& state, const std::function<EventQuery(std::mt19937_64&)>& make) {
  auto& db = Db();
  std::mt19937_64 rng(3);
  Latencies lat;
  for (auto _ : state) {
    EventQuery q = make(rng);
    lat.Time([&] {
      auto page = db.store->Query(q);
      if (!page.ok()) std::abort();
      benchmark::DoNotOptimize(page->events.size());
    });
  }
  lat.Report(state);
}

void BM_QueryCountryDate(benchmark::State& state) {
  RunQueries(state, [](std::mt19937_64& rng) {
    EventQuery q;
    q.country = kCountries[rng() % 8][1];
    q.from = "2019-01-01";
    q.to = "2019-12-31";
    q.limit = 100;
    return q;
  });
}
void BM_QueryBbox(benchmark::State& state) {
  RunQueries(state, [](std::mt19937_64& rng) {
    EventQuery q;
    const double x = -20.0 + static_cast<double>(rng() % 70), y = -30.0 + static_cast<double>(rng() % 50);
    q.bbox = BoundingBox{x, y, x + 1, y + 1};
    q.limit = 100;
    return q;
  });
}
void BM_QueryText(benchmark::State& state) {
  RunQueries(state, [](std::mt19937_64& rng) {
    EventQuery q;
    q.text = std::string(kWords[rng() % 16]) + " " + kWords[rng() % 16];
    q.country = kCountries[rng() % 8][0];
    q.limit = 100;
    return q;
  });
}
// Text and country with a start date that changes on every query: the other filters' row set is
// never one the store has seen (the cost of a first query; BM_QueryText repeats its 8 countries).
void BM_QueryTextCountryNewFilter(benchmark::State& state) {
  RunQueries(state, [](std::mt19937_64& rng) {
    EventQuery q;
    q.text = std::string(kWords[rng() % 16]) + " " + kWords[rng() % 16];
    q.country = kCountries[rng() % 8][0];
    char from[11];
    std::snprintf(from, sizeof from, "%04d-%02d-%02d", 2015 + static_cast<int>(rng() % 3),
                  1 + static_cast<int>(rng() % 12), 1 + static_cast<int>(rng() % 28));
    q.from = std::string(from);
    q.limit = 100;
    return q;
  });
}
void BM_QueryTypeFatalities(benchmark::State& state) {
  RunQueries(state, [](std::mt19937_64& rng) {
    EventQuery q;
    q.event_type = kTypes[rng() % 6][0];
    q.min_fatalities = 50;
    q.sort = EventSort::kDateDesc;
    q.limit = 50;
    return q;
  });
}
// What GET /api/events?country=Mali&limit=100 runs: one country (name), first page by date.
void BM_QueryCountryPage(benchmark::State& state) {
  RunQueries(state, [](std::mt19937_64& rng) {
    EventQuery q;
    q.country = kCountries[rng() % 8][0];
    q.limit = 100;
    return q;
  });
}
// Full text alone, full text with a date range, and the other indexed combinations.
void BM_QueryTextOnly(benchmark::State& state) {
  RunQueries(state, [](std::mt19937_64& rng) {
    EventQuery q;
    q.text = kWords[rng() % 16];
    q.limit = 100;
    return q;
  });
}
void BM_QueryTextDate(benchmark::State& state) {
  RunQueries(state, [](std::mt19937_64& rng) {
    EventQuery q;
    q.text = kWords[rng() % 16];
    const int year = 2015 + static_cast<int>(rng() % 10);
    q.from = std::to_string(year) + "-01-01";
    q.to = std::to_string(year) + "-12-31";
    q.limit = 100;
    return q;
  });
}
void BM_QueryAdmin1Type(benchmark::State& state) {
  RunQueries(state, [](std::mt19937_64& rng) {
    EventQuery q;
    q.admin1 = "Region " + std::to_string(rng() % 20);
    q.event_type = kTypes[rng() % 6][0];
    q.limit = 100;
    return q;
  });
}
void BM_QueryActorCountry(benchmark::State& state) {
  RunQueries(state, [](std::mt19937_64& rng) {
    EventQuery q;
    q.actor = "Militia " + std::to_string(rng() % 50);
    q.country = kCountries[rng() % 8][1];
    q.from = "2020-01-01";
    q.to = "2020-12-31";
    q.limit = 100;
    return q;
  });
}
void BM_QueryFatalitiesSorted(benchmark::State& state) {
  RunQueries(state, [](std::mt19937_64& rng) {
    EventQuery q;
    q.min_fatalities = 90 + static_cast<int64_t>(rng() % 10);
    q.sort = EventSort::kFatalitiesDesc;
    q.limit = 100;
    return q;
  });
}

// The total alone (EventStore::Count), for an ISO3 code.
void BM_CountCountry(benchmark::State& state) {
  auto& db = Db();
  std::mt19937_64 rng(4);
  Latencies lat;
  for (auto _ : state) {
    EventQuery q;
    q.country = kCountries[rng() % 8][1];
    lat.Time([&] {
      auto n = db.store->Count(q);
      if (!n.ok()) std::abort();
      benchmark::DoNotOptimize(*n);
    });
  }
  lat.Report(state);
}
BENCHMARK(BM_QueryCountryDate)->Iterations(200)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_QueryCountryPage)->Iterations(200)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CountCountry)->Iterations(200)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_QueryBbox)->Iterations(200)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_QueryText)->Iterations(200)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_QueryTextCountryNewFilter)->Iterations(200)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_QueryTypeFatalities)->Iterations(200)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_QueryTextOnly)->Iterations(200)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_QueryTextDate)->Iterations(200)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_QueryAdmin1Type)->Iterations(200)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_QueryActorCountry)->Iterations(200)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_QueryFatalitiesSorted)->Iterations(200)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace sitrep
