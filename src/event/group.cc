// Grouping mentions into incidents, and casualty frames into incidents.
//
// Headlines in a list of links to other stories ("You may also like: ...") are not mentions.
// Mentions are taken in text order. A mention joins an incident that already has a mention in
// its sentence. Otherwise it is compared with every incident so far: an incident is ruled out
// when the mention's sentence names a place that conflicts with the incident's place (another
// country, another admin1, another town more than 30 km away) or a date range that does not
// overlap the incident's; among the rest the best match wins (same place > same country >
// same date; a definite anaphor "the raid" or a nearby sentence adds a little; ties go to the
// most recent). "In a separate attack", "elsewhere" and "another attack" start a new incident.
// Strategic developments join any compatible incident ("the operation led to the confiscation
// of weapons"). No compatible incident → a new one.
//
// A place or date only counts as the mention's own when its sentence states it; the incident's
// anchors are the first ones stated, refined by a more specific compatible place later.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <optional>

#include "event/dates.h"
#include "event/event_internal.h"
#include "sitrep/pipeline.h"
#include "sitrep/places.h"
#include "sitrep/timex.h"
#include "util/stable_sort_small.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define SITREP_CUE_WORDS_AVX2 1
#endif

namespace sitrep::event {
namespace {

constexpr double kSameTownKm = 30.0;

bool Inside(Span inner, Span outer) { return inner.begin >= outer.begin && inner.end <= outer.end; }

const EventLocation kNowhere;  // found() false

double DistanceKm(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kRad = 3.14159265358979323846 / 180.0;
  const double dlat = (lat2 - lat1) * kRad, dlon = (lon2 - lon1) * kRad;
  const double a =
      std::sin(dlat / 2) * std::sin(dlat / 2) +
      std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 6371.0 * 2 * std::atan2(std::sqrt(a), std::sqrt(1 - a));
}

// True when a place mention follows a locative word ("in", "near", "outside"...) within three
// tokens ("in Iraq's western Anbar province", "near the town of X"): a place the event is said
// to be at, not one named in passing ("the U.S. Treasury").
bool IsLocative(const Document& doc, const PlaceMention& m) {
  auto tok = doc.FirstTokenFrom(m.span.begin);
  // Lengths known at compile time: this runs for every place of every sentence with a mention.
  static constexpr std::string_view kCues[] = {
      "in", "near", "at", "outside", "around", "across", "inside", "into",
      "on", "of",   "hit", "targeted", "attacked", "struck", "coded"};
  // Whether some cue has this size and first letter: one table load turns away most words
  // before the cues are compared.
  static constexpr size_t kMaxSize = 8;
  static constexpr auto kSizeAndFirst = [] {
    std::array<std::array<bool, 26>, kMaxSize + 1> t{};
    for (const std::string_view cue : kCues) t[cue.size()][cue[0] - 'a'] = true;
    return t;
  }();
  for (int back = 1; back <= 3 && tok - back >= doc.tokens.begin(); ++back) {
    const std::string_view w = doc.Slice((tok - back)->span);
    // (A byte or'ed with 0x20 is a lower-case letter exactly when the byte is a letter.)
    const unsigned first = w.empty() ? 26u : static_cast<unsigned char>(w[0] | 0x20) - 'a';
    if (w.size() <= kMaxSize && first < 26 && kSizeAndFirst[w.size()][first]) {
      for (std::string_view cue : kCues) {
        if (EqualsLower(w, cue)) return true;
      }
    }
    if ((tok - back)->kind == TokenKind::kPunct) return false;
  }
  return false;
}

// True when the place is where the wounded or the dead were taken, not where the event was:
// "taken to a hospital in Kafanchan", "rushed to Kano", "admitted at the clinic in X", "the
// bodies were moved to the morgue in Y" (a care word, or a transfer verb followed by "to",
// "into", "across"..., within six tokens before).
bool IsDestination(const Document& doc, const PlaceMention& m) {
  auto tok = doc.FirstTokenFrom(m.span.begin);
  for (int back = 1; back <= 6 && tok - back >= doc.tokens.begin(); ++back) {
    const Token& t = *(tok - back);
    if (t.kind == TokenKind::kPunct) return false;
    const std::string_view w = doc.Slice(t.span);
    if (w.size() < 5 || w.size() > 12) continue;  // the lengths of the words below
    // Their first letters, as a bit each ("a" "c" "e" "h" "m" "r" "t"): most words have none.
    constexpr uint32_t kFirst = 1u << ('a' - 'a') | 1u << ('c' - 'a') | 1u << ('e' - 'a') |
                                1u << ('h' - 'a') | 1u << ('m' - 'a') | 1u << ('r' - 'a') |
                                1u << ('t' - 'a');
    const unsigned first = static_cast<unsigned char>(w[0] | 0x20) - 'a';
    if (first >= 26 || (kFirst >> first & 1) == 0) continue;
    static constexpr std::string_view kCues[] = {"hospital",     "hospitals",   "clinic",
                                                 "morgue",       "mortuary",    "admitted",
                                                 "treated",      "hospitalized", "hospitalised"};
    for (std::string_view cue : kCues) {
      if (EqualsLower(w, cue)) return true;
    }
    // A verb of moving only when it moves someone somewhere: "taken to", not "taken control of
    // the town of X". (The verb is looked for first: most words are none.)
    static constexpr std::string_view kMoves[] = {
        "taken", "rushed", "evacuated", "transferred", "airlifted", "referred", "moved"};
    static constexpr std::string_view kTowards[] = {"to", "into", "across", "back", "away"};
    const bool move = std::any_of(std::begin(kMoves), std::end(kMoves),
                                  [&](std::string_view cue) { return EqualsLower(w, cue); });
    if (!move) continue;
    const auto next = tok - back + 1;
    if (next < doc.tokens.end() &&
        std::any_of(std::begin(kTowards), std::end(kTowards),
                    [&](std::string_view to) { return EqualsLower(doc.Slice(next->span), to); })) {
      return true;
    }
  }
  return false;
}

// The mention that anchors sentence `span`, when it is usable and locative.
bool IsAnchorMention(const Document& doc, const PlaceMention& m, Span sentence) {
  return Inside(m.span, sentence) && !m.demonym && !m.metonymic && m.geo_id != kNoGeoId &&
         IsLocative(doc, m) && !IsDestination(doc, m);
}

bool PlacesConflict(const EventLocation& a, const EventLocation& b) {
  if (!a.found() || !b.found()) return false;
  if (a.iso3 != b.iso3) return true;
  if (!a.admin1.empty() && !b.admin1.empty() && a.admin1 != b.admin1) return true;
  if (a.where_prec <= 2 && b.where_prec <= 2 && a.geonameid != b.geonameid && a.has_coordinates &&
      b.has_coordinates && DistanceKm(a.lat, a.lon, b.lat, b.lon) > kSameTownKm) {
    return true;
  }
  return false;
}

// 0 unrelated/unknown, 1 same country, 2 same admin1, 3 same place.
int PlaceMatch(const EventLocation& a, const EventLocation& b) {
  if (!a.found() || !b.found() || a.iso3 != b.iso3) return 0;
  if (a.geonameid != 0 && a.geonameid == b.geonameid) return 3;
  if (!a.admin1.empty() && a.admin1 == b.admin1) return 2;
  return 1;
}

struct SentenceAnchor {
  // The sentence's place: its entry in the document's SentenceLocations, or kNowhere. Not a
  // copy: most anchors are compared, few become an incident's place.
  const EventLocation* place = &kNowhere;
  std::string date;
  Span date_span;
  std::optional<DayRange> date_range;  // ParseDateValue(date), set when `date` is
};


// The document's place mentions ordered by start, so that a sentence visits only its own, into
// `out` (its memory reused).
void PlacesByStart(const Document& doc, std::vector<const PlaceMention*>& out) {
  out.clear();
  out.reserve(doc.places.size());
  for (const PlaceMention& m : doc.places) out.push_back(&m);
  util::StableSortSmall(out.begin(), out.end(), [](const PlaceMention* a, const PlaceMention* b) {
    return a->span.begin < b->span.begin;
  });
}

SentenceAnchor AnchorOf(const Document& doc, uint32_t s, SentenceLocations& locations,
                        const std::vector<const PlaceMention*>& places) {
  SentenceAnchor a;
  const Span span = doc.sentences[s].span;
  if (locations.gazetteer() != nullptr) {
    // A mention inside the sentence starts in it (or at its end, when empty).
    auto first =
        std::lower_bound(places.begin(), places.end(), span.begin,
                         [](const PlaceMention* m, uint32_t pos) { return m->span.begin < pos; });
    auto last = first;
    while (last != places.end() && (*last)->span.begin <= span.end) ++last;
    if (std::any_of(first, last,
                    [&](const PlaceMention* m) { return IsAnchorMention(doc, *m, span); })) {
      const EventLocation& place = locations.At(s);
      // Only when the sentence's best place is itself a locative mention.
      bool locative = false;
      for (auto it = first; it != last; ++it) {
        locative |= (*it)->span == place.evidence && IsAnchorMention(doc, **it, span);
      }
      // A village the gazetteer lacks, named by its sentence ("in Barangay Malasibog, Escalante
      // City"): its name is the evidence, and it is stated as where when a locative word leads it.
      if (!locative && place.geonameid == 0 && Inside(place.evidence, span)) {
        PlaceMention village;
        village.span = place.evidence;
        locative = IsLocative(doc, village) && !IsDestination(doc, village);
      }
      if (locative) a.place = &place;
    }
  }
  for (const Timex& t : doc.TimexFrom(span.begin)) {
    if (t.span.begin >= span.end) break;
    if (!Inside(t.span, span) || t.type != TimexType::kDate) continue;
    auto r = ParseDateValue(t.value);
    if (!r || r->grain == DateGrain::kYear) continue;
    a.date = t.value;
    a.date_span = t.span;
    a.date_range = r;
    break;
  }
  return a;
}

// "the raid", "the joint raid", "this attack", "Sunday's blast": a definite description just
// before the trigger.
bool IsAnaphor(const Document& doc, const TriggerMention& t) {
  const Sentence& s = doc.sentences[t.sentence];
  // The sentence's first token at or after the trigger (its end when none).
  const auto first_from = static_cast<uint32_t>(doc.FirstTokenFrom(t.span.begin) - doc.tokens.begin());
  const uint32_t tok = std::clamp(first_from, s.token_begin, s.token_end);
  for (int back = 1; back <= 3 && tok >= s.token_begin + back; ++back) {
    // Compared lower-cased (EqualsLower), without building a string per word.
    const std::string_view w = doc.Slice(doc.tokens[tok - back].span);
    auto ends_with = [&](std::string_view suffix) {
      return w.size() >= suffix.size() && EqualsLower(w.substr(w.size() - suffix.size()), suffix);
    };
    if (EqualsLower(w, "the") || EqualsLower(w, "this") || EqualsLower(w, "that") ||
        EqualsLower(w, "its") || EqualsLower(w, "their") || ends_with("'s") ||
        ends_with("\xE2\x80\x99s")) {
      return true;
    }
    if (EqualsLower(w, "a") || EqualsLower(w, "an") ||
        doc.tokens[tok - back].kind != TokenKind::kWord) {
      return false;
    }
  }
  return false;
}

bool FamiliesCompatible(Family a, Family b) {
  return a == b || a == Family::kStrategic || b == Family::kStrategic ||
         (a == Family::kViolent && b == Family::kDemonstration) ||
         (a == Family::kDemonstration && b == Family::kViolent);
}

// More specific = smaller where_prec.
bool MoreSpecific(const EventLocation& a, const EventLocation& b) {
  return a.found() && (!b.found() || a.where_prec < b.where_prec);
}

// True when `p` opens "like", "read", "rela" or "stor" (readable for 4 bytes): the first four
// bytes of a word each link-list cue holds.
bool OpensCueWord(const char* p) {
  return std::memcmp(p, "like", 4) == 0 || std::memcmp(p, "read", 4) == 0 ||
         std::memcmp(p, "rela", 4) == 0 || std::memcmp(p, "stor", 4) == 0;
}

#if defined(SITREP_CUE_WORDS_AVX2)
// CueWordStarts' block test with thirty-two starts: bit i set when p + i may open a cue word
// (its first and fourth bytes). A function, not a lambda: a lambda does not take its caller's
// target.
__attribute__((target("avx2"), always_inline)) inline uint32_t CueWordBlock32(const char* p) {
  const __m256i first = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
  const __m256i fourth = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + 3));
  const __m256i l = _mm256_set1_epi8('l'), r = _mm256_set1_epi8('r'), s = _mm256_set1_epi8('s');
  const __m256i e = _mm256_set1_epi8('e'), d = _mm256_set1_epi8('d'), a = _mm256_set1_epi8('a');
  __m256i hit = _mm256_and_si256(_mm256_cmpeq_epi8(first, l), _mm256_cmpeq_epi8(fourth, e));
  hit = _mm256_or_si256(hit, _mm256_and_si256(_mm256_cmpeq_epi8(first, r),
                                              _mm256_or_si256(_mm256_cmpeq_epi8(fourth, d),
                                                              _mm256_cmpeq_epi8(fourth, a))));
  hit = _mm256_or_si256(
      hit, _mm256_and_si256(_mm256_cmpeq_epi8(first, s), _mm256_cmpeq_epi8(fourth, r)));
  return static_cast<uint32_t>(_mm256_movemask_epi8(hit));
}

