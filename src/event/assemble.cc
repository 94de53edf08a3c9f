// AssembleEvents: incidents (group.cc) → Event records. For each incident, in order: type
// (its strongest violent/demonstration mention; strategic ones only when it has nothing else),
// place (places layer), date (time layer), roles (roles.cc), casualties (casualties.cc), named
// persons (persons.cc), notes, confidence and id.
//
// Background: historical mentions never form incidents; an incident dated well before the
// publication date while the lead event is recent is emitted with historical = true
// (MarkBackgroundEvents).
#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
#include <immintrin.h>
#endif
#include <functional>
#include <optional>

#include "event/dates.h"
#include "event/event_internal.h"
#include "sitrep/actors.h"
#include "sitrep/events.h"
#include "sitrep/pipeline.h"
#include "sitrep/places.h"
#include "sitrep/timex.h"
#include "sitrep/triggers.h"

namespace sitrep {
namespace event {

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {  // branch-free, so it vectorizes
    c = static_cast<char>(c | (static_cast<unsigned char>(c - 'A') < 26 ? 0x20 : 0));
  }
  return out;
}

// Lower(text) into `out`, in its memory. Out of line: the vectorized loop is long, and the code
// of AssembleEvents, run once per document, stays short.
[[gnu::noinline]] void AssignLower(std::string_view text, std::string* out) {
  // Lowered on the way in, one pass: a copy and then a pass over the copy read every byte
  // twice. (Resizing fills only bytes the buffer did not hold yet: it is reused.)
  out->resize(text.size());
  const char* const from = text.data();
  char* const to = out->data();
  for (size_t i = 0; i < text.size(); ++i) to[i] = LowerByte(from[i]);  // branch-free: vectorizes
}

void AddEvidence(const Document& doc, std::span<const FieldName> fields, Span span, Event* event) {
  if (span.empty() || span.end > doc.text.size()) return;
  // Without strings: AssembleEvents gives the rows of all the document's events theirs at the
  // end, in one block (ShareEvidenceStrings).
  for (FieldName field : fields) event->evidence.emplace_back(field, span.begin, span.end);
}

namespace {

// Whether `text` at `p` holds the bytes of `lower` between its first and last (those two are
// already known to match).
bool InnerBytesMatch(const char* p, std::string_view lower) {
  for (size_t i = 1; i + 1 < lower.size(); ++i) {
    if (p[i] != lower[i]) return false;
  }
  return true;
}

#if defined(__SSE2__)
// Sixteen starts of a needle at a time: bit i set when text[at + i] is the needle's first byte
// and text[at + i + size - 1] its last (rarely both by chance), for the block search below.
// The caller keeps the loads inside the text.
class NeedleEnds {
 public:
  explicit NeedleEnds(std::string_view needle)
      : first_(_mm_set1_epi8(needle.front())),
        last_(_mm_set1_epi8(needle.back())),
        back_(needle.size() - 1) {}
  uint32_t At(std::string_view text, size_t at) const {
    return static_cast<uint32_t>(_mm_movemask_epi8(Bytes(text, at)));
  }
  // The same as bytes (0xFF where bit i would be set), not yet gathered into a mask.
  __m128i Bytes(std::string_view text, size_t at) const {
    const __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + at));
    const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + at + back_));
    return _mm_and_si128(_mm_cmpeq_epi8(a, first_), _mm_cmpeq_epi8(b, last_));
  }

 private:
  __m128i first_, last_;
  size_t back_;
};
#endif

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define SITREP_CONTAINS_AVX2 1
// Whether the CPU runs AVX2: the build targets plain x86-64, so ContainsInLower picks its wide
// blocks at run time.
const bool kHasAvx2 = [] {
  __builtin_cpu_init();  // may run before the runtime's own constructor
  return __builtin_cpu_supports("avx2") != 0;
}();

// Thirty-two starts of a needle at a time (NeedleEnds' test on an AVX2 block): 0xFF at byte i
// when p[i] is the needle's first byte and p[i + back] its last. (A function, not a lambda: a
// lambda does not take its enclosing function's target.)
__attribute__((target("avx2"), always_inline)) inline __m256i NeedleEnds32(const char* p,
                                                                           size_t back,
                                                                           __m256i first,
                                                                           __m256i last) {
  const __m256i a = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
  const __m256i b = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + back));
  return _mm256_and_si256(_mm256_cmpeq_epi8(a, first), _mm256_cmpeq_epi8(b, last));
}

