// Name folding, lookups on the real compiled gazetteer blob, and refusal of damaged blobs.
#include "sitrep/gazetteer.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <sstream>
#include <string>
#include <vector>

#include "geo/gazetteer_format.h"
#include "util/hash_bytes.h"

namespace sitrep {
namespace {

struct FoldCase {
  const char* in;
  const char* want;
};

const FoldCase kFoldCases[] = {
    {"Fallujah", "fallujah"},
    {"Al Fallūjah", "fallujah"},
    {"al-Fallujah", "fallujah"},
    {"AL FALLUJAH", "fallujah"},
    {"Falluja", "falluja"},
    {"Al-Anbar", "anbar"},
    {"al Anbar", "anbar"},
    {"Anbar province", "anbar province"},
    {"El Fasher", "fasher"},
    {"Al Fāshir", "fashir"},
    {"Ad-Dawr", "dawr"},
    {"Ash-Shirqat", "shirqat"},
    {"As Sulaymānīyah", "sulaymaniyah"},
    {"At-Tall", "tall"},
    {"Az-Zubayr", "zubayr"},
    {"An Najaf", "najaf"},
    {"Ar-Ramadi", "ramadi"},
    {"Deir ez-Zor", "deir zor"},
    {"Ras al-‘Ayn", "ras ayn"},
    {"Ma'rib", "marib"},
    {"Ma’rib", "marib"},
    {"Ṣanʿāʾ", "sana"},
    {"Ḥalab", "halab"},
    {"Ḍuhūk", "duhuk"},
    {"Ẓafār", "zafar"},
    {"Ṭarābulus", "tarabulus"},
    {"Kharkiv", "kharkiv"},
    {"São Paulo", "sao paulo"},
    {"Zürich", "zurich"},
    {"Straße", "strasse"},
    {"Łódź", "lodz"},
    {"Ouagadougou", "ouagadougou"},
    {"Bobo-Dioulasso", "bobo dioulasso"},
    {"Burkinabè", "burkinabe"},
    {"Côte d'Ivoire", "cote divoire"},
    {"U.S.", "us"},
    {"St. Louis", "st louis"},
    {"  New   York  ", "new york"},
    {"Al", "al"},            // a lone article is the name itself
    {"El Paso", "paso"},     // consistent on both sides, so still matches
    {"Mazār-e Sharīf", "mazar e sharif"},
    {"Dawlat\u00A0Abad", "dawlat abad"},
    {"Киев", "Киев"},        // other scripts pass through
    {"", ""},
    {"\xff\xfe", ""},        // invalid UTF-8 is a separator
};

// HashBytes (the key index's hash, so a blob's lookups depend on it) reads its last bytes with
// fixed-size loads: the same value as the plain definition, a memcpy of the tail, at every
// length and alignment.
uint64_t HashBytesByTailCopy(std::string_view bytes) {
  uint64_t h = 0x9e3779b97f4a7c15ull ^ bytes.size();
  size_t i = 0;
  for (; i + 8 <= bytes.size(); i += 8) {
    uint64_t v;
    std::memcpy(&v, bytes.data() + i, 8);
    h = (h ^ v) * 0xff51afd7ed558ccdull;
    h ^= h >> 32;
  }
  uint64_t tail = 0;
  std::memcpy(&tail, bytes.data() + i, bytes.size() - i);
  h = (h ^ tail) * 0xc4ceb9fe1a85ec53ull;
  return h ^ (h >> 29);
}

TEST(HashBytesTest, TailLoadsMatchTheTailCopy) {
  std::string bytes;
  for (int k = 0; k < 64; ++k) bytes.push_back(static_cast<char>(k * 37 + 11));
  for (size_t begin = 0; begin < 8; ++begin) {
    for (size_t len = 0; begin + len <= bytes.size(); ++len) {
      const std::string_view w(bytes.data() + begin, len);
      EXPECT_EQ(HashBytes(w), HashBytesByTailCopy(w)) << "begin " << begin << " len " << len;
    }
  }
  EXPECT_EQ(HashBytes("kabul"), HashBytesByTailCopy("kabul"));
}

// SameBytes (the memos' key compare) against memcmp: equal strings of every length to 40, and
// each with one byte changed at every position.
TEST(HashBytesTest, SameBytesMatchesMemcmp) {
  std::string a;
  for (int k = 0; k < 40; ++k) a.push_back(static_cast<char>('a' + k % 26));
  for (size_t len = 0; len <= a.size(); ++len) {
    std::string b = a.substr(0, len);
    EXPECT_TRUE(SameBytes(a.data(), b.data(), len)) << len;
    for (size_t at = 0; at < len; ++at) {
      b[at] ^= 0x20;
      EXPECT_EQ(SameBytes(a.data(), b.data(), len), std::memcmp(a.data(), b.data(), len) == 0)
          << len << " " << at;
      EXPECT_FALSE(SameBytes(a.data(), b.data(), len)) << len << " " << at;
      b[at] ^= 0x20;
    }
  }
}

TEST(FoldNameTest, Table) {
  for (const FoldCase& c : kFoldCases) {
    EXPECT_EQ(FoldName(c.in), c.want) << "input: " << c.in;
  }
}

// One plain ASCII word takes a shortcut; a trailing space sends the same word through the
// general passes, which must agree.
TEST(FoldNameTest, PlainWordShortcutMatchesTheGeneralPasses) {
  for (const char* w : {"Baghdad", "MONDAY", "al", "Al", "El", "x", "Z9", "2020", "Kyiv",
                        "ALSHABAAB", "deir", "aTb"}) {
    EXPECT_EQ(FoldName(w), FoldName(std::string(w) + " ")) << w;
  }
  EXPECT_EQ(FoldName("Baghdad"), "baghdad");
}

// Plain words joined by single spaces take the same shortcut (articles still drop); a trailing
// space or a doubled one sends the same name through the general passes, which must agree.
TEST(FoldNameTest, SpacedWordsShortcutMatchesTheGeneralPasses) {
  struct Row {
    const char* in;
    const char* want;
  };
  for (const Row& r : std::initializer_list<Row>{{"Deir Ez Zor", "deir zor"},
                                                 {"Al Anbar", "anbar"},
                                                 {"An Najaf", "najaf"},
                                                 {"Tell el Abyad", "tell abyad"},
                                                 {"Bosnia and Herzegovina", "bosnia and herzegovina"},
                                                 {"Rio De Janeiro", "rio de janeiro"},
                                                 {"Ras Al", "ras al"},
                                                 {"AL UD", "ud"},
                                                 {"Camp 9 East", "camp 9 east"},
                                                 {"a b", "a b"}}) {
    const std::string in = r.in;
    EXPECT_EQ(FoldName(in), r.want) << in;
    EXPECT_EQ(FoldName(in), FoldName(in + " ")) << in;
    std::string doubled;
    for (char c : in) {
      doubled.push_back(c);
      if (c == ' ') doubled.push_back(' ');
    }
    EXPECT_EQ(FoldName(in), FoldName(doubled)) << in;
  }
  // Not the shortcut: leading, doubled and trailing spaces, and other separators.
  EXPECT_EQ(FoldName(" Al Anbar"), "anbar");
  EXPECT_EQ(FoldName("Al  Anbar "), "anbar");
  EXPECT_EQ(FoldName("Al-Anbar"), "anbar");
  EXPECT_EQ(FoldName(" "), "");
}

TEST(FoldNameTest, Idempotent) {
  for (const FoldCase& c : kFoldCases) {
    const std::string once = FoldName(c.in);
    if (once == "al") continue;
    EXPECT_EQ(FoldName(once), once) << "input: " << c.in;
  }
}

TEST(LooseKeyTest, Variants) {
  EXPECT_EQ(LooseKey(FoldName("Fallujah")), LooseKey(FoldName("Falluja")));
  EXPECT_EQ(LooseKey(FoldName("El Fasher")), LooseKey(FoldName("Al Fashir")));
  EXPECT_EQ(LooseKey(FoldName("Dawlat Abad")), LooseKey(FoldName("Dowlatabad")));
  EXPECT_EQ(LooseKey(FoldName("Qandahar")), LooseKey(FoldName("Kandahar")));
  EXPECT_EQ(LooseKey(FoldName("Deir ez-Zor")), LooseKey(FoldName("Dayr az Zor")));
  EXPECT_EQ(LooseKey("fallujah"), "falaja");
  EXPECT_NE(LooseKey(FoldName("Gao")), LooseKey(FoldName("Goma")));
}

// LooseKey's rules written out one test after another, byte by byte (the definition the table
// of byte classes in fold.cc must answer as).
std::string LooseKeyByRules(std::string_view folded) {
  auto vowel = [](char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
  };
  std::string out(folded.size(), '\0');
  size_t n = 0;
  size_t word_start = 0;
  bool at_word_start = true;
  for (size_t i = 0; i < folded.size(); ++i) {
    char c = folded[i];
    if (c == ' ') {
      at_word_start = true;
      continue;
    }
    const bool word_end = (i + 1 == folded.size() || folded[i + 1] == ' ');
    if (at_word_start) word_start = n;
    if (c == 'q') c = 'k';
    if (c == 'd' && i + 1 < folded.size() && folded[i + 1] == 'j') continue;
    if (c == 'p' && i + 1 < folded.size() && folded[i + 1] == 'h') {
      c = 'f';
      ++i;
    }
    if (c == 'h' && word_end && n > word_start && vowel(out[n - 1]) && out[n - 1] != 'y') {
      at_word_start = false;
      continue;
    }
    if (vowel(c) && !(c == 'y' && at_word_start)) c = 'a';
    if (n > 0 && out[n - 1] == c) {
      at_word_start = false;
      continue;
    }
    out[n++] = c;
    at_word_start = false;
  }
  out.resize(n);
  return out;
}

TEST(LooseKeyTest, MatchesTheRulesOneByOne) {
  // Every string of up to 5 bytes over the bytes the rules name, then random longer ones (the
  // same seed every run).
  const std::string alphabet = "aeiouyqdjphk Q\xC3";
  std::vector<std::string> inputs = {""};
  for (size_t len = 1, begin = 0; len <= 5; ++len) {
    const size_t end = inputs.size();
    for (size_t k = begin; k < end; ++k) {
      for (char c : alphabet) inputs.push_back(inputs[k] + c);
    }
    begin = end;
  }
  uint64_t state = 0x9e3779b97f4a7c15ull;
  for (int r = 0; r < 20000; ++r) {
    std::string s;
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    const size_t len = 6 + (state >> 59);
    for (size_t i = 0; i < len; ++i) {
      state = state * 6364136223846793005ull + 1442695040888963407ull;
      s += alphabet[(state >> 33) % alphabet.size()];
    }
    inputs.push_back(s);
  }
  for (const char* name : {"Fallujah", "Deir ez-Zor", "Dawlat Abad", "Djibouti", "Phnom Penh",
                           "Yaoundé", "Qalqilyah", "Shah Alam", "Ouagadougou", "Sayyidah Zaynab"}) {
    inputs.push_back(FoldName(name));
  }
  for (const std::string& in : inputs) ASSERT_EQ(LooseKey(in), LooseKeyByRules(in)) << in;
}

std::string BlobPath() {
  if (const char* env = std::getenv("SITREP_GAZETTEER")) return env;
  char exe[4096];
  const ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (n > 0) {
    exe[n] = '\0';
    auto p = std::filesystem::path(exe).parent_path().parent_path() / "data" / "gazetteer.bin";
    if (std::filesystem::exists(p)) return p.string();
  }
  return std::string(SITREP_SOURCE_DIR) + "/data/gazetteer.bin";
}

class GazetteerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto g = Gazetteer::Open(BlobPath());
    ASSERT_TRUE(g.ok()) << g.status().ToString();
    gaz_ = new std::shared_ptr<const Gazetteer>(*g);
  }
  static void TearDownTestSuite() {
    delete gaz_;
    gaz_ = nullptr;
  }
  const Gazetteer& gaz() { return **gaz_; }

