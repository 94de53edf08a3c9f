// The event stores (SQLite always; PostgreSQL when SITREP_TEST_PG names a database): ingest,
// idempotence, every query filter, malformed filters, SQL injection, stats, migrations, exports.
#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <simdjson.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <limits>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

#include "sitrep/document.h"
#include "sitrep/event_export.h"
#include "sitrep/event_store.h"
#include "sitrep/postgres_store.h"
#include "sitrep/sqlite_store.h"
#include "sitrep/store_merge.h"

namespace sitrep {
namespace {

Event MakeEvent(std::string id, std::string doc, std::optional<std::string> date, std::string type,
                std::string sub, std::string country, std::string iso3, std::optional<double> lat,
                std::optional<double> lon, int fatalities, std::string actor1, std::string notes) {
  Event e;
  e.event_id = std::move(id);
  e.doc_ids = {doc};
  e.event_date = date;
  e.date_start = date;
  e.date_end = date;
  e.event_type = std::move(type);
  e.sub_event_type = std::move(sub);
  e.country = std::move(country);
  e.iso3 = std::move(iso3);
  e.admin1 = e.country == "Iraq" ? std::optional<std::string>("Anbar") : std::nullopt;
  e.location = "Somewhere";
  e.latitude = lat;
  e.longitude = lon;
  e.fatalities = fatalities;
  e.deaths_best = fatalities;
  e.actor1 = std::move(actor1);
  e.inter1 = 1;
  e.notes = std::move(notes);
  e.evidence.push_back({"fatalities", e.doc_ids[0], 0, 4, "text"});
  return e;
}

Document MakeDoc(std::string id, std::string text) {
  Document d;
  d.id = std::move(id);
  d.title = "Title of " + d.id;
  d.published = "2024-05-01";
  d.text = std::move(text);
  return d;
}

struct Corpus {
  std::vector<Document> docs;
  std::vector<std::vector<Event>> events;
};

Corpus SampleCorpus() {
  Corpus c;
  c.docs = {MakeDoc("a1", "Clashes in Ramadi left five dead, officials said."),
            MakeDoc("a2", "A drone strike hit a convoy near Gao; eight killed."),
            MakeDoc("a3", "Protesters gathered in Nairobi against taxes.")};
  c.events = {
      {MakeEvent("ev-iraq-1", "a1", "2024-04-30", "Battles", "Armed clash", "Iraq", "IRQ", 33.42, 43.30, 5,
                 "Military Forces of Iraq", "Clashes with Islamic State near Ramadi, five killed."),
       MakeEvent("ev-iraq-2", "a1", std::nullopt, "Battles", "Armed clash", "Iraq", "IRQ", std::nullopt,
                 std::nullopt, 0, "Islamic State", "Undated clash, background.")},
      {MakeEvent("ev-mali-1", "a2", "2024-05-02", "Explosions/Remote violence", "Air/drone strike", "Mali",
                 "MLI", 16.27, -0.04, 8, "Military Forces of Mali", "Drone strike on a convoy near Gao.")},
      {MakeEvent("ev-kenya-1", "a3", "2024-05-03", "Protests", "Peaceful protest", "Kenya", "KEN", -1.29, 36.82,
                 0, "Protesters (Kenya)", "Protest in Nairobi against a finance bill, with \"quotes\", commas.")},
  };
  c.events[0][1].historical = true;
  return c;
}

std::string PgUri() {
  const char* uri = std::getenv("SITREP_TEST_PG");
  return uri ? uri : "";
}

// ctest runs tests in parallel: each PostgreSQL test gets its own schema, first on search_path
// (PostGIS stays in public). Returns the URI to use, or "" on failure.
std::string PgSchemaUri(const std::string& schema) {
  PGconn* conn = PQconnectdb(PgUri().c_str());
  if (PQstatus(conn) != CONNECTION_OK) {
    PQfinish(conn);
    return "";
  }
  PQclear(PQexec(conn, ("DROP SCHEMA IF EXISTS " + schema + " CASCADE; CREATE SCHEMA " + schema).c_str()));
  PQfinish(conn);
  const std::string uri = PgUri();
  return uri + (uri.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" + schema +
         "%2Cpublic";
}

void DropPgSchema(const std::string& schema) {
  PGconn* conn = PQconnectdb(PgUri().c_str());
  if (PQstatus(conn) == CONNECTION_OK) PQclear(PQexec(conn, ("DROP SCHEMA IF EXISTS " + schema + " CASCADE").c_str()));
  PQfinish(conn);
}

std::string SchemaName() {
  std::string name = "t_";
  for (char c : std::string(::testing::UnitTest::GetInstance()->current_test_info()->name())) {
    name.push_back(std::isalnum(static_cast<unsigned char>(c)) ? static_cast<char>(std::tolower(c)) : '_');
  }
  return name.substr(0, 60);
}

class EventStoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "postgresql") {
      if (PgUri().empty()) GTEST_SKIP() << "SITREP_TEST_PG not set (run under scripts/with-postgres.sh)";
      schema_ = SchemaName();
      target_ = PgSchemaUri(schema_);
      ASSERT_FALSE(target_.empty()) << "cannot connect to " << PgUri();
    } else {
      dir_ = std::filesystem::temp_directory_path() /
             ("sitrep_store_test_" + std::to_string(::getpid()) + "_" +
              ::testing::UnitTest::GetInstance()->current_test_info()->name());
      std::filesystem::remove_all(dir_);
      std::filesystem::create_directories(dir_);
      target_ = (dir_ / "t.db").string();
    }
    auto store = OpenEventStore(target_);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(*store);
    Ingest(SampleCorpus());
  }
  void TearDown() override {
    store_.reset();
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
    if (!schema_.empty()) DropPgSchema(schema_);
  }
  void Ingest(const Corpus& c) {
    auto sink = store_->MakeSink(2);
    for (size_t i = 0; i < c.docs.size(); ++i) ASSERT_TRUE(sink->Consume(c.docs[i], c.events[i]).ok());
    ASSERT_TRUE(sink->Finish().ok());
  }
  std::vector<std::string> Ids(const EventQuery& q) {
    auto page = store_->Query(q);
    EXPECT_TRUE(page.ok()) << page.status().ToString();
    std::vector<std::string> ids;
    if (page.ok()) {
      for (const auto& e : page->events) ids.push_back(e.event_id);
    }
    return ids;
  }
  int64_t Count(const std::string& table_free_marker = "") {
    auto stats = store_->Stats(EventQuery{});
    EXPECT_TRUE(stats.ok());
    return stats.ok() ? stats->events * 1000 + stats->articles : -1;
  }

  std::filesystem::path dir_;
  std::string schema_;
  std::string target_;
  std::unique_ptr<EventStore> store_;
};

TEST_P(EventStoreTest, StoresAndReadsBackFullEvents) {
  auto e = store_->Get("ev-kenya-1");
  ASSERT_TRUE(e.ok()) << e.status().ToString();
  const Event want = SampleCorpus().events[2][0];
  std::string a, b;
  AppendEventJson(*e, &a);
  AppendEventJson(want, &b);
  EXPECT_EQ(a, b);
  EXPECT_EQ(store_->Get("nope").status().code(), ErrorCode::kNotFound);
  auto art = store_->GetArticle("a1");
  ASSERT_TRUE(art.ok());
  EXPECT_EQ(art->text, SampleCorpus().docs[0].text);
  EXPECT_EQ(art->event_ids, (std::vector<std::string>{"ev-iraq-1", "ev-iraq-2"}));
  EXPECT_EQ(store_->GetArticle("zz").status().code(), ErrorCode::kNotFound);
}

