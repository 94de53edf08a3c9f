// Event assembly (the `events` stage): turns a document's layers — triggers, actors,
// casualty frames, timex and places — into the conflict-event records of contract §2.
//
//   sitrep::Pipeline p = sitrep::MakeDefaultPipeline(options);  // ... "places", "events"
//   sitrep::Document doc = ...;  p.Run(doc);
//   for (const sitrep::Event& e : doc.events) { ... }  // one per incident, news only
//
// Within one document:
//  - Mentions (non-historical, non-negated triggers) that refer to one incident become one
//    event: a definite anaphor ("the raid", "the operation", "the attack") or a mention with no
//    place or date of its own joins the incident before it; a mention whose sentence names a
//    place in another country / another place of the same level, or a conflicting day, starts
//    a new incident. Strategic developments ("weapons were seized") join a neighbouring violent
//    incident instead of standing alone.
//  - Background mentions (historical triggers) are not emitted: `historical` is false on every
//    emitted event.
//  - Casualty frames go to the incident of their sentence (else the nearest one before); see
//    AggregateCasualties for the counting rules.
//  - Every filled field gets an `evidence` span (byte offsets into doc.text).
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/document.h"
#include "sitrep/gazetteer.h"
#include "sitrep/pipeline.h"

namespace sitrep {

// The casualty figures of one event.
struct CasualtyTotals {
  int fatalities = 0;  // ACLED: most conservative credible total
  int deaths_low = 0, deaths_high = 0, deaths_best = 0;
  int deaths_side_a = 0, deaths_side_b = 0, deaths_civilians = 0, deaths_unknown = 0;
  bool has_injured = false;
  int injured = 0;
  std::vector<Span> fatality_evidence;  // frames that gave the killed counts
  std::vector<Span> injured_evidence;
};

// Aggregates the casualty frames `frames` (indices into doc.casualties) of one event:
//  - per fate, frames are grouped into reports by sentence; within a report, counts of
//    different victims add up (subtotals excepted); across reports, counts of the same victim
//    category are alternative reports (low = min, high = max), counts of different categories
//    add up;
//  - a count with no victim category ("15 people") is a report of the total: it brackets the sum
//    of the categorized counts ("14 ISIS operatives" + "at least 15 people" → low 14, high 15);
//  - an update ("the toll rose to 20") supersedes every earlier report of its fate;
//  - negated frames ("no one was killed") count 0; "casualties" frames are ignored;
//  - fatalities = low; best = high, split into side A (state forces), side B (non-state),
//    civilians and unknown (the part of the total no category explains);
//  - injured = the best estimate of injured, when any frame reports injuries.
// `state_is_side_a` false swaps the two sides (no government involved).
CasualtyTotals AggregateCasualties(const Document& doc, std::span<const uint32_t> frames,
                                   bool state_is_side_a = true);

// ACLED interaction code: the two inter codes, smaller first (1,2 → 12; 7,3 → 37; 5,0 → 50).
int InteractionCode(int inter1, int inter2);

// UCDP name of an ACLED actor: "Military Forces of Iraq" → "Government of Iraq",
// "Islamic State" → "IS"; other names are returned unchanged.
std::string UcdpSideName(std::string_view acled_actor);

// One ACLED-style sentence summarizing `event` from its filled fields:
// "In August 2024, Military Forces of Iraq (with Military Forces of the United States) clashed
// with Islamic State in Anbar, Iraq; 14 killed, 7 injured."
std::string FormatNotes(const Event& event);

// Stable id: a hex hash of the document id and a canonical key of the event (type, date, place,
// first trigger offset). The same inputs always give the same id.
std::string MakeEventId(std::string_view doc_id, std::string_view canonical_key);

// Returns the events of `doc` (see the top of this file). Needs the segment, timex, quantities,
// actors and triggers layers; uses places when `gaz` is non-null and the document has them.
// Thread-safe.
std::vector<Event> AssembleEvents(const Document& doc, const Gazetteer* gaz = nullptr);

// The "events" pipeline stage: doc.events = AssembleEvents(doc, gaz.get()). `gaz` may be null.
std::unique_ptr<Stage> MakeEventsStage(std::shared_ptr<const Gazetteer> gaz = nullptr);

}  // namespace sitrep
