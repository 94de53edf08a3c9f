// Casualty aggregation for one event (rules in sitrep/events.h, AggregateCasualties).
#include <algorithm>
#include <array>
#include <span>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "event/event_internal.h"
#include "sitrep/pipeline.h"
#include "sitrep/events.h"
#include "sitrep/quantity.h"

namespace sitrep {
namespace {

constexpr size_t kNumCategories = 4;  // VictimCategory values

// Victim words that count people without saying who they were: such a count is a report of
// the total rather than of one side.
// Whether the last word of the frame's victims ("policemen" of "two Kenyan policemen") is one of
// `words`, in any case; false for a frame with no victims written.
template <size_t N>
bool VictimsHeadIs(const Document& doc, const CasualtyFrame& f,
                   const std::string_view (&words)[N]) {
  if (f.victims.empty()) return false;
  const std::string_view v = doc.Slice(f.victims);
  const size_t space = v.find_last_of(' ');
  const std::string_view head = space == std::string_view::npos ? v : v.substr(space + 1);
  return std::any_of(std::begin(words), std::end(words),
                     [&](std::string_view w) { return event::EqualsLower(head, w); });
}

bool IsGenericVictims(const Document& doc, const CasualtyFrame& f) {
  if (f.self_inflicted) return false;
  if (f.victims.empty()) return true;
  static constexpr std::string_view kGeneric[] = {
      "people", "persons", "person", "individuals", "individual", "others", "victims",
      "dead",   "bodies",  "lives",  "total",       "casualties", "more"};
  return VictimsHeadIs(doc, f, kGeneric);
}

// "His secretary was also killed": "also" inside the frame's own words, between its victims
// and its fate (not "Police also said five people were killed").
bool AlsoInFrame(const event::CasualtyContext& ctx, const CasualtyFrame& f) {
  return ctx.LowerOf(f.span).find(" also ") != std::string_view::npos;
}

// Counts of one category are alternatives across sentences, except a count said to be
// "another"/"more"/"other" victims, or "also" killed: a new group of its own that adds up.
// (Keying by the victims' head word, "soldiers" vs "policemen", was tried: worse on the UCDP
// and GTD dev sets.)
bool CountsOtherVictimsUncached(const event::CasualtyContext& ctx, const CasualtyFrame& f) {
  const std::string_view span_text = ctx.LowerOf(f.span);
  // ("Another three men": the frame starts at its count, after "another".)
  const uint32_t from = f.span.begin >= 8 ? f.span.begin - 8 : 0;
  // ("the other" of a pair is counted with the "one" before it, not set apart.)
  if (ctx.LowerOf(Span{from, f.span.begin}).ends_with("the ") &&
      span_text.starts_with("other ")) {
    return false;
  }
  return ctx.LowerOf(Span{from, f.span.begin}).ends_with("another ") ||
         span_text.find("another") != std::string_view::npos || AlsoInFrame(ctx, f) ||
         span_text.find(" more") != std::string_view::npos ||
         span_text.find("other ") != std::string_view::npos;
}

// CountsOtherVictims once per frame of the document (a fact of the frame's own words).
bool CountsOtherVictims(event::CasualtyContext& ctx, const CasualtyFrame& f) {
  int8_t* const slot = ctx.OtherVictimsSlot(f);
  if (slot == nullptr) return CountsOtherVictimsUncached(ctx, f);
  if (*slot < 0) *slot = CountsOtherVictimsUncached(ctx, f) ? 1 : 0;
  return *slot == 1;
}

// The key a frame's count adds up under within its category: its own when it counts other
// victims (CountsOtherVictims), else the category's.
std::string VictimKey(event::CasualtyContext& ctx, const CasualtyFrame& f) {
  return CountsOtherVictims(ctx, f) ? "#" + std::to_string(f.span.begin) : std::string();
}

// The words of a cumulative count over a period (HasPeriodWords), each with a leading space:
// whole words only ("areas of" is not "as of").
constexpr std::string_view kPeriod[] = {" since ",
                                        " since the beginning",
                                        " so far",
                                        " to date",
                                        " until today",
                                        " same period",
                                        " nationwide",
                                        " as of ",
                                        " across the country",
                                        " over the past",
                                        " over the last",
                                        " in recent months",
                                        " in recent years",
                                        " this year,"};
static_assert(std::all_of(std::begin(kPeriod), std::end(kPeriod), [](std::string_view w) {
  return w.size() >= 3 && w[0] == ' ' && w[1] >= 'a' && w[1] <= 'z' && w[2] >= 'a' && w[2] <= 'z';
}));
// A bit per pair of lower-case letters that opens a phrase after its space ("si", "so", "to"
// ...): most spaces of a sentence are followed by a pair that opens none.
constexpr std::array<uint64_t, (26 * 26 + 63) / 64> kPeriodPairs = [] {
  std::array<uint64_t, (26 * 26 + 63) / 64> t{};
  for (std::string_view w : kPeriod) {
    const size_t pair = static_cast<size_t>(w[1] - 'a') * 26 + static_cast<size_t>(w[2] - 'a');
    t[pair / 64] |= uint64_t{1} << (pair % 64);
  }
  return t;
}();

// Whether a phrase of kPeriod opens at `p`, a space of `lower`.
inline bool PeriodPhraseAt(std::string_view lower, size_t p) {
  if (p + 2 >= lower.size()) return false;  // (every phrase has two letters after its space)
  const unsigned a = static_cast<unsigned char>(lower[p + 1]) - 'a';
  const unsigned b = static_cast<unsigned char>(lower[p + 2]) - 'a';
  if (a >= 26 || b >= 26) return false;
  const size_t pair = a * 26 + b;
  if (((kPeriodPairs[pair / 64] >> (pair % 64)) & 1) == 0) return false;
  const std::string_view rest = lower.substr(p);
  for (std::string_view w : kPeriod) {
    if (w[1] == lower[p + 1] && rest.starts_with(w)) return true;
  }
  return false;
}

// A cumulative count over a period, not one incident's: "more than 780 people had been killed
// since Feb. 1", "killed nearly 850 civilians nationwide", "in the same period", "These
// attacks claimed the lives of 567 persons" after a sentence that opens the period.
// The phrases are tried at each space only (every phrase opens with one), the spaces found
// sixteen bytes at a time where SSE2 is, and only after a pair of letters that opens one (a
// find call per space and a test of every phrase there cost a third more).
bool HasPeriodWords(std::string_view lower) {
  const size_t n = lower.size();
  size_t at = 0;
#if defined(__SSE2__)
  const __m128i space = _mm_set1_epi8(' ');
  for (; at + 16 <= n; at += 16) {
    const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(lower.data() + at));
    for (auto mask = static_cast<uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(block, space)));
         mask != 0; mask &= mask - 1) {
      if (PeriodPhraseAt(lower, at + static_cast<size_t>(__builtin_ctz(mask)))) return true;
    }
  }