  // The first candidate of `kind` in `country`, or nullopt.
  std::optional<GeoEntry> First(std::string_view name, GeoKind kind, std::string_view iso2) {
    for (GeoEntry e : gaz().Lookup(name)) {
      if (e.kind() == kind && e.country_iso2() == iso2) return e;
    }
    return std::nullopt;
  }
  static std::shared_ptr<const Gazetteer>* gaz_;
};
std::shared_ptr<const Gazetteer>* GazetteerTest::gaz_ = nullptr;

TEST_F(GazetteerTest, Stats) {
  const auto s = gaz().stats();
  EXPECT_GE(s.countries, 250u);
  EXPECT_GE(s.admin1, 3800u);
  EXPECT_GE(s.admin2, 40000u);
  EXPECT_GE(s.places, 200000u);
  EXPECT_GE(s.demonyms, 300u);
}

TEST_F(GazetteerTest, FallujahSpellingsResolveToOnePlace) {
  auto a = First("Fallujah", GeoKind::kPlace, "IQ");
  auto b = First("Falluja", GeoKind::kPlace, "IQ");
  auto c = First("Al Fallūjah", GeoKind::kPlace, "IQ");
  auto d = First("al-Falluja", GeoKind::kPlace, "IQ");
  ASSERT_TRUE(a && b && c && d);
  EXPECT_EQ(a->geonameid(), 99454u);
  EXPECT_EQ(*a, *b);
  EXPECT_EQ(*a, *c);
  EXPECT_EQ(*a, *d);
  EXPECT_EQ(a->country_iso3(), "IRQ");
  EXPECT_EQ(a->country_name(), "Iraq");
  EXPECT_EQ(a->admin1_code(), "IQ.01");
  EXPECT_EQ(a->admin1_name(), "Al Anbar");
  EXPECT_NEAR(a->lat(), 33.349, 0.01);
  EXPECT_NEAR(a->lon(), 43.786, 0.01);
  EXPECT_GT(a->population(), 100000u);
  EXPECT_EQ(a->feature_class(), 'P');
  EXPECT_EQ(a->feature_code(), "PPLA2");
  auto admin1 = gaz().Admin1Of(*a);
  ASSERT_TRUE(admin1);
  EXPECT_EQ(admin1->code(), "IQ.01");
  auto admin2 = gaz().Admin2Of(*a);
  ASSERT_TRUE(admin2);
  EXPECT_EQ(admin2->kind(), GeoKind::kAdmin2);
  EXPECT_FALSE(a->admin2_name().empty());
}

