// Event location: the most specific place an event's sentence supports.
//
// Within a sentence, a town beats an admin2, an admin2 an admin1, an admin1 (or a part of one,
// "western Anbar") a relative region of a country ("eastern Syria"), and that the country; the
// first mention wins ties. Demonyms and metonymic mentions ("Washington said") do not count.
// Without a place in the sentence, the nearest preceding sentence of the same paragraph that
// has one is used, then the document's dominant place (the most mentioned admin1-or-finer
// entry, else the most mentioned country, demonyms included as a last resort).
//
// The admin1 is spelled as the text spells it when a mention (or a word the gazetteer knows
// only loosely: "al-Hasakeh", "Lower Shabelle") names it; coders of the sources compared with
// do the same.
//
// Precision (ACLED geo_precision / UCDP where_prec):
//   town 1/1; "near X"/"outside X" 2/2; admin2 2/3; admin1 or part of one 3/4;
//   part of a country 3/5; country 3/6.
#include <algorithm>
#include <array>
#include <cmath>
#include <cctype>
#include <cstring>
#include <forward_list>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <unordered_map>

#include "geo/event_location.h"
#include "geo/place_lexicon.h"
#include "sitrep/actors.h"
#include "sitrep/pipeline.h"
#include "sitrep/places.h"
#include "util/hash_bytes.h"
#include "util/literal_equal.h"
#include "util/rarest_byte.h"
#include "util/span_overlaps.h"
#include "util/stable_sort_small.h"
#include "util/word_set.h"

namespace sitrep {
namespace {

// Higher is more specific; 0 = not usable for an event.
int Rank(const PlaceMention& m) {
  if (m.demonym || m.metonymic || m.geo_id == kNoGeoId) return 0;
  switch (m.kind) {
    case PlaceKind::kPlace:
      return 6;
    case PlaceKind::kAdmin2:
      return 5;
    case PlaceKind::kAdmin1:
      return 4;
    case PlaceKind::kCountry:
      return 1;
    case PlaceKind::kRegion:
      break;
  }
  // A relative region: of an admin2 / admin1 / country.
  if (m.feature_code.starts_with("ADM2")) return 5;
  if (m.feature_code.starts_with("ADM1")) return 3;
  return 2;
}

bool Inside(Span inner, Span outer) { return inner.begin >= outer.begin && inner.end <= outer.end; }

// A town's name used as the name of a weapon: "Molotov cocktails" (Molotov, Perm Krai), "a
// Tomahawk missile" (Tomahawk, Wisconsin), or of a building (below). Such a mention names an
// object, not a place.
bool NamesAnObject(const Document& doc, const PlaceMention& m) {
  if (m.kind != PlaceKind::kPlace) return false;
  // The mention's first token, and the first token after it (a few steps on: one search).
  const auto first = doc.FirstTokenFrom(m.span.begin);
  auto next = first;
  while (next != doc.tokens.end() && next->span.begin < m.span.end) ++next;
  // "from the Saray to the square", "the Secretary of the Ministry": a town's name between
  // "the" and a preposition names a building or an office, not the town ("the Bronx on
  // Friday" is a town whose own name has the article).
  if (first != doc.tokens.begin() && doc.Slice((first - 1)->span) == "the" &&
      !m.name.starts_with("The ")) {
    if (next == doc.tokens.end()) return false;
    const std::string_view w = doc.Slice(next->span);
    static constexpr std::string_view kAfter[] = {"to", "in",   "at",   "of",
                                                  "on", "from", "with", "near"};
    if (std::find(std::begin(kAfter), std::end(kAfter), w) != std::end(kAfter)) return true;
  }
  if (next == doc.tokens.end() || next->span.begin != m.span.end + 1) return false;
  static constexpr std::string_view kObjects[] = {"cocktail", "cocktails", "missile",
                                                  "missiles", "rifle",     "rifles"};
  const std::string_view w = doc.Slice(next->span);
  return std::any_of(std::begin(kObjects), std::end(kObjects), [&](std::string_view o) {
    return w.size() == o.size() && std::equal(w.begin(), w.end(), o.begin(), [](char a, char b) {
             return (a >= 'A' && a <= 'Z' ? a - 'A' + 'a' : a) == b;
           });
  });
}

// Distance in km on an equirectangular projection: close enough for telling a city's own
// districts (a few km away) from the districts of its province.
double ApproxKm(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kDeg = 3.14159265358979323846 / 180.0;
  const double x = (lon2 - lon1) * std::cos((lat1 + lat2) / 2 * kDeg);
  const double y = lat2 - lat1;
  return 111.2 * std::sqrt(x * x + y * y);
}

// LowerAscii's answer, on the stack for a word of up to 31 bytes: the token loops below lower
// every word of a sentence to compare it with short word lists. Never copied (it points into
// itself).
class LowerWord {
 public:
  explicit LowerWord(std::string_view s) {
    char* out = buf_;
    if (s.size() > sizeof(buf_)) {
      heap_.resize(s.size());
      out = heap_.data();
    }
    for (size_t i = 0; i < s.size(); ++i) {
      const char c = s[i];
      out[i] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    }
    view_ = std::string_view(out, s.size());
  }
  LowerWord(const LowerWord&) = delete;
  LowerWord& operator=(const LowerWord&) = delete;
  operator std::string_view() const { return view_; }
  bool operator==(std::string_view other) const { return view_ == other; }
  template <size_t N>
  bool operator==(const char (&literal)[N]) const {
    return view_ == literal;  // inline (util/literal_equal.h)
  }

 private:
  char buf_[32];
  std::string heap_;
  std::string_view view_;
};

LowerWord LowerAscii(std::string_view s) { return LowerWord(s); }

// LowerAscii(s) == lower (`lower` has no upper-case letter), without the lowered copy: the
// sizes first, then byte by byte to the first difference.
bool SameLowerAscii(std::string_view s, std::string_view lower) {
  if (s.size() != lower.size()) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if ((c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c) != lower[i]) return false;
  }
  return true;
}

// Words naming the level of a place, written after its name ("Kaldar district", "Bali town").
constexpr std::string_view kLevelWords[] = {
    "district",   "province",     "governorate",   "state",       "region",
    "village",    "town",         "city",          "county",      "municipality",
    "department", "prefecture",   "oblast",        "raion",       "commune",
    "township",   "lga",          "locality",      "subdistrict", "sub-district",
    "area",       "neighborhood", "neighbourhood", "quarter",     "camp"};
bool IsLevelWord(std::string_view lower) {
  // A hash set: asked of nearly every word around a place, where 25 compares cost more.
  static const util::WordSet kSet(kLevelWords);
  return kSet.Has(lower);
}

// IsLevelWord of `word` lower-cased. A word of a size no level word has ("," "in" "of", most
// words around a place) is not lowered.
bool IsLevelWordAnyCase(std::string_view word) {
  static constexpr std::pair<size_t, size_t> kSizes = [] {
    std::pair<size_t, size_t> sizes{SIZE_MAX, 0};
    for (std::string_view w : kLevelWords) {
      sizes = {std::min(sizes.first, w.size()), std::max(sizes.second, w.size())};
    }
    return sizes;
  }();
  if (word.size() < kSizes.first || word.size() > kSizes.second) return false;
  // Nor is a word whose first two letters open no level word ("Kabul", "Helmand", most names
  // around a place): a bit per pair of letters, either case.
  static constexpr std::array<uint64_t, (26 * 26 + 63) / 64> kPairs = [] {
    std::array<uint64_t, (26 * 26 + 63) / 64> t{};
    for (std::string_view w : kLevelWords) {
      const size_t pair = static_cast<size_t>(w[0] - 'a') * 26 + static_cast<size_t>(w[1] - 'a');
      t[pair / 64] |= uint64_t{1} << (pair % 64);
    }
    return t;
  }();
  static_assert(std::all_of(std::begin(kLevelWords), std::end(kLevelWords), [](std::string_view w) {
    return w.size() >= 2 && w[0] >= 'a' && w[0] <= 'z' && w[1] >= 'a' && w[1] <= 'z';
  }));
  // (A byte with 0x20 set is a lower-case letter exactly when the byte is a letter.)
  const unsigned a = (static_cast<unsigned char>(word[0]) | 0x20u) - 'a';
  const unsigned b = (static_cast<unsigned char>(word[1]) | 0x20u) - 'a';
  if (a >= 26 || b >= 26) return false;
  const size_t pair = a * 26 + b;
  if ((kPairs[pair / 64] >> (pair % 64) & 1) == 0) return false;
  return IsLevelWord(LowerAscii(word));
}

// Words after a town's name that make it a part of the next town named ("Saihat neighborhood,
// Dammam city", "the Kala'a district of Sinjar").
bool IsPartWord(std::string_view lower) {
  return lower == "area" || lower == "neighborhood" || lower == "neighbourhood" ||
         lower == "quarter" || lower == "district" || lower == "suburb";
}

// Index of the first token starting at or after `pos`.
size_t TokenAt(const Document& doc, uint32_t pos) {
  return static_cast<size_t>(doc.FirstTokenFrom(pos) - doc.tokens.begin());
}

// TokenAt(doc, pos), stepping on from `from` = TokenAt(doc, p) for some p <= pos: the token after
// a mention from its first token (a few steps, not a search).
size_t TokenAtFrom(const Document& doc, size_t from, uint32_t pos) {
  while (from < doc.tokens.size() && doc.tokens[from].span.begin < pos) ++from;
  return from;
}

using locate_internal::FoldedText;
using locate_internal::FoldTextMemo;

// The per-thread memo of FoldTextMemo: the capitalized words Admin1AsWritten reads come back in
// the next documents ("Kabul", "Police", "Helmand"), and a repeat costs a hash of its bytes and
// one compare instead of two folds and two lookups. Direct-mapped; a slot holds
// the whole text, so its answer is exactly a fresh one. Tagged with the gazetteer's serial (+1,
// so 0 is empty): blobs opened one after another never see each other's answers. 16384 slots
// (2 MB, made at a thread's first fold): with 4096 the words of the 11k eval documents took
// each other's slots, and a quarter of the words a document read were folded afresh.
// A slot filled by a caller that wanted only the folded key (MentionKeyMemo) holds no loose
// key: the loose key and its entries are worked out at the first ask that wants them, and kept.
// A slot is two cache lines: the first holds all that a hit compares and the entry lists, so a
// hit that wants no key string (most: the loose search's words) reads one line.
struct FoldMemo {
  static constexpr size_t kSlots = 16384;
  static constexpr size_t kMaxLen = 24;
  struct alignas(64) Slot {
    uint64_t tag = 0;
    const GeoId* folded_ids_data = nullptr;
    const GeoId* loose_ids_data = nullptr;
    uint32_t folded_ids_size = 0, loose_ids_size = 0;
    uint8_t text_len = 0, folded_len = 0, loose_len = 0;
    bool loose_known = false;  // loose / loose_ids hold LooseKey(folded) and its entries
    // Whether folded_ids or loose_ids (loose_known) hold a first-level division; -1 not worked
    // out yet (ReadCandidateWords asks it of every word, and most hold none).
    int8_t any_admin1 = -1;
    char text[kMaxLen];
    char folded[kMaxLen];  // (second line)
    char loose[kMaxLen];

