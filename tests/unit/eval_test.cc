// Tests of the `sitrep eval` scorers. Every gold row here is invented; the real gold files are
// read only by the last test, which checks that the clean scorer runs over them.
#include <zlib.h>

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <simdjson.h>

#include "eval/eval_util.h"
#include "sitrep/eval.h"

namespace sitrep {
namespace {

// ---------- clean: shingles ----------

struct ShingleCase {
  const char* name;
  const char* predicted;
  const char* gold;
  uint64_t tp, fp, fn;
  double precision;  // < 0: undefined
  double recall;     // < 0: undefined
};

const ShingleCase kShingleCases[] = {
    {"identical", "the quick brown fox jumps", "the quick brown fox jumps", 2, 0, 0, 1.0, 1.0},
    {"punctuation_ignored", "The quick, brown fox -- jumps!", "The quick brown fox jumps", 2, 0, 0,
     1.0, 1.0},
    {"disjoint", "a b c d", "e f g h", 0, 1, 1, 0.0, 0.0},
    // pred {abcd, bcde}, gold {abcd, bcdx}
    {"partial", "a b c d e", "a b c d x", 1, 1, 1, 0.5, 0.5},
    // pred {abcd×2, bcda, cdab, dabc}, gold {abcd}
    {"multiset", "a b c d a b c d", "a b c d", 1, 4, 0, 0.2, 1.0},
    {"case_kept", "A b c d", "a b c d", 0, 1, 1, 0.0, 0.0},
    // Fewer than 4 tokens: the whole text is one shingle.
    {"short_equal", "hello world", "hello world", 1, 0, 0, 1.0, 1.0},
    {"short_vs_longer", "hello", "hello world", 0, 1, 1, 0.0, 0.0},
    {"empty_prediction", "", "one two three four", 0, 0, 1, -1, 0.0},
    {"empty_gold", "one two three four", " ... ", 0, 1, 0, 0.0, -1},
    {"both_empty", "", "", 0, 0, 0, -1, -1},
    {"unicode_words", "Müller traf Søren in Київ", "Müller traf Søren in Київ", 2, 0, 0, 1.0, 1.0},
    // "ü" is a letter, so "Müller" is one token, not "M" + "ller".
    {"unicode_not_split", "M ller traf Søren", "Müller traf Søren", 0, 1, 1, 0.0, 0.0},
};

class ShingleTest : public ::testing::TestWithParam<ShingleCase> {};

TEST_P(ShingleTest, Scores) {
  const ShingleCase& c = GetParam();
  ShingleScore s = ScoreCleanPage(c.predicted, c.gold);
  EXPECT_EQ(s.true_positives, c.tp);
  EXPECT_EQ(s.false_positives, c.fp);
  EXPECT_EQ(s.false_negatives, c.fn);
  if (c.precision < 0) {
    EXPECT_FALSE(s.precision.has_value());
  } else {
    ASSERT_TRUE(s.precision.has_value());
    EXPECT_DOUBLE_EQ(*s.precision, c.precision);
  }
  if (c.recall < 0) {
    EXPECT_FALSE(s.recall.has_value());
  } else {
    ASSERT_TRUE(s.recall.has_value());
    EXPECT_DOUBLE_EQ(*s.recall, c.recall);
  }
}

INSTANTIATE_TEST_SUITE_P(Cases, ShingleTest, ::testing::ValuesIn(kShingleCases),
                         [](const auto& info) { return std::string(info.param.name); });

struct TokenCase {
  const char* text;
  std::vector<std::string> tokens;
};

TEST(WordTokensTest, UnicodeWordRuns) {
  const TokenCase cases[] = {
      {"Müller's café—naïve_x 42", {"Müller", "s", "café", "naïve_x", "42"}},
      {"Киев, Україна", {"Киев", "Україна"}},
      {"في الموصل اليوم", {"في", "الموصل", "اليوم"}},
      {"北京市 東京", {"北京市", "東京"}},
      {"a😀b", {"a", "b"}},
      {"x²+½", {"x²", "½"}},
      {"  \t\n", {}},
      {"bad\xff" "byte", {"bad", "byte"}},
  };
  for (const TokenCase& c : cases) {
    std::vector<std::string> got;
    for (std::string_view t : eval::WordTokens(c.text)) got.emplace_back(t);
    EXPECT_EQ(got, c.tokens) << c.text;
  }
}

TEST(AverageShingleScoresTest, SkipsUndefinedPages) {
  std::vector<ShingleScore> pages(3);
  pages[0].precision = 1.0;
  pages[0].recall = 1.0;
  pages[1].recall = 0.0;     // empty output: precision undefined
  pages[2].precision = 0.5;  // empty gold: recall undefined
  AveragedScore avg = AverageShingleScores(pages);
  EXPECT_DOUBLE_EQ(avg.precision, 0.75);
  EXPECT_DOUBLE_EQ(avg.recall, 0.5);
  EXPECT_DOUBLE_EQ(avg.f1, 0.6);
  EXPECT_EQ(avg.precision_pages, 2u);
  EXPECT_EQ(avg.recall_pages, 2u);

  AveragedScore none = AverageShingleScores({});
  EXPECT_EQ(none.f1, 0.0);
}

// ---------- helpers ----------

TEST(OffsetsTest, CharToByteWithMultiByteText) {
  // a(1) é(2) 中(3) 😀(4) b(1)
  std::vector<uint32_t> table = eval::CodePointByteOffsets("a\u00e9\u4e2d\U0001F600b");
  EXPECT_EQ(table, (std::vector<uint32_t>{0, 1, 3, 6, 10, 11}));
  const std::pair<int64_t, uint32_t> cases[] = {{0, 0}, {1, 1}, {2, 3}, {3, 6},
                                                {4, 10}, {5, 11}, {-1, 0}, {99, 11}};
  for (auto [chars, bytes] : cases) EXPECT_EQ(eval::CharToByte(table, chars), bytes) << chars;
  EXPECT_EQ(eval::CodePointByteOffsets(""), (std::vector<uint32_t>{0}));
}

struct NameCase {
  const char* a;
  const char* b;
  bool match;
};

TEST(PlaceNamesTest, AdminNormalisation) {
  const NameCase cases[] = {
      {"Deir ez-Zor Governorate", "Deir ez Zor", true},
      {"Al-Hasakeh", "Hasakeh", true},
      {"al Jawf", "Jawf", true},
      {"Sindh Province", "sindh", true},
      {"Borno State", "Borno", true},
      {"Donetsk Oblast", "Donetsk", true},
      {"Mezam département", "Mezam", true},
      {"Albu Kamal district", "Albu Kamal", true},
      {"Hajin town", "Hajin", true},
      {"Yemen (North Yemen)", "Yemen", true},
      {"Michoacán", "Michoacan", true},
      {"Sana'a", "Sanaa", true},
      {"Centre-Nord", "Centre", false},
      {"Sahel", "Est", false},
      {"", "", false},
      {"State", "state", true},  // a name made only of dropped words still matches itself
      {"Aḑ Ḑāli‘", "Ad Dali", true},      // Latin Extended diacritics
      {"Kuşadası", "Kusadasi", true},
      {"Ad Dali", "Dali", true},          // the assimilated article is "al"
      {"Ash Shihr", "Shihr", true},
      {"An Najaf", "Najaf", true},
      {"Ad Nabk", "Nabk", false},         // not assimilated: not an article
      {"Kabul city", "Kabul", true},
      {"Nkanu West LGA", "Nkanu West", true},
      {"Kola Temben woreda", "Kola Temben", true},
  };
  for (const NameCase& c : cases) {
    EXPECT_EQ(eval::PlaceNamesMatch(c.a, c.b), c.match) << c.a << " | " << c.b;
  }
  EXPECT_EQ(eval::NormalizePlaceName("Deir ez-Zor Governorate"), "deirezzor");
  EXPECT_EQ(eval::NormalizePlaceName("Al-Hasakeh"), "hasakeh");
}

TEST(ActorNameWithoutEraTest, DropsEraParentheses) {
  struct Case {
    const char* in;
    const char* out;
  };
  const Case cases[] = {
      {"Military Forces of Iraq (2014-2018)", "Military Forces of Iraq"},
      {"Police Forces of Kenya (2022-) Prison Guards", "Police Forces of Kenya Prison Guards"},
      {"Military Forces of the United States (2021-)", "Military Forces of the United States"},
      {"Unidentified Armed Group (Kenya)", "Unidentified Armed Group (Kenya)"},
      {"Militia (Pro-Government)", "Militia (Pro-Government)"},
      {"Al Shabaab", "Al Shabaab"},
      {"Rioters (1990-1)", "Rioters (1990-1)"},  // not an era: kept as written
      {"Military Forces of Mali (2021-", "Military Forces of Mali (2021-"},
      {"(2012-)", ""},
      {"", ""},
  };
  for (const Case& c : cases) EXPECT_EQ(eval::ActorNameWithoutEra(c.in), c.out) << c.in;
}

TEST(HaversineTest, KnownDistances) {
  EXPECT_NEAR(eval::HaversineKm(10, 20, 10, 20), 0.0, 1e-9);
  EXPECT_NEAR(eval::HaversineKm(0, 0, 0, 1), 111.195, 0.01);
  EXPECT_NEAR(eval::HaversineKm(48.8566, 2.3522, 51.5074, -0.1278), 343.5, 1.0);  // Paris–London
  EXPECT_NEAR(eval::HaversineKm(0, 0, 0, 180), 20015.1, 1.0);
}

struct DateCase {
  const char* text;
  const char* iso;  // nullptr: unparseable
  bool full_day;
};

TEST(ParseGoldDateTest, Spellings) {
  const DateCase cases[] = {
      {"9-May-20", "2020-05-09", true},
      {"09-Apr-20", "2020-04-09", true},
      {"1-Jan-97", "1997-01-01", true},
      {"2020-05-09", "2020-05-09", true},
      {"2021-02-22 00:00", "2021-02-22", true},
      {"2009-03-20 12:24:52.002364-05", "2009-03-20", true},
      {"1998-01-08T10:30", "1998-01-08", true},
      {"2019-11", "2019-11", false},
      {"2019", "2019", false},
      {"9 March 2020", "2020-03-09", true},
      {"12 Sept 2019", "2019-09-12", true},
      {"29-Feb-20", "2020-02-29", true},
      {"29-Feb-19", nullptr, false},
      {"2020-13-01", nullptr, false},
      {"9-Mai-20", nullptr, false},
      {"yesterday", nullptr, false},
      {"", nullptr, false},
  };
  for (const DateCase& c : cases) {
    std::optional<eval::GoldDate> d = eval::ParseGoldDate(c.text);
    if (c.iso == nullptr) {
      EXPECT_FALSE(d.has_value()) << c.text;
      continue;
    }
    ASSERT_TRUE(d.has_value()) << c.text;
    EXPECT_EQ(d->Iso(), c.iso) << c.text;
    EXPECT_EQ(d->full_day(), c.full_day) << c.text;
  }
}

// ---------- scorers on synthetic files ----------

class EvalFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = std::filesystem::path(::testing::TempDir()) /
           (std::string("sitrep_eval_") + info->name() + "_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string Write(const std::string& name, const std::vector<std::string>& lines) {
    std::string path = (dir_ / name).string();
    std::ofstream out(path);
    for (const std::string& line : lines) out << line << "\n";
    return path;
  }