#endif
  for (; at < n; ++at) {
    if (lower[at] == ' ' && PeriodPhraseAt(lower, at)) return true;
  }
  return false;
}

// A perfect tense before the fate words: "have now died", "has been killed", "have also been".
// `spaced`: " " + the sentence's lower-case text, starting at `sentence_begin`.
bool PerfectBeforeFate(const CasualtyFrame& f, std::string_view spaced, uint32_t sentence_begin) {
  size_t fate = spaced.size() - 1;
  if (!f.fate_span.empty() && f.fate_span.begin >= sentence_begin) {
    fate = std::min<size_t>(fate, f.fate_span.begin - sentence_begin);
  }
  const std::string_view head = spaced.substr(0, 1 + fate);
  return head.find(" have ") != std::string_view::npos ||
         head.find(" has ") != std::string_view::npos;
}

bool IsCumulative(const Document& doc, event::CasualtyContext& ctx, const CasualtyFrame& f) {
  if (f.sentence >= doc.sentences.size() || f.is_update) return false;
  const Span sspan = doc.sentences[f.sentence].span;
  const std::string_view spaced = ctx.Spaced(f.sentence);
  const std::string_view own = spaced.substr(1);
  if (ctx.PeriodWords(f.sentence)) return true;
  // The checks below are for written counts; a single victim ("The victim, the latest of
  // dozens of deaths, was killed") is this incident's.
  if (f.count_span.empty() || (f.high <= 1 && !f.vague)) return false;
  // "the latest of dozens of deaths in almost three weeks of violence"
  if (ctx.OverWeeks(f.sentence)) return true;
  // "At least 29 people have now died this year", "Thousands have also been killed": a
  // perfect tense with the year or a vague count of hundreds or more is a running total.
  // (The year and the count first: kept per sentence or read off the frame, they rule out most
  // frames before the two searches for a perfect tense.)
  if ((ctx.ThisYear(f.sentence) || (f.vague && f.high >= 100)) &&
      PerfectBeforeFate(f, spaced, sspan.begin)) {
    return true;
  }
  // "These attacks claimed ...", "Of the total number, 41 were killed": a breakdown of the
  // previous sentence's running total.
  if (f.sentence > 0 && (own.starts_with("these ") || own.starts_with("those ") ||
                         own.starts_with("of the total") || own.starts_with("of these") ||
                         own.starts_with("of those") || own.starts_with("of this total"))) {
    return ctx.PeriodWords(f.sentence - 1);
  }
  return false;
}

}  // namespace