TEST_P(EventStoreTest, FiltersAreTableDriven) {
  struct Case {
    const char* name;
    std::function<void(EventQuery&)> set;
    std::vector<std::string> want;
  };
  const std::vector<Case> cases = {
      {"all, date order (undated first)", [](EventQuery&) {},
       {"ev-iraq-2", "ev-iraq-1", "ev-mali-1", "ev-kenya-1"}},
      {"country name, any case", [](EventQuery& q) { q.country = "iraq"; }, {"ev-iraq-2", "ev-iraq-1"}},
      {"country iso3", [](EventQuery& q) { q.country = "MLI"; }, {"ev-mali-1"}},
      {"admin1", [](EventQuery& q) { q.admin1 = "anbar"; }, {"ev-iraq-2", "ev-iraq-1"}},
      {"type", [](EventQuery& q) { q.event_type = "Protests"; }, {"ev-kenya-1"}},
      {"sub-type", [](EventQuery& q) { q.sub_event_type = "Air/drone strike"; }, {"ev-mali-1"}},
      {"actor substring", [](EventQuery& q) { q.actor = "forces of"; }, {"ev-iraq-1", "ev-mali-1"}},
      {"actor with LIKE wildcards is literal", [](EventQuery& q) { q.actor = "%"; }, {}},
      {"from", [](EventQuery& q) { q.from = "2024-05-01"; }, {"ev-mali-1", "ev-kenya-1"}},
      {"to", [](EventQuery& q) { q.to = "2024-05-02"; }, {"ev-iraq-1", "ev-mali-1"}},
      {"bbox Sahel", [](EventQuery& q) { q.bbox = BoundingBox{-5, 10, 5, 20}; }, {"ev-mali-1"}},
      {"bbox edge is inclusive", [](EventQuery& q) { q.bbox = BoundingBox{43.30, 33.42, 44, 34}; }, {"ev-iraq-1"}},
      {"bbox empty sea", [](EventQuery& q) { q.bbox = BoundingBox{-40, -40, -30, -30}; }, {}},
      {"min fatalities", [](EventQuery& q) { q.min_fatalities = 5; }, {"ev-iraq-1", "ev-mali-1"}},
      {"historical only", [](EventQuery& q) { q.historical = true; }, {"ev-iraq-2"}},
      {"text in notes", [](EventQuery& q) { q.text = "convoy"; }, {"ev-mali-1"}},
      {"text in article", [](EventQuery& q) { q.text = "officials"; }, {"ev-iraq-2", "ev-iraq-1"}},
      {"text all words", [](EventQuery& q) { q.text = "drone Gao"; }, {"ev-mali-1"}},
      {"text no match", [](EventQuery& q) { q.text = "zeppelin"; }, {}},
      {"text of punctuation only", [](EventQuery& q) { q.text = "\"*()"; }, {}},
      {"sort -date", [](EventQuery& q) { q.sort = EventSort::kDateDesc; },
       {"ev-kenya-1", "ev-mali-1", "ev-iraq-1", "ev-iraq-2"}},
      {"sort fatalities", [](EventQuery& q) { q.sort = EventSort::kFatalitiesDesc; },
       {"ev-mali-1", "ev-iraq-1", "ev-iraq-2", "ev-kenya-1"}},
      {"limit offset", [](EventQuery& q) { q.limit = 2; q.offset = 1; }, {"ev-iraq-1", "ev-mali-1"}},
      {"combined", [](EventQuery& q) { q.country = "Iraq"; q.from = "2024-01-01"; q.min_fatalities = 1; },
       {"ev-iraq-1"}},
      {"text in article and iso3", [](EventQuery& q) { q.text = "officials"; q.country = "irq"; },
       {"ev-iraq-2", "ev-iraq-1"}},
      {"unknown country", [](EventQuery& q) { q.country = "Atlantis"; }, {}},
      {"country and -date, paged", [](EventQuery& q) { q.country = "IRQ"; q.sort = EventSort::kDateDesc; q.limit = 1; },
       {"ev-iraq-1"}},
      {"type and min fatalities, -date",
       [](EventQuery& q) { q.event_type = "battles"; q.min_fatalities = 0; q.sort = EventSort::kDateDesc; },
       {"ev-iraq-1", "ev-iraq-2"}},
  };
  for (const Case& c : cases) {
    EventQuery q;
    c.set(q);
    EXPECT_EQ(Ids(q), c.want) << c.name;
    // Count agrees with Query's total; ScanJson hands over what AppendEventJson writes.
    auto page = store_->Query(q);
    auto count = store_->Count(q);
    ASSERT_TRUE(page.ok() && count.ok()) << c.name;
    EXPECT_EQ(*count, page->total) << c.name;
    std::vector<std::string> scanned;
    ASSERT_TRUE(store_->ScanJson(q, [&](std::string_view json) {
      scanned.emplace_back(json);
      return Status::Ok();
    }).ok()) << c.name;
    ASSERT_EQ(scanned.size(), page->events.size()) << c.name;
    for (size_t i = 0; i < scanned.size(); ++i) {
      std::string want;
      AppendEventJson(page->events[i], &want);
      EXPECT_EQ(scanned[i], want) << c.name;
    }
    // ScanPoints hands over the same events' map fields, in the same order.
    std::vector<std::string> points;
    ASSERT_TRUE(store_->ScanPoints(q, [&](const EventPoint& p) {
      points.push_back(std::string(p.event_id) + "|" + std::string(p.event_date) + "|" +
                       std::string(p.event_type) + "|" + std::string(p.sub_event_type) + "|" +
                       std::string(p.country) + "|" + std::string(p.admin1) + "|" +
                       std::string(p.actor1) + "|" + std::string(p.actor2) + "|" +
                       (p.latitude ? std::to_string(*p.latitude) : "-") + "|" +
                       (p.longitude ? std::to_string(*p.longitude) : "-") + "|" +
                       std::to_string(p.fatalities));
      return Status::Ok();
    }).ok()) << c.name;
    ASSERT_EQ(points.size(), page->events.size()) << c.name;
    for (size_t i = 0; i < points.size(); ++i) {
      const Event& e = page->events[i];
      const std::string want =
          e.event_id + "|" + e.event_date.value_or("") + "|" + e.event_type + "|" +
          e.sub_event_type + "|" + e.country + "|" + e.admin1.value_or("") + "|" +
          e.actor1.value_or("") + "|" + e.actor2.value_or("") + "|" +
          (e.latitude ? std::to_string(*e.latitude) : "-") + "|" +
          (e.longitude ? std::to_string(*e.longitude) : "-") + "|" + std::to_string(e.fatalities);
      EXPECT_EQ(points[i], want) << c.name;
    }
  }
  {
    EventQuery q;
    q.country = "IRQ";
    q.limit = 1;
    auto page = store_->Query(q);
    ASSERT_TRUE(page.ok());
    EXPECT_EQ(page->total, 2);
    EXPECT_EQ(*store_->Count(q), 2);
  }
  EventQuery q;
  q.limit = 1;
  auto page = store_->Query(q);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->total, 4);
  EXPECT_EQ(page->events.size(), 1u);
}

TEST_P(EventStoreTest, MalformedFiltersAreClearErrors) {
  struct Case {
    std::function<void(EventQuery&)> set;
    const char* message_part;
  };
  const std::vector<Case> cases = {
      {[](EventQuery& q) { q.from = "2024-13-01"; }, "from date"},
      {[](EventQuery& q) { q.to = "yesterday"; }, "to date"},
      {[](EventQuery& q) { q.from = "2024-02-30"; }, "YYYY-MM-DD"},
      {[](EventQuery& q) { q.from = "2024-05-02"; q.to = "2024-05-01"; }, "after"},
      {[](EventQuery& q) { q.bbox = BoundingBox{10, 0, 5, 1}; }, "minlon > maxlon"},
      {[](EventQuery& q) { q.bbox = BoundingBox{0, -91, 1, 1}; }, "latitudes"},
      {[](EventQuery& q) { q.limit = -1; }, "limit"},
      {[](EventQuery& q) { q.offset = -5; }, "offset"},
      {[](EventQuery& q) { q.min_fatalities = -1; }, "fatalities"},
  };
  for (const Case& c : cases) {
    EventQuery q;
    c.set(q);
    auto page = store_->Query(q);
    ASSERT_FALSE(page.ok()) << c.message_part;
    EXPECT_EQ(page.status().code(), ErrorCode::kInvalidArgument);
    EXPECT_NE(page.status().message().find(c.message_part), std::string::npos) << page.status().message();
    EXPECT_FALSE(store_->Stats(q).ok());
  }
  for (const char* bad : {"1,2,3", "a,b,c,d", "1,2,3,4,5", "", "1,,2,3", "0,0,nan,1", "181,0,182,1"}) {
    auto box = ParseBoundingBox(bad);
    EXPECT_FALSE(box.ok()) << bad;
    EXPECT_EQ(box.status().code(), ErrorCode::kInvalidArgument);
  }
  auto box = ParseBoundingBox("-1.5, 2,3.25,4");
  ASSERT_TRUE(box.ok());
  EXPECT_EQ(box->min_lon, -1.5);
  EXPECT_FALSE(ParseEventSort("random").ok());
}

TEST_P(EventStoreTest, SqlInjectionFindsNothingAndChangesNothing) {
  const int64_t before = Count();
  const std::vector<std::string> attacks = {
      "x' OR '1'='1", "'; DROP TABLE events; --", "Iraq\" OR 1=1 --", "%' OR 1=1 --",
      "\" OR \"\" = \"", "*) OR events_fts MATCH '*", "1); DELETE FROM articles; --"};
  for (const auto& a : attacks) {
    for (int field = 0; field < 6; ++field) {
      EventQuery q;
      switch (field) {
        case 0: q.country = a; break;
        case 1: q.admin1 = a; break;
        case 2: q.event_type = a; break;
        case 3: q.sub_event_type = a; break;
        case 4: q.actor = a; break;
        case 5: q.text = a; break;
      }
      auto page = store_->Query(q);
      ASSERT_TRUE(page.ok()) << a << ": " << page.status().ToString();
      // "OR 1 1" etc. are words; no stored notes hold them all.
      EXPECT_TRUE(page->events.empty()) << a << " field " << field;
    }
    EXPECT_EQ(store_->Get(a).status().code(), ErrorCode::kNotFound);
  }
  EXPECT_EQ(Count(), before);
}

TEST_P(EventStoreTest, ReingestIsIdempotentAndChangedArticlesReplaceTheirEvents) {
  const int64_t before = Count();
  Ingest(SampleCorpus());
  EXPECT_EQ(Count(), before);
  Corpus changed = SampleCorpus();
  changed.docs = {changed.docs[1]};
  changed.docs[0].text = "Revised: fighting near Gao, two dead.";
  changed.events = {{MakeEvent("ev-mali-2", "a2", "2024-05-04", "Battles", "Armed clash", "Mali", "MLI", 16.3,
                               -0.05, 2, "JNIM", "Revised report.")}};
  Ingest(changed);
  EXPECT_EQ(store_->Get("ev-mali-1").status().code(), ErrorCode::kNotFound);
  EXPECT_TRUE(store_->Get("ev-mali-2").ok());
  EXPECT_EQ(Count(), before);  // one event out, one in; same article count
  EventQuery q;
  q.text = "convoy";  // the old notes left the full-text index
  EXPECT_TRUE(Ids(q).empty());
  q = EventQuery{};
  q.bbox = BoundingBox{-1, 16, 0, 17};
  EXPECT_EQ(Ids(q), std::vector<std::string>{"ev-mali-2"});
}

