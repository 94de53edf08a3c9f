// Small built-in tables of the places layer: country centre points, US state abbreviations and
// world regions that the gazetteer does not hold.
#pragma once

#include <cstdint>
#include <string_view>

namespace sitrep::places_internal {

// The geographic centre of country `iso2` (see tools/gazetteer/make_country_centroids.py);
// false when unknown.
bool CountryCentre(std::string_view iso2, double* lat, double* lon);

// The admin1 code of an AP-style US state abbreviation written with its periods ("Kan." →
// "US.KS", "W.Va." → "US.WV", "D.C." → "US.DC"); empty when `abbrev` is not one.
std::string_view UsStateCode(std::string_view abbrev);
// The admin1 code of a division's abbreviation in the news outside the US ("J&K" → "IN.12",
// "Ont." → "CA.08");
// empty when `abbrev` is not one. Read only after "," or "(".
std::string_view DivisionAbbrevCode(std::string_view abbrev);

struct WorldRegion {
  std::string_view name;  // lower case, words separated by one space: "middle east"
  int64_t geonameid;      // 0 when GeoNames has no single feature for it
  double lat, lon;
};
// The region named by `lower` (lower-cased words joined by single spaces), or nullptr.
const WorldRegion* FindWorldRegion(std::string_view lower);
// False when no region name starts with the word `lower_word` (lower case): FindWorldRegion of
// it, alone or followed by more words, finds nothing.
bool MayStartWorldRegion(std::string_view lower_word);
// The same answer by a scan of every region name (the reference for MayStartWorldRegion's filter).
bool MayStartWorldRegionByScan(std::string_view lower_word);

// The countries (ISO2, "|"-separated) an armed group or operation of several countries works in,
// by its canonical actor name ("JNIM: Group for Support of Islam and Muslims" → "ML|BF|NE");
// empty for other names. Groups of one country carry it in the actor lexicon instead.
std::string_view GroupArea(std::string_view actor);

// The country (ISO2) of a peace or monitoring mission named by `token`, written as the mission
// writes it ("UNIFIL" → "LB", "SMM" → "UA": the OSCE Special Monitoring Mission to Ukraine);
// empty when `token` names none.
std::string_view MissionCountry(std::string_view token);

// The first-level divisions (admin1 codes, "|"-separated, the main one first) where the mission
// named by `token` reports events ("SMM" → "UA.05|UA.14", Donetsk and Luhansk oblasts); empty
// for other tokens and for missions without such an area. Missions go by acronyms: a token that
// does not open with a capital A-Z names none.
std::string_view MissionArea(std::string_view token);

// False when no token of `text` can be a mission's name with an area (MissionArea): the text
// holds none of their names.
bool MayNameMissionArea(std::string_view text);

}  // namespace sitrep::places_internal
