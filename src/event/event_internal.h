// Private pieces of the events stage, shared by its .cc files and unit tests.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "geo/event_location.h"
#include "sitrep/pipeline.h"
#include "sitrep/document.h"
#include "sitrep/gazetteer.h"
#include "sitrep/events.h"
#include "sitrep/places.h"
#include "util/literal_equal.h"
#include "util/rarest_byte.h"
#include "util/span_overlaps.h"

namespace sitrep::event {

// One incident of a document under assembly: the trigger mentions that refer to it and what
// anchors it in space and time.
struct Incident {
  std::vector<uint32_t> triggers;  // indices into doc.triggers, text order
  std::vector<uint32_t> frames;    // indices into doc.casualties, text order
  // The first place named by one of its mention sentences (found() false when none).
  EventLocation place;
  // The first date (a TIMEX3 DATE value) named by one of its mention sentences; empty if none.
  std::string date_value;
  Span date_span;

  uint32_t first_sentence(const Document& doc) const {
    return doc.triggers[triggers.front()].sentence;
  }
  uint32_t last_sentence(const Document& doc) const {
    return doc.triggers[triggers.back()].sentence;
  }
  bool HasSentence(const Document& doc, uint32_t s) const;
};

// Type families: mentions of different families may still be one incident; strategic
// developments never decide a violent incident's type.
enum class Family : uint8_t { kViolent, kDemonstration, kStrategic };
Family FamilyOf(std::string_view event_type);

// LocateEvent of each sentence of one document, computed once (LocatedEvent keeps each
// sentence's answer): grouping asks for every sentence with a mention and event assembly again
// for an incident's first sentence.
class SentenceLocations {
 public:
  // `gaz` may be null: no sentence is located then.
  SentenceLocations(const Document& doc, const Gazetteer* gaz) : doc_(doc), gaz_(gaz) {}
  const Gazetteer* gazetteer() const { return gaz_; }
  // LocateEvent(doc, sentence, *gaz); needs a gazetteer. Valid while this lives.
  const EventLocation& At(uint32_t sentence) { return LocatedEvent(doc_, sentence, *gaz_, cache_); }
  // LocateCache::SetTextHasCoded, before the first sentence is asked.
  void SetTextHasCoded(bool has) { cache_.SetTextHasCoded(has); }

 private:
  const Document& doc_;
  const Gazetteer* gaz_;
  LocateCache cache_;  // what LocateEvent keeps of the document, each sentence's answer too
};

// Groups the document's news mentions (non-historical, non-negated triggers) into incidents,
// in order of first mention. `gaz` may be null (no place anchors then).
std::vector<Incident> GroupMentions(const Document& doc, const Gazetteer* gaz);
// The same, locating sentences through `locations` (made for `doc`; `links` = LinkLists(doc)),
// written into the first incidents of `pool` (returns how many): the incidents after them, and
// their lists and strings, keep their memory for the next document (a pool of the thread serves
// document after document).
size_t GroupMentions(const Document& doc, SentenceLocations& locations,
                     const std::vector<Span>& links, std::vector<Incident>* pool);

// Gives every casualty frame of a news sentence to one incident (its sentence's, else the
// nearest before). Frames of background sentences are dropped.
void AssignFrames(const Document& doc, std::vector<Incident>* incidents);
// The same with `links` = LinkLists(doc).
void AssignFrames(const Document& doc, const std::vector<Span>& links,
                  std::span<Incident> incidents);

// Lists of links to other stories ("You may also like: ..."): spans whose headlines are not
// mentions or casualty reports.
std::vector<Span> LinkLists(const Document& doc);
// The same with `lower` = Lower(doc.text).
std::vector<Span> LinkLists(const Document& doc, std::string_view lower);

// The document's mentions as every event asks for them, indexed once per document: the actor
// mentions of each sentence, and the spans a person's name may not overlap (actor mentions and
// resolved places other than demonyms). An event used to scan all of the document's mentions,
// which grows with the square of the document's length.
class MentionIndex {
 public:
  MentionIndex() = default;
  explicit MentionIndex(const Document& doc) { Reset(doc); }
  // Indexes `doc`, in the memory of the document indexed before: one index per thread serves
  // document after document without allocating.
  void Reset(const Document& doc);
  // Indices into doc.actors of the mentions inside sentence `s`, ascending.
  std::span<const uint32_t> ActorsOf(uint32_t s) const {
    return {actors_.data() + first_[s], first_[s + 1] - first_[s]};
  }
  // Made at the first ask: the spans of a short document's few mentions are quickly scanned,
  // and often no name is looked up at all.
  const util::SpanOverlaps& named() const;