// CueWordStarts with thirty-two starts a block: appends the starts from 0 on that open a cue
// word, and returns the first start not tested (all of them are when the text holds a block).
__attribute__((target("avx2"))) size_t CueWordStartsAvx2(std::string_view text,
                                                         std::vector<size_t>* starts) {
  const char* const p = text.data();
  const size_t n = text.size();
  auto add = [&](size_t from, uint32_t mask) {
    for (; mask != 0; mask &= mask - 1) {
      const size_t start = from + static_cast<size_t>(__builtin_ctz(mask));
      if (OpensCueWord(p + start)) starts->push_back(start);
    }
  };
  size_t at = 0;
  for (; at + 35 <= n; at += 32) add(at, CueWordBlock32(p + at));
  // The last starts, in one block ending at the text's end (the starts tried before masked off;
  // 0 < at - from < 32).
  if (n >= 35 && at + 4 <= n) {
    const size_t from = n - 35;
    add(from, CueWordBlock32(p + from) & ~((1u << (at - from)) - 1));
    at = n - 3;
  }
  return at;
}
#endif

// Fills `starts` with every start in `text` of "like", "read", "rela" or "stor" (OpensCueWord),
// in text order.
void CueWordStarts(std::string_view text, std::vector<size_t>* starts) {
  starts->clear();
  const char* const p = text.data();
  const size_t n = text.size();
  size_t at = 0;
#if defined(SITREP_CUE_WORDS_AVX2)
  if (CpuHasAvx2()) at = CueWordStartsAvx2(text, starts);
#endif
#if defined(__SSE2__)
  // Sixteen starts a block, by their first and fourth bytes (l..e, r..d, r..a, s..r); each
  // candidate is then compared whole. The fourth bytes of the block's starts end at from + 18.
  const __m128i l = _mm_set1_epi8('l'), r = _mm_set1_epi8('r'), s = _mm_set1_epi8('s');
  const __m128i e = _mm_set1_epi8('e'), d = _mm_set1_epi8('d'), a = _mm_set1_epi8('a');
  auto block = [&](size_t from) {
    const __m128i first = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + from));
    const __m128i fourth = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + from + 3));
    __m128i hit = _mm_and_si128(_mm_cmpeq_epi8(first, l), _mm_cmpeq_epi8(fourth, e));
    hit = _mm_or_si128(
        hit, _mm_and_si128(_mm_cmpeq_epi8(first, r),
                           _mm_or_si128(_mm_cmpeq_epi8(fourth, d), _mm_cmpeq_epi8(fourth, a))));
    hit = _mm_or_si128(hit, _mm_and_si128(_mm_cmpeq_epi8(first, s), _mm_cmpeq_epi8(fourth, r)));
    return static_cast<unsigned>(_mm_movemask_epi8(hit));
  };
  auto add = [&](size_t from, unsigned mask) {
    for (; mask != 0; mask &= mask - 1) {
      const size_t start = from + static_cast<size_t>(__builtin_ctz(mask));
      if (OpensCueWord(p + start)) starts->push_back(start);
    }
  };
  for (; at + 19 <= n; at += 16) add(at, block(at));
  // The last starts, in one block ending at the text's end (the starts tried before masked off;
  // 0 < at - from < 16).
  if (n >= 19 && at + 4 <= n) {
    const size_t from = n - 19;
    add(from, block(from) & ~((1u << (at - from)) - 1));
    at = n - 3;
  }