  EvalReport Run(const std::string& kind, const std::string& gold,
                 const std::string& predictions) {
    EvalOptions options;
    options.kind = kind;
    options.gold_path = gold;
    options.predictions_path = predictions;
    Result<EvalReport> report = RunEval(options);
    EXPECT_TRUE(report.ok()) << report.status().ToString();
    return report.ok() ? *report : EvalReport{};
  }

  static double Value(const EvalReport& report, std::string_view name) {
    const EvalMetric* m = report.Find(name);
    EXPECT_NE(m, nullptr) << name;
    return m ? m->value : -1;
  }

  std::filesystem::path dir_;
};

TEST_F(EvalFilesTest, AcledFields) {
  std::string gold = Write(
      "acled.jsonl",
      {R"x({"id": "a1", "text": "Invented note one.", "date": "4-Jun-21", "gold": {"event_type": "Battles", "sub_event_type": "Armed clash", "actor1": "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad", "actor2": "Military Forces of Nigeria (2015-2023)", "inter1": 2, "inter2": 1, "country": "Nigeria", "admin1": "Borno", "latitude": 11.85, "longitude": 13.16, "geo_precision": 1, "time_precision": 1, "fatalities": 3}})x",
       R"({"id": "a2", "text": "Invented note two.", "date": "5-Jun-21", "gold": {"event_type": "Protests", "sub_event_type": "Peaceful protest", "inter1": 6, "inter2": 0, "country": "Kenya", "admin1": "Nairobi", "latitude": -1.28, "longitude": 36.82, "geo_precision": 2, "time_precision": 2, "fatalities": 0}})",
       R"({"id": "a3", "text": "Invented note three.", "date": "06 June 2021", "gold": {"event_type": "Riots", "sub_event_type": "Mob violence", "inter1": 5, "inter2": 7, "country": "India", "admin1": "", "latitude": 20.0, "longitude": 78.0, "geo_precision": 1, "time_precision": 1, "fatalities": 1}})"});
  std::string pred = Write(
      "pred.jsonl",
      {// a1: a historical event with more deaths and a smaller current one must not win.
       R"({"doc_ids": ["a1"], "event_type": "Battles", "sub_event_type": "Attack", "fatalities": 50, "deaths_best": 50, "historical": true})",
       R"({"doc_ids": ["a1"], "event_type": "Battles", "sub_event_type": "Armed clash", "fatalities": 3, "deaths_best": 3, "actor1": "Military Forces of Nigeria", "assoc_actor_2": ["Boko Haram"], "inter1": 1, "inter2": 2, "country": "Nigeria", "admin1": "Borno State", "latitude": 11.9, "longitude": 13.2, "event_date": "2021-06-04", "historical": false})",
       R"({"doc_ids": ["a1"], "event_type": "Protests", "sub_event_type": "Peaceful protest", "fatalities": 1, "deaths_best": 1, "historical": false})",
       R"({"doc_ids": ["a2"], "event_type": "Riots", "sub_event_type": "Mob violence", "fatalities": 0, "inter1": 5, "inter2": 0, "country": "Kenya", "admin1": "Nairobi", "latitude": 0.5, "longitude": 35.0, "event_date": "2021-06-05"})"});
  EvalReport r = Run("events-acled", gold, pred);
  EXPECT_EQ(r.documents, 3u);
  EXPECT_EQ(r.errors, 0u);
  EXPECT_DOUBLE_EQ(Value(r, "event_found"), 2.0 / 3);
  EXPECT_DOUBLE_EQ(Value(r, "event_type"), 1.0 / 3);
  EXPECT_DOUBLE_EQ(Value(r, "sub_event_type"), 1.0 / 3);
  EXPECT_DOUBLE_EQ(Value(r, "fatalities"), 2.0 / 3);
  EXPECT_DOUBLE_EQ(Value(r, "interaction"), 1.0 / 3);
  // a1's gold actor2 is found (era dropped); actor1 is not (a shorter name); no other gold actors.
  EXPECT_EQ(r.Find("actors")->note.substr(0, 3), "1/2");
  EXPECT_DOUBLE_EQ(Value(r, "country"), 2.0 / 3);
  EXPECT_DOUBLE_EQ(Value(r, "admin1"), 1.0);  // a3 has no admin1
  EXPECT_DOUBLE_EQ(Value(r, "within_25km"), 1.0 / 3);
  // Precision-1 rows only: a1 and a3 (a2 is geo_precision 2; a3 has no admin1).
  EXPECT_DOUBLE_EQ(Value(r, "within_25km_prec1"), 1.0 / 2);
  EXPECT_EQ(r.Find("admin1_prec1")->note.substr(0, 3), "1/1");
  EXPECT_DOUBLE_EQ(Value(r, "event_date"), 1.0 / 2);  // a2 is not day-precision
  EXPECT_EQ(r.Find("admin1")->note.substr(0, 3), "2/2");
}

TEST_F(EvalFilesTest, GtdFields) {
  std::string gold = Write(
      "gtd.jsonl",
      {R"({"id": "g1", "text": "Invented summary.", "date": "2014-03-02", "gold": {"country": "Pakistan", "city": "Peshawar", "latitude": 34.0, "longitude": 71.5, "nkill": 2, "nwound": 5}})",
       R"({"id": "g2", "text": "Invented summary.", "date": "2014-03", "gold": {"country": "Iraq", "city": "Unknown", "latitude": null, "longitude": null, "nkill": 0, "nwound": 0}})",
       R"({"id": "g3", "text": "Invented summary.", "date": "2014-03-04", "gold": {"country": "Nigeria", "city": "Lagos", "latitude": null, "longitude": null, "nkill": 1, "nwound": 0}})"});
  std::string pred = Write(
      "pred.jsonl",
      {R"({"doc_ids": ["g1"], "event_type": "Explosions/Remote violence", "deaths_best": 2, "fatalities": 2, "injured": 5, "country": "Pakistan", "location": "Hayatabad", "latitude": 34.1, "longitude": 71.45})",
       R"({"doc_ids": ["g2"], "event_type": "Explosions/Remote violence", "deaths_best": 0, "injured": null, "country": "Syria", "location": "Somewhere"})"});
  EvalReport r = Run("events-gtd", gold, pred);
  EXPECT_DOUBLE_EQ(Value(r, "event_share"), 2.0 / 3);
  EXPECT_DOUBLE_EQ(Value(r, "nkill"), 2.0 / 3);
  EXPECT_DOUBLE_EQ(Value(r, "nwound"), 2.0 / 3);  // null injured = 0
  EXPECT_DOUBLE_EQ(Value(r, "country"), 1.0 / 3);
  EXPECT_DOUBLE_EQ(Value(r, "city"), 1.0 / 2);  // g1 within 25 km; g2 "Unknown" skipped
}

TEST_F(EvalFilesTest, UcdpFields) {
  std::string gold = Write(
      "ucdp.jsonl",
      {R"({"id": "101", "text": "Invented article.", "date": "2019-01-05 00:00", "gold": {"deaths_side_a": 1, "deaths_side_b": 2, "deaths_civilian": 0, "deaths_unknown": 3, "deaths_low": 5, "deaths_high": 8, "location_root_name": "Syria", "location_adm1_name": "Deir ez Zor governorate", "location_adm2_name": "Albu Kamal district", "location_where_name": "Hajin town", "start_date": "2019-01-04", "end_date": "2019-01-05"}})",
       R"j({"id": "102", "text": "Invented article.", "date": "2019-01-06 00:00", "gold": {"deaths_side_a": 0, "deaths_side_b": 0, "deaths_civilian": 2, "deaths_unknown": 0, "deaths_low": 2, "deaths_high": 2, "location_root_name": "Yemen (North Yemen)", "location_adm1_name": "Marib governorate", "location_adm2_name": "", "location_where_name": "", "start_date": "2019-01-06", "end_date": "2019-01-06"}})j"});
  std::string pred = Write(
      "pred.jsonl",
      {R"({"doc_ids": ["101"], "deaths_best": 6, "deaths_low": 5, "deaths_high": 8, "deaths_civilians": 0, "date_start": "2019-01-04", "date_end": "2019-01-05", "country": "Syria", "admin1": "Deir ez-Zor", "admin2": "Albu Kamal", "location": "Hajin"})",
       R"({"doc_ids": [102], "deaths_best": 1, "deaths_low": 1, "deaths_high": 2, "deaths_civilians": 1, "date_start": "2019-01-06", "date_end": null, "country": "Yemen", "admin1": "Al Bayda", "location": "Marib"})"});
  EvalReport r = Run("events-ucdp", gold, pred);
  EXPECT_DOUBLE_EQ(Value(r, "event_found"), 1.0);
  EXPECT_DOUBLE_EQ(Value(r, "deaths_best"), 0.5);
  EXPECT_DOUBLE_EQ(Value(r, "deaths_low"), 0.5);
  EXPECT_DOUBLE_EQ(Value(r, "deaths_high"), 1.0);
  EXPECT_DOUBLE_EQ(Value(r, "deaths_civilians"), 0.5);
  EXPECT_DOUBLE_EQ(Value(r, "start_date"), 1.0);
  EXPECT_DOUBLE_EQ(Value(r, "end_date"), 0.5);
  EXPECT_DOUBLE_EQ(Value(r, "country"), 1.0);
  EXPECT_DOUBLE_EQ(Value(r, "adm1"), 0.5);
  EXPECT_DOUBLE_EQ(Value(r, "adm2"), 1.0);   // 102 has no adm2
  EXPECT_DOUBLE_EQ(Value(r, "where"), 1.0);  // nor a where
}

TEST_F(EvalFilesTest, IpeDetection) {
  std::string gold = Write(
      "ipe.jsonl",
      {R"({"id": "i1", "text": "invented: police fired, two killed.", "date": "2002-03-10", "url": "", "gold": {"doc_labels": ["KILL", "ANY_ACTION"]}})",
       R"({"id": "i2", "text": "invented: a peaceful march.", "date": "2002-03-11", "url": "", "gold": {"doc_labels": []}})",
       R"({"id": "i3", "text": "invented: a meeting.", "date": "2002-03-12", "url": "", "gold": {"doc_labels": []}})",
       R"({"id": "i4", "text": "invented: an encounter.", "date": "2002-03-13", "url": "", "gold": {"doc_labels": ["KILL"]}})"});
  std::string pred = Write(
      "pred.jsonl",
      {R"({"doc_ids": ["i1"], "event_type": "Violence against civilians", "fatalities": 2})",
       R"({"doc_ids": ["i2"], "event_type": "Protests", "fatalities": 0})",
       R"({"doc_ids": ["i3"], "event_type": "Battles", "fatalities": 0})",
       R"({"doc_ids": ["i4"], "event_type": "Battles", "fatalities": 4, "historical": true})"});
  EvalReport r = Run("ipe", gold, pred);
  EXPECT_EQ(r.documents, 4u);
  EXPECT_DOUBLE_EQ(Value(r, "processed_ok"), 1.0);
  EXPECT_DOUBLE_EQ(Value(r, "kill_detected"), 0.5);
  EXPECT_DOUBLE_EQ(Value(r, "unlabelled_quiet"), 0.5);
}

TEST_F(EvalFilesTest, TimexSpansUseByteOffsets) {
  // "Café opened on Monday, 5 May 2020, last week." — é is 2 bytes, so byte = char + 1 after it.
  // Chars: Monday [15,21), 5 May 2020 [23,33), last week [35,44).
  std::string gold = Write(
      "timex.jsonl",
      {R"({"id": "t1", "dct": "2020-05-11", "text": "Caf\u00e9 opened on Monday, 5 May 2020, last week.", "gold": [{"start": 15, "end": 21, "type": "DATE", "value": "2020-05-04"}, {"start": 23, "end": 33, "type": "DATE", "value": "2020-05-05"}, {"start": 35, "end": 44, "type": "DATE", "value": "2020-W19"}]})",
       R"({"id": "t2", "dct": "2020-05-11", "text": "Today.", "gold": [{"start": 0, "end": 5, "type": "DATE", "value": "2020-05-11"}]})"});
  std::string pred = Write(
      "pred.jsonl",
      {R"({"id": "t1", "text": "...", "timex": [{"start": 16, "end": 22, "type": "DATE", "value": "2020-05-04"}, {"start": 24, "end": 29, "type": "DATE", "value": "2020-05-05"}, {"start": 5, "end": 11, "type": "DATE", "value": "XXXX"}]})"});
  EvalReport r = Run("timex", gold, pred);
  // gold 4, predicted 3; relaxed TP 2, strict TP 1, value TP 2.
  EXPECT_DOUBLE_EQ(Value(r, "relaxed_f1"), 4.0 / 7);
  EXPECT_DOUBLE_EQ(Value(r, "strict_f1"), 2.0 / 7);
  EXPECT_DOUBLE_EQ(Value(r, "value_f1"), 4.0 / 7);
}

TEST_F(EvalFilesTest, PlacesRecognitionAndDistance) {
  // "Zürich and Bern." chars: Zürich [0,6) → bytes [0,7); Bern [11,15) → bytes [12,16).
  std::string gold = Write(
      "places.jsonl",
      {R"({"id": "p1", "corpus": "lgl", "text": "Z\u00fcrich and Bern.", "gold": [{"start": 0, "end": 6, "geonameid": "1", "lat": 47.3769, "lon": 8.5417}, {"start": 11, "end": 15, "geonameid": "2", "lat": 46.948, "lon": 7.447}]})",
       R"({"id": "p2", "corpus": "geowebnews", "text": "Swiss troops left Geneva.", "gold": [{"start": 0, "end": 5, "type": "Demonym", "geonameid": null, "lat": null, "lon": null}, {"start": 18, "end": 24, "type": "Literal", "geonameid": "3", "lat": 46.2, "lon": 6.15}]})"});
  std::string pred = Write(
      "pred.jsonl",
      {R"({"id": "p1", "places": [{"start": 0, "end": 7, "latitude": 47.37, "longitude": 8.54}, {"start": 12, "end": 16, "geonameid": null}]})",
       R"({"id": "p2", "places": [{"start": 0, "end": 5, "latitude": 46.8, "longitude": 8.2}, {"start": 6, "end": 12, "latitude": 0, "longitude": 0}]})"});
  EvalReport r = Run("places", gold, pred);
  EXPECT_DOUBLE_EQ(Value(r, "precision"), 2.0 / 3);  // "Swiss" ignored, "troops" wrong
  EXPECT_DOUBLE_EQ(Value(r, "recall"), 2.0 / 3);     // Geneva missed
  EXPECT_DOUBLE_EQ(Value(r, "acc@161"), 0.5);        // Bern unresolved
  double zurich_km = eval::HaversineKm(47.3769, 8.5417, 47.37, 8.54);
  EXPECT_NEAR(Value(r, "median_error_km"), (zurich_km + 20037.5) / 2, 1e-6);
  EXPECT_FALSE(r.Find("median_error_km")->is_rate);
}

TEST_F(EvalFilesTest, CleanFromPredictionsWithGzipAndLongLines) {
  // A gzip gold file whose first line is several MB long.
  std::string long_text;
  for (int i = 0; long_text.size() < (3u << 20); ++i) long_text += "word" + std::to_string(i) + " ";
  std::string path = (dir_ / "clean.jsonl.gz").string();
  gzFile gz = gzopen(path.c_str(), "wb");
  ASSERT_NE(gz, nullptr);
  std::string line1 = R"({"id": "c1", "html": "<p>x</p>", "text": ")" + long_text + "\"}\n";
  std::string line2 = R"({"id": "c2", "html": "<p>y</p>", "text": "alpha beta gamma delta"})" "\n";
  gzwrite(gz, line1.data(), static_cast<unsigned>(line1.size()));
  gzwrite(gz, line2.data(), static_cast<unsigned>(line2.size()));
  gzclose(gz);
  std::string pred = Write("pred.jsonl", {R"({"id": "c1", "text": ")" + long_text + "\"}"});
  EvalReport r = Run("clean", path, pred);
  EXPECT_EQ(r.documents, 2u);
  EXPECT_DOUBLE_EQ(Value(r, "precision"), 1.0);  // c2 has no output: precision undefined
  EXPECT_DOUBLE_EQ(Value(r, "recall"), 0.5);
  EXPECT_NEAR(Value(r, "f1"), 2.0 / 3, 1e-12);
}

