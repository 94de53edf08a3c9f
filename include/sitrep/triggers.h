// Event triggers (the `triggers` layer): words and phrases that report a conflict event, typed
// into ACLED's event types and sub-event types (exact spellings, coding-rules.md), with a flag
// for background mentions.
//
//   sitrep::Document doc;
//   doc.text = "Police fired tear gas to disperse protesters in Nairobi on Monday.";
//   doc.published = "2024-09-14";
//   sitrep::AnnotateActors(doc);
//   sitrep::AnnotateTriggers(doc);
//   // doc.triggers: "protesters" → Protests / Protest with intervention, historical false
//
// Typing uses the trigger's cue class (data/triggers.tsv) and its sentence: actor mentions
// (doc.actors) decide Armed clash vs Attack and who gains territory; context words decide the
// protest sub-types, suicide vs remote explosive, and the historical flag.
//
// Historical (background) mentions: a sentence-level score adds up cues — a date one year or
// more before doc.published ("in 2014", "since 2016", "last year"), background phrases ("in
// recent years", "history of", "rose to power"), habitual or continuing aspect ("have continued
// to", "frequently", "routinely", "has long"), past perfect; recent-date cues ("on Monday",
// "recently", "last month", a timex within 60 days of publication) subtract. Score ≥ 1 →
// historical. Rules: src/trigger/historical.cc.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/span.h"

namespace sitrep {

struct Document;
class Stage;

struct TriggerMention {
  Span span;                   // byte range into Document::text
  uint32_t sentence = 0;       // index into Document::sentences
  // Exact ACLED spellings; they view static or lexicon storage that lives as long as the
  // process (no string is made per mention).
  std::string_view event_type;      // "Battles"
  std::string_view sub_event_type;  // "Armed clash"
  float score = 0;             // 0–1, how sure the typing is; higher = more specific evidence
  bool historical = false;     // background, not news of this document
  bool negated = false;        // "no clashes were reported", "denied attacking"
  bool operator==(const TriggerMention&) const = default;
};


// Returns the ACLED event type of an exact ACLED sub-event type ("Grenade" →
// "Explosions/Remote violence"), or empty for an unknown one.
std::string_view EventTypeOf(std::string_view sub_event_type);

// All 25 ACLED sub-event types, in coding-rules.md order.
const std::vector<std::string_view>& AcledSubEventTypes();

// Returns the trigger mentions of `doc` in text order. Needs doc.tokens / doc.sentences, and
// uses doc.actors (run AnnotateActors first) and doc.timex when present. Thread-safe.
std::vector<TriggerMention> FindTriggers(const Document& doc);

// Replaces doc.triggers with FindTriggers(doc); segments the document first if it has no tokens.
void AnnotateTriggers(Document& doc);

// The document's primary trigger: the non-historical, non-negated mention with the highest
// score (ties: the first); nullptr when there is none.
const TriggerMention* PrimaryTrigger(const Document& doc);

// The "triggers" pipeline stage: runs AnnotateTriggers.
std::unique_ptr<Stage> MakeTriggersStage();

}  // namespace sitrep