namespace event {

// A death that did not happen in this incident: a motive ("in retaliation for the raid that
// killed 12 fighters", "avenged the killing of two students", "to protest the killing of", "a
// strike held to mourn the death of three commanders"), a
// condition ("if one more of their men were killed") or an intention ("hoped to kill 5,000",
// "would kill 20"). The cue stands before the frame in its sentence with no comma between.
// Read in the sentence's lower-cased text the context keeps, not a copy made per frame.
bool Hypothetical(const Document& doc, CasualtyContext& ctx, const CasualtyFrame& f) {
  if (f.sentence >= doc.sentences.size() || f.negated) return false;
  const Span sspan = doc.sentences[f.sentence].span;
  if (f.span.begin < sspan.begin || f.span.begin > sspan.end) return false;
  // " " + the sentence's lower-case text up to the frame.
  const std::string_view spaced = ctx.Spaced(f.sentence);
  // (With the fate words first, "the death of three commanders", through them: the cues below
  // that end in fate words, "to mourn the death", stand right before the count.)
  const uint32_t upto = f.fate_span.begin == f.span.begin && f.fate_span.end <= sspan.end
                            ? f.fate_span.end
                            : f.span.begin;
  const std::string_view before = spaced.substr(0, 1 + (upto - sspan.begin));
  const std::string_view fate_text = doc.Slice(f.fate_span);
  if (EqualsLower(fate_text, "kill") || StartsWithLower(fate_text, "kill ")) {
    const size_t fb = f.fate_span.begin >= sspan.begin ? f.fate_span.begin - sspan.begin : 0;
    // " " + the lower-case text from the sentence's start up to the fate words (past the
    // sentence's end when the fate words are, as the text's substr reads it).
    std::string beyond;
    std::string_view pre;
    if (fb <= sspan.size()) {
      pre = spaced.substr(0, 1 + fb);
    } else {
      const std::string_view own = ctx.LowerOf(Span{sspan.begin, f.fate_span.begin});
      beyond.reserve(own.size() + 1);
      beyond.push_back(' ');
      beyond.append(own);
      pre = beyond;
    }
    // ("proceeded to kill three people", "used a car bomb to kill 23" are deaths.)
    for (std::string_view w :
         {" would ", " will ", " could ", " might ", "attempted to ", "attempting to ",
          "tried to ", "trying to ", "plotted to ", "planned to ", "plan to ", "plans to ",
          "hoped to ", "threatened to ", "threatening to ", "vowed to ", "sought to ",
          "intended to ", "wanted to ", "conspired to ", "aimed to "}) {
      if (pre.ends_with(w)) return true;
    }
  }
  static constexpr std::string_view kCues[] = {
      " if ", " retaliation for ", " revenge for ", " avenge", " protest the ",
      " protest against the ", " protesting the ", " in response to the killing",
      " mourn the death", " mourning the death", " mourn the killing", " mourning the killing"};
  static_assert(std::none_of(std::begin(kCues), std::end(kCues), [](std::string_view c) {
    return c.find_first_of(",;") != std::string_view::npos;
  }));
  static_assert(std::all_of(std::begin(kCues), std::end(kCues),
                            [](std::string_view c) { return c.size() >= 2 && c[0] == ' '; }));
  static_assert(kCues[0] == std::string_view(" if "));
  // The bytes that follow a cue's opening space.
  static constexpr std::array<bool, 256> kCueSecond = [] {
    std::array<bool, 256> t{};
    for (std::string_view c : kCues) t[static_cast<unsigned char>(c[1])] = true;
    return t;
  }();
  // A cue counts only with no "," or ";" after it, so only the clause after the last one is
  // searched: a cue holds neither, so its last place in `before` lies in that clause when it
  // counts, and otherwise it is not in the clause at all. Every cue opens with a space: one
  // pass from the clause's end back to its start tries the cues whose second byte follows each
  // space (twelve searches of the clause cost three times as much).
  // (Only the last " if " of the clause decides, as the uncertain ones are passed over.)
  bool if_seen = false;
  for (size_t at = before.size(); at-- > 0;) {
    const char c = before[at];
    if (c == ',' || c == ';') break;
    if (c != ' ' || at + 1 >= before.size()) continue;
    const char next = before[at + 1];
    if (!kCueSecond[static_cast<unsigned char>(next)]) continue;
    const std::string_view rest = before.substr(at);
    for (size_t k = 0; k < std::size(kCues); ++k) {
      const std::string_view cue = kCues[k];
      if (cue[1] != next || !rest.starts_with(cue)) continue;
      if (k == 0) {  // " if "
        if (if_seen) continue;
        if_seen = true;
        // "it was not known if the chief was killed": uncertain, not hypothetical.
        const std::string_view head = before.substr(0, at);
        if (head.ends_with(" known") || head.ends_with(" clear") || head.ends_with(" unclear") ||
            head.ends_with(" unknown")) {
          continue;
        }
      }
      return true;
    }
  }
  return false;
}

}  // namespace event

namespace {

// "Fatalities split between 2 events", "coded as four events ... fatalities split between
// events": the note's figure is shared out over N events. Returns N (0 when not said) and the
// sentence that says it.
int64_t SplitEvents(const Document& doc, std::string_view doc_lower, uint32_t* sentence) {
  if (!event::ContainsInLower(doc_lower, "split") && !event::ContainsInLower(doc_lower, "spread") &&
      !event::ContainsInLower(doc_lower, "divided")) {
    return 0;
  }
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
    const Span span = doc.sentences[s].span;
    const std::string_view lower = doc_lower.substr(span.begin, span.size());
    if (lower.find("split") == std::string_view::npos &&
        lower.find("spread") == std::string_view::npos &&
        lower.find("divided") == std::string_view::npos) {
      continue;
    }
    for (std::string_view unit : {" events", " locations", " incidents"}) {
      const size_t at = lower.find(unit);
      if (at == std::string_view::npos || at == 0) continue;
      const size_t word = lower.rfind(' ', at - 1);
      const std::string_view n = lower.substr(word == std::string_view::npos ? 0 : word + 1,
                                              at - (word == std::string_view::npos ? 0 : word + 1));
      if (auto v = ParseNumber(n); v && v->value > 1 && v->value < 100 && !v->vague) {
        *sentence = s;
        return v->value;
      }
    }
  }
  return 0;
}

// "... were killed and 60 injured across both attacks": the sentence's counts are the sum
// over N incidents of which this event is one. Returns N per sentence (1 when not said); N
// comes from "both"/"the two"/"all three" ..., or, for "across the attacks", from "one of
// three coordinated attacks" elsewhere in the text.
// (Written into `*shared`, in its memory.)
void SharedAcross(const Document& doc, std::string_view doc_lower, std::vector<int64_t>* shared) {
  std::vector<int64_t>& out = *shared;
  out.assign(doc.sentences.size(), 1);
  if (!event::ContainsInLower(doc_lower, " across ")) return;  // no sentence says it
  static constexpr std::string_view kUnits[] = {"attacks",  "blasts",  "incidents", "explosions",
                                                "bombings", "strikes", "assaults",  "clashes",
                                                "events"};
  auto unit_at = [](std::string_view text, size_t at) {
    for (std::string_view u : kUnits) {
      if (text.substr(at).starts_with(u)) return true;
    }
    return false;
  };
  auto number_word = [](std::string_view w) -> int64_t {
    if (w == "both") return 2;
    const auto v = ParseNumber(w);  // "two" ... "eight", "12"
    return v && !v->vague && v->value == v->high && v->value >= 2 && v->value <= 20 ? v->value
                                                                                    : 0;
  };
  int64_t one_of = 0;  // "one of two coordinated attacks"
  const std::string_view all = doc_lower;
  for (size_t at = all.find("one of "); at != std::string_view::npos;
       at = all.find("one of ", at + 1)) {
    const size_t w = at + 7;
    const size_t sp = all.find(' ', w);
    if (sp == std::string_view::npos) break;
    const int64_t n = number_word(all.substr(w, sp - w));
    if (n < 2) continue;
    // up to two words ("related", "coordinated") before the unit
    size_t k = sp + 1;
    for (int hop = 0; hop < 3 && k < all.size(); ++hop) {
      if (unit_at(all, k)) {
        one_of = n;
        break;
      }
      const size_t next = all.find(' ', k);
      if (next == std::string_view::npos) break;
      k = next + 1;
    }
    if (one_of > 0) break;
  }
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
    const Span span = doc.sentences[s].span;
    const std::string_view lower = doc_lower.substr(span.begin, span.size());
    const size_t at = lower.find(" across ");
    if (at == std::string_view::npos) continue;
    std::string_view rest = lower.substr(at + 8);
    int64_t n = 0;
    if (rest.starts_with("all of the ")) rest.remove_prefix(7);  // "across all of the attacks"
    if (rest.starts_with("the ") || rest.starts_with("all ")) rest.remove_prefix(4);
    if (const size_t sp = rest.find(' '); sp != std::string_view::npos) {
      n = number_word(rest.substr(0, sp));
      if (n > 0) rest.remove_prefix(sp + 1);
    }
    // one adjective at most: "across both suicide attacks"
    bool unit = unit_at(rest, 0);
    if (!unit) {
      const size_t sp = rest.find(' ');
      unit = sp != std::string_view::npos && unit_at(rest, sp + 1);
    }
    if (!unit) continue;
    if (n == 0) n = one_of;
    if (n > 1) out[s] = n;
  }
}