// A country filter matches the country name or the ISO3 code, whichever column holds it, in any
// case, also when names and codes are not paired one to one.
TEST_P(EventStoreTest, CountryMatchesNameOrCodeOfEachEvent) {
  Corpus c;
  c.docs = {MakeDoc("c1", "Reports from the Sahel.")};
  Event no_code = MakeEvent("ev-c-1", "c1", "2024-06-01", "Battles", "Armed clash", "Mali", "", 15.0, -1.0, 1,
                            "A", "No code.");
  Event upper = MakeEvent("ev-c-2", "c1", "2024-06-02", "Battles", "Armed clash", "MALI", "MLI", 15.0, -1.0, 1,
                          "A", "Upper case.");
  Event niger = MakeEvent("ev-c-3", "c1", "2024-06-03", "Battles", "Armed clash", "Niger", "NER", 14.0, 2.0, 1,
                          "A", "Niger.");
  Event code_named = MakeEvent("ev-c-4", "c1", "2024-06-04", "Battles", "Armed clash", "NER", "XXX", 14.0, 2.0,
                               1, "A", "A country named like a code.");
  c.events = {{no_code, upper, niger, code_named}};
  EventQuery mli;
  mli.country = "MLI";
  ASSERT_EQ(*store_->Count(mli), 1);  // (cached by the SQLite store until the data changes)
  Ingest(c);
  EXPECT_EQ(*store_->Count(mli), 2);
  {
    // A write through another connection is seen too.
    auto other = OpenEventStore(target_);
    ASSERT_TRUE(other.ok());
    Corpus more;
    more.docs = {MakeDoc("c2", "More from the Sahel.")};
    more.events = {{MakeEvent("ev-c-5", "c2", "2024-06-05", "Battles", "Armed clash", "Mali", "MLI", 15.0, -1.0,
                              1, "A", "Another.")}};
    auto sink = (*other)->MakeSink();
    ASSERT_TRUE(sink->Consume(more.docs[0], more.events[0]).ok());
    ASSERT_TRUE(sink->Finish().ok());
  }
  EXPECT_EQ(*store_->Count(mli), 3);

  auto ids = [&](const char* country) {
    EventQuery q;
    q.country = country;
    return Ids(q);
  };
  EXPECT_EQ(ids("mali"), (std::vector<std::string>{"ev-mali-1", "ev-c-1", "ev-c-2", "ev-c-5"}));
  EXPECT_EQ(ids("MLI"), (std::vector<std::string>{"ev-mali-1", "ev-c-2", "ev-c-5"}));
  EXPECT_EQ(ids("ner"), (std::vector<std::string>{"ev-c-3", "ev-c-4"}));
  EXPECT_EQ(ids("Niger"), (std::vector<std::string>{"ev-c-3"}));
  EXPECT_EQ(ids("xxx"), (std::vector<std::string>{"ev-c-4"}));
}

TEST_P(EventStoreTest, StatsByDayTypeCountry) {
  auto stats = store_->Stats(EventQuery{});
  ASSERT_TRUE(stats.ok()) << stats.status().ToString();
  EXPECT_EQ(stats->events, 4);
  EXPECT_EQ(stats->fatalities, 13);
  EXPECT_EQ(stats->articles, 3);
  ASSERT_EQ(stats->by_country.size(), 3u);
  EXPECT_EQ(stats->by_country[0].key, "Iraq");
  EXPECT_EQ(stats->by_country[0].events, 2);
  EXPECT_EQ(stats->by_country[0].fatalities, 5);
  ASSERT_EQ(stats->by_day.size(), 4u);
  EXPECT_EQ(stats->by_day[0].key, "");
  EXPECT_EQ(stats->by_type.size(), 3u);
  EventQuery q;
  q.country = "Mali";
  stats = store_->Stats(q);
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->events, 1);
  EXPECT_EQ(stats->fatalities, 8);
}

TEST_P(EventStoreTest, ArticleHashAndMergeCandidates) {
  auto hash = store_->ArticleHash("a1");
  ASSERT_TRUE(hash.ok()) << hash.status().ToString();
  ASSERT_TRUE(hash->has_value());
  EXPECT_EQ(**hash, ContentHash(SampleCorpus().docs[0].text));
  auto none = store_->ArticleHash("zz");
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->has_value());

  struct Case {
    const char *iso3, *from, *to;
    std::vector<std::string> want;
  };
  const std::vector<Case> cases = {
      {"IRQ", "2024-04-01", "2024-05-31", {"ev-iraq-1"}},  // the undated one never merges
      {"irq", "2024-04-30", "2024-04-30", {"ev-iraq-1"}},
      {"IRQ", "2024-05-01", "2024-05-31", {}},
      {"MLI", "2024-01-01", "2024-12-31", {"ev-mali-1"}},
      {"KEN", "2023-01-01", "2023-12-31", {}},
  };
  for (const Case& c : cases) {
    std::vector<std::string> got;
    Status s = store_->ScanMergeCandidates(c.iso3, c.from, c.to, [&](MergeCandidate&& m) {
      got.push_back(m.event.event_id);
      EXPECT_EQ(m.reported, "2024-05-01");  // the publication date of its article
      EXPECT_FALSE(m.event.evidence.empty());
      return Status::Ok();
    });
    ASSERT_TRUE(s.ok()) << s.ToString();
    EXPECT_EQ(got, c.want) << c.iso3 << " " << c.from << ".." << c.to;
  }
}

TEST_P(EventStoreTest, ConsumeMergedReplacesSupersededEventsAndLinksArticles) {
  Event merged = SampleCorpus().events[0][0];
  merged.event_id = "ev-iraq-0";  // a newcomer with a smaller id took over
  merged.doc_ids = {"a1", "a4"};
  merged.evidence.push_back({"fatalities", "a4", 0, 4, "Five"});
  const std::vector<std::string> superseded = {"ev-iraq-1"};
  {
    auto sink = store_->MakeSink(8);
    ASSERT_TRUE(sink->ConsumeMerged(MakeDoc("a4", "Five killed near Ramadi."), std::span(&merged, 1), superseded).ok());
    ASSERT_TRUE(sink->Finish().ok());
  }
  EXPECT_EQ(store_->Get("ev-iraq-1").status().code(), ErrorCode::kNotFound);
  auto got = store_->Get("ev-iraq-0");
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_EQ(got->doc_ids, (std::vector<std::string>{"a1", "a4"}));
  EXPECT_EQ(got->evidence.size(), 2u);
  auto a1 = store_->GetArticle("a1");
  ASSERT_TRUE(a1.ok());
  EXPECT_EQ(a1->event_ids, (std::vector<std::string>{"ev-iraq-0", "ev-iraq-2"}));
  EXPECT_EQ(Ids([] { EventQuery q; q.country = "IRQ"; return q; }()),
            (std::vector<std::string>{"ev-iraq-2", "ev-iraq-0"}));
  // An unchanged article still carries a merged event that grew elsewhere (written again).
  merged.fatalities = 6;
  {
    auto sink = store_->MakeSink(8);
    ASSERT_TRUE(sink->ConsumeMerged(MakeDoc("a4", "Five killed near Ramadi."), std::span(&merged, 1), {}).ok());
    ASSERT_TRUE(sink->Finish().ok());
  }
  got = store_->Get("ev-iraq-0");
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->fatalities, 6);
  EXPECT_EQ(got->evidence.size(), 2u);  // replaced, not appended
}

// Two reports of one incident (same day, town, type and actor), stored by separate runs (weeks
// before the fixture's own Ramadi clash, which they must not merge with).
Event Report(std::string id, std::string doc, int killed) {
  Event e = MakeEvent(std::move(id), std::move(doc), "2024-03-10", "Battles", "Armed clash", "Iraq", "IRQ",
                      33.42, 43.30, killed, "Military Forces of Iraq", "Clash near Ramadi.");
  e.geo_precision = 1;
  e.location = "Ramadi";
  e.deaths_low = e.deaths_high = killed;
  return e;
}

TEST_P(EventStoreTest, StoreMergeUpdatesStoredIncidentsInAnyOrderAndIsIdempotent) {
  auto doc = [](std::string id, std::string published, Event e) {
    Document d = MakeDoc(std::move(id), "Report of a clash near Ramadi by " + e.event_id);
    d.published = std::move(published);
    d.events = {std::move(e)};
    return d;
  };
  const Document early = doc("r1", "2024-05-01", Report("ev-z", "r1", 5));
  const Document late = doc("r2", "2024-05-02", Report("ev-m", "r2", 7));
  auto run = [&](const std::vector<const Document*>& docs) -> std::vector<Event> {
    StoreMerge merge(*store_);
    for (const Document* d : docs) EXPECT_TRUE(merge.Add(*d).ok());
    auto sink = store_->MakeSink(1);
    auto written = merge.Finish(*sink);
    EXPECT_TRUE(written.ok()) << written.status().ToString();
    EXPECT_TRUE(sink->Finish().ok());
    return written.ok() ? *written : std::vector<Event>{};
  };
  auto stored = [&] {
    EventQuery q;
    q.text = "Ramadi";
    q.from = "2024-03-10";
    q.to = "2024-03-10";
    auto page = store_->Query(q);
    EXPECT_TRUE(page.ok());
    return page.ok() ? page->events : std::vector<Event>{};
  };
  for (const bool early_first : {true, false}) {
    SCOPED_TRACE(early_first ? "early report first" : "late report first");
    TearDown();
    SetUp();
    run({early_first ? &early : &late});
    const std::vector<Event> written = run({early_first ? &late : &early});
    ASSERT_EQ(written.size(), 1u);
    const std::vector<Event> events = stored();
    ASSERT_EQ(events.size(), 1u) << "a second report must update the stored event, not add one";
    EXPECT_EQ(events[0].event_id, "ev-m");  // the smallest member id, whatever the order
    EXPECT_EQ(events[0].doc_ids, (std::vector<std::string>{"r1", "r2"}));
    EXPECT_EQ(events[0].fatalities, 7);  // the latest report's count
    EXPECT_EQ(events[0].deaths_low, 5);
    EXPECT_EQ(events[0].deaths_high, 7);
    EXPECT_EQ(store_->Get("ev-z").status().code(), ErrorCode::kNotFound);
    // Rerunning either document changes nothing.
    EXPECT_TRUE(run({&early, &late}).empty());
    const std::vector<Event> again = stored();
    ASSERT_EQ(again.size(), 1u);
    std::string a, b;
    AppendEventJson(events[0], &a);
    AppendEventJson(again[0], &b);
    EXPECT_EQ(a, b);
  }
}

TEST_P(EventStoreTest, ReadVersionMovesOnWrites) {
  auto before = store_->ReadVersion();
  if (!before) GTEST_SKIP() << "no read version on " << store_->backend();
  EXPECT_EQ(store_->ReadVersion(), before);
  Ingest(Corpus{{MakeDoc("a9", "Another report.")}, {{}}});
  EXPECT_NE(store_->ReadVersion(), before);
}