// ContainsInLower's block search with thirty-two starts a block instead of sixteen: half the
// loads, compares and tests per byte of text. Needles of two bytes or more; the text holds at
// least 32 starts.
__attribute__((target("avx2"))) bool ContainsInLowerAvx2(std::string_view text,
                                                         std::string_view lower) {
  const size_t starts = text.size() - lower.size() + 1;  // positions a match may start at
  const size_t back = lower.size() - 1;
  const char* p = text.data();
  const __m256i first = _mm256_set1_epi8(lower.front()), last = _mm256_set1_epi8(lower.back());
  auto any_match = [&](size_t at, uint32_t mask) {
    for (; mask != 0; mask &= mask - 1) {
      if (InnerBytesMatch(text.data() + at + __builtin_ctz(mask), lower)) return true;
    }
    return false;
  };
  size_t at = 0;
  // Four blocks at a time, tested together, as the SSE2 search does.
  for (; at + 128 <= starts; at += 128) {
    const __m256i b0 = NeedleEnds32(p + at, back, first, last),
                  b1 = NeedleEnds32(p + at + 32, back, first, last),
                  b2 = NeedleEnds32(p + at + 64, back, first, last),
                  b3 = NeedleEnds32(p + at + 96, back, first, last);
    const __m256i any = _mm256_or_si256(_mm256_or_si256(b0, b1), _mm256_or_si256(b2, b3));
    if (_mm256_testz_si256(any, any)) continue;
    if (any_match(at, static_cast<uint32_t>(_mm256_movemask_epi8(b0))) ||
        any_match(at + 32, static_cast<uint32_t>(_mm256_movemask_epi8(b1))) ||
        any_match(at + 64, static_cast<uint32_t>(_mm256_movemask_epi8(b2))) ||
        any_match(at + 96, static_cast<uint32_t>(_mm256_movemask_epi8(b3)))) {
      return true;
    }
  }
  for (; at + 32 <= starts; at += 32) {
    if (any_match(at, static_cast<uint32_t>(
                          _mm256_movemask_epi8(NeedleEnds32(p + at, back, first, last))))) {
      return true;
    }
  }
  // The last starts, in one block overlapping the one before (its starts already tried are
  // masked off).
  if (at < starts) {
    const size_t from = starts - 32;
    const auto mask =
        static_cast<uint32_t>(_mm256_movemask_epi8(NeedleEnds32(p + from, back, first, last)));
    return any_match(from, mask & ~((1u << (at - from)) - 1));
  }
  return false;
}
#endif

}  // namespace

bool CpuHasAvx2() {
#if defined(SITREP_CONTAINS_AVX2)
  return kHasAvx2;
#else
  return false;
#endif
}

bool ContainsInLower(std::string_view text, std::string_view lower) {
  if (lower.empty()) return true;
  if (text.size() < lower.size()) return false;
#if defined(SITREP_CONTAINS_AVX2)
  if (kHasAvx2 && lower.size() >= 2 && text.size() - lower.size() + 1 >= 32) {
    return ContainsInLowerAvx2(text, lower);
  }
#endif
#if defined(__SSE2__)
  // Sixteen starts at a time: those where both the needle's first and last bytes are found,
  // each then compared in full. A memchr for one byte stopped and started again at every
  // occurrence of it, and most needles are common letters.
  if (lower.size() >= 2 && text.size() - lower.size() + 1 >= 16) {
    const size_t starts = text.size() - lower.size() + 1;  // positions a match may start at
    const NeedleEnds ends(lower);
    auto any_match = [&](size_t at, uint32_t mask) {
      for (; mask != 0; mask &= mask - 1) {
        if (InnerBytesMatch(text.data() + at + __builtin_ctz(mask), lower)) return true;
      }
      return false;
    };
    size_t at = 0;
    // Four blocks at a time, tested together: most blocks hold no candidate start, and one
    // test for four costs fewer instructions than a test per block.
    for (; at + 64 <= starts; at += 64) {
      const __m128i b0 = ends.Bytes(text, at), b1 = ends.Bytes(text, at + 16),
                    b2 = ends.Bytes(text, at + 32), b3 = ends.Bytes(text, at + 48);
      if (_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(b0, b1), _mm_or_si128(b2, b3))) == 0) {
        continue;
      }
      if (any_match(at, static_cast<uint32_t>(_mm_movemask_epi8(b0))) ||
          any_match(at + 16, static_cast<uint32_t>(_mm_movemask_epi8(b1))) ||
          any_match(at + 32, static_cast<uint32_t>(_mm_movemask_epi8(b2))) ||
          any_match(at + 48, static_cast<uint32_t>(_mm_movemask_epi8(b3)))) {
        return true;
      }
    }
    for (; at + 16 <= starts; at += 16) {
      if (any_match(at, ends.At(text, at))) return true;
    }
    // The last starts, in one block overlapping the one before (its starts already tried are
    // masked off).
    if (at < starts) {
      const size_t from = starts - 16;
      return any_match(from, ends.At(text, from) & ~((1u << (at - from)) - 1));
    }
    return false;
  }
#endif
  // As util::ContainsLowerAscii, but `text` has no upper-case letter to look for.
  const size_t pivot = RarestByte(lower);
  const size_t last = text.size() - lower.size() + pivot;  // last position of the pivot
  // At each hit the first and last bytes are tested before the whole needle: most hits of a
  // common letter end there.
  const char first = lower.front(), final = lower.back();
  for (size_t at = text.find(lower[pivot], pivot); at != std::string_view::npos && at <= last;
       at = text.find(lower[pivot], at + 1)) {
    const size_t from = at - pivot;
    if (text[from] == first && text[from + lower.size() - 1] == final &&
        text.compare(from, lower.size(), lower) == 0) {
      return true;
    }
  }
  return false;
}

size_t LastIndexOf(std::string_view text, std::string_view word) {
  if (word.empty()) return text.size();
  if (text.size() < word.size()) return std::string_view::npos;
#if defined(__SSE2__)
  // ContainsInLower's blocks, from the end: the last start of a block's candidates first.
  if (word.size() >= 2 && text.size() - word.size() + 1 >= 16) {
    const NeedleEnds ends(word);
    for (size_t end = text.size() - word.size() + 1;;) {  // starts from `end` on are tried
      const size_t from = end >= 16 ? end - 16 : 0;
      for (uint32_t mask = ends.At(text, from) & ((1u << (end - from)) - 1); mask != 0;) {
        const unsigned bit = 31 - static_cast<unsigned>(__builtin_clz(mask));
        if (InnerBytesMatch(text.data() + from + bit, word)) return from + bit;
        mask &= ~(1u << bit);
      }
      if (from == 0) return std::string_view::npos;
      end = from;
    }
  }
#endif
  const size_t pivot = RarestByte(word);
  // The pivot's positions run from `pivot` to `last`.
  size_t end = text.size() - word.size() + pivot + 1;  // search [pivot, end)
  while (end > pivot) {
    const void* hit = memrchr(text.data() + pivot, word[pivot], end - pivot);
    if (hit == nullptr) break;
    const size_t at = static_cast<size_t>(static_cast<const char*>(hit) - text.data());
    const size_t from = at - pivot;
    if (text[from] == word.front() && text[from + word.size() - 1] == word.back() &&
        text.compare(from, word.size(), word) == 0) {
      return from;
    }
    end = at;
  }
  return std::string_view::npos;
}