// A victim named by a rank that every armed group has ("a senior commander", "a leader"), whose
// side the lexicon's reading of the word does not settle.
bool NamesARank(const Document& doc, const CasualtyFrame& f) {
  static constexpr std::string_view kRanks[] = {"commander", "commanders", "leader",
                                                "leaders",   "chief",      "chiefs"};
  return VictimsHeadIs(doc, f, kRanks);
}

// "the two bombers", "the assailants": attackers of every incident a shared figure covers
// ("the bomber" is this incident's own).
bool PluralAttackers(const Document& doc, const CasualtyFrame& f) {
  if (f.high > 1) return true;
  const std::string_view v = doc.Slice(f.victims);
  return v.ends_with("s") || v.ends_with("men");
}

int64_t SharePart(int64_t v, int64_t n) { return n > 1 ? (v + n / 2) / n : v; }

struct Range {
  int64_t low = 0, high = 0;
  bool set = false;
  void Add(int64_t lo, int64_t hi) {
    if (!set) {
      low = lo;
      high = hi;
      set = true;
    } else {
      low = std::min(low, lo);
      high = std::max(high, hi);
    }
  }
};

struct FateTotals {
  bool any = false;
  int64_t low = 0, high = 0;
  std::array<int64_t, kNumCategories> by_category{};  // high-end counts per category
};

// A map kept as a vector sorted by key, in std::map's order: an event's reports and counts are
// a few, and the vector's memory is kept from call to call (a map allocated every node).
template <typename Key, typename Value>
class SortedMap {
 public:
  using Entry = std::pair<Key, Value>;
  using iterator = typename std::vector<Entry>::iterator;
  void clear() { entries_.clear(); }
  bool empty() const { return entries_.empty(); }
  iterator begin() { return entries_.begin(); }
  iterator end() { return entries_.end(); }
  // The first entry whose key is not less than `key`.
  iterator lower_bound(const Key& key) {
    return std::lower_bound(entries_.begin(), entries_.end(), key,
                            [](const Entry& e, const Key& k) { return e.first < k; });
  }
  Value& operator[](const Key& key) {
    auto it = lower_bound(key);
    if (it == entries_.end() || key < it->first) it = entries_.emplace(it, key, Value{});
    return it->second;
  }
  iterator erase(iterator it) { return entries_.erase(it); }

 private:
  std::vector<Entry> entries_;
};

// A report's counts are kept per victim category and key (VictimKey).
using CountKey = std::pair<size_t, std::string>;

// The counts of every report (sentence) of one fate, as std::map<CountKey, ...> per report
// held them: one list sorted by sentence, then key, so that a report's counts are a run in
// the maps' order.
class ReportCounts {
 public:
  struct Entry {
    uint32_t sentence;
    CountKey key;
    int64_t low = 0, high = 0;
  };
  void clear() { entries_.clear(); }
  // The count of `key` in the report of `sentence`, made (0) at the first ask.
  Entry& At(uint32_t sentence, const CountKey& key) {
    auto it = LowerBound(sentence, key);
    if (it == entries_.end() || it->sentence != sentence || it->key != key) {
      it = entries_.insert(it, Entry{sentence, key});
    }
    return *it;
  }
  bool Contains(uint32_t sentence, const CountKey& key) const {
    auto it = LowerBound(sentence, key);
    return it != entries_.end() && it->sentence == sentence && it->key == key;
  }
  // The counts of the report of `sentence`, in key order.
  std::span<Entry> Of(uint32_t sentence) {
    auto first = std::lower_bound(entries_.begin(), entries_.end(), sentence,
                                  [](const Entry& e, uint32_t s) { return e.sentence < s; });
    auto last = first;
    while (last != entries_.end() && last->sentence == sentence) ++last;
    return {first, last};
  }

 private:
  std::vector<Entry>::iterator LowerBound(uint32_t sentence, const CountKey& key) {
    return std::lower_bound(
        entries_.begin(), entries_.end(), std::tie(sentence, key),
        [](const Entry& e, const auto& k) { return std::tie(e.sentence, e.key) < k; });
  }
  std::vector<Entry>::const_iterator LowerBound(uint32_t sentence, const CountKey& key) const {
    return const_cast<ReportCounts*>(this)->LowerBound(sentence, key);
  }
  std::vector<Entry> entries_;
};

