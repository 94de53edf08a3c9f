#include "geo/place_lexicon.h"

#include <algorithm>
#include <array>
#include <iterator>
#include <span>

namespace sitrep::places_internal {
namespace {

struct Centre {
  std::string_view iso2;  // a view, not a C string: lookups compare without strlen
  double lat, lon;
};
constexpr Centre kCentres[] = {
#include "geo/country_centroids.inc"
};

struct Abbrev {
  std::string_view abbrev, code;
};
// AP style, the forms newspapers put after a town ("Decatur, Ala.").
constexpr Abbrev kUsStates[] = {
    {"Ala.", "US.AL"},   {"Ariz.", "US.AZ"}, {"Ark.", "US.AR"},   {"Calif.", "US.CA"},
    {"Colo.", "US.CO"},  {"Conn.", "US.CT"}, {"D.C.", "US.DC"},   {"Del.", "US.DE"},
    {"Fla.", "US.FL"},   {"Ga.", "US.GA"},   {"Ill.", "US.IL"},   {"Ind.", "US.IN"},
    {"Kan.", "US.KS"},   {"Kans.", "US.KS"}, {"Ky.", "US.KY"},    {"La.", "US.LA"},
    {"Mass.", "US.MA"},  {"Md.", "US.MD"},   {"Mich.", "US.MI"},  {"Minn.", "US.MN"},
    {"Miss.", "US.MS"},  {"Mo.", "US.MO"},   {"Mont.", "US.MT"},  {"N.C.", "US.NC"},
    {"N.D.", "US.ND"},   {"N.H.", "US.NH"},  {"N.J.", "US.NJ"},   {"N.M.", "US.NM"},
    {"N.Y.", "US.NY"},   {"Neb.", "US.NE"},  {"Nev.", "US.NV"},   {"Okla.", "US.OK"},
    {"Ore.", "US.OR"},   {"Pa.", "US.PA"},   {"R.I.", "US.RI"},   {"S.C.", "US.SC"},
    {"S.D.", "US.SD"},   {"Tenn.", "US.TN"}, {"Tex.", "US.TX"},   {"Va.", "US.VA"},
    {"Vt.", "US.VT"},    {"W.Va.", "US.WV"}, {"W. Va.", "US.WV"}, {"Wash.", "US.WA"},
    {"Wis.", "US.WI"},   {"Wyo.", "US.WY"},
};

// Continents (GeoNames continent features) and common world regions (approximate centres).
constexpr WorldRegion kRegions[] = {
    {"africa", 6255146, 7.19, 21.09},          {"asia", 6255147, 29.84, 89.30},
    {"europe", 6255148, 48.69, 9.14},          {"north america", 6255149, 46.07, -100.55},
    {"south america", 6255150, -14.60, -57.66}, {"oceania", 6255151, -18.31, 138.52},
    {"antarctica", 6255152, -78.16, 16.41},    {"middle east", 0, 29.0, 41.0},
    {"latin america", 0, -4.0, -62.0},         {"central america", 0, 14.0, -87.0},
    {"caribbean", 0, 17.0, -72.0},             {"sahel", 0, 15.0, 5.0},
    {"horn of africa", 0, 8.0, 45.0},          {"west africa", 0, 11.0, -3.0},
    {"east africa", 0, 1.0, 36.0},             {"central asia", 0, 43.0, 65.0},
    {"southeast asia", 0, 8.0, 110.0},         {"south asia", 0, 23.0, 78.0},
    {"balkans", 0, 43.0, 20.0},                {"caucasus", 0, 42.5, 44.5},
    {"persian gulf", 0, 27.0, 51.0},           {"korean peninsula", 0, 37.5, 127.5},
    {"sub-saharan africa", 0, 0.0, 22.0},      {"north africa", 0, 27.0, 14.0},
};

struct NamedArea {
  std::string_view name, iso2s;
};
// Where groups and operations active in several countries fight (general knowledge of the
// conflicts; the first country is the main theatre).
constexpr NamedArea kGroupAreas[] = {
    {"JNIM: Group for Support of Islam and Muslims", "ML|BF|NE"},
    {"Islamic State (Greater Sahara)", "NE|ML|BF"},
    {"Al Qaeda in the Islamic Maghreb", "DZ|ML|NE|MR"},
    {"G5 Sahel Force", "ML|BF|NE|TD|MR"},
    {"Dozo Militia", "BF|ML|CI"},
    {"Operation Restoring Hope", "YE"},
    {"Operation Inherent Resolve", "IQ|SY"},
    {"MS-13: Mara Salvatrucha", "SV|HN|GT"},
    {"Barrio-18", "SV|HN|GT"},
};

// Missions of one country, by the acronym they are reported under.
constexpr NamedArea kMissions[] = {
    {"SMM", "UA"},     {"UNIFIL", "LB"},  {"UNAMA", "AF"},  {"UNAMI", "IQ"},
    {"UNMISS", "SS"},  {"MINUSCA", "CF"}, {"UNAMID", "SD"}, {"UNISFA", "SD"},
    {"UNDOF", "SY"},   {"UNFICYP", "CY"}, {"KFOR", "XK"},   {"MINUSMA", "ML"},
    {"MONUSCO", "CD"}, {"AMISOM", "SO"},  {"UNSMIL", "LY"}, {"UNMHA", "YE"},
};

// Where a mission of one country reports its events, as first-level division codes (the main one
// first): the OSCE SMM's ceasefire reports concern the contact line in Donetsk and Luhansk
// oblasts; UNIFIL works south of the Litani (South and Nabatieh governorates).
constexpr NamedArea kMissionAreas[] = {
    {"SMM", "UA.05|UA.14"},
    {"UNIFIL", "LB.06|LB.07"},
};

}  // namespace

namespace {
// The areas a name of `table` stands for, or empty.
template <size_t N>
std::string_view AreasOf(const NamedArea (&table)[N], std::string_view name) {
  for (const NamedArea& entry : table) {
    if (entry.name == name) return entry.iso2s;
  }
  return {};
}

// Per capital, bit L set when a name of `table` of L bytes starts with it: most capitalized words
// asked about have a first letter and length no mission's name has, and skip the scan.
template <size_t N>
constexpr std::array<uint8_t, 26> ShapesOf(const NamedArea (&table)[N]) {
  std::array<uint8_t, 26> shapes{};
  for (const NamedArea& m : table) {
    shapes[m.name[0] - 'A'] |= static_cast<uint8_t>(1u << m.name.size());
  }
  return shapes;
}
template <size_t N>
constexpr bool AllShaped(const NamedArea (&table)[N]) {
  return std::all_of(std::begin(table), std::end(table), [](const NamedArea& m) {
    return m.name.size() >= 3 && m.name.size() <= 7 && m.name[0] >= 'A' && m.name[0] <= 'Z';
  });
}
static_assert(AllShaped(kMissions), "MissionCountry's first test must pass every mission's name");
static_assert(AllShaped(kMissionAreas), "MissionArea's first test must pass every mission's name");
constexpr std::array<uint8_t, 26> kMissionShapes = ShapesOf(kMissions);
constexpr std::array<uint8_t, 26> kMissionAreaShapes = ShapesOf(kMissionAreas);

// True when `token` has the first letter and length of a name `shapes` were made from.
bool Shaped(const std::array<uint8_t, 26>& shapes, std::string_view token) {
  return token.size() >= 3 && token.size() <= 7 && token[0] >= 'A' && token[0] <= 'Z' &&
         (shapes[token[0] - 'A'] >> token.size() & 1) != 0;
}
}  // namespace

std::string_view GroupArea(std::string_view actor) { return AreasOf(kGroupAreas, actor); }

std::string_view MissionCountry(std::string_view token) {
  return Shaped(kMissionShapes, token) ? AreasOf(kMissions, token) : std::string_view();
}

std::string_view MissionArea(std::string_view token) {
  return Shaped(kMissionAreaShapes, token) ? AreasOf(kMissionAreas, token) : std::string_view();
}

bool MayNameMissionArea(std::string_view text) {
  return std::any_of(std::begin(kMissionAreas), std::end(kMissionAreas), [&](const NamedArea& m) {
    return text.find(m.name) != std::string_view::npos;
  });
}

// The generated table is sorted by ISO2 code, each code once: the table below holds every row.
static_assert(std::adjacent_find(std::begin(kCentres), std::end(kCentres),
                                 [](const Centre& a, const Centre& b) {
                                   return !(std::string_view(a.iso2) < std::string_view(b.iso2));
                                 }) == std::end(kCentres),
              "country_centroids.inc must be sorted by iso2, each code once");
static_assert(std::all_of(std::begin(kCentres), std::end(kCentres),
                          [](const Centre& c) { return c.iso2.size() == 2; }),
              "every code is two letters");

// Every code is two capitals: a table of 26 × 26 codes gives a code's centre (its index + 1; 0
// for none) without the binary search, asked for every country mention.
static_assert(std::all_of(std::begin(kCentres), std::end(kCentres),
                          [](const Centre& c) {
                            return c.iso2[0] >= 'A' && c.iso2[0] <= 'Z' && c.iso2[1] >= 'A' &&
                                   c.iso2[1] <= 'Z';
                          }),
              "CountryCentre indexes codes by their two capitals");
static_assert(std::size(kCentres) < 255, "an index + 1 fits a byte");
constexpr std::array<uint8_t, 26 * 26> kCentreOfCode = [] {
  std::array<uint8_t, 26 * 26> index{};
  for (size_t i = 0; i < std::size(kCentres); ++i) {
    index[(kCentres[i].iso2[0] - 'A') * 26 + (kCentres[i].iso2[1] - 'A')] =
        static_cast<uint8_t>(i + 1);
  }
  return index;
}();

bool CountryCentre(std::string_view iso2, double* lat, double* lon) {
  if (iso2.size() != 2) return false;  // every code is two letters
  const unsigned a = static_cast<unsigned char>(iso2[0]) - 'A';
  const unsigned b = static_cast<unsigned char>(iso2[1]) - 'A';
  if (a >= 26 || b >= 26) return false;
  const uint8_t at = kCentreOfCode[a * 26 + b];
  if (at == 0) return false;
  *lat = kCentres[at - 1].lat;
  *lon = kCentres[at - 1].lon;
  return true;
}

// Abbreviations the news writes for a first-level division outside the US, after the town it
// holds: "Poonch district, J&K", "Haveli district, AJK", "Bannu, KPK" (Khyber Pakhtunkhwa);
// Indian states by their registration codes, "Nigohan (UP)", only those no agency, title or US
// state writes the same way (not "AP", "MP", "TN"); and the Canadian Press's abbreviations of
// the provinces and territories ("London, Ont.", "Richmond, B.C.").
constexpr Abbrev kDivisionAbbrevs[] = {
    {"J&K", "IN.12"},   {"AJK", "PK.06"},   {"KPK", "PK.03"},   {"KP", "PK.03"},
    {"UP", "IN.36"},    {"HP", "IN.11"},    {"TS", "IN.40"},    {"Alta.", "CA.01"},
    {"B.C.", "CA.02"},  {"Man.", "CA.03"},  {"N.B.", "CA.04"},  {"Nfld.", "CA.05"},
    {"N.L.", "CA.05"},  {"N.S.", "CA.07"},  {"Ont.", "CA.08"},  {"P.E.I.", "CA.09"},
    {"Que.", "CA.10"},  {"Sask.", "CA.11"}, {"N.W.T.", "CA.13"}};

// Asked for the words after nearly every comma and bracket: most have a first byte, a last byte
// and a length that no abbreviation has (bit L of starts[c] / ends[c]: an abbreviation of L bytes
// begins / ends with c), and fail before any compare.
struct AbbrevShapes {
  std::array<uint8_t, 256> starts{}, ends{};
};
static_assert(std::all_of(std::begin(kDivisionAbbrevs), std::end(kDivisionAbbrevs),
                          [](const Abbrev& a) { return !a.abbrev.empty() && a.abbrev.size() < 8; }),
              "a length is a bit of a byte");
constexpr AbbrevShapes kDivisionAbbrevShapes = [] {
  AbbrevShapes shapes;
  for (const Abbrev& a : kDivisionAbbrevs) {
    const auto bit = static_cast<uint8_t>(1u << a.abbrev.size());
    shapes.starts[static_cast<unsigned char>(a.abbrev.front())] |= bit;
    shapes.ends[static_cast<unsigned char>(a.abbrev.back())] |= bit;
  }
  return shapes;
}();

std::string_view DivisionAbbrevCode(std::string_view abbrev) {
  if (abbrev.empty() || abbrev.size() >= 8 ||
      ((kDivisionAbbrevShapes.starts[static_cast<unsigned char>(abbrev.front())] &
        kDivisionAbbrevShapes.ends[static_cast<unsigned char>(abbrev.back())]) >>
           abbrev.size() &
       1) == 0) {
    return {};
  }
  for (const Abbrev& a : kDivisionAbbrevs) {
    if (a.abbrev == abbrev) return a.code;
  }
  return {};
}

// Every abbreviation ends with its period and has 3 to 6 bytes: the recognizer asks about nearly
// every word after a comma, and most fail these two tests before any compare.
static_assert(std::all_of(std::begin(kUsStates), std::end(kUsStates), [](const Abbrev& a) {
  return a.abbrev.size() >= 3 && a.abbrev.size() <= 6 && a.abbrev.back() == '.';
}));

std::string_view UsStateCode(std::string_view abbrev) {
  if (abbrev.size() < 3 || abbrev.size() > 6 || abbrev.back() != '.') return {};
  for (const Abbrev& a : kUsStates) {
    if (a.abbrev == abbrev) return a.code;
  }
  return {};
}

namespace {
// `w` is a name of one of `regions` (indices into kRegions), or its first words. Out of line: the
// early return of MayStartWorldRegion's filter then saves no registers this scan needs.
[[gnu::noinline]] bool StartsOneOfRegions(std::string_view w, std::span<const uint16_t> regions) {
  for (const uint16_t k : regions) {
    const std::string_view name = kRegions[k].name;
    if (name.starts_with(w) && (name.size() == w.size() || name[w.size()] == ' ')) return true;
  }
  return false;
}
}  // namespace

bool MayStartWorldRegion(std::string_view lower_word) {
  if (lower_word.empty()) return false;
  // Asked for nearly every capitalized word: most have a first letter, a last letter and a
  // length that no region name's first words have (bit L of starts[c] / ends[c]: some name
  // starts with a word run of L bytes that begins / ends with c). The few others are compared
  // with the names that begin with their letter alone (by_first[first_begin[c]..first_begin[c+1]),
  // indices into kRegions), not with every name.
  constexpr size_t kNumRegions = std::size(kRegions);
  static_assert(kNumRegions < 65536);
  struct Shapes {
    std::array<uint64_t, 256> starts{}, ends{};
    std::array<uint16_t, 257> first_begin{};
    std::array<uint16_t, kNumRegions> by_first{};
  };
  static constexpr Shapes kShapes = [] {
    Shapes shapes;
    for (const WorldRegion& r : kRegions) {
      for (size_t len = 1; len <= r.name.size() && len < 64; ++len) {
        if (len == r.name.size() || r.name[len] == ' ') {
          shapes.starts[static_cast<unsigned char>(r.name[0])] |= uint64_t{1} << len;
          shapes.ends[static_cast<unsigned char>(r.name[len - 1])] |= uint64_t{1} << len;
        }
      }
    }
    // A counting sort of the regions by first byte (each letter's in kRegions' order).
    for (const WorldRegion& r : kRegions) {
      ++shapes.first_begin[static_cast<unsigned char>(r.name[0]) + 1];
    }
    for (size_t c = 0; c < 256; ++c) shapes.first_begin[c + 1] += shapes.first_begin[c];
    std::array<uint16_t, 257> next = shapes.first_begin;
    for (size_t k = 0; k < kNumRegions; ++k) {
      shapes.by_first[next[static_cast<unsigned char>(kRegions[k].name[0])]++] =
          static_cast<uint16_t>(k);
    }
    return shapes;
  }();
  const auto first = static_cast<unsigned char>(lower_word[0]);
  if (lower_word.size() >= 64 ||
      ((kShapes.starts[first] & kShapes.ends[static_cast<unsigned char>(lower_word.back())]) >>
           lower_word.size() &
       1) == 0) {
    return false;
  }
  return StartsOneOfRegions(
      lower_word, std::span(kShapes.by_first)
                      .subspan(kShapes.first_begin[first],
                               kShapes.first_begin[first + 1] - kShapes.first_begin[first]));
}

bool MayStartWorldRegionByScan(std::string_view lower_word) {
  if (lower_word.empty()) return false;
  for (const WorldRegion& r : kRegions) {
    if (r.name[0] == lower_word[0] && r.name.starts_with(lower_word) &&
        (r.name.size() == lower_word.size() || r.name[lower_word.size()] == ' ')) {
      return true;
    }
  }
  return false;
}

const WorldRegion* FindWorldRegion(std::string_view lower) {
  for (const WorldRegion& r : kRegions) {
    if (r.name == lower) return &r;
  }
  return nullptr;
}

}  // namespace sitrep::places_internal