TEST_F(GazetteerTest, AnbarVariantsAreIraqAdmin1) {
  for (const char* name : {"Anbar", "Anbar province", "Anbar Governorate", "Al-Anbar", "al Anbar"}) {
    auto e = First(name, GeoKind::kAdmin1, "IQ");
    ASSERT_TRUE(e) << name;
    EXPECT_EQ(e->code(), "IQ.01") << name;
    EXPECT_EQ(e->geonameid(), 99592u);
    EXPECT_TRUE(e->has_coordinates());
    EXPECT_NEAR(e->lat(), 33.2, 1.0);
    EXPECT_EQ(e->admin1_name(), "Al Anbar");
    EXPECT_EQ(e->feature_code(), "ADM1");
  }
}

TEST_F(GazetteerTest, BalkhIsAfghanAdmin1) {
  auto e = First("Balkh", GeoKind::kAdmin1, "AF");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->code(), "AF.30");
  EXPECT_EQ(e->country_iso3(), "AFG");
  auto province = First("Balkh Province", GeoKind::kAdmin1, "AF");
  ASSERT_TRUE(province);
  EXPECT_EQ(*province, *e);
}

// The ISO code tables built at open answer as a scan of the country records does: the first
// country holding the code, in either case; codes no country holds find none.
TEST_F(GazetteerTest, IsoCodeTablesMatchAScanOfTheCountries) {
  const uint32_t n = gaz().stats().countries;
  ASSERT_GT(n, 200u);
  auto scan = [&](std::string_view code, bool iso3) -> std::optional<GeoEntry> {
    for (uint32_t i = 0; i < n; ++i) {
      const GeoEntry e = gaz().Entry(i);
      if ((iso3 ? e.country_iso3() : e.country_iso2()) == code) return e;
    }
    return std::nullopt;
  };
  for (uint32_t i = 0; i < n; ++i) {
    const GeoEntry e = gaz().Entry(i);
    const std::string iso2(e.country_iso2()), iso3(e.country_iso3());
    EXPECT_EQ(gaz().CountryByIso2(iso2), scan(iso2, false)) << iso2;
    EXPECT_EQ(gaz().CountryByIso3(iso3), scan(iso3, true)) << iso3;
    std::string lower2 = iso2, lower3 = iso3;
    for (char& c : lower2) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (char& c : lower3) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    EXPECT_EQ(gaz().CountryByIso2(lower2), scan(iso2, false)) << iso2;
    EXPECT_EQ(gaz().CountryByIso3(lower3), scan(iso3, true)) << iso3;
  }
  for (const char* code : {"QQ", "Z9", "1A", "", "A"}) {
    EXPECT_EQ(gaz().CountryByIso2(code), scan(code, false)) << code;
  }
  for (const char* code : {"QQQ", "ZZ9", "AB", ""}) {
    EXPECT_EQ(gaz().CountryByIso3(code), scan(code, true)) << code;
  }
}

TEST_F(GazetteerTest, Admin2AndCodes) {
  auto e = gaz().Admin2ByCode("AF.30.1605");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->ascii_name(), "Dowlatabad");
  EXPECT_EQ(e->admin1_code(), "AF.30");
  EXPECT_TRUE(e->has_coordinates());
  auto district = First("Dowlatabad district", GeoKind::kAdmin2, "AF");
  ASSERT_TRUE(district);
  bool loose_found = false;
  for (GeoEntry c : gaz().LookupLoose("Dawlat Abad")) {
    if (c.country_iso2() == "AF") loose_found = true;
  }
  EXPECT_TRUE(loose_found);
  auto a1 = gaz().Admin1ByCode("IQ.01");
  ASSERT_TRUE(a1);
  EXPECT_EQ(a1->name(), "Al Anbar");
  EXPECT_FALSE(gaz().Admin1ByCode("XX.99"));
}

TEST_F(GazetteerTest, Countries) {
  auto iq = gaz().CountryByIso2("IQ");
  ASSERT_TRUE(iq);
  EXPECT_EQ(iq->name(), "Iraq");
  EXPECT_EQ(iq->kind(), GeoKind::kCountry);
  EXPECT_EQ(iq->country_iso3(), "IRQ");
  EXPECT_EQ(iq->geonameid(), 99237u);
  EXPECT_NEAR(iq->lat(), 33.34, 0.5);  // capital, Baghdad
  EXPECT_EQ(gaz().CountryByIso2("iq"), iq);
  EXPECT_EQ(gaz().CountryByIso3("IRQ"), iq);
  EXPECT_FALSE(gaz().CountryByIso2("ZZ"));
  auto by_name = First("Iraq", GeoKind::kCountry, "IQ");
  ASSERT_TRUE(by_name);
  EXPECT_EQ(*by_name, *iq);
  auto drc = First("DR Congo", GeoKind::kCountry, "CD");
  ASSERT_TRUE(drc);
  auto ivory = First("Ivory Coast", GeoKind::kCountry, "CI");
  ASSERT_TRUE(ivory);
}