// The rows of casualty evidence go to `evidence` (the frames that gave the counts).
FateTotals Aggregate(const Document& doc, event::CasualtyContext& ctx,
                     const std::vector<const CasualtyFrame*>& all, std::vector<Span>* evidence) {
  const std::vector<int64_t>& shared = ctx.shared;
  FateTotals out;
  if (all.empty()) return out;
  out.any = true;
  // An update supersedes every earlier report of its fate, and so does a stated total: "Six
  // inmates were also killed (total of 7 fatalities)".
  auto states_total = [&](const CasualtyFrame* f) {
    const uint32_t from = f->span.begin >= 10 ? f->span.begin - 10 : 0;
    return !f->negated && !f->is_subtotal && IsGenericVictims(doc, *f) &&
           ctx.LowerOf(Span{from, f->span.begin}).ends_with("total of ");
  };
  size_t first = 0;
  bool first_is_total = false;
  for (size_t i = 0; i < all.size(); ++i) {
    if (all[i]->is_update && !all[i]->negated) {
      first = i;
      first_is_total = false;
    } else if (states_total(all[i])) {
      first = i;
      first_is_total = true;
    }
  }
  // "Fatalities coded as 3": a coder's final figure (ACLED notes) overrides every report.
  for (size_t i = all.size(); i-- > 0;) {
    const CasualtyFrame* f = all[i];
    if (f->negated || !f->is_update || !event::StartsWithLower(doc.Slice(f->fate_span), "coded")) {
      continue;
    }
    out.low = out.high = f->value;
    out.by_category[static_cast<size_t>(VictimCategory::kUnknown)] = f->value;
    evidence->push_back(f->span);
    return out;
  }
  // A list of the calling thread, reused from call to call (nothing below comes back here).
  thread_local std::vector<const CasualtyFrame*> frames;
  frames.clear();
  // (A total counts the victims: the bomber who "detonated his belt" before it stays.)
  for (size_t i = 0; i < first && first_is_total; ++i) {
    if (all[i]->self_inflicted) frames.push_back(all[i]);
  }
  frames.insert(frames.end(), all.begin() + static_cast<long>(first), all.end());
  std::erase_if(frames, [&](const CasualtyFrame* f) {
    return IsCumulative(doc, ctx, *f) || event::Hypothetical(doc, ctx, *f);
  });
  if (frames.empty()) {
    out.any = false;
    return out;
  }
  // "a senior commander" (an implicit 1, no number written) is usually one of a numbered
  // count of the same event: it counts only when nothing is numbered.
  // ("and another died later": one more person, not one of the count; nor is "killing one
  // ..., while the other died": the second of a pair.)
  auto implicit = [&doc, &ctx](const CasualtyFrame* f) {
    if (f->negated || f->self_inflicted) return false;
    const uint32_t from = f->span.begin >= 8 ? f->span.begin - 8 : 0;
    const std::string_view near = ctx.LowerOf(Span{from, f->span.end});
    if (near.find("another ") != std::string_view::npos ||
        near.find("the other ") != std::string_view::npos) {
      return false;
    }
    if (f->quantity < 0) return true;
    const std::string_view count = doc.Slice(f->count_span);
    return event::EqualsLower(count, "a") || event::EqualsLower(count, "an");
  };
  // The perpetrator's own death ("in addition to the assailant") is not a numbered report.
  auto numbered = [&](const CasualtyFrame* f) {
    return !implicit(f) && !f->negated && !f->is_subtotal && !f->self_inflicted;
  };
  const bool any_numbered = std::any_of(frames.begin(), frames.end(), numbered);
  // "several people dead", "many corpses" beside a written count of the incident: the vague
  // word is the less precise report of the same dead, not another bound.
  const bool any_exact = std::any_of(frames.begin(), frames.end(), [&](const CasualtyFrame* f) {
    return numbered(f) && !f->vague;
  });
  // (Listed beside exact counts in one sentence, "12 civilians, a few elders and two guards",
  // it is one more group and stays.)
  if (any_exact) {
    // (A list of the thread, as `frames`.)
    thread_local std::vector<const CasualtyFrame*> all_frames;
    all_frames = frames;
    std::erase_if(frames, [&](const CasualtyFrame* f) {
      if (!f->vague || f->negated || f->is_subtotal || f->self_inflicted) return false;
      return std::none_of(all_frames.begin(), all_frames.end(), [&](const CasualtyFrame* g) {
        return g->sentence == f->sentence && numbered(g) && !g->vague;
      });
    });
  }
  // ... but "a soldier and two civilians were killed": an implicit 1 that shares its fate
  // words with a numbered count of the sentence is listed beside it and stays. (`frames` as
  // they were before the erase below, copied only when it runs: the only reader. A list of the
  // thread, as `frames`.)
  thread_local std::vector<const CasualtyFrame*> before_erase;
  before_erase.clear();
  auto coordinated = [&](const CasualtyFrame* f) {
    if (f->fate_span.empty()) return false;
    const bool f_before = f->span.begin < f->fate_span.begin;
    const Span fv = f->victims.empty() ? f->span : f->victims;
    return std::any_of(before_erase.begin(), before_erase.end(), [&](const CasualtyFrame* g) {
      if (g == f || !numbered(g) || g->sentence != f->sentence || g->fate_span != f->fate_span) {
        return false;
      }
      // Both subjects of the verb or both its objects, and not inside the other's phrase
      // ("killed the two gunmen", "workers of a company were killed").
      // ... unless listed after "and" ("two women and a man were killed").
      const bool g_before = g->count_span.begin < g->fate_span.begin;
      const std::string_view pre = std::string_view(doc.text).substr(0, f->span.begin);
      const bool listed = pre.ends_with(" and ") || pre.ends_with(" and");
      // An object of an active verb is inside another only within its count and victims
      // ("killed a police officer, his wife, and two sons" keeps all three).
      const Span gp{g->count_span.begin, std::max(g->count_span.end, g->victims.end)};
      const bool inside = g_before ? fv.begin < g->span.end && g->span.begin < fv.end && !listed
                                   : fv.begin < gp.end && gp.begin < fv.end;
      return f_before == g_before && !inside;
    });
  };
  // ... and a numbered count said to be more people ("His three guards were also killed",
  // "Additionally, one assailant was killed") cannot include the implicit one.
  auto additive = [&](const CasualtyFrame* f) {
    return f->sentence < doc.sentences.size() && ctx.Additive(f->sentence);
  };
  const bool any_inclusive = std::any_of(frames.begin(), frames.end(), [&](const CasualtyFrame* f) {
    return numbered(f) && !additive(f);
  });
  // ... nor can one that a later numbered count of "another"/"more"/"other" victims sets apart
  // ("A man drowned. Another three men were found dead.").
  auto set_apart = [&](const CasualtyFrame* f) {
    return std::any_of(frames.begin(), frames.end(), [&](const CasualtyFrame* g) {
      return g->span.begin >= f->span.end && numbered(g) &&
             !event::EqualsLower(doc.Slice(g->count_span), "another") &&
             CountsOtherVictims(ctx, *g);
    });
  };
  // ... nor can a numbered count of another side: "Gunmen killed a constable. Police killed two
  // of the gunmen" are three dead. (An implicit one of no known side may be anyone's, and so
  // may a rank that every armed group has: "a senior commander" and "12 militants".)
  // (Only a victim the clause makes one: the object of the verb, "killed a constable", or the
  // subject of a passive, "a constable was killed"; not a subject before an active verb, which
  // may be the killers: "a unit of troops and volunteer fighters killed ten".)
  auto clear_victim = [&](const CasualtyFrame* f) {
    if (f->fate_span.empty()) return false;
    if (f->fate_span.begin < f->count_span.begin) return true;
    const uint32_t from = std::max(f->count_span.end, f->victims.end);
    if (from >= f->fate_span.begin) return false;
    const std::string_view between = ctx.LowerOf(Span{from, f->fate_span.begin});
    return between.find(" was ") != std::string_view::npos ||
           between.find(" were ") != std::string_view::npos;
  };
  auto may_include = [&](const CasualtyFrame* f) {
    if (f->category == VictimCategory::kUnknown || NamesARank(doc, *f) || !clear_victim(f)) {
      return true;
    }
    return std::any_of(before_erase.begin(), before_erase.end(), [&](const CasualtyFrame* g) {
      return g != f && numbered(g) && !additive(g) &&
             (g->category == VictimCategory::kUnknown || g->category == f->category ||
              IsGenericVictims(doc, *g));
    });
  };
  if (any_numbered && any_inclusive) {
    before_erase = frames;
    std::erase_if(frames, [&](const CasualtyFrame* f) {
      return implicit(f) && !coordinated(f) && !set_apart(f) && may_include(f);
    });
  }
  bool any_positive = false;
  for (const CasualtyFrame* f : frames) any_positive |= !f->negated && !f->is_subtotal;

  // Reports: one per sentence. Within a report counts add up; across reports counts of one
  // category are alternatives. (Lists of the thread, reused from call to call: nothing below
  // comes back here.)
  struct Report {
    int64_t generic_low = 0, generic_high = 0;
    bool has_generic = false;
    VictimCategory generic_category = VictimCategory::kUnknown;
    int64_t self_low = 0, self_high = 0;
  };
  thread_local SortedMap<uint32_t, Report> reports;  // by sentence
  thread_local ReportCounts counts;                  // the reports' counts
  reports.clear();
  counts.clear();
  evidence->reserve(evidence->size() + frames.size());  // a row per frame at most
  for (const CasualtyFrame* f : frames) {
    if (f->is_subtotal) continue;
    if (f->negated && any_positive) continue;
    const int64_t n = f->sentence < shared.size() ? shared[f->sentence] : 1;
    // The attackers of a figure shared over several incidents ("In addition to the two
    // bombers, 32 people were killed across both attacks"): the incident's part counts the
    // victims only.
    if (f->self_inflicted && n > 1 && PluralAttackers(doc, *f)) continue;
    Report& r = reports[f->sentence];
    const int64_t lo = f->negated ? 0 : SharePart(f->low, n);
    const int64_t hi = f->negated ? 0 : SharePart(std::max(f->high, f->low), n);
    evidence->push_back(f->span);
    if (f->self_inflicted) {
      // The attacker ("blew himself up") is never part of the victims' count: always added.
      r.self_low += lo;
      r.self_high += hi;
    } else if (IsGenericVictims(doc, *f) && !AlsoInFrame(ctx, *f)) {
      // (A count of no stated victims said to be "also" killed, "His secretary was also
      // killed", is a group of its own below.)
      r.generic_low += lo;
      r.generic_high += hi;
      if (!r.has_generic) r.generic_category = f->category;
      r.has_generic = true;
    } else {
      ReportCounts::Entry& c =
          counts.At(f->sentence, {static_cast<size_t>(f->category), VictimKey(ctx, *f)});
      c.low += lo;
      c.high += hi;
    }
  }
  thread_local SortedMap<CountKey, Range> per_category;
  per_category.clear();
  Range generic, self;
  // Every sentence with a side's count says it is more people ("also", "additionally").
  bool all_counts_additive = true;
  // "killing three ... killing two more civilians": a count said to be more people than a
  // report of the total before it (with no side's count before it) adds to that total.
  auto more_than_total = [&](const CasualtyFrame* f) {
    if (!CountsOtherVictims(ctx, *f) || f->negated) return false;
    bool total_before = false;
    for (const CasualtyFrame* g : frames) {
      if (g == f || g->negated || g->is_subtotal || g->span.begin >= f->span.begin) continue;
      if (!IsGenericVictims(doc, *g)) return false;
      total_before = true;
    }
    return total_before;
  };
  for (const auto& [sentence, r] : reports) {
    if (counts.Of(sentence).empty()) continue;
    bool add = false;
    for (const CasualtyFrame* f : frames) {
      if (f->sentence == sentence && (additive(f) || more_than_total(f))) add = true;
    }
    all_counts_additive &= add;
  }
  VictimCategory generic_category = VictimCategory::kUnknown;
  for (auto& [sentence, r] : reports) {
    if (r.self_high > 0) self.Add(r.self_low, r.self_high);
    // In one sentence, people counted besides a named group are other people: "4 people as
    // well as 2 policemen were killed" → 6.
    if (r.has_generic && !counts.Of(sentence).empty()) {
      ReportCounts::Entry& c =
          counts.At(sentence, {static_cast<size_t>(r.generic_category), "#people"});
      c.low += r.generic_low;
      c.high += r.generic_high;
      r.has_generic = false;
    }
    for (const ReportCounts::Entry& c : counts.Of(sentence)) {
      per_category[c.key].Add(c.low, c.high);
    }
    if (r.has_generic) {
      if (!generic.set || r.generic_high > generic.high) generic_category = r.generic_category;
      generic.Add(r.generic_low, r.generic_high);
    }
  }
  // "15 anti-government militias were killed ..." then "15 Taliban fighters were killed": the
  // same exact count said of two categories in different sentences names the same dead once
  // (counts of one sentence, "3 soldiers and 3 rebels", stay apart).
  for (auto a = per_category.begin(); a != per_category.end(); ++a) {
    const Range ra = a->second;
    if (!ra.set || ra.low != ra.high || ra.high < 2) continue;
    for (auto c = std::next(a); c != per_category.end();) {
      const Range rc = c->second;
      // ... unless said to be more: "2 militants were also killed".
      bool together = false;
      for (const auto& [sentence, r] : reports) {
        const bool has_a = counts.Contains(sentence, a->first);
        const bool has_c = counts.Contains(sentence, c->first);
        together |= has_a && has_c;
        if (has_a || has_c) {
          together |= counts.Of(sentence).size() > 1;  // a sentence that splits its dead by side
          together |= ctx.SaysMore(sentence);
        }
      }
      if (rc.set && rc.low == rc.high && rc.high == ra.high && !together &&
          a->first.first != c->first.first) {
        c = per_category.erase(c);  // (`a`, before it, stays valid)
      } else {
        ++c;
      }
    }
  }
  int64_t cat_low = 0, cat_high = 0;
  bool any_category = false;
  for (const auto& [key, range] : per_category) {
    any_category = true;
    cat_low += range.low;
    cat_high += range.high;
    out.by_category[key.first] += range.high;
  }
  if (!any_category) {
    out.low = generic.low;
    out.high = generic.high;
    out.by_category[static_cast<size_t>(generic_category)] = generic.high;
  } else if (!generic.set) {
    out.low = cat_low;
    out.high = cat_high;
  } else if (all_counts_additive) {
    // "The governor was killed ... His three guards were also killed": more people.
    out.low = cat_low + generic.low;
    out.high = cat_high + generic.high;
    out.by_category[static_cast<size_t>(generic_category)] += generic.high;
  } else {
    out.low = std::min(cat_low, generic.low);
    out.high = std::max(cat_high, generic.high);
    out.by_category[static_cast<size_t>(VictimCategory::kUnknown)] += out.high - cat_high;
  }
  if (self.set) {
    out.low += self.low;
    out.high += self.high;
    out.by_category[static_cast<size_t>(VictimCategory::kNonState)] += self.high;
  }
  return out;
}

