// sitrep::server over HTTP: a server on 127.0.0.1 (a free port) over a temporary SQLite database
// filled through the store's sink with invented events, driven by cpp-httplib's client.
#include <gtest/gtest.h>
#include <httplib.h>
#include <simdjson.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "server/api.h"
#include "server/api_points.h"
#include "sitrep/event_store.h"
#include "sitrep/server.h"

namespace sitrep {
namespace {

namespace fs = std::filesystem;
namespace dom = simdjson::dom;

// ---------------------------------------------------------------------------------------------
// Test data: three articles, five events (all invented).

// Multibyte text on both sides of the evidence span so the 200-byte context windows fall inside
// a UTF-8 sequence and must be trimmed.
std::string KidalText() {
  std::string t(50, 'x');
  for (int i = 0; i < 100; ++i) t += "\xC3\xA9";  // é
  t += " Twelve soldiers were killed near Kidal. xy";
  for (int i = 0; i < 150; ++i) t += "\xC3\xA9";
  t += " Three villagers died in Mopti.";
  return t;
}

const std::string kOmdurmanText = "A drone strike hit the Omdurman bridge; forty people were killed.";
const std::string kMixedText = "Shelling in Kharkiv recalled the 2023 attacks. Crowds protested in Basra.";

Evidence Span(const std::string& field, const std::string& doc, const std::string& text, const std::string& what) {
  const size_t at = text.find(what);
  EXPECT_NE(at, std::string::npos) << what;
  return {field, doc, static_cast<uint32_t>(at), static_cast<uint32_t>(at + what.size()), what};
}

Event MakeEvent(std::string id, std::string doc, std::string type, std::string sub, std::optional<std::string> date,
                std::string country, std::string iso3, std::optional<std::string> admin1, std::optional<double> lat,
                std::optional<double> lon, int fatalities, std::optional<std::string> actor1,
                std::optional<std::string> actor2, std::string notes) {
  Event e;
  e.event_id = std::move(id);
  e.doc_ids = {std::move(doc)};
  e.event_type = std::move(type);
  e.sub_event_type = std::move(sub);
  e.event_date = e.date_start = e.date_end = std::move(date);
  e.country = std::move(country);
  e.iso3 = std::move(iso3);
  e.admin1 = std::move(admin1);
  e.location = e.admin1.value_or(e.country);
  e.latitude = lat;
  e.longitude = lon;
  e.fatalities = e.deaths_best = e.deaths_low = e.deaths_high = fatalities;
  e.actor1 = std::move(actor1);
  e.actor2 = std::move(actor2);
  e.confidence = 0.9;
  e.notes = std::move(notes);
  return e;
}

Status FillDatabase(const std::string& path) {
  auto store = OpenEventStore(path);
  if (!store.ok()) return store.status();
  auto sink = (*store)->MakeSink();

  Document d1;
  d1.id = "d1";
  d1.url = "https://example.org/mali";
  d1.title = "Clashes in northern Mali";
  d1.published = "2024-03-06";
  d1.text = KidalText();
  Event a = MakeEvent("ev-a", "d1", "Battles", "Armed clash", "2024-03-01", "Mali", "MLI", "Kidal", 18.44, 1.41, 12,
                      "Military Forces of Mali", "JNIM", "Soldiers clashed with JNIM fighters near Kidal.");
  a.evidence = {Span("fatalities", "d1", d1.text, "Twelve soldiers were killed"),
                Span("location", "d1", d1.text, "Kidal")};
  Event b = MakeEvent("ev-b", "d1", "Violence against civilians", "Attack", "2024-03-05", "Mali", "MLI", "Mopti",
                      14.49, -4.19, 3, "Unidentified Armed Group", std::nullopt, "Villagers were attacked in Mopti.");
  b.evidence = {Span("fatalities", "d1", d1.text, "Three villagers died")};
  SITREP_RETURN_IF_ERROR(sink->Consume(d1, std::vector<Event>{a, b}));

  Document d2;
  d2.id = "d2";
  d2.url = "https://example.org/sudan";
  d2.title = "Strike on a bridge";
  d2.published = "2024-04-11";
  d2.text = kOmdurmanText;
  Event c = MakeEvent("ev-c", "d2", "Explosions/Remote violence", "Air/drone strike", "2024-04-10", "Sudan", "SDN",
                      "Khartoum", 15.64, 32.48, 40, "Military Forces of Sudan", "Rapid Support Forces",
                      "A drone strike hit the Omdurman bridge.");
  c.evidence = {Span("fatalities", "d2", d2.text, "forty people were killed")};
  SITREP_RETURN_IF_ERROR(sink->Consume(d2, std::vector<Event>{c}));

  Document d3;
  d3.id = "d3";
  d3.title = "Background";
  d3.published = "2024-01-02";
  d3.text = kMixedText;
  Event d = MakeEvent("ev-d", "d3", "Explosions/Remote violence", "Shelling/artillery/missile attack", "2023-12-31",
                      "Ukraine", "UKR", "Kharkiv", 49.99, 36.23, 0, "Military Forces of Russia", std::nullopt,
                      "Shelling in Kharkiv.");
  d.historical = true;
  Event e = MakeEvent("ev-e", "d3", "Protests", "Peaceful protest", std::nullopt, "Iraq", "IRQ", std::nullopt,
                      std::nullopt, std::nullopt, 0, "Protesters (Iraq)", std::nullopt, "Crowds protested.");
  SITREP_RETURN_IF_ERROR(sink->Consume(d3, std::vector<Event>{d, e}));
  return sink->Finish();
}

// Everything the API could have changed, read back through the store: events, articles, links.
std::string Dump(const std::string& path) {
  auto store = OpenEventStore(path);
  EXPECT_TRUE(store.ok()) << store.status().ToString();
  std::string out;
  EventQuery all;
  all.sort = EventSort::kId;
  EXPECT_TRUE((*store)->Scan(all, [&](const Event& e) {
                 AppendEventJson(e, &out);
                 out += '\n';
                 return Status::Ok();
               }).ok());
  auto articles = (*store)->ListArticles();
  EXPECT_TRUE(articles.ok());
  for (const auto& a : *articles) {
    auto full = (*store)->GetArticle(a.id);
    EXPECT_TRUE(full.ok());
    out += full->id + "|" + full->title + "|" + full->published + "|" + full->text + "|";
    for (const auto& id : full->event_ids) out += id + ",";
    out += '\n';
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Fixture: one read-only server for the suite, over the database and a static folder.

class ServerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new fs::path(fs::temp_directory_path() / ("sitrep_server_test_" + std::to_string(::getpid())));
    fs::remove_all(*dir_);
    fs::create_directories(*dir_ / "web" / "sub");
    db_ = new std::string((*dir_ / "events.db").string());
    ASSERT_TRUE(FillDatabase(*db_).ok());
    Write(*dir_ / "web" / "index.html", "<!doctype html><title>dashboard</title>");
    Write(*dir_ / "web" / "app.js", "console.log('hi');");
    Write(*dir_ / "web" / "sub" / "index.html", "sub index");
    Write(*dir_ / "secret.txt", "TOP SECRET");
    fs::create_symlink(*dir_ / "secret.txt", *dir_ / "web" / "link-out.txt");

    ServerOptions options;
    options.port = 0;
    options.db = *db_;
    options.static_dir = (*dir_ / "web").string();
    options.threads = 8;
    auto server = Server::Start(options);
    ASSERT_TRUE(server.ok()) << server.status().ToString();
    server_ = server->release();
  }
  static void TearDownTestSuite() {
    delete server_;
    fs::remove_all(*dir_);
    delete dir_;
    delete db_;
  }
  static void Write(const fs::path& p, const std::string& s) { std::ofstream(p, std::ios::binary) << s; }

  static httplib::Client Client(int port = 0) {
    httplib::Client cli("127.0.0.1", port ? port : server_->port());
    cli.set_connection_timeout(5, 0);
    cli.set_read_timeout(10, 0);
    cli.set_url_encode(false);
    return cli;
  }

  struct Reply {
    int status = 0;
    std::string body;
    std::string content_type;
  };
  static Reply Get(const std::string& path, const httplib::Params& params = {}, int port = 0) {
    auto res = Client(port).Get(path, params, httplib::Headers{});
    if (!res) return {-1, "no response: " + httplib::to_string(res.error()), ""};
    return {res->status, res->body, res->get_header_value("Content-Type")};
  }

  // Parses `body` as JSON, failing the test when it is not.
  dom::element Json(const std::string& body) {
    dom::element e;
    auto err = parser_.parse(body).get(e);
    EXPECT_EQ(err, simdjson::SUCCESS) << body.substr(0, 300);
    return e;
  }
  // The event ids of a full /api/events page, in order.
  std::vector<std::string> Ids(const httplib::Params& params) {
    Reply r = Get("/api/events", params);
    EXPECT_EQ(r.status, 200) << r.body;
    std::vector<std::string> ids;
    if (r.status != 200) return ids;
    for (dom::element e : Json(r.body)["events"].get_array()) ids.emplace_back(std::string_view(e["event_id"]));
    return ids;
  }
  // The error message of a JSON error reply with `status`.
  std::string ErrorMessage(const Reply& r, int status) {
    EXPECT_EQ(r.status, status) << r.body;
    EXPECT_EQ(r.content_type, "application/json; charset=utf-8") << r.body;
    dom::element e = Json(r.body);
    int64_t s = 0;
    EXPECT_EQ(e["error"]["status"].get_int64().get(s), simdjson::SUCCESS) << r.body;
    EXPECT_EQ(s, status);
    std::string_view m;
    EXPECT_EQ(e["error"]["message"].get_string().get(m), simdjson::SUCCESS) << r.body;
    return std::string(m);
  }

  static fs::path* dir_;
  static std::string* db_;
  static Server* server_;
  dom::parser parser_;
};

fs::path* ServerTest::dir_ = nullptr;
std::string* ServerTest::db_ = nullptr;
Server* ServerTest::server_ = nullptr;

using IdList = std::vector<std::string>;

TEST_F(ServerTest, BindsLoopbackOnAFreePort) {
  EXPECT_GT(server_->port(), 0);
  EXPECT_EQ(Get("/api/events").status, 200);
}

TEST_F(ServerTest, EventsDefaultPage) {
  Reply r = Get("/api/events");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.content_type, "application/json; charset=utf-8");
  dom::element e = Json(r.body);
  EXPECT_EQ(int64_t(e["total"]), 5);
  EXPECT_EQ(int64_t(e["limit"]), 100);
  EXPECT_EQ(int64_t(e["offset"]), 0);
  EXPECT_EQ(Ids({}), (IdList{"ev-e", "ev-d", "ev-a", "ev-b", "ev-c"}));  // by date, undated first
  // Events are written as AppendEventJson writes them.
  dom::element first = Json(r.body)["events"].at(2);
  EXPECT_EQ(std::string_view(first["country"]), "Mali");
  EXPECT_EQ(int64_t(first["fatalities"]), 12);
  EXPECT_EQ(first["evidence"].get_array().size(), 2u);
}

TEST_F(ServerTest, EachFilter) {
  const struct {
    httplib::Params params;
    IdList expected;
  } cases[] = {
      {{{"country", "Mali"}}, {"ev-a", "ev-b"}},
      {{{"country", "mli"}}, {"ev-a", "ev-b"}},
      {{{"country", "sudan"}}, {"ev-c"}},
      {{{"admin1", "Kidal"}}, {"ev-a"}},
      {{{"type", "Battles"}}, {"ev-a"}},
      {{{"type", "Explosions/Remote violence"}}, {"ev-d", "ev-c"}},
      {{{"sub_type", "Air/drone strike"}}, {"ev-c"}},
      {{{"actor", "JNIM"}}, {"ev-a"}},
      {{{"actor", "Rapid Support"}}, {"ev-c"}},
      {{{"from", "2024-03-02"}}, {"ev-b", "ev-c"}},
      {{{"to", "2024-03-01"}}, {"ev-d", "ev-a"}},
      {{{"from", "2024-03-01"}, {"to", "2024-03-05"}}, {"ev-a", "ev-b"}},
      {{{"bbox", "-10,10,5,20"}}, {"ev-a", "ev-b"}},
      {{{"bbox", "30,10,40,55"}}, {"ev-d", "ev-c"}},
      {{{"min_fatalities", "10"}}, {"ev-a", "ev-c"}},
      {{{"q", "Omdurman"}}, {"ev-c"}},
      {{{"historical", "true"}}, {"ev-d"}},
      {{{"historical", "false"}}, {"ev-e", "ev-a", "ev-b", "ev-c"}},
      {{{"country", "Mali"}, {"min_fatalities", "5"}}, {"ev-a"}},
      {{{"country", ""}, {"type", ""}}, {"ev-e", "ev-d", "ev-a", "ev-b", "ev-c"}},  // empty = unset
      {{{"country", "Atlantis"}}, {}},
  };
  for (const auto& c : cases) {
    std::string label;
    for (const auto& [k, v] : c.params) label += k + "=" + v + " ";
    EXPECT_EQ(Ids(c.params), c.expected) << label;
  }
}

TEST_F(ServerTest, PaginationAndSorting) {
  EXPECT_EQ(Ids({{"sort", "-date"}, {"limit", "2"}}), (IdList{"ev-c", "ev-b"}));
  EXPECT_EQ(Ids({{"sort", "-date"}, {"limit", "2"}, {"offset", "2"}}), (IdList{"ev-a", "ev-d"}));
  EXPECT_EQ(Ids({{"sort", "-date"}, {"limit", "2"}, {"offset", "4"}}), (IdList{"ev-e"}));
  EXPECT_EQ(Ids({{"offset", "99"}}), IdList{});
  EXPECT_EQ(Ids({{"sort", "fatalities"}, {"limit", "3"}}), (IdList{"ev-c", "ev-a", "ev-b"}));
  EXPECT_EQ(Ids({{"sort", "id"}}), (IdList{"ev-a", "ev-b", "ev-c", "ev-d", "ev-e"}));
  Reply r = Get("/api/events", {{"limit", "2"}, {"offset", "1"}});
  dom::element e = Json(r.body);
  EXPECT_EQ(int64_t(e["total"]), 5);  // the total ignores the page
  EXPECT_EQ(int64_t(e["limit"]), 2);
  EXPECT_EQ(int64_t(e["offset"]), 1);
  // limit=0: only the total.
  r = Get("/api/events", {{"limit", "0"}, {"country", "Mali"}});
  ASSERT_EQ(r.status, 200);
  e = Json(r.body);
  EXPECT_EQ(int64_t(e["total"]), 2);
  EXPECT_EQ(e["events"].get_array().size(), 0u);
  // The maximum page size is accepted.
  EXPECT_EQ(Get("/api/events", {{"limit", "100000"}}).status, 200);
}

TEST_F(ServerTest, CompactFormat) {
  Reply r = Get("/api/events", {{"format", "compact"}, {"sort", "id"}});
  ASSERT_EQ(r.status, 200) << r.body;
  dom::element e = Json(r.body);
  EXPECT_EQ(int64_t(e["total"]), 5);
  std::vector<std::string> columns;
  for (dom::element c : e["columns"].get_array()) columns.emplace_back(std::string_view(c));
  EXPECT_EQ(columns, (std::vector<std::string>{"event_id", "event_date", "latitude", "longitude", "fatalities",
                                               "event_type", "sub_event_type", "country", "admin1", "actor1",
                                               "actor2"}));
  dom::array rows = e["rows"];
  ASSERT_EQ(rows.size(), 5u);
  dom::element a = rows.at(0);
  EXPECT_EQ(std::string_view(a.at(0)), "ev-a");
  EXPECT_EQ(std::string_view(a.at(1)), "2024-03-01");
  EXPECT_NEAR(double(a.at(2)), 18.44, 1e-9);
  EXPECT_NEAR(double(a.at(3)), 1.41, 1e-9);
  EXPECT_EQ(int64_t(a.at(4)), 12);
  EXPECT_EQ(std::string_view(a.at(7)), "Mali");
  EXPECT_EQ(std::string_view(a.at(10)), "JNIM");
  dom::element ev_e = rows.at(4);  // undated, unplaced
  EXPECT_TRUE(ev_e.at(1).is_null());
  EXPECT_TRUE(ev_e.at(2).is_null());
  EXPECT_TRUE(ev_e.at(8).is_null());

  // Paged compact output keeps the full total.
  r = Get("/api/events", {{"format", "compact"}, {"limit", "2"}, {"offset", "1"}});
  e = Json(r.body);
  EXPECT_EQ(int64_t(e["total"]), 5);
  EXPECT_EQ(e["rows"].get_array().size(), 2u);
  r = Get("/api/events", {{"format", "compact"}, {"limit", "3"}, {"offset", "3"}});
  e = Json(r.body);
  EXPECT_EQ(int64_t(e["total"]), 5);
  EXPECT_EQ(e["rows"].get_array().size(), 2u);
  r = Get("/api/events", {{"format", "compact"}, {"offset", "10"}});
  EXPECT_EQ(int64_t(Json(r.body)["total"]), 5);
}

// GET /api/points: one array per field; text fields as values + codes; days and 1e-5 degrees.
TEST_F(ServerTest, PointsAreColumns) {
  Reply r = Get("/api/points", {{"sort", "id"}});
  ASSERT_EQ(r.status, 200) << r.body;
  dom::element e = Json(r.body);
  EXPECT_EQ(int64_t(e["total"]), 5);
  EXPECT_EQ(int64_t(e["count"]), 5);
  std::vector<std::string> ids;
  for (dom::element x : e["event_id"].get_array()) ids.emplace_back(std::string_view(x));
  EXPECT_EQ(ids, (IdList{"ev-a", "ev-b", "ev-c", "ev-d", "ev-e"}));
  auto text = [&](const char* col, size_t row) {
    dom::element c = e[col];
    return std::string(std::string_view(c["values"].at(uint64_t(c["codes"].at(row)))));
  };
  struct Row {
    size_t row;
    int64_t day;  // -1: null
    int64_t lat_e5, lon_e5, fatalities;
    const char *type, *country, *admin1, *actor2;
  };
  const Row rows[] = {
      {0, 19783, 1844000, 141000, 12, "Battles", "Mali", "Kidal", "JNIM"},  // 2024-03-01
      {1, 19787, 1449000, -419000, 3, "Violence against civilians", "Mali", "Mopti", ""},
      {2, 19823, 1564000, 3248000, 40, "Explosions/Remote violence", "Sudan", "Khartoum", "Rapid Support Forces"},
      {3, 19722, 4999000, 3623000, 0, "Explosions/Remote violence", "Ukraine", "Kharkiv", ""},  // 2023-12-31
      {4, -1, 0, 0, 0, "Protests", "Iraq", "", ""},  // undated, unplaced
  };
  for (const Row& w : rows) {
    SCOPED_TRACE(ids[w.row]);
    dom::element day = e["day"].at(w.row);
    if (w.day < 0) {
      EXPECT_TRUE(day.is_null());
      EXPECT_TRUE(e["lat_e5"].at(w.row).is_null());
      EXPECT_TRUE(e["lon_e5"].at(w.row).is_null());
    } else {
      EXPECT_EQ(int64_t(day), w.day);
      EXPECT_EQ(int64_t(e["lat_e5"].at(w.row)), w.lat_e5);
      EXPECT_EQ(int64_t(e["lon_e5"].at(w.row)), w.lon_e5);
    }
    EXPECT_EQ(int64_t(e["fatalities"].at(w.row)), w.fatalities);
    EXPECT_EQ(text("event_type", w.row), w.type);
    EXPECT_EQ(text("country", w.row), w.country);
    EXPECT_EQ(text("admin1", w.row), w.admin1);
    EXPECT_EQ(text("actor2", w.row), w.actor2);
  }
  // Each distinct value once; code 0 is "".
  EXPECT_EQ(e["country"]["values"].get_array().size(), 5u);  // "", Mali, Sudan, Ukraine, Iraq
  EXPECT_EQ(std::string_view(e["country"]["values"].at(0)), "");

  // Filters and pages as /api/events; the total stays the selection's.
  struct Case {
    httplib::Params params;
    int64_t total, count;
  };
  const Case cases[] = {
      {{{"country", "Mali"}}, 2, 2},
      {{{"type", "Explosions/Remote violence"}, {"min_fatalities", "1"}}, 1, 1},
      {{{"limit", "2"}, {"offset", "1"}}, 5, 2},
      {{{"q", "drone"}}, 1, 1},
  };
  for (const Case& c : cases) {
    Reply p = Get("/api/points", c.params);
    ASSERT_EQ(p.status, 200) << p.body;
    dom::element x = Json(p.body);
    EXPECT_EQ(int64_t(x["total"]), c.total) << p.body;
    EXPECT_EQ(int64_t(x["count"]), c.count) << p.body;
    EXPECT_EQ(x["event_id"].get_array().size(), size_t(c.count));
  }
  // The same request again gives the same bytes (codes follow the order of first use).
  EXPECT_EQ(Get("/api/points", {{"sort", "id"}}).body, r.body);
  EXPECT_NE(ErrorMessage(Get("/api/points", {{"format", "compact"}}), 400).find("format"), std::string::npos);
  EXPECT_NE(ErrorMessage(Get("/api/points", {{"bogus", "1"}}), 400).find("bogus"), std::string::npos);
}

TEST(PointsDayNumber, Dates) {
  struct Case {
    const char* date;
    bool ok;
    int64_t day;
  };
  const Case cases[] = {{"1970-01-01", true, 0},   {"1969-12-31", true, -1}, {"2000-03-01", true, 11017},
                        {"2024-02-29", true, 19782}, {"2024-13-01", false, 0}, {"2024-1-01", false, 0},
                        {"", false, 0},             {"2024-03-0x", false, 0}};
  for (const Case& c : cases) {
    int64_t day = 0;
    EXPECT_EQ(server::DayNumber(c.date, &day), c.ok) << c.date;
    if (c.ok) {
      EXPECT_EQ(day, c.day) << c.date;
    }
  }
}

TEST_F(ServerTest, MalformedParametersAreNamedIn400s) {
  const struct {
    httplib::Params params;
    const char* named;
  } cases[] = {
      {{{"limit", "abc"}}, "limit"},
      {{{"limit", "-1"}}, "limit"},
      {{{"limit", "100001"}}, "limit"},
      {{{"limit", "1e3"}}, "limit"},
      {{{"limit", "99999999999999999999999"}}, "limit"},
      {{{"offset", "x"}}, "offset"},
      {{{"from", "2024-13-01"}}, "from"},
      {{{"to", "yesterday"}}, "to"},
      {{{"from", "2024-04-01"}, {"to", "2024-03-01"}}, "from"},
      {{{"bbox", "1,2,3"}}, "bbox"},
      {{{"bbox", "10,0,5,1"}}, "bbox"},
      {{{"bbox", "a,b,c,d"}}, "bbox"},
      {{{"bbox", "0,0,200,1"}}, "bbox"},
      {{{"min_fatalities", "-3"}}, "min_fatalities"},
      {{{"historical", "maybe"}}, "historical"},
      {{{"sort", "name"}}, "sort"},
      {{{"format", "xml"}}, "format"},
      {{{"contry", "Mali"}}, "contry"},
      {{{"country", "Mali"}, {"country", "Sudan"}}, "country"},
      {{{"actor", std::string(1001, 'a')}}, "actor"},
  };
  for (const auto& c : cases) {
    for (const char* route : {"/api/events", "/api/stats"}) {
      Reply r = Get(route, c.params);
      std::string message = ErrorMessage(r, 400);
      EXPECT_NE(message.find(c.named), std::string::npos) << route << ": " << message;
    }
  }
  // Path routes take no parameters.
  ErrorMessage(Get("/api/events/ev-a", {{"x", "1"}}), 400);
}

TEST_F(ServerTest, SqlInjectionFindsNothingAndChangesNothing) {
  const std::string before = Dump(*db_);
  const std::vector<std::string> attacks = {
      "' OR '1'='1",
      "Mali' OR 1=1 --",
      "Mali\"; DROP TABLE events; --",
      "x'); DELETE FROM events; --",
      "%' OR '%'='",
      "%",
      "_",
      "') UNION SELECT json FROM events --",
      "1; UPDATE events SET fatalities = 999",
      "\\' OR 1=1 #",
  };
  for (const char* name : {"country", "admin1", "type", "sub_type", "actor"}) {
    for (const auto& attack : attacks) {
      Reply r = Get("/api/events", {{name, attack}});
      ASSERT_TRUE(r.status == 200 || r.status == 400) << name << "=" << attack << ": " << r.body;
      if (r.status == 200) {
        EXPECT_EQ(int64_t(Json(r.body)["total"]), 0) << name << "=" << attack;
      }
      Reply s = Get("/api/stats", {{name, attack}});
      ASSERT_TRUE(s.status == 200 || s.status == 400) << name << "=" << attack << ": " << s.body;
    }
  }
  // Full text: FTS syntax in user input must be a no-match or a 400, never a 500.
  for (const std::string& attack : std::vector<std::string>{"' OR 1=1 --", "\"unterminated", "NEAR(", "a OR",
                                                             "*", "Omdurman\" OR \"Kidal", "events MATCH 'x'",
                                                             "x') OR 1=1 --"}) {
    Reply r = Get("/api/events", {{"q", attack}});
    EXPECT_TRUE(r.status == 200 || r.status == 400) << "q=" << attack << ": " << r.status << " " << r.body;
  }
  // Numeric and enumerated parameters refuse anything that is not their type.
  for (const char* name : {"limit", "offset", "min_fatalities", "from", "to", "bbox", "sort", "format", "historical"}) {
    for (const char* attack : {"1; DROP TABLE events", "1 OR 1=1", "0)--"}) {
      ErrorMessage(Get("/api/events", {{name, attack}}), 400);
    }
  }
  // Ids in paths are looked up, not interpreted.
  ErrorMessage(Get("/api/events/ev-a'%20OR%20'1'='1"), 404);
  ErrorMessage(Get("/api/articles/d1'%3B%20DROP%20TABLE%20articles%3B--"), 404);
  EXPECT_EQ(Dump(*db_), before);
  EXPECT_EQ(Ids({{"sort", "id"}}), (IdList{"ev-a", "ev-b", "ev-c", "ev-d", "ev-e"}));
}

TEST_F(ServerTest, EventDetailHasArticlesAndEvidenceInContext) {
  Reply r = Get("/api/events/ev-a");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_TRUE(simdjson::validate_utf8(r.body.data(), r.body.size()));
  dom::element e = Json(r.body);
  EXPECT_EQ(std::string_view(e["event_id"]), "ev-a");
  EXPECT_EQ(std::string_view(e["actor2"]), "JNIM");
  dom::array articles = e["articles"];
  ASSERT_EQ(articles.size(), 1u);
  EXPECT_EQ(std::string_view(articles.at(0)["id"]), "d1");
  EXPECT_EQ(std::string_view(articles.at(0)["title"]), "Clashes in northern Mali");
  EXPECT_EQ(std::string_view(articles.at(0)["url"]), "https://example.org/mali");
  EXPECT_EQ(std::string_view(articles.at(0)["published"]), "2024-03-06");

  const std::string text = KidalText();
  dom::array evidence = e["evidence"];
  ASSERT_EQ(evidence.size(), 2u);
  dom::element f = evidence.at(0);
  EXPECT_EQ(std::string_view(f["field"]), "fatalities");
  const uint64_t start = uint64_t(f["start"]), end = uint64_t(f["end"]);
  EXPECT_EQ(text.substr(start, end - start), std::string_view(f["text"]));
  std::string_view before = f["before"], after = f["after"];
  // 200 bytes back lands inside an "é": the window starts at the next character.
  EXPECT_EQ(before.size(), 199u);
  EXPECT_EQ(std::string(before), text.substr(start - 199, 199));
  EXPECT_EQ(before.substr(0, 2), "\xC3\xA9");
  EXPECT_EQ(after.size(), 199u);
  EXPECT_EQ(std::string(after), text.substr(end, 199));
  EXPECT_EQ(after.substr(0, 7), " near K");

  ErrorMessage(Get("/api/events/ev-zzz"), 404);
  ErrorMessage(Get("/api/events/"), 404);
}

TEST_F(ServerTest, ContextWindowsNeverSplitUtf8) {
  using server::TextAfter;
  using server::TextBefore;
  const std::string t = "ab\xC3\xA9" "cd\xE2\x82\xAC" "ef";  // ab é cd € ef
  EXPECT_EQ(TextBefore(t, 4, 1), "");                      // would start inside "é"
  EXPECT_EQ(TextBefore(t, 4, 2), "\xC3\xA9");
  EXPECT_EQ(TextBefore(t, 4, 100), "ab\xC3\xA9");
  EXPECT_EQ(TextAfter(t, 4, 4), "cd");                      // would end inside "€"
  EXPECT_EQ(TextAfter(t, 4, 5), "cd\xE2\x82\xAC");
  EXPECT_EQ(TextAfter(t, 4, 100), "cd\xE2\x82\xAC" "ef");
  EXPECT_EQ(TextAfter(t, 100, 10), "");
  EXPECT_EQ(TextBefore(t, 100, 2), "ef");
}

TEST_F(ServerTest, Article) {
  Reply r = Get("/api/articles/d1");
  ASSERT_EQ(r.status, 200) << r.body;
  dom::element a = Json(r.body);
  EXPECT_EQ(std::string_view(a["id"]), "d1");
  EXPECT_EQ(std::string_view(a["url"]), "https://example.org/mali");
  EXPECT_EQ(std::string_view(a["title"]), "Clashes in northern Mali");
  EXPECT_EQ(std::string_view(a["published"]), "2024-03-06");
  EXPECT_EQ(std::string_view(a["text"]), KidalText());
  std::vector<std::string> ids;
  for (dom::element id : a["event_ids"].get_array()) ids.emplace_back(std::string_view(id));
  EXPECT_EQ(ids, (IdList{"ev-a", "ev-b"}));
  ErrorMessage(Get("/api/articles/nope"), 404);
}

TEST_F(ServerTest, Stats) {
  Reply r = Get("/api/stats");
  ASSERT_EQ(r.status, 200) << r.body;
  dom::element s = Json(r.body);
  EXPECT_EQ(int64_t(s["events"]), 5);
  EXPECT_EQ(int64_t(s["fatalities"]), 55);
  EXPECT_EQ(int64_t(s["articles"]), 3);
  dom::array by_day = s["by_day"];
  ASSERT_EQ(by_day.size(), 5u);
  EXPECT_EQ(std::string_view(by_day.at(0)["key"]), "");  // undated first
  EXPECT_EQ(std::string_view(by_day.at(1)["key"]), "2023-12-31");
  std::map<std::string, std::pair<int64_t, int64_t>> by_country;
  for (dom::element b : s["by_country"].get_array()) {
    by_country[std::string(std::string_view(b["key"]))] = {int64_t(b["events"]), int64_t(b["fatalities"])};
  }
  EXPECT_EQ(by_country["Mali"], (std::pair<int64_t, int64_t>{2, 15}));
  EXPECT_EQ(by_country["Sudan"], (std::pair<int64_t, int64_t>{1, 40}));
  EXPECT_EQ(s["by_type"].get_array().size(), 4u);

  // Filters apply; the page parameters are accepted and ignored.
  r = Get("/api/stats", {{"country", "Mali"}, {"limit", "1"}, {"sort", "-date"}, {"format", "compact"}});
  ASSERT_EQ(r.status, 200) << r.body;
  s = Json(r.body);
  EXPECT_EQ(int64_t(s["events"]), 2);
  EXPECT_EQ(int64_t(s["fatalities"]), 15);
  EXPECT_EQ(s["by_country"].get_array().size(), 1u);
}

TEST_F(ServerTest, OpenApiDocumentNamesEveryRoute) {
  Reply r = Get("/api/openapi.json");
  ASSERT_EQ(r.status, 200);
  dom::element doc = Json(r.body);
  EXPECT_EQ(std::string_view(doc["openapi"]).substr(0, 2), "3.");
  for (const char* path : {"/api/events", "/api/events/{id}", "/api/articles/{id}", "/api/points", "/api/stats", "/api/extract",
                           "/api/openapi.json"}) {
    dom::element p;
    EXPECT_EQ(doc["paths"][path].get(p), simdjson::SUCCESS) << path;
  }
}

TEST_F(ServerTest, WrongMethodsAndUnknownRoutes) {
  auto cli = Client();
  auto del = cli.Delete("/api/events");
  ASSERT_TRUE(del);
  Reply r{del->status, del->body, del->get_header_value("Content-Type")};
  ErrorMessage(r, 405);
  EXPECT_EQ(del->get_header_value("Allow"), "GET, HEAD");
  auto post = cli.Post("/api/events", "{}", "application/json");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 405);
  auto put = cli.Put("/index.html", "x", "text/plain");
  ASSERT_TRUE(put);
  EXPECT_EQ(put->status, 405);
  r = Get("/api/extract");
  ErrorMessage(r, 405);
  ErrorMessage(Get("/api/nope"), 404);
  ErrorMessage(Get("/api"), 404);
  auto head = cli.Head("/api/events");
  ASSERT_TRUE(head);
  EXPECT_EQ(head->status, 200);
  EXPECT_TRUE(head->body.empty());
}