// Full text with many matches (over 8,000) takes another path (walking the other filters' index):
// the same results as filtering by hand.
TEST_P(EventStoreTest, ManyFullTextMatchesWithOtherFilters) {
  if (GetParam() != "sqlite") GTEST_SKIP() << "large corpus: SQLite only";
  Corpus c;
  const char* countries[][2] = {{"Iraq", "IRQ"}, {"Mali", "MLI"}, {"Sudan", "SDN"}};
  for (int d = 0; d < 2200; ++d) {
    c.docs.push_back(MakeDoc("m" + std::to_string(d), "Bulk report."));
    auto& events = c.events.emplace_back();
    for (int k = 0; k < 10; ++k) {
      const int i = d * 10 + k;
      const auto& cc = countries[i % 3];
      char date[16];
      std::snprintf(date, sizeof date, "2023-%02d-%02d", 1 + i % 12, 1 + i % 28);
      events.push_back(MakeEvent("bulk-" + std::to_string(100000 + i), c.docs.back().id, std::string(date),
                                 "Battles", "Armed clash", cc[0], cc[1], std::nullopt, std::nullopt, i % 7,
                                 "Army", i % 2 ? "Shelling near the depot." : "Quiet day."));
    }
  }
  Ingest(c);
  struct Case {
    const char* name;
    std::function<void(EventQuery&)> set;
    int64_t want_total;
  };
  // 22,000 bulk events: odd ones mention shelling (11,000); a third of each per country.
  const std::vector<Case> cases = {
      {"text only", [](EventQuery&) {}, 11000},
      {"text + country", [](EventQuery& q) { q.country = "Mali"; }, 3667},
      {"text + country + min fatalities", [](EventQuery& q) { q.country = "SDN"; q.min_fatalities = 6; }, 523},
      {"text + date range", [](EventQuery& q) { q.from = "2023-04-01"; q.to = "2023-04-30"; }, 1834},
  };
  for (const Case& k : cases) {
    for (const EventSort sort : {EventSort::kDateAsc, EventSort::kDateDesc, EventSort::kFatalitiesDesc}) {
      EventQuery q;
      q.text = "shelling";
      k.set(q);
      q.sort = sort;
      EventQuery plain = q;  // the same rows without full text, filtered by hand
      plain.text.reset();
      auto all = store_->Query(plain);
      ASSERT_TRUE(all.ok());
      std::vector<std::string> want;
      for (const Event& e : all->events) {
        if (e.notes.find("Shelling") != std::string::npos) want.push_back(e.event_id);
      }
      ASSERT_EQ(static_cast<int64_t>(want.size()), k.want_total) << k.name;
      q.offset = 5;
      q.limit = 20;
      auto page = store_->Query(q);
      ASSERT_TRUE(page.ok()) << page.status().ToString();
      EXPECT_EQ(page->total, k.want_total) << k.name;
      std::vector<std::string> got;
      for (const Event& e : page->events) got.push_back(e.event_id);
      EXPECT_EQ(got, std::vector<std::string>(want.begin() + 5, want.begin() + std::min<size_t>(25, want.size())))
          << k.name << " sort " << EventSortName(sort);
      auto n = store_->Count(q);
      ASSERT_TRUE(n.ok());
      EXPECT_EQ(*n, k.want_total) << k.name;
    }
  }
  // A word given twice (any case) is the word once; other words keep the same filter's rows.
  const struct {
    const char* text;
    int64_t want_total;
  } texts[] = {
      {"shelling SHELLING Shelling", 3667}, {"shelling depot", 3667}, {"quiet day", 3666}, {"quiet shelling", 0}};
  for (const auto& t : texts) {
    EventQuery q;
    q.text = t.text;
    q.country = "Mali";
    q.limit = 5;
    auto page = store_->Query(q);
    ASSERT_TRUE(page.ok()) << page.status().ToString();
    EXPECT_EQ(page->total, t.want_total) << t.text;
  }
  // The totals follow writes, from this connection and from another one.
  EventQuery q;
  q.text = "shelling";
  q.country = "Mali";
  q.limit = 5;
  Corpus more;
  more.docs.push_back(MakeDoc("m-more", "More reports."));
  more.events.push_back({MakeEvent("bulk-more-1", "m-more", "2023-05-05", "Battles", "Armed clash", "Mali", "MLI",
                                   std::nullopt, std::nullopt, 1, "Army", "Shelling near the depot."),
                         MakeEvent("bulk-more-2", "m-more", "2023-05-06", "Battles", "Armed clash", "Iraq", "IRQ",
                                   std::nullopt, std::nullopt, 1, "Army", "Shelling near the depot.")});
  Ingest(more);
  auto page = store_->Query(q);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->total, 3668);
  {
    auto other = OpenEventStore(target_);
    ASSERT_TRUE(other.ok());
    auto sink = (*other)->MakeSink(1);
    const std::vector<Event> events = {MakeEvent("bulk-more-3", "m-more2", "2023-05-07", "Battles", "Armed clash",
                                                 "Mali", "MLI", std::nullopt, std::nullopt, 1, "Army",
                                                 "Shelling again.")};
    ASSERT_TRUE(sink->Consume(MakeDoc("m-more2", "Another report."), events).ok());
    ASSERT_TRUE(sink->Finish().ok());
  }
  page = store_->Query(q);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->total, 3669);
  auto n = store_->Count(q);
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(*n, 3669);
}

// Totals are cached by filter values: two boxes differing in the seventh decimal are two queries.
TEST_P(EventStoreTest, CountsOfBoxesAPartOfADegreeApartDiffer) {
  EventQuery q;
  q.bbox = BoundingBox{-1, 16.0, 1, 16.27};  // ev-mali-1 is at 16.27, -0.04
  auto n = store_->Count(q);
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(*n, 1);
  q.bbox->max_lat = 16.2699999;
  n = store_->Count(q);
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(*n, 0);
}

// Every filter that changes the query plan (a country by name or code, admin1 with type, actor,
// sub-type with dates, boxes, full text with few matches (rows found from the matches) or many
// (the other filters' index with a membership test), with and without other filters, each sort,
// pages) returns the rows and total of a plain reference filter written here over the same events.
struct Generated {
  Corpus corpus;
  std::unordered_map<std::string, std::string> article_text;  // doc id -> title + text
};

Generated GeneratedCorpus() {
  Generated g;
  const char* countries[][2] = {{"Iraq", "IRQ"}, {"Mali", "MLI"}, {"Sudan", "SDN"}, {"Yemen", "YEM"}};
  const char* admin1s[] = {"Anbar", "Gao", "Khartoum", "Taizz", "Ninawa"};
  const char* types[][2] = {{"Battles", "Armed clash"},
                            {"Explosions/Remote violence", "Air/drone strike"},
                            {"Explosions/Remote violence", "Shelling/artillery/missile attack"},
                            {"Violence against civilians", "Attack"},
                            {"Protests", "Peaceful protest"}};
  const char* actors[] = {"Military Forces of Iraq", "Islamic State", "Rapid Support Forces", "Militia 1",
                          "Militia 12", "Protesters"};
  uint64_t x = 88172645463325252ull;
  auto next = [&](uint64_t n) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return x % n;
  };
  for (int d = 0; d < 330; ++d) {
    const std::string doc_id = "g" + std::to_string(1000 + d);
    // Every fifth article reports a convoy: its events match "convoy" through the article text.
    Document doc = MakeDoc(doc_id, d % 5 == 0 ? "A convoy was hit on the road." : "Fighting was reported.");
    g.article_text[doc_id] = doc.title + " " + doc.text;
    g.corpus.docs.push_back(doc);
    auto& events = g.corpus.events.emplace_back();
    for (int k = 0; k < 10; ++k) {
      const auto& c = countries[next(4)];
      const auto& t = types[next(5)];
      std::optional<std::string> date;
      if (next(20) != 0) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "20%02d-%02d-%02d", 20 + static_cast<int>(next(5)),
                      1 + static_cast<int>(next(12)), 1 + static_cast<int>(next(28)));
        date = buf;
      }
      std::optional<double> lat, lon;
      if (next(10) != 0) {
        lat = -10.0 + static_cast<double>(next(4000)) / 100.0;
        lon = 20.0 + static_cast<double>(next(4000)) / 100.0;
      }
      // Two thirds mention shelling (over 2,000 matches: the membership path); a few say
      // "ambush" (the few-matches path).
      std::string notes = next(3) != 0 ? "Shelling hit the area" : "Quiet report";
      if (next(40) == 0) notes += ", an ambush";
      Event e = MakeEvent("gen-" + std::to_string(10000 + d * 10 + k), doc_id, date, t[0], t[1], c[0], c[1], lat,
                          lon, static_cast<int>(next(7) == 0 ? next(60) : next(4)), actors[next(6)], notes + ".");
      e.admin1 = next(6) == 0 ? std::nullopt : std::optional<std::string>(admin1s[next(5)]);
      if (next(2) == 0) e.actor2 = actors[next(6)];
      e.historical = next(15) == 0;
      events.push_back(std::move(e));
    }
  }
  return g;
}

bool EqualsNoCase(const std::string& a, const std::string& b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char p, char q) {
           return std::tolower(static_cast<unsigned char>(p)) == std::tolower(static_cast<unsigned char>(q));
         });
}

// The first column of the first row of `query` as text: "" for no row, "error: ..." on failure.
std::string FirstValue(sqlite3* db, const char* query) {
  sqlite3_stmt* st = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(db, query, -1, &st, nullptr), SQLITE_OK) << query << ": " << sqlite3_errmsg(db);
  const int rc = sqlite3_step(st);
  std::string v = rc == SQLITE_ROW && sqlite3_column_text(st, 0)
                      ? reinterpret_cast<const char*>(sqlite3_column_text(st, 0))
                      : (rc == SQLITE_DONE ? "" : std::string("error: ") + sqlite3_errmsg(db));
  sqlite3_finalize(st);
  return v;
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool HasAllWords(const std::string& text, const std::vector<std::string>& words) {
  std::set<std::string> tokens;
  std::string cur;
  for (char c : text + " ") {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      cur.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    } else if (!cur.empty()) {
      tokens.insert(cur);
      cur.clear();
    }
  }
  return std::all_of(words.begin(), words.end(), [&](const std::string& w) { return tokens.count(Lower(w)) > 0; });
}