// admin1_names.tsv: a division takes its current official English name; the name GeoNames gives
// it still finds it. Negative row: a division the file leaves alone keeps GeoNames' name.
TEST_F(GazetteerTest, OfficialDivisionNamesKeepGeoNamesNamesAsAliases) {
  struct {
    const char* code;
    const char* name;
    const char* geonames_name;
  } cases[] = {{"PH.NCR", "National Capital Region", "Metro Manila"},
               {"PH.14", "Bangsamoro Autonomous Region in Muslim Mindanao",
                "Autonomous Region in Muslim Mindanao"},
               {"LB.09", "North", "Liban-Nord"},
               {"LB.10", "Akkar", "Aakkâr"},
               {"HR.21", "City of Zagreb", "Zagreb"},
               {"PK.06", "Azad Jammu and Kashmir", "Azad Kashmir"},
               {"KZ.07", "West Kazakhstan", "Batys Qazaqstan"},
               {"BA.02", "Republika Srpska", "Srpska"},
               {"IQ.01", "Al Anbar", "Al Anbar"}};
  for (const auto& c : cases) {
    SCOPED_TRACE(c.code);
    auto division = gaz().Admin1ByCode(c.code);
    ASSERT_TRUE(division);
    EXPECT_EQ(division->name(), c.name);
    for (const char* written : {c.name, c.geonames_name}) {
      const auto candidates = gaz().Lookup(written);
      EXPECT_TRUE(std::any_of(candidates.begin(), candidates.end(),
                              [&](const GeoEntry& e) { return e == *division; }))
          << written;
    }
  }
}

TEST_F(GazetteerTest, Demonyms) {
  struct {
    const char* demonym;
    const char* iso2;
  } cases[] = {{"Iraqi", "IQ"},   {"Syrian", "SY"},   {"Malian", "ML"},   {"Nigerien", "NE"},
               {"Nigerian", "NG"}, {"Burkinabe", "BF"}, {"Burkinabè", "BF"}, {"Somali", "SO"},
               {"Afghan", "AF"},  {"Yemeni", "YE"},   {"Ukrainian", "UA"}, {"Russian", "RU"},
               {"American", "US"}, {"U.S.", "US"},    {"British", "GB"},   {"iraqis", "IQ"}};
  for (const auto& c : cases) {
    auto e = gaz().CountryByDemonym(c.demonym);
    ASSERT_TRUE(e) << c.demonym;
    EXPECT_EQ(e->country_iso2(), c.iso2) << c.demonym;
  }
  EXPECT_EQ(gaz().CountriesByDemonym("Congolese").size(), 2u);
  EXPECT_FALSE(gaz().CountryByDemonym("Fallujan"));
}

TEST_F(GazetteerTest, ConflictPlaces) {
  struct {
    const char* name;
    const char* iso2;
    double lat, lon;
  } cases[] = {{"Mogadishu", "SO", 2.04, 45.34}, {"Gao", "ML", 16.27, -0.04},
               {"Kherson", "UA", 46.64, 32.61},  {"El Fasher", "SD", 13.63, 25.35},
               {"Al Fashir", "SD", 13.63, 25.35}, {"Muqdisho", "SO", 2.04, 45.34},
               {"Ouagadougou", "BF", 12.37, -1.53}};
  for (const auto& c : cases) {
    auto e = First(c.name, GeoKind::kPlace, c.iso2);
    ASSERT_TRUE(e) << c.name;
    EXPECT_NEAR(e->lat(), c.lat, 0.1) << c.name;
    EXPECT_NEAR(e->lon(), c.lon, 0.1) << c.name;
  }
  // Gao also names a Burkinabe village; the Malian city, far larger, comes first among places.
  auto all = gaz().Lookup("Gao");
  ASSERT_GE(all.size(), 2u);
  for (GeoEntry e : all) {
    if (e.kind() == GeoKind::kPlace) {
      EXPECT_EQ(e.country_iso2(), "ML");
      break;
    }
  }
  EXPECT_TRUE(gaz().Lookup("Xyzzyplugh").empty());
  EXPECT_TRUE(gaz().HasFoldedPrefix("deir"));
  EXPECT_FALSE(gaz().HasFoldedPrefix("xyzzyplugh"));
}

// The blob's word-prefix index answers as the binary search over the sorted keys does.
TEST_F(GazetteerTest, WordPrefixIndexMatchesBinarySearch) {
  const char* names[] = {"Deir ez-Zor", "Bosnia and Herzegovina", "Rio de Janeiro", "Isle of Man",
                         "New York City", "Dawlat Abad district", "Anbar province", "San Juan",
                         "Ras al Ain", "Abu Ghraib", "Tal Afar", "Xyzzy Plugh", "Washington Post",
                         "North Waziristan", "Kafr Nabl", "the Hague", "Sierra Leone", "Umm Qasr"};
  int compared = 0, found = 0;
  for (const char* name : names) {
    const std::string key = FoldName(name);
    // Every word prefix, with and without its trailing space, and a few partial words.
    for (size_t end = 1; end <= key.size(); ++end) {
      for (std::string q : {key.substr(0, end), key.substr(0, end) + " "}) {
        const bool fast = gaz().HasFoldedPrefix(q);
        EXPECT_EQ(fast, gaz().HasFoldedPrefixBySearch(q)) << "'" << q << "'";
        ++compared;
        found += fast;
      }
    }
  }
  for (std::string q : {"", " ", "  ", "deir  ", "zzzzzzzz "}) {
    EXPECT_EQ(gaz().HasFoldedPrefix(q), gaz().HasFoldedPrefixBySearch(q)) << "'" << q << "'";
  }
  EXPECT_GT(compared, 300);
  EXPECT_GT(found, 100);
  EXPECT_TRUE(gaz().HasFoldedPrefix("deir "));
  EXPECT_TRUE(gaz().HasFoldedPrefix("bosnia and "));
  EXPECT_FALSE(gaz().HasFoldedPrefix("xyzzyplugh "));
  // The form without the space built by the caller answers the same.
  for (std::string q : {"deir", "bosnia and", "bosnia", "xyzzyplugh", "", "deir zor", "al"}) {
    EXPECT_EQ(gaz().HasFoldedWordPrefix(q), gaz().HasFoldedPrefix(q + " ")) << "'" << q << "'";
  }
}