    std::span<const GeoId> folded_ids() const { return {folded_ids_data, folded_ids_size}; }
    std::span<const GeoId> loose_ids() const { return {loose_ids_data, loose_ids_size}; }
    void set_folded_ids(std::span<const GeoId> ids) {
      folded_ids_data = ids.data();
      folded_ids_size = static_cast<uint32_t>(ids.size());
    }
    void set_loose_ids(std::span<const GeoId> ids) {
      loose_ids_data = ids.data();
      loose_ids_size = static_cast<uint32_t>(ids.size());
    }
    // The loose key (at most kMaxLen bytes) and its entries, known from here on.
    void set_loose(std::string_view key, std::span<const GeoId> ids) {
      set_loose_ids(ids);
      loose_len = static_cast<uint8_t>(key.size());
      std::memcpy(loose, key.data(), key.size());
      loose_known = true;
    }
  };
  static_assert(offsetof(Slot, text) + kMaxLen <= 64 && sizeof(Slot) == 128);
  Slot slots[kSlots];
};

// Where `text`'s answer lives in the thread's memo: its slot, and whether the slot holds it.
struct FoldMemoProbe {
  FoldMemo::Slot* slot;
  uint64_t tag;
  bool hit;
};
FoldMemoProbe ProbeFoldMemo(std::string_view text, const Gazetteer& gaz) {
  thread_local std::unique_ptr<FoldMemo> memo;  // not in every thread's static storage
  if (!memo) memo = std::make_unique<FoldMemo>();
  const uint64_t tag = gaz.serial() + 1;
  const uint64_t h = HashBytes(text);
  FoldMemo::Slot& slot = memo->slots[(h ^ (h >> 31)) & (FoldMemo::kSlots - 1)];
  const bool hit = slot.tag == tag && slot.text_len == text.size() &&
                   SameBytes(slot.text, text.data(), text.size());
  return {&slot, tag, hit};
}
// Keeps `f`, the answer for `text`, in the probed slot when the texts fit it (returns whether
// they did); its loose key and entries only when `loose_known` (else they are left to the first
// ask that wants them).
bool StoreInFoldMemo(const FoldMemoProbe& probe, std::string_view text, const FoldedText& f,
                     bool loose_known = true) {
  if (text.size() > FoldMemo::kMaxLen || f.folded.size() > FoldMemo::kMaxLen ||
      (loose_known && f.loose.size() > FoldMemo::kMaxLen)) {
    return false;
  }
  FoldMemo::Slot& slot = *probe.slot;
  slot.any_admin1 = -1;
  slot.tag = probe.tag;
  slot.set_folded_ids(f.folded_ids);
  slot.text_len = static_cast<uint8_t>(text.size());
  slot.folded_len = static_cast<uint8_t>(f.folded.size());
  std::memcpy(slot.text, text.data(), text.size());
  std::memcpy(slot.folded, f.folded.data(), f.folded.size());
  if (loose_known) {
    slot.set_loose(f.loose, f.loose_ids);
  } else {
    slot.set_loose_ids({});
    slot.loose_len = 0;
    slot.loose_known = false;
  }
  return true;
}

// Works out the loose key and entries of a slot that holds only the folded key (the slot holds
// the text asked): kept in the slot when the key fits, else handed back in `loose` only.
void CompleteLoose(FoldMemo::Slot& slot, const Gazetteer& gaz, std::string* loose) {
  std::string key = LooseKey(std::string_view(slot.folded, slot.folded_len));
  const std::span<const GeoId> ids = gaz.FindLoose(key);
  slot.any_admin1 = -1;
  if (key.size() <= FoldMemo::kMaxLen) {
    slot.set_loose(key, ids);
  } else {
    slot.set_loose_ids(ids);  // the answer read next; not known: the key itself does not fit
  }
  if (loose != nullptr) *loose = std::move(key);
}

// The entries of FoldTextMemo(text) without its keys: the loose search reads the keys of only
// the few words whose entries hold the division, and a memo hit then copies no string.
struct FoldedIds {
  bool folded_empty;
  std::span<const GeoId> folded_ids, loose_ids;
  // With loose_ids: the memo's answer of whether they or folded_ids hold a first-level
  // division (-1 not worked out), to keep it in; null when the memo does not hold the text.
  int8_t* any_admin1 = nullptr;
};
// `want_loose` false: loose_ids left empty, and not worked out on a miss.
FoldedIds FoldIdsMemo(std::string_view text, const Gazetteer& gaz, bool want_loose) {
  const FoldMemoProbe probe = ProbeFoldMemo(text, gaz);
  if (probe.hit) {
    FoldMemo::Slot& slot = *probe.slot;
    if (!want_loose) return {slot.folded_len == 0, slot.folded_ids(), {}};
    if (!slot.loose_known) CompleteLoose(slot, gaz, nullptr);
    return {slot.folded_len == 0, slot.folded_ids(), slot.loose_ids(),
            slot.loose_known ? &slot.any_admin1 : nullptr};
  }
  if (!want_loose) {
    const FoldedText f = locate_internal::FoldKey(text, gaz);
    StoreInFoldMemo(probe, text, f, /*loose_known=*/false);
    return {f.folded.empty(), f.folded_ids, {}};
  }
  const FoldedText f = locate_internal::FoldText(text, gaz);
  const bool kept = StoreInFoldMemo(probe, text, f);
  return {f.folded.empty(), f.folded_ids, f.loose_ids, kept ? &probe.slot->any_admin1 : nullptr};
}

// A mention's name without a trailing level word: what its gazetteer key folds.
std::string_view MentionKeyText(const Document& doc, const PlaceMention& m) {
  std::string_view t = doc.Slice(m.span);
  size_t space = t.rfind(' ');
  if (space != std::string_view::npos && IsLevelWordAnyCase(t.substr(space + 1))) {
    t = t.substr(0, space);
  }
  return t;
}

// The gazetteer key of a mention's name, without a trailing level word.
std::string MentionKey(const Document& doc, const PlaceMention& m) {
  return FoldName(MentionKeyText(doc, m));
}

// MentionKey of `m` and its entries (FindFolded of the key), from the thread's memo of folded
// texts: a document names the same places again and again, as the next documents do.
std::string MentionKeyMemo(const Document& doc, const PlaceMention& m, const Gazetteer& gaz,
                           std::span<const GeoId>* ids) {
  const std::string_view text = MentionKeyText(doc, m);
  const FoldMemoProbe probe = ProbeFoldMemo(text, gaz);
  if (probe.hit) {
    *ids = probe.slot->folded_ids();
    return std::string(probe.slot->folded, probe.slot->folded_len);
  }
  // The key alone: the loose key of a mention's name is rarely asked.
  FoldedText f = locate_internal::FoldKey(text, gaz);
  StoreInFoldMemo(probe, text, f, /*loose_known=*/false);
  *ids = f.folded_ids;
  return std::move(f.folded);
}

GeoId CountryOfEntry(const GeoEntry& e) {
  return e.kind() == GeoKind::kCountry ? e.id() : e.country_id();
}
GeoId Admin1OfEntry(const GeoEntry& e) {
  return e.kind() == GeoKind::kAdmin1 ? e.id() : e.admin1_id();
}

bool IsAdminLevel(const PlaceMention& m) {
  return m.kind == PlaceKind::kAdmin1 || m.kind == PlaceKind::kAdmin2 ||
         (m.kind == PlaceKind::kRegion && m.feature_code.starts_with("ADM"));
}

// Words that may stand between a place and the place that holds it: "X, Y", "X (Y",
// "X in Y", "X in the eastern countryside of Y", "X district of Y", "X sector area (Y",
// "X frontlines in Y".
constexpr std::string_view kContainerLinkWords[] = {",",
                                                    "(",
                                                    "in",
                                                    "of",
                                                    "the",
                                                    "countryside",
                                                    "outskirts",
                                                    "suburbs",
                                                    "vicinity",
                                                    "area",
                                                    "sector",
                                                    "front",
                                                    "frontline",
                                                    "frontlines",
                                                    "center",
                                                    "centre",
                                                    "northern",
                                                    "southern",
                                                    "eastern",
                                                    "western",
                                                    "north",
                                                    "south",
                                                    "east",
                                                    "west",
                                                    "northeastern",
                                                    "northwestern",
                                                    "southeastern",
                                                    "southwestern",
                                                    "central",
                                                    "rural"};
// With the level words in one set: one lookup per word, not two.
constexpr auto kAllContainerLinkWords = [] {
  std::array<std::string_view, std::size(kLevelWords) + std::size(kContainerLinkWords)> all{};
  std::copy(std::begin(kLevelWords), std::end(kLevelWords), all.begin());
  std::copy(std::begin(kContainerLinkWords), std::end(kContainerLinkWords),
            all.begin() + std::size(kLevelWords));
  return all;
}();
constexpr size_t kLongestContainerLinkWord = [] {
  size_t longest = 0;
  for (std::string_view w : kAllContainerLinkWords) longest = std::max(longest, w.size());
  return longest;
}();
static_assert(std::count_if(kAllContainerLinkWords.begin(), kAllContainerLinkWords.end(),
                            [](std::string_view w) { return w.size() == 1; }) == 2 &&
              std::find(kAllContainerLinkWords.begin(), kAllContainerLinkWords.end(), ",") !=
                  kAllContainerLinkWords.end() &&
              std::find(kAllContainerLinkWords.begin(), kAllContainerLinkWords.end(), "(") !=
                  kAllContainerLinkWords.end());
bool IsContainerLinkWord(std::string_view lower) {
  static const util::WordSet kSet(kAllContainerLinkWords);
  return kSet.Has(lower);
}

// IsContainerLinkWord of `word` lower-cased. The link most written, "," (or "("), and words
// longer than any link are answered without lowering and hashing.
bool IsContainerLinkWordAnyCase(std::string_view word) {
  if (word.size() == 1) return word[0] == ',' || word[0] == '(';  // the links of one byte
  if (word.size() > kLongestContainerLinkWord) return false;
  return IsContainerLinkWord(LowerAscii(word));
}

// True when `outer` follows `inner` with only container link words between them.
bool FollowsAsContainer(const Document& doc, const PlaceMention& inner, const PlaceMention& outer) {
  if (outer.span.begin < inner.span.end) return false;
  size_t t = TokenAt(doc, inner.span.end);
  // In parentheses after a town, the names of the divisions between the two, known or not ("Al
  // Arish (Sabir Al Mawadim, Taizz)"), are links too.
  const bool parenthesis = inner.kind == PlaceKind::kPlace && t < doc.tokens.size() &&
                           doc.Slice(doc.tokens[t].span) == "(";
  int words = 0;
  for (; t < doc.tokens.size() && doc.tokens[t].span.begin < outer.span.begin; ++t) {
    const Token& w = doc.tokens[t];
    if (++words > 6) return false;
    if (parenthesis && w.kind == TokenKind::kWord && doc.text[w.span.begin] >= 'A' &&
        doc.text[w.span.begin] <= 'Z') {
      continue;
    }
    if (!IsContainerLinkWordAnyCase(doc.Slice(w.span))) return false;
  }
  return words > 0;
}

// True when `outer` is written as the owner of `inner` right before it: "Jammu and Kashmir's
// Poonch district".
bool PossessiveContainer(const Document& doc, const PlaceMention& inner,
                         const PlaceMention& outer) {
  if (outer.span.end >= inner.span.begin) return false;
  const std::string_view between =
      std::string_view(doc.text).substr(outer.span.end, inner.span.begin - outer.span.end);
  return between == "'s " || between == "\u2019s ";
}

// True when a word, not only punctuation, stands between `inner` and `outer` ("X in Y", "X in
// the countryside of Y"; not "X, Y").
bool LinkedByWord(const Document& doc, const PlaceMention& inner, const PlaceMention& outer) {
  for (size_t t = TokenAt(doc, inner.span.end);
       t < doc.tokens.size() && doc.tokens[t].span.begin < outer.span.begin; ++t) {
    if (doc.tokens[t].kind == TokenKind::kWord) return true;
  }
  return false;
}

// True when `outer` follows `inner` after a single comma ("Ermita, Manila") and ends the pair:
// the token after it (past a level word, "Quezon City") is not ",", "and", "or" nor "&", so
// the two are no list of towns. Or `outer` opens a parenthesized container ("Pulluvila village
// (Thiruvananthapuram, KL)"): followed by "," or ")".
bool CityAfterComma(const Document& doc, const PlaceMention& inner, const PlaceMention& outer) {
  size_t t = TokenAt(doc, inner.span.end);
  // "Pulluvila village (Thiruvananthapuram, ...)": a level word, then the city in parentheses.
  if (t < doc.tokens.size() && IsLevelWordAnyCase(doc.Slice(doc.tokens[t].span))) ++t;
  if (t + 1 >= doc.tokens.size() || doc.tokens[t + 1].span.begin != outer.span.begin) return false;
  const std::string_view sep = doc.Slice(doc.tokens[t].span);
  if (sep == "(") {
    const size_t n = TokenAt(doc, outer.span.end);
    if (n >= doc.tokens.size()) return false;
    const std::string_view close = doc.Slice(doc.tokens[n].span);
    return close == "," || close == ")";
  }
  if (sep != ",") return false;
  if (const size_t b = TokenAt(doc, inner.span.begin); b >= 1) {
    const LowerWord before = LowerAscii(doc.Slice(doc.tokens[b - 1].span));
    if (before == "," || before == "and") return false;
  }
  size_t n = TokenAt(doc, outer.span.end);
  if (n < doc.tokens.size() && IsLevelWordAnyCase(doc.Slice(doc.tokens[n].span))) ++n;
  if (n >= doc.tokens.size()) return true;
  const LowerWord next = LowerAscii(doc.Slice(doc.tokens[n].span));
  return next != "," && next != "and" && next != "or" && next != "&";
}

// `m` moved to gazetteer entry `e` (same span and cues).
PlaceMention MovedTo(const PlaceMention& m, const GeoEntry& e) {
  PlaceMention out = m;
  out.geo_id = e.id();
  out.geonameid = e.geonameid();
  out.name = std::string(e.name());
  out.feature_code = std::string(e.feature_code());
  out.country = std::string(e.country_iso2());
  out.admin1 = std::string(e.admin1_name());
  out.has_coordinates = e.has_coordinates();
  if (out.has_coordinates) {
    out.lat = e.lat();
    out.lon = e.lon();
  }
  out.kind = e.kind() == GeoKind::kAdmin2   ? PlaceKind::kAdmin2
             : e.kind() == GeoKind::kAdmin1 ? PlaceKind::kAdmin1
                                            : PlaceKind::kPlace;
  return out;
}

// A seat of a first-level division or a national capital (feature code PPLA or PPLC; compared
// as a view, inline, not through string::compare and strlen).
bool IsProvincialOrNationalCapital(const PlaceMention& m) {
  const std::string_view code = m.feature_code;
  return code == "PPLA" || code == "PPLC";
}

bool IsCapitalizedWord(const Document& doc, const Token& t) {
  if (t.kind != TokenKind::kWord) return false;
  const char c = doc.text[t.span.begin];
  return c >= 'A' && c <= 'Z';
}

// A town of a short name (three letters at most) written after "town of", "village of" and
// the like and right before a capitalized word: the head of a longer name the gazetteer lacks
// ("the town of Tal Tamer", "the village of Abu Rasin"), read as the namesake town that the head
// alone names. (Without such a cue the places layer already takes the capitalized word for the
// rest of a name; "Gao Airport" names a feature of Gao.) Level words do not continue the name.
bool HeadOfLongerName(const Document& doc, const PlaceMention& m) {
  if (m.kind != PlaceKind::kPlace || m.span.size() > 3) return false;
  auto at = doc.FirstTokenFrom(m.span.begin);
  if (at == doc.tokens.end() || at - doc.tokens.begin() < 2 || at->span.end != m.span.end ||
      at + 1 == doc.tokens.end()) {
    return false;
  }
  const LowerWord level = LowerAscii(doc.Slice((at - 2)->span));
  if (doc.Slice((at - 1)->span) != "of" || !(IsLevelWord(level) || level == "hamlet")) {
    return false;
  }
  const Token& next = *(at + 1);
  return next.span.begin == m.span.end + 1 && IsCapitalizedWord(doc, next) &&
         !IsLevelWordAnyCase(doc.Slice(next.span));
}

// A town written as the container of the name before it — "Dawlat Abad district, Balkh",
// "near Shyrokyne, Donetsk", "Sirwah district (Marib)" — whose name is also the name of the
// division holding the town (Balkh town in Balkh province): the text names the division, the
// way coders write "place, province". Returns that division: the smallest one holding the
// place before it when that place is resolved (or could hold it: "Kadikoy, Istanbul" with
// Kadikoy read in another province, which Judge then moves), else the admin1. Only a town
// followed by the end of the phrase (",", ")", ".", ";", end of text) is read so ("On Monday,
// Kandahar police" is not).
// `key_ids`: FindFolded(MentionKey(doc, doc.places[k])), which the caller has looked up.
std::optional<GeoEntry> ContainerDivision(const Document& doc, const Gazetteer& gaz, size_t k,
                                          std::span<const GeoId> key_ids) {
  const PlaceMention& m = doc.places[k];
  if (m.kind != PlaceKind::kPlace || m.near || m.relative_region || m.demonym || m.metonymic ||
      m.geo_id >= gaz.size()) {
    return std::nullopt;
  }
  const size_t t = TokenAt(doc, m.span.begin);
  if (t < 2 || t > doc.tokens.size()) return std::nullopt;
  const std::string_view sep = doc.Slice(doc.tokens[t - 1].span);
  if (sep != "," && sep != "(") return std::nullopt;
  const size_t after = TokenAtFrom(doc, t, m.span.end);
  if (after < doc.tokens.size()) {
    const std::string_view next = doc.Slice(doc.tokens[after].span);
    if (next != "," && next != ")" && next != "." && next != ";") return std::nullopt;
  }
  // The name before the separator: a resolved mention, or capitalized words the places layer
  // did not read (a village the gazetteer lacks).
  const Token& before = doc.tokens[t - 2];
  const PlaceMention* inner = nullptr;
  for (size_t i = k; i-- > 0;) {
    const PlaceMention& o = doc.places[i];
    if (o.span.end < before.span.begin) break;
    if (o.span.begin < before.span.end && before.span.begin < o.span.end) {
      if (o.span.end != before.span.end || o.demonym || o.metonymic || o.geo_id >= gaz.size() ||
          o.kind == PlaceKind::kCountry || o.relative_region) {
        return std::nullopt;
      }
      inner = &o;
    }
  }
  if (!inner && !IsCapitalizedWord(doc, before) && !IsLevelWordAnyCase(doc.Slice(before.span))) {
    return std::nullopt;
  }
  const GeoEntry town = gaz.Entry(m.geo_id);
  // A town after a quarter's level word ("Karrada neighborhood, Baghdad") is the city the
  // quarter is in, not its province.
  const LowerWord before_word = LowerAscii(doc.Slice(before.span));
  for (std::string_view quarter : {"neighborhood", "neighbourhood", "quarter", "suburb"}) {
    if (before_word == quarter) return std::nullopt;
  }
  std::optional<GeoEntry> inner_entry;
  if (inner) inner_entry = gaz.Entry(inner->geo_id);
  // The entries of the inner mention's key, looked up at their first use (rare); none when its
  // key is empty.
  std::optional<std::span<const GeoId>> inner_ids;
  auto inner_key_ids = [&] {
    if (!inner_ids) {
      std::span<const GeoId> ids;
      inner_ids = MentionKeyMemo(doc, *inner, gaz, &ids).empty() ? std::span<const GeoId>() : ids;
    }
    return *inner_ids;
  };
  std::optional<GeoEntry> found;
  for (GeoId id : key_ids) {
    if (id >= gaz.size()) continue;
    const GeoEntry e = gaz.Entry(id);
    const bool admin1 = e.kind() == GeoKind::kAdmin1 && town.admin1_id() == id;
    const bool admin2 = e.kind() == GeoKind::kAdmin2 && town.admin2_id() == id;
    if (!admin1 && !admin2) continue;
    if (!inner) {
      if (admin1) found = e;
      continue;
    }
    bool holds = admin1 ? Admin1OfEntry(*inner_entry) == id
                        : inner_entry->kind() != GeoKind::kAdmin2 &&
                              inner_entry->kind() != GeoKind::kAdmin1 &&
                              inner_entry->admin2_id() == id;
    if (!holds && admin1) {
      for (GeoId other : inner_key_ids()) {
        if (other < gaz.size() && other != inner->geo_id &&
            gaz.Entry(other).kind() != GeoKind::kAdmin1 && Admin1OfEntry(gaz.Entry(other)) == id) {
          holds = true;
          break;
        }
      }
    }
    if (holds && (!found || admin2)) found = e;
  }
  return found;
}

// The places layer seen from the event: every usable mention with its key and hierarchy.
// A town written as a container is read as the division it names (ContainerDivision); such
// readings live in `divisions`, which must outlive the result.
bool IsOrigin(const Document& doc, const PlaceMention& m);
bool IsOwnerCountry(const Document& doc, const PlaceMention& m);
bool IsOwnerDivision(const Document& doc, const PlaceMention& m);

struct Usable {
  const PlaceMention* m;  // doc.places[index], or its reading as a division
  size_t index;           // into doc.places
  uint32_t sentence;
  GeoId country;
  GeoId admin1;
  std::string key;
  uint32_t key_id = 0;  // equal ids for equal keys within the document (KeyGroups)
  bool origin = false;  // IsOrigin(doc, *m)
  bool owner = false;   // IsOwnerCountry(doc, *m)
  // A town whose written name is not one of its entry's names, read through a loose spelling
  // ("Al Falah" as Philadelphia): it says too little to vote on where the other places of its
  // sentence lie.
  bool loose = false;
};

// The usable mentions grouped by key, so that Judge compares small integers and visits only
// a key's own mentions; made once per document.
struct KeyGroups {
  // Usable indices grouped by key id (ascending within a key): key k holds
  // [key_begin[k], key_begin[k + 1]) of `by_key`; `mentions` holds their mentions in the same
  // slots, ordered by the start of their span within each key.
  std::vector<uint32_t> by_key;
  std::vector<uint32_t> key_begin;
  std::vector<const PlaceMention*> mentions;
  size_t keys() const { return key_begin.empty() ? 0 : key_begin.size() - 1; }
  std::span<const uint32_t> UsablesOf(uint32_t k) const {
    return {by_key.data() + key_begin[k], key_begin[k + 1] - key_begin[k]};
  }
  std::span<const PlaceMention* const> MentionsOf(uint32_t k) const {
    return {mentions.data() + key_begin[k], key_begin[k + 1] - key_begin[k]};
  }
  // Usables are in sentence order: those of sentence s are [first[s], first[s + 1]).
  std::vector<uint32_t> first;
  // Usable indices ordered by the start of their mention (BestInContext's sentence lookup).
  std::vector<uint32_t> by_start;
  std::optional<std::vector<GeoId>> actor_countries;  // ActorCountries, at first use
  // Per key id: FindFolded(key), as UsableMentions looked it up (empty for the key of demonyms
  // alone); and FindLoose(LooseKey(key)) once asked (LooseIdsOf; empty until the first ask).
  std::vector<std::span<const GeoId>> folded_ids;
  std::vector<std::optional<std::span<const GeoId>>> loose_ids;
  std::span<const GeoId> FoldedIdsOf(const Usable& u) const { return folded_ids[u.key_id]; }
};

// The entries of the loose key of `me`'s key: looked up once per key of the document.
std::span<const GeoId> LooseIdsOf(const Gazetteer& gaz, const Usable& me, KeyGroups& groups) {
  if (groups.loose_ids.empty()) groups.loose_ids.assign(groups.keys(), std::nullopt);
  std::optional<std::span<const GeoId>>& ids = groups.loose_ids[me.key_id];
  if (!ids) ids = gaz.FindLoose(LooseKey(me.key));
  return *ids;
}

// Sets key_id and origin of every usable; fills `g` (emptied first, keeping its memory).
// `ids[u]`: FindFolded(all[u].key) for the usables that are no demonyms.
void GroupByKey(const Document& doc, std::vector<Usable>& all,
                std::span<const std::span<const GeoId>> ids, KeyGroups& g) {
  g.key_begin.clear();
  g.actor_countries.reset();
  g.loose_ids.clear();
  // Sorting by key puts equal keys side by side (one allocation, no hashing).
  g.by_key.resize(all.size());
  g.key_begin.reserve(all.size() + 1);
  for (uint32_t u = 0; u < all.size(); ++u) g.by_key[u] = u;
  util::StableSortSmall(g.by_key.begin(), g.by_key.end(),
                          [&](uint32_t a, uint32_t b) { return all[a].key < all[b].key; });
  // Equal keys have equal entries: a key's are those of its first usable that looked them up
  // (no demonym).
  g.folded_ids.clear();
  bool looked_up = false;  // whether the last key's entries were looked up
  for (uint32_t i = 0; i < g.by_key.size(); ++i) {
    const uint32_t u = g.by_key[i];
    if (i == 0 || all[u].key != all[g.by_key[i - 1]].key) {
      g.key_begin.push_back(i);
      g.folded_ids.push_back(ids[u]);
      looked_up = !all[u].m->demonym;
    } else if (!looked_up && !all[u].m->demonym) {
      g.folded_ids.back() = ids[u];
      looked_up = true;
    }
    all[u].key_id = static_cast<uint32_t>(g.key_begin.size() - 1);
  }
  g.key_begin.push_back(static_cast<uint32_t>(g.by_key.size()));
  for (Usable& o : all) {
    o.origin = IsOrigin(doc, *o.m);
    o.owner = IsOwnerCountry(doc, *o.m) || IsOwnerDivision(doc, *o.m);
  }
  const size_t sentences = std::max<size_t>(doc.sentences.size(), 1);
  g.first.assign(sentences + 1, static_cast<uint32_t>(all.size()));
  for (uint32_t u = all.size(); u-- > 0;) g.first[all[u].sentence] = u;
  for (size_t s = sentences; s-- > 0;) g.first[s] = std::min(g.first[s], g.first[s + 1]);
  g.by_start.resize(all.size());
  for (uint32_t u = 0; u < all.size(); ++u) g.by_start[u] = u;
  util::StableSortSmall(g.by_start.begin(), g.by_start.end(), [&](uint32_t a, uint32_t b) {
    return all[a].m->span.begin < all[b].m->span.begin;
  });
  g.mentions.resize(g.by_key.size());
  for (size_t i = 0; i < g.by_key.size(); ++i) g.mentions[i] = all[g.by_key[i]].m;
  for (size_t k = 0; k < g.keys(); ++k) {
    util::StableSortSmall(
        g.mentions.begin() + g.key_begin[k], g.mentions.begin() + g.key_begin[k + 1],
        [](const PlaceMention* a, const PlaceMention* b) { return a->span.begin < b->span.begin; });
  }
}

// Fills `out` with the usable mentions, `ids_out` with the entries of their keys (FindFolded;
// none for a demonym) and `loose_out` with the indices of the loose ones.
void UsableMentions(const Document& doc, const Gazetteer& gaz,
                    std::forward_list<PlaceMention>* divisions, std::vector<Usable>& out,
                    std::vector<std::span<const GeoId>>& ids_out,
                    std::vector<uint32_t>& loose_out) {
  out.clear();
  ids_out.clear();
  loose_out.clear();
  out.reserve(doc.places.size());
  size_t s = 0;
  for (size_t k = 0; k < doc.places.size(); ++k) {
    const PlaceMention* m = &doc.places[k];
    if (m->geo_id >= gaz.size() || (!m->demonym && Rank(*m) == 0) || NamesAnObject(doc, *m) ||
        HeadOfLongerName(doc, *m)) {
      continue;
    }
    while (s + 1 < doc.sentences.size() && doc.sentences[s].span.end <= m->span.begin) ++s;
    GeoEntry e = gaz.Entry(m->geo_id);
    std::span<const GeoId> ids;  // FindFolded(key)
    std::string key = m->demonym ? std::string() : MentionKeyMemo(doc, *m, gaz, &ids);
    bool loose = false;
    if (auto d = ContainerDivision(doc, gaz, k, ids)) {
      m = &divisions->emplace_front(MovedTo(*m, *d));
      e = *d;
    } else if (!key.empty() && m->kind == PlaceKind::kPlace) {
      loose = std::find(ids.begin(), ids.end(), m->geo_id) == ids.end();
    }
    out.push_back(
        {m, k, static_cast<uint32_t>(s), CountryOfEntry(e), Admin1OfEntry(e), std::move(key)});
    ids_out.push_back(ids);
    out.back().loose = loose;
    if (loose) loose_out.push_back(static_cast<uint32_t>(out.size() - 1));
  }
}

// The countries the document's named actors belong to (ISO2): a group's own country, or every
// country of a group active in several ("JNIM" → Mali, Burkina Faso, Niger), or a mission's.
std::vector<GeoId> ActorCountries(const Document& doc, const Gazetteer& gaz) {
  std::vector<GeoId> out;
  auto add = [&](std::optional<GeoEntry> c) {
    if (c && std::find(out.begin(), out.end(), c->id()) == out.end()) out.push_back(c->id());
  };
  for (const ActorMention& a : doc.actors) {
    if (a.generic) continue;
    if (!a.country_iso3.empty()) {
      add(gaz.CountryByIso3(a.country_iso3));
      continue;
    }
    std::string_view area = places_internal::GroupArea(a.actor);
    for (size_t pos = 0; pos < area.size();) {
      const size_t bar = std::min(area.find('|', pos), area.size());
      add(gaz.CountryByIso2(area.substr(pos, bar - pos)));
      pos = bar + 1;
    }
  }
  for (const Token& t : doc.tokens) {
    if (t.kind != TokenKind::kWord) continue;
    std::string_view iso2 = places_internal::MissionCountry(doc.Slice(t.span));
    if (!iso2.empty()) add(gaz.CountryByIso2(iso2));
  }
  return out;
}

// A town or district named with no other place to check it against ("militants attacked the
// village of Banh", read as Banh of Iran), read outside every country the document's named
// actors belong to: its namesake in the actors' country, when the gazetteer has one (the
// first such country the actors name; a town before a district).
std::optional<GeoEntry> InActorCountry(const Document& doc, const Gazetteer& gaz, const Usable& me,
                                       KeyGroups& groups) {
  const PlaceMention& m = *me.m;
  if (m.kind != PlaceKind::kPlace && m.kind != PlaceKind::kAdmin2) return std::nullopt;
  if (!groups.actor_countries) groups.actor_countries = ActorCountries(doc, gaz);
  const std::vector<GeoId>& countries = *groups.actor_countries;
  if (countries.empty() ||
      std::find(countries.begin(), countries.end(), me.country) != countries.end()) {
    return std::nullopt;
  }
  std::optional<GeoEntry> best;
  size_t best_rank = countries.size();
  for (GeoId id : groups.FoldedIdsOf(me)) {
    if (id == m.geo_id || id >= gaz.size()) continue;
    const GeoEntry e = gaz.Entry(id);
    if (e.kind() != GeoKind::kPlace && e.kind() != GeoKind::kAdmin2) continue;
    const size_t rank = static_cast<size_t>(
        std::find(countries.begin(), countries.end(), CountryOfEntry(e)) - countries.begin());
    if (rank < best_rank || (rank == best_rank && best && best->kind() != GeoKind::kPlace &&
                             e.kind() == GeoKind::kPlace)) {
      best = e;
      best_rank = rank;
    }
  }
  return best;
}

// A division or country written as where people come from: "forces from Tigray region",
// "fighters from Ethiopia's Tigray region".
bool IsOrigin(const Document& doc, const PlaceMention& m) {
  if (m.demonym || (m.kind != PlaceKind::kCountry && !IsAdminLevel(m))) return false;
  size_t t = TokenAt(doc, m.span.begin);
  if (t == 0 || t > doc.tokens.size()) return false;
  // "from Ethiopia's Tigray region": past the possessive country ("Ethiopia's" or "Ethiopia",
  // "'s").
  std::string_view before = doc.Slice(doc.tokens[t - 1].span);
  if (before.ends_with("'s") || before.ends_with("\xE2\x80\x99s")) {
    const size_t back = before == "'s" || before == "\xE2\x80\x99s" ? 2 : 1;
    if (t < back + 1) return false;
    t -= back;
  }
  const std::string_view before_word = doc.Slice(doc.tokens[t - 1].span);
  return before_word.size() == 4 && LowerAscii(before_word) == "from";
}

// True when token b (b >= 2) follows "border with" / "border of" (or "borders"): what it names
// lies across a border from the event.
bool AfterBorderLink(const Document& doc, size_t b, const LowerWord& link) {
  if (link != "with" && link != "of") return false;
  // (The word before is lowered only after a link word: most words are none.)
  const LowerWord border = LowerAscii(doc.Slice(doc.tokens[b - 2].span));
  return border == "border" || border == "borders";
}

// A country named as the owner of forces, a mission or a sponsor rather than as a place: opening
// a named actor ("US forces", "Turkey's army"), or before "embassy" / "consulate" /
// "backed" ("the France embassy in Conakry", "a Turkey backed faction"). It says whose, not
// where: it votes like a demonym and is not a candidate for the event's place.
bool IsOwnerCountry(const Document& doc, const PlaceMention& m) {
  if (m.demonym || m.kind != PlaceKind::kCountry) return false;
  for (const ActorMention& a : doc.actors) {
    if (a.span.begin > m.span.begin) break;
    // The country opening the actor ("US forces"); one inside a group's name ("United
    // Self-Defense Forces of Colombia") is where the group is at home.
    if (!a.generic && a.span.begin == m.span.begin && a.span.end > m.span.end) return true;
  }
  // A country across the border from the event: "near the border with Mali", "on the border of
  // Niger", "near the Niger border" (below).
  const size_t b = TokenAt(doc, m.span.begin);
  if (b >= 2) {
    const LowerWord link = LowerAscii(doc.Slice(doc.tokens[b - 1].span));
    if (AfterBorderLink(doc, b, link)) return true;
    // "the border with Niger and Benin": the second country as the first.
    if (link == "and" || link == ",") {
      for (const PlaceMention& o : doc.places) {
        if (o.span.end == doc.tokens[b - 2].span.end && o.kind == PlaceKind::kCountry &&
            !o.demonym && &o != &m) {
          return IsOwnerCountry(doc, o);
        }
      }
    }
  }
  const size_t t = TokenAtFrom(doc, b, m.span.end);
  if (t >= doc.tokens.size()) return false;
  size_t next = t;
  if (doc.Slice(doc.tokens[t].span) == "-" && t + 1 < doc.tokens.size() &&
      doc.tokens[t + 1].span.begin == doc.tokens[t].span.end) {
    next = t + 1;  // "Turkey-backed"
  }
  // (Lowered only at the length of one of the words: most words after a country are not.)
  const std::string_view after = doc.Slice(doc.tokens[next].span);
  if (after.size() < 6 || after.size() > 9) return false;
  const LowerWord w = LowerAscii(after);
  return w == "embassy" || w == "embassies" || w == "consulate" || w == "backed" || w == "border";
}

// A division named as the owner of a body or an office rather than as a place: a possessive
// followed by a lower-case word that is not a part of the division ("Logar's provincial
// council", "Kabul's police chief"; not "Idlib's southern countryside", "Helmand's Nad Ali
// district"), or a division across a border from the event. It says whose, not where: like an
// owner country, it is not a candidate for the event's place and holds no town.
bool IsOwnerDivision(const Document& doc, const PlaceMention& m) {
  if (m.demonym || !IsAdminLevel(m)) return false;
  // A division across a border from the event: "near the administrative border with Hama
  // governorate", "on the border of Kunar".
  const size_t b = TokenAt(doc, m.span.begin);
  if (b >= 2 && AfterBorderLink(doc, b, LowerAscii(doc.Slice(doc.tokens[b - 1].span)))) {
    return true;
  }
  size_t t = TokenAtFrom(doc, b, m.span.end);
  if (t >= doc.tokens.size()) return false;
  std::string_view tok = doc.Slice(doc.tokens[t].span);
  if (doc.tokens[t].span.begin == m.span.end && (tok == "'s" || tok == "\xE2\x80\x99s")) {
    ++t;
  } else {
    // The possessive inside the mention's last token ("Logar's" as one word).
    if (t == 0) return false;
    std::string_view whole = doc.Slice(doc.tokens[t - 1].span);
    if (doc.tokens[t - 1].span.end <= m.span.end ||
        !(whole.ends_with("'s") || whole.ends_with("\xE2\x80\x99s"))) {
      return false;
    }
  }
  if (t >= doc.tokens.size()) return false;
  std::string_view next = doc.Slice(doc.tokens[t].span);
  if (next.empty() || !(next[0] >= 'a' && next[0] <= 'z')) return false;
  return !IsContainerLinkWord(LowerAscii(next));
}

// What the other names around a mention say of its entry.
struct Verdict {
  bool dropped = false;
  std::optional<GeoEntry> moved;
};

bool IsVicinityWord(std::string_view lower);

// "in X", "at the X", "near X", "the village of X": a place written where the event is, not in
// passing ("members of National Corps, Svoboda and ... protested in Cherkasy", where a party
// bears a town's name).
bool WrittenAfterLocativeWord(const Document& doc, const PlaceMention& m) {
  if (m.near) return true;
  size_t t = TokenAt(doc, m.span.begin);
  if (t == 0 || t > doc.tokens.size()) return false;
  if (t >= 2 && LowerAscii(doc.Slice(doc.tokens[t - 1].span)) == "the") --t;
  const LowerWord before = LowerAscii(doc.Slice(doc.tokens[t - 1].span));
  if (before == "in" || before == "at" || before == "near" || before == "outside") return true;
  return before == "of" && t >= 2 &&
         IsVicinityWord(LowerAscii(doc.Slice(doc.tokens[t - 2].span)));
}

// A village lies within this distance of the town of its commune.
constexpr double kVillageToItsTownKm = 60;

// "Kiba (Tanga, Oudalan)": a village written before the town of its commune in parentheses, the
// way coders write it, lies near that town. Read by another spelling than its entry's own name
// more than kVillageToItsTownKm away from a town whose name its country gives no other town, it
// moves to a namesake near the town, else it is passed over (a village the gazetteer lacks, the
// town standing for it). Empty when no such town follows.
std::optional<Verdict> AwayFromItsTownInParentheses(const Document& doc, const Gazetteer& gaz,
                                                    const std::vector<Usable>& all,
                                                    KeyGroups& groups, const Usable& me) {
  const PlaceMention& m = *me.m;
  // A place followed by punctuation other than "(" (most are) needs no token search.
  size_t p = m.span.end;
  while (p < doc.text.size() && doc.text[p] == ' ') ++p;
  if (p >= doc.text.size() ||
      (doc.text[p] != '(' && !std::isalpha(static_cast<unsigned char>(doc.text[p])))) {
    return std::nullopt;
  }
  size_t t = TokenAt(doc, m.span.end);
  if (t < doc.tokens.size() && IsLevelWordAnyCase(doc.Slice(doc.tokens[t].span))) ++t;
  if (t + 1 >= doc.tokens.size() || doc.Slice(doc.tokens[t].span) != "(") return std::nullopt;
  const uint32_t next = doc.tokens[t + 1].span.begin;
  for (uint32_t o = groups.first[me.sentence]; o < groups.first[me.sentence + 1]; ++o) {
    const PlaceMention& town = *all[o].m;
    if (town.span.begin != next) continue;
    // Only a reading by another spelling than the entry's own name is doubted: "Bahawalpur city
    // (Multan, Punjab)" names a city and its division's seat.
    if (town.kind != PlaceKind::kPlace || !town.has_coordinates || town.country != m.country ||
        FoldName(m.name) == me.key ||
        ApproxKm(m.lat, m.lon, town.lat, town.lon) <= kVillageToItsTownKm) {
      return std::nullopt;
    }
    // The town is trusted only when its country has no other town of its name.
    for (GeoId id : groups.FoldedIdsOf(all[o])) {
      if (id == town.geo_id || id >= gaz.size()) continue;
      const GeoEntry e = gaz.Entry(id);
      if (e.kind() == GeoKind::kPlace && CountryOfEntry(e) == all[o].country) return std::nullopt;
    }
    Verdict v;
    auto near_town = [&](std::span<const GeoId> ids) {
      for (GeoId id : ids) {
        if (id == m.geo_id || id >= gaz.size()) continue;
        const GeoEntry e = gaz.Entry(id);
        if (e.kind() == GeoKind::kPlace && e.has_coordinates() &&
            ApproxKm(e.lat(), e.lon(), town.lat, town.lon) <= kVillageToItsTownKm) {
          v.moved = e;
          return;
        }
      }
    };
    near_town(groups.FoldedIdsOf(me));
    if (!v.moved) near_town(LooseIdsOf(gaz, me, groups));
    v.dropped = !v.moved;
    return v;
  }
  return std::nullopt;
}

// "a rally in Ouagadougou against strikes in Libya": a national capital written as where the
// event is, not as a part of something else ("the Rabat area of X district"), is that capital,
// not a village or town of the other country named with it.
bool NationalCapitalWrittenAsThePlace(const Document& doc, const PlaceMention& m) {
  if (std::string_view(m.feature_code) != "PPLC" || !WrittenAfterLocativeWord(doc, m)) return false;
  const size_t t = TokenAt(doc, m.span.end);
  return t >= doc.tokens.size() || !IsPartWord(LowerAscii(doc.Slice(doc.tokens[t].span)));
}

// A town, district or province whose entry lies in another country than the other places named
// with it, or a town/district in another admin1 than the divisions named with it ("Kamyanka,
// Donetsk" resolved to a Kamyanka of Cherkasy), was resolved against its context: it moves to an
// entry of the same name inside that country/division when the gazetteer has one, and is passed
// over otherwise. "With it" means in the sentences where the name occurs (one sense per
// document). A place never contradicts the place that holds it ("Daman in the countryside of
// Deir-ez-Zor": Deir-ez-Zor is not put in doubt by Daman). Demonyms vote, but too little to pass
// a mention over alone.
Verdict Judge(const Document& doc, const Gazetteer& gaz, const std::vector<Usable>& all,
              KeyGroups& groups, size_t u) {
  Verdict v;
  const Usable& me = all[u];
  const PlaceMention& m = *me.m;
  if (m.demonym || m.kind == PlaceKind::kCountry || m.kind == PlaceKind::kRegion ||
      m.relative_region || me.key.empty()) {
    return v;
  }
  if (m.feature_code.starts_with("PPLX")) {
    // A section of a city ("the Dniprovskyi district") means the city the document talks
    // about: read in another admin1 than every other place of the document, it is passed
    // over unless the gazetteer has it there.
    std::vector<GeoId> doc_admin1s;
    for (const Usable& o : all) {
      if (o.key_id == me.key_id || o.admin1 == kNoGeoId) continue;
      if (o.m->demonym || o.m->kind == PlaceKind::kCountry) continue;
      if (o.admin1 == me.admin1) return v;
      doc_admin1s.push_back(o.admin1);
    }
    if (doc_admin1s.empty()) return v;
    for (GeoId id : groups.FoldedIdsOf(me)) {
      if (id == m.geo_id || id >= gaz.size()) continue;
      GeoEntry e = gaz.Entry(id);
      if (e.kind() == GeoKind::kPlace && std::find(doc_admin1s.begin(), doc_admin1s.end(),
                                                   Admin1OfEntry(e)) != doc_admin1s.end()) {
        v.moved = e;
        return v;
      }
    }
    v.dropped = true;
    return v;
  }
  // A division written as this mention's container ("Poonch district, J&K", "Bara in the
  // countryside of Idleb province") settles it, whatever else the sentence names: read outside
  // that division, it moves to a namesake inside it. Without one (the container may be the
  // misread name: "Budgam District in Kashmir"), the votes below decide.
  // A container of a country the sentence does not name while it names others ("Sidon, Southern
  // Province, Lebanon" with the province read in Zambia) was itself misread: it settles nothing.
  // An owner written with a possessive ("Jammu and Kashmir's Poonch district") settles it though
  // the sentence names another country ("Pakistan violated the ceasefire in ...").
  auto country_named = [&](GeoId country) {
    bool any = false;
    for (uint32_t o = groups.first[me.sentence]; o < groups.first[me.sentence + 1]; ++o) {
      const Usable& c = all[o];
      if (c.m->kind != PlaceKind::kCountry || c.m->demonym || c.owner || c.origin) continue;
      if (c.country == country) return true;
      any = true;
    }
    return !any;
  };
  if (m.kind == PlaceKind::kPlace && m.has_coordinates) {
    if (std::optional<Verdict> far = AwayFromItsTownInParentheses(doc, gaz, all, groups, me)) {
      return *far;
    }
  }
  if (m.kind == PlaceKind::kPlace || m.kind == PlaceKind::kAdmin2) {
    for (uint32_t o = groups.first[me.sentence]; o < groups.first[me.sentence + 1]; ++o) {
      const Usable& c = all[o];
      // The same name written again as the container ("Hyderabad city (Hyderabad, TS)") names
      // the same place: read elsewhere, it settles the town as another container does.
      const bool same_name =
          c.key_id == me.key_id && c.m != me.m && c.m->span.begin > m.span.begin;
      if ((c.key_id == me.key_id && !same_name) || c.origin || c.m->demonym ||
          c.admin1 == kNoGeoId || c.m->kind == PlaceKind::kRegion) {
        continue;
      }
      // A provincial or national capital written with words ("in the countryside of Idleb",
      // "in Al-Hasakeh") holds the place as its province does.
      const bool capital = c.m->kind == PlaceKind::kPlace && IsProvincialOrNationalCapital(*c.m);
      // "Ermita, Manila after ...": a town written right before a city after a comma, the
      // pair ending there (not a list, "Dedougou, Manga and Po"), is a part of that city.
      const bool city = !same_name && m.kind == PlaceKind::kPlace &&
                        c.m->kind == PlaceKind::kPlace && c.country == me.country &&
                        (capital || std::string_view(c.m->feature_code) == "PPLA2") &&
                        CityAfterComma(doc, m, *c.m);
      if (!IsAdminLevel(*c.m) && !capital && !same_name && !city) continue;
      if (c.m->kind == PlaceKind::kAdmin2 && m.kind == PlaceKind::kAdmin2) continue;
      const bool owner = PossessiveContainer(doc, m, *c.m);
      if (!owner && !FollowsAsContainer(doc, m, *c.m)) continue;
      if (capital && !same_name && !city && !LinkedByWord(doc, m, *c.m)) continue;
      if (c.admin1 == me.admin1) break;
      if (!owner && !country_named(c.country)) break;
      auto inside = [&](std::span<const GeoId> ids) {
        for (GeoId id : ids) {
          if (id == m.geo_id || id >= gaz.size()) continue;
          const GeoEntry e = gaz.Entry(id);
          if ((e.kind() != GeoKind::kPlace && e.kind() != GeoKind::kAdmin2) ||
              Admin1OfEntry(e) != c.admin1) {
            continue;
          }
          if (!v.moved || (v.moved->kind() != GeoKind::kPlace && e.kind() == GeoKind::kPlace)) {
            v.moved = e;
          }
        }
      };
      inside(groups.FoldedIdsOf(me));
      if (!v.moved) inside(LooseIdsOf(gaz, me, groups));
      if (v.moved) return v;
      if (city) {  // a part of the city the gazetteer knows only elsewhere: the city stands
        v.dropped = true;
        return v;
      }
      // A town read in another country than its container, with no namesake inside it ("the
      // village of Fakkeh in Al-Hasakeh" read in Turkey), is a village the gazetteer lacks.
      if (m.kind == PlaceKind::kPlace && c.country != me.country) {
        v.dropped = true;
        return v;
      }
      break;  // no namesake there: the votes below decide
    }
  }
  // Lists of the calling thread, reused from call to call: this runs for most mentions of
  // every document, and nothing it calls comes back here.
  thread_local struct {
    std::vector<uint32_t> context;
    std::vector<std::pair<GeoId, double>> votes;
    std::vector<GeoId> placed, admin1_targets;
  } scratch;
  // The sentences where the key occurs, as a bitmap over the document's sentences.
  const std::span<const uint32_t> same_key = groups.UsablesOf(me.key_id);
  std::vector<uint32_t>& context = scratch.context;  // ascending
  context.clear();
  for (uint32_t s : same_key) {
    if (context.empty() || context.back() != all[s].sentence) context.push_back(all[s].sentence);
  }
  // The usables of the context sentences, in document order.
  auto for_context = [&](auto&& visit) {
    for (uint32_t s : context) {
      for (uint32_t o = groups.first[s]; o < groups.first[s + 1]; ++o) visit(all[o]);
    }
  };
  auto weight = [&](const Usable& u) {
    const PlaceMention& o = *u.m;
    if (o.demonym || u.owner) return 0.75;
    if (o.kind == PlaceKind::kCountry) return 2.0;
    if (o.kind == PlaceKind::kRegion) return o.feature_code.starts_with("ADM") ? 1.5 : 2.0;
    if (o.kind == PlaceKind::kAdmin1 || o.kind == PlaceKind::kAdmin2) return 1.5;
    return 1.0;
  };
  std::vector<std::pair<GeoId, double>>& votes = scratch.votes;
  votes.clear();
  // The countries some place (not only a demonym or an owner) votes for.
  std::vector<GeoId>& placed = scratch.placed;
  placed.clear();
  for_context([&](const Usable& o) {
    if (o.key_id == me.key_id || o.country == kNoGeoId || o.loose) return;
    const PlaceMention& om = *o.m;
    // Where people come from ("forces from Tigray region took Lalibela") does not hold the
    // place where they act.
    if (o.origin) return;
    // A place held by this one does not put it in doubt.
    if (locate_internal::AnyFollowsAsContainer(doc, om, groups.MentionsOf(me.key_id))) return;
    if (!om.demonym && !o.owner) placed.push_back(o.country);
    auto it =
        std::find_if(votes.begin(), votes.end(), [&](auto& p) { return p.first == o.country; });
    if (it == votes.end()) {
      votes.emplace_back(o.country, weight(o));
    } else {
      it->second += weight(o);
    }
  });
  double own = 0, top = 0;
  GeoId top_country = kNoGeoId;
  for (const auto& [c, w] : votes) {
    if (c == me.country) {
      own = w;
    } else if (w > top) {
      top = w;
      top_country = c;
    }
  }
  // Nothing around it: the document as a whole ("Cabo" read as Cape Town in an article naming
  // only Mexican places). Its own country must have some support once the document has plenty.
  bool votes_from_document = false;
  if (votes.empty()) {
    votes_from_document = true;
    for (const Usable& o : all) {
      if (o.key_id == me.key_id || o.country == kNoGeoId || o.loose) continue;
      auto it =
          std::find_if(votes.begin(), votes.end(), [&](auto& p) { return p.first == o.country; });
      if (it == votes.end()) {
        votes.emplace_back(o.country, weight(o));
      } else {
        it->second += weight(o);
      }
    }
    for (const auto& [c, w] : votes) {
      if (c == me.country) {
        own = w;
      } else if (w > top) {
        top = w;
        top_country = c;
      }
    }
    if (own > 0) return v;
    if (top < 3.0) {
      if (auto e = InActorCountry(doc, gaz, me, groups); e) v.moved = e;
      return v;
    }
  }
  bool hard = false;
  GeoId target_country = me.country;
  // Support from demonyms alone ("Turkish forces shelled Zap (Amadiya) region of Dahuk") is
  // outweighed by a place of another country named with it. Demonyms alone ("Russian forces
  // arrested ... in Tartous") say whose forces act, not where: they never move a place to their
  // country.
  const bool demonyms_only = own < 1.0 && top >= 3.0;
  const bool top_placed =
      std::find(placed.begin(), placed.end(), top_country) != placed.end() || votes_from_document;
  if ((own == 0 || demonyms_only) && top > 0 && top_placed) {
    // The capital written as where it happened stays the capital: not dropped, nor moved to a
    // namesake in the other country ("in Damascus" beside a Boston read in a name).
    if (NationalCapitalWrittenAsThePlace(doc, m)) return v;
    hard = top >= 1.0;
    target_country = top_country;
  } else if (own == 0 || m.kind == PlaceKind::kAdmin1) {
    return v;
  }
  // The divisions named in the target country; with the same country, they matter only when
  // none holds this mention.
  std::vector<GeoId>& admin1_targets = scratch.admin1_targets;
  admin1_targets.clear();
  bool supported = false;
  for_context([&](const Usable& o) {
    if (o.key_id == me.key_id) return;
    const PlaceMention& om = *o.m;
    if (o.origin) return;
    if (om.demonym || o.owner || om.kind == PlaceKind::kCountry || o.admin1 == kNoGeoId) return;
    if (o.country == me.country && o.admin1 == me.admin1) supported = true;
    if (IsAdminLevel(om) && o.country == target_country) admin1_targets.push_back(o.admin1);
  });
  if (target_country == me.country) {
    if (supported || admin1_targets.empty() || m.kind == PlaceKind::kAdmin1) return v;
    hard = true;
  }
  // Only membership matters below: one copy of each division.
  std::sort(admin1_targets.begin(), admin1_targets.end());
  admin1_targets.erase(std::unique(admin1_targets.begin(), admin1_targets.end()),
                       admin1_targets.end());
  auto fits = [&](const GeoEntry& e) {
    if (e.kind() != GeoKind::kPlace && e.kind() != GeoKind::kAdmin2 &&
        !(m.kind == PlaceKind::kAdmin1 && e.kind() == GeoKind::kAdmin1)) {
      return false;
    }
    if (CountryOfEntry(e) != target_country) return false;
    return admin1_targets.empty() || std::find(admin1_targets.begin(), admin1_targets.end(),
                                               Admin1OfEntry(e)) != admin1_targets.end();
  };
  auto search = [&](std::span<const GeoId> ids) {
    for (GeoId id : ids) {
      if (id == m.geo_id || id >= gaz.size()) continue;
      GeoEntry e = gaz.Entry(id);
      if (!fits(e)) continue;
      if (!v.moved || (v.moved->kind() != GeoKind::kPlace && e.kind() == GeoKind::kPlace)) {
        v.moved = e;
      }
    }
  };
  search(groups.FoldedIdsOf(me));
  if (!v.moved) search(LooseIdsOf(gaz, me, groups));
  if (!v.moved && hard) v.dropped = true;
  return v;
}

// What Admin1AsWritten reads of a document whatever the division asked — each place mention's
// name as written (with its folded key's entries and loose key, once a division reads them), and
// the capitalized words (one or two) its loose search tries, with their entries — worked out once
// per document: a document asks about several divisions, each of which used to fold every name
// and word again. The words are read on demand, only as far as a division asked so far needed.
struct WrittenNames {
  struct Name {
    std::string_view text;  // the mention's name, level word and region word left out
    const PlaceMention* m;
    // Folded at the first division that reads them (Admin1AsWritten): most mentions, countries
    // and unresolved names, can name no division and are never folded.
    // (Their loose key, LooseKey(FoldName(text)), is read only for the few names of the
    // division asked: FoldTextMemo(text).loose.)
    bool folded = false;
    std::span<const GeoId> folded_ids;  // FindFolded(FoldName(text))
  };
  struct Word {
    std::string_view text;  // (its loose key read as a name's, for the few that need it)
    bool place_at;          // a place mention starts at the word
    bool any_admin1;    // one of its entries is a first-level division
    std::span<const GeoId> folded_ids, loose_ids;
  };
  bool names_read = false;
  std::vector<Name> names;  // the mentions that may name a division, in document order
  std::vector<Word> words;  // the words read so far that name some entry, in text order
  size_t next_token = 0;    // the first token not read into `words` yet
  std::vector<uint32_t> place_begins;  // span starts of the place (town) mentions, ascending

