// The trigger lexicon: data/triggers.tsv compiled into the library, parsed once on first use.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "actor/phrase_trie.h"

namespace sitrep::trigger {

// How a cue is typed in context (the `class` column of data/triggers.tsv).
enum class CueClass : uint8_t {
  kFixed, kIed, kAttack, kKill, kClash, kProtest, kRiot, kTerritory,
  kWeapon,  // small arms and gunfire: typed like kClash, but says nothing of two sides engaging
  kMail,    // mail carrying something ("envelopes containing"): column 3, only when a harmful
            // content word (kCtxHarmful) follows within three tokens
  kHijack,  // seizing a vehicle ("hijacked a plane"): column 3, only with a vehicle word
            // (kCtxVehicle) within three tokens before or five after; not "hijacked the debate"
  kLabel,  // a report's leading category label ("Arrests: On 3 May ..."), column 3 as is
  // Context words, not triggers:
  kCtxSuicide, kCtxIntervention, kCtxViolent, kCtxVictim, kCtxArmedTarget, kCtxCommunal,
  kCtxHistory,  // ctx_hist, ctx_hist_weak, ctx_habitual, ctx_recent: a signed weight
  kCtxNegation, kCtxIrrealis,
  kCtxPlanting,   // "planting an IED": the device has not gone off
  kCtxGrievance,  // "against", "demanding": what follows is the protest's cause, not its course
  kCtxCrowd,      // "locals", "community members", "a group of": unarmed people acting together
  kCtxCause,      // "after", "following": a grievance marker, only in a protest's sentence
  kCtxHarmful,    // "powder", "ricin", "explosives": what makes mail an attack
  kCtxVehicle,    // "plane", "bus", "vessel": what makes a hijacking one
};
// One past the last class (sizes per-class tables).
inline constexpr size_t kNumCueClasses = static_cast<size_t>(CueClass::kCtxVehicle) + 1;

inline bool IsTriggerClass(CueClass c) { return c <= CueClass::kLabel; }

struct Cue {
  CueClass cls = CueClass::kFixed;
  // Default type, a view of the static ACLED spelling (AcledSubEventTypes), which mentions keep;
  // empty for context words.
  std::string_view sub_event_type;
  std::string_view event_type;  // EventTypeOf(sub_event_type) (a literal), made once
  float score = 0;             // trigger confidence, or the history weight of kCtxHistory
};

struct Lexicon {
  actor::PhraseTrie trie;
  std::vector<Cue> cues;
};

// The compiled-in lexicon. Thread-safe.
const Lexicon& GetLexicon();

// The embedded data/triggers.tsv, for the test that checks it matches the file.
std::string_view EmbeddedTriggersTsv();

}  // namespace sitrep::trigger