// FindDemonymFolded on a folded key answers as CountriesByDemonym on the raw word.
TEST_F(GazetteerTest, FindDemonymFoldedMatchesCountriesByDemonym) {
  for (const char* w : {"Iraqi", "Afghan", "Congolese", "Burkinabè", "U.S.", "Xyzzy", "", "Police"}) {
    std::vector<GeoEntry> want = gaz().CountriesByDemonym(w);
    std::span<const GeoId> got = gaz().FindDemonymFolded(FoldName(w));
    ASSERT_EQ(got.size(), want.size()) << w;
    for (size_t i = 0; i < got.size(); ++i) EXPECT_EQ(got[i], want[i].id()) << w;
  }
  EXPECT_FALSE(gaz().FindDemonymFolded(FoldName("Iraqi")).empty());
}

// The blob's own-name flags say what folding the entries' names says.
TEST_F(GazetteerTest, OwnNameFlagsMatchFolding) {
  const char* names[] = {"Fallujah", "Falluja", "Anbar", "Gao", "Georgia", "Washington", "Kyiv",
                         "Kiev", "Mosul", "Aleppo", "Halab", "Springfield", "Balkh", "Muqdisho"};
  int own = 0, alternate = 0;
  for (const char* name : names) {
    const std::string key = FoldName(name);
    std::span<const GeoId> ids = gaz().FindFolded(key);
    std::span<const uint8_t> flags = gaz().OwnNameFlags(ids);
    ASSERT_EQ(flags.size(), ids.size()) << name;
    for (size_t i = 0; i < ids.size(); ++i) {
      GeoEntry e = gaz().Entry(ids[i]);
      const bool want = FoldName(e.name()) == key || FoldName(e.ascii_name()) == key;
      EXPECT_EQ(flags[i] != 0, want) << name << " " << e.name();
      (want ? own : alternate) += 1;
    }
  }
  EXPECT_GT(own, 20);
  EXPECT_GT(alternate, 0);
  // Spans from elsewhere have no flags.
  EXPECT_TRUE(gaz().OwnNameFlags(gaz().FindLoose(LooseKey("fallujah"))).empty());
  EXPECT_TRUE(gaz().OwnNameFlags({}).empty());
}

// Every entry is found under its own folded name, and the first word of a longer name is a word
// prefix (the index and the per-thread memo of recent lookups in front of it agree).
TEST_F(GazetteerTest, EveryEntryIsFoundUnderItsFoldedName) {
  int checked = 0, prefixes = 0;
  for (GeoId id = 0; id < gaz().size(); ++id) {
    const std::string key = FoldName(gaz().Entry(id).name());
    if (key.empty()) continue;
    std::span<const GeoId> ids = gaz().FindFolded(key);
    EXPECT_NE(std::find(ids.begin(), ids.end(), id), ids.end()) << gaz().Entry(id).name();
    ++checked;
    if (const size_t sp = key.find(' '); sp != std::string::npos && id % 8 == 0) {
      const std::string first = key.substr(0, sp + 1);
      EXPECT_TRUE(gaz().HasFoldedPrefix(first)) << first;
      ++prefixes;
    }
  }
  EXPECT_GT(checked, 200000);
  EXPECT_GT(prefixes, 1000);
}

// Uganda's first level is its districts, not GeoNames' four statistical regions; Serbia's
// holds the City of Belgrade beside Central Serbia and Vojvodina.
TEST_F(GazetteerTest, GoverningDistrictsAreTheFirstLevel) {
  EXPECT_TRUE(First("Gulu District", GeoKind::kAdmin1, "UG").has_value());
  EXPECT_FALSE(First("Northern Region", GeoKind::kAdmin1, "UG").has_value());
  EXPECT_FALSE(First("Gulu District", GeoKind::kAdmin2, "UG").has_value());
  std::optional<GeoEntry> belgrade = First("Belgrade", GeoKind::kAdmin1, "RS");
  ASSERT_TRUE(belgrade.has_value());
  EXPECT_TRUE(First("Vojvodina", GeoKind::kAdmin1, "RS").has_value());
  EXPECT_TRUE(First("Central Serbia", GeoKind::kAdmin1, "RS").has_value());
  std::optional<GeoEntry> city = First("Belgrade", GeoKind::kPlace, "RS");
  ASSERT_TRUE(city.has_value());
  EXPECT_EQ(city->admin1_id(), belgrade->id());
  EXPECT_EQ(city->admin2_id(), kNoGeoId);
}

// Lookups answer in the documented order: kind, then population descending, then places filed
// under a second-level division before their namesakes of equal population that are not (so a
// tie in the resolver goes to the fuller record).
TEST_F(GazetteerTest, CandidatesComeInTheDocumentedOrder) {
  int lists = 0, filed_ties = 0;
  for (GeoId id = 0; id < gaz().size(); id += 5) {
    const std::string key = FoldName(gaz().Entry(id).name());
    if (key.empty()) continue;
    std::span<const GeoId> ids = gaz().FindFolded(key);
    ++lists;
    for (size_t i = 1; i < ids.size(); ++i) {
      GeoEntry a = gaz().Entry(ids[i - 1]);
      GeoEntry b = gaz().Entry(ids[i]);
      ASSERT_LE(static_cast<int>(a.kind()), static_cast<int>(b.kind())) << key;
      if (a.kind() != b.kind()) continue;
      ASSERT_GE(a.population(), b.population()) << key;
      if (a.kind() != GeoKind::kPlace || a.population() != b.population()) continue;
      const bool a_filed = a.admin2_id() != kNoGeoId, b_filed = b.admin2_id() != kNoGeoId;
      EXPECT_TRUE(a_filed || !b_filed) << key << ": " << a.geonameid() << " before "
                                        << b.geonameid();
      filed_ties += a_filed && !b_filed;
    }
  }
  EXPECT_GT(lists, 40000);
  EXPECT_GT(filed_ties, 100);  // the rule has work to do in the real data
}