// Without a predictions file, eval runs sitrep's own layers on the gold documents.
TEST_F(EvalFilesTest, RunsOwnLayersWithoutPredictions) {
  std::string timex = Write("timex.jsonl", {
      R"({"id": "t1", "dct": "2024-09-14", "text": "The talks ended yesterday.",)"
      R"( "gold": [{"start": 16, "end": 25, "type": "DATE", "value": "2024-09-13"}]})"});
  EvalReport t = Run("timex", timex, "");
  ASSERT_NE(t.Find("value_f1"), nullptr);
  EXPECT_DOUBLE_EQ(t.Find("value_f1")->value, 1.0);

  std::string acled = Write("acled.jsonl", {
      R"({"id": "a1", "date": "3-May-21", "text": "On 3 May 2021, gunmen shot dead 4 civilians)"
      R"( in a village market.", "gold": {"event_type": "Violence against civilians",)"
      R"( "fatalities": 4, "time_precision": 1}})"});
  EvalReport a = Run("events-acled", acled, "");
  ASSERT_NE(a.Find("event_found"), nullptr);
  EXPECT_DOUBLE_EQ(a.Find("event_found")->value, 1.0);
  ASSERT_NE(a.Find("fatalities"), nullptr);
  EXPECT_DOUBLE_EQ(a.Find("fatalities")->value, 1.0);
}