 private:
  const Document* doc_ = nullptr;
  std::vector<uint32_t> first_;   // sentence s holds actors_[first_[s], first_[s + 1])
  std::vector<uint32_t> actors_;
  std::vector<uint32_t> sentence_of_;  // per actor mention, its sentence (UINT32_MAX none)
  mutable util::SpanOverlaps named_;
  mutable bool named_made_ = false;
};

// Actors and roles of one event, written into `event` (actor1/2, assoc, inter, interaction,
// side_a/b) with evidence. `country_iso3` / `country` locate the event ("" when unknown);
// `mentions` is made for `doc`. Returns true when a government is one of the sides (side_a).
bool AssignRoles(const Document& doc, const MentionIndex& mentions, const Incident& incident,
                 std::string_view country_iso3, std::string_view country, Event* event);

// Named persons in the incident's sentences, with evidence.
void FindNamedPersons(const Document& doc, const Incident& incident, Event* event);
// The same with `lower` = Lower(doc.text) and `mentions` made for `doc`, once for all the
// document's events.
void FindNamedPersons(const Document& doc, std::string_view lower, const MentionIndex& mentions,
                      const Incident& incident, Event* event);

// True when the sentence's words say its event is a different one: "in a separate attack",
// "elsewhere", "in another incident".
bool SaysSeparateIncident(const Document& doc, uint32_t sentence);

// The token a sentence opens with, past leading punctuation and an "On"/"In" ("On Sunday, ..."
// gives "Sunday"), or sentence.token_end when it has no word or number.
uint32_t OpeningToken(const Document& doc, uint32_t sentence);

// Lower-case text of a span.
std::string Lower(std::string_view text);
// The same, written into `out` (its memory reused).
void AssignLower(std::string_view text, std::string* out);

// ASCII lower-casing of one byte, as Lower does (other bytes unchanged).
inline char LowerByte(char c) {
  return static_cast<char>(c | (static_cast<unsigned char>(c - 'A') < 26 ? 0x20 : 0));
}
// Lower(text) == lower, without building the string (`lower` is lower-case).
inline bool EqualsLower(std::string_view text, std::string_view lower) {
  if (text.size() != lower.size()) return false;
  for (size_t i = 0; i < text.size(); ++i) {
    if (LowerByte(text[i]) != lower[i]) return false;
  }
  return true;
}
// Lower(text).starts_with(lower).
inline bool StartsWithLower(std::string_view text, std::string_view lower) {
  return text.size() >= lower.size() && EqualsLower(text.substr(0, lower.size()), lower);
}
// Lower(text).find(lower) != npos: whole-document prechecks of rules that look for a phrase
// sentence by sentence (a sentence cannot hold what the text does not).
using util::ContainsLowerAscii;

using util::RarestByte;  // where a search for a word looks first
// text.find(lower) != npos for a `text` already lower-cased (Lower): ContainsLowerAscii without
// looking for upper-case letters.
bool ContainsInLower(std::string_view text, std::string_view lower);
// Whether the CPU runs AVX2 (false where the build cannot ask): the build targets plain x86-64,
// so the wide block searches are picked at run time.
bool CpuHasAvx2();

// One evidence row per field, all of one span of `doc`, without strings: they are given by
// ShareEvidenceStrings(doc.id, doc.text, ...) once all the document's rows are added.
void AddEvidence(const Document& doc, std::span<const FieldName> fields, Span span, Event* event);
inline void AddEvidence(const Document& doc, FieldName field, Span span, Event* event) {
  AddEvidence(doc, std::span<const FieldName>(&field, 1), span, event);
}

// What casualty aggregation reads of a document for every event — the figures shared over
// several incidents ("across both attacks", "split between 2 events") and facts of each
// sentence's words — worked out once per document, each sentence's at its first use.
class CasualtyContext {
 public:
  CasualtyContext() = default;
  // `lower` = Lower(doc.text); both must outlive the context.
  CasualtyContext(const Document& doc, std::string_view lower) { Reset(doc, lower); }
  // Reads `doc` instead, in the memory of the document read before: one context per thread
  // serves document after document without allocating. (The same arguments as the
  // constructor's.)
  void Reset(const Document& doc, std::string_view lower);