// PrefetchFolded only warms caches: every lookup answers the same after it, for keys that are
// names, word prefixes, loose-only spellings, absent, empty, longer than the memo holds, and
// batches longer than one round.
TEST_F(GazetteerTest, PrefetchFoldedChangesNoAnswer) {
  const char* names[] = {"Fallujah", "Falluja", "Bossaso", "Deir", "Bosnia", "Xyzzy", "Police",
                         "Monday", "Anbar", "Washington", "Kyiv", "Halab", "", "Zzzqqq",
                         "Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch town"};
  std::vector<std::string> keys;
  for (int copy = 0; copy < 5; ++copy) {  // 75 keys: three batches, repeats answered by the memo
    for (const char* n : names) keys.push_back(FoldName(n));
  }
  struct Answer {
    std::span<const GeoId> ids, loose;
    bool prefix;
  };
  auto ask = [&](const std::string& k) {
    return Answer{gaz().FindFolded(k), gaz().FindLoose(LooseKey(k)),
                  gaz().HasFoldedPrefix(k + " ")};
  };
  std::vector<Answer> before;
  for (const std::string& k : keys) before.push_back(ask(k));
  gaz().PrefetchFolded(keys);
  gaz().PrefetchFolded({});
  // The loose forms come back for the keys whose lookups the memo did not answer already.
  std::vector<std::string> loose(keys.size(), "stale");
  gaz().PrefetchFolded(keys, loose);
  for (size_t i = 0; i < keys.size(); ++i) {
    const Answer after = ask(keys[i]);
    EXPECT_EQ(after.ids.data(), before[i].ids.data()) << keys[i];
    EXPECT_EQ(after.ids.size(), before[i].ids.size()) << keys[i];
    EXPECT_EQ(after.loose.data(), before[i].loose.data()) << keys[i];
    EXPECT_EQ(after.prefix, before[i].prefix) << keys[i];
    // A loose form handed back is LooseKey's; never one of a name key, never a stale string.
    if (!loose[i].empty()) {
      EXPECT_EQ(loose[i], LooseKey(keys[i])) << keys[i];
      EXPECT_TRUE(after.ids.empty()) << keys[i];
    }
  }
  EXPECT_FALSE(before[0].ids.empty());  // fallujah
  EXPECT_TRUE(before[3].prefix);        // "deir "
  EXPECT_TRUE(before[13].ids.empty());  // zzzqqq
}

// The answers PrefetchFolded hands back are the single lookups' own (the recognizer uses them
// instead of asking again): the same spans, the same word-prefix flag and demonym countries, and
// the loose answer of exactly the keys whose loose form comes back, which is every key that is
// not a name key. Asked twice, cold and with the memo warm.
TEST_F(GazetteerTest, PrefetchFoldedAnswersAreTheLookups) {
  const char* names[] = {"Fallujah", "Falluja", "Bossaso", "Deir", "Bosnia", "Xyzzy", "Police",
                         "Monday", "Anbar", "Washington", "Kyiv", "Halab", "", "Zzzqqq", "Gao",
                         "Dowlatabad", "Mogadisho", "Al", "New", "Iraqi", "Afghans",
                         "Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch town"};
  std::vector<std::string> keys;
  for (int copy = 0; copy < 4; ++copy) {  // 88 keys: three batches, repeats inside a batch
    for (const char* n : names) keys.push_back(FoldName(n) + (copy == 3 ? "q" : ""));
  }
  for (int round = 0; round < 2; ++round) {
    std::vector<std::string> loose(keys.size(), "stale");
    std::vector<Gazetteer::FoldedAnswer> answers(keys.size());
    gaz().PrefetchFolded(keys, loose, answers);
    size_t with_loose = 0, with_demonyms = 0;
    for (size_t i = 0; i < keys.size(); ++i) {
      const std::span<const GeoId> ids = gaz().FindFolded(keys[i]);
      EXPECT_EQ(answers[i].ids.data(), ids.data()) << keys[i];
      EXPECT_EQ(answers[i].ids.size(), ids.size()) << keys[i];
      EXPECT_EQ(answers[i].word_prefix, gaz().HasFoldedWordPrefix(keys[i])) << keys[i];
      const std::span<const GeoId> dem = gaz().FindDemonymFolded(keys[i]);
      EXPECT_EQ(answers[i].demonyms.data(), dem.data()) << keys[i];
      EXPECT_EQ(answers[i].demonyms.size(), dem.size()) << keys[i];
      // Every key that is not a name key has its loose form handed back.
      EXPECT_EQ(loose[i].empty(), keys[i].empty() || !ids.empty() || LooseKey(keys[i]).empty())
          << keys[i];
      const std::span<const GeoId> lo =
          loose[i].empty() ? std::span<const GeoId>() : gaz().FindLoose(loose[i]);
      EXPECT_EQ(answers[i].loose.data(), lo.data()) << keys[i];
      EXPECT_EQ(answers[i].loose.size(), lo.size()) << keys[i];
      with_loose += !answers[i].loose.empty();
      with_demonyms += !answers[i].demonyms.empty();
    }
    EXPECT_GT(with_loose, 0u);      // "bossaso", "mogadisho"
    EXPECT_GT(with_demonyms, 0u);  // "iraqi", "afghans"

  }
}

// --- damaged blobs -----------------------------------------------------------------------------

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class CorruptBlobTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { blob_ = new std::string(ReadAll(BlobPath())); }
  static void TearDownTestSuite() { delete blob_; }
  static std::string* blob_;
};
std::string* CorruptBlobTest::blob_ = nullptr;

namespace gf = gazetteer_format;

gf::Header HeaderOf(const std::string& b) {
  gf::Header h;
  std::memcpy(&h, b.data(), sizeof h);
  return h;
}

// The compiler's index of key section `keys`, built from the blob's keys as they are now.
std::vector<uint64_t> IndexOfKeys(const std::string& b, gf::SectionId keys) {
  const gf::Header h = HeaderOf(b);
  std::vector<gf::KeyRec> recs(h.sections[keys].size / sizeof(gf::KeyRec));
  std::memcpy(recs.data(), b.data() + h.sections[keys].offset, h.sections[keys].size);
  return gf::BuildKeyIndex(recs.data(), static_cast<uint32_t>(recs.size()),
                           b.data() + h.sections[gf::kStrings].offset);
}

constexpr std::pair<gf::SectionId, gf::SectionId> kIndexedSections[] = {
    {gf::kKeys, gf::kKeyIndex},
    {gf::kPrefixKeys, gf::kPrefixKeyIndex},
    {gf::kLooseKeys, gf::kLooseKeyIndex},
    {gf::kDemonymKeys, gf::kDemonymKeyIndex}};