TEST_F(ServerTest, StaticFiles) {
  Reply r = Get("/");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "<!doctype html><title>dashboard</title>");
  EXPECT_EQ(r.content_type, "text/html; charset=utf-8");
  r = Get("/app.js");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.content_type, "application/javascript; charset=utf-8");
  r = Get("/sub/");
  EXPECT_EQ(r.body, "sub index");
  r = Get("/sub");
  EXPECT_EQ(r.body, "sub index");
  EXPECT_EQ(Get("/missing.css").status, 404);
}

TEST_F(ServerTest, PathTraversalIsRefused) {
  const char* attacks[] = {
      "/../secret.txt",
      "/sub/../../secret.txt",
      "/%2e%2e/secret.txt",
      "/%2E%2E/secret.txt",
      "/sub/%2e%2e/%2e%2e/secret.txt",
      "/..%2fsecret.txt",
      "/%2e%2e%2fsecret.txt",
      "/sub/..%5c..%5csecret.txt",
      "/%252e%252e/secret.txt",
      "/.%2e/secret.txt",
      "//etc/passwd",
      "/%2fetc%2fpasswd",
      "/link-out.txt",
      "/secret.txt%00.html",
      "/./index.html",
  };
  const std::string absolute = "/" + (*dir_ / "secret.txt").string();
  std::vector<std::string> all(std::begin(attacks), std::end(attacks));
  all.push_back(absolute);
  for (const std::string& path : all) {
    Reply r = Get(path);
    EXPECT_TRUE(r.status == 400 || r.status == 404) << path << " → " << r.status;
    EXPECT_EQ(r.body.find("TOP SECRET"), std::string::npos) << path;
    EXPECT_EQ(r.body.find("root:"), std::string::npos) << path;
  }
}