// The reference: each filter as the API documents it, applied event by event, then sorted.
std::vector<std::string> ReferenceIds(const Generated& g, const EventQuery& q) {
  std::vector<const Event*> rows;
  for (const auto& events : g.corpus.events) {
    for (const Event& e : events) {
      if (q.country && !EqualsNoCase(e.country, *q.country) && !EqualsNoCase(e.iso3, *q.country)) continue;
      if (q.admin1 && !(e.admin1 && EqualsNoCase(*e.admin1, *q.admin1))) continue;
      if (q.event_type && !EqualsNoCase(e.event_type, *q.event_type)) continue;
      if (q.sub_event_type && !EqualsNoCase(e.sub_event_type, *q.sub_event_type)) continue;
      if (q.actor) {
        const std::string needle = Lower(*q.actor);
        auto has = [&](const std::optional<std::string>& a) { return a && Lower(*a).find(needle) != std::string::npos; };
        if (!has(e.actor1) && !has(e.actor2)) continue;
      }
      if (q.from && !(e.event_date && *e.event_date >= *q.from)) continue;
      if (q.to && !(e.event_date && *e.event_date <= *q.to)) continue;
      if (q.min_fatalities && e.fatalities < *q.min_fatalities) continue;
      if (q.historical && e.historical != *q.historical) continue;
      if (q.bbox) {
        if (!e.latitude || !e.longitude) continue;
        if (*e.longitude < q.bbox->min_lon || *e.longitude > q.bbox->max_lon || *e.latitude < q.bbox->min_lat ||
            *e.latitude > q.bbox->max_lat) {
          continue;
        }
      }
      if (q.text) {
        std::vector<std::string> words;
        std::string cur;
        for (char c : *q.text + " ") {
          if (std::isalnum(static_cast<unsigned char>(c))) {
            cur.push_back(c);
          } else if (!cur.empty()) {
            words.push_back(cur);
            cur.clear();
          }
        }
        if (words.empty()) continue;
        // All words in the notes, or all in one of the event's articles.
        bool match = HasAllWords(e.notes, words);
        for (const auto& doc : e.doc_ids) {
          auto it = g.article_text.find(doc);
          match = match || (it != g.article_text.end() && HasAllWords(it->second, words));
        }
        if (!match) continue;
      }
      rows.push_back(&e);
    }
  }
  const std::string none;  // undated sorts first ascending, last descending
  auto date = [&](const Event* e) -> const std::string& { return e->event_date ? *e->event_date : none; };
  std::sort(rows.begin(), rows.end(), [&](const Event* a, const Event* b) {
    switch (q.sort) {
      case EventSort::kDateAsc:
        return std::tie(date(a), a->event_id) < std::tie(date(b), b->event_id);
      case EventSort::kDateDesc:
        return std::tie(date(a), a->event_id) > std::tie(date(b), b->event_id);
      case EventSort::kFatalitiesDesc:
        if (a->fatalities != b->fatalities) return a->fatalities > b->fatalities;
        return std::tie(date(a), a->event_id) < std::tie(date(b), b->event_id);
      case EventSort::kId:
        return a->event_id < b->event_id;
    }
    return false;
  });
  std::vector<std::string> ids;
  for (const Event* e : rows) ids.push_back(e->event_id);
  return ids;
}

TEST_P(EventStoreTest, EveryPlanReturnsTheRowsOfAReferenceFilter) {
  Generated g = GeneratedCorpus();
  Ingest(g.corpus);
  const Corpus sample = SampleCorpus();  // stored by SetUp
  for (size_t i = 0; i < sample.docs.size(); ++i) {
    g.corpus.docs.push_back(sample.docs[i]);
    g.corpus.events.push_back(sample.events[i]);
    g.article_text[sample.docs[i].id] = sample.docs[i].title + " " + sample.docs[i].text;
  }
  struct Case {
    const char* name;
    std::function<void(EventQuery&)> set;
  };
  const std::vector<Case> cases = {
      {"no filter", [](EventQuery&) {}},
      {"country name", [](EventQuery& q) { q.country = "mali"; }},
      {"country code + dates", [](EventQuery& q) { q.country = "SDN"; q.from = "2021-03-01"; q.to = "2022-06-30"; }},
      {"country + type", [](EventQuery& q) { q.country = "Iraq"; q.event_type = "battles"; }},
      {"country + actor + dates", [](EventQuery& q) { q.country = "YEM"; q.actor = "militia 1"; q.from = "2022-01-01"; }},
      {"admin1", [](EventQuery& q) { q.admin1 = "gao"; }},
      {"admin1 + type", [](EventQuery& q) { q.admin1 = "Taizz"; q.event_type = "Explosions/Remote violence"; }},
      {"admin1 + type + dates",
       [](EventQuery& q) { q.admin1 = "Anbar"; q.event_type = "Battles"; q.from = "2021-01-01"; q.to = "2023-12-31"; }},
      {"type + min fatalities", [](EventQuery& q) { q.event_type = "Violence against civilians"; q.min_fatalities = 3; }},
      {"sub-type + dates", [](EventQuery& q) { q.sub_event_type = "air/drone strike"; q.from = "2023-02-01"; }},
      {"actor only", [](EventQuery& q) { q.actor = "forces"; }},
      {"actor wildcard is literal", [](EventQuery& q) { q.actor = "Militia_1"; }},
      {"dates only", [](EventQuery& q) { q.from = "2022-05-01"; q.to = "2022-08-31"; }},
      {"min fatalities", [](EventQuery& q) { q.min_fatalities = 30; }},
      {"historical", [](EventQuery& q) { q.historical = true; }},
      {"small box", [](EventQuery& q) { q.bbox = BoundingBox{30, 0, 34, 5}; }},
      {"large box + country", [](EventQuery& q) { q.bbox = BoundingBox{20, -10, 45, 20}; q.country = "Iraq"; }},
      {"text, many matches", [](EventQuery& q) { q.text = "shelling"; }},
      {"text, a word repeated", [](EventQuery& q) { q.text = "Shelling shelling SHELLING"; q.country = "Iraq"; }},
      {"text, many matches + country", [](EventQuery& q) { q.text = "SHELLING area"; q.country = "mli"; }},
      {"text, many matches + dates", [](EventQuery& q) { q.text = "shelling"; q.from = "2021-01-01"; q.to = "2021-12-31"; }},
      {"text, many matches + admin1 + type",
       [](EventQuery& q) { q.text = "shelling"; q.admin1 = "Khartoum"; q.event_type = "Battles"; }},
      {"text, many matches + box", [](EventQuery& q) { q.text = "hit"; q.bbox = BoundingBox{25, 0, 50, 25}; }},
      {"text, few matches", [](EventQuery& q) { q.text = "ambush"; }},
      {"text, few matches + country", [](EventQuery& q) { q.text = "ambush"; q.country = "Sudan"; }},
      {"text in articles", [](EventQuery& q) { q.text = "convoy road"; }},
      {"text in articles + type", [](EventQuery& q) { q.text = "convoy"; q.event_type = "Protests"; }},
      {"text words split over notes and article", [](EventQuery& q) { q.text = "ambush convoy"; }},
      {"text no match", [](EventQuery& q) { q.text = "zeppelin"; }},
  };
  for (const Case& c : cases) {
    for (const EventSort sort : {EventSort::kDateAsc, EventSort::kDateDesc, EventSort::kFatalitiesDesc, EventSort::kId}) {
      EventQuery q;
      c.set(q);
      q.sort = sort;
      const std::vector<std::string> want = ReferenceIds(g, q);
      const std::string label = std::string(c.name) + ", sort " + EventSortName(sort);
      // The whole result, then a page inside it.
      auto all = store_->Query(q);
      ASSERT_TRUE(all.ok()) << label << ": " << all.status().ToString();
      std::vector<std::string> got;
      for (const Event& e : all->events) got.push_back(e.event_id);
      EXPECT_EQ(got, want) << label;
      EXPECT_EQ(all->total, static_cast<int64_t>(want.size())) << label;
      q.offset = 3;
      q.limit = 20;
      EXPECT_EQ(Ids(q), std::vector<std::string>(want.begin() + std::min<size_t>(3, want.size()),
                                                 want.begin() + std::min<size_t>(23, want.size())))
          << label << ", page";
      auto n = store_->Count(q);
      ASSERT_TRUE(n.ok()) << label;
      EXPECT_EQ(*n, static_cast<int64_t>(want.size())) << label;
    }
  }
}

// Events that exercise every field and the values a typed column cannot give back as it got them
// (one coordinate only, -0, NaN, more digits than the JSON keeps, invalid UTF-8, a NUL byte).
// PostgreSQL text holds neither a NUL byte nor invalid UTF-8: those events are SQLite's only.
std::vector<Event> RoundTripEvents(bool odd_bytes = true) {
  std::vector<Event> out;
  Event full = MakeEvent("rt-full", "rt1", "2024-03-02", "Battles", "Armed clash", "Sudan", "SDN", 13.123456789123,
                         25.98765432101, 12, "Rapid Support Forces", "Clashes \"near\" El Fasher,\nnew line\ttab.");
  full.doc_ids = {"rt1", "rt-other"};
  full.date_start = "2024-03-01";
  full.time_precision = 2;
  full.date_prec = 2;
  full.actor2 = "Military Forces of Sudan (2019-)";
  full.assoc_actor_1 = {"Militia A", "Militia B"};
  full.assoc_actor_2 = {"Civilians (Sudan)"};
  full.inter2 = 1;
  full.interaction = 12;
  full.side_a = "Government of Sudan";
  full.side_b = "RSF";
  full.admin1 = "North Darfur";
  full.admin2 = "Al Fasher";
  full.geonameid = 379303;
  full.geo_precision = 1;
  full.where_prec = 2;
  full.deaths_best = 12;
  full.deaths_low = 10;
  full.deaths_high = 15;
  full.deaths_side_a = 3;
  full.deaths_side_b = 4;
  full.deaths_civilians = 5;
  full.deaths_unknown = 1;
  full.injured = 7;
  full.named_persons = {{"Ahmed Ali", "deputy commander", "killed"}, {"Sara \u00c9", "", "injured"}};
  full.historical = true;
  full.confidence = 0.123456789123;
  full.evidence.push_back({"actor1", "rt-other", 5, 26, "\u00ab Rapid Support \u00bb"});
  out.push_back(full);
  Event lat_only = MakeEvent("rt-lat", "rt1", std::nullopt, "Protests", "Peaceful protest", "Kenya", "KEN", -1.25,
                             std::nullopt, 0, "Protesters (Kenya)", "Only a latitude.");
  out.push_back(lat_only);
  Event lon_only = lat_only;
  lon_only.event_id = "rt-lon";
  lon_only.latitude.reset();
  lon_only.longitude = 36.5;
  out.push_back(lon_only);
  Event zeros = MakeEvent("rt-zero", "rt1", "2024-01-01", "Riots", "Mob violence", "Ghana", "GHA", 5.5, -0.0, 1,
                          "Rioters (Ghana)", "Minus zero.");
  zeros.confidence = -0.0;
  out.push_back(zeros);
  Event bare;
  bare.event_id = "rt-bare";
  bare.doc_ids = {"rt1"};
  out.push_back(bare);
  if (!odd_bytes) return out;
  Event nan = zeros;
  nan.event_id = "rt-nan";
  nan.latitude = std::numeric_limits<double>::quiet_NaN();
  nan.notes = "Not a number.";
  nan.confidence = 0.5;
  nan.longitude = 1.5;
  out.push_back(nan);
  Event odd = MakeEvent("rt-odd", "rt1", "2024-01-02", "Battles", "Armed clash", "Mali", "MLI", 16.0, -3.0, 2,
                        "JNIM", "Odd bytes.");
  odd.location = std::string("Ti\xff" "mbuktu") + '\0' + "x";
  odd.admin1 = std::string("\xc3(bad");
  out.push_back(odd);
  return out;
}