void MentionIndex::Reset(const Document& doc) {
  doc_ = &doc;
  named_made_ = false;
  first_.assign(doc.sentences.size() + 1, 0);
  // Each mention belongs to the sentence that holds it, the last to start by its start
  // (sentences are disjoint, in text order; so are the mentions, mostly, so that the sentence
  // is found by walking on from the previous mention's).
  sentence_of_.assign(doc.actors.size(), UINT32_MAX);
  const size_t n = doc.sentences.size();
  size_t s = 0;
  for (size_t i = 0; i < doc.actors.size() && n > 0; ++i) {
    const Span m = doc.actors[i].span;
    if (m.begin < doc.sentences[s].span.begin) {
      s = static_cast<size_t>(
          std::upper_bound(doc.sentences.begin(), doc.sentences.end(), m.begin,
                           [](uint32_t pos, const Sentence& x) { return pos < x.span.begin; }) -
          doc.sentences.begin());
      if (s == 0) continue;
      --s;
    }
    while (s + 1 < n && doc.sentences[s + 1].span.begin <= m.begin) ++s;
    if (m.begin < doc.sentences[s].span.begin || m.end > doc.sentences[s].span.end) continue;
    sentence_of_[i] = static_cast<uint32_t>(s);
    ++first_[s + 1];
  }
  for (size_t k = 1; k < first_.size(); ++k) first_[k] += first_[k - 1];
  actors_.resize(first_.back());
  // Placed in text order, each at its sentence's next free slot (first_[k] moves to the end of
  // sentence k), then first_ shifted back by one sentence.
  for (size_t i = 0; i < doc.actors.size(); ++i) {
    if (sentence_of_[i] != UINT32_MAX) actors_[first_[sentence_of_[i]]++] = static_cast<uint32_t>(i);
  }
  for (size_t k = first_.size() - 1; k > 0; --k) first_[k] = first_[k - 1];
  first_[0] = 0;
}

const util::SpanOverlaps& MentionIndex::named() const {
  if (!named_made_) {
    named_made_ = true;
    named_.Clear();
    for (const ActorMention& a : doc_->actors) named_.Add(a.span);
    for (const PlaceMention& p : doc_->places) {
      // Unresolved ones too: the places stage emits a name it cannot place only on firm
      // evidence ("Kenyatta Avenue", "the village of X").
      if (!p.demonym) named_.Add(p.span);
    }
    named_.Seal();
  }
  return named_;
}