#endif
  for (; at + 4 <= n; ++at) {
    if (OpensCueWord(p + at)) starts->push_back(at);
  }
}

// Lists of links to other stories ("You may also like these stories: ...", "Further Reading:
// ..."): from the cue to the end of its paragraph, headlines of other incidents.
std::vector<Span> FindLinkLists(const Document& doc, std::string_view lower) {
  static constexpr std::string_view kCues[] = {
      "you may also like", "further reading:",    "related stories",
      "related articles",  "related news:",       "read more:",
      "also read:",        "recommended stories", "more stories:"};
  // Each cue holds a word that CueWordStarts finds ("like", "read", "related", "stories"),
  // at this offset: one pass over the text finds every cue, where a search per word and per cue
  // read it up to eight times. Most texts have none of the words.
  static constexpr size_t kWordOffset[] = {13, 8, 0, 0, 0, 0, 5, 12, 5};
  static_assert(std::size(kWordOffset) == std::size(kCues));
  std::vector<Span> out;
  thread_local std::vector<size_t> words;
  thread_local std::vector<std::pair<size_t, size_t>> found;  // (cue, position)
  found.clear();
  CueWordStarts(lower, &words);
  for (const size_t word : words) {
    for (size_t k = 0; k < std::size(kCues); ++k) {
      const std::string_view cue = kCues[k];
      if (word < kWordOffset[k] ||
          std::memcmp(lower.data() + word, cue.data() + kWordOffset[k], 4) != 0) {
        continue;
      }
      const size_t at = word - kWordOffset[k];
      if (lower.substr(at, cue.size()) == cue) found.emplace_back(k, at);
    }
  }
  if (found.empty()) return out;
  // Cue by cue, each in text order (as the texts were found in).
  std::stable_sort(found.begin(), found.end(),
                   [](const auto& x, const auto& y) { return x.first < y.first; });
  for (const auto& [k, at] : found) {
    // The cue's paragraph, then the short headline-like paragraphs after it (no final
    // period), one link each.
    uint32_t end = static_cast<uint32_t>(doc.text.size());
    size_t p = 0;
    while (p < doc.paragraphs.size() &&
           !(doc.paragraphs[p].begin <= at && at < doc.paragraphs[p].end)) {
      ++p;
    }
    if (p < doc.paragraphs.size()) {
      end = doc.paragraphs[p].end;
      for (++p; p < doc.paragraphs.size(); ++p) {
        const std::string_view para = doc.Slice(doc.paragraphs[p]);
        if (para.size() > 160 || para.empty() || para.back() == '.') break;
        end = doc.paragraphs[p].end;
      }
    }
    out.push_back({static_cast<uint32_t>(at), end});
  }
  return out;
}