// Writes header `h` with the checksum of the payload as it is now, as a careful forger would.
void Reseal(std::string& b, gf::Header h) {
  h.checksum = gf::Checksum(reinterpret_cast<const uint8_t*>(b.data()) + sizeof h, b.size() - sizeof h);
  std::memcpy(b.data(), &h, sizeof h);
}

// After an edit of key bytes: the key indexes rebuilt as the compiler would, and the checksum.
void ReindexAndReseal(std::string& b) {
  const gf::Header h = HeaderOf(b);
  for (const auto& [keys, index] : kIndexedSections) {
    const std::vector<uint64_t> slots = IndexOfKeys(b, keys);
    ASSERT_EQ(slots.size() * 8, h.sections[index].size);
    std::memcpy(b.data() + h.sections[index].offset, slots.data(), slots.size() * 8);
  }
  Reseal(b, h);
}

// Sets slot `slot` of stored index `index` to `value`.
void SetSlot(std::string& b, gf::SectionId index, uint64_t slot, uint64_t value) {
  std::memcpy(b.data() + HeaderOf(b).sections[index].offset + slot * 8, &value, 8);
}

void ExpectRefused(const std::string& b, ErrorCode code, const std::string& words) {
  auto g = Gazetteer::OpenBuffer(b);
  ASSERT_FALSE(g.ok()) << words;
  EXPECT_EQ(g.status().code(), code) << g.status().message();
  EXPECT_NE(g.status().message().find(words), std::string::npos) << g.status().message();
}

TEST_F(CorruptBlobTest, IntactBufferOpens) {
  ASSERT_GT(blob_->size(), sizeof(gazetteer_format::Header));
  auto g = Gazetteer::OpenBuffer(*blob_);
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  EXPECT_FALSE((*g)->Lookup("Fallujah").empty());
}

TEST_F(CorruptBlobTest, FlippedPayloadByteIsRefused) {
  for (size_t pos : {sizeof(gazetteer_format::Header) + 3, blob_->size() / 2, blob_->size() - 1}) {
    std::string b = *blob_;
    b[pos] ^= 0x10;
    auto g = Gazetteer::OpenBuffer(b);
    ASSERT_FALSE(g.ok()) << pos;
    EXPECT_EQ(g.status().code(), ErrorCode::kCorrupt);
    EXPECT_NE(g.status().message().find("checksum"), std::string::npos) << g.status().message();
  }
}

TEST_F(CorruptBlobTest, TruncatedIsRefused) {
  for (size_t len : {size_t{0}, size_t{3}, sizeof(gazetteer_format::Header) - 1,
                     sizeof(gazetteer_format::Header), blob_->size() / 2, blob_->size() - 8}) {
    auto g = Gazetteer::OpenBuffer(std::string_view(*blob_).substr(0, len));
    ASSERT_FALSE(g.ok()) << len;
    EXPECT_EQ(g.status().code(), ErrorCode::kCorrupt) << g.status().message();
  }
}

TEST_F(CorruptBlobTest, WrongMagicIsRefused) {
  std::string b = *blob_;
  b[0] = 'X';
  auto g = Gazetteer::OpenBuffer(b);
  ASSERT_FALSE(g.ok());
  EXPECT_NE(g.status().message().find("magic"), std::string::npos);
}

TEST_F(CorruptBlobTest, WrongVersionIsRefused) {
  std::string b = *blob_;
  const uint32_t v = gazetteer_format::kFormatVersion + 1;
  std::memcpy(b.data() + offsetof(gazetteer_format::Header, format_version), &v, 4);
  auto g = Gazetteer::OpenBuffer(b);
  ASSERT_FALSE(g.ok());
  EXPECT_EQ(g.status().code(), ErrorCode::kUnsupported);
  EXPECT_NE(g.status().message().find("version"), std::string::npos);

  b = *blob_;
  const uint32_t fv = kFoldVersion + 1;
  std::memcpy(b.data() + offsetof(gazetteer_format::Header, fold_version), &fv, 4);
  g = Gazetteer::OpenBuffer(b);
  ASSERT_FALSE(g.ok());
  EXPECT_EQ(g.status().code(), ErrorCode::kUnsupported);
}

// A blob whose checksum was recomputed after damage must still be refused by the bounds checks.
TEST_F(CorruptBlobTest, BadOffsetWithValidChecksumIsRefused) {
  namespace gf = gazetteer_format;
  std::string b = *blob_;
  gf::Header h;
  std::memcpy(&h, b.data(), sizeof h);
  // Point the first entry's name past the string pool.
  const uint32_t huge = 0xFFFFFF00u;
  std::memcpy(b.data() + h.sections[gf::kEntries].offset + offsetof(gf::EntryRec, name), &huge, 4);
  h.checksum = gf::Checksum(reinterpret_cast<const uint8_t*>(b.data()) + sizeof h, b.size() - sizeof h);
  std::memcpy(b.data(), &h, sizeof h);
  auto g = Gazetteer::OpenBuffer(b);
  ASSERT_FALSE(g.ok());
  EXPECT_EQ(g.status().code(), ErrorCode::kCorrupt);
  EXPECT_NE(g.status().message().find("entry 0"), std::string::npos) << g.status().message();
}

// Two gazetteers queried in turn on one thread each answer from their own keys (recent lookups
// are remembered per thread, tagged with the gazetteer they came from).
TEST_F(CorruptBlobTest, TwoGazetteersAnswerEachFromItsOwnKeys) {
  namespace gf = gazetteer_format;
  std::string b = *blob_;
  // A second blob whose "fallujah" keys read "fallujaq" (a valid blob with other keys).
  int replaced = 0;
  for (size_t at = b.find("fallujah"); at != std::string::npos; at = b.find("fallujah", at + 8)) {
    b[at + 7] = 'q';
    ++replaced;
  }
  ASSERT_GT(replaced, 0);
  ReindexAndReseal(b);
  auto one = Gazetteer::OpenBuffer(*blob_);
  auto two = Gazetteer::OpenBuffer(b);
  ASSERT_TRUE(one.ok() && two.ok());
  for (int round = 0; round < 3; ++round) {
    EXPECT_FALSE((*one)->FindFolded("fallujah").empty());
    EXPECT_TRUE((*two)->FindFolded("fallujah").empty());
    EXPECT_FALSE((*two)->FindFolded("fallujaq").empty());
    EXPECT_TRUE((*one)->FindFolded("fallujaq").empty());
  }
  // A blob opened after another was closed (perhaps at the same address) starts afresh.
  one->reset();
  auto three = Gazetteer::OpenBuffer(b);
  ASSERT_TRUE(three.ok());
  EXPECT_TRUE((*three)->FindFolded("fallujah").empty());
  EXPECT_FALSE((*three)->FindFolded("fallujaq").empty());
}