// Every read path gives back the event the stored JSON of versions before 6 parsed to, and its
// JSON: the JSON the store was given, except that -0 reads as 0 (as the JSON parser always did).
TEST_P(EventStoreTest, EventsRoundTripByteForByte) {
  const std::vector<Event> events = RoundTripEvents(GetParam() == "sqlite");
  Corpus c;
  c.docs = {MakeDoc("rt1", "Round trip article.")};
  c.events = {events};
  Ingest(c);
  std::map<std::string, std::string> want;
  for (const Event& e : events) {
    std::string given;
    AppendEventJson(e, &given);
    auto parsed = ParseEventJson(given);
    ASSERT_TRUE(parsed.ok());
    AppendEventJson(*parsed, &want[e.event_id]);
    if (e.event_id != "rt-zero") EXPECT_EQ(want[e.event_id], given) << e.event_id;
  }
  auto csv = [](ExportFormat f, const Event& e) {
    EventExporter x(f);
    std::string out;
    x.Add(e, &out);
    return out;
  };
  for (const Event& e : events) {
    const std::string& json = want[e.event_id];
    auto parsed = ParseEventJson(json);
    ASSERT_TRUE(parsed.ok());
    auto got = store_->Get(e.event_id);
    ASSERT_TRUE(got.ok()) << e.event_id << ": " << got.status().ToString();
    std::string got_json;
    AppendEventJson(*got, &got_json);
    EXPECT_EQ(got_json, json) << e.event_id;
    for (ExportFormat f : {ExportFormat::kAcledCsv, ExportFormat::kUcdpCsv, ExportFormat::kGeoJson}) {
      EXPECT_EQ(csv(f, *got), csv(f, *parsed)) << e.event_id;
    }
  }
  EventQuery q;
  q.sort = EventSort::kId;
  std::map<std::string, std::string> scanned;
  ASSERT_TRUE(store_->ScanJson(q, [&](std::string_view json) {
    auto e = ParseEventJson(json);
    if (!e.ok()) return e.status();
    if (e->event_id.starts_with("rt-")) scanned[e->event_id] = std::string(json);
    return Status::Ok();
  }).ok());
  EXPECT_EQ(scanned, want);
  q.text = "zero";
  auto page = store_->Query(q);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->events.size(), 1u);
  std::string page_json;
  AppendEventJson(page->events[0], &page_json);
  EXPECT_EQ(page_json, want["rt-zero"]);
}

INSTANTIATE_TEST_SUITE_P(Backends, EventStoreTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

// --- migrations -----------------------------------------------------------------------------

class SqliteMigrationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (std::filesystem::temp_directory_path() / ("sitrep_mig_" + std::to_string(::getpid()) + ".db")).string();
    Remove();
  }
  void TearDown() override { Remove(); }
  void Remove() {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix);
  }
  void Sql(const std::string& sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
    char* err = nullptr;
    EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err), SQLITE_OK) << (err ? err : "");
    sqlite3_free(err);
    sqlite3_close(db);
  }
  std::string path_;
};

TEST_F(SqliteMigrationTest, Version1IsMigratedWithItsRows) {
  ASSERT_TRUE(SqliteStore::CreateV1ForTest(path_).ok());
  Event e = SampleCorpus().events[1][0];
  std::string json;
  AppendEventJson(e, &json);
  std::string quoted;
  for (char c : json) {
    if (c == '\'') quoted.push_back('\'');
    quoted.push_back(c);
  }
  Sql("INSERT INTO articles VALUES ('a2', 'u', 't', '2024-05-02', 'A drone strike hit a convoy near Gao', 'h');"
      "INSERT INTO events VALUES ('ev-mali-1', 'Explosions/Remote violence', 'Air/drone strike', '2024-05-02', "
      "'Mali', NULL, 'Somewhere', 16.27, -0.04, 8, 0, '" + quoted + "');"
      "INSERT INTO event_articles VALUES ('ev-mali-1', 'a2');"
      "INSERT INTO evidence VALUES ('ev-mali-1', 'fatalities', 'a2', 0, 4, 'text');");
  auto store = SqliteStore::Open(path_);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  EventQuery q;
  q.country = "MLI";  // iso3 came from the JSON
  q.bbox = BoundingBox{-1, 16, 0, 17};
  q.text = "convoy";
  auto page = (*store)->Query(q);
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  ASSERT_EQ(page->events.size(), 1u);
  EXPECT_EQ(page->events[0].notes, e.notes);
  auto art = (*store)->GetArticle("a2");
  ASSERT_TRUE(art.ok());
  EXPECT_EQ(art->event_ids, std::vector<std::string>{"ev-mali-1"});
  EXPECT_EQ(*(*store)->Count(q), 1);
  store->reset();
  // Reopening a current database is a no-op.
  EXPECT_TRUE(SqliteStore::Open(path_).ok());
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(st, 0), SqliteStore::kSchemaVersion);
  sqlite3_finalize(st);
  sqlite3_close(db);
}

// A version-1 event without a country name (v1 allowed NULL) is still found by its ISO3 code
// after v1 -> v2 -> v3, and new events of that code are found beside it.
TEST_F(SqliteMigrationTest, Version1EventWithoutCountryIsFoundByCode) {
  ASSERT_TRUE(SqliteStore::CreateV1ForTest(path_).ok());
  Event e = SampleCorpus().events[1][0];
  std::string json;
  AppendEventJson(e, &json);
  std::string quoted;
  for (char c : json) {
    if (c == '\'') quoted.push_back('\'');
    quoted.push_back(c);
  }
  Sql("INSERT INTO articles VALUES ('a2', 'u', 't', '2024-05-02', 'A drone strike hit a convoy near Gao', 'h');"
      "INSERT INTO events VALUES ('ev-mali-1', 'Explosions/Remote violence', 'Air/drone strike', '2024-05-02', "
      "NULL, NULL, 'Somewhere', 16.27, -0.04, 8, 0, '" + quoted + "');"
      "INSERT INTO event_articles VALUES ('ev-mali-1', 'a2');");
  auto store = SqliteStore::Open(path_);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  Event later = SampleCorpus().events[1][0];
  later.event_id = "ev-mali-9";
  later.event_date = "2024-05-09";
  Document doc;
  doc.id = "a9";
  doc.text = "Later.";
  later.doc_ids = {"a9"};
  later.evidence.clear();
  auto sink = (*store)->MakeSink();
  ASSERT_TRUE(sink->Consume(doc, std::vector<Event>{later}).ok());
  ASSERT_TRUE(sink->Finish().ok());
  sink.reset();
  EventQuery q;
  q.country = "mli";
  auto page = (*store)->Query(q);
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  ASSERT_EQ(page->events.size(), 2u);
  EXPECT_EQ(page->events[0].event_id, "ev-mali-1");
  EXPECT_EQ(page->events[1].event_id, "ev-mali-9");
  EXPECT_EQ(page->total, 2);
}

// A SQL string literal of `v` (quotes doubled), for the old-version rows the migration tests
// write by hand.
std::string SqlQuote(const std::string& v) {
  std::string q = "'";
  for (char ch : v) {
    if (ch == '\'') q.push_back('\'');
    q.push_back(ch);
  }
  return q + "'";
}