bool InLinkList(const std::vector<Span>& lists, Span s) {
  for (const Span& l : lists) {
    if (s.begin >= l.begin && s.begin < l.end) return true;
  }
  return false;
}

}  // namespace

std::vector<Span> LinkLists(const Document& doc) { return FindLinkLists(doc, Lower(doc.text)); }

std::vector<Span> LinkLists(const Document& doc, std::string_view lower) {
  return FindLinkLists(doc, lower);
}

bool Incident::HasSentence(const Document& doc, uint32_t s) const {
  for (uint32_t t : triggers) {
    if (doc.triggers[t].sentence == s) return true;
  }
  return false;
}

Family FamilyOf(std::string_view event_type) {
  if (event_type == "Strategic developments") return Family::kStrategic;
  if (event_type == "Protests" || event_type == "Riots") return Family::kDemonstration;
  return Family::kViolent;
}

uint32_t OpeningToken(const Document& doc, uint32_t sentence) {
  const Sentence& s = doc.sentences[sentence];
  uint32_t first = s.token_begin;
  while (first < s.token_end && doc.tokens[first].kind != TokenKind::kWord &&
         doc.tokens[first].kind != TokenKind::kNumber) {
    ++first;
  }
  if (first >= s.token_end) return s.token_end;
  const std::string w = Lower(doc.Slice(doc.tokens[first].span));
  return w == "on" || w == "in" ? std::min(first + 1, s.token_end) : first;
}