int Clamp(int64_t v) { return static_cast<int>(std::clamp<int64_t>(v, 0, 1'000'000'000)); }

}  // namespace

namespace event {

void CasualtyContext::Reset(const Document& doc, std::string_view lower) {
  doc_ = &doc;
  lower_ = lower;
  facts_made_ = false;
  other_victims_made_ = false;
  shared.clear();
  split_n = 0;
  split_at = 0;
  // A document without casualty frames has no figure to share out: nothing reads these then,
  // and the text is not searched for them (nor is `shared` filled: 1 for every sentence).
  if (doc.casualties.empty()) return;
  // A coder's "split between N events" already shares the figure out (AggregateCasualties).
  SharedAcross(doc, lower, &shared);
  split_n = SplitEvents(doc, lower, &split_at);
  if (split_n > 1) shared.assign(shared.size(), 1);
}

std::string_view CasualtyContext::Spaced(uint32_t s) {
  SentenceFacts& f = Facts(s);
  if (f.spaced.empty()) {
    const Span span = doc_->sentences[s].span;
    if (span.begin > 0 && span.begin <= lower_.size() && lower_[span.begin - 1] == ' ') {
      // The text's own space before the sentence (most sentences): a view, no copy.
      f.spaced = lower_.substr(span.begin - 1, span.size() + 1);
    } else {
      const std::string_view own = LowerOf(span);
      f.own.reserve(own.size() + 1);
      f.own.push_back(' ');
      f.own.append(own);
      f.spaced = f.own;
    }
  }
  return f.spaced;
}

bool CasualtyContext::PeriodWords(uint32_t s) {
  SentenceFacts& f = Facts(s);
  if (f.period < 0) f.period = HasPeriodWords(Spaced(s)) ? 1 : 0;
  return f.period == 1;
}

// Whether sentence s (lower-cased, spaced) holds any of `words`, or `piece` and then any of
// `with_piece` (words that all hold `piece`: one search rules them all out in the sentences
// without it), worked out once into `*slot`.
bool CasualtyContext::AnyOnce(uint32_t s, int8_t SentenceFacts::*slot,
                              std::initializer_list<std::string_view> words, std::string_view piece,
                              std::initializer_list<std::string_view> with_piece) {
  int8_t& known = Facts(s).*slot;
  if (known < 0) {
    const std::string_view own = Spaced(s);
    auto any = [own](std::initializer_list<std::string_view> list) {
      return std::any_of(list.begin(), list.end(),
                         [own](std::string_view w) { return ContainsInLower(own, w); });
    };
    known = any(words) || (!piece.empty() && ContainsInLower(own, piece) && any(with_piece));
  }
  return known == 1;
}

bool CasualtyContext::Additive(uint32_t s) {
  return AnyOnce(s, &SentenceFacts::additive, {" also ", " additionally"}, " as w",
                 {" as well", ", as were ", ", as was "});
}

bool CasualtyContext::SaysMore(uint32_t s) {
  return AnyOnce(s, &SentenceFacts::more, {" also ", " as well", " too", " addition", " other "});
}

bool CasualtyContext::OverWeeks(uint32_t s) {
  return AnyOnce(s, &SentenceFacts::over_weeks, {" the latest of "}, "s of ",
                 {" weeks of ", " months of ", " years of "});
}

bool CasualtyContext::ThisYear(uint32_t s) {
  return AnyOnce(s, &SentenceFacts::this_year, {" this year"});
}

}  // namespace event

CasualtyTotals AggregateCasualties(const Document& doc, std::span<const uint32_t> frames,
                                   bool state_is_side_a) {
  const std::string lower = event::Lower(doc.text);
  event::CasualtyContext ctx(doc, lower);
  return AggregateCasualties(doc, ctx, frames, state_is_side_a);
}

CasualtyTotals AggregateCasualties(const Document& doc, event::CasualtyContext& ctx,
                                   std::span<const uint32_t> frames, bool state_is_side_a) {
  CasualtyTotals out;
  AggregateCasualties(doc, ctx, frames, state_is_side_a, &out);
  return out;
}

void AggregateCasualties(const Document& doc, event::CasualtyContext& ctx,
                         std::span<const uint32_t> frames, bool state_is_side_a,
                         CasualtyTotals* totals) {
  // Emptied by assigning empty totals: the evidence lists keep their memory.
  static const CasualtyTotals kNone;
  *totals = kNone;
  CasualtyTotals& out = *totals;
  // Lists of the calling thread, reused from event to event (nothing below comes back here).
  thread_local std::vector<const CasualtyFrame*> killed, injured;
  killed.clear();
  injured.clear();
  for (uint32_t i : frames) {
    if (i >= doc.casualties.size()) continue;
    const CasualtyFrame& f = doc.casualties[i];
    if (f.fate == Fate::kKilled) killed.push_back(&f);
    if (f.fate == Fate::kInjured) injured.push_back(&f);
  }
  auto by_position = [](const CasualtyFrame* a, const CasualtyFrame* b) {
    return a->span.begin < b->span.begin;
  };
  std::sort(killed.begin(), killed.end(), by_position);
  std::sort(injured.begin(), injured.end(), by_position);

  // "One of the injured later died": deaths among the injured add to the dead of every other
  // report and leave the injured. (A list of the thread, as `killed`.)
  thread_local std::vector<const CasualtyFrame*> of_wounds;
  of_wounds.clear();
  std::erase_if(killed, [&](const CasualtyFrame* f) {
    if (f->negated || f->victims.empty()) return false;
    const std::string_view v = ctx.LowerOf(f->victims);
    if (!v.starts_with("of the injured") && !v.starts_with("of the wounded")) return false;
    of_wounds.push_back(f);
    return true;
  });

  const uint32_t split_at = ctx.split_at;
  const int64_t split_n = ctx.split_n;
  // (The evidence rows are written into `out` as they are found.)
  FateTotals k = Aggregate(doc, ctx, killed, &out.fatality_evidence);
  int64_t later_deaths = 0;
  for (const CasualtyFrame* f : of_wounds) {
    later_deaths += f->value;
    k.any = true;
    k.low += f->value;
    k.high += f->value;
    k.by_category[static_cast<size_t>(f->category)] += f->value;
    out.fatality_evidence.push_back(f->span);
  }
  // A figure shared out over N events: this event's part (a "coded as" frame of the same
  // sentence was already divided when it was read).
  const uint32_t split_sentence = split_at;
  if (const int64_t n = split_n; n > 1 && k.any) {
    const bool coded_here = std::any_of(killed.begin(), killed.end(), [&](const CasualtyFrame* f) {
      return f->sentence == split_sentence && f->is_update &&
             event::StartsWithLower(doc.Slice(f->fate_span), "coded");
    });
    if (!coded_here) {
      k.low /= n;
      k.high /= n;
      for (int64_t& c : k.by_category) c /= n;
    }
  }
  out.deaths_low = Clamp(k.low);
  out.deaths_high = Clamp(k.high);
  out.fatalities = out.deaths_low;
  const int state = Clamp(k.by_category[static_cast<size_t>(VictimCategory::kStateForces)]);
  const int non_state = Clamp(k.by_category[static_cast<size_t>(VictimCategory::kNonState)]);
  out.deaths_side_a = state_is_side_a ? state : non_state;
  out.deaths_side_b = state_is_side_a ? non_state : state;
  out.deaths_civilians = Clamp(k.by_category[static_cast<size_t>(VictimCategory::kCivilians)]);
  out.deaths_unknown = Clamp(k.by_category[static_cast<size_t>(VictimCategory::kUnknown)]);
  out.deaths_best =
      out.deaths_side_a + out.deaths_side_b + out.deaths_civilians + out.deaths_unknown;

  const FateTotals w = Aggregate(doc, ctx, injured, &out.injured_evidence);
  out.has_injured = w.any;
  out.injured = Clamp(w.any ? w.high - later_deaths : 0);
}

}  // namespace sitrep