// A version-4 database (internal-content FTS5, R*Tree, the version-3 indexes) keeps its rows and
// finds them through every new index after the upgrade to 5; the sink then adds and replaces
// events with FTS5 staying consistent.
TEST_F(SqliteMigrationTest, Version4IsMigratedWithItsRows) {
  ASSERT_TRUE(SqliteStore::CreateVersionForTest(path_, 4).ok());
  const Corpus c = SampleCorpus();
  std::string sql;
  auto opt = [&](const std::optional<std::string>& v) {
    return v ? SqlQuote(*v) : std::string("NULL");
  };
  auto num = [](const std::optional<double>& v) {
    return v ? std::to_string(*v) : std::string("NULL");
  };
  for (size_t i = 0; i < c.docs.size(); ++i) {
    const Document& d = c.docs[i];
    sql += "INSERT INTO articles(id, url, title, published, text, content_hash) VALUES (" +
           SqlQuote(d.id) + ", '', " + SqlQuote(d.title) + ", " + SqlQuote(d.published) + ", " +
           SqlQuote(d.text) + ", " + SqlQuote(ContentHash(d.text)) + ");";
    for (const Event& e : c.events[i]) {
      std::string json;
      AppendEventJson(e, &json);
      sql +=
          "INSERT INTO events(event_id, event_date, date_start, date_end, event_type, "
          "sub_event_type, country, "
          "iso3, admin1, latitude, longitude, fatalities, actor1, historical, notes, json) VALUES "
          "(" +
          SqlQuote(e.event_id) + ", " + opt(e.event_date) + ", " + opt(e.date_start) + ", " +
          opt(e.date_end) + ", " + SqlQuote(e.event_type) + ", " + SqlQuote(e.sub_event_type) +
          ", " + SqlQuote(e.country) + ", " + SqlQuote(e.iso3) + ", " + opt(e.admin1) + ", " +
          num(e.latitude) + ", " + num(e.longitude) + ", " + std::to_string(e.fatalities) + ", " +
          opt(e.actor1) + ", " + (e.historical ? "1" : "0") + ", " + SqlQuote(e.notes) + ", " +
          SqlQuote(json) + ");";
      sql += "INSERT INTO event_articles VALUES (" + SqlQuote(e.event_id) + ", " + SqlQuote(d.id) +
             ");";
      // Version 4 has no insert trigger: its sink indexed new rows like this.
      sql +=
          "INSERT INTO events_fts(rowid, notes) SELECT rid, notes FROM events WHERE event_id = " +
          SqlQuote(e.event_id) + ";";
      sql +=
          "INSERT INTO events_rtree SELECT rid, longitude, longitude, latitude, latitude FROM "
          "events "
          "WHERE event_id = " +
          SqlQuote(e.event_id) + " AND latitude IS NOT NULL;";
    }
  }
  Sql(sql);
  auto store = SqliteStore::Open(path_);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  auto ids = [&](const EventQuery& q) {
    auto page = (*store)->Query(q);
    EXPECT_TRUE(page.ok()) << page.status().ToString();
    std::vector<std::string> out;
    if (page.ok()) {
      for (const auto& e : page->events) out.push_back(e.event_id);
    }
    return out;
  };
  EventQuery q;
  EXPECT_EQ(ids(q), (std::vector<std::string>{"ev-iraq-2", "ev-iraq-1", "ev-mali-1", "ev-kenya-1"}));
  q.text = "convoy";  // notes
  EXPECT_EQ(ids(q), std::vector<std::string>{"ev-mali-1"});
  q.text = "officials";  // article text
  EXPECT_EQ(ids(q), (std::vector<std::string>{"ev-iraq-2", "ev-iraq-1"}));
  q = EventQuery{};
  q.bbox = BoundingBox{-5, 10, 5, 20};
  EXPECT_EQ(ids(q), std::vector<std::string>{"ev-mali-1"});
  q = EventQuery{};
  q.admin1 = "anbar";
  q.event_type = "battles";
  EXPECT_EQ(ids(q), (std::vector<std::string>{"ev-iraq-2", "ev-iraq-1"}));
  q = EventQuery{};
  q.country = "IRQ";
  q.actor = "islamic";
  EXPECT_EQ(ids(q), std::vector<std::string>{"ev-iraq-2"});
  // Changed content replaces the article's events (FTS5 deletes them); a new article adds one.
  auto sink = (*store)->MakeSink();
  Document changed = c.docs[1];
  changed.text = "A drone strike hit a convoy near Gao; nine killed.";
  Event replaced = c.events[1][0];
  replaced.event_id = "ev-mali-2";
  replaced.notes = "Drone strike on a truck near Gao.";
  ASSERT_TRUE(sink->Consume(changed, std::vector<Event>{replaced}).ok());
  ASSERT_TRUE(sink->Finish().ok());
  sink.reset();
  q = EventQuery{};
  q.text = "truck";
  EXPECT_EQ(ids(q), std::vector<std::string>{"ev-mali-2"});
  q.text = "convoy";  // the old notes are gone; the new article text still says convoy
  EXPECT_EQ(ids(q), std::vector<std::string>{"ev-mali-2"});
  q.text = "eight";  // the old article text is gone from FTS5
  EXPECT_TRUE(ids(q).empty());
  store->reset();
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  auto one = [&](const char* query) { return FirstValue(db, query); };
  EXPECT_EQ(one("PRAGMA user_version"), std::to_string(SqliteStore::kSchemaVersion));
  EXPECT_EQ(one("SELECT count(*) FROM sqlite_master WHERE name = 'events_rtree'"), "0");
  EXPECT_EQ(one("SELECT count(*) FROM sqlite_master WHERE name = 'events_lon_lat'"), "1");
  EXPECT_EQ(one("INSERT INTO events_fts(events_fts) VALUES ('integrity-check')"), "");
  EXPECT_EQ(one("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')"), "");
  sqlite3_close(db);
}

// A version-5 database (each event's full JSON beside its columns, the evidence table) is migrated
// to 6 keeping every event byte for byte (its columns rewritten from the JSON, which was the whole
// event), its links and its full text; the evidence table is gone.
TEST_F(SqliteMigrationTest, Version5IsMigratedKeepingEveryEventByteForByte) {
  ASSERT_TRUE(SqliteStore::CreateVersionForTest(path_, 5).ok());
  const std::vector<Event> events = RoundTripEvents(false);  // no NUL: the SQL below is text
  std::string sql = "INSERT INTO articles(id, url, title, published, text, content_hash) VALUES ('rt1', '', 't', "
                    "'2024-03-03', 'Round trip article about the market.', 'h');";
  std::map<std::string, std::string> want;
  for (const Event& e : events) {
    std::string json;
    AppendEventJson(e, &json);
    auto parsed = ParseEventJson(json);
    ASSERT_TRUE(parsed.ok());
    AppendEventJson(*parsed, &want[e.event_id]);  // what version 5 read back
    // Only some columns: version 1 rows had fewer (a NULL country); the JSON is the event.
    sql += "INSERT INTO events(event_id, country, iso3, notes, json) VALUES (" +
           SqlQuote(e.event_id) + ", NULL, " + SqlQuote(e.iso3) + ", " + SqlQuote(e.notes) + ", " +
           SqlQuote(json) + ");";
    sql += "INSERT INTO event_articles VALUES (" + SqlQuote(e.event_id) + ", 'rt1');";
    sql += "INSERT INTO events_fts(rowid, notes) SELECT rid, notes FROM events WHERE event_id = " +
           SqlQuote(e.event_id) + ";";
    for (const Evidence& ev : e.evidence) {
      sql += "INSERT INTO evidence VALUES (" + SqlQuote(e.event_id) + ", " +
             SqlQuote(std::string(ev.field)) + ", " + SqlQuote(std::string(ev.doc_id())) +
             ", 0, 1, " + SqlQuote(std::string(ev.text())) + ");";
    }
  }
  Sql(sql);
  {
    auto store = SqliteStore::Open(path_);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    std::map<std::string, std::string> got;
    ASSERT_TRUE((*store)->ScanJson(EventQuery{}, [&](std::string_view json) {
      auto e = ParseEventJson(json);
      if (!e.ok()) return e.status();
      got[e->event_id] = std::string(json);
      return Status::Ok();
    }).ok());
    EXPECT_EQ(got, want);
    EventQuery q;
    q.country = "Sudan";  // the column came from the JSON
    q.text = "fasher";
    auto page = (*store)->Query(q);
    ASSERT_TRUE(page.ok()) << page.status().ToString();
    ASSERT_EQ(page->events.size(), 1u);
    EXPECT_EQ(page->events[0].event_id, "rt-full");
    q = EventQuery{};
    q.bbox = BoundingBox{25, 13, 26, 14};
    EXPECT_EQ(*(*store)->Count(q), 1);
    auto art = (*store)->GetArticle("rt1");
    ASSERT_TRUE(art.ok());
    EXPECT_EQ(art->event_ids.size(), events.size());
    // New events go through the version-6 sink beside the migrated ones.
    auto sink = (*store)->MakeSink();
    const Corpus c = SampleCorpus();
    for (size_t i = 0; i < c.docs.size(); ++i) ASSERT_TRUE(sink->Consume(c.docs[i], c.events[i]).ok());
    ASSERT_TRUE(sink->Finish().ok());
    sink.reset();
    EXPECT_EQ(*(*store)->Count(EventQuery{}), static_cast<int64_t>(events.size()) + 4);
  }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  auto one = [&](const char* query) { return FirstValue(db, query); };
  EXPECT_EQ(one("PRAGMA user_version"), "6");
  EXPECT_EQ(one("SELECT count(*) FROM sqlite_master WHERE name = 'evidence'"), "0");
  EXPECT_EQ(one("SELECT count(*) FROM pragma_table_info('events') WHERE name = 'json'"), "0");
  EXPECT_EQ(one("SELECT count(*) FROM event_articles"), std::to_string(events.size() + 4));
  EXPECT_EQ(one("PRAGMA foreign_key_check"), "");
  EXPECT_EQ(one("INSERT INTO events_fts(events_fts) VALUES ('integrity-check')"), "");
  sqlite3_close(db);
}