  std::string_view LowerOf(Span span) const { return lower_.substr(span.begin, span.size()); }
  // " " + the sentence's lower-case text.
  std::string_view Spaced(uint32_t sentence);
  // Words of a running total over a period: " since ", " so far", " nationwide" ...
  bool PeriodWords(uint32_t sentence);
  // Words saying a count is more people: " also ", " additionally", ", as were " ...
  bool Additive(uint32_t sentence);
  // Words saying two counts are different people: " also ", " too", " other " ...
  bool SaysMore(uint32_t sentence);
  // Words of a count over weeks or more: " the latest of ", " weeks of ", " months of " ...
  bool OverWeeks(uint32_t sentence);
  // " this year"
  bool ThisYear(uint32_t sentence);
  // The memo slot of a fact of frame `f` (-1: not worked out yet), or null for a frame that is
  // not one of the document's own (a copy). Casualty aggregation asks the same frames' facts
  // again and again: for each other frame of an event, and for every event of the document.
  int8_t* OtherVictimsSlot(const CasualtyFrame& f) {
    const CasualtyFrame* const first = doc_->casualties.data();
    if (&f < first || &f >= first + doc_->casualties.size()) return nullptr;
    if (!other_victims_made_) {
      other_victims_.assign(doc_->casualties.size(), -1);
      other_victims_made_ = true;
    }
    return &other_victims_[static_cast<size_t>(&f - first)];
  }

  // Per sentence, the number of incidents its figures cover; empty (1 for every sentence) when
  // the document has no casualty frame.
  std::vector<int64_t> shared;
  int64_t split_n = 0;          // "split between N events" (0 when not said)
  uint32_t split_at = 0;        // the sentence that says it

 private:
  struct SentenceFacts {
    std::string_view spaced;  // into lower_, or into `own` when no space precedes the sentence
    std::string own;
    // -1: not looked at yet
    int8_t period = -1, additive = -1, more = -1, over_weeks = -1, this_year = -1;
  };
  bool AnyOnce(uint32_t sentence, int8_t SentenceFacts::*slot,
               std::initializer_list<std::string_view> words, std::string_view piece = {},
               std::initializer_list<std::string_view> with_piece = {});
  const Document* doc_ = nullptr;
  std::string_view lower_;
  // Sentence `s`'s facts; the list is made at the first ask (most documents without casualty
  // frames never ask), and never resized after (views into each `own` hold).
  // (Made by assigning empty facts: the `own` strings of a reused list keep their memory.)
  SentenceFacts& Facts(uint32_t s) {
    if (!facts_made_) {
      facts_.assign(doc_->sentences.size(), SentenceFacts{});
      facts_made_ = true;
    }
    return facts_[s];
  }
  std::vector<SentenceFacts> facts_;
  std::vector<int8_t> other_victims_;  // per frame of the document: CountsOtherVictims
  bool facts_made_ = false, other_victims_made_ = false;  // for this document
};

// Whether casualty frame `f` tells a death that did not happen in this incident (a motive, a
// condition, an intention), read in `ctx` (made for `doc`).
bool Hypothetical(const Document& doc, CasualtyContext& ctx, const CasualtyFrame& f);
// text.rfind(word): sixteen starts at a time from the end where SSE2 is (as ContainsInLower),
// else from the end at the word's rarest byte (memrchr); rfind compares the whole word at
// every position.
size_t LastIndexOf(std::string_view text, std::string_view word);

// The armed side across a country's standing front line (data/actors/front_lines.tsv): the
// opponent of its state forces in fighting across the line that names neither side.
struct FrontLineOpponent {
  std::string_view name;  // "NAF: United Armed Forces of Novorossiya"
  int inter = 0;
  std::string_view iso3;  // the actor's country
};
// The row of `iso3` whose days hold `date` ("YYYY-MM-DD"); without a date, the row that runs to
// date. None for a country without one.
std::optional<FrontLineOpponent> FrontLineOpponentOf(std::string_view iso3,
                                                     std::optional<std::string_view> date);
// data/actors/front_lines.tsv as compiled in (src/event/front_lines_tsv.inc), for the test that
// they match.
std::string_view EmbeddedFrontLinesTsv();

}  // namespace sitrep::event

namespace sitrep {
// AggregateCasualties with the document's context made once for all its events.
CasualtyTotals AggregateCasualties(const Document& doc, event::CasualtyContext& ctx,
                                   std::span<const uint32_t> frames, bool state_is_side_a);
// The same, written into `*totals` (its evidence lists' memory reused: totals of the thread
// serve event after event).
void AggregateCasualties(const Document& doc, event::CasualtyContext& ctx,
                         std::span<const uint32_t> frames, bool state_is_side_a,
                         CasualtyTotals* totals);
}  // namespace sitrep