bool SaysSeparateIncident(const Document& doc, uint32_t sentence) {
  const Sentence& s = doc.sentences[sentence];
  for (uint32_t k = s.token_begin; k < s.token_end; ++k) {
    const std::string_view w = doc.Slice(doc.tokens[k].span);
    if (w.size() < 6 || w.size() > 10) continue;  // the lengths of the words below
    if (EqualsLower(w, "separate") || EqualsLower(w, "separately") || EqualsLower(w, "elsewhere") ||
        EqualsLower(w, "meanwhile")) {
      return true;
    }
    if ((EqualsLower(w, "another") || EqualsLower(w, "second")) && k + 1 < s.token_end) {
      const std::string_view next = doc.Slice(doc.tokens[k + 1].span);
      for (std::string_view n :
           {"attack", "incident", "raid", "strike", "blast", "explosion", "clash", "ambush"}) {
        if (EqualsLower(next, n)) return true;
      }
    }
  }
  return false;
}

namespace {

// A sentence that opens with its own past date ("On February 15, ...", "On Sunday, ...", "A day
// earlier, ...") recalls an earlier day; that day is before the day before publication.
bool OpensWithPastDate(const Document& doc, uint32_t sentence, const SentenceAnchor& a) {
  if (a.date.empty() || a.date_span.empty()) return false;
  const uint32_t opening = OpeningToken(doc, sentence);
  if (opening >= doc.sentences[sentence].token_end ||
      a.date_span.begin != doc.tokens[opening].span.begin) {
    return false;
  }
  const auto pub = ParseDateValue(std::string_view(doc.published).substr(0, 10));
  const auto date = ParseDateValue(a.date);
  return pub && date && date->grain == DateGrain::kDay && date->last < pub->first - 1;
}

}  // namespace