// The stored indexes are the ones the loader used to build at open from the keys.
TEST_F(CorruptBlobTest, StoredKeyIndexesAreTheBuiltOnes) {
  const gf::Header h = HeaderOf(*blob_);
  for (const auto& [keys, index] : kIndexedSections) {
    const std::vector<uint64_t> built = IndexOfKeys(*blob_, keys);
    ASSERT_EQ(built.size() * 8, h.sections[index].size) << keys;
    EXPECT_EQ(std::memcmp(built.data(), blob_->data() + h.sections[index].offset, h.sections[index].size), 0)
        << keys;
  }
  std::vector<uint32_t> starts(gf::kNumPrefixStarts, 0);
  for (uint64_t k = 0; k < h.sections[gf::kKeys].size / sizeof(gf::KeyRec); ++k) {
    gf::KeyRec r;
    std::memcpy(&r, blob_->data() + h.sections[gf::kKeys].offset + k * sizeof r, sizeof r);
    ++starts[gf::PrefixBucket(std::string_view(blob_->data() + h.sections[gf::kStrings].offset + r.key.off, r.key.len)) + 1];
  }
  for (size_t b = 1; b < starts.size(); ++b) starts[b] += starts[b - 1];
  ASSERT_EQ(starts.size() * 4, h.sections[gf::kKeyPrefixStarts].size);
  EXPECT_EQ(std::memcmp(starts.data(), blob_->data() + h.sections[gf::kKeyPrefixStarts].offset, starts.size() * 4), 0);
}

TEST_F(CorruptBlobTest, OlderFormatIsRefusedWithRebuildAdvice) {
  std::string b = *blob_;
  gf::Header h = HeaderOf(b);
  h.format_version = 2;  // before the stored key indexes
  Reseal(b, h);
  ExpectRefused(b, ErrorCode::kUnsupported, "format version 2, this build reads version");
  ExpectRefused(b, ErrorCode::kUnsupported, "rebuild it with sitrep-compile-gazetteer");
}

TEST_F(CorruptBlobTest, OtherKeyHashIsRefused) {
  std::string b = *blob_;
  gf::Header h = HeaderOf(b);
  h.key_hash_check ^= 1;
  Reseal(b, h);
  ExpectRefused(b, ErrorCode::kUnsupported, "hash keys differently");
}

// Every row keeps a valid checksum, so only the structural checks stand between the damage and a
// probe that reads out of range or never ends.
TEST_F(CorruptBlobTest, DamagedKeyIndexIsRefused) {
  const gf::Header intact = HeaderOf(*blob_);
  for (const auto& [keys, index] : kIndexedSections) {
    const std::string name = std::to_string(index);
    const uint64_t num_keys = intact.sections[keys].size / sizeof(gf::KeyRec);
    const uint64_t num_slots = intact.sections[index].size / 8;
    {  // truncated by one slot: no longer a power of two
      std::string b = *blob_;
      gf::Header h = intact;
      h.sections[index].size -= 8;
      Reseal(b, h);
      ExpectRefused(b, ErrorCode::kCorrupt, "power of two");
    }
    {  // no slots at all
      std::string b = *blob_;
      gf::Header h = intact;
      h.sections[index].size = 0;
      Reseal(b, h);
      ExpectRefused(b, ErrorCode::kCorrupt, "power of two");
    }
    {  // a slot naming the key one past the section
      std::string b = *blob_;
      SetSlot(b, index, num_slots / 2, uint64_t{0xabcd} << 32 | (num_keys + 1));
      Reseal(b, intact);
      ExpectRefused(b, ErrorCode::kCorrupt, "points outside its keys");
    }
    {  // a check tag with no key (key index + 1 == 0 would read before the keys)
      std::string b = *blob_;
      SetSlot(b, index, 0, uint64_t{0xabcd} << 32);
      Reseal(b, intact);
      ExpectRefused(b, ErrorCode::kCorrupt, "points outside its keys");
    }
    {  // the section moved past the end of the blob
      std::string b = *blob_;
      gf::Header h = intact;
      h.sections[index].offset = b.size() - 8;
      Reseal(b, h);
      ExpectRefused(b, ErrorCode::kCorrupt, "out of bounds");
    }
    {  // every slot full: a probe for an absent key would never end
      std::string b = *blob_;
      for (uint64_t s = 0; s < num_slots; ++s) {
        uint64_t v;
        std::memcpy(&v, b.data() + intact.sections[index].offset + s * 8, 8);
        if (v == 0) SetSlot(b, index, s, uint64_t{0xabcd} << 32 | 1);
      }
      Reseal(b, intact);
      ExpectRefused(b, ErrorCode::kCorrupt, "no empty slot");
    }
  }
}

TEST_F(CorruptBlobTest, DamagedKeyPrefixStartsAreRefused) {
  const gf::Header intact = HeaderOf(*blob_);
  const uint64_t at = intact.sections[gf::kKeyPrefixStarts].offset;
  {  // truncated
    std::string b = *blob_;
    gf::Header h = intact;
    h.sections[gf::kKeyPrefixStarts].size -= 4;
    Reseal(b, h);
    ExpectRefused(b, ErrorCode::kCorrupt, "key prefix starts truncated");
  }
  for (const auto& [bucket, value] : std::initializer_list<std::pair<size_t, uint32_t>>{
           {0, 1},                                  // not starting at key 0
           {gf::kNumPrefixStarts - 1, 0xFFFFFFF0u},  // ending past the keys
           {gf::PrefixBucket("ba"), 0xFFFFFFF0u},    // one bucket running past the keys, then back
       }) {
    std::string b = *blob_;
    std::memcpy(b.data() + at + bucket * 4, &value, 4);
    Reseal(b, intact);
    ExpectRefused(b, ErrorCode::kCorrupt, "key prefix starts out of order");
  }
}

TEST(GazetteerOpenTest, MissingFileIsNotFound) {
  auto g = Gazetteer::Open("/nonexistent/gazetteer.bin");
  ASSERT_FALSE(g.ok());
  EXPECT_EQ(g.status().code(), ErrorCode::kNotFound);
}

}  // namespace
}  // namespace sitrep
