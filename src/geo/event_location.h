// Private to the core: LocateEvent with facts of the document kept from sentence to sentence.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/pipeline.h"
#include "sitrep/places.h"
#include "util/rarest_byte.h"

namespace sitrep {

// What LocateEvent works out about the document as a whole — its usable place mentions with
// their keys, what their context says of each, the admin1 spellings of the text, whether any
// "coded as" note is written — computed at the first sentence asked and reused for the others.
// Made for one document and one gazetteer; not shared between threads.
class LocateCache {
 public:
  // `share_verdicts` false: every mention judged on its own, not given the verdict of an
  // earlier mention with the same key and reading (the plain path tests compare with).
  explicit LocateCache(bool share_verdicts = true);
  ~LocateCache();
  LocateCache(const LocateCache&) = delete;
  LocateCache& operator=(const LocateCache&) = delete;

  // Whether the document's text holds "coded" (any case), from a caller that searched it
  // already: the cache does not search the text again (the events stage searches its
  // lower-cased copy, faster than the cache's search of the text as written).
  void SetTextHasCoded(bool has) { text_has_coded_ = has ? 1 : 0; }

  struct Impl;

 private:
  friend const EventLocation& LocatedEvent(const Document& doc, size_t sentence,
                                           const Gazetteer& gaz, LocateCache& cache);
  bool share_verdicts_;
  int8_t text_has_coded_ = -1;  // SetTextHasCoded; -1 not told
  // The document's facts: taken from the calling thread's spares at the first sentence asked
  // and given back when the cache is destroyed (a cache per document allocates nothing).
  std::unique_ptr<Impl> impl_;
};

// The document-wide prechecks of LocateCache ("coded", "village", ...).
using util::ContainsLowerAscii;

// LocateEvent(doc, sentence, gaz), with `cache` made for `doc` and `gaz` (same answer).
EventLocation LocateEvent(const Document& doc, size_t sentence, const Gazetteer& gaz,
                          LocateCache& cache);
// The same answer, kept in `cache` (each sentence's worked out once) and not copied out: valid
// while `cache` lives and no other document is asked of it.
const EventLocation& LocatedEvent(const Document& doc, size_t sentence, const Gazetteer& gaz,
                                  LocateCache& cache);

// A village the gazetteer lacks that sentence `sentence` names with a word that says so ("Barangay
// X", "X Village", "the village of X") after a locative word, when the sentence names no place
// outside `chosen`, the event's place (a gazetteer town, district or province) named by another
// sentence: the event at that village, in `chosen`'s divisions and at its coordinates. Inside a
// town the village is near it (geo_precision 2, where_prec 2); inside a division, at the
// division's precision. None when `chosen` is no such place or the sentence names no such
// village. `at_home`, when given, says whether the event took place at the victim's home: then a
// village written as where someone lives counts too when the chosen town follows it as its
// container ("identified as X, of Barangay Y, Town"). Asked only of such a village.
std::optional<EventLocation> VillageInside(const Document& doc, const EventLocation& chosen,
                                           uint32_t sentence,
                                           const std::function<bool()>& at_home = {});

// The first-level division of the country's capital (ISO3 `iso3`), as events name it; empty when
// the gazetteer has no capital for it. Coders put an event known only to its country at the
// capital, in the capital's division.
std::string CapitalAdmin1(const Gazetteer& gaz, std::string_view iso3);

namespace locate_internal {

// True when `written` opens with an Arabic article glued on by a hyphen: "al-", "Al-", "el-",
// "El-" (and more after it).
bool GluedArticle(std::string_view written);

// data/gazetteer/admin1_city_names.tsv as compiled in (after a leading newline).
std::string_view EmbeddedCityDivisionsTsv();

// The administrative name of the city division with admin1 code `code` ("MX.09" → "Distrito
// Federal"), or empty; and the same for entry `a1` of `gaz`, from the thread's memo.
std::string_view CityDivisionName(std::string_view code);
std::string_view CityDivisionNameOf(const Gazetteer& gaz, GeoId a1);

// Whether `word` (its size and first byte, either case) may be one of the words that designate a
// village a sentence names ("hamlet", "sector", "village", "township", "barangay", "frontline",
// "frontlines"): the test that passes over the other words of a sentence before comparing.
bool MayBeVillageDesignator(std::string_view word);

// Levenshtein distance of `a` and `b`, or cap + 1 when their lengths already differ by more.
size_t BoundedEditDistance(std::string_view a, std::string_view b, size_t cap);

// True when `outer` follows `inner` with only container link words between them ("X, Y",
// "X in the countryside of Y").
bool FollowsAsContainer(const Document& doc, const PlaceMention& inner, const PlaceMention& outer);

// Whether any of `outers` (ordered by span begin) FollowsAsContainer `inner`, trying only the
// few that start close enough after it.
bool AnyFollowsAsContainer(const Document& doc, const PlaceMention& inner,
                           std::span<const PlaceMention* const> outers);

// A name or word of the text as the gazetteer reads it: FoldName(text), the entries of that
// key, LooseKey of it and the entries of the loose key.
struct FoldedText {
  std::string folded;
  std::span<const GeoId> folded_ids;
  std::string loose;
  std::span<const GeoId> loose_ids;
};
// FoldedText of `text`, made afresh.
FoldedText FoldText(std::string_view text, const Gazetteer& gaz);
// The same, from a per-thread memo of the texts folded last (made afresh on a miss).
FoldedText FoldTextMemo(std::string_view text, const Gazetteer& gaz);
// FoldText without the loose key (`loose` and `loose_ids` empty); and the same from the memo,
// whose slot then holds no loose key until FoldTextMemo asks for it.
FoldedText FoldKey(std::string_view text, const Gazetteer& gaz);
FoldedText FoldKeyMemo(std::string_view text, const Gazetteer& gaz);

// Whether `written` spells the own name of division `admin1` (not another name the gazetteer
// lists for it, such as its capital's).
bool SpellsDivisionName(std::string_view written, const GeoEntry& admin1);

// The admin1 spelling LocateEvent gives each of `admin1s` in turn (the division as the text
// writes it, or empty), asked of one document-wide memo as LocateCache does.
std::vector<std::string> Admin1SpellingsInTurn(const Document& doc, const Gazetteer& gaz,
                                               std::span<const GeoId> admin1s);

}  // namespace locate_internal

}  // namespace sitrep