  // Forgets the document read, keeping the memory for the next.
  void Clear() {
    names_read = false;
    names.clear();
    words.clear();
    next_token = 0;
    place_begins.clear();
  }
};

std::string Admin1AsWritten(const Document& doc, GeoId admin1, const Gazetteer& gaz,
                            WrittenNames& w);
std::vector<GeoEntry> MissionAreaOf(const Document& doc, const Gazetteer& gaz);

// The document-wide facts of LocateEvent (LocateCache): each computed at its first use. A
// thread keeps its DocPlaces from document to document (Reset), so that their buffers are
// allocated once rather than for every document.
struct DocPlaces {
  const Document* doc = nullptr;
  const Gazetteer* gaz = nullptr;
  bool usable_read = false;
  std::forward_list<PlaceMention> divisions;  // allocates nothing while empty, as most are
  std::vector<Usable> usable;
  std::vector<uint32_t> loose;  // the usables read through a loose spelling, in text order
  std::vector<std::span<const GeoId>> key_ids;  // per usable, FindFolded of its key
  KeyGroups groups;
  std::vector<std::optional<Verdict>> verdicts;  // Judge(doc, gaz, usable, groups, u)
  std::vector<std::pair<GeoId, std::string>> admin1_written;
  WrittenNames written_names;  // what Admin1AsWritten reads of the document, at its first use
  // Per sentence, its own best place located (SentencePlace), once asked.
  std::vector<std::optional<std::optional<EventLocation>>> sentence_places;
  std::optional<EventLocation> document_place;  // DocumentPlace, once asked
  // Per sentence, LocateEvent's answer once asked (null before): one of the memos here, or an
  // answer made for the sentence alone, kept in `made`. Answers are handed out by reference,
  // not copied (an answer is five strings).
  std::vector<const EventLocation*> located;
  std::forward_list<EventLocation> made;  // rare (a coded place, a mission area, ...)
  int dominant = -1;  // the mention DocumentPlace took as the dominant place (-1 none)
  // The event at the dominant province's lone town (LoneTownOf), or none; once asked.
  std::optional<std::optional<EventLocation>> lone_town;
  int coded = -1;  // whether the text has "coded" (any case); -1 not looked at yet
  std::optional<std::vector<GeoEntry>> mission_areas;
  bool known_names_read = false;
  util::SpanOverlaps known_names;  // KnownNames(), once asked

