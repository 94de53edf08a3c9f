// The trigger lexicon, data/triggers.tsv, compiled in as a raw string literal
// (src/trigger/triggers_tsv.inc; triggers_test checks it matches the TSV). After editing the TSV,
// from the repository root:
//   { echo 'R"sitrep_lexicon('; cat data/triggers.tsv; echo ')sitrep_lexicon"'; } >FILE
// with FILE = src/trigger/triggers_tsv.inc.
// TODO(build): generate the .inc from the TSV in CMake instead.
#include "trigger/lexicon.h"

#include <charconv>
#include <cstdlib>

#include "sitrep/pipeline.h"
#include "sitrep/triggers.h"

namespace sitrep::trigger {
namespace {

constexpr std::string_view kTriggersTsv =
#include "trigger/triggers_tsv.inc"
    ;

bool ParseClass(std::string_view name, CueClass* out) {
  static constexpr std::pair<std::string_view, CueClass> kNames[] = {
      {"fixed", CueClass::kFixed},
      {"ied", CueClass::kIed},
      {"attack", CueClass::kAttack},
      {"kill", CueClass::kKill},
      {"clash", CueClass::kClash},
      {"protest", CueClass::kProtest},
      {"riot", CueClass::kRiot},
      {"territory", CueClass::kTerritory},
      {"weapon", CueClass::kWeapon},
      {"mail", CueClass::kMail},
      {"hijack", CueClass::kHijack},
      {"label", CueClass::kLabel},
      {"ctx_suicide", CueClass::kCtxSuicide},
      {"ctx_intervention", CueClass::kCtxIntervention},
      {"ctx_violent", CueClass::kCtxViolent},
      {"ctx_victim", CueClass::kCtxVictim},
      {"ctx_armed_target", CueClass::kCtxArmedTarget},
      {"ctx_communal", CueClass::kCtxCommunal},
      {"ctx_hist", CueClass::kCtxHistory},
      {"ctx_hist_weak", CueClass::kCtxHistory},
      {"ctx_habitual", CueClass::kCtxHistory},
      {"ctx_recent", CueClass::kCtxHistory},
      {"ctx_negation", CueClass::kCtxNegation},
      {"ctx_irrealis", CueClass::kCtxIrrealis},
      {"ctx_grievance", CueClass::kCtxGrievance},
      {"ctx_planting", CueClass::kCtxPlanting},
      {"ctx_crowd", CueClass::kCtxCrowd},
      {"ctx_cause", CueClass::kCtxCause},
      {"ctx_harmful", CueClass::kCtxHarmful},
      {"ctx_vehicle", CueClass::kCtxVehicle},
  };
  for (const auto& [n, c] : kNames) {
    if (n == name) {
      *out = c;
      return true;
    }
  }
  return false;
}

Lexicon Build() {
  Lexicon lex;
  actor::ForEachTsvRow(kTriggersTsv, [&](const std::vector<std::string_view>& f) {
    Cue cue;
    if (f.size() < 4 || !ParseClass(f[1], &cue.cls)) return;
    if (f[2] != "-") {
      // A row naming an unknown sub-event type is a lexicon bug; triggers_test catches it.
      if (EventTypeOf(f[2]).empty()) return;
      for (std::string_view sub : AcledSubEventTypes()) {
        if (sub == f[2]) cue.sub_event_type = sub;
      }
      cue.event_type = EventTypeOf(f[2]);
    }
    cue.score = std::strtof(std::string(f[3]).c_str(), nullptr);
    uint32_t id = static_cast<uint32_t>(lex.cues.size());
    lex.cues.push_back(cue);
    for (std::string_view phrase : actor::SplitBars(f[0])) {
      lex.trie.Add(actor::PhraseKeys(phrase), id);
    }
  });
  return lex;
}

}  // namespace

const Lexicon& GetLexicon() {
  static const Lexicon* lexicon = new Lexicon(Build());
  return *lexicon;
}

std::string_view EmbeddedTriggersTsv() { return kTriggersTsv; }

}  // namespace sitrep::trigger