TEST_F(EvalFilesTest, Errors) {
  EvalOptions options;
  options.kind = "bogus";
  EXPECT_EQ(RunEval(options).status().code(), ErrorCode::kInvalidArgument);
  options.kind = "events-acled";
  options.gold_path = (dir_ / "missing.jsonl").string();
  options.predictions_path = Write("pred.jsonl", {});
  EXPECT_EQ(RunEval(options).status().code(), ErrorCode::kNotFound);
  options.gold_path = Write("gold.jsonl", {R"({"id": "x", "gold": {}})", "not json"});
  options.predictions_path = Write("bad.jsonl", {"{broken"});
  EXPECT_EQ(RunEval(options).status().code(), ErrorCode::kParse);
  options.predictions_path = Write("pred2.jsonl", {});
  Result<EvalReport> r = RunEval(options);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->documents, 1u);
  EXPECT_EQ(r->errors, 1u);  // the malformed gold row
}

TEST_F(EvalFilesTest, WriteEvalInputs) {
  EvalOptions options;
  options.kind = "events-acled";
  options.gold_path = Write(
      "gold.jsonl", {R"({"id": "a1", "text": "Invented.", "date": "9-May-20", "gold": {}})",
                     R"({"id": 7, "text": "Month only.", "date": "2019-11", "gold": {}})",
                     R"({"id": "a3", "html": "<p>Page</p>", "url": "https://example.org/x", "gold": {}})"});
  std::ostringstream out;
  ASSERT_TRUE(WriteEvalInputs(options, out).ok());
  EXPECT_EQ(out.str(),
            R"({"id":"a1","published":"2020-05-09","text":"Invented."})" "\n"
            R"({"id":7,"text":"Month only."})" "\n"
            R"({"id":"a3","url":"https://example.org/x","html":"<p>Page</p>"})" "\n");
  options.limit = 1;
  std::ostringstream one;
  ASSERT_TRUE(WriteEvalInputs(options, one).ok());
  const std::string written = one.str();
  EXPECT_EQ(std::count(written.begin(), written.end(), '\n'), 1);
}

TEST(FormatTest, TableAndJson) {
  EvalReport report;
  report.kind = "clean";
  report.gold_path = "gold.jsonl";
  report.documents = 2;
  report.metrics.push_back({"precision", 0.5, "mean over 2/2 pages"});
  report.metrics.push_back({"median_error_km", 12.25, "", false});
  report.notes.push_back("a note");
  std::string table = FormatEvalTable(report);
  EXPECT_NE(table.find("precision        50.00%  mean over 2/2 pages\n"), std::string::npos)
      << table;
  EXPECT_NE(table.find("median_error_km   12.25\n"), std::string::npos) << table;
  EXPECT_NE(table.find("  - a note\n"), std::string::npos);

  std::string json = FormatEvalJson(report);
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  ASSERT_EQ(parser.parse(json).get(doc), simdjson::SUCCESS) << json;
  EXPECT_EQ(std::string_view(doc["kind"]), "clean");
  EXPECT_EQ(int64_t(doc["documents"]), 2);
  EXPECT_DOUBLE_EQ(double(doc["metrics"].at(0)["value"]), 0.5);
  EXPECT_EQ(std::string_view(doc["notes"].at(0)), "a note");
}

TEST(DefaultGoldTest, KindsAndPaths) {
  EXPECT_EQ(EvalKinds().size(), 7u);
  EXPECT_EQ(DefaultGoldFile("clean"), "clean-dev.jsonl.gz");
  EXPECT_EQ(DefaultGoldFile("events-ucdp"), "ucdp-aec-dev.jsonl");
  EXPECT_EQ(DefaultGoldFile("nope"), "");
  EvalOptions options;
  options.kind = "timex";
  options.gold_dir = "/data/eval";
  EXPECT_EQ(GoldPathFor(options), "/data/eval/timex-dev.jsonl");
  options.gold_path = "x.jsonl";
  EXPECT_EQ(GoldPathFor(options), "x.jsonl");
}

// ---------- the real development set ----------

TEST(RealGoldTest, CleanDevRuns) {
  const std::string path = SITREP_SHARED_DIR "/eval/clean-dev.jsonl.gz";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "no " << path;
  EvalOptions options;
  options.kind = "clean";
  options.gold_path = path;
  Result<EvalReport> report = RunEval(options);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->documents, 142u);
  ASSERT_NE(report->Find("f1"), nullptr);
  std::printf("%s", FormatEvalTable(*report).c_str());
}

}  // namespace
}  // namespace sitrep