TEST_F(ServerTest, HeaderAndUriLimits) {
  httplib::Headers many;
  for (int i = 0; i < 150; ++i) many.emplace("X-Filler-" + std::to_string(i), "1");
  auto res = Client().Get("/api/events", many);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 431);
  auto long_uri = Client().Get("/api/events?country=" + std::string(10000, 'a'));
  if (long_uri) {
    EXPECT_GE(long_uri->status, 400);  // or the connection is dropped
  }
}

TEST_F(ServerTest, IngestIsOffByDefault) {
  auto res = Client().Post("/api/extract", R"({"text":"Gunmen killed five people."})", "application/json");
  ASSERT_TRUE(res);
  Reply r{res->status, res->body, res->get_header_value("Content-Type")};
  EXPECT_NE(ErrorMessage(r, 403).find("--allow-ingest"), std::string::npos);
}

TEST_F(ServerTest, MissingDatabaseIsRefused) {
  ServerOptions options;
  options.port = 0;
  options.db = (*dir_ / "no-such.db").string();
  auto server = Server::Start(options);
  ASSERT_FALSE(server.ok());
  EXPECT_EQ(server.status().code(), ErrorCode::kNotFound);
  EXPECT_FALSE(fs::exists(options.db));
}

// A second server with ingest on and a small body limit, over its own copy of the database.
TEST_F(ServerTest, CachedPagesFollowWritesByOtherConnections) {
  const std::string db = (*dir_ / "cache.db").string();
  ASSERT_TRUE(FillDatabase(db).ok());
  ServerOptions options;
  options.port = 0;
  options.db = db;
  options.threads = 2;
  options.db_connections = 1;  // one connection: its cached page must notice the other writer
  auto server = Server::Start(options);
  ASSERT_TRUE(server.ok()) << server.status().ToString();
  const int port = (*server)->port();
  const httplib::Params mali = {{"country", "Mali"}, {"limit", "1"}};
  auto total = [&] {
    Reply r = Get("/api/events", mali, port);
    EXPECT_EQ(r.status, 200) << r.body;
    return int64_t(Json(r.body)["total"]);
  };
  EXPECT_EQ(total(), 2);
  EXPECT_EQ(total(), 2);  // the same page again (from the cache)
  Reply first = Get("/api/events", mali, port);
  EXPECT_EQ(Get("/api/events", mali, port).body, first.body);
  {
    auto store = OpenEventStore(db);
    ASSERT_TRUE(store.ok());
    auto sink = (*store)->MakeSink();
    Document d;
    d.id = "d9";
    d.published = "2024-03-09";
    d.text = "Another clash near Gao.";
    Event e = MakeEvent("ev-0", "d9", "Battles", "Armed clash", "2024-02-01", "Mali", "MLI", "Gao", 16.27, -0.04, 1,
                        "Military Forces of Mali", "JNIM", "Clash near Gao.");
    ASSERT_TRUE(sink->Consume(d, std::vector<Event>{e}).ok());
    ASSERT_TRUE(sink->Finish().ok());
  }
  EXPECT_EQ(total(), 3);
  dom::element page = Json(Get("/api/events", mali, port).body);
  EXPECT_EQ(std::string_view(page["events"].at(0)["event_id"]), "ev-0");
  // Different parameters are different pages.
  EXPECT_EQ(int64_t(Json(Get("/api/events", {{"country", "Sudan"}}, port).body)["total"]), 1);
}