namespace {

// A trigger named as a motive of the incident, not the incident itself: "in revenge for the
// army's offensive", "in retaliation for an airstrike", "in response to the raid".
// (`tok`: the mention's first token, Document::FirstTokenFrom(t.span.begin).)
bool NamedAsMotive(const Document& doc, const TriggerMention& t,
                   std::vector<Token>::const_iterator tok) {
  const Sentence& s = doc.sentences[t.sentence];
  const auto first = doc.tokens.begin() + s.token_begin;
  for (int back = 1; back <= 5 && tok - back >= first; ++back) {
    const std::string_view w = doc.Slice((tok - back)->span);
    // By the word's size first: each size has one word to compare, most words none.
    switch (w.size()) {
      case 1:
        if (w[0] == '.' || w[0] == ';' || w[0] == ',') return false;
        break;
      case 6:
        if (EqualsLower(w, "avenge")) return true;
        break;
      case 7:
        if (EqualsLower(w, "revenge")) return true;
        break;
      case 8:
        if (EqualsLower(w, "response") && back >= 2 &&
            EqualsLower(doc.Slice((tok - back + 1)->span), "to")) {
          return true;
        }
        break;
      case 11:
        if (EqualsLower(w, "retaliation")) return true;
        break;
      default:
        break;
    }
  }
  return false;
}

// "the attack", "the assault" in a sentence after the incident's first: a reference back to
// the act a sentence before told ("Assailants set fire to a bus. There were no casualties in
// the attack."), not a telling of its own.
// (`tok` as for NamedAsMotive.)
bool RefersBack(const Document& doc, const TriggerMention& t, uint32_t first_sentence,
                std::vector<Token>::const_iterator tok) {
  if (t.sentence <= first_sentence) return false;
  const std::string_view cue = doc.Slice(t.span);
  if (!EqualsLower(cue, "attack") && !EqualsLower(cue, "attacks") &&
      !EqualsLower(cue, "assault")) {
    return false;
  }
  if (tok == doc.tokens.begin()) return false;
  const std::string_view before = doc.Slice((tok - 1)->span);
  return EqualsLower(before, "the") || EqualsLower(before, "this");
}

// The sub-event type with the largest summed score. Mentions named as the incident's motive or
// referring back to it ("the attack") are set aside while another mention types the incident;
// strategic mentions (arrests, looting, ...) vote only when no other kind is left. Returns the
// index of the strongest mention of the winning type.
uint32_t ChooseType(const Document& doc, const Incident& inc) {
  const size_t n = inc.triggers.size();
  // A lone mention types its incident whatever kind it is (it is the only voter).
  if (n == 1) return inc.triggers.front();
  const uint32_t first_sentence = inc.first_sentence(doc);  // mentions are in text order
  // Per mention: its kind (0 votes, 1 set aside: motive, reference back; 2 strategic), the
  // first mention of its sub-event type (types compared once here, not again in each loop
  // below) and, at that first mention, the type's vote (its best score; -1 while none votes).
  struct Mention {
    const TriggerMention* t;
    uint32_t head;
    uint8_t kind;
    float vote;
  };
  thread_local std::vector<Mention> mentions;
  mentions.resize(n);
  bool any_told = false, any_strategic = false;
  for (size_t i = 0; i < n; ++i) {
    const TriggerMention& t = doc.triggers[inc.triggers[i]];
    Mention& m = mentions[i];
    m.t = &t;
    m.vote = -1;
    m.head = static_cast<uint32_t>(i);
    for (size_t j = 0; j < i; ++j) {  // earlier first mentions of a type
      if (mentions[j].head == j && mentions[j].t->sub_event_type == t.sub_event_type) {
        m.head = static_cast<uint32_t>(j);
        break;
      }
    }
    if (FamilyOf(t.event_type) == Family::kStrategic) {
      m.kind = 2;
      any_strategic = true;
    } else if (const auto tok = doc.FirstTokenFrom(t.span.begin);
               NamedAsMotive(doc, t, tok) || RefersBack(doc, t, first_sentence, tok)) {
      m.kind = 1;
    } else {
      m.kind = 0;
      any_told = true;
    }
  }
  // Who votes: the told non-strategic mentions; else the strategic ones; else all the others.
  const uint8_t voters = any_told ? 0 : any_strategic ? 2 : 1;
  for (const Mention& m : mentions) {
    if (m.kind != voters) continue;
    // The strongest mention decides ("drone strike" 0.85 beats two "killed" 0.56): a summed
    // vote was tried and lost on the ACLED dev set.
    float& vote = mentions[m.head].vote;
    vote = vote < 0 ? std::max(0.0f, m.t->score) : std::max(vote, m.t->score);
  }
  // The type of the best vote; text order (of any mention of the type) breaks ties.
  uint32_t winner = static_cast<uint32_t>(n);
  float best = -1;
  for (const Mention& m : mentions) {
    if (const float vote = mentions[m.head].vote; vote > best) {
      best = vote;
      winner = m.head;
    }
  }
  uint32_t strongest = inc.triggers.front();
  float strongest_score = -1;
  for (size_t i = 0; i < n; ++i) {
    const Mention& m = mentions[i];
    if (m.kind == voters && m.head == winner && m.t->score > strongest_score) {
      strongest_score = m.t->score;
      strongest = inc.triggers[i];
    }
  }
  return strongest;
}

// True when a locative word ("in", "near", "at", ...) comes within three tokens before `span`
// with no punctuation between, or a comma right before it ("in Wazir Akbar Khan, Kabul"): the
// text says the event is there, rather than naming the place in passing ("rioters from
// Tripoli marched to the Palma bridge", "from the Fulani community").
bool StatedAsWhere(const Document& doc, Span span) {
  auto tok = doc.FirstTokenFrom(span.begin);
  for (int back = 1; back <= 3 && tok - back >= doc.tokens.begin(); ++back) {
    const std::string_view w = doc.Slice((tok - back)->span);
    if (back == 1 && w == ",") return true;
    for (std::string_view cue : {"in", "near", "at", "outside", "around", "inside", "of"}) {
      if (EqualsLower(w, cue)) return true;
    }
    if ((tok - back)->kind == TokenKind::kPunct) return false;
  }
  return false;
}

// True when `own` is the division `later` names, at its precision, with a place inside it that
// the gazetteer lacks written before it ("in Dikom, Assam, India. ... the United Liberation
// Front of Assam"): `own` says more than `later`.
bool NamesPlaceInside(const EventLocation& own, const EventLocation& later) {
  return own.iso3 == later.iso3 && own.admin1 == later.admin1 &&
         own.where_prec == later.where_prec && own.geonameid == 0 && later.geonameid != 0 &&
         !own.location.empty() && own.location != later.location;
}

// True when sentence `s` opens with a date ("Yesterday, ...", "On Sunday, ...").
bool OpensWithDate(const Document& doc, uint32_t s) {
  const uint32_t opening = OpeningToken(doc, s);
  if (opening >= doc.sentences[s].token_end) return false;
  const uint32_t at = doc.tokens[opening].span.begin;
  const std::span<const Timex> from = doc.TimexFrom(at);
  return !from.empty() && from.front().span.begin == at && from.front().type == TimexType::kDate;
}

// True when a trigger mention (of any incident, background ones too) lies in sentence `s`.
bool HasTrigger(const Document& doc, uint32_t s) {
  // Triggers are in text order, so their sentences ascend.
  auto it = std::lower_bound(doc.triggers.begin(), doc.triggers.end(), s,
                             [](const TriggerMention& t, uint32_t v) { return t.sentence < v; });
  return it != doc.triggers.end() && it->sentence == s;
}

// True when a sentence of the incident puts it at someone's home ("went to his home in X", "shot
// dead inside their house").
bool AtVictimsHome(const Document& doc, const Incident& inc) {
  uint32_t last = UINT32_MAX;
  for (uint32_t ti : inc.triggers) {
    const uint32_t s = doc.triggers[ti].sentence;
    if (s == last || s >= doc.sentences.size()) continue;
    last = s;
    const std::string_view text = doc.Slice(doc.sentences[s].span);
    for (std::string_view home : {" home", " house", " residence"}) {
      for (size_t at = text.find(home); at != std::string_view::npos;
           at = text.find(home, at + 1)) {
        const std::string_view before = text.substr(0, at);
        if (before.ends_with(" his") || before.ends_with(" her") || before.ends_with(" their")) {
          return true;
        }
      }
    }
  }
  return false;
}

void FillPlace(const Document& doc, const Incident& inc, SentenceLocations& locations, Event* e) {
  // The incident's place is the first one a sentence of it states after a locative word; its
  // opening sentence's own best place, read without that cue ("in Nurmati, Andhra Pradesh,
  // India": the state follows a comma), stands in when there is none, and also when that
  // place is only a province or coarser and the opening place is finer and inside it ("...
  // claimed by the Communist Party of India" does not make the event country-wide). A district
  // or town stated after a locative word is kept over a dateline town ("Mazar-e-Sharif (BNA)
  // ... killed in Kaldar district").
  // A place taken from a later sentence that puts the event in another division than the
  // opening sentence's own place, and is no finer, yields to it ("... in Wazir Akbar Khan,
  // Kabul, Afghanistan. ... in retaliation for an airstrike in Nangarhar province").
  const EventLocation* chosen = &inc.place;
  if (locations.gazetteer() != nullptr) {
    const uint32_t first = inc.first_sentence(doc);
    const EventLocation& own = locations.At(first);
    const bool later = inc.place.found() && first < doc.sentences.size() &&
                       (inc.place.evidence.begin < doc.sentences[first].span.begin ||
                        inc.place.evidence.end > doc.sentences[first].span.end);
    if (!inc.place.found() ||
        (own.found() && own.iso3 == inc.place.iso3 && inc.place.where_prec >= 4 &&
         own.where_prec < inc.place.where_prec &&
         (inc.place.admin1.empty() || own.admin1 == inc.place.admin1)) ||
        (later && own.found() && own.where_prec <= inc.place.where_prec &&
         StatedAsWhere(doc, own.evidence) &&
         (own.iso3 != inc.place.iso3 ||
          (!own.admin1.empty() && !inc.place.admin1.empty() && own.admin1 != inc.place.admin1) ||
          NamesPlaceInside(own, inc.place)))) {
      chosen = &own;
    }
  }
  // A province or country is refined by a finer place inside it that a sentence of the same
  // incident names itself ("Gunmen killed seven policemen in Assam. Haflong police said the
  // gunmen opened fire on a patrol."), or by a place the gazetteer lacks written before that
  // province ("... killed in the region. ... was shot in Dikom, Assam"): the first such place
  // in text order.
  if (locations.gazetteer() != nullptr && chosen->found() && chosen->where_prec >= 4) {
    for (uint32_t ti : inc.triggers) {
      const uint32_t s = doc.triggers[ti].sentence;
      if (s >= doc.sentences.size()) continue;
      const EventLocation& here = locations.At(s);
      const Span sentence = doc.sentences[s].span;
      if (here.found() &&
          ((here.where_prec <= 3 && here.where_prec < chosen->where_prec) ||
           NamesPlaceInside(here, *chosen)) &&
          here.iso3 == chosen->iso3 && (chosen->admin1.empty() || here.admin1 == chosen->admin1) &&
          here.evidence.begin >= sentence.begin && here.evidence.end <= sentence.end) {
        chosen = &here;
        break;
      }
    }
  }
  // A village the gazetteer lacks, named by another sentence of the incident inside that place
  // ("the farmer was shot dead in Barangay X" after "killed a farmer in Y town"); at the
  // victim's home, the village the victim lives in ("... of Barangay X, Y").
  std::optional<EventLocation> village;
  if (locations.gazetteer() != nullptr) {
    // Read only when a sentence names such a village (rare): most incidents never ask. (One
    // pointer captured: a std::function keeps so small a callable in place, where three
    // references made it allocate for every incident.)
    struct HomeQuestion {
      const Document& doc;
      const Incident& inc;
      std::optional<bool> answer;
    } home{doc, inc, std::nullopt};
    const std::function<bool()> at_home = [&home] {
      if (!home.answer) home.answer = AtVictimsHome(home.doc, home.inc);
      return *home.answer;
    };
    uint32_t last = UINT32_MAX;
    for (uint32_t ti : inc.triggers) {
      const uint32_t s = doc.triggers[ti].sentence;
      if (s == last) continue;
      last = s;
      village = VillageInside(doc, *chosen, s, at_home);
      // A sentence opening with its own day ("Yesterday, ...") may tell of another incident
      // grouped with this one: its village is not taken.
      if (village && !OpensWithDate(doc, s)) {
        chosen = &*village;
        break;
      }
      // The sentence after it, with no trigger of its own, tells more of the same incident
      // ("A soldier was killed in Poonch district. The firing was in the Kirni sector of
      // Poonch.").
      if (s + 1 < doc.sentences.size() && !HasTrigger(doc, s + 1)) {
        village = VillageInside(doc, *chosen, s + 1, at_home);
        if (village && !OpensWithDate(doc, s + 1)) {
          chosen = &*village;
          break;
        }
      }
    }
  }
  const EventLocation& loc = *chosen;
  if (!loc.found()) return;
  // Spelled as in the actor names ("Military Forces of Democratic Republic of Congo"), which
  // follow ACLED; GeoNames' name when the actor lexicon does not know the country.
  const std::string_view acled_name = ActorCountryName(loc.iso3);
  e->country = acled_name.empty() ? loc.country : std::string(acled_name);
  e->iso3 = loc.iso3;
  if (!loc.admin1.empty()) e->admin1 = loc.admin1;
  // Known only to its country: at the capital (the coordinates), so in the capital's division.
  if (loc.admin1.empty() && loc.where_prec == 6 && locations.gazetteer() != nullptr) {
    if (std::string a1 = CapitalAdmin1(*locations.gazetteer(), loc.iso3); !a1.empty()) {
      e->admin1 = std::move(a1);
    }
  }
  if (!loc.admin2.empty()) e->admin2 = loc.admin2;
  e->location = loc.location;
  if (loc.has_coordinates) {
    e->latitude = loc.lat;
    e->longitude = loc.lon;
  }
  if (loc.geonameid != 0) e->geonameid = loc.geonameid;
  e->geo_precision = loc.geo_precision;
  e->where_prec = loc.where_prec;
  // Field names looked up once, not per event.
  static const FieldName kPlaceFields[] = {"country",  "iso3",      "admin1",    "admin2",
                                           "location", "latitude",  "longitude", "geonameid",
                                           "geo_precision", "where_prec"};
  AddEvidence(doc, kPlaceFields, loc.evidence, e);
}

bool FillDate(const Document& doc, const Incident& inc, Event* e) {
  // The incident's sentences in the order it is told; the first one governs. (A list of the
  // calling thread: ResolveEventDate does not come back here.)
  thread_local std::vector<uint32_t> sentences;
  sentences.clear();
  for (uint32_t ti : inc.triggers) {
    const uint32_t s = doc.triggers[ti].sentence;
    if (std::find(sentences.begin(), sentences.end(), s) == sentences.end()) sentences.push_back(s);
  }
  EventDate d = ResolveEventDate(doc, sentences);
  if (!d.date_start) return false;
  e->date_start = d.date_start;
  e->date_end = d.date_end;
  e->event_date = d.event_date;
  e->time_precision = d.time_precision;
  e->date_prec = d.date_prec;
  static const FieldName kDateFields[] = {"date_start", "date_end", "event_date",
                                          "time_precision", "date_prec"};
  AddEvidence(doc, kDateFields, d.evidence, e);
  return !d.from_fallback;
}

// Log-odds that an event is a real, correctly typed incident report, from what the event itself
// shows. The values are hand-set from the reliability table `sitrep eval` prints for the ACLED,
// GTD and UCDP dev sets (share of events matching gold per confidence bin; docs/design.md):
// protests without casualties are almost always right, explosions nearly so; a "battle" with
// deaths but no named attacker, a "protest" with deaths and a riot with casualties are often
// mistyped.
double EvidenceLogOdds(const Event& e, bool casualties, bool dated) {
  double z = 1.2;  // Strategic developments and anything untyped
  const std::string& type = e.event_type;
  if (type == "Protests")
    z = casualties ? 0.5 : 3.4;
  else if (type == "Explosions/Remote violence")
    z = 2.4;
  else if (type == "Battles")
    z = !casualties ? 1.45 : e.actor1 ? 2.0 : 0.3;
  else if (type == "Violence against civilians")
    z = 1.75;
  else if (type == "Riots")
    z = casualties ? 0.75 : 1.6;
  if (!dated) z -= 0.3;
  // Without a country an event cannot be mapped or counted by place: it never matched a coded
  // event on the dev sets, so it scores like a side incident.
  if (e.country.empty()) z = std::min(z, -3.0);
  return z;
}

// A document's leading event is its event with the most deaths (the first on ties); the others
// are side incidents or fragments of it, which match a coded event far less often (about 1 in
// 20 on the dev sets), so they get a fixed low score.
constexpr double kSecondaryEventLogOdds = -3.0;

void SetConfidence(const std::vector<double>& evidence_log_odds, std::vector<Event>* events) {
  size_t leading = SIZE_MAX;
  for (size_t i = 0; i < events->size(); ++i) {
    if ((*events)[i].historical) continue;
    if (leading == SIZE_MAX || (*events)[i].deaths_best > (*events)[leading].deaths_best) {
      leading = i;
    }
  }
  for (size_t i = 0; i < events->size(); ++i) {
    const double z = i == leading ? evidence_log_odds[i] : kSecondaryEventLogOdds;
    (*events)[i].confidence = std::round(1000.0 / (1.0 + std::exp(-z))) / 1000.0;
  }
}

// A report's news is what happened in the days before it was published; an incident whose
// explicit dates all lie more than this many days earlier is background recalled for context
// ("On July 31, three people were killed in ...", "some 100 troops killed between March and May").
constexpr int64_t kNewsWindowDays = 7;

// Words of court proceedings: a report led by a plea, trial or sentence is about an older
// incident, which is then the story rather than background.
bool IsCourtSentence(const Document& doc, uint32_t sentence) {
  static constexpr std::string_view kWords[] = {
      "court",     "trial",   "pleaded", "pleads",    "sentenced", "convicted",
      "acquitted", "verdict", "inquest", "testified", "jury",      "prosecutors"};
  if (sentence >= doc.sentences.size()) return false;
  const Sentence& s = doc.sentences[sentence];
  for (uint32_t t = s.token_begin; t < s.token_end && t < doc.tokens.size(); ++t) {
    const std::string w = Lower(doc.Slice(doc.tokens[t].span));
    if (std::find(std::begin(kWords), std::end(kWords), w) != std::end(kWords)) return true;
  }
  return false;
}

// Whether the event is first told by a sentence that opens with the event's date ("On
// February 15, ...", "On Sunday, ...", "A day earlier, ..."): the way a report turns from its
// news to earlier days.
bool OpensWithOwnDate(const Document& doc, const Event& e, uint32_t sentence) {
  if (sentence >= doc.sentences.size()) return false;
  const uint32_t opening = OpeningToken(doc, sentence);
  if (opening >= doc.sentences[sentence].token_end) return false;
  for (const Evidence& ev : e.evidence) {
    if (ev.field == "date_start") return ev.start == doc.tokens[opening].span.begin;
  }
  return false;
}

void MarkBackgroundEvents(const Document& doc, const std::vector<uint32_t>& first_trigger,
                          const std::vector<uint32_t>& first_sentence,
                          const std::vector<bool>& dated, std::vector<Event>* events) {
  const std::optional<DayRange> pub_range =
      ParseDateValue(std::string_view(doc.published).substr(0, 10));
  if (!pub_range || pub_range->grain != DateGrain::kDay || events->size() < 2) return;
  const int64_t pub = pub_range->first;
  // The lead event: the one told first (headline or lead sentence) is the article's news.
  size_t lead = 0;
  for (size_t i = 1; i < events->size(); ++i) {
    if (first_trigger[i] < first_trigger[lead]) lead = i;
  }
  if (IsCourtSentence(doc, first_sentence[lead])) return;
  // The last day the event's dates allow ("April" ends on April 30).
  auto last_day = [&](const Event& e) -> std::optional<int64_t> {
    const std::optional<std::string>& v = e.date_end ? e.date_end : e.date_start;
    if (!v) return std::nullopt;
    const std::optional<DayRange> r = ParseDateValue(*v);
    if (!r) return std::nullopt;
    return r->last;
  };
  // Only when the lead itself is news: an article about an old incident (a trial, an
  // anniversary) has no news window to measure against.
  const std::optional<int64_t> lead_day = last_day((*events)[lead]);
  if (lead_day && pub - *lead_day > kNewsWindowDays) return;
  // The lead is the day's news when it is dated the day of publication or the day before.
  const bool lead_is_today = !dated[lead] || (lead_day && pub - *lead_day <= 1);
  for (size_t i = 0; i < events->size(); ++i) {
    if (i == lead || !dated[i]) continue;
    const std::optional<int64_t> day = last_day((*events)[i]);
    if (!day) continue;
    if (pub - *day > kNewsWindowDays || (lead_is_today && pub - *day > 1 &&
                                         OpensWithOwnDate(doc, (*events)[i], first_sentence[i]))) {
      (*events)[i].historical = true;
    }
  }
}

// Place mentions that say where someone comes from or what they are called, not where the
// event happened: "a commander from Tunisia", "known as Abu Ali al-Tunisi".
bool IsOriginPlace(const Document& doc, const PlaceMention& m) {
  auto tok = doc.FirstTokenFrom(m.span.begin);
  if (tok == doc.tokens.begin()) return false;
  const std::string_view prev = doc.Slice(std::prev(tok)->span);
  // "coded as X": an event note naming where the event is coded, not a name.
  if (EqualsLower(prev, "as") && std::prev(tok) != doc.tokens.begin() &&
      EqualsLower(doc.Slice(std::prev(tok, 2)->span), "coded")) {
    return false;
  }
  if (EqualsLower(prev, "from")) {
    // "the road from Iguala to Taxco": one end of a route, not where someone comes from.
    const auto next = doc.FirstTokenFrom(m.span.end);
    if (next == doc.tokens.end() || std::next(next) == doc.tokens.end() ||
        !EqualsLower(doc.Slice(next->span), "to")) {
      return true;
    }
    const uint32_t after = std::next(next)->span.begin;
    return std::none_of(doc.places.begin(), doc.places.end(), [&](const PlaceMention& p) {
      return p.span.begin == after && !p.demonym;
    });
  }
  return EqualsLower(prev, "as") || EqualsLower(prev, "named") || EqualsLower(prev, "nicknamed");
}

// The document as the stages below read it, without its origin places, written into `out`
// (in its memory: a document of the thread serves document after document): a copy of the
// columns they read, not of those they do not (the events of an earlier run, the offset map,
// warnings, title and url, left as a new document has them), which can be long.
void AssignWithoutOriginPlaces(const Document& doc, Document* out) {
  out->id = doc.id;
  out->id_is_number = doc.id_is_number;
  out->published = doc.published;
  out->text = doc.text;
  out->paragraphs = doc.paragraphs;
  out->tokens = doc.tokens;
  out->sentences = doc.sentences;
  out->timex = doc.timex;
  out->quantities = doc.quantities;
  out->casualties = doc.casualties;
  out->actors = doc.actors;
  out->triggers = doc.triggers;
  out->places.clear();
  out->places.reserve(doc.places.size());
  for (const PlaceMention& m : doc.places) {
    if (!IsOriginPlace(doc, m)) out->places.push_back(m);
  }
}

}  // namespace
}  // namespace event

