// Small pure helpers shared by the eval scorers: Unicode word tokens, Python character offsets,
// place-name matching, great-circle distance and the date spellings found in the gold files.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sitrep::eval {

// True for the code points Python's Unicode `\w` matches: letters, digits and numerics of any
// script, and '_'. Approximation: a hand-written range table. Inside Brahmic and Southeast Asian
// script blocks every code point counts (Python splits words at combining vowel signs), and a
// few rare symbol/letter code points in other blocks may differ.
bool IsWordCodePoint(char32_t cp);

// The `\w+` runs of `text` (UTF-8; invalid bytes count as non-word), as views into it.
std::vector<std::string_view> WordTokens(std::string_view text);

// table[i] = byte offset of code point i of `utf8`; table[n] = utf8.size(). Converts the Python
// character offsets of the gold files to the byte offsets sitrep reports.
std::vector<uint32_t> CodePointByteOffsets(std::string_view utf8);
// Clamped lookup into such a table (a negative or too large offset maps to an end).
uint32_t CharToByte(const std::vector<uint32_t>& table, int64_t char_offset);

// Folds a place name for comparison: lower-case, accents of Latin letters dropped (Latin-1 and
// Latin Extended, as FoldName does: "Aḑ Ḑāli‘" → "ad dali"), punctuation → space, a
// parenthesized part dropped, administrative words ("province", "state", "governorate",
// "region", "district", "department", "county", "village", "town", "city", "township", "lga",
// "woreda", "zone" ...) dropped, a leading "al"/"el" article or its assimilated form ("Ad Dali",
// "Ar Raqqah", "Ash Shihr") dropped, and spaces removed ("Deir ez-Zor governorate" →
// "deirezzor").
std::string NormalizePlaceName(std::string_view name);
// True when both names are non-empty and fold to the same non-empty string.
bool PlaceNamesMatch(std::string_view a, std::string_view b);

// An ACLED actor name without its era: "Military Forces of Iraq (2014-2018)" → "Military Forces
// of Iraq", "Police Forces of Kenya (2022-) Prison Guards" → "Police Forces of Kenya Prison
// Guards". sitrep names a country's forces without the era, which depends on the government in
// power at the event's date.
std::string ActorNameWithoutEra(std::string_view name);

// Great-circle distance in kilometres (mean Earth radius 6371.0088 km).
double HaversineKm(double lat1, double lon1, double lat2, double lon2);

// A calendar date with what is known of it (month/day 0 = unknown).
struct GoldDate {
  int year = 0;
  int month = 0;
  int day = 0;
  bool full_day() const { return month > 0 && day > 0; }
  // "YYYY-MM-DD", "YYYY-MM" or "YYYY".
  std::string Iso() const;
};
// Parses "2020-05-09", "2020-05-09 00:00", "2020-05-09T08:30:00Z", "2019-11", "2019",
// "9-May-20" (two-digit years as Python's %y: 69–99 → 19xx, else 20xx), "09-Apr-2020",
// "9 May 2020", "9 March 2020". Returns nullopt for anything else or an impossible date.
std::optional<GoldDate> ParseGoldDate(std::string_view text);

}  // namespace sitrep::eval