std::vector<Incident> GroupMentions(const Document& doc, const Gazetteer* gaz) {
  SentenceLocations locations(doc, gaz);
  std::vector<Incident> incidents;
  GroupMentions(doc, locations, LinkLists(doc), &incidents);  // (a new pool: all the document's)
  return incidents;
}

size_t GroupMentions(const Document& doc, SentenceLocations& locations,
                     const std::vector<Span>& links, std::vector<Incident>* pool) {
  // The document's incidents are the first `count` of the pool; a new one takes the next
  // incident's memory, emptied (assigned an empty incident: its lists and strings keep their
  // memory).
  static const Incident kNoIncident;
  size_t count = 0;
  pool->reserve(doc.triggers.size());  // at most one per mention
  auto new_incident = [&]() -> Incident& {
    if (count < pool->size()) {
      (*pool)[count] = kNoIncident;
    } else {
      pool->emplace_back();
    }
    return (*pool)[count++];
  };
  // Arrays of the calling thread, reused from document to document (nothing below comes back
  // here).
  thread_local struct {
    std::vector<std::optional<SentenceAnchor>> anchors;
    std::vector<uint8_t> families;
    std::vector<std::optional<DayRange>> dates;
    std::vector<int> latest;
    std::vector<const PlaceMention*> places;
  } scratch;
  std::vector<std::optional<SentenceAnchor>>& anchors = scratch.anchors;
  anchors.assign(doc.sentences.size(), std::nullopt);
  // PlacesByStart, at first use (in a list of the thread, kept from document to document).
  bool places_read = false;
  std::vector<const PlaceMention*>& places = scratch.places;
  // Per incident, the families of its mentions as bits (1 << family): what compatibility
  // depends on, without a list growing with the mentions.
  std::vector<uint8_t>& families = scratch.families;
  families.clear();
  // Per incident, its date_value parsed: compared with every later mention's date, which parsed
  // both again each time (the number of mentions times the number of incidents).
  std::vector<std::optional<DayRange>>& dates = scratch.dates;
  dates.clear();
  // Per sentence, the last incident with a mention in it (-1 none): the incident a new
  // mention of that sentence joins.
  std::vector<int>& latest = scratch.latest;
  latest.assign(doc.sentences.size(), -1);
  for (uint32_t ti = 0; ti < doc.triggers.size(); ++ti) {
    const TriggerMention& t = doc.triggers[ti];
    if (t.historical || t.negated || t.sentence >= doc.sentences.size()) continue;
    if (InLinkList(links, t.span)) continue;
    if (!anchors[t.sentence]) {
      if (!places_read) {
        PlacesByStart(doc, places);
        places_read = true;
      }
      anchors[t.sentence] = AnchorOf(doc, t.sentence, locations, places);
    }
    const SentenceAnchor& a = *anchors[t.sentence];
    const Family fam = FamilyOf(t.event_type);

    int chosen = latest[t.sentence];
    // A mention of a sentence no incident has yet is compared with the incidents so far (the
    // document's first mention has none to compare with: it starts one).
    if (chosen < 0 && count > 0) {
      const bool anaphor = IsAnaphor(doc, t);
      const bool separate = !anaphor && SaysSeparateIncident(doc, t.sentence);
      // An incident told without a date is the report's news; a sentence opening with an
      // earlier day recalls another one unless it points back ("the attack").
      const bool recalled = !separate && !anaphor && OpensWithPastDate(doc, t.sentence, a);
      int best_score = -1;
      // ("In a separate attack": a new incident, compared with none.)
      for (int i = separate ? -1 : static_cast<int>(count) - 1; i >= 0; --i) {
        const Incident& inc = (*pool)[i];
        // A definite anaphor's date may be the report's ("by Sunday, the toll from the blast").
        if (PlacesConflict(inc.place, *a.place) ||
            (!anaphor && RangesConflict(dates[i], a.date_range)) ||
            (recalled && inc.date_value.empty())) {
          continue;
        }
        bool compatible = false;
        for (Family f : {Family::kViolent, Family::kDemonstration, Family::kStrategic}) {
          if (families[i] & (1u << static_cast<unsigned>(f))) {
            compatible |= FamiliesCompatible(f, fam);
          }
        }
        if (!compatible) continue;
        int score = 3 * PlaceMatch(inc.place, *a.place);
        if (!inc.date_value.empty() && inc.date_value == a.date) score += 2;
        if (anaphor) score += 1;
        if (t.sentence <= inc.last_sentence(doc) + 1) score += 1;
        if (score > best_score) {  // strict: ties keep the most recent
          best_score = score;
          chosen = i;
        }
      }
    }
    if (chosen < 0) {
      // Room for a few mentions at once: an incident has two or three, which grew the list
      // twice.
      new_incident().triggers.reserve(4);
      families.push_back(0);
      dates.emplace_back();
      chosen = static_cast<int>(count) - 1;
    }
    Incident& inc = (*pool)[chosen];
    inc.triggers.push_back(ti);
    latest[t.sentence] = std::max(latest[t.sentence], chosen);
    families[chosen] |= static_cast<uint8_t>(1u << static_cast<unsigned>(fam));
    if (MoreSpecific(*a.place, inc.place) && !PlacesConflict(inc.place, *a.place)) {
      inc.place = *a.place;
    }
    if (inc.date_value.empty() && !a.date.empty()) {
      inc.date_value = a.date;
      dates[chosen] = a.date_range;
      inc.date_span = a.date_span;
    }
  }
  return count;
}