  bool share_verdicts = true;

  // Makes this the cache of `d` read with `g`, empty; buffers keep their memory.
  void Reset(const Document& d, const Gazetteer& g, bool share) {
    doc = &d;
    gaz = &g;
    share_verdicts = share;
    usable_read = false;
    divisions.clear();
    usable.clear();
    verdicts.clear();
    admin1_written.clear();
    written_names.Clear();
    sentence_places.clear();
    document_place.reset();
    located.clear();
    made.clear();
    dominant = -1;
    lone_town.reset();
    coded = -1;
    mission_areas.reset();
    known_names_read = false;
    known_names.Clear();
  }
  const std::vector<Usable>& Usables() {
    if (!usable_read) {
      UsableMentions(*doc, *gaz, &divisions, usable, key_ids, loose);
      GroupByKey(*doc, usable, key_ids, groups);
      verdicts.assign(usable.size(), std::nullopt);
      usable_read = true;
    }
    return usable;
  }
  // Judge reads of a mention only its key and its reading (entry, kind, feature code, cues,
  // country and admin1): mentions alike in these get one verdict.
  static bool TwinReading(const Usable& a, const Usable& b) {
    const PlaceMention& x = *a.m;
    const PlaceMention& y = *b.m;
    return a.key_id == b.key_id && a.country == b.country && a.admin1 == b.admin1 &&
           x.geo_id == y.geo_id && x.kind == y.kind && x.demonym == y.demonym &&
           x.relative_region == y.relative_region && x.feature_code == y.feature_code;
  }
  const Verdict& JudgeOf(size_t u) {
    std::optional<Verdict>& v = verdicts[u];
    if (v) return *v;
    const std::vector<Usable>& all = Usables();
    if (share_verdicts) {
      // A twin judged before, among the few usables of the same key (each reading is judged
      // once; its twins copy that verdict).
      for (uint32_t twin : groups.UsablesOf(all[u].key_id)) {
        if (twin != u && verdicts[twin] && TwinReading(all[twin], all[u])) {
          v = *verdicts[twin];
          return *v;
        }
      }
    }
    v = Judge(*doc, *gaz, all, groups, u);
    return *v;
  }
  const std::string& Admin1Written(GeoId admin1) {
    for (const auto& [id, written] : admin1_written) {
      if (id == admin1) return written;
    }
    return admin1_written
        .emplace_back(admin1, Admin1AsWritten(*doc, admin1, *gaz, written_names))
        .second;
  }
  // False when no token can read "coded" (IsCodedLocation, CodedUnread).
  bool MayBeCoded() {
    if (coded < 0) coded = ContainsLowerAscii(doc->text, "coded") ? 1 : 0;
    return coded == 1;
  }
  const std::vector<GeoEntry>& MissionAreas() {
    if (!mission_areas) mission_areas = MissionAreaOf(*doc, *gaz);
    return *mission_areas;
  }
  // The spans of the names the text is known to give: places read (resolved or demonyms) and
  // actors (UnreadNameAfterCue).
  const util::SpanOverlaps& KnownNames() {
    if (!known_names_read) {
      for (const PlaceMention& m : doc->places) {
        if (m.geo_id != kNoGeoId || m.demonym) known_names.Add(m.span);
      }
      for (const ActorMention& a : doc->actors) known_names.Add(a.span);
      known_names.Seal();
      known_names_read = true;
    }
    return known_names;
  }
};

// True when `span` opens the document or a paragraph and is followed by an agency in
// parentheses ("Jalalabad (BNA)", "MOGADISHU (Reuters)") or by a dash ("GAO - ").
bool IsDateline(const Document& doc, Span span) {
  const bool opens =
      span.begin == 0 || std::binary_search(doc.paragraphs.begin(), doc.paragraphs.end(),
                                            Span{span.begin, span.begin},
                                            [](const Span& a, const Span& b) {
                                              return a.begin < b.begin;
                                            });
  if (!opens) return false;
  const size_t t = TokenAt(doc, span.end);
  if (t + 2 >= doc.tokens.size()) return false;
  auto dash = [](std::string_view w) {
    return w == "-" || w == "\xE2\x80\x94" || w == "\xE2\x80\x93";
  };
  auto agency = [&](size_t i) {  // "(Reuters)"
    return i + 2 < doc.tokens.size() && doc.Slice(doc.tokens[i].span) == "(" &&
           doc.Slice(doc.tokens[i + 2].span) == ")" && IsCapitalizedWord(doc, doc.tokens[i + 1]);
  };
  const std::string_view next = doc.Slice(doc.tokens[t].span);
  if (dash(next) || agency(t)) return true;
  // "ADDIS ABABA, Aug 5 (Reuters) –": a date between the name and the agency or dash.
  if (next != ",") return false;
  bool number = false;
  for (size_t i = t + 1; i < doc.tokens.size() && i <= t + 5; ++i) {
    if (agency(i) || dash(doc.Slice(doc.tokens[i].span))) return number;
    const Token& w = doc.tokens[i];
    if (w.kind == TokenKind::kNumber) {
      number = true;
    } else if (w.kind != TokenKind::kWord && doc.Slice(w.span) != "." && doc.Slice(w.span) != ",") {
      return false;
    }
  }
  return false;
}

// A mention in a headline's kicker, the short label before " | " that opens a paragraph ("East
// of Deir ez-Zor | Explosion kills seven militiamen in Al-Mayadeen desert"): it files the story
// under an area, as a dateline does, rather than saying where the event was.
bool InKicker(const Document& doc, Span span) {
  // The start of the paragraph that holds the span (paragraphs are in text order).
  const auto after = std::upper_bound(doc.paragraphs.begin(), doc.paragraphs.end(), span.begin,
                                      [](uint32_t pos, const Span& p) { return pos < p.begin; });
  const uint32_t begin = after == doc.paragraphs.begin() ? 0 : std::prev(after)->begin;
  constexpr size_t kMaxKickerTokens = 8;
  for (size_t t = TokenAt(doc, begin), n = 0; t < doc.tokens.size() && n <= kMaxKickerTokens;
       ++t, ++n) {
    const Span& w = doc.tokens[t].span;
    if (doc.Slice(w) == "|") return span.end <= w.begin && n > 0;
  }
  return false;
}

// The most specific mention of sentence `span` that agrees with its context (Judge). When every
// mention of a sentence naming several is passed over (two towns of two countries, neither
// holding the other), none is. Among equally specific mentions, one anchored by its containers ("At
// Turbah (Ash Shamayatayn, Taizz)") beats one named in passing; a part of a town ("Saihat
// neighborhood, Dammam city", "the Kala'a district of Sinjar") gives way to the town.
// "a march in el Hermel to the Saray square": each town read in another country puts the other
// in doubt, Judge moves one into the other's country and passes the other over. The place passed
// over stands again when every place left in the sentence lies in its country and one of them
// got there by a move: the doubt came from a misreading since corrected.
void RestoreWhenItsDoubtersMoved(const std::vector<Usable>& all, std::span<const size_t> in,
                                 std::span<const PlaceMention* const> picked,
                                 std::vector<char>& dropped) {
  const auto moved = [&](size_t j) { return picked[j] != all[in[j]].m; };
  for (size_t i = 0; i < picked.size(); ++i) {
    if (!dropped[i] || moved(i) || picked[i]->kind == PlaceKind::kCountry) continue;
    bool any_moved = false, all_agree = true;
    for (size_t j = 0; j < picked.size() && all_agree; ++j) {
      if (j == i || dropped[j]) continue;
      all_agree = picked[j]->country == picked[i]->country;
      any_moved = any_moved || moved(j);
    }
    if (any_moved && all_agree) dropped[i] = false;
  }
}

// Whether two folded names spell the same letters and digits, whatever the spaces and hyphens
// between them ("maarrat misrin" and "maarratmisrin").
bool SameLettersAndDigits(std::string_view a, std::string_view b) {
  auto skip = [](std::string_view s, size_t i) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '-')) ++i;
    return i;
  };
  size_t i = skip(a, 0), j = skip(b, 0);
  while (i < a.size() && j < b.size()) {
    if (a[i] != b[j]) return false;
    i = skip(a, i + 1);
    j = skip(b, j + 1);
  }
  return i == a.size() && j == b.size();
}

// "the village of X": a name a vicinity word and "of" make a village, which holds no town. Not
// "Dogankoy village of Pervari", where the word belongs to the place `before` it.
bool WrittenAsVillageOf(const Document& doc, const PlaceMention& before, const PlaceMention& m) {
  const size_t t = TokenAt(doc, m.span.begin);
  return t >= 2 && doc.Slice(doc.tokens[t - 1].span) == "of" &&
         IsVicinityWord(LowerAscii(doc.Slice(doc.tokens[t - 2].span))) &&
         !(t >= 3 && doc.tokens[t - 3].span.end == before.span.end);
}

// (The answer is no copy: a mention of the document, or a reading of one in the thread's
// scratch, valid until the next call on the thread, as the callers locate it at once. Null when
// the sentence names no place.)
const PlaceMention* BestInContext(const Document& doc, Span span, const Gazetteer& gaz,
                                  DocPlaces& ctx) {
  const std::vector<Usable>& all = ctx.Usables();
  // Scratch of the calling thread, reused from call to call: this runs for every sentence
  // located, and nothing it calls comes back here.
  struct Scratch {
    std::vector<size_t> in;
    std::vector<const PlaceMention*> picked;
    std::vector<PlaceMention> moved;  // the readings Judge moved, reserved so pointers hold
    std::optional<PlaceMention> town;  // the town a division's name names, when returned
    std::vector<GeoId> admin1s;
    std::vector<char> dropped, dateline;
  };
  thread_local Scratch scratch;
  std::vector<size_t>& in = scratch.in;  // indices into `all`, ascending
  in.clear();
  {
    // A mention inside the sentence starts in it (or at its end, when empty).
    const std::vector<uint32_t>& by_start = ctx.groups.by_start;
    auto it =
        std::lower_bound(by_start.begin(), by_start.end(), span.begin,
                         [&](uint32_t u, uint32_t pos) { return all[u].m->span.begin < pos; });
    for (; it != by_start.end() && all[*it].m->span.begin <= span.end; ++it) {
      const PlaceMention& m = *all[*it].m;
      if (!m.demonym && !all[*it].owner && Inside(m.span, span)) in.push_back(*it);
    }
    std::sort(in.begin(), in.end());
  }
  if (in.empty()) return nullptr;
  std::vector<const PlaceMention*>& picked = scratch.picked;
  std::vector<GeoId>& admin1s = scratch.admin1s;
  std::vector<char>& dropped = scratch.dropped;
  picked.clear();
  admin1s.clear();
  dropped.clear();
  scratch.moved.clear();
  scratch.moved.reserve(in.size());
  for (size_t u : in) {
    const PlaceMention& m = *all[u].m;
    const Verdict& v = ctx.JudgeOf(u);
    picked.push_back(v.moved ? &scratch.moved.emplace_back(MovedTo(m, *v.moved)) : &m);
    admin1s.push_back(v.moved ? Admin1OfEntry(*v.moved) : all[u].admin1);
    dropped.push_back(v.dropped);
  }
  if (in.size() > 1 && std::all_of(dropped.begin(), dropped.end(), [](char d) { return d; })) {
    std::fill(dropped.begin(), dropped.end(), false);
  }
  RestoreWhenItsDoubtersMoved(all, in, picked, dropped);

  // Anchored: followed (after an optional level word) by "," or "(" and a mention that holds it.
  auto anchored = [&](size_t i) {
    const PlaceMention& m = *picked[i];
    size_t t = TokenAt(doc, m.span.end);
    if (t < doc.tokens.size() && IsLevelWordAnyCase(doc.Slice(doc.tokens[t].span))) ++t;
    if (t + 1 >= doc.tokens.size()) return false;
    std::string_view p = doc.Slice(doc.tokens[t].span);
    if (p != "," && p != "(") return false;
    const uint32_t next = doc.tokens[t + 1].span.begin;
    for (size_t j = 0; j < picked.size(); ++j) {
      if (j == i || picked[j]->span.begin != next) continue;
      if (picked[j]->kind == PlaceKind::kCountry) return picked[j]->country == m.country;
      return admin1s[j] == admin1s[i] && admin1s[i] != kNoGeoId;
    }
    return false;
  };

  // A dateline ("Jalalabad (BNA) Several members of Taliban were killed in Shirzad district")
  // says where the story was filed: passed over when the sentence names another place.
  // Only the mentions not dropped are asked; with one of them (most sentences) there is no other
  // place to pass it over for, and none is.
  std::vector<char>& dateline = scratch.dateline;
  dateline.assign(picked.size(), false);
  const bool several = std::count(dropped.begin(), dropped.end(), 0) > 1;
  size_t others = 0;
  for (size_t i = 0; i < picked.size(); ++i) {
    if (dropped[i]) continue;
    dateline[i] = several && (IsDateline(doc, picked[i]->span) || InKicker(doc, picked[i]->span));
    if (!dateline[i]) ++others;
  }
  // A town written as the container of a district of its province that lies away from it
  // ("Jaghuri district in Ghazni", "Gulran district center, Herat") names the province: it
  // ranks as one, below the district. A district of the city itself ("the Kagithane district of
  // Istanbul") leaves the city as it is.
  auto names_province = [&](size_t i) {
    const PlaceMention& town = *picked[i];
    if (town.kind != PlaceKind::kPlace || admin1s[i] == kNoGeoId || !town.has_coordinates) {
      return false;
    }
    for (size_t j = 0; j < picked.size(); ++j) {
      const PlaceMention& d = *picked[j];
      if (j == i || dropped[j] || d.kind != PlaceKind::kAdmin2 || admin1s[j] != admin1s[i] ||
          !d.has_coordinates || ApproxKm(d.lat, d.lon, town.lat, town.lon) < 20) {
        continue;
      }
      if (FollowsAsContainer(doc, d, town)) return true;
    }
    return false;
  };
  // Of two places alike in one country, the one written as where the event is, unless it holds
  // the other: its container ("Tell Abiad front in Ar-Raqqa"), or a provincial capital that
  // stands for the province of the other.
  auto WrittenWhereTheEventIs = [&](size_t i, int other) {
    const PlaceMention& a = *picked[i];
    const PlaceMention& b = *picked[other];
    if (WrittenAfterLocativeWord(doc, b) || !WrittenAfterLocativeWord(doc, a) ||
        FollowsAsContainer(doc, b, a)) {
      return false;
    }
    const bool capital = IsProvincialOrNationalCapital(a);
    // In another country, only a capital or a place that another place of the sentence lies in.
    if (a.country != b.country && !capital &&
        std::none_of(picked.begin(), picked.end(), [&](const PlaceMention* o) {
          return o != &a && o->country == a.country;
        })) {
      return false;
    }
    // A capital stands for the province of a place read by its entry's own name; not of one
    // read by another of its names ("members of Svoboda": a village's former name), which says
    // too little against a capital written where the event is.
    return !(capital && admin1s[i] == admin1s[other] &&
             SameLettersAndDigits(FoldName(b.name), all[in[other]].key));
  };
  auto HoldsAsRead = [&](const PlaceMention& inner, GeoId inner_admin1, const PlaceMention& outer,
                         GeoId outer_admin1) {
    return inner_admin1 == outer_admin1 && inner_admin1 != kNoGeoId && inner.has_coordinates &&
           outer.has_coordinates &&
           ApproxKm(inner.lat, inner.lon, outer.lat, outer.lon) <= kVillageToItsTownKm &&
           FollowsAsContainer(doc, inner, outer) && !WrittenAsVillageOf(doc, inner, outer);
  };
  int best = -1, best_rank = 0;
  // anchored(best), worked out when a mention as specific comes after it (most sentences name
  // no two such places).
  std::optional<bool> best_anchored;
  for (size_t i = 0; i < picked.size(); ++i) {
    if (dropped[i] || (dateline[i] && others > 0)) continue;
    const int r = names_province(i) ? Rank(*picked[i]) - 2 : Rank(*picked[i]);
    if (r > best_rank) {
      best = static_cast<int>(i);
      best_rank = r;
      best_anchored.reset();
    } else if (r == best_rank) {
      if (!best_anchored) best_anchored = best >= 0 && anchored(static_cast<size_t>(best));
      if (*best_anchored) continue;
      // The container written after the place ("Dogankoy village of Pervari, Siirt") says where
      // that place lies: anchored by its own container, it still does not outrank the place it
      // holds when the two readings agree (same province, within kVillageToItsTownKm); when they
      // do not, the place is misread.
      if (anchored(i) && !HoldsAsRead(*picked[best], admin1s[best], *picked[i], admin1s[i])) {
        best = static_cast<int>(i);
        best_anchored = true;
      } else if (WrittenWhereTheEventIs(i, best)) {
        best = static_cast<int>(i);
        best_anchored = false;  // (anchored(i), just asked)
      }
    }
  }
  if (best < 0) return nullptr;

  // A part of a town gives way to the town: "X neighborhood, Y" / "the X district of Y".
  const PlaceMention& b = *picked[best];
  // "in Veracruz, Veracruz": a division's name written before the same division names the town
  // of that name inside it (the city the division is named after), the most populous one.
  if (b.kind == PlaceKind::kAdmin1 && !b.relative_region && admin1s[best] != kNoGeoId) {
    for (size_t j = 0; j < picked.size(); ++j) {
      if (picked[j]->span.begin <= b.span.begin || picked[j]->geo_id != b.geo_id ||
          !FollowsAsContainer(doc, b, *picked[j])) {
        continue;
      }
      std::optional<GeoEntry> town;
      for (GeoId id : gaz.FindFolded(MentionKey(doc, b))) {
        if (id >= gaz.size()) continue;
        const GeoEntry e = gaz.Entry(id);
        if (e.kind() != GeoKind::kPlace || Admin1OfEntry(e) != admin1s[best]) continue;
        if (!town || e.population() > town->population()) town = e;
      }
      if (town) return &scratch.town.emplace(MovedTo(b, *town));
      break;
    }
  }
  if (b.kind == PlaceKind::kPlace) {
    size_t t = TokenAt(doc, b.span.end);
    if (t + 2 < doc.tokens.size() && IsPartWord(LowerAscii(doc.Slice(doc.tokens[t].span)))) {
      const LowerWord link = LowerAscii(doc.Slice(doc.tokens[t + 1].span));
      if (link == "," || link == "of" || link == "in") {
        const uint32_t next = doc.tokens[t + 2].span.begin;
        for (size_t j = 0; j < picked.size(); ++j) {
          if (dropped[j] || picked[j]->span.begin != next) continue;
          if ((picked[j]->kind == PlaceKind::kPlace || picked[j]->kind == PlaceKind::kAdmin2) &&
              picked[j]->country == b.country) {
            return picked[j];
          }
        }
      }
    }
  }
  return &b;
}

int Dominant(const Document& doc, bool allow_demonyms) {
  std::map<uint32_t, std::pair<int, int>> counts;  // geo_id → (count, first mention)
  auto tally = [&](bool fine, bool allow_demonym) -> int {
    counts.clear();
    for (size_t k = 0; k < doc.places.size(); ++k) {
      const PlaceMention& m = doc.places[k];
      int r = NamesAnObject(doc, m) || HeadOfLongerName(doc, m) ? 0 : Rank(m);
      const bool like_demonym = m.demonym || (r == 1 && IsOwnerCountry(doc, m));
      if (like_demonym) r = allow_demonym && m.geo_id != kNoGeoId ? 1 : 0;
      if (r == 0 || (fine ? r < 3 : r >= 3)) continue;
      auto [it, fresh] = counts.emplace(m.geo_id, std::make_pair(0, static_cast<int>(k)));
      ++it->second.first;
    }
    int best = -1, best_count = 0;
    for (const auto& [id, c] : counts) {
      if (c.first > best_count || (c.first == best_count && c.second < best)) {
        best_count = c.first;
        best = c.second;
      }
    }
    return best;
  };
  int k = tally(true, false);
  if (k < 0) k = tally(false, false);
  if (k < 0 && allow_demonyms) k = tally(false, true);
  return k;
}

// The event at country `c`'s centre, country precision.
EventLocation CountryLocation(std::optional<GeoEntry> c, Span evidence) {
  if (!c) return EventLocation{};
  EventLocation loc;
  loc.country = std::string(c->country_name());
  loc.iso3 = std::string(c->country_iso3());
  loc.location = std::string(c->name());
  loc.geonameid = c->geonameid();
  // At the capital, as a country named in the text puts it (FromMention) and as event coders
  // put an event known only to its country; the centre when the capital is unknown.
  double lat = 0, lon = 0;
  if (c->has_coordinates()) {
    loc.lat = c->lat();
    loc.lon = c->lon();
    loc.has_coordinates = true;
  } else if (places_internal::CountryCentre(c->country_iso2(), &lat, &lon)) {
    loc.lat = lat;
    loc.lon = lon;
    loc.has_coordinates = true;
  }
  loc.evidence = evidence;
  loc.geo_precision = 3;
  loc.where_prec = 6;
  return loc;
}

// A text naming no place at all but an armed group or militia of one country ("Koglweogo
// militiamen", "Houthi forces"): the event is in that country, at country precision. Only
// named actors count (not "gunmen"), and they must all point at one country.
EventLocation ActorCountry(const Document& doc, const Gazetteer& gaz) {
  std::string_view iso3;
  Span evidence{0, 0};
  for (const ActorMention& a : doc.actors) {
    if (a.generic || a.country_iso3.empty()) continue;
    if (!iso3.empty() && a.country_iso3 != iso3) return EventLocation{};
    if (iso3.empty()) evidence = a.span;
    iso3 = a.country_iso3;
  }
  if (iso3.empty()) return EventLocation{};
  return CountryLocation(gaz.CountryByIso3(iso3), evidence);
}

