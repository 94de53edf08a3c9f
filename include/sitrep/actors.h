// Actor mentions (the `entities` layer): who is named in the text, normalized to ACLED-style
// actor names with their inter code (1 state forces ... 8 external/other forces).
//
//   sitrep::Document doc;
//   doc.text = "Iraqi forces and U.S. troops killed 14 ISIS militants.";
//   sitrep::AnnotateActors(doc);  // segments first when doc.tokens is empty
//   // doc.actors[0]: "Iraqi forces"  → "Military Forces of Iraq", inter 1, "IRQ"
//   // doc.actors[1]: "U.S. troops"   → "Military Forces of the United States", inter 1, "USA"
//   // doc.actors[2]: "ISIS"          → "Islamic State", inter 2
//   // doc.actors[3]: "militants"     → "Unidentified Armed Group", inter 3, generic
//
// The lexicon is data/actors/*.tsv, compiled into the library (see src/actor/lexicon.cc), so it
// works from any working directory. Matching is longest-match over lower-cased tokens;
// all-caps aliases of up to 5 letters ("IS", "US", "KIA") match only in upper case.
//
// Inter codes are those of a mention, not of an event role: state forces get 1 even when they
// fight abroad (the role stage turns them into 8 when the event country differs).
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

struct ActorMention {
  Span span;                 // byte range into Document::text
  // The name and code view the compiled-in actor lexicon (or static text), which lives as long
  // as the process: no string is made per mention.
  std::string_view actor;         // "Islamic State", "Military Forces of Iraq", "Protesters"
  int inter = 0;                  // ACLED actor type 1–8
  std::string_view country_iso3;  // "IRQ"; empty when the mention does not say
  // True when the mention names a class of actors rather than one organization ("gunmen",
  // "protesters", a bare "police"): the role stage completes the name with the event country,
  // "Protesters" → "Protesters (Kenya)", "Military Forces" → "Military Forces of Kenya".
  bool generic = false;
  // The branch of a state force the mention names ("Gendarmerie" for "gendarmes"; a view of the
  // lexicon), else empty. A branch fights beside the country's other forces: it is no faction.
  std::string_view branch;
  bool operator==(const ActorMention&) const = default;
};


// Returns the actor mentions of `doc` in text order, non-overlapping. Needs doc.tokens and
// doc.sentences (call Segment first). Thread-safe.
std::vector<ActorMention> FindActors(const Document& doc);

// Replaces doc.actors with FindActors(doc); segments the document first if it has no tokens.
void AnnotateActors(Document& doc);

// The ACLED country name of an ISO3 code known to the actor lexicon ("IRQ" → "Iraq",
// "USA" → "United States"), or empty.
std::string_view ActorCountryName(std::string_view iso3);

// ACLED's name for the state forces of an ISO3 code known to the actor lexicon, with the article
// where the country takes one ("IRQ" → "Military Forces of Iraq", police → "Police Forces of the
// Philippines"), or empty. The one rule for these names: actor mentions use it too. With a
// `branch` of the lexicon ("Gendarmerie"), the branch's name: "Police Forces of Burkina Faso
// Gendarmerie"; empty when the lexicon has no such branch.
std::string_view ActorForcesName(std::string_view iso3, bool police, std::string_view branch = {});

// A state-force name without the branch the lexicon knows at its end: "Police Forces of Burkina
// Faso Gendarmerie" → "Police Forces of Burkina Faso"; any other name as it is.
std::string_view ActorForcesWithoutBranch(std::string_view name);

// The "actors" pipeline stage: runs AnnotateActors.
std::unique_ptr<Stage> MakeActorsStage();

}  // namespace sitrep