TEST_F(ServerTest, IngestExtractsAndStores) {
  const std::string db = (*dir_ / "ingest.db").string();
  ASSERT_TRUE(FillDatabase(db).ok());
  ServerOptions options;
  options.port = 0;
  options.db = db;
  options.allow_ingest = true;
  options.max_body_bytes = 4096;
  options.threads = 4;
  auto server = Server::Start(options);
  ASSERT_TRUE(server.ok()) << server.status().ToString();
  const int port = (*server)->port();
  auto post = [&](const std::string& body, const char* type = "application/json") {
    auto res = Client(port).Post("/api/extract", body, type);
    Reply r;
    if (res) r = {res->status, res->body, res->get_header_value("Content-Type")};
    return r;
  };
  const std::string article =
      "Gunmen killed 12 civilians in an attack on a village on Monday, officials said. "
      "Soldiers later clashed with the attackers, and three soldiers were killed.";

  // Not stored.
  Reply r = post(R"({"id":"try-1","published":"2024-05-08","text":")" + article + R"("})");
  ASSERT_EQ(r.status, 200) << r.body;
  dom::element e = Json(r.body);
  EXPECT_EQ(std::string_view(e["id"]), "try-1");
  EXPECT_EQ(std::string_view(e["published"]), "2024-05-08");
  EXPECT_EQ(std::string_view(e["text"]), article);
  EXPECT_FALSE(bool(e["stored"]));
  dom::array events = e["events"];
  ASSERT_GE(events.size(), 1u) << r.body;
  EXPECT_GT(int64_t(events.at(0)["fatalities"]), 0);
  std::string first_id(std::string_view(events.at(0)["event_id"]));
  EXPECT_EQ(Get("/api/articles/try-1", {}, port).status, 404);

  // Stored: the article and its events are then served.
  r = post(R"({"id":"try-2","published":"2024-05-08","html":"<html><head><title>Attack</title></head><body><p>)" +
           article + R"(</p></body></html>","store":true})");
  ASSERT_EQ(r.status, 200) << r.body;
  e = Json(r.body);
  EXPECT_TRUE(bool(e["stored"]));
  EXPECT_EQ(std::string_view(e["title"]), "Attack");
  events = e["events"];
  ASSERT_GE(events.size(), 1u);
  std::string stored_id(std::string_view(events.at(0)["event_id"]));
  Reply got = Get("/api/events/" + stored_id, {}, port);
  EXPECT_EQ(got.status, 200) << got.body;
  Reply article_reply = Get("/api/articles/try-2", {}, port);
  ASSERT_EQ(article_reply.status, 200);
  EXPECT_EQ(std::string_view(Json(article_reply.body)["text"]), article);
  EXPECT_EQ(int64_t(Json(Get("/api/stats", {}, port).body)["articles"]), 4);

  // Bad bodies.
  ErrorMessage(post("{not json"), 400);
  ErrorMessage(post("[1,2]"), 400);
  ErrorMessage(post(R"({"published":"2024-05-08"})"), 400);
  ErrorMessage(post(R"({"text":"a","html":"<p>b</p>"})"), 400);
  EXPECT_NE(ErrorMessage(post(R"({"text":"a","colour":"red"})"), 400).find("colour"), std::string::npos);
  ErrorMessage(post(R"({"text":5})"), 400);
  ErrorMessage(post(R"({"text":"Gunmen killed five.","published":"last week"})"), 400);
  ErrorMessage(post(R"({"text":"Gunmen killed five.","store":"yes"})"), 400);
  ErrorMessage(post(R"({"text":"   "})"), 400);
  ErrorMessage(post(R"({"text":"Gunmen killed five."})", "text/plain"), 415);
  // Over the body limit.
  Reply big = post(R"({"text":")" + std::string(8000, 'a') + R"("})");
  ErrorMessage(big, 413);
  EXPECT_EQ(Get("/api/events", {{"limit", "0"}}, port).status, 200);  // still serving
  (*server)->Stop();
}

}  // namespace
}  // namespace sitrep
