// Golden tests of the events stage: the seed article (../shared/seed, when present) and the
// team's articles, one file per behaviour: tests/golden/articles/NAME.txt in,
// tests/golden/expected/NAME.json out ({"published", "event_count", "events": [key fields of
// each event, in text order]}). Only the fields listed are compared.
#include <gtest/gtest.h>
#include <simdjson.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "sitrep/events.h"
#include "sitrep/pipeline.h"
#include "sitrep/places.h"

namespace sitrep {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::shared_ptr<const Gazetteer> TestGazetteer() {
  static auto gaz = [] {
    auto g = OpenDefaultGazetteer();
    return g.ok() ? *g : std::shared_ptr<const Gazetteer>();
  }();
  return gaz;
}

std::vector<Event> Extract(const std::string& id, const std::string& published,
                           const std::string& text) {
  PipelineOptions options;
  options.gazetteer = TestGazetteer();
  const Pipeline pipeline = MakeDefaultPipeline(options);
  Document doc;
  doc.id = id;
  doc.published = published;
  doc.text = text;
  EXPECT_TRUE(pipeline.Run(doc).ok());
  return doc.events;
}

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

TEST(SeedGolden, AnbarRaid) {
  const std::string path = std::string(SITREP_SHARED_DIR) + "/seed/anbar-raid.txt";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "no " << path;
  if (!TestGazetteer()) GTEST_SKIP() << "no gazetteer blob";
  const std::vector<Event> events = Extract("seed", "2024-09-14", ReadFile(path));
  ASSERT_EQ(events.size(), 2u) << "the raid and the Syria strike; no background event";

  const Event& raid = events[0];
  EXPECT_EQ(raid.event_type, "Battles");
  EXPECT_EQ(raid.sub_event_type, "Armed clash");
  EXPECT_EQ(raid.actor1, "Military Forces of Iraq");
  EXPECT_EQ(raid.actor2, "Islamic State");
  EXPECT_NE(std::find(raid.assoc_actor_1.begin(), raid.assoc_actor_1.end(),
                      "Military Forces of the United States"),
            raid.assoc_actor_1.end());
  EXPECT_EQ(raid.interaction, 12);
  EXPECT_EQ(raid.side_a, "Government of Iraq");
  EXPECT_EQ(raid.side_b, "IS");
  EXPECT_EQ(raid.country, "Iraq");
  EXPECT_EQ(raid.admin1, "Anbar");
  EXPECT_EQ(raid.geo_precision, 3);
  EXPECT_EQ(raid.where_prec, 4);
  EXPECT_EQ(raid.date_start, "2024-08-01");
  EXPECT_EQ(raid.date_end, "2024-08-31");
  EXPECT_EQ(raid.time_precision, 3);
  EXPECT_EQ(raid.date_prec, 4);
  EXPECT_EQ(raid.fatalities, 14);
  EXPECT_EQ(raid.deaths_low, 14);
  EXPECT_EQ(raid.deaths_high, 15);
  EXPECT_EQ(raid.deaths_best, 15);
  EXPECT_EQ(raid.deaths_side_b, 14);
  EXPECT_EQ(raid.deaths_unknown, 1);
  EXPECT_EQ(raid.injured, 7);
  EXPECT_FALSE(raid.historical);
  std::vector<std::string> names;
  for (const NamedPerson& p : raid.named_persons) {
    names.push_back(Lower(p.name));
    EXPECT_EQ(p.fate, "killed") << p.name;
  }
  for (std::string want : {"abu ali al-tunisi", "ahmad hamed zwein",
                           "ahmad hamid husayn abd-al-jalil al-ithawi",
                           "shakir abud ahmad al-issawi"}) {
    EXPECT_NE(std::find(names.begin(), names.end(), want), names.end()) << want;
  }
  EXPECT_EQ(names.size(), 4u);
  ASSERT_FALSE(raid.named_persons.empty());
  EXPECT_NE(raid.named_persons[0].role.find("$5 million reward"), std::string::npos);

  const Event& strike = events[1];
  EXPECT_EQ(strike.actor1, "Military Forces of the United States");
  EXPECT_EQ(strike.actor2, "Islamic State");
  EXPECT_EQ(strike.country, "Syria");
  EXPECT_EQ(strike.where_prec, 5);
  EXPECT_EQ(strike.geo_precision, 3);
  EXPECT_EQ(strike.fatalities, 1);
  EXPECT_GE(strike.date_prec, 4) << "\"recently\": low precision";

  // Provenance: every evidence span points at its text.
  const std::string text = ReadFile(path);
  for (const Event& e : events) {
    EXPECT_FALSE(e.evidence.empty());
    for (const Evidence& ev : e.evidence) {
      ASSERT_LE(ev.end, text.size());
      EXPECT_EQ(text.substr(ev.start, ev.end - ev.start), ev.text()) << ev.field;
    }
  }
  // Same input, same ids.
  const std::vector<Event> again = Extract("seed", "2024-09-14", text);
  ASSERT_EQ(again.size(), events.size());
  for (size_t i = 0; i < events.size(); ++i) EXPECT_EQ(again[i].event_id, events[i].event_id);
  EXPECT_NE(events[0].event_id, events[1].event_id);
}

// One golden article: compares the fields of the expected file.
void CheckArticle(const std::string& name) {
  const std::string dir = std::string(SITREP_SOURCE_DIR) + "/tests/golden/";
  simdjson::dom::parser parser;
  const std::string json = ReadFile(dir + "expected/" + name + ".json");
  simdjson::dom::element want;
  ASSERT_EQ(parser.parse(json).get(want), simdjson::SUCCESS) << name;
  std::string_view published = want["published"].get_string().value();
  const std::vector<Event> events =
      Extract(name, std::string(published), ReadFile(dir + "articles/" + name + ".txt"));
  ASSERT_EQ(static_cast<int64_t>(events.size()), want["event_count"].get_int64().value()) << name;
  size_t i = 0;
  for (simdjson::dom::object expected : want["events"].get_array()) {
    ASSERT_LT(i, events.size());
    std::string got_json;
    AppendEventJson(events[i], &got_json);
    simdjson::dom::parser got_parser;
    simdjson::dom::object got = got_parser.parse(got_json).get_object().value();
    for (auto [key, value] : expected) {
      simdjson::dom::element g;
      ASSERT_EQ(got[key].get(g), simdjson::SUCCESS) << name << ": no field " << key;
      EXPECT_EQ(simdjson::to_string(g), simdjson::to_string(value))
          << name << " event " << i << " field " << key;
    }
    ++i;
  }
}

class GoldenArticle : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenArticle, MatchesExpected) {
  if (!TestGazetteer()) GTEST_SKIP() << "no gazetteer blob";
  CheckArticle(GetParam());
}

INSTANTIATE_TEST_SUITE_P(Articles, GoldenArticle,
                         ::testing::Values("two_towns", "raid_and_strike", "protest_intervention",
                                           "rising_toll", "background_only", "abduction",
                                           "police_of_the_country"));

}  // namespace
}  // namespace sitrep