// A text naming no place nor group of one country, but a mission of one country ("the OSCE
// SMM observed ... near Zolote-4"): the event is in that country, at country precision.
EventLocation MissionCountryOf(const Document& doc, const Gazetteer& gaz) {
  std::string_view iso2;
  Span evidence{0, 0};
  for (const Token& t : doc.tokens) {
    if (t.kind != TokenKind::kWord) continue;
    std::string_view c = places_internal::MissionCountry(doc.Slice(t.span));
    if (c.empty()) continue;
    if (!iso2.empty() && c != iso2) return EventLocation{};
    if (iso2.empty()) evidence = t.span;
    iso2 = c;
  }
  if (iso2.empty()) return EventLocation{};
  return CountryLocation(gaz.CountryByIso2(iso2), evidence);
}

// Edit distance of two short strings (names), capped: returns cap + 1 when larger.
size_t BoundedEditDistance(std::string_view a, std::string_view b, size_t cap) {
  if (a.size() > b.size() + cap || b.size() > a.size() + cap) return cap + 1;
  // One row on the stack for the names of places (a heap row for longer strings).
  size_t small[64];
  std::vector<size_t> large;
  size_t* row = small;
  if (b.size() + 1 > std::size(small)) {
    large.resize(b.size() + 1);
    row = large.data();
  }
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

std::string SeatPartKey(const GeoEntry& admin1);

// True when `written` is a spelling of the division's own name ("Idleb" of Idlib, "Beirut" of
// Beyrouth, "Wardak" of Maidan Wardak) rather than another name the gazetteer lists for it — a
// town such as its capital ("Tegucigalpa" for Francisco Morazán), which coders do not use for
// the province. Compared on loose keys, as a whole and word by word, level words left out.
// The loose keys SpellsDivisionName compares a spelling with, for the division's name and ASCII
// name: each word (level words left out), then the words together; and its SeatPartKey. Kept
// per thread for the divisions asked last: a document asks about one division for many of its
// words, and the provinces of one region come back from document to document.
struct DivisionSpellings {
  std::vector<std::string> keys;
  std::string seat_part;  // SeatPartKey(admin1)
};
const DivisionSpellings& SpellingsOf(const GeoEntry& admin1) {
  struct Memo {
    bool valid = false;
    std::string name, ascii_name;  // whose spellings these are
    DivisionSpellings spellings;
  };
  // Direct-mapped by entry id: the provinces a thread meets recur from document to document.
  // A slot answers only for the names it was made from. 4096 slots, made at a thread's first
  // ask: a gazetteer's first-level divisions (under 4,000, their ids one run) each get their own
  // slot, where 512 had the eval documents' provinces take each other's.
  thread_local std::vector<Memo> memos;
  if (memos.empty()) memos.resize(4096);
  Memo& memo = memos[admin1.id() % memos.size()];
  const std::string_view names[] = {admin1.name(), admin1.ascii_name()};
  if (memo.valid && memo.name == names[0] && memo.ascii_name == names[1]) return memo.spellings;
  memo.valid = false;
  std::vector<std::string>& keys = memo.spellings.keys;
  keys.clear();
  for (std::string_view name : names) {
    std::string folded = FoldName(name);
    std::string whole;
    size_t pos = 0;
    while (pos < folded.size()) {
      size_t sp = folded.find(' ', pos);
      if (sp == std::string::npos) sp = folded.size();
      std::string_view word(folded.data() + pos, sp - pos);
      pos = sp + 1;
      if (word.empty() || IsLevelWord(word)) continue;
      keys.push_back(LooseKey(word));
      if (!whole.empty()) whole += ' ';
      whole += word;
    }
    keys.push_back(LooseKey(whole));
  }
  memo.spellings.seat_part = SeatPartKey(admin1);
  memo.name.assign(names[0]);
  memo.ascii_name.assign(names[1]);
  memo.valid = true;
  return memo.spellings;
}

// SpellsDivisionName with `w` = LooseKey(FoldName(written)), worked out by the caller, and the
// division's spellings (SpellingsOf).
bool SpellsDivisionKey(std::string_view w, const DivisionSpellings& spellings) {
  if (w.size() < 3) return false;
  auto close = [&](const std::string& k) {
    if (k.size() < 3) return false;
    if (k.starts_with(w) || (w.size() >= 4 && w.starts_with(k) && k.size() >= 4)) return true;
    return BoundedEditDistance(w, k, 2) <= (std::min(w.size(), k.size()) >= 6 ? 2u : 1u);
  };
  return std::any_of(spellings.keys.begin(), spellings.keys.end(), close);
}
bool SpellsDivisionKey(std::string_view w, const GeoEntry& admin1) {
  return w.size() >= 3 && SpellsDivisionKey(w, SpellingsOf(admin1));
}

bool SpellsDivisionName(std::string_view written, const GeoEntry& admin1) {
  return SpellsDivisionKey(LooseKey(FoldName(written)), admin1);
}

// Words of a division's name that say what kind of division it is, as level words do
// ("Opole Voivodeship", "Stavropol Kray", "Ingushetiya Republic", "Atyrau Oblisi",
// "Sofia-Capital").
bool IsStatusWord(std::string_view lower) {
  static constexpr std::string_view kWords[] = {
      "capital",   "rayon",    "voivodeship", "kray",         "krai",   "kraj",
      "republic",  "okrug",    "autonomous",  "metropolitan", "parish", "territory",
      "division",  "regional", "corporation", "oblisi",       "oblysy", "atoll",
      "atholhu",   "island",   "islands"};
  static const util::WordSet kSet(kWords);
  return kSet.Has(lower);
}

// The loose key of the first word of the division's ASCII name when the name has more words
// (else empty): the seat's name in a division named after it and more ("Sibenik" of
// "Sibenik-Knin", "Gaza" of "Gaza Strip"). Written alone, that word names the town; coders write
// the division's whole name. Words of level or status (IsStatusWord) are no more name.
std::string SeatPartKey(const GeoEntry& admin1) {
  const std::string_view name = admin1.ascii_name();
  if (name.find_first_of(" -/") == std::string_view::npos) return {};  // one word: most names
  std::string_view first;
  size_t words = 0, pos = 0;
  while (pos < name.size()) {
    size_t sp = name.find_first_of(" -/", pos);
    if (sp == std::string_view::npos) sp = name.size();
    const std::string_view word = name.substr(pos, sp - pos);
    pos = sp + 1;
    if (word.empty()) continue;
    const LowerWord lower = LowerAscii(word);
    if (IsLevelWord(lower) || IsStatusWord(lower)) continue;
    if (words++ == 0) first = word;
  }
  return words >= 2 ? LooseKey(FoldName(first)) : std::string();
}

// True when the token before `span` is "," or "(": a name written as the container of the one
// before it, "(Al Hali, Al Hudaydah)", the way coders name the division.
bool AfterSeparator(const Document& doc, Span span) {
  size_t t = TokenAt(doc, span.begin);
  if (t == 0 || t > doc.tokens.size()) return false;
  std::string_view p = doc.Slice(doc.tokens[t - 1].span);
  return p == "," || p == "(";
}

// The admin1 as the text writes it ("Idleb" where GeoNames says "Idlib"), when a mention
// resolves to it: coders of the sources sitrep is compared with spell it that way too. A name
// written as a container ("(Al Hali, Al Hudaydah)") beats one written in passing ("Hodeidah").
// A dateline in capitals ("MOGADISHU (Reuters) -") says nothing about how a name is spelt: the
// gazetteer's name reads better than the capitals.
bool InCapitals(std::string_view written) {
  return std::none_of(written.begin(), written.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

bool Holds(std::span<const GeoId> ids, GeoId id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

void ReadWrittenNames(const Document& doc, const Gazetteer& gaz, WrittenNames& w) {
  w.names_read = true;
  for (const PlaceMention& m : doc.places) {
    if (m.demonym) continue;
    std::string_view t = doc.Slice(m.span);
    if (m.relative_region) {
      // "eastern Syria" → "Syria"; "the north of Veracruz" → "Veracruz".
      const size_t of = t.rfind(" of ");
      const size_t space = t.find(' ');
      if (of != std::string_view::npos) t.remove_prefix(of + 4);
      else if (space != std::string_view::npos) t.remove_prefix(space + 1);
    }
    static constexpr std::string_view kLevels[] = {
        " province", " Province", " governorate", " Governorate", " state",  " State",
        " region",   " Region",   " department",  " Department",  " parish", " Parish",
        " city"};  // lower-case only: "Ho Chi Minh City" is a name, "Port of Spain city" is not
    // (Each level is a whole last word: a name whose last word is none of them, as most are,
    // drops nothing.)
    const size_t last_space = t.rfind(' ');
    if (last_space != std::string_view::npos &&
        std::find(std::begin(kLevels), std::end(kLevels), t.substr(last_space)) !=
            std::end(kLevels)) {
      for (std::string_view level : kLevels) {
        if (t.size() > level.size() && t.ends_with(level)) t.remove_suffix(level.size());
      }
    }
    if (t.empty() || std::count(t.begin(), t.end(), ' ') > 3 || InCapitals(t)) continue;
    w.names.push_back({t, &m, false, {}});
  }
  for (const PlaceMention& m : doc.places) {
    if (m.kind == PlaceKind::kPlace) w.place_begins.push_back(m.span.begin);
  }
  std::sort(w.place_begins.begin(), w.place_begins.end());
}

// True when `tok` may open a candidate of Admin1AsWritten's loose search: a word of two bytes
// or more whose body opens with a capital, the body starting after a dash among its first four
// bytes ("al-Qaim"). Byte tests only, no slice: this runs for every token of the document, and
// most open no candidate.
bool OpensCapitalizedBody(const Document& doc, const Token& tok) {
  if (tok.kind != TokenKind::kWord) return false;
  const size_t len = tok.span.end - tok.span.begin;
  if (len < 2) return false;
  const char* bytes = doc.text.data() + tok.span.begin;
  // The first dash among the first four bytes, spelled out (a loop bounded by min(len, 4) cost
  // twice as much over the tokens of a document).
  size_t body = 0;
  if (bytes[0] == '-') body = 1;
  else if (bytes[1] == '-') body = 2;
  else if (len > 2 && bytes[2] == '-') body = 3;
  else if (len > 3 && bytes[3] == '-') body = 4;
  return body < len && bytes[body] >= 'A' && bytes[body] <= 'Z';
}

// Reads the candidate words of token i (Admin1AsWritten's loose search: a pair of capitalized
// words, then the word alone) into `w.words`; only words naming some entry are kept, since the
// others name no division. Token i opens a capitalized body (OpensCapitalizedBody).
void ReadCandidateWords(const Document& doc, const Gazetteer& gaz, size_t i, size_t n,
                        WrittenNames& w) {
  auto add = [&](std::string_view t) {
    if (InCapitals(t)) return;
    const FoldedIds f = FoldIdsMemo(t, gaz, /*want_loose=*/true);
    if (f.folded_empty) return;
    WrittenNames::Word word{t, false, false, f.folded_ids, f.loose_ids};
    if (word.folded_ids.empty() && word.loose_ids.empty()) return;
    if (f.any_admin1 != nullptr && *f.any_admin1 >= 0) {
      word.any_admin1 = *f.any_admin1 == 1;  // (the entry lists are not read again)
    } else {
      const GeoId entries = gaz.size();
      for (std::span<const GeoId> ids : {word.folded_ids, word.loose_ids}) {
        for (GeoId id : ids) {
          if (word.any_admin1) break;
          word.any_admin1 = id < entries && gaz.Entry(id).kind() == GeoKind::kAdmin1;
        }
      }
      if (f.any_admin1 != nullptr) *f.any_admin1 = word.any_admin1 ? 1 : 0;
    }
    const uint32_t at = static_cast<uint32_t>(t.data() - doc.text.data());
    word.place_at = std::binary_search(w.place_begins.begin(), w.place_begins.end(), at);
    w.words.push_back(std::move(word));
  };
  const Token& tok = doc.tokens[i];
  const std::string_view wd = doc.Slice(tok.span);
  if (i + 1 < n && doc.tokens[i + 1].kind == TokenKind::kWord &&
      doc.tokens[i + 1].span.begin == tok.span.end + 1 &&
      doc.text[doc.tokens[i + 1].span.begin] >= 'A' &&
      doc.text[doc.tokens[i + 1].span.begin] <= 'Z') {
    add(std::string_view(doc.text.data() + tok.span.begin,
                         doc.tokens[i + 1].span.end - tok.span.begin));
  }
  if (wd.size() < 4) return;
  if (i + 1 < n && doc.tokens[i + 1].span.begin == tok.span.end) {
    std::string_view next = doc.Slice(doc.tokens[i + 1].span);
    if (next == "/" || next == "-") return;
  }
  if (i > 0 && doc.tokens[i - 1].span.end + 1 == tok.span.begin &&
      IsCapitalizedWord(doc, doc.tokens[i - 1])) {
    return;  // the second word of a longer name: "La Libertad"
  }
  add(wd);
}

// "(A, B)": `span` is B, after a comma and before the closing parenthesis.
bool LastOfAListInParentheses(const Document& doc, Span span) {
  const size_t b = TokenAt(doc, span.begin), e = TokenAt(doc, span.end);
  return b >= 1 && e < doc.tokens.size() && doc.Slice(doc.tokens[b - 1].span) == "," &&
         doc.Slice(doc.tokens[e].span) == ")";
}

// "(Kadiogo, Ouagadougou)": the list item before `span` is a second-level division of
// `admin1`, so the list runs from a district down to its town, and the town names no division.
bool AfterASecondLevelDivision(const Document& doc, Span span, GeoId admin1, const Gazetteer& gaz) {
  const size_t b = TokenAt(doc, span.begin);
  if (b < 2) return false;
  const uint32_t comma = doc.tokens[b - 1].span.begin;
  return std::any_of(doc.places.begin(), doc.places.end(), [&](const PlaceMention& p) {
    return p.span.end == comma && p.kind == PlaceKind::kAdmin2 && p.geo_id < gaz.size() &&
           gaz.Entry(p.geo_id).admin1_id() == admin1;
  });
}

std::string Admin1AsWritten(const Document& doc, GeoId admin1, const Gazetteer& gaz,
                            WrittenNames& w) {
  if (admin1 == kNoGeoId || admin1 >= gaz.size()) return {};
  const GeoEntry division = gaz.Entry(admin1);
  if (!w.names_read) ReadWrittenNames(doc, gaz, w);
  // The division's spellings, looked up in the thread's memo at their first use (its slot
  // answers for this division until another division is asked).
  const DivisionSpellings* spellings = nullptr;
  auto spellings_of = [&]() -> const DivisionSpellings& {
    if (spellings == nullptr) spellings = &SpellingsOf(division);
    return *spellings;
  };
  // The loose key of a name or word, read only once its entries hold the division.
  auto loose_of = [&](std::string_view text) { return FoldTextMemo(text, gaz).loose; };
  // Whether a text spells the division (SpellsDivisionKey of its loose key); the answer for the
  // last text asked is kept, as a document writes the division's name again and again.
  std::optional<std::pair<std::string_view, bool>> last_spelled;
  auto spells_division = [&](std::string_view text) {
    if (!last_spelled || last_spelled->first != text) {
      const std::string loose = loose_of(text);
      last_spelled.emplace(text, loose.size() >= 3 && SpellsDivisionKey(loose, spellings_of()));
    }
    return last_spelled->second;
  };
  // Whether a text is only the seat's part of the division's name (SeatPartKey); most
  // divisions have a one-word name and no such part, and their texts are not folded for it.
  auto only_seat = [&](std::string_view text) {
    const std::string& seat_key = spellings_of().seat_part;
    return !seat_key.empty() && seat_key == loose_of(text);
  };
  auto fold = [&](WrittenNames::Name& name) {
    if (name.folded) return;
    name.folded_ids = FoldIdsMemo(name.text, gaz, /*want_loose=*/false).folded_ids;
    name.folded = true;
  };
  std::string_view first, container;
  for (WrittenNames::Name& name : w.names) {
    const PlaceMention& m = *name.m;
    // A mention resolved to the division through a name that does not spell it but is a town's
    // inside it (its capital, listed among its alternate names: "Nahri Saraj (Girishk) district,
    // Helmand") names the town, not the division; a former name ("At Ta'mim") still names it.
    std::optional<bool> spelled;  // SpellsDivisionKey of the name, at its first use
    auto spells = [&] {
      if (!spelled) {
        fold(name);
        spelled = spells_division(name.text);
      }
      return *spelled;
    };
    bool names = m.geo_id == admin1;
    if (names && !spells()) {
      for (GeoId id : name.folded_ids) {
        if (id < gaz.size() && gaz.Entry(id).kind() == GeoKind::kPlace &&
            gaz.Entry(id).admin1_id() == admin1) {
          names = false;  // the name of a town of the division
        }
      }
    }
    // "Kafr Nobol (Idleb)" where "Idleb" resolved to the town Idlib: the text still names the
    // province that way when the word is one of the province's own names.
    if (!names && m.kind == PlaceKind::kPlace && m.geo_id != kNoGeoId) {
      fold(name);
      names = Holds(name.folded_ids, admin1) && spells();
    }
    // "(District Autonome d'Abidjan, Abidjan)", "(Kamukunji, Nairobi)": the last name of a list
    // in parentheses is where coders put the first-level division, spelled their way, even when
    // it is the name of its seat.
    if (!names && IsProvincialOrNationalCapital(m) && m.geo_id < gaz.size() &&
        gaz.Entry(m.geo_id).admin1_id() == admin1 && LastOfAListInParentheses(doc, m.span) &&
        !AfterASecondLevelDivision(doc, m.span, admin1, gaz)) {
      return std::string(name.text);
    }
    if (!names || only_seat(name.text)) continue;
    // Of the names written as containers, one spelling the division's own name beats one the
    // gazetteer lists only as an alternate: "(Tuban, Lahij)" where "Tuban" is a district that
    // GeoNames also gives the province.
    const bool after_separator = AfterSeparator(doc, m.span);
    if (after_separator && spells()) {
      return std::string(name.text);
    }
    if (after_separator && container.empty()) container = name.text;
    if (first.empty()) first = name.text;
  }
  if (!container.empty()) return std::string(container);
  if (!first.empty()) return std::string(first);
  // A spelling the gazetteer holds only loosely ("in al-Hasakeh", "(Wadajir, Banadir)",
  // "Lower Shabelle", "La Pampa"): one or two capitalized words of the text whose loose key
  // names it; a single word glued to a longer name ("Tunapuna/Piarco") does not. A town's name
  // the gazetteer lists for the division too ("Tegucigalpa") does not either.
  // (The entry lists are looked at before the spelling: most words name no division at all.)
  const bool is_admin1 = division.kind() == GeoKind::kAdmin1;
  // "Mizdah", which Natural Earth also lists for its province, read as the province: the name
  // of a town of the division, not the division's ("Damascus governorate", with its level word,
  // is the division's).
  auto town_read_as_division = [&](const WrittenNames::Word& word) {
    const auto begin = static_cast<uint32_t>(word.text.data() - doc.text.data());
    const bool read = std::any_of(doc.places.begin(), doc.places.end(), [&](const PlaceMention& p) {
      return p.span.begin == begin && p.geo_id == admin1;
    });
    if (!read) return false;
    // A first-level word after it ("Damascus governorate"), not a district's ("Abuja LGA").
    const size_t t = TokenAt(doc, begin + static_cast<uint32_t>(word.text.size()));
    if (t < doc.tokens.size()) {
      const LowerWord next = LowerAscii(doc.Slice(doc.tokens[t].span));
      for (std::string_view level :
           {"province", "governorate", "state", "region", "oblast", "prefecture"}) {
        if (next == level) return false;
      }
    }
    return std::any_of(word.folded_ids.begin(), word.folded_ids.end(), [&](GeoId id) {
      return id < gaz.size() && gaz.Entry(id).kind() == GeoKind::kPlace &&
             gaz.Entry(id).admin1_id() == admin1;
    });
  };
  auto names_it = [&](const WrittenNames::Word& word) {
    if (is_admin1 && !word.any_admin1) return false;
    if (!Holds(word.folded_ids, admin1) && !Holds(word.loose_ids, admin1)) return false;
    return ((!word.place_at && !town_read_as_division(word)) || spells_division(word.text)) &&
           !only_seat(word.text);
  };
  // The first such words, unless the last name of a list in parentheses spells the division
  // too: "Waterloo town (Western Area Rural, Western)" names it "Western", the way coders
  // name it, although "Western Area" comes first.
  std::optional<size_t> first_word;
  // True when words k name the division last in a list in parentheses (the answer); keeps the
  // first words that name it at all.
  auto last_in_list = [&](size_t k) {
    const WrittenNames::Word& word = w.words[k];
    if (!names_it(word)) return false;
    const auto begin = static_cast<uint32_t>(word.text.data() - doc.text.data());
    if (LastOfAListInParentheses(doc,
                                 Span{begin, begin + static_cast<uint32_t>(word.text.size())})) {
      return true;
    }
    if (!first_word) first_word = k;
    return false;
  };
  for (size_t k = 0; k < w.words.size(); ++k) {
    if (last_in_list(k)) return std::string(w.words[k].text);
  }
  const size_t n = std::min<size_t>(doc.tokens.size(), 4000);
  while (w.next_token < n) {
    // (Passed over in a tight loop: the tokens that open no candidate, most of them.)
    size_t i = w.next_token;
    while (i < n && !OpensCapitalizedBody(doc, doc.tokens[i])) ++i;
    w.next_token = i;
    if (i == n) break;
    const size_t from = w.words.size();
    ReadCandidateWords(doc, gaz, w.next_token++, n, w);
    for (size_t k = from; k < w.words.size(); ++k) {
      if (last_in_list(k)) return std::string(w.words[k].text);
    }
  }
  if (first_word) return std::string(w.words[*first_word].text);
  return {};
}

// "Washington D.C.", "Bogota D.C.": the capital district's letters are no part of the city's
// name, as written or as GeoNames names the district.
std::string_view WithoutCapitalDistrict(std::string_view name) {
  for (std::string_view district : {" D.C.", ", D.C.", " D.C", ", D.C", " DC", ", DC"}) {
    if (name.size() > district.size() + 2 && name.ends_with(district)) {
      name.remove_suffix(district.size());
      break;
    }
  }
  return name;
}

// The place's name as the text writes it ("Daraa", "Radaa", "Beit Shean" where GeoNames says
// "Dar‘ā", "Radā‘", "Bet She’an"): coders of the sources compared with use the common
// transliteration, and the GeoNames id still names the entry. Lower-case words around the name
// ("near", "town of", "province") and a possessive are left out; empty for a relative region,
// a demonym, or a span with no capitalized word. A slice of the document's text.
std::string_view NameAsWritten(const Document& doc, const PlaceMention& m) {
  if (m.demonym || m.relative_region || m.kind == PlaceKind::kRegion) return {};
  size_t b = TokenAt(doc, m.span.begin);
  size_t e = b;
  while (e < doc.tokens.size() && doc.tokens[e].span.end <= m.span.end) ++e;
  auto level = [&](size_t i) { return IsLevelWordAnyCase(doc.Slice(doc.tokens[i].span)); };
  auto lower = [&](size_t i) {
    std::string_view w = doc.Slice(doc.tokens[i].span);
    // "near", "town of"; a glued article keeps its name: "al-Qunaitara".
    return doc.tokens[i].kind == TokenKind::kWord &&
           std::none_of(w.begin(), w.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  };
  while (b < e && (lower(b) || level(b))) ++b;
  while (e > b && (lower(e - 1) || level(e - 1) || doc.tokens[e - 1].kind != TokenKind::kWord)) {
    --e;
  }
  if (b >= e) return {};
  std::string_view t(doc.text.data() + doc.tokens[b].span.begin,
                     doc.tokens[e - 1].span.end - doc.tokens[b].span.begin);
  for (std::string_view suffix : {"'s", "\xE2\x80\x99s"}) {
    if (t.size() > suffix.size() && t.ends_with(suffix)) t.remove_suffix(suffix.size());
  }
  t = WithoutCapitalDistrict(t);
  if (t.empty() || t.find('\n') != std::string_view::npos) return {};
  if (InCapitals(t)) return {};
  return t;
}

// "al-Mayadeen", "Al-Sukhna": an Arabic name with its article glued on, as some outlets
// transliterate; where GeoNames writes the article too ("Al Mayādīn", "As Sukhnah"), its
// standard romanization is the one coders use, and it is kept.
using locate_internal::GluedArticle;
bool StartsWithArticle(std::string_view name) {
  for (std::string_view a : {"Al ", "As ", "Ash ", "Ad ", "Adh ", "Ar ", "At ", "Ath ", "Az ",
                             "An ", "Aş ", "Al-", "El "}) {
    if (name.starts_with(a)) return true;
  }
  return false;
}

// The seat of each first-level division (GeoNames PPLA; the national capital, PPLC, where it
// is the seat): ACLED codes an event known only to its province at the provincial capital, so
// that is where an admin1-precision event is put. Built once per gazetteer by a scan of its
// places (a few milliseconds); every answer is checked against the entry it names, so a cache
// left by another gazetteer opened at the same address can never answer wrongly.
struct SeatIndex {
  const Gazetteer* gaz = nullptr;
  uint32_t size = 0;
  std::unordered_map<GeoId, GeoId> seat;           // admin1 → place
  std::unordered_map<std::string, GeoId> capital;  // country ISO3 → its PPLC place
};

std::shared_ptr<const SeatIndex> BuildSeatIndex(const Gazetteer& gaz) {
  auto index = std::make_shared<SeatIndex>();
  index->gaz = &gaz;
  index->size = gaz.size();
  std::unordered_map<GeoId, uint64_t> rank;  // admin1 → (PPLA over PPLC, population)
  for (GeoId id = 0; id < gaz.size(); ++id) {
    const GeoEntry e = gaz.Entry(id);
    if (e.kind() != GeoKind::kPlace || !e.has_coordinates()) continue;
    const std::string_view fc = e.feature_code();
    if (fc != "PPLA" && fc != "PPLC") continue;
    const GeoId a1 = e.admin1_id();
    if (a1 == kNoGeoId) continue;
    if (fc == "PPLC") {
      auto [cap, fresh] = index->capital.emplace(std::string(e.country_iso3()), id);
      if (!fresh && gaz.Entry(cap->second).population() < e.population()) cap->second = id;
    }
    const uint64_t r =
        (fc == "PPLA" ? 1ull << 62 : 0) + std::min<uint64_t>(e.population(), 1ull << 61);
    auto [it, fresh] = rank.emplace(a1, r);
    if (fresh || r > it->second) {
      it->second = r;
      index->seat[a1] = id;
    }
  }
  return index;
}

// The index of `gaz`: built once by whichever thread asks first, then read without a lock —
// each thread keeps its own reference to the shared, immutable index, and takes the lock only
// when it meets another gazetteer.
const SeatIndex& SeatIndexOf(const Gazetteer& gaz) {
  thread_local std::shared_ptr<const SeatIndex> mine;
  if (!mine || mine->gaz != &gaz || mine->size != gaz.size()) {
    static std::mutex mu;
    static std::shared_ptr<const SeatIndex> shared;
    std::lock_guard<std::mutex> lock(mu);
    if (!shared || shared->gaz != &gaz || shared->size != gaz.size()) {
      shared = BuildSeatIndex(gaz);
    }
    mine = shared;
  }
  return *mine;
}

std::optional<GeoEntry> Admin1Seat(const Gazetteer& gaz, GeoId admin1) {
  const SeatIndex* index = &SeatIndexOf(gaz);
  auto it = index->seat.find(admin1);
  if (it == index->seat.end() || it->second >= gaz.size()) return std::nullopt;
  const GeoEntry e = gaz.Entry(it->second);
  if (e.kind() != GeoKind::kPlace || e.admin1_id() != admin1 || !e.has_coordinates()) {
    return std::nullopt;
  }
  return e;
}

// The national capital of the country with ISO3 `iso3` (GeoNames PPLC, the most populous when
// several).
std::optional<GeoEntry> CapitalOf(const Gazetteer& gaz, std::string_view iso3) {
  const SeatIndex* index = &SeatIndexOf(gaz);
  auto it = index->capital.find(std::string(iso3));
  if (it == index->capital.end() || it->second >= gaz.size()) return std::nullopt;
  const GeoEntry e = gaz.Entry(it->second);
  if (e.kind() != GeoKind::kPlace || e.country_iso3() != iso3) return std::nullopt;
  return e;
}

// The town a district without coordinates is named after ("Chora district" → Chora, its seat):
// a place of the district's own name, or of the name the text uses, lying in it (or in its
// province, with no district recorded); the most populous such place.
std::optional<GeoEntry> NamesakeSeat(const Gazetteer& gaz, const GeoEntry& district,
                                     const std::string& written_key) {
  std::optional<GeoEntry> best;
  auto consider = [&](std::span<const GeoId> ids) {
    for (GeoId id : ids) {
      if (id >= gaz.size()) continue;
      const GeoEntry e = gaz.Entry(id);
      if (e.kind() != GeoKind::kPlace || !e.has_coordinates()) continue;
      const bool inside = e.admin2_id() == district.id() ||
                          (e.admin2_id() == kNoGeoId && e.admin1_id() == district.admin1_id() &&
                           district.admin1_id() != kNoGeoId);
      if (!inside) continue;
      if (!best || e.population() > best->population()) best = e;
    }
  };
  consider(gaz.FindFolded(FoldName(district.name())));
  if (!written_key.empty()) consider(gaz.FindFolded(written_key));
  return best;
}

// The divisions that are a city themselves, with their administrative name: data/gazetteer/
// admin1_city_names.tsv (made by tools/gazetteer/make_tsv.py from Natural Earth), compiled in as
// a raw string; event_location_test checks the two match. After regenerating the TSV, from the
// repository root, with TSV = data/gazetteer/admin1_city_names.tsv and
// INC = src/geo/admin1_city_names_tsv.inc:
//   { echo 'R"sitrep_lexicon('; cat TSV; echo ')sitrep_lexicon"'; } >INC
constexpr std::string_view kCityDivisionsTsv =
#include "geo/admin1_city_names_tsv.inc"
    ;

// The administrative name of the city division with admin1 code `code` ("MX.09" → "Distrito
// Federal", "UA.12" → "Kiev City"), or empty when the division is not a city itself.
std::string_view CityDivisionName(std::string_view code) {
  using Row = std::pair<std::string_view, std::string_view>;
  static const std::vector<Row> rows = [] {
    std::vector<Row> out;
    std::string_view tsv = kCityDivisionsTsv;
    while (!tsv.empty()) {
      const size_t nl = std::min(tsv.find('\n'), tsv.size());
      const std::string_view line = tsv.substr(0, nl);
      tsv.remove_prefix(std::min(nl + 1, tsv.size()));
      const size_t tab = line.find('\t');
      if (line.empty() || line[0] == '#' || tab == std::string_view::npos) continue;
      out.emplace_back(line.substr(0, tab), line.substr(tab + 1));
    }
    std::sort(out.begin(), out.end());
    return out;
  }();
  auto it = std::lower_bound(rows.begin(), rows.end(), code,
                             [](const Row& r, std::string_view c) { return r.first < c; });
  return it != rows.end() && it->first == code ? it->second : std::string_view();
}

// CityDivisionName of division `a1`, from a per-thread memo by entry id: it is asked at every
// place located, and the divisions come back from document to document. Direct-mapped; a slot
// is tagged with the gazetteer's serial (+1, so 0 is empty) as FoldMemo's are.
std::string_view CityDivisionNameOf(const Gazetteer& gaz, GeoId a1) {
  struct Slot {
    uint64_t tag = 0;
    GeoId id = kNoGeoId;
    std::string_view name;  // into CityDivisionName's static rows
  };
  thread_local std::vector<Slot> memo;
  if (memo.empty()) memo.resize(4096);
  Slot& slot = memo[a1 % memo.size()];
  const uint64_t tag = gaz.serial() + 1;
  if (slot.tag != tag || slot.id != a1) slot = {tag, a1, CityDivisionName(gaz.Entry(a1).code())};
  return slot.name;
}

// The text of a mention read as the division `a1` and written as the container of its city:
// "Buenos Aires (Ciudad Autonoma de Buenos Aires)", "Kyiv, Kiev City"; empty when none is.
std::string_view DivisionAfterItsCity(const Document& doc, GeoId a1, const Gazetteer& gaz) {
  for (size_t i = 1; i < doc.places.size(); ++i) {
    const PlaceMention& p = doc.places[i];
    const PlaceMention& city = doc.places[i - 1];
    if (p.geo_id != a1 || city.kind != PlaceKind::kPlace || city.geo_id >= gaz.size()) continue;
    const size_t t = TokenAt(doc, p.span.begin);
    if (t < 1 || TokenAt(doc, city.span.end) != t - 1) continue;
    const std::string_view sep = doc.Slice(doc.tokens[t - 1].span);
    const GeoEntry c = gaz.Entry(city.geo_id);
    // An abbreviation ("Washington, D.C.") is no name the division goes by.
    const std::string_view written = doc.Slice(p.span);
    if ((sep == "(" || sep == ",") && Admin1OfEntry(c) == a1 &&
        written.find('.') == std::string_view::npos &&
        (c.feature_code() == "PPLC" || c.feature_code() == "PPLA" ||
         c.feature_code() == "PPLG")) {
      return written;
    }
  }
  return {};
}

EventLocation FromMention(const Document& doc, const PlaceMention& m, const Gazetteer& gaz,
                          DocPlaces& ctx) {
  EventLocation loc;
  if (m.geo_id >= gaz.size()) return loc;
  GeoEntry e = gaz.Entry(m.geo_id);
  loc.country = std::string(e.country_name());
  loc.iso3 = std::string(e.country_iso3());
  const int rank = Rank(m) == 0 ? 1 : Rank(m);
  // A country or a region of one (ranks 1 and 2) is located without its divisions: they are
  // not worked out.
  if (rank >= 3) {
    if (const std::string& written = ctx.Admin1Written(e.admin1_id()); !written.empty()) {
      loc.admin1 = written;
    } else {
      loc.admin1 = e.admin1_name();
    }
    // A division that is a city itself goes by its administrative name ("Distrito Federal",
    // "Kiev City"): the text's "Mexico City" or "Kyiv" names the city, the way coders do not
    // name the division. The division written as the container of its city ("Buenos Aires
    // (Ciudad Autonoma de Buenos Aires)") is named as the text writes it.
    if (const GeoId a1 = Admin1OfEntry(e); a1 != kNoGeoId && a1 < gaz.size()) {
      if (std::string_view name = CityDivisionNameOf(gaz, a1); !name.empty()) {
        loc.admin1 = std::string(name);
        if (std::string_view written = DivisionAfterItsCity(doc, a1, gaz); !written.empty()) {
          loc.admin1 = std::string(written);
        }
      }
    }
    loc.admin2 = e.admin2_name();
  }
  const std::string_view written =
      e.kind() != GeoKind::kCountry ? NameAsWritten(doc, m) : std::string_view();
  if (!written.empty() && !(GluedArticle(written) && StartsWithArticle(e.name()))) {
    loc.location = written;
  } else {
    loc.location = WithoutCapitalDistrict(e.name());
  }
  loc.has_coordinates = e.has_coordinates();
  if (loc.has_coordinates) {
    loc.lat = e.lat();
    loc.lon = e.lon();
  }
  loc.geonameid = e.geonameid();
  loc.evidence = m.span;
  switch (rank) {
    case 6:
      loc.geo_precision = m.near ? 2 : 1;
      loc.where_prec = m.near ? 2 : 1;
      break;
    case 5:
      loc.geo_precision = 2;
      loc.where_prec = 3;
      // A district the gazetteer has no point for: its namesake seat, else the province's seat
      // (the finest position known).
      if (!loc.has_coordinates && e.kind() == GeoKind::kAdmin2) {
        std::optional<GeoEntry> seat = NamesakeSeat(gaz, e, MentionKey(doc, m));
        if (!seat) seat = Admin1Seat(gaz, e.admin1_id());
        if (seat) {
          loc.lat = seat->lat();
          loc.lon = seat->lon();
          loc.has_coordinates = true;
        }
      }
      break;
    case 4:
    case 3:
      loc.geo_precision = 3;
      loc.where_prec = 4;
      if (auto seat = Admin1Seat(gaz, e.admin1_id())) {
        loc.lat = seat->lat();
        loc.lon = seat->lon();
        loc.has_coordinates = true;
      }
      break;
    case 2:
      loc.geo_precision = 3;
      loc.where_prec = 5;
      break;
    default:
      loc.geo_precision = 3;
      loc.where_prec = 6;
      break;
  }
  return loc;
}

bool IsArabicArticle(std::string_view w) {
  for (std::string_view a : {"Al", "At", "As", "Ad", "Ar", "An", "Ash", "Az", "Adh", "Ath", "El"}) {
    if (w == a) return true;
  }
  return false;
}

// "coded as X", "coded to X", "coded at X": an event note stating where the event is coded.
bool IsCodedLocation(const Document& doc, Span span) {
  size_t t = TokenAt(doc, span.begin);
  if (t < doc.tokens.size() && doc.tokens[t].span.end < span.end) {
    const LowerWord first = LowerAscii(doc.Slice(doc.tokens[t].span));
    if (first == "as" || first == "to" || first == "at" || first == "in") ++t;  // "as Tougan"
  }
  if (t < 2 || t > doc.tokens.size()) return false;
  if (LowerAscii(doc.Slice(doc.tokens[t - 1].span)) == "the" && t >= 3) --t;
  const LowerWord prep = LowerAscii(doc.Slice(doc.tokens[t - 1].span));
  return (prep == "as" || prep == "to" || prep == "at" || prep == "in") &&
         LowerAscii(doc.Slice(doc.tokens[t - 2].span)) == "coded";
}

// The entry of the name at `name`, which the places layer did not read, among entries of country
// `iso3`, else of the named actors' countries; with neither, the one country that holds the
// name, or with `capital_stands` the country whose capital bears it. A town before a division.
std::optional<PlaceMention> UnreadInCountries(const Document& doc, Span name, const Gazetteer& gaz,
                                              const std::string& iso3,
                                              bool capital_stands = false) {
  std::vector<GeoId> countries;
  if (!iso3.empty()) {
    if (auto c = gaz.CountryByIso3(iso3)) countries.push_back(c->id());
  } else {
    countries = ActorCountries(doc, gaz);
  }
  const std::span<const GeoId> ids = gaz.FindFolded(FoldName(doc.Slice(name)));
  if (countries.empty() && capital_stands) {
    for (GeoId id : ids) {
      if (id < gaz.size() && gaz.Entry(id).feature_code() == "PPLC") {
        countries.push_back(CountryOfEntry(gaz.Entry(id)));
        break;
      }
    }
  }
  if (countries.empty()) {
    // Nothing else says where: the name stands when only one country holds it.
    for (GeoId id : ids) {
      if (id >= gaz.size() || gaz.Entry(id).kind() == GeoKind::kCountry) continue;
      const GeoId c = CountryOfEntry(gaz.Entry(id));
      if (countries.empty()) {
        countries.push_back(c);
      } else if (countries.front() != c) {
        return std::nullopt;
      }
    }
  }
  if (countries.empty()) return std::nullopt;
  std::optional<GeoEntry> best;
  for (GeoId id : ids) {
    if (id >= gaz.size()) continue;
    const GeoEntry c = gaz.Entry(id);
    if (c.kind() == GeoKind::kCountry) continue;
    if (std::find(countries.begin(), countries.end(), CountryOfEntry(c)) == countries.end()) {
      continue;
    }
    if (!best || (best->kind() != GeoKind::kPlace && c.kind() == GeoKind::kPlace)) best = c;
  }
  if (!best) return std::nullopt;
  PlaceMention m;
  m.span = name;
  return MovedTo(m, *best);
}

// The place after "coded as/to/at" in `scope` when the places layer did not read it: one to
// three capitalized words (a hyphenated name is one word), looked up by UnreadInCountries.
std::optional<PlaceMention> CodedUnread(const Document& doc, Span scope, const Gazetteer& gaz,
                                        const std::string& iso3) {
  const size_t first = TokenAt(doc, scope.begin);
  for (size_t i = first; i + 2 < doc.tokens.size() && doc.tokens[i].span.end <= scope.end; ++i) {
    if (LowerAscii(doc.Slice(doc.tokens[i].span)) != "coded") continue;
    const LowerWord prep = LowerAscii(doc.Slice(doc.tokens[i + 1].span));
    if (prep != "as" && prep != "to" && prep != "at" && prep != "in") continue;
    size_t b = i + 2, e = b;
    while (e < doc.tokens.size() && e - b < 3 && doc.tokens[e].span.end <= scope.end &&
           IsCapitalizedWord(doc, doc.tokens[e]) &&
           (e == b || doc.tokens[e].span.begin == doc.tokens[e - 1].span.end + 1)) {
      ++e;
    }
    if (e == b) continue;
    const Span name{doc.tokens[b].span.begin, doc.tokens[e - 1].span.end};
    bool read = false;
    for (const PlaceMention& m : doc.places) {
      if (m.span.begin < name.end && name.begin < m.span.end) read = true;
    }
    if (read) continue;
    if (auto m = UnreadInCountries(doc, name, gaz, iso3)) return m;
    // "coded to Athens-Central Athens", "Belgrade-Stari Grad": a city and a part of it, the
    // way coders name a city's quarter; the city, a national capital before its namesakes.
    const std::string_view word = doc.Slice(doc.tokens[b].span);
    if (const size_t dash = word.find('-'); dash != std::string_view::npos && dash > 0) {
      const Span city{doc.tokens[b].span.begin,
                      doc.tokens[b].span.begin + static_cast<uint32_t>(dash)};
      if (auto m = UnreadInCountries(doc, city, gaz, iso3, true)) return m;
    }
  }
  return std::nullopt;
}

bool IsLocativeCue(std::string_view lower) {
  return lower == "in" || lower == "at" || lower == "of" || lower == "near";
}

// "in Kidodo, Western, Uganda", "in Migrendisa, North Cachar Hills, Assam": a place written
// before a division the gazetteer does not know (no place of `chosen`'s country read there),
// both before the division or country `chosen` that holds them. Returns the tokens [begin, end)
// of the first name, written after "in"/"at"/"near"/"of", with an optional level word after
// it ("Kidodo village, Western, Uganda"); `sep` is the "," before `chosen`.
std::optional<std::pair<size_t, size_t>> BeforeUnknownDivision(const Document& doc,
                                                               const PlaceMention& chosen,
                                                               size_t sep) {
  auto word = [&](size_t i) { return doc.Slice(doc.tokens[i].span); };
  auto joined = [&](size_t i) {  // token i follows token i - 1 after one space
    return doc.tokens[i].span.begin == doc.tokens[i - 1].span.end + 1;
  };
  // The unknown division: up to four words, the first capitalized, then capitalized words,
  // numbers ("Province 4") or Arabic articles ("Bahr al Jabal"), one space apart.
  size_t mid_end = sep;
  if (mid_end > 0 && IsLevelWordAnyCase(word(mid_end - 1))) --mid_end;
  size_t mid = mid_end;
  while (mid > 0 && mid_end - mid < 4 && (mid == mid_end || joined(mid))) {
    const Token& w = doc.tokens[mid - 1];
    if (!IsCapitalizedWord(doc, w) && w.kind != TokenKind::kNumber &&
        !(word(mid - 1) == "al" || word(mid - 1) == "el")) {
      break;
    }
    --mid;
  }
  while (mid < mid_end && !IsCapitalizedWord(doc, doc.tokens[mid])) ++mid;
  if (mid == mid_end || mid < 3 || word(mid - 1) != ",") return std::nullopt;
  const Span middle{doc.tokens[mid].span.begin, doc.tokens[mid_end - 1].span.end};
  for (const PlaceMention& m : doc.places) {
    if (m.span.end <= middle.begin || m.span.begin >= middle.end) continue;
    if (m.demonym || m.metonymic || m.country == chosen.country) return std::nullopt;
  }
  // The place: up to three capitalized words and an optional level word, after a cue.
  size_t end = mid - 1;
  if (IsLevelWordAnyCase(word(end - 1))) --end;
  size_t begin = end;
  while (begin > 0 && end - begin < 3 && IsCapitalizedWord(doc, doc.tokens[begin - 1]) &&
         (begin == end || joined(begin))) {
    --begin;
  }
  if (begin == end || begin == 0 || !IsLocativeCue(LowerAscii(word(begin - 1)))) {
    return std::nullopt;
  }
  return std::make_pair(begin, end);
}

// A lower-case word inside a place's name: an Arabic article ("Bab al Sham") or a Romance
// particle ("Saint Julien du Poy", "Diego de Almagro"); not the English words the
// article is also written as ("as", "at", "an": "Boko Haram at Parisu").
bool IsInnerNameWord(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "al", "el", "ad", "ar", "ash", "az", "de", "du", "des", "del", "della",
      "di", "da", "dos", "das", "la", "las", "los", "le", "les"};
  static const util::WordSet kSet(kWords);
  return kSet.Has(w);
}

// "in Menawashei, South Darfur": a place the gazetteer lacks, written just before the division
// (or country) that holds it — after "in"/"at"/"near" or "village of", with an optional level
// word ("Sunki village, Odisha state"), and before "," or "(". The event is at that place:
// `location` takes its name as written, without a GeoNames id; coordinates and precision stay
// those of the division, the finest position known.
void NameUnlocatedPlace(const Document& doc, const PlaceMention& chosen, EventLocation* loc) {
  if (chosen.kind == PlaceKind::kPlace || chosen.relative_region || chosen.near) return;
  size_t t = TokenAt(doc, chosen.span.begin);
  if (t < 2 || t > doc.tokens.size()) return;
  // An Arabic article written apart before the division ("Tuz Khurmatu, At Ta'mim").
  if (IsArabicArticle(doc.Slice(doc.tokens[t - 1].span)) &&
      doc.tokens[t].span.begin == doc.tokens[t - 1].span.end + 1) {
    --t;
  }
  std::string_view sep = doc.Slice(doc.tokens[t - 1].span);
  if (sep != "," && sep != "(") return;
  size_t end = t - 1;  // one past the name's last token
  if (end > 0 && IsLevelWordAnyCase(doc.Slice(doc.tokens[end - 1].span))) --end;
  size_t begin = end;
  // Up to three capitalized words, one space apart; a lower-case article or particle between
  // two of them belongs to the name ("Bab al Sham", "Saint Julien du Poy").
  size_t words = 0;
  while (begin > 0 && words < 3 &&
         (begin == end || doc.tokens[begin].span.begin - doc.tokens[begin - 1].span.end <= 1)) {
    if (IsCapitalizedWord(doc, doc.tokens[begin - 1])) {
      --begin;
      ++words;
      continue;
    }
    if (begin == end || begin < 2 || !IsInnerNameWord(doc.Slice(doc.tokens[begin - 1].span)) ||
        !IsCapitalizedWord(doc, doc.tokens[begin - 2]) ||
        doc.tokens[begin - 1].span.begin - doc.tokens[begin - 2].span.end > 1) {
      break;
    }
    --begin;  // the particle; the capitalized word before it comes next
  }
  if (begin == end || begin == 0) return;
  if (auto first = BeforeUnknownDivision(doc, chosen, t - 1)) {
    begin = first->first;
    end = first->second;
  }
  const LowerWord before = LowerAscii(doc.Slice(doc.tokens[begin - 1].span));
  if (before != "in" && before != "at" && before != "of" && before != "near") {
    // After another word ("Assailants attacked Kawaz Hajji Jamil, Kirkuk, Iraq"), only a
    // name written as "place, division, country".
    const Token& w = doc.tokens[begin - 1];
    const std::string_view word = doc.Slice(w.span);
    if (w.kind != TokenKind::kWord ||
        std::any_of(word.begin(), word.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
      return;
    }
    const size_t after = TokenAt(doc, chosen.span.end);
    if (after + 1 >= doc.tokens.size() || doc.Slice(doc.tokens[after].span) != ",") return;
    const uint32_t next = doc.tokens[after + 1].span.begin;
    const bool country_follows =
        std::any_of(doc.places.begin(), doc.places.end(), [&](const PlaceMention& m) {
          return m.span.begin == next && m.kind == PlaceKind::kCountry && !m.demonym &&
                 m.country == chosen.country;
        });
    if (!country_follows) return;
  }
  const Span name{doc.tokens[begin].span.begin, doc.tokens[end - 1].span.end};
  // Not a place the layer resolved in the same division (that one would have been chosen).
  for (const PlaceMention& m : doc.places) {
    if (m.span.end <= name.begin || m.span.begin >= name.end) continue;
    if (m.demonym || m.metonymic) return;
    if (!m.country.empty() && m.country == chosen.country && m.admin1 == chosen.admin1) return;
  }
  // "in Kabul, Ghor, Laghman, and Balkh provinces": the division is followed by a comma and a
  // place of its kind, a list that goes on, and the name before it is the list's first item,
  // not a village the gazetteer lacks ("in Al Burayi, West Bank and Gaza Strip" is no list).
  if (const size_t after = TokenAt(doc, chosen.span.end); after + 1 < doc.tokens.size()) {
    const std::string_view sep_after = doc.Slice(doc.tokens[after].span);
    size_t next = after + 1;
    if (sep_after == "," && next + 1 < doc.tokens.size() &&
        LowerAscii(doc.Slice(doc.tokens[next].span)) == "and") {
      ++next;
    }
    if (sep_after == ",") {
      const uint32_t at = doc.tokens[next].span.begin;
      if (std::any_of(doc.places.begin(), doc.places.end(), [&](const PlaceMention& m) {
            return m.span.begin == at && m.kind == chosen.kind && !m.demonym;
          })) {
        return;
      }
    }
  }
  loc->location = std::string(doc.Slice(name));
  loc->geonameid = 0;
  loc->evidence = Span{name.begin, chosen.span.end};
}

// Per byte, bit n set when a word of n bytes opening with that byte (either case) may be one of
// DesignatedVillage's designators: "hamlet", "sector", "village", "township", "barangay",
// "frontline", "frontlines" (sizes 6 to 10).
constexpr std::array<uint16_t, 256> kVillageDesignatorSizes = [] {
  std::array<uint16_t, 256> sizes{};
  for (std::string_view w :
       {"hamlet", "sector", "village", "township", "barangay", "frontline", "frontlines"}) {
    sizes[static_cast<unsigned char>(w[0])] |= uint16_t{1} << w.size();
    sizes[static_cast<unsigned char>(w[0] - 'a' + 'A')] |= uint16_t{1} << w.size();
  }
  return sizes;
}();

// Whether the word at `span` of `text` has the size and first letter of a village designator
// (a word of 16 bytes or more has none: its size is read as 0).
inline bool MayBeVillageDesignator(const char* text, Span span) {
  const uint32_t size = span.size();
  const unsigned bit = size < 16 ? size : 0;
  return (kVillageDesignatorSizes[static_cast<unsigned char>(text[span.begin])] >> bit & 1) != 0;
}

// The villages sentence `sentence` (its first token `first`) names with a word that says so and
// that the places layer did not read (not resolved, not a demonym nor a person's or an actor's
// name): "Mulqeey village", "the village of Kpindima", "Barangay Malasibog", "the Kirni sector"
// (a stretch of a frontier). Returns the first,
// in text order, that `accept(name)` takes. `end_hint`: the sentence's token_end, which is
// where its tokens end (checked, else searched for).
template <class Accept>
std::optional<Span> DesignatedVillage(const Document& doc, Span sentence, size_t first,
                                      size_t end_hint, Accept accept) {
  auto word = [&](size_t i) { return doc.Slice(doc.tokens[i].span); };
  // A capitalized word, or one with a glued Arabic article ("al-Burayj").
  auto name_word = [&](size_t i) {
    const std::string_view w = word(i);
    return IsCapitalizedWord(doc, doc.tokens[i]) ||
           (w.size() > 3 && (w.starts_with("al-") || w.starts_with("el-")) && w[3] >= 'A' &&
            w[3] <= 'Z');
  };
  auto name_at = [&](size_t b, size_t e) -> bool {  // tokens [b, e): 1-3 capitalized words
    if (b >= e || e - b > 3 || b <= first) return false;
    for (size_t i = b; i < e; ++i) {
      if (!name_word(i)) return false;
      if (i > b && doc.tokens[i].span.begin - doc.tokens[i - 1].span.end != 1) return false;
      if (IsLevelWordAnyCase(word(i))) return false;
    }
    const LowerWord lower = LowerAscii(word(b));
    return lower != "the" && lower != "a" && lower != "an";
  };
  // Plain pointers: the calls in the loop's body would make the compiler load the vectors'
  // bounds again at every token, and most tokens are passed over by the test just below.
  const Token* const tokens = doc.tokens.data();
  const size_t count = doc.tokens.size();
  const char* const text = doc.text.data();
  // The tokens that end in the sentence, [first, last): tokens are in text order, so `end_hint`
  // is `last` when the tokens on either side of it say so (two loads where a search over the
  // rest of the document touched cold lines and mispredicted its steps).
  auto ends_in = [&](const Token& t) { return t.span.end <= sentence.end; };
  const size_t last =
      end_hint >= first && end_hint <= count &&
              (end_hint == first || ends_in(tokens[end_hint - 1])) &&
              (end_hint == count || !ends_in(tokens[end_hint]))
          ? end_hint
          : static_cast<size_t>(
                std::partition_point(tokens + std::min(first, count), tokens + count, ends_in) -
                tokens);
  // The name a designator leads, tokens [b, e), when it is one the places layer did not read and
  // `accept` takes. `sector`: the designator after the name is "sector" (token e).
  auto candidate = [&](size_t b, size_t e, bool sector) -> std::optional<Span> {
    if (!name_at(b, e)) return std::nullopt;
    // "The X sector" names a sector with its word, as "the Gaza Strip" does; in an address
    // ("X sector, Y municipality") the word says the level, as "village" does.
    if (sector && LowerAscii(word(b - 1)) == "the") ++e;
    const Span name{doc.tokens[b].span.begin, doc.tokens[e - 1].span.end};
    // A name the places layer read (resolved, a demonym, a person's name) is not a lost village.
    bool known = false;
    for (const PlaceMention& m : doc.places) {
      if (m.span.begin < name.end && name.begin < m.span.end) known = true;
    }
    for (const ActorMention& a : doc.actors) {
      if (a.span.begin < name.end && name.begin < a.span.end) known = true;
    }
    if (!known && accept(name)) return name;
    return std::nullopt;
  };
  for (size_t i = first; i < last; ++i) {
    // Only words of the sizes and first letters of the designators can be one; the others are
    // passed over with one table load and one branch ("of" is read from the "village" or
    // "hamlet" before it, so the many two-letter words never pass).
    if (!MayBeVillageDesignator(text, tokens[i].span)) continue;
    // The word compared as lower case in place (no lowered copy: "Sunday", "Thursday",
    // "following" ... pass the test above in most sentences).
    const std::string_view wd = word(i);
    const bool village = SameLowerAscii(wd, "village") || SameLowerAscii(wd, "hamlet");
    const bool sector = !village && SameLowerAscii(wd, "sector");
    if (village || sector || SameLowerAscii(wd, "township") || SameLowerAscii(wd, "frontline") ||
        SameLowerAscii(wd, "frontlines")) {
      // Up to three capitalized words before it.
      const size_t e = i;
      size_t b = e;
      while (b > first + 1 && e - b < 3 && name_word(b - 1) &&
             (b == e || doc.tokens[b].span.begin - doc.tokens[b - 1].span.end == 1)) {
        --b;
      }
      if (auto name = candidate(b, e, sector)) return name;
      // "the village of X": up to three capitalized words after the "of" that follows it (the
      // "of" ends in the sentence too). Nothing between the two can lead a name.
      if (!village || i + 1 >= last || !SameLowerAscii(word(i + 1), "of")) continue;
      ++i;
    } else if (wd != "Barangay") {
      continue;
    }
    // Up to three capitalized words after token i ("of", "Barangay").
    const size_t b = i + 1;
    size_t e = b;
    while (e < doc.tokens.size() && e - b < 3 && doc.tokens[e].span.end <= sentence.end &&
           name_word(e) && (e == b || doc.tokens[e].span.begin - doc.tokens[e - 1].span.end == 1)) {
      ++e;
    }
    if (auto name = candidate(b, e, /*sector=*/false)) return name;
  }
  return std::nullopt;
}

// True when a locative word leads a village's name or its designator ("in X village", "near the
// village of X", "in Barangay X", "west of X Township"): the text puts someone or something
// there, rather than naming a village's chief or council ("the X village chief", "the chief of
// Barangay X") or where someone lives ("a resident of X village").
// The token before a village's name and the designator that leads it ("Barangay X", "the
// village of X", "the X"): where the words that say how the text names it are. `definite`: a
// "the" led it.
size_t VillageLead(const Document& doc, Span name, bool* definite) {
  size_t t = TokenAt(doc, name.begin);
  auto lower = [&](size_t i) { return LowerAscii(doc.Slice(doc.tokens[i].span)); };
  if (t >= 1 && doc.Slice(doc.tokens[t - 1].span) == "Barangay") {
    --t;
  } else if (t >= 2 && lower(t - 1) == "of" &&
             (lower(t - 2) == "village" || lower(t - 2) == "hamlet")) {
    t -= 2;
  }
  *definite = t >= 1 && lower(t - 1) == "the";
  if (*definite) --t;
  return t;
}

bool StatedAtVillage(const Document& doc, Span name) {
  auto lower = [&](size_t i) { return LowerAscii(doc.Slice(doc.tokens[i].span)); };
  bool definite = false;
  const size_t t = VillageLead(doc, name, &definite);
  if (t == 0) return false;
  const LowerWord cue = lower(t - 1);
  if (cue == "of" && !definite && t >= 2) {
    // "west of X Township", "the outskirts of X village"; not "a resident of", "chief of".
    const LowerWord part = lower(t - 2);
    return doc.tokens[t - 2].kind == TokenKind::kWord && part != "the" && part != "of" &&
           part != "in" && IsContainerLinkWord(part);
  }
  return cue == "in" || cue == "at" || cue == "near" || cue == "outside" || cue == "around" ||
         cue == "inside";
}

// True when "of" leads a village's name or its designator ("a resident of X village", "45, of
// Barangay X", "of the village of X"): where someone lives or comes from.
bool LivesAtVillage(const Document& doc, Span name) {
  bool definite = false;
  const size_t t = VillageLead(doc, name, &definite);
  return t >= 1 && LowerAscii(doc.Slice(doc.tokens[t - 1].span)) == "of";
}

// "Mulqeey village (Jowhar, Middle Shabelle)", "the village of Kpindima", "Barangay Malasibog":
// a village the gazetteer lacks, named in the event's sentence with a word that says so. It is
// the most specific place of the event: `location` takes its name as written, without a
// GeoNames id; coordinates and precision stay those of the chosen mention. Only when the chosen
// mention is coarser than a town, or holds the village ("X village in Y district").
void NameVillage(const Document& doc, const Sentence& sentence, const PlaceMention& chosen,
                 EventLocation* loc) {
  if (loc->geonameid == 0) return;  // already named by NameUnlocatedPlace
  // The first token starting in the sentence: its token_begin when the token before it starts
  // before the sentence (checked, else searched for).
  const Token* const tokens = doc.tokens.data();
  const size_t b = sentence.token_begin;
  const size_t first =
      b <= doc.tokens.size() &&
              (b == doc.tokens.size() || tokens[b].span.begin >= sentence.span.begin) &&
              (b == 0 || tokens[b - 1].span.begin < sentence.span.begin)
          ? b
          : TokenAt(doc, sentence.span.begin);
  const std::optional<Span> name =
      DesignatedVillage(doc, sentence.span, first, sentence.token_end, [&](Span name) {
        PlaceMention village;
        village.span = name;
        return Rank(chosen) < 6 || FollowsAsContainer(doc, village, chosen);
      });
  if (!name) return;
  loc->location = std::string(doc.Slice(*name));
  loc->geonameid = 0;
  loc->evidence = *name;
}

}  // namespace

namespace {

// The divisions where the one mission the document names reports its events (MissionArea), main
// one first; empty when no such mission, or missions of several areas, are named.
std::vector<GeoEntry> MissionAreaOf(const Document& doc, const Gazetteer& gaz) {
  // (Most texts hold no mission's name at all: one search of the text, not a call per word.)
  if (!places_internal::MayNameMissionArea(doc.text)) return {};
  std::string_view codes;
  for (const Token& t : doc.tokens) {
    // (A mission's name opens with a capital: the other words are passed over without a call.)
    const char head = doc.text[t.span.begin];
    if (t.kind != TokenKind::kWord || head < 'A' || head > 'Z') continue;
    std::string_view a = places_internal::MissionArea(doc.Slice(t.span));
    if (a.empty()) continue;
    if (!codes.empty() && a != codes) return {};
    codes = a;
  }
  std::vector<GeoEntry> out;
  for (size_t pos = 0; pos < codes.size();) {
    const size_t bar = std::min(codes.find('|', pos), codes.size());
    if (auto e = gaz.Admin1ByCode(codes.substr(pos, bar - pos))) out.push_back(*e);
    pos = bar + 1;
  }
  return out;
}

bool IsMonthOrWeekday(std::string_view lower) {
  static constexpr std::string_view kWords[] = {
      "january",   "february",  "march",   "april",    "may",      "june",   "july",
      "august",    "september", "october", "november", "december", "monday", "tuesday",
      "wednesday", "thursday",  "friday",  "saturday", "sunday"};
  static const util::WordSet kSet(kWords);
  return kSet.Has(lower);
}

// Words before "of" that make the name after it a place: "the village of X", "the area of X".
bool IsVicinityWord(std::string_view lower) {
  return lower == "village" || lower == "hamlet" || lower == "town" || lower == "area" ||
         lower == "outskirts" || lower == "vicinity" || lower == "locality";
}

// The first name of `span` written after "near", "outside", "in", "at" or "village of" / "area
// of" that the places layer did not resolve and that names no actor ("near Mineralne", "near
// Butovka-Donetskaya Mine", "the village of Bonkounda"): one to three capitalized words one
// space apart. `known` = DocPlaces::KnownNames().
std::optional<Span> UnreadNameAfterCue(const Document& doc, Span span,
                                       const util::SpanOverlaps& known) {
  const size_t first = TokenAt(doc, span.begin);
  for (size_t i = first; i + 1 < doc.tokens.size() && doc.tokens[i + 1].span.end <= span.end;
       ++i) {
    const LowerWord cue = LowerAscii(doc.Slice(doc.tokens[i].span));
    if (cue != "near" && cue != "outside" && cue != "in" && cue != "at" &&
        !(cue == "of" && i > first && IsVicinityWord(LowerAscii(doc.Slice(doc.tokens[i - 1].span))))) {
      continue;
    }
    // Capitalized words, a numbered one included ("Zolote-5", "Vesela Dolyna-3").
    auto capitalized = [&](const Token& t) {
      return IsCapitalizedWord(doc, t) ||
             (t.kind == TokenKind::kAlnum && doc.text[t.span.begin] >= 'A' &&
              doc.text[t.span.begin] <= 'Z');
    };
    size_t b = i + 1, e = b;
    while (e < doc.tokens.size() && e - b < 3 && doc.tokens[e].span.end <= span.end &&
           capitalized(doc.tokens[e]) &&
           (e == b || doc.tokens[e].span.begin == doc.tokens[e - 1].span.end + 1)) {
      ++e;
    }
    if (e == b) continue;
    const LowerWord lower = LowerAscii(doc.Slice(doc.tokens[b].span));
    if (lower == "the" || IsMonthOrWeekday(lower)) continue;
    // An acronym ("at OSCE headquarters") names an organisation, not a village.
    if (InCapitals(doc.Slice(doc.tokens[b].span))) continue;
    const Span name{doc.tokens[b].span.begin, doc.tokens[e - 1].span.end};
    if (!known.AnyOverlaps(name)) return name;
  }
  return std::nullopt;
}

// True when a country mention or demonym of the text resolves to the country of ISO3 `iso3`.
bool NamesCountryOf(const Document& doc, const Gazetteer& gaz, std::string_view iso3) {
  return std::any_of(doc.places.begin(), doc.places.end(), [&](const PlaceMention& m) {
    return m.kind == PlaceKind::kCountry && m.geo_id < gaz.size() &&
           gaz.Entry(m.geo_id).country_iso3() == iso3;
  });
}

// A mission reporting from one area ("the OSCE SMM observed ... near Mineralne", MissionArea)
// places the village it names there: an entry of that name inside the area, a town before a
// district, the main division first; when the gazetteer has none, the named village in the
// main division, at the division's precision and seat. Applies when the event is otherwise at
// the mission's country only (the name was not read), or at a small town of that country read
// outside the area (the village's namesake elsewhere); not when the text names a division.
std::optional<EventLocation> InMissionArea(const Document& doc, Span sentence, const Gazetteer& gaz,
                                           const EventLocation& current, DocPlaces& ctx) {
  const std::vector<GeoEntry>& areas = ctx.MissionAreas();
  if (areas.empty()) return std::nullopt;
  const GeoEntry& main = areas.front();
  // A village read in another country is its namesake there too, unless the text names that
  // country ("near Komsomolets" in a report from the contact line is not the Kazakh town).
  if (current.found() && current.iso3 != main.country_iso3() &&
      NamesCountryOf(doc, gaz, current.iso3)) {
    return std::nullopt;
  }
  for (const PlaceMention& m : doc.places) {
    if (!m.demonym && m.geo_id != kNoGeoId && (IsAdminLevel(m) || m.relative_region)) {
      return std::nullopt;
    }
  }
  auto in_area = [&](GeoId admin1) {
    return std::any_of(areas.begin(), areas.end(),
                       [&](const GeoEntry& a) { return a.id() == admin1; });
  };
  Span name{0, 0};
  std::string key;
  PlaceMention read;
  if (current.found() && current.where_prec <= 3 && current.geonameid != 0) {
    for (const PlaceMention& m : doc.places) {
      if (m.span.begin == current.evidence.begin && m.span.end == current.evidence.end &&
          m.geo_id < gaz.size()) {
        read = m;
      }
    }
    if (read.geo_id >= gaz.size()) return std::nullopt;
    const GeoEntry e = gaz.Entry(read.geo_id);
    if (in_area(Admin1OfEntry(e)) || e.population() >= 100000 || e.feature_code() == "PPLA" ||
        e.feature_code() == "PPLC") {
      return std::nullopt;
    }
    name = read.span;
    key = MentionKey(doc, read);
  } else if (!current.found() || current.where_prec == 6) {
    std::optional<Span> unread = UnreadNameAfterCue(doc, sentence, ctx.KnownNames());
    if (!unread) return std::nullopt;
    name = *unread;
    read.span = name;
    key = FoldName(doc.Slice(name));
  } else {
    return std::nullopt;
  }
  std::optional<GeoEntry> best;
  size_t best_rank = areas.size();
  for (GeoId id : gaz.FindFolded(key)) {
    if (id >= gaz.size()) continue;
    const GeoEntry e = gaz.Entry(id);
    if (e.kind() != GeoKind::kPlace && e.kind() != GeoKind::kAdmin2) continue;
    const GeoId a1 = Admin1OfEntry(e);
    const size_t rank = static_cast<size_t>(
        std::find_if(areas.begin(), areas.end(), [&](const GeoEntry& a) { return a.id() == a1; }) -
        areas.begin());
    if (rank >= areas.size()) continue;
    if (!best || (best->kind() != GeoKind::kPlace && e.kind() == GeoKind::kPlace) ||
        (best->kind() == e.kind() && rank < best_rank)) {
      best = e;
      best_rank = rank;
    }
  }
  if (best) return FromMention(doc, MovedTo(read, *best), gaz, ctx);
  EventLocation loc;
  loc.country = std::string(main.country_name());
  loc.iso3 = std::string(main.country_iso3());
  loc.admin1 = std::string(main.name());
  loc.location = std::string(doc.Slice(name));
  loc.geonameid = 0;
  loc.evidence = name;
  loc.geo_precision = 3;
  loc.where_prec = 4;
  if (auto seat = Admin1Seat(gaz, main.id())) {
    loc.lat = seat->lat();
    loc.lon = seat->lon();
    loc.has_coordinates = true;
  } else if (main.has_coordinates()) {
    loc.lat = main.lat();
    loc.lon = main.lon();
    loc.has_coordinates = true;
  }
  return loc;
}

// "Kutulo area", "Hulsu village", "the village of Binpur": a name written with a word that makes
// it a village or the area around one. Not a part of a town ("Hafoon neighborhood, Aden") nor a
// bare name ("in Hazara, Quetta"), which coders place at the town; nor a village written before
// its town in parentheses ("X village (Town, State)"), where the town stands for it
// (AwayFromItsTownInParentheses); nor an area of the town written after it ("the Casoon area of
// Monkayo", "X area, Monkayo"), a part of that town.
bool DesignatedAsVillage(const Document& doc, const PlaceMention& m) {
  size_t next = TokenAt(doc, m.span.end);
  const LowerWord last = LowerAscii(doc.Slice(doc.tokens[next - 1].span));  // the mention's
  const bool after =
      next < doc.tokens.size() && IsVicinityWord(LowerAscii(doc.Slice(doc.tokens[next].span)));
  if (after) ++next;
  if (next < doc.tokens.size() && doc.Slice(doc.tokens[next].span) == "(") return false;
  const bool area =
      after ? LowerAscii(doc.Slice(doc.tokens[next - 1].span)) == "area" : last == "area";
  if (area && next + 1 < doc.tokens.size() &&
      (doc.Slice(doc.tokens[next].span) == "," || doc.Slice(doc.tokens[next].span) == "of")) {
    // Places are in text order: the one starting right after the link, if any.
    const uint32_t at = doc.tokens[next + 1].span.begin;
    auto town =
        std::lower_bound(doc.places.begin(), doc.places.end(), at,
                         [](const PlaceMention& p, uint32_t pos) { return p.span.begin < pos; });
    if (town != doc.places.end() && town->span.begin == at && town->kind == PlaceKind::kPlace &&
        !town->demonym) {
      return false;
    }
  }
  if (after || IsVicinityWord(last)) return true;
  size_t t = TokenAt(doc, m.span.begin);
  return t >= 2 && LowerAscii(doc.Slice(doc.tokens[t - 1].span)) == "of" &&
         IsVicinityWord(LowerAscii(doc.Slice(doc.tokens[t - 2].span)));
}

// "Security agents in Mandera foiled an attack in Kutulo area": a town the places layer read only
// through a loose spelling (Kutulo as Kitale), in another division than `chosen` of the same
// country, written after a locative word with a word that makes it a village
// (DesignatedAsVillage), is a place the gazetteer lacks: the event is there, in `chosen`'s
// divisions and at its coordinates, near it when `chosen` is a town. The first such name of
// sentence `s`.
// Out of line: most documents read no name loosely, and the caller, run for every sentence
// located, stays small.
[[gnu::noinline]] void NameLooseTownPassedOver(const Document& doc, Span s,
                                               const PlaceMention& chosen, DocPlaces& ctx,
                                               EventLocation* loc) {
  if (loc->geonameid == 0) return;  // already named by NameUnlocatedPlace or NameVillage
  const std::vector<Usable>& all = ctx.Usables();
  for (uint32_t loose : ctx.loose) {
    const PlaceMention& m = *all[loose].m;
    if (m.span.begin >= s.end) break;
    if (m.country != chosen.country || m.admin1 == chosen.admin1 || !Inside(m.span, s) ||
        !WrittenAfterLocativeWord(doc, m) || !DesignatedAsVillage(doc, m)) {
      continue;
    }
    // "the village of Moussa Kourari": a name going on past the mention is not the mention's.
    if (const size_t next = TokenAt(doc, m.span.end);
        next < doc.tokens.size() && IsCapitalizedWord(doc, doc.tokens[next])) {
      continue;
    }
    const Verdict& v = ctx.JudgeOf(loose);
    if (v.moved) continue;
    const std::string_view written = NameAsWritten(doc, m);
    if (written.empty()) continue;
    loc->location = written;
    loc->geonameid = 0;
    loc->evidence = m.span;
    if (loc->where_prec == 1) {
      loc->geo_precision = 2;
      loc->where_prec = 2;
    }
    return;
  }
}

// The event at `chosen`, the place of sentence `s`, with the village or unlocated place the
// sentence writes with it (NameUnlocatedPlace, NameVillage). Another mention of the same entry
// in the sentence may be the one written after the place ("insurgency in Algeria ... near a
// reservoir in Boudoukha, Algeria").
EventLocation Located(const Document& doc, const Sentence& sentence, const PlaceMention& chosen,
                      const Gazetteer& gaz, DocPlaces& ctx) {
  const Span s = sentence.span;
  EventLocation loc = FromMention(doc, chosen, gaz, ctx);
  NameUnlocatedPlace(doc, chosen, &loc);
  // Only the mentions that start in the sentence can lie inside it (places are in text order).
  auto from = std::lower_bound(doc.places.begin(), doc.places.end(), s.begin,
                               [](const PlaceMention& m, uint32_t pos) { return m.span.begin < pos; });
  for (const PlaceMention& other : std::span(from, doc.places.end())) {
    if (loc.geonameid == 0 || other.span.begin > s.end) break;
    if (other.span.begin == chosen.span.begin || other.geo_id != chosen.geo_id || other.demonym ||
        other.metonymic || !Inside(other.span, s)) {
      continue;
    }
    NameUnlocatedPlace(doc, other, &loc);
  }
  NameVillage(doc, sentence, chosen, &loc);
  if (!ctx.loose.empty()) NameLooseTownPassedOver(doc, s, chosen, ctx, &loc);
  return loc;
}

// The best place sentence `j` names itself (BestInContext), located; none when it names none.
// Kept per sentence: it is asked for the sentence itself and again for each later sentence of
// its paragraph that names no place.
const std::optional<EventLocation>& SentencePlace(const Document& doc, size_t j,
                                                  const Gazetteer& gaz, DocPlaces& ctx) {
  if (ctx.sentence_places.size() != doc.sentences.size()) {
    ctx.sentence_places.assign(doc.sentences.size(), std::nullopt);
  }
  std::optional<std::optional<EventLocation>>& slot = ctx.sentence_places[j];
  if (!slot) {
    const Span sj = doc.sentences[j].span;
    if (auto m = BestInContext(doc, sj, gaz, ctx)) {
      slot.emplace(Located(doc, doc.sentences[j], *m, gaz, ctx));
    } else {
      slot.emplace(std::nullopt);
    }
  }
  return *slot;
}

// A text about a province (the dominant place is a first-level division or a part of one) that
// names one town of it, however often: that town, the province's only place the text knows. None
// when it names no town of the province or several.
const PlaceMention* LoneTownOf(const Document& doc, const PlaceMention& province, DocPlaces& ctx) {
  if (Rank(province) < 3 || Rank(province) > 4) return nullptr;
  const std::vector<Usable>& all = ctx.Usables();
  const GeoId admin1 = province.kind == PlaceKind::kAdmin1 ? province.geo_id : kNoGeoId;
  const PlaceMention* town = nullptr;
  for (size_t u = 0; u < all.size(); ++u) {
    const PlaceMention& m = *all[u].m;
    if (m.kind != PlaceKind::kPlace || Rank(m) == 0 || m.country != province.country ||
        (all[u].admin1 != admin1 && m.admin1 != province.admin1)) {
      continue;
    }
    const Verdict& v = ctx.JudgeOf(u);
    if (v.dropped || v.moved) continue;
    if (town != nullptr && town->geo_id != m.geo_id) return nullptr;
    if (town == nullptr) town = &m;
  }
  return town;
}

// Where the document as a whole puts an event its sentences do not place: the dominant place,
// else the one country of its named actors or of its mission, else the dominant place with
// demonyms. The same for every sentence.
EventLocation DocumentPlace(const Document& doc, const Gazetteer& gaz, DocPlaces& ctx) {
  int k = Dominant(doc, /*allow_demonyms=*/false);
  ctx.dominant = k;
  if (k >= 0) return FromMention(doc, doc.places[k], gaz, ctx);
  if (EventLocation loc = ActorCountry(doc, gaz); loc.found()) return loc;
  if (EventLocation loc = MissionCountryOf(doc, gaz); loc.found()) return loc;
  k = Dominant(doc, /*allow_demonyms=*/true);
  if (k >= 0) return FromMention(doc, doc.places[k], gaz, ctx);
  return EventLocation{};
}

// LocateEvent's place before mission areas: a memo of `ctx`, or an answer kept in ctx.made.
const EventLocation& LocateInText(const Document& doc, size_t sentence, const Gazetteer& gaz,
                                  DocPlaces& ctx) {
  auto made = [&](EventLocation loc) -> const EventLocation& {
    return ctx.made.emplace_front(std::move(loc));
  };
  if (sentence < doc.sentences.size()) {
    const Span s = doc.sentences[sentence].span;
    // The coder's own statement of where the event is placed ("between Foube and Barsalogho
    // (coded as Foube at geoprecision 2)"), anywhere in the sentence's paragraph: the last one
    // that holds the sentence (paragraphs are disjoint, in text order; the ones before the last
    // to start by the sentence's start end by it).
    Span para{0, 0};
    for (auto p = std::upper_bound(doc.paragraphs.begin(), doc.paragraphs.end(), s.begin,
                                   [](uint32_t pos, const Span& q) { return pos < q.begin; });
         p != doc.paragraphs.begin();) {
      --p;
      if (Inside(s, *p)) {
        para = *p;
        break;
      }
      if (p->end < s.begin) break;
    }
    const Span scope = para.empty() ? s : para;
    for (const PlaceMention& c : doc.places) {
      if (!ctx.MayBeCoded()) break;
      if (!Inside(c.span, scope) || !IsCodedLocation(doc, c.span)) continue;
      if (auto m = BestInContext(doc, c.span, gaz, ctx)) {
        return made(FromMention(doc, *m, gaz, ctx));
      }
    }
    // Not a copy: the memo of sentence places keeps its slots for the whole document.
    const std::optional<EventLocation>& found = SentencePlace(doc, sentence, gaz, ctx);
    // A coded name the places layer did not read ("coded as Gorom-Gorom"): looked up in the
    // country the event is otherwise placed in, else the named actors' countries.
    if (auto coded = ctx.MayBeCoded() ? CodedUnread(doc, scope, gaz, found ? found->iso3 : std::string())
                                      : std::nullopt) {
      return made(FromMention(doc, *coded, gaz, ctx));
    }
    if (found) return *found;
    // Earlier sentences of the same paragraph, nearest first. One that names only a country
    // ("the biggest bust in Jamaica") gives way to an earlier one placing the event inside it
    // ("in Spur Tree, Manchester parish").
    const EventLocation* country_only = nullptr;
    for (size_t j = sentence; j-- > 0;) {
      const Span sj = doc.sentences[j].span;
      if (para.empty() || !Inside(sj, para)) break;
      if (const std::optional<EventLocation>& place = SentencePlace(doc, j, gaz, ctx)) {
        if (country_only == nullptr && place->where_prec >= 6) {
          country_only = &*place;
          continue;
        }
        if (country_only == nullptr || place->iso3 == country_only->iso3) return *place;
        break;
      }
    }
    if (country_only != nullptr) return *country_only;
    // A village the places layer did not read, named after a locative word by a sentence that
    // places nothing else ("gunmen attacked the village of X", with at most a province or a
    // country elsewhere in the text): the place of that name in the document's country, else in
    // the named actors' countries, else in the one country that has a place of that name.
    if (!ctx.document_place) ctx.document_place = DocumentPlace(doc, gaz, ctx);
    if (!ctx.document_place->found() || ctx.document_place->where_prec >= 4) {
      if (std::optional<Span> name = UnreadNameAfterCue(doc, s, ctx.KnownNames())) {
        if (auto m = UnreadInCountries(doc, *name, gaz, ctx.document_place->iso3)) {
          return made(FromMention(doc, *m, gaz, ctx));
        }
      }
    }
  }
  if (!ctx.document_place) ctx.document_place = DocumentPlace(doc, gaz, ctx);
  // The dominant province's lone town, when the text names one, rather than the province.
  if (!ctx.lone_town) {
    std::optional<EventLocation>& town_place = ctx.lone_town.emplace();
    if (ctx.dominant >= 0) {
      if (const PlaceMention* town = LoneTownOf(doc, doc.places[ctx.dominant], ctx)) {
        town_place = FromMention(doc, *town, gaz, ctx);
      }
    }
  }
  return *ctx.lone_town ? **ctx.lone_town : *ctx.document_place;
}

}  // namespace

namespace locate_internal {

bool GluedArticle(std::string_view written) {
  // (Byte tests: this runs for every place an event is located at.)
  return written.size() > 3 && written[1] == 'l' && written[2] == '-' &&
         (written[0] == 'a' || written[0] == 'A' || written[0] == 'e' || written[0] == 'E');
}

FoldedText FoldText(std::string_view text, const Gazetteer& gaz) {
  FoldedText f;
  f.folded = FoldName(text);
  f.folded_ids = gaz.FindFolded(f.folded);
  f.loose = LooseKey(f.folded);
  f.loose_ids = gaz.FindLoose(f.loose);
  return f;
}

FoldedText FoldKey(std::string_view text, const Gazetteer& gaz) {
  FoldedText f;
  f.folded = FoldName(text);
  f.folded_ids = gaz.FindFolded(f.folded);
  return f;
}

FoldedText FoldKeyMemo(std::string_view text, const Gazetteer& gaz) {
  const FoldMemoProbe probe = ProbeFoldMemo(text, gaz);
  if (probe.hit) {
    const FoldMemo::Slot& slot = *probe.slot;
    return {std::string(slot.folded, slot.folded_len), slot.folded_ids(), {}, {}};
  }
  FoldedText f = FoldKey(text, gaz);
  StoreInFoldMemo(probe, text, f, /*loose_known=*/false);
  return f;
}

FoldedText FoldTextMemo(std::string_view text, const Gazetteer& gaz) {
  const FoldMemoProbe probe = ProbeFoldMemo(text, gaz);
  if (probe.hit) {
    FoldMemo::Slot& slot = *probe.slot;
    if (!slot.loose_known) {
      std::string loose;
      CompleteLoose(slot, gaz, &loose);
      return {std::string(slot.folded, slot.folded_len), slot.folded_ids(), std::move(loose),
              slot.loose_ids()};
    }
    return {std::string(slot.folded, slot.folded_len), slot.folded_ids(),
            std::string(slot.loose, slot.loose_len), slot.loose_ids()};
  }
  FoldedText f = FoldText(text, gaz);
  StoreInFoldMemo(probe, text, f);
  return f;
}

bool MayBeVillageDesignator(std::string_view word) {
  if (word.empty()) return false;
  return sitrep::MayBeVillageDesignator(word.data(), Span{0, static_cast<uint32_t>(word.size())});
}

size_t BoundedEditDistance(std::string_view a, std::string_view b, size_t cap) {
  return sitrep::BoundedEditDistance(a, b, cap);
}

std::string_view EmbeddedCityDivisionsTsv() { return kCityDivisionsTsv; }

std::string_view CityDivisionName(std::string_view code) { return sitrep::CityDivisionName(code); }

std::string_view CityDivisionNameOf(const Gazetteer& gaz, GeoId a1) {
  return sitrep::CityDivisionNameOf(gaz, a1);
}

bool SpellsDivisionName(std::string_view written, const GeoEntry& admin1) {
  return sitrep::SpellsDivisionName(written, admin1);
}

std::vector<std::string> Admin1SpellingsInTurn(const Document& doc, const Gazetteer& gaz,
                                               std::span<const GeoId> admin1s) {
  WrittenNames memo;
  std::vector<std::string> out;
  for (GeoId a : admin1s) out.push_back(sitrep::Admin1AsWritten(doc, a, gaz, memo));
  return out;
}

bool FollowsAsContainer(const Document& doc, const PlaceMention& inner, const PlaceMention& outer) {
  return sitrep::FollowsAsContainer(doc, inner, outer);
}

// FollowsAsContainer allows at most six words between the two mentions, so only the outers
// starting by the seventh token after `inner` are tried.
bool AnyFollowsAsContainer(const Document& doc, const PlaceMention& inner,
                           std::span<const PlaceMention* const> outers) {
  auto it =
      std::lower_bound(outers.begin(), outers.end(), inner.span.end,
                       [](const PlaceMention* o, uint32_t pos) { return o->span.begin < pos; });
  // (None after it, as for most: no token looked up.)
  if (it == outers.end()) return false;
  const size_t t = TokenAt(doc, inner.span.end);
  const uint32_t limit = t + 6 < doc.tokens.size() ? doc.tokens[t + 6].span.begin : UINT32_MAX;
  for (; it != outers.end() && (*it)->span.begin <= limit; ++it) {
    if (sitrep::FollowsAsContainer(doc, inner, **it)) return true;
  }
  return false;
}

}  // namespace locate_internal

struct LocateCache::Impl {
  DocPlaces places;
};

namespace {

// The DocPlaces of the calling thread not held by a live LocateCache: a cache takes one at its
// first sentence and gives it back when destroyed, so documents read one after another on a
// thread share the buffers, and caches alive at once each get their own.
std::vector<std::unique_ptr<LocateCache::Impl>>& SpareDocPlaces() {
  thread_local std::vector<std::unique_ptr<LocateCache::Impl>> spare;
  return spare;
}

}  // namespace

LocateCache::LocateCache(bool share_verdicts) : share_verdicts_(share_verdicts) {}
LocateCache::~LocateCache() {
  if (impl_) SpareDocPlaces().push_back(std::move(impl_));
}

EventLocation LocateEvent(const Document& doc, size_t sentence, const Gazetteer& gaz) {
  LocateCache cache;
  return LocateEvent(doc, sentence, gaz, cache);
}

EventLocation LocateEvent(const Document& doc, size_t sentence, const Gazetteer& gaz,
                          LocateCache& cache) {
  return LocatedEvent(doc, sentence, gaz, cache);
}

const EventLocation& LocatedEvent(const Document& doc, size_t sentence, const Gazetteer& gaz,
                                  LocateCache& cache) {
  std::unique_ptr<LocateCache::Impl>& impl = cache.impl_;
  if (!impl) {
    std::vector<std::unique_ptr<LocateCache::Impl>>& spare = SpareDocPlaces();
    if (spare.empty()) {
      impl = std::make_unique<LocateCache::Impl>();
    } else {
      impl = std::move(spare.back());
      spare.pop_back();
    }
    impl->places.Reset(doc, gaz, cache.share_verdicts_);
    impl->places.coded = cache.text_has_coded_;
  }
  DocPlaces& ctx = impl->places;
  // A sentence past the end is not memoized (its answer is made again at each ask).
  const bool memoized = sentence < doc.sentences.size();
  if (memoized) {
    if (ctx.located.size() != doc.sentences.size()) {
      ctx.located.assign(doc.sentences.size(), nullptr);
    }
    if (const EventLocation* known = ctx.located[sentence]) return *known;
  }
  const EventLocation* loc = &LocateInText(doc, sentence, gaz, ctx);
  const Span s =
      memoized ? doc.sentences[sentence].span : Span{0, static_cast<uint32_t>(doc.text.size())};
  if (auto in_area = InMissionArea(doc, s, gaz, *loc, ctx)) {
    loc = &ctx.made.emplace_front(std::move(*in_area));
  }
  if (memoized) ctx.located[sentence] = loc;
  return *loc;
}

std::optional<EventLocation> VillageInside(const Document& doc, const EventLocation& chosen,
                                           uint32_t sentence,
                                           const std::function<bool()>& at_home) {
  if (!chosen.found() || chosen.geonameid == 0 || chosen.where_prec > 4 ||
      sentence >= doc.sentences.size()) {
    return std::nullopt;
  }
  const Span span = doc.sentences[sentence].span;
  // The chosen place's own sentence was read with its villages already (NameVillage).
  if (Inside(chosen.evidence, span)) return std::nullopt;
  // Places are in text order: the mentions of a span start from the first at or after it.
  auto places_from = [&](uint32_t pos) {
    return std::lower_bound(doc.places.begin(), doc.places.end(), pos,
                            [](const PlaceMention& m, uint32_t p) { return m.span.begin < p; });
  };
  // "of Barangay Y, Town": where someone lives, in the chosen town written after it.
  auto home_in_chosen = [&](Span name) {
    if (!LivesAtVillage(doc, name)) return false;
    PlaceMention village;
    village.span = name;
    for (auto it = places_from(name.end); it != doc.places.end() && it->span.begin < span.end;
         ++it) {
      if (it->geonameid == chosen.geonameid && FollowsAsContainer(doc, village, *it)) return true;
    }
    return false;
  };
  const std::optional<Span> name = DesignatedVillage(
      doc, span, doc.sentences[sentence].token_begin, doc.sentences[sentence].token_end,
      [&](Span name) {
        return StatedAtVillage(doc, name) || (at_home && home_in_chosen(name) && at_home());
      });
  if (!name) return std::nullopt;
  auto own = places_from(chosen.evidence.begin);
  if (own == doc.places.end() || own->span != chosen.evidence || Rank(*own) < 3) {
    return std::nullopt;
  }
  // A mention that puts the sentence elsewhere: another country, another division, or a place as
  // fine as the chosen one but not it.
  for (auto it = places_from(span.begin); it != doc.places.end() && it->span.begin < span.end;
       ++it) {
    const PlaceMention& m = *it;
    if (!Inside(m.span, span) || Rank(m) == 0 || m.geonameid == chosen.geonameid) continue;
    if (m.country != own->country ||
        (m.kind != PlaceKind::kCountry && (Rank(m) >= Rank(*own) || m.admin1 != own->admin1))) {
      return std::nullopt;
    }
  }
  EventLocation loc = chosen;
  loc.location = std::string(doc.Slice(*name));
  loc.geonameid = 0;
  loc.evidence = *name;
  if (chosen.where_prec == 1) {
    loc.geo_precision = 2;
    loc.where_prec = 2;
  }
  return loc;
}

std::string CapitalAdmin1(const Gazetteer& gaz, std::string_view iso3) {
  std::optional<GeoEntry> capital = CapitalOf(gaz, iso3);
  if (!capital || capital->admin1_id() >= gaz.size()) return {};
  const GeoEntry a1 = gaz.Entry(capital->admin1_id());
  const std::string_view city = CityDivisionName(a1.code());
  return std::string(city.empty() ? a1.name() : city);
}

}  // namespace sitrep