// A load into an empty store builds the query indexes at its end; one missing (a load killed
// before its end) is rebuilt by the next open; the query plans use them.
TEST_F(SqliteMigrationTest, QueryIndexesExistAfterALoadAndAfterOpen) {
  auto index_count = [&]() {
    sqlite3* db = nullptr;
    EXPECT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
    sqlite3_stmt* st = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name LIKE 'events_%'",
                                 -1, &st, nullptr),
              SQLITE_OK);
    EXPECT_EQ(sqlite3_step(st), SQLITE_ROW);
    const int n = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return n;
  };
  {
    auto store = SqliteStore::Open(path_);
    ASSERT_TRUE(store.ok());
    const int all = index_count();
    EXPECT_GE(all, 7);
    auto sink = (*store)->MakeSink(1);
    const Corpus c = SampleCorpus();
    ASSERT_TRUE(sink->Consume(c.docs[0], c.events[0]).ok());
    EXPECT_LT(index_count(), all);  // committed, indexes deferred
    for (size_t i = 1; i < c.docs.size(); ++i) ASSERT_TRUE(sink->Consume(c.docs[i], c.events[i]).ok());
    ASSERT_TRUE(sink->Finish().ok());
    EXPECT_EQ(index_count(), all);
    sink.reset();
    store->reset();
    Sql("DROP INDEX events_country_date; DROP INDEX events_lon_lat");
    EXPECT_EQ(index_count(), all - 2);
    auto again = SqliteStore::Open(path_);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(index_count(), all);
    EventQuery q;
    q.country = "irq";
    auto page = (*again)->Query(q);
    ASSERT_TRUE(page.ok());
    EXPECT_EQ(page->total, 2);
  }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  auto plan = [&](const std::string& query) {
    sqlite3_stmt* st = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db, ("EXPLAIN QUERY PLAN " + query).c_str(), -1, &st, nullptr), SQLITE_OK);
    std::string out;
    while (sqlite3_step(st) == SQLITE_ROW) out += reinterpret_cast<const char*>(sqlite3_column_text(st, 3)) + std::string("\n");
    sqlite3_finalize(st);
    return out;
  };
  // The common pairs are answered from one index, without reading rows or sorting.
  EXPECT_NE(plan("SELECT e.rid FROM events e WHERE e.admin1 = 'a' AND e.event_type = 'b' ORDER BY e.event_date, "
                 "e.event_id").find("COVERING INDEX events_admin1_type"), std::string::npos);
  EXPECT_NE(plan("SELECT count(*) FROM events e WHERE e.country = 'Iraq' AND e.iso3 = 'IRQ' AND e.event_date >= "
                 "'2020-01-01' AND (e.actor1 LIKE '%x%' ESCAPE '\\' OR e.actor2 LIKE '%x%' ESCAPE '\\')")
                .find("COVERING INDEX events_country_date"), std::string::npos);
  EXPECT_NE(plan("SELECT count(*) FROM events e WHERE e.longitude BETWEEN 1 AND 2 AND e.latitude BETWEEN 3 AND 4")
                .find("COVERING INDEX events_lon_lat"), std::string::npos);
  sqlite3_close(db);
}

TEST_F(SqliteMigrationTest, NewerVersionIsRefused) {
  ASSERT_TRUE(SqliteStore::Open(path_).ok());
  Sql("PRAGMA user_version = 7");
  auto store = SqliteStore::Open(path_);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), ErrorCode::kUnsupported);
  EXPECT_NE(store.status().message().find("newer sitrep"), std::string::npos) << store.status().message();
}

TEST_F(SqliteMigrationTest, ForeignDatabaseIsRefused) {
  Sql("CREATE TABLE other(x)");
  auto store = SqliteStore::Open(path_);
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.status().message().find("no sitrep schema version"), std::string::npos);
}

TEST(PostgresMigrationTest, NewerVersionIsRefused) {
  if (PgUri().empty()) GTEST_SKIP() << "SITREP_TEST_PG not set";
  const std::string schema = SchemaName();
  const std::string uri = PgSchemaUri(schema);
  ASSERT_TRUE(PostgresStore::Open(uri).ok());
  PGconn* conn = PQconnectdb(uri.c_str());
  ASSERT_EQ(PQstatus(conn), CONNECTION_OK);
  PQclear(PQexec(conn, "UPDATE sitrep_schema SET version = 9"));
  PQfinish(conn);
  auto store = PostgresStore::Open(uri);
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.status().message().find("newer sitrep"), std::string::npos) << store.status().message();
  DropPgSchema(schema);
}

// A version-2 database (the first PostgreSQL schema) is migrated to 6 keeping its rows.
TEST(PostgresMigrationTest, Version2IsMigratedKeepingRows) {
  if (PgUri().empty()) GTEST_SKIP() << "SITREP_TEST_PG not set";
  const std::string schema = SchemaName();
  const std::string uri = PgSchemaUri(schema);
  {
    auto store = PostgresStore::Open(uri);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    auto sink = (*store)->MakeSink();
    const Corpus c = SampleCorpus();
    for (size_t i = 0; i < c.docs.size(); ++i) ASSERT_TRUE(sink->Consume(c.docs[i], c.events[i]).ok());
    ASSERT_TRUE(sink->Finish().ok());
  }
  PGconn* conn = PQconnectdb(uri.c_str());
  ASSERT_EQ(PQstatus(conn), CONNECTION_OK);
  // Back to the version-2 indexes.
  PQclear(PQexec(conn, "DROP INDEX events_admin1_type; DROP INDEX events_sub_type_date; DROP INDEX events_fatalities; "
                       "CREATE INDEX events_admin1 ON events (lower(admin1)); "
                       "CREATE INDEX events_fatalities ON events (fatalities); UPDATE sitrep_schema SET version = 2"));
  auto store = PostgresStore::Open(uri);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  // Only this test's schema: tests running at the same time have the same indexes in theirs.
  PGresult* r = PQexec(conn, "SELECT (SELECT version FROM sitrep_schema), "
                             "(SELECT count(*) FROM pg_indexes WHERE schemaname = current_schema() AND "
                             "indexname IN ('events_admin1_type', 'events_sub_type_date', 'events_fatalities')), "
                             "(SELECT count(*) FROM pg_indexes WHERE schemaname = current_schema() AND "
                             "indexname = 'events_admin1'), "
                             "(SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() AND "
                             "tablename = 'evidence')");
  ASSERT_EQ(PQresultStatus(r), PGRES_TUPLES_OK);
  EXPECT_EQ(std::string(PQgetvalue(r, 0, 0)), std::to_string(PostgresStore::kSchemaVersion));
  EXPECT_EQ(std::string(PQgetvalue(r, 0, 1)), "3");
  EXPECT_EQ(std::string(PQgetvalue(r, 0, 2)), "0");
  EXPECT_EQ(std::string(PQgetvalue(r, 0, 3)), "0");  // 6: evidence is stored with its event only
  PQclear(r);
  PQfinish(conn);
  EventQuery q;
  q.admin1 = "anbar";
  q.event_type = "battles";
  auto page = (*store)->Query(q);
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  EXPECT_EQ(page->total, 2);
  store->reset();
  DropPgSchema(schema);
}

// --- exports --------------------------------------------------------------------------------

std::string Export(ExportFormat f, const std::vector<Event>& events) {
  EventExporter x(f);
  std::string out;
  x.Begin(&out);
  for (const auto& e : events) x.Add(e, &out);
  x.End(&out);
  return out;
}

std::vector<Event> AllSampleEvents() {
  std::vector<Event> all;
  for (const auto& v : SampleCorpus().events) all.insert(all.end(), v.begin(), v.end());
  return all;
}

TEST(ExportTest, AcledHas31ColumnsInAcledOrder) {
  ASSERT_EQ(AcledColumns().size(), 31u);
  EXPECT_EQ(AcledColumns().front(), "event_id_cnty");
  EXPECT_EQ(AcledColumns()[5], "event_type");
  EXPECT_EQ(AcledColumns()[28], "fatalities");
  EXPECT_EQ(AcledColumns().back(), "timestamp");
  const std::string csv = Export(ExportFormat::kAcledCsv, AllSampleEvents());
  EXPECT_TRUE(csv.starts_with("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,"));
  // The quoted notes field: doubled quotes, commas kept inside.
  EXPECT_NE(csv.find("\"Protest in Nairobi against a finance bill, with \"\"quotes\"\", commas.\""),
            std::string::npos);
  EXPECT_NE(csv.find("ev-mali-1,2024-05-02,2024,3,Political violence,Explosions/Remote violence,"),
            std::string::npos);
}

TEST(ExportTest, CsvFieldQuotingFollowsRfc4180) {
  struct Case {
    const char* in;
    const char* out;
  };
  for (const Case& c : std::vector<Case>{{"plain", "plain"},
                                         {"a,b", "\"a,b\""},
                                         {"say \"hi\"", "\"say \"\"hi\"\"\""},
                                         {"line\nbreak", "\"line\nbreak\""},
                                         {"cr\r", "\"cr\r\""},
                                         {"", ""}}) {
    std::string out;
    AppendCsvField(c.in, &out);
    EXPECT_EQ(out, c.out);
  }
}

TEST(ExportTest, UcdpUsesGedColumnNames) {
  const auto& cols = UcdpColumns();
  for (const char* name : {"id", "relid", "year", "active_year", "type_of_violence", "conflict_name", "dyad_name",
                           "side_a", "side_b", "where_prec", "latitude", "longitude", "date_prec", "date_start",
                           "date_end", "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "best",
                           "high", "low"}) {
    EXPECT_NE(std::find(cols.begin(), cols.end(), name), cols.end()) << name;
  }
  const std::string csv = Export(ExportFormat::kUcdpCsv, AllSampleEvents());
  size_t lines = 0;
  for (char c : csv) lines += c == '\n';
  EXPECT_EQ(lines, 5u);
  EXPECT_NE(csv.find("POINT (-0.04 16.27)"), std::string::npos);
}

TEST(ExportTest, GeoJsonIsAValidFeatureCollection) {
  const std::string text = Export(ExportFormat::kGeoJson, AllSampleEvents());
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  ASSERT_EQ(parser.parse(text).get(root), simdjson::SUCCESS) << text;
  EXPECT_EQ(std::string_view(root["type"]), "FeatureCollection");
  simdjson::dom::array features = root["features"];
  ASSERT_EQ(features.size(), 4u);
  int null_geometry = 0;
  for (simdjson::dom::element f : features) {
    EXPECT_EQ(std::string_view(f["type"]), "Feature");
    if (f["geometry"].is_null()) {
      ++null_geometry;
      continue;
    }
    EXPECT_EQ(std::string_view(f["geometry"]["type"]), "Point");
    simdjson::dom::array xy = f["geometry"]["coordinates"];
    ASSERT_EQ(xy.size(), 2u);
    if (std::string_view(f["id"]) == "ev-mali-1") {  // [lon, lat]
      EXPECT_DOUBLE_EQ(double(xy.at(0)), -0.04);
      EXPECT_DOUBLE_EQ(double(xy.at(1)), 16.27);
    }
  }
  EXPECT_EQ(null_geometry, 1);
  EXPECT_EQ(Export(ExportFormat::kGeoJson, {}), "{\"type\":\"FeatureCollection\",\"features\":[\n\n]}\n");
  EXPECT_FALSE(ParseExportFormat("xml").ok());
}

}  // namespace
}  // namespace sitrep