void AssignFrames(const Document& doc, std::vector<Incident>* incidents) {
  AssignFrames(doc, LinkLists(doc), std::span<Incident>(*incidents));
}

void AssignFrames(const Document& doc, const std::vector<Span>& links,
                  std::span<Incident> incidents) {
  if (incidents.empty()) return;
  // Arrays of the calling thread, reused from document to document (nothing below comes back
  // here).
  thread_local struct {
    std::vector<uint8_t> state;
    std::vector<uint32_t> start, fill;
    std::vector<int> last_by;
    std::vector<std::pair<uint32_t, uint32_t>> mentions;
  } scratch;
  // Sentence state: 0 no trigger, 1 only background/negated triggers, 2 a news trigger.
  std::vector<uint8_t>& state = scratch.state;
  state.assign(doc.sentences.size(), 0);
  for (const TriggerMention& t : doc.triggers) {
    if (t.sentence >= state.size()) continue;
    const uint8_t v = (t.historical || t.negated) ? 1 : 2;
    state[t.sentence] = std::max(state[t.sentence], v);
  }
  const int pub_year = [&] {
    auto r = ParseDateValue(doc.published.substr(0, std::min<size_t>(10, doc.published.size())));
    return r ? YearOfDayNumber(r->first) : 0;
  }();
  auto old_date_in = [&](Span span) {
    if (pub_year == 0) return false;
    for (const Timex& t : doc.TimexFrom(span.begin)) {
      if (t.span.begin >= span.end) break;
      if (!Inside(t.span, span) || t.type != TimexType::kDate) continue;
      auto r = ParseDateValue(t.value);
      if (r && YearOfDayNumber(r->last) < pub_year - 1) return true;
    }
    return false;
  };

  // Per sentence, the incidents' mentions in it as (incident, trigger), incidents in order;
  // and the last incident mentioned in the sentence or, failing that, in the nearest one before
  // it (-1 none).
  // Sentence s holds [start[s], start[s + 1]) of `mentions` (laid out by counting).
  const size_t n = doc.sentences.size();
  std::vector<uint32_t>& start = scratch.start;
  start.assign(n + 1, 0);
  std::vector<int>& last_by = scratch.last_by;
  last_by.assign(n, -1);
  for (size_t i = 0; i < incidents.size(); ++i) {
    for (uint32_t ti : incidents[i].triggers) {
      const uint32_t s = doc.triggers[ti].sentence;
      if (s >= n) continue;  // never a frame's sentence
      ++start[s + 1];
      last_by[s] = static_cast<int>(i);
    }
  }
  for (size_t s = 0; s < n; ++s) start[s + 1] += start[s];
  std::vector<std::pair<uint32_t, uint32_t>>& mentions = scratch.mentions;
  mentions.resize(start[n]);
  {
    std::vector<uint32_t>& fill = scratch.fill;
    fill.assign(start.begin(), start.end() - 1);
    for (size_t i = 0; i < incidents.size(); ++i) {
      for (uint32_t ti : incidents[i].triggers) {
        const uint32_t s = doc.triggers[ti].sentence;
        if (s < n) mentions[fill[s]++] = {static_cast<uint32_t>(i), ti};
      }
    }
  }
  for (size_t s = 1; s < last_by.size(); ++s) {
    if (last_by[s] < 0) last_by[s] = last_by[s - 1];
  }

  for (uint32_t fi = 0; fi < doc.casualties.size(); ++fi) {
    const CasualtyFrame& f = doc.casualties[fi];
    if (f.sentence >= doc.sentences.size() || state[f.sentence] == 1) continue;
    if (InLinkList(links, f.span)) continue;
    int chosen = -1;
    if (state[f.sentence] == 2) {
      // The incident with a mention of this sentence nearest to the frame (the first on ties).
      long best = -1;
      for (uint32_t k = start[f.sentence]; k < start[f.sentence + 1]; ++k) {
        const auto [i, ti] = mentions[k];
        const TriggerMention& t = doc.triggers[ti];
        const long d = std::labs(static_cast<long>(t.span.begin) - static_cast<long>(f.span.begin));
        if (best < 0 || d < best) {
          best = d;
          chosen = static_cast<int>(i);
        }
      }
    }
    if (chosen < 0) {
      if (old_date_in(doc.sentences[f.sentence].span)) continue;
      // The incident mentioned last before this sentence, else the first one after it.
      chosen = last_by[f.sentence];
      if (chosen < 0) chosen = 0;
    }
    incidents[chosen].frames.push_back(fi);
  }
}

}  // namespace sitrep::event