std::vector<Event> AssembleEvents(const Document& doc_in, const Gazetteer* gaz) {
  using namespace event;
  // Only news mentions form incidents (GroupMentions): without one there is no event, and
  // nothing below needs to be worked out.
  if (std::none_of(doc_in.triggers.begin(), doc_in.triggers.end(), [&](const TriggerMention& t) {
        return !t.historical && !t.negated && t.sentence < doc_in.sentences.size();
      })) {
    return {};
  }
  // Without origin places, so that no stage below locates an event by them. (In a document of
  // the calling thread: nothing below comes back here.)
  const Document* without_origin = nullptr;
  if (std::any_of(doc_in.places.begin(), doc_in.places.end(),
                  [&](const PlaceMention& m) { return IsOriginPlace(doc_in, m); })) {
    thread_local Document filtered;
    AssignWithoutOriginPlaces(doc_in, &filtered);
    without_origin = &filtered;
  }
  const Document& doc = without_origin != nullptr ? *without_origin : doc_in;
  SentenceLocations locations(doc, gaz);
  // For the word tests of every event: in a buffer of the calling thread, reused from document
  // to document (nothing below comes back here).
  thread_local std::string lower_text;
  AssignLower(doc.text, &lower_text);
  const std::string_view lower = lower_text;
  locations.SetTextHasCoded(ContainsInLower(lower, "coded"));
  const std::vector<Span> links = LinkLists(doc, lower);
  // Of the calling thread, in the memory of the document before (nothing below comes back here).
  thread_local CasualtyContext casualty_context;
  casualty_context.Reset(doc, lower);
  thread_local MentionIndex mentions;
  mentions.Reset(doc);
  // The incidents in a pool of the calling thread, whose lists and strings serve document after
  // document (nothing below comes back here).
  thread_local std::vector<Incident> incident_pool;
  const size_t incident_count = GroupMentions(doc, locations, links, &incident_pool);
  const std::span<Incident> incidents(incident_pool.data(), incident_count);
  AssignFrames(doc, links, incidents);
  std::vector<Event> events;
  events.reserve(incidents.size());
  // Per event, what confidence and background marking read: lists of the calling thread,
  // reused from document to document (nothing below comes back here).
  thread_local std::vector<double> evidence_log_odds;
  thread_local std::vector<uint32_t> first_trigger, first_sentence;
  thread_local std::vector<bool> dated_events;
  thread_local std::string key;  // what the event id is made from
  // An event's rows are added to a list of the calling thread with room for any event's, then
  // copied into a list of their own number (rows without strings yet: a copy is their bytes).
  // A list with room for 32 rows took 1 KB an event for about 11 rows, which merging held till
  // the end or gave back by copying the rows again.
  thread_local std::vector<Evidence> rows;
  evidence_log_odds.clear();
  first_trigger.clear();
  first_sentence.clear();
  dated_events.clear();
  for (const Incident& inc : incidents) {
    // Made in place: an Event is large, and moving it in cost more than some of its fields.
    // (`events` has room for every incident, so the reference holds.)
    Event& e = events.emplace_back();
    rows.clear();
    if (rows.capacity() < 32) rows.reserve(32);  // an event has up to about 30 evidence rows
    e.evidence.swap(rows);
    e.doc_ids.push_back(doc.id);
    const uint32_t strongest = ChooseType(doc, inc);
    const TriggerMention& top = doc.triggers[strongest];
    e.event_type = top.event_type;
    e.sub_event_type = top.sub_event_type;
    // Field names looked up once, not per event.
    static const FieldName kTypeFields[] = {"event_type", "sub_event_type"};
    static const FieldName kInjured = "injured";
    AddEvidence(doc, kTypeFields, top.span, &e);

    FillPlace(doc, inc, locations, &e);
    const bool dated = FillDate(doc, inc, &e);
    const bool government = AssignRoles(doc, mentions, inc, e.iso3, e.country, &e);

    // (Totals of the thread: their evidence lists serve event after event.)
    thread_local CasualtyTotals totals;
    AggregateCasualties(doc, casualty_context, inc.frames, government || !e.side_a, &totals);
    const CasualtyTotals& c = totals;
    e.fatalities = c.fatalities;
    e.deaths_best = c.deaths_best;
    e.deaths_low = c.deaths_low;
    e.deaths_high = c.deaths_high;
    e.deaths_side_a = c.deaths_side_a;
    e.deaths_side_b = c.deaths_side_b;
    e.deaths_civilians = c.deaths_civilians;
    e.deaths_unknown = c.deaths_unknown;
    static const FieldName kDeathFields[] = {"fatalities", "deaths_best", "deaths_low",
                                             "deaths_high"};
    for (const Span& s : c.fatality_evidence) {
      AddEvidence(doc, kDeathFields, s, &e);
    }
    if (c.has_injured) {
      e.injured = c.injured;
      for (const Span& s : c.injured_evidence) AddEvidence(doc, kInjured, s, &e);
    }

    FindNamedPersons(doc, lower, mentions, inc, &e);
    e.historical = false;
    e.notes = FormatNotes(e);
    evidence_log_odds.push_back(EvidenceLogOdds(e, c.deaths_high > 0 || c.has_injured, dated));
    const std::string_view date = e.date_start ? std::string_view(*e.date_start) : "";
    key.clear();
    for (std::string_view part : {std::string_view(e.sub_event_type), date,
                                  std::string_view(e.iso3), std::string_view(e.location)}) {
      key += part;
      key += '|';
    }
    key += std::to_string(doc.triggers[inc.triggers.front()].span.begin);
    e.event_id = MakeEventId(doc.id, key);
    rows.swap(e.evidence);
    e.evidence.assign(rows.begin(), rows.end());
    first_trigger.push_back(doc.triggers[inc.triggers.front()].span.begin);
    first_sentence.push_back(inc.first_sentence(doc));
    dated_events.push_back(dated);
  }
  MarkBackgroundEvents(doc, first_trigger, first_sentence, dated_events, &events);
  SetConfidence(evidence_log_odds, &events);
  ShareEvidenceStrings(doc.id, doc.text, events);
  return events;
}

namespace {

class EventsStage final : public Stage {
 public:
  explicit EventsStage(std::shared_ptr<const Gazetteer> gaz) : gaz_(std::move(gaz)) {}
  std::string_view name() const override { return "events"; }
  Status Run(Document& doc) const override {
    doc.events = AssembleEvents(doc, gaz_.get());
    return Status::Ok();
  }

 private:
  std::shared_ptr<const Gazetteer> gaz_;
};

}  // namespace

std::unique_ptr<Stage> MakeEventsStage(std::shared_ptr<const Gazetteer> gaz) {
  return std::make_unique<EventsStage>(std::move(gaz));
}

}  // namespace sitrep
