// Trigger detection and typing. For each sentence:
//  1. Scan: longest trigger phrases of data/triggers.tsv (non-overlapping) and every context
//     word, over lower-cased token keys. "March"/"May" with a capital are months, never cues.
//  2. Context: flags from the sentence and its neighbours (protest, intervention, violence,
//     suicide) and from the sentence itself (actor mentions, victim words, armed targets).
//  3. Type each trigger by its class (see the header of data/triggers.tsv):
//     - attack/kill: unarmed doers right before the cue (not passive) → Mob violence; the
//       cue's object (first words after it) decides next: a victim → Attack, an armed side or
//       target → Armed clash; else two armed sides (a later generic mention of a side already
//       named is not a second side), or one armed side hitting an armed target → Armed clash;
//       civilian victims → Violence against civilians / Attack; one armed side killing with no
//       armed target → Attack;
//     - clash: Armed clash, or Mob violence when no armed actor is named among communal words;
//     - protest: Violent demonstration (protester violence), Excessive force (state forces and
//       protesters themselves killed or shot at), Protest with intervention (dispersal,
//       arrests), else Peaceful protest;
//     - ied: Suicide bomb when "suicide" is said; explosive cues next to defusing or seizing
//       words become Disrupted weapons use;
//     - territory: the first actor before the cue decides who gained it.
//  4. Flags: negated when a negation word stands within three tokens before; historical from
//     the sentence's history score (sitrep/triggers.h) plus past perfect before the cue.
#include "sitrep/pipeline.h"
#include "sitrep/triggers.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cctype>
#include <initializer_list>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "actor/phrase_trie.h"
#include "sitrep/actors.h"
#include "sitrep/quantity.h"
#include "sitrep/text.h"
#include "trigger/historical.h"
#include "trigger/lexicon.h"
#include "util/literal_equal.h"
#include "util/prefetch.h"
#include "util/word_set.h"

namespace sitrep {
namespace {

using trigger::Cue;
using trigger::CueClass;

constexpr std::array<std::pair<std::string_view, std::string_view>, 25> kSubTypes = {{
    {"Armed clash", "Battles"},
    {"Government regains territory", "Battles"},
    {"Non-state actor overtakes territory", "Battles"},
    {"Chemical weapon", "Explosions/Remote violence"},
    {"Air/drone strike", "Explosions/Remote violence"},
    {"Suicide bomb", "Explosions/Remote violence"},
    {"Shelling/artillery/missile attack", "Explosions/Remote violence"},
    {"Remote explosive/landmine/IED", "Explosions/Remote violence"},
    {"Grenade", "Explosions/Remote violence"},
    {"Sexual violence", "Violence against civilians"},
    {"Attack", "Violence against civilians"},
    {"Abduction/forced disappearance", "Violence against civilians"},
    {"Peaceful protest", "Protests"},
    {"Protest with intervention", "Protests"},
    {"Excessive force against protesters", "Protests"},
    {"Violent demonstration", "Riots"},
    {"Mob violence", "Riots"},
    {"Agreement", "Strategic developments"},
    {"Arrests", "Strategic developments"},
    {"Change to group/activity", "Strategic developments"},
    {"Disrupted weapons use", "Strategic developments"},
    {"Headquarters or base established", "Strategic developments"},
    {"Looting/property destruction", "Strategic developments"},
    {"Non-violent transfer of territory", "Strategic developments"},
    {"Other", "Strategic developments"},
}};

constexpr size_t kNumClasses = trigger::kNumCueClasses;

struct Hit {
  uint32_t begin = 0, end = 0;  // token range
  const Cue* cue = nullptr;
  bool grievance = false;  // within four tokens after "against", "demanding"...
  // A trigger of one token whose key is the token lower-cased: the ScanWord flags of that key
  // (0 for any other hit), which the everyday-sense rules test instead of the token's text.
  uint16_t words = 0;
};

struct SentenceScan {
  std::vector<Hit> triggers;
  std::vector<Hit> context;
  std::array<bool, kNumClasses> has{};
  float history = 0;  // sum of ctx history weights (positive capped, negative taken once)
  // A past date written as a possessive ("last year's mutinies") dates the noun after it, not
  // the sentence: its weight, and the token it ends before, for the cue that noun is.
  std::vector<std::pair<uint32_t, float>> possessive_history;
  // A trigger kept in the sentence (after the everyday-sense rules) is of the sub-event type
  // "Disrupted weapons use" (set by Classifier::Run, read by each typing).
  bool disrupt = false;
};

// `type` == `name`: as views, sizes are compared first (a std::string compared with a literal
// measures the literal and compares bytes at every call).
template <size_t N>
bool Is(std::string_view type, const char (&name)[N]) {
  return type == name;
}

bool IsMonthHomograph(std::string_view surface) { return surface == "March" || surface == "May"; }

// The text of token `t` (Document::Slice without its bounds check, which is no inline code).
std::string_view TokenText(const Document& doc, uint32_t t) {
  const Span span = doc.tokens[t].span;
  return std::string_view(doc.text.data() + span.begin, span.size());
}

// The one-word cues Scan tests by their key, as flags of the trie nodes the root's first step
// reaches: a token's key is one of these words exactly when that step reaches a node with the
// word's flag (a word the lexicon lacks flags no node, as no token's first step reaches it).
// A flag test spares the string compares at every token that starts a phrase ("the", "in",
// "was" do, and most of them are none of these words).
enum ScanWord : uint16_t {
  kMonthWord = 1,         // "march", "may"
  kBeatWord = 2,          // "beat"
  kBarricadedWord = 4,    // "barricaded"
  kFiredWord = 8,         // "fired"
  kKillWord = 16,         // KillOfAThing's cues
  kFightWord = 32,        // FightAgainstAnIll's cues
  kHarmWord = 64,         // HarmWithoutViolence's cues
  kOperationWord = 128,   // OperationWithoutForces's cues
  kFigurativeWord = 256,  // FigurativeFight's cues
};

// Per trie node, its ScanWord flags.
const std::vector<uint16_t>& GetScanWordFlags() {
  static const std::vector<uint16_t> flags = [] {
    const actor::PhraseTrie& trie = trigger::GetLexicon().trie;
    std::vector<uint16_t> f(trie.num_nodes(), 0);
    auto flag = [&](std::initializer_list<std::string_view> words, ScanWord w) {
      for (std::string_view word : words) {
        const int32_t node = trie.Child(actor::PhraseTrie::kRoot, word);
        if (node >= 0) f[static_cast<size_t>(node)] |= w;
      }
    };
    flag({"march", "may"}, kMonthWord);
    flag({"beat"}, kBeatWord);
    flag({"barricaded"}, kBarricadedWord);
    flag({"fired"}, kFiredWord);
    flag({"killed", "kills", "killing"}, kKillWord);
    flag({"battle", "battled", "battles", "fight", "fighting", "fought", "combat", "combating",
          "combatting"},
         kFightWord);
    flag({"killed", "kills", "killing", "died", "injured", "injuring", "wounded", "attack",
          "battle", "battles", "battled", "fighting", "fought"},
         kHarmWord);
    flag({"operation", "operations"}, kOperationWord);
    flag({"battle", "battles", "battled", "fighting", "fought", "targeted", "offensive"},
         kFigurativeWord);
    return f;
  }();
  return flags;
}

// The classifier's per-document tables, kept per thread and reused from document to document
// (an allocation per sentence and per trigger cost more than the typing).
struct ClassifierBuffers {
  std::vector<SentenceScan> scans;  // grows only; the first doc.sentences.size() are the scans
  std::vector<std::vector<const ActorMention*>> actors_in;  // grows only, like `scans`
  std::vector<uint8_t> actors_in_filled;
  std::vector<int8_t> off_duty_in;
  std::vector<int8_t> unarmed_weapons_in;
  std::vector<size_t> labels;
  std::vector<const ActorMention*> before;  // Type's armed mentions before the cue
  // The lexicon and its ScanWord flags, looked up once per thread (each lookup per document
  // read a function-local static's guard, on a line the other stages had pushed out).
  const trigger::Lexicon& lex = trigger::GetLexicon();
  const uint16_t* word_flags = GetScanWordFlags().data();
};

class Scanner {
 public:
  Scanner(const Document& doc, const actor::TokenKeys& keys, const ClassifierBuffers& tables)
      : doc_(doc), lex_(tables.lex), keys_(keys), word_flags_(tables.word_flags) {}

  // Fills `out` (its buffers reused) with the scan of sentence `s`.
  void Scan(const Sentence& s, SentenceScan& out) const {
    out.triggers.clear();
    out.context.clear();
    out.possessive_history.clear();
    out.has = {};
    uint32_t trigger_end = s.token_begin;
    float pos = 0, neg = 0;
    // The phrases starting at token i, longest first.
    auto scan_from = [&](uint32_t i) {
      actor::PhraseTrie::Step step = lex_.trie.StepTo(actor::PhraseTrie::kRoot, keys_, i);
      if (step.node < 0) return;
      // The node of token i's key alone (the one-word tests below compare it, not the key).
      const int32_t first = step.node;
      if ((word_flags_[first] & kMonthWord) != 0 &&
          (IsMonthHomograph(TokenText(doc_, i)) || LowerCaseMonth(s, i))) {
        return;
      }
      Hit best;
      for (uint32_t j = i; j < s.token_end; ++j) {
        if (j > i) step = lex_.trie.StepTo(step.node, keys_, j);
        if (step.node < 0) break;
        for (uint32_t id : step.values) {
          const Cue& cue = lex_.cues[id];
          if (cue.cls == CueClass::kLabel) {
            // Only as the sentence's first words before a colon; then it outranks the cue
            // words it shares ("Arrests: ..." is a label, "arrests" elsewhere a cue).
            if (i == s.token_begin && j + 1 < s.token_end && keys_[j + 1] == ":" &&
                (best.cue == nullptr || j + 1 >= best.end)) {
              best = {i, j + 1, &cue};
            }
            continue;
          }
          if (trigger::IsTriggerClass(cue.cls)) {
            if (best.cue != nullptr && best.cue->cls == CueClass::kLabel && j + 1 <= best.end) continue;
            if (best.cue == nullptr || j + 1 > best.end || !trigger::IsTriggerClass(best.cue->cls)) {
              if (i >= trigger_end) best = {i, j + 1, &cue};
            }
            continue;
          }
          if (cue.cls == CueClass::kCtxViolent && BarricadedThemselves(s, first, i, j + 1)) {
            continue;
          }
          out.context.push_back({i, j + 1, &cue});
          out.has[static_cast<size_t>(cue.cls)] = true;
          if (cue.cls == CueClass::kCtxHistory) {
            // (Keys drop the possessive: the token as written tells.)
            const std::string_view last = TokenText(doc_, j);
            const bool possessive = last.ends_with("'s") || last.ends_with("\u2019s");
            // (Opening the sentence, it dates the subject the verbs tell of: counted as any.)
            if (cue.score > 0 && possessive && i > s.token_begin) {
              out.possessive_history.emplace_back(j + 1, cue.score);
            } else if (cue.score > 0) {
              pos += cue.score;
            } else {
              neg = std::min(neg, cue.score);
            }
          }
        }
      }
      // "a strategy to beat divisive forces": "beat" after "to" is no act of violence, but after
      // a verb of doing it is ("proceeded to beat a trader", "began to beat him").
      if (best.cue != nullptr && best.end == i + 1 && (word_flags_[first] & kBeatWord) != 0 &&
          i > s.token_begin && keys_[i - 1] == "to" &&
          !(i - 1 > s.token_begin && (keys_[i - 2] == "proceeded" || keys_[i - 2] == "began" ||
                                      keys_[i - 2] == "started" || keys_[i - 2] == "continued"))) {
        best.cue = nullptr;
      }
      // (best.begin == i: `first` is the node of its first key.)
      if (best.cue != nullptr && (KillOfAThing(s, first, best) || FiredFromAJob(s, first, best) ||
                                  FightAgainstAnIll(s, first, best) ||
                                  BarricadedThemselves(s, first, best.begin, best.end))) {
        best.cue = nullptr;
      }
      if (best.cue != nullptr) {
        if (best.end == i + 1 && keys_[i].size() == doc_.tokens[i].span.size()) {
          best.words = word_flags_[first];  // (nothing was dropped from the key)
        }
        out.triggers.push_back(best);
        out.has[static_cast<size_t>(best.cue->cls)] = true;
        trigger_end = best.end;
      }
    };
    // The tokens that may start a phrase (lex_.starts), 64 at a time as the bits of a word, then
    // each of them in order. Most tokens start none: they are passed over without a branch
    // (a third of them start some phrase's first key, most of these no phrase, and the loop
    // that stopped at each guessed its exit wrong).
    const uint64_t* const hashes = keys_.hashes();
    const actor::PhraseStarts& starts = lex_.trie.starts();
    for (uint32_t base = s.token_begin; base < s.token_end; base += 64) {
      const uint32_t stop = std::min<uint32_t>(base + 64, s.token_end);
      const uint32_t last = s.token_end - 1;  // tested alone: no next token in its sentence
      uint64_t may = 0;
      for (uint32_t t = base; t < std::min(stop, last); ++t) {
        may |= uint64_t{starts.MayStart(hashes[t], hashes[t + 1])} << (t - base);
      }
      if (stop == s.token_end) may |= uint64_t{starts.MayStartLast(hashes[last])} << (last - base);
      for (; may != 0; may &= may - 1) {
        scan_from(base + static_cast<uint32_t>(std::countr_zero(may)));
      }
    }
    // Mail is an attack only when it carries something harmful ("envelopes containing a white
    // powder", "a letter laced with ricin"), not "packages containing new phones".
    KeepOnlyWith(out, CueClass::kMail, CueClass::kCtxHarmful, [](const Hit& h, const Hit& g) {
      return g.begin >= h.end && g.begin <= h.end + 3;
    });
    // A hijacking seizes a vehicle named next to it: up to three tokens before ("the hijacked
    // plane") or five after ("hijacked a regional airline passenger flight").
    KeepOnlyWith(out, CueClass::kHijack, CueClass::kCtxVehicle, [](const Hit& h, const Hit& g) {
      return g.end + 3 >= h.begin && g.begin <= h.end + 5;
    });
    out.history = std::min(pos, 2.0f) + neg;
    // What protesters protest against is not what happened at the protest: "against the
    // arrest of", "demanding justice for the killing". Such hits do not set context flags.
    const bool protest = out.has[static_cast<size_t>(CueClass::kProtest)];
    // "protesting citizens", "protesting workers": the word describes the people after it and
    // opens no grievance (unlike "protesting the arrest of").
    auto describes_people = [&](const Hit& g) {
      if (keys_[g.begin] != "protesting") return false;
      for (const Hit& v : out.context) {
        if (v.cue->cls == CueClass::kCtxVictim && v.begin == g.end) return true;
      }
      return false;
    };
    // A relative clause carries the grievance on: "demanding the arrest of people who set fire
    // to the crops".
    auto relative_clause_between = [&](uint32_t from, uint32_t to) {
      bool relative = false;
      for (uint32_t t = from; t < to; ++t) {
        const std::string_view w = keys_[t];
        if (w == "," || w == ";" || w == ".") return false;
        relative |= w == "who" || w == "which" || w == "that" || w == "whom";
      }
      return relative;
    };
    auto after_grievance = [&](const Hit& h) {
      for (const Hit& g : out.context) {
        const bool marker = g.cue->cls == CueClass::kCtxGrievance ||
                            (protest && g.cue->cls == CueClass::kCtxCause);
        if (!marker || g.end > h.begin || describes_people(g)) continue;
        // (Not after "against"/"over", which also follow acts: "fired tear gas against the
        // demonstrators, who responded by throwing stones".)
        const bool demand = keys_[g.begin] != "against" && keys_[g.begin] != "over";
        if (g.end + 4 >= h.begin ||
            (demand && g.end + 10 >= h.begin && relative_clause_between(g.end, h.begin))) {
          return true;
        }
      }
      return false;
    };
    // With no grievance marker in the sentence no hit follows one: every hit keeps its
    // `grievance` false (as made) and the flags stay (most sentences; the test below pairs
    // every hit with every context hit).
    if (!out.has[static_cast<size_t>(CueClass::kCtxGrievance)] &&
        !(protest && out.has[static_cast<size_t>(CueClass::kCtxCause)])) {
      return;
    }
    for (Hit& h : out.triggers) h.grievance = after_grievance(h);
    for (Hit& h : out.context) {
      h.grievance = after_grievance(h);
      if (h.grievance && (h.cue->cls == CueClass::kCtxIntervention ||
                          h.cue->cls == CueClass::kCtxViolent)) {
        bool other = false;
        for (const Hit& o : out.context) {
          other = other || (o.cue->cls == h.cue->cls && !after_grievance(o));
        }
        out.has[static_cast<size_t>(h.cue->cls)] = other;
      }
    }
  }

 private:
  // "march"/"may" written in lower case next to a day or year number ("on march 3", "3 march
  // 2002", "since march 2002"): a month in lower-cased text, not a cue.
  bool LowerCaseMonth(const Sentence& s, uint32_t i) const {
    if (keys_[i] != "march" && keys_[i] != "may") return false;
    const bool next = i + 1 < s.token_end && doc_.tokens[i + 1].kind == TokenKind::kNumber;
    const bool prev = i > s.token_begin && doc_.tokens[i - 1].kind == TokenKind::kNumber;
    return next || prev;
  }

  // Drops the `cls` hits of `out` without a `needed` context hit `near` them, and sets the
  // class's flag to whether any is kept.
  template <typename Near>
  static void KeepOnlyWith(SentenceScan& out, CueClass cls, CueClass needed, Near near) {
    // (No hit of the class, as in most sentences: nothing to drop, and its flag is clear.)
    if (!out.has[static_cast<size_t>(cls)]) return;
    bool kept = false;
    std::erase_if(out.triggers, [&](const Hit& h) {
      if (h.cue->cls != cls) return false;
      for (const Hit& g : out.context) {
        if (g.cue->cls == needed && near(h, g)) {
          kept = true;
          return false;
        }
      }
      return true;
    });
    out.has[static_cast<size_t>(cls)] = kept;
  }

  // "barricaded themselves in the office": an occupation, not a street barricade.
  // (`first`: the trie node of token `begin`'s key, as for the tests below.)
  bool BarricadedThemselves(const Sentence& s, int32_t first, uint32_t begin, uint32_t end) const {
    return end == begin + 1 && (word_flags_[first] & kBarricadedWord) != 0 && end < s.token_end &&
           keys_[end] == "themselves";
  }

  // "measures to battle the coronavirus", "the fight against corruption", "fighting poverty":
  // a battle word whose object is an ill, not an enemy.
  bool FightAgainstAnIll(const Sentence& s, int32_t first, const Hit& hit) const {
    if (hit.end != hit.begin + 1 || (word_flags_[first] & kFightWord) == 0) return false;
    static constexpr std::string_view kIlls[] = {
        "coronavirus", "covid",     "covid-19",  "virus",     "pandemic",   "epidemic",
        "outbreak",    "disease",   "diseases",  "malaria",   "cancer",     "corruption",
        "poverty",     "unemployment", "inflation", "hunger", "famine",     "illiteracy",
        "wildfire",    "wildfires", "blaze",     "flames",    "floods",     "locusts",
        "climate",     "drought"};
    static const util::WordSet kIllSet(kIlls);
    uint32_t next = hit.end;
    for (int skip = 0; skip < 2 && next < s.token_end; ++skip) {
      const std::string_view w = keys_[next];
      if (w != "the" && w != "against" && w != "a" && w != "an" && w != "this") break;
      ++next;
    }
    return next < s.token_end && kIllSet.Has(keys_[next]);
  }

  // "The deal was killed in the Senate", "lawmakers killed the bill": "kill" said of a plan,
  // a law or talks ends them; nobody dies. The thing is the passive subject right before
  // "was/were killed" or the object right after "killed (the)".
  bool KillOfAThing(const Sentence& s, int32_t first, const Hit& hit) const {
    if (hit.end != hit.begin + 1 || (word_flags_[first] & kKillWord) == 0) return false;
    static constexpr std::string_view kThings[] = {
        "deal",   "deals",     "bill",      "bills",       "plan",         "plans",
        "proposal", "proposals", "measure", "legislation", "amendment",    "motion",
        "project", "projects",  "idea",     "talks",       "negotiations", "agreement",
        "reform",  "merger",    "contract", "initiative",  "program",      "programme",
        "scheme",  "budget",    "story",    "rumor",       "rumour",       "momentum"};
    static const util::WordSet kThingSet(kThings);
    auto thing = [&](uint32_t i) { return kThingSet.Has(keys_[i]); };
    const uint32_t i = hit.begin;
    if (i >= s.token_begin + 2) {
      const std::string_view aux = keys_[i - 1];
      if ((aux == "was" || aux == "were" || aux == "been" || aux == "be") && thing(i - 2)) {
        return true;
      }
    }
    uint32_t next = i + 1;
    if (next < s.token_end) {
      const std::string_view det = keys_[next];
      if (det == "the" || det == "a" || det == "an" || det == "this" || det == "that" ||
          det == "its" || det == "their") {
        ++next;
      }
    }
    if (next >= s.token_end || !thing(next)) return false;
    // The thing word ends its noun phrase ("killed the bill in committee"), unlike "killed the
    // project manager".
    static constexpr std::string_view kAfterPhrase[] = {
        "in",  "on",   "at",   "after", "before", "by",     "with",  "for",   "and", "but",
        "as",  "when", "over", "during", "last",  "because", "since", "which", "that", "amid",
        "off", "this", "of",   "to",    "from",   "outright"};
    static const util::WordSet kAfterPhraseSet(kAfterPhrase);
    const uint32_t after = next + 1;
    return after >= s.token_end || doc_.tokens[after].kind == TokenKind::kPunct ||
           kAfterPhraseSet.Has(keys_[after]);
  }

  // "was fired after the audit", "will be fired if he leaks it": dismissed from a job. Shots,
  // rounds and shells that "were fired", and anything "fired at/on/upon", stay shootings.
  bool FiredFromAJob(const Sentence& s, int32_t first, const Hit& hit) const {
    const uint32_t i = hit.begin;
    if (hit.end != i + 1 || (word_flags_[first] & kFiredWord) == 0 || i < s.token_begin + 2)
      return false;
    const std::string_view aux = keys_[i - 1];
    if (aux != "was" && aux != "were" && aux != "been" && aux != "be" && aux != "being" &&
        aux != "got" && aux != "get" && aux != "getting") {
      return false;
    }
    static constexpr std::string_view kMissiles[] = {
        "shots", "shot", "rounds", "round", "bullets", "bullet", "rockets", "rocket", "missiles",
        "missile", "shells", "shell", "mortars", "mortar", "gunshots", "weapons", "weapon",
        "gas", "canisters", "grenades", "grenade", "projectiles", "arrows"};
    static const util::WordSet kMissileSet(kMissiles);
    if (kMissileSet.Has(keys_[i - 2])) return false;
    if (i + 1 < s.token_end) {
      const std::string_view next = keys_[i + 1];
      if (next == "at" || next == "on" || next == "upon" || next == "into" || next == "towards" ||
          next == "toward" || next == "from") {
        return false;
      }
    }
    return true;
  }

  const Document& doc_;
  const trigger::Lexicon& lex_;
  const actor::TokenKeys& keys_;
  const uint16_t* word_flags_;  // GetScanWordFlags(), by trie node
};

bool IsArmedInter(int inter) { return inter == 1 || inter == 2 || inter == 3 || inter == 4 || inter == 8; }

// Two armed mentions that are one side: state forces of one country (or of none said), or a
// generic non-state mention ("the assailants") after a non-state one.
bool SameSide(const ActorMention& a, const ActorMention& b) {
  if (a.actor == b.actor) return true;
  const bool sa = a.inter == 1 || a.inter == 8, sb = b.inter == 1 || b.inter == 8;
  if (sa && sb) return a.country_iso3.empty() || b.country_iso3.empty() || a.country_iso3 == b.country_iso3;
  if (!sa && !sb) return a.generic || b.generic;
  return false;
}

// LowerAscii(text) in a buffer of the calling thread, reused for the next document: written in
// one pass from the text (a string assigned the text, then lower-cased in place, read and
// wrote every byte twice).
std::string_view ThreadLower(std::string_view text) {
  thread_local std::unique_ptr<char[]> buffer;
  thread_local size_t capacity = 0;
  if (text.size() > capacity) {
    capacity = std::max(text.size(), 2 * capacity);
    buffer = std::make_unique_for_overwrite<char[]>(capacity);
  }
  char* const lower = buffer.get();
  const char* const src = text.data();
  const size_t n = text.size();
  for (size_t i = 0; i < n; ++i) lower[i] = trigger::LowerAsciiByte(src[i]);
  return std::string_view(lower, n);
}

class Classifier {
 public:
  Classifier(const Document& doc, ClassifierBuffers& buffers)
      : doc_(doc),
        pub_(trigger::ParseYearMonth(doc.published)),
        lower_(ThreadLower(doc.text)),
        keys_(actor::ThreadTokenKeys(doc)),
        buffers_(buffers),
        actors_in_(buffers.actors_in),
        actors_in_filled_(buffers.actors_in_filled),
        off_duty_in_(buffers.off_duty_in),
        unarmed_weapons_in_(buffers.unarmed_weapons_in) {
    const size_t n = doc.sentences.size();
    if (actors_in_.size() < n) actors_in_.resize(n);
    actors_in_filled_.assign(n, 0);
    off_duty_in_.assign(n, -1);
    unarmed_weapons_in_.assign(n, -1);
  }

  void Run(std::vector<TriggerMention>* out) {
    // The casualty frames and temporal expressions were written by stages that ran over the
    // whole batch before the places stage: their lines are out of the cache by now (and the
    // document's lines that hold where they are: FindTriggers asked for those). Asked for
    // now, they arrive while the sentences are scanned (typing waited for them at its first
    // hit).
    constexpr size_t kAhead = 8 * 64;  // the lines the first typings read
    util::PrefetchLines(doc_.casualties.data(), doc_.casualties.size() * sizeof(CasualtyFrame),
                        kAhead);
    util::PrefetchLines(doc_.timex.data(), doc_.timex.size() * sizeof(Timex), kAhead);
    Scanner scanner(doc_, keys_, buffers_);
    const size_t n = doc_.sentences.size();
    if (buffers_.scans.size() < n) buffers_.scans.resize(n);
    for (size_t si = 0; si < n; ++si) scanner.Scan(doc_.sentences[si], buffers_.scans[si]);
    scans_ = std::span<const SentenceScan>(buffers_.scans.data(), n);
    std::vector<size_t>& labels = buffers_.labels;
    labels.clear();
    size_t hits = 0;
    for (const SentenceScan& scan : scans_) hits += scan.triggers.size();
    out->reserve(hits);  // one mention per trigger hit
    for (uint32_t si = 0; si < doc_.sentences.size(); ++si) {
      std::erase_if(buffers_.scans[si].triggers, [&](const Hit& h) {
        return StrategicWithoutSides(si, h) || HarmWithoutViolence(si, h) ||
               OperationWithoutForces(si, h) || FigurativeFight(si, h) ||
               DemandWithoutCrowd(si, h) || CriminalArrest(si, h);
      });
      SentenceScan& kept = buffers_.scans[si];
      kept.disrupt = std::any_of(kept.triggers.begin(), kept.triggers.end(), [](const Hit& t) {
        return Is(t.cue->sub_event_type, "Disrupted weapons use");
      });
      const size_t first = out->size();
      for (const Hit& hit : scans_[si].triggers) {
        if (hit.cue->cls == CueClass::kLabel) labels.push_back(out->size());
        Type(si, hit, out->emplace_back());
      }
      // "killed a volunteer fighter and wounded another person": a weak harm cue ("wounded",
      // "injured") after a killing or attack cue of the same sentence tells the same act.
      for (size_t k = first; k < out->size(); ++k) {
        const Hit& hit = scans_[si].triggers[k - first];
        if (hit.cue->cls != CueClass::kKill || hit.cue->score >= 0.55f) continue;
        for (size_t j = first; j < k; ++j) {
          const CueClass c = scans_[si].triggers[j - first].cue->cls;
          if ((c != CueClass::kKill && c != CueClass::kAttack) || (*out)[j].negated) {
            continue;
          }
          (*out)[k].sub_event_type = (*out)[j].sub_event_type;
          (*out)[k].event_type = (*out)[j].event_type;
          (*out)[k].score = std::min((*out)[k].score, (*out)[j].score * 0.95f);
          break;
        }
      }
    }
    // A leading label ("Arrests: ...", "Detonation: ...") names what its paragraph reports: the
    // cue words after it describe that event ("a bomb detonated prematurely, killing 4
    // militants" under "Detonation:"), so they take the label's type.
    for (size_t li : labels) {
      const TriggerMention label = (*out)[li];
      Span para{0, static_cast<uint32_t>(doc_.text.size())};
      for (const Span& p : doc_.paragraphs) {
        if (p.begin <= label.span.begin && label.span.end <= p.end) para = p;
      }
      for (TriggerMention& t : *out) {
        if (t.span.begin < para.begin || t.span.end > para.end || t.span == label.span) continue;
        t.sub_event_type = label.sub_event_type;
        t.event_type = label.event_type;
        t.score = std::min(t.score, label.score * 0.9f);
      }
    }
  }

 private:
  // True when a context or trigger of class `c` is in sentence `si` or a neighbour.
  bool Near(uint32_t si, CueClass c) const {
    size_t k = static_cast<size_t>(c);
    if (scans_[si].has[k]) return true;
    if (si > 0 && scans_[si - 1].has[k]) return true;
    return si + 1 < scans_.size() && scans_[si + 1].has[k];
  }

  // Actor mentions inside sentence `si`, in document order; listed on first use, as typing
  // asks for a sentence's actors many times.
  const std::vector<const ActorMention*>& ActorsIn(uint32_t si) const {
    std::vector<const ActorMention*>& slot = actors_in_[si];
    if (!actors_in_filled_[si]) {
      actors_in_filled_[si] = 1;
      slot.clear();
      const Span& span = doc_.sentences[si].span;
      for (const ActorMention& a : doc_.actors) {
        if (a.span.begin >= span.begin && a.span.end <= span.end) slot.push_back(&a);
      }
    }
    return slot;
  }

  // ACLED's agreements and changes of activity are made by armed or political sides. A cue
  // that only says people agreed ("agreed", "a deal", "negotiations", "surrendered") or acted
  // ("announced", "training", "suspended") is one only when such a side is named in its
  // sentence: "the council agreed to buy snowplows", "tutors deal with homework" or "a
  // shoe maker announced a new factory" is no event. Ceasefires, truces, peace deals
  // and prisoner exchanges are agreements between sides by their words.
  bool StrategicWithoutSides(uint32_t si, const Hit& h) const {
    if (h.cue->cls != CueClass::kFixed ||
        !(Is(h.cue->sub_event_type, "Agreement") ||
          Is(h.cue->sub_event_type, "Change to group/activity") ||
          Is(h.cue->sub_event_type, "Other"))) {
      return false;
    }
    static constexpr std::string_view kBetweenSides[] = {
        "ceasefire", "cease-fire", "truce", "peace", "prisoner", "prisoners", "hostages"};
    static const util::WordSet kBetweenSidesSet(kBetweenSides);
    for (uint32_t t = h.begin; t < h.end; ++t) {
      if (kBetweenSidesSet.Has(Low(doc_.tokens[t].span))) return false;
    }
    if (ArmedSideIn(si, si)) return false;
    if (Is(h.cue->sub_event_type, "Agreement")) return true;
    // Food and aid handed out are a change of activity only of an armed group (a cartel's or a
    // militia's aid); a ministry's or a charity's is no event.
    static constexpr std::string_view kAid[] = {"food", "aid", "packages", "parcels"};
    static const util::WordSet kAidSet(kAid);
    for (uint32_t t = h.begin; t < h.end; ++t) {
      if (kAidSet.Has(Low(doc_.tokens[t].span))) return true;
    }
    // A change of activity is also one when a government or its officers make it ("the
    // governor extended the curfew"), or forces move ("reinforcements reached the front").
    static constexpr std::string_view kAuthorities[] = {
        "government", "governor",   "authorities", "ministry",     "minister",  "president",
        "junta",      "military",   "army",        "forces",       "coalition", "reinforcements",
        "commissioner", "prefect",  "committee",   "troops",       "soldiers",  "police",
        "militia",    "militias",   "militants",   "rebel",        "rebels",    "insurgents",
        "fighters",   "faction",    "factions",    "units"};
    static const util::WordSet kAuthoritySet(kAuthorities);
    return !SentenceHas(si, kAuthoritySet);
  }

  // ACLED codes arrests of political weight (protesters, opponents, journalists, militants,
  // curfew breakers), not police work on ordinary crime: "arrested for drunk driving", "in
  // custody for a burglary", "evading arrest". An arrest cue is dropped when its sentence
  // names such a crime and nothing political or armed besides the police.
  bool CriminalArrest(uint32_t si, const Hit& h) const {
    if (h.cue->cls != CueClass::kFixed || !Is(h.cue->sub_event_type, "Arrests")) return false;
    static constexpr std::string_view kCrimes[] = {
        "dui",        "drunk",     "burglary",    "burglaries", "robbery",   "robbing",
        "robbed",     "theft",     "thefts",      "stolen",     "stealing",  "shoplifting",
        "fraud",      "pornography", "felony",    "misdemeanor", "bond",     "warrant",
        "warrants",   "trespassing", "probation", "inmates",    "jail",      "evading",
        "embezzlement", "speeding", "vandalism",  "vandals"};
    static constexpr std::string_view kPolitical[] = {
        "protest",    "protests",  "protesters", "protestors", "demonstrators", "opposition",
        "activist",   "activists", "journalist", "journalists", "militant", "militants",
        "rebel",      "rebels",    "terrorist",  "terrorists", "terrorism", "insurgents",
        "political",  "lockdown",  "curfew",     "party"};
    static const util::WordSet kCrimeSet(kCrimes), kPoliticalSet(kPolitical);
    if (!SentenceHas(si, kCrimeSet) || SentenceHas(si, kPoliticalSet)) return false;
    for (const ActorMention* a : ActorsIn(si)) {
      if (IsArmedInter(a->inter) && a->inter != 1) return false;
    }
    return true;
  }

  // The checks the everyday-sense rules share.
  // A token of `s` is one of `words`.
  bool TokenIn(const Sentence& s, const util::WordSet& words) const {
    for (uint32_t t = s.token_begin; t < s.token_end; ++t) {
      if (words.Has(Low(doc_.tokens[t].span))) return true;
    }
    return false;
  }
  bool SentenceHas(uint32_t si, const util::WordSet& words) const {
    return TokenIn(doc_.sentences[si], words);
  }
  // `h` is one token, one of the words flagged `words` (its text lower-cased is one).
  static bool OneWordOf(const Hit& h, ScanWord words) {
    return h.end == h.begin + 1 && (h.words & words) != 0;
  }
  // Sentences `from`..`to` have a cue other than `h` and the one-token cues among `words`.
  bool OtherCueThan(uint32_t from, uint32_t to, const Hit& h, ScanWord words) const {
    for (uint32_t k = from; k <= to; ++k) {
      for (const Hit& other : scans_[k].triggers) {
        if (other.begin != h.begin && !OneWordOf(other, words)) return true;
      }
    }
    return false;
  }
  // Sentence `si` has a context word of class `a` or `b`.
  bool ContextIn(uint32_t si, CueClass a, CueClass b) const {
    for (const Hit& c : scans_[si].context) {
      if (c.cue->cls == a || c.cue->cls == b) return true;
    }
    return false;
  }
  // An armed side is named in sentences `from`..`to`.
  bool ArmedSideIn(uint32_t from, uint32_t to) const {
    for (uint32_t k = from; k <= to; ++k) {
      for (const ActorMention* a : ActorsIn(k)) {
        if (IsArmedInter(a->inter)) return true;
      }
    }
    return false;
  }
  // A death or an injury is told in sentences `from`..`to`.
  bool HarmTold(uint32_t from, uint32_t to) const {
    for (const CasualtyFrame& f : doc_.casualties) {
      if (f.sentence >= from && f.sentence <= to && !f.negated &&
          (f.fate == Fate::kKilled || f.fate == Fate::kInjured)) {
        return true;
      }
    }
    return false;
  }

  // Deaths and injuries from a crash or an illness, and firefighters' "battle" with a blaze:
  // "killed in a road accident", "died after a battle with cancer", "injured in a collision",
  // "crews battled the blaze". Such a harm word is no event when its sentence says such
  // a cause, names no armed side, and neither it nor the sentence before has another cue of
  // violence ("a helicopter was shot down ... two pilots were killed in the crash" stays one).
  // "fire" is no such cause: "opened fire", "setting him on fire".
  bool HarmWithoutViolence(uint32_t si, const Hit& h) const {
    // (The harm words are flagged kHarmWord: "killed", "died", "wounded", "battle"...)
    static constexpr std::string_view kCauses[] = {
        "crash",    "crashes",   "accident",  "accidents", "accidental", "accidentally",
        "collision", "collisions", "wreck",   "drowned",   "drowning",   "stampede",
        "illness",  "cancer",    "stroke",    "disease",   "complications", "overdose",
        "blaze",    "blazes",    "flames",    "wildfire",  "firefighters"};
    static const util::WordSet kCauseSet(kCauses);
    if (!OneWordOf(h, kHarmWord)) return false;
    // Other cues of its sentence or the one before ("shot down ... killed in the crash").
    const uint32_t from = si > 0 ? si - 1 : si;
    return !OtherCueThan(from, si, h, kHarmWord) && !ArmedSideIn(si, si) &&
           SentenceHas(si, kCauseSet);
  }

  // A bare "operation" is a military or police one only with a force named in its sentence:
  // not "the airline's cargo operations".
  bool OperationWithoutForces(uint32_t si, const Hit& h) const {
    // ("operation", "operations": flagged kOperationWord.)
    return OneWordOf(h, kOperationWord) && !ArmedSideIn(si, si);
  }

  // Fighting words in their figurative senses: "a political battle", "an uphill battle",
  // "the campaign targeted young buyers", "an offensive remark", "Battle Mountain". Such a word is an
  // event only with an armed side named in its sentence or the one before, a death or an
  // injury told there, or another cue of violence in its sentence.
  bool FigurativeFight(uint32_t si, const Hit& h) const {
    // (The words are flagged kFigurativeWord: "battle", "fighting", "targeted", "offensive"...)
    if (!OneWordOf(h, kFigurativeWord) || OtherCueThan(si, si, h, kFigurativeWord)) return false;
    // An armed target ("targeted the airbase") or sides fighting "each other" are no figure.
    if (ContextIn(si, CueClass::kCtxArmedTarget, CueClass::kCtxViolent)) return false;
    if (h.end + 1 < doc_.sentences[si].token_end) {
      const std::string_view a = Low(doc_.tokens[h.end].span);
      const std::string_view b = Low(doc_.tokens[h.end + 1].span);
      if ((a == "each" && b == "other") || (a == "one" && b == "another")) return false;
    }
    const uint32_t from = si > 0 ? si - 1 : si;
    return !ArmedSideIn(from, si) && !HarmTold(from, si);
  }

  // "demanded" and "gathered" tell a protest only when people act together in the sentence:
  // not "the customer demanded a refund".
  bool DemandWithoutCrowd(uint32_t si, const Hit& h) const {
    if (h.cue->cls != CueClass::kProtest) return false;
    const std::string_view cue =
        Low({doc_.tokens[h.begin].span.begin, doc_.tokens[h.end - 1].span.end});
    if (cue != "demanded" && cue != "demanding" && cue != "to demand" && cue != "gathered") {
      return false;
    }
    if (!ActorsIn(si).empty() || ContextIn(si, CueClass::kCtxCrowd, CueClass::kCtxCommunal)) {
      return false;
    }
    for (const Hit& other : scans_[si].triggers) {
      if (other.begin != h.begin) return false;
    }
    return true;
  }

  bool InsideArmedActor(uint32_t si, const Hit& h) const {
    const Span span{doc_.tokens[h.begin].span.begin, doc_.tokens[h.end - 1].span.end};
    for (const ActorMention* a : ActorsIn(si)) {
      if (IsArmedInter(a->inter) && a->span.begin <= span.begin && span.end <= a->span.end) {
        return true;
      }
    }
    return false;
  }

  // Types `hit` into `m`, a mention made for it (typed where it is kept: a mention returned
  // was moved into the list, its strings and all).
  void Type(uint32_t si, const Hit& hit, TriggerMention& m) const {
    const SentenceScan& scan = scans_[si];
    const Cue& cue = *hit.cue;
    m.span = {doc_.tokens[hit.begin].span.begin, doc_.tokens[hit.end - 1].span.end};
    m.sentence = si;
    // The sub-event type as decided so far (a view of a cue's type or a literal): written
    // into the mention once, at the end.
    std::string_view sub = cue.sub_event_type;
    m.score = cue.score;

    const std::vector<const ActorMention*>& actors = ActorsIn(si);
    // An armed actor is named in the sentence (the rules ask only whether one is, not which).
    bool armed_named = false;
    // Sides: armed actors or armed-target words before and after the cue ("militants attacked
    // an army post", "a soldier was killed by gunmen"); "JNIM and/or ISGS" stays one side.
    bool armed_before = false, armed_after = false;
    bool state = false, civilians = false, rioters = false, protesters = false;
    bool non_state = false;  // a non-state armed actor is named
    // Unarmed people as the doers: a civilian or rioter mention before the cue with no armed
    // actor before it ("villagers pelted stones at police", "a mob of locals killed two
    // thieves"), not a passive ("a man was shot"); civilians only among the three tokens before.
    bool crowd_before = false;
    const uint32_t near_begin = doc_.tokens[ReachBefore(si, hit, 3)].span.begin;
    // "shot dead a police officer (assumed off-duty)": soldiers and police hit while off duty
    // are civilians to ACLED, not an armed side.
    // (Asked only where it decides, on first use: most typings never need it.)
    int8_t off_duty_near = -1;
    auto off_duty = [&] {
      if (off_duty_near < 0) off_duty_near = OffDutyNear(si) ? 1 : 0;
      return off_duty_near != 0;
    };
    std::vector<const ActorMention*>& before = buffers_.before;
    before.clear();
    for (const ActorMention* a : actors) {
      if (IsArmedInter(a->inter) && a->span.end <= m.span.begin) before.push_back(a);
    }
    for (const ActorMention* a : actors) {
      if (IsArmedInter(a->inter)) {
        armed_named = true;
        state = state || a->inter == 1;
        non_state = non_state || (a->inter != 1 && a->inter != 8);
        if (a->span.end <= m.span.begin) armed_before = true;
        // A later mention of the side already named is no second side: "JNIM militants opened
        // fire ... the assailants fled", "Malian troops attacked ... the army said".
        if (a->span.begin >= m.span.end &&
            std::none_of(before.begin(), before.end(),
                         [&](const ActorMention* b) { return SameSide(*b, *a); })) {
          if (a->inter == 1 && off_duty()) {
            civilians = true;
          } else {
            armed_after = true;
          }
        }
      }
      civilians = civilians || a->inter == 7;
      rioters = rioters || a->inter == 5;
      protesters = protesters || a->inter == 6;
      crowd_before =
          crowd_before || (a->span.end <= m.span.begin &&
                           (a->inter == 5 || (a->inter == 7 && a->span.end >= near_begin)));
    }
    bool victims = civilians;
    // Non-state fighters counted among the dead are a target unless they are the attackers
    // ("killing three VDP fighters" after "JNIM militants attacked"; not "two of the militants
    // were killed" after "militants attacked").
    auto other_non_state = [&](const CasualtyFrame& f) {
      bool attacker_non_state = false;
      for (const ActorMention* a : before) attacker_non_state |= a->inter != 1 && a->inter != 8;
      if (!attacker_non_state) return true;
      for (const ActorMention* a : actors) {
        if (a->span.begin < f.victims.begin || a->span.end > f.victims.end || a->generic) continue;
        if (std::none_of(before.begin(), before.end(),
                         [&](const ActorMention* b) { return SameSide(*a, *b); })) {
          return true;
        }
      }
      return false;
    };
    // Victims, targets and the cue's object and doers type only these classes of cue: the
    // others do not read them (false and 0 for them).
    const bool typed_by_doers = cue.cls == CueClass::kFixed || cue.cls == CueClass::kAttack ||
                                cue.cls == CueClass::kKill || cue.cls == CueClass::kClash ||
                                cue.cls == CueClass::kWeapon;
    // Of the fixed cues only an abduction reads the victims' side, the cue's object and an
    // armed side hit (abducted soldiers are a clash): for the others (arrests, strikes, blasts,
    // most fixed cues) these are not looked for, their casualty frames not read.
    const bool typed_by_sides = typed_by_doers && (cue.cls != CueClass::kFixed ||
                                                   Is(sub, "Abduction/forced disappearance"));
    bool target_before = false, target_after = false;
    const bool doer_words = typed_by_sides && (HasContext(si, CueClass::kCtxVictim) ||
                                               HasContext(si, CueClass::kCtxArmedTarget));
    for (const Hit& c : doer_words ? std::span<const Hit>(scan.context) : std::span<const Hit>()) {
      // Person words anywhere; place words ("village", "market") only as the cue's object.
      if (c.cue->cls == CueClass::kCtxVictim && c.cue->score >= 1 && !InsideArmedActor(si, c)) {
        victims = true;
      }
      if (c.cue->cls == CueClass::kCtxArmedTarget && !InsideArmedActor(si, c) && !OffDuty(c) &&
          !off_duty()) {
        if (c.begin >= hit.end) target_after = true;
        if (c.end <= hit.begin) target_before = true;
      }
    }
    bool armed_hit = false;
    // Casualty frames of the sentence that count soldiers or fighters after the cue ("killing
    // three soldiers", "two militants were wounded"): an armed target was hit.
    for (const CasualtyFrame& f :
         typed_by_sides ? doc_.casualties : std::span<const CasualtyFrame>()) {
      if (f.sentence != si || f.negated || f.self_inflicted || f.span.begin < m.span.end) continue;
      if (f.fate != Fate::kKilled && f.fate != Fate::kInjured) continue;
      // (Only soldiers or fighters can be the hit: the others are passed over before the
      // searches of their words for "former", "retired", "off-duty".)
      if (f.category != VictimCategory::kStateForces && f.category != VictimCategory::kNonState) {
        continue;
      }
      if (OffDutyVictims(f) || (f.category == VictimCategory::kStateForces && off_duty())) {
        continue;
      }
      if (f.category == VictimCategory::kStateForces ||
          (f.category == VictimCategory::kNonState && other_non_state(f))) {
        armed_hit = true;
      }
    }
    target_after = target_after || armed_hit;
    bool two_sides = (armed_before && (armed_after || target_after)) || (armed_after && target_before);
    bool protest_context = Near(si, CueClass::kProtest) || protesters;
    const bool disrupt = scan.disrupt;

    // 1 person, 3 civilian place, 2 armed, 0 none
    int object_kind = typed_by_sides ? ObjectAfter(si, hit) : 0;
    if (object_kind == 2 && off_duty()) object_kind = 1;
    const int object = object_kind == 3 ? 1 : object_kind;
    const bool crowd_subject = typed_by_doers && crowd_before && !armed_before && !PassiveBefore(hit);
    // People acting as a crowd without firearms: "beaten up by locals", "a group of residents
    // attacked", "pelted stones at police" (ACLED's mob violence).
    // In the passive the armed mention before the cue is the victim ("a policeman was beaten
    // up by three persons").
    // (Asked only where it decides: an attack or killing cue with no non-state side and no
    // protest near.)
    auto crowd_act = [&] {
      return typed_by_doers && !Shooting(hit) && !Firearm(hit) &&
             ((!armed_before && (StoneThrowing(hit) || CrowdDoer(si, hit, cue, object_kind))) ||
              CrowdAgent(si, hit));
    };
    switch (cue.cls) {
      case CueClass::kFixed:
        // Residents or rioters burning or ransacking, with no armed group among them: a riot.
        // The doers are the first people named before the cue ("students burned a police
        // station", "villagers ... destroyed the churches"): the police burned are no doers.
        if (Is(sub, "Looting/property destruction") && !non_state && !armed_before &&
            !PassiveBefore(hit) && !ArmedWordBefore(si, hit) &&
            ((crowd_subject && !state) || CrowdAt(si, doc_.sentences[si].token_begin, hit.begin) ||
             CivilianBefore(si, hit))) {
          sub = "Violent demonstration";
          m.score = 0.6f;
        }
        // Abducting soldiers or fighters is an attack on an armed side ("abducted two
        // militiamen"), not violence against civilians.
        if (Is(sub, "Abduction/forced disappearance") && object_kind == 2 &&
            !armed_hit) {
          sub = "Armed clash";
          m.score = 0.66f;
        }
        if (disrupt && (Is(sub, "Grenade") ||
                        Is(sub, "Shelling/artillery/missile attack"))) {
          sub = "Disrupted weapons use";
        } else if ((Is(sub, "Grenade") ||
                    Is(sub, "Shelling/artillery/missile attack")) &&
                   EngagementNear(si)) {
          // "clashes were accompanied by shelling", "fired RPGs ... the forces fired back":
          // the heavy weapons are part of a fight the clash cue types.
          m.score = std::min(m.score, 0.62f);
        } else if (Is(sub, "Air/drone strike") &&
                   (EngagementNear(si) || SupportWordBefore(si, hit))) {
          // "an operation backed by airstrikes", "the ambush was followed by airstrikes": air
          // support of a ground fight.
          m.score = std::min(m.score, 0.62f);
        }
        break;
      case CueClass::kIed:
        if (ContextBefore(si, hit, CueClass::kCtxPlanting, 3)) {
          m.score *= 0.5f;  // a device being planted is context for another event
        } else if (!disrupt && (EngagementNear(si) || SmallArmsIn(si))) {
          // "a complex ambush initiated by an IED detonation followed by small arms fire": the
          // device opened a fight the clash cue types.
          m.score = std::min(m.score, 0.62f);
        } else if (disrupt) {
          sub = "Disrupted weapons use";
        } else if (Near(si, CueClass::kCtxSuicide)) {
          sub = "Suicide bomb";
          m.score = 0.95f;
        }
        break;
      case CueClass::kAttack:
      case CueClass::kKill: {
        bool kill = cue.cls == CueClass::kKill;
        const bool unarmed_scene = !non_state && !protest_context;
        const bool crowd_acted = unarmed_scene && crowd_act();
        if ((crowd_subject || crowd_acted) && unarmed_scene) {
          sub = "Mob violence";
          m.score = crowd_acted ? 0.8f : 0.7f;
        } else if (armed_hit && armed_before && !protest_context) {
          // Soldiers or rival fighters among the dead: a battle, whatever else was hit.
          sub = "Armed clash";
          m.score = kill ? 0.6f : 0.66f;
        } else if (object == 1 && !protest_context) {
          // The cue's object decides: "assassinated a civilian", "executed 7 villagers".
          sub = "Attack";
          m.score = kill ? 0.72f : 0.7f;
        } else if (object == 2 && (armed_before || armed_named)) {
          sub = "Armed clash";
          m.score = kill ? 0.6f : 0.66f;
        } else if (two_sides) {
          sub = "Armed clash";
          m.score = kill ? 0.6f : 0.66f;
        } else if (victims) {
          sub = "Attack";
          m.score = kill ? 0.72f : 0.7f;
        } else if (rioters) {
          sub = "Mob violence";
          m.score = 0.6f;
        } else if (armed_named) {
          // One armed side and a killing with no armed target: a killing of unnamed people.
          // ("JNIM militants shot dead a tracker", "gunmen killed a doctor").
          const bool lethal = kill && cue.score > 0.5f && armed_before && object == 0 &&
                              !target_before && !target_after && !PassiveBefore(hit);
          sub = lethal ? "Attack" : "Armed clash";
          m.score = 0.6f;
        } else {
          sub = kill ? "Attack" : "Armed clash";
          m.score = kill ? 0.5f : 0.45f;
        }
        // "attacked and burned a school", "raided the village and looted shops" with nobody
        // hurt and no armed side hit: the attack is the property destruction.
        if (!kill && !protest_context && !two_sides && !armed_hit && object_kind != 1 &&
            object_kind != 2 && !Shooting(hit) && LootingWithoutHarm(si)) {
          sub = "Looting/property destruction";
          m.score = 0.7f;
        }
        // "seized 3 tons of cannabis during an operation", "arrested seven militants ... during a
        // search operation": the operation is the setting of the arrest or seizure told before
        // it, when nobody was hurt and nothing was fought.
        if (!kill) {
          const std::string_view outcome = OperationOutcome(si, hit);
          if (!outcome.empty()) {
            sub = outcome;
            m.score = 0.6f;
          }
        }
        // "wounded", "injured": weaker evidence of what kind of event it was than the cue that
        // says what was done ("attacked a post ... two civilians were wounded").
        if (kill && cue.score < 0.55f) m.score -= 0.1f;
        if (protest_context) m.score -= 0.2f;  // the protest trigger types the event
        break;
      }
      case CueClass::kClash:
      case CueClass::kWeapon:
        if (cue.cls == CueClass::kClash && EarlierFight(si, hit)) m.score *= 0.5f;
        if (cue.cls == CueClass::kWeapon && HeavyFireAlone(si, hit)) {
          // Machine-gun fire at an area with no small arms, no fight and nobody hit: ACLED
          // counts heavy weapons fired from afar as shelling.
          sub = "Shelling/artillery/missile attack";
          m.score = 0.8f;
        } else if (object == 1 && armed_before && !two_sides && !protest_context && !crowd_subject) {
          // "gunmen ambushed and killed four farmers" / "ambushed a bus": victims, not a battle.
          sub = "Attack";
          m.score = 0.7f;
        } else if (!armed_named && protest_context) {
          sub = "Violent demonstration";
          m.score = 0.8f;
        } else if (!non_state && !armed_hit && UnarmedWeaponsNear(si)) {
          // Stones, sticks and firecrackers against each other or the police: a riot
          // ("clashed with police ... pelted stones at them").
          sub = protest_context ? "Violent demonstration" : "Mob violence";
          m.score = 0.78f;
        } else if ((!armed_named && (Near(si, CueClass::kCtxCommunal) || rioters || civilians)) ||
                   (!non_state && (crowd_before || CrowdAgainstState(si, hit)))) {
          // Unarmed sides fighting, or a crowd against state forces ("a clash between police and
          // shopkeepers"); but ethnic or clan groups fighting to the death are communal
          // militias in a battle ("Bissa farmers clashed with Fula herders ... 7 killed").
          const bool battle = !armed_named && EthnicNear(si) && LethalNear(si);
          sub = battle ? "Armed clash" : "Mob violence";
          m.score = 0.72f;
        } else {
          sub = "Armed clash";
        }
        break;
      case CueClass::kProtest: {
        // A weak cue ("blocked", "demanded") done by an armed side ("gunmen blocked the
        // road"), said in the passive ("services demanded by the officer") or as the cause of
        // something else ("after the workers demanded their pay") is no protest of its own.
        // Nor "demanded" with no people named before it as its doers ("it demanded the
        // reconstruction of the mosque" in a political story).
        const bool bare_demand =
            Low(m.span) == "demanded" &&
            !(CrowdAt(si, doc_.sentences[si].token_begin, hit.begin) ||
              CivilianBefore(si, hit) || protesters);
        if (cue.score < 0.5f && (hit.grievance || FollowedByBy(si, hit) ||
                                 ArmedDoerBefore(si, hit) || bare_demand)) {
          break;
        }
        bool lethal = false;
        for (uint32_t k = si > 0 ? si - 1 : 0; k < std::min<uint32_t>(si + 2, scans_.size()); ++k) {
          for (const Hit& t : scans_[k].triggers) {
            lethal = lethal || (t.cue->cls == CueClass::kKill && t.cue->score > 0.5f && !t.grievance &&
                               !Negated(k, t));
          }
        }
        // Demonstrators who burn, stone or fight riot, whatever the police did to them (ACLED
        // keeps "excessive force" for force against peaceful protesters). A bare "crowd" is the
        // protest's own people, not rioters.
        bool riot_actor = false;
        for (const ActorMention* a : actors) {
          if (a->inter != 5) continue;
          const std::string_view w = Low(a->span);
          riot_actor = riot_actor || (w != "crowd" && w != "crowds");
        }
        if (ViolenceNear(si) || riot_actor) {
          sub = "Violent demonstration";
          m.score = std::max(m.score, 0.8f);
        } else if (lethal && (state || NearState(si)) && ProtestersHarmed(si)) {
          sub = "Excessive force against protesters";
          m.score = 0.9f;
        } else if (InterventionNear(si)) {
          sub = "Protest with intervention";
          m.score = std::max(m.score, 0.75f);
        }
        break;
      }
      case CueClass::kRiot:
        sub = "Violent demonstration";
        // "armed groups blocked the road with burning tyres": a tactic of the armed group.
        if (non_state) m.score = 0.3f;
        break;
      case CueClass::kTerritory: {
        int first_inter = 0;
        for (const ActorMention* a : actors) {
          if (a->span.begin < m.span.begin && IsArmedInter(a->inter)) {
            first_inter = a->inter;
            break;
          }
        }
        sub = first_inter == 1 ? "Government regains territory"
                                             : "Non-state actor overtakes territory";
        break;
      }
      default:
        break;
    }
    // "the attack", "this killing": a definite description refers back to an event told
    // already; the telling mention types it.
    if ((cue.cls == CueClass::kAttack || cue.cls == CueClass::kKill) &&
        hit.begin > doc_.sentences[si].token_begin) {
      const std::string_view w = TokenText(doc_, hit.begin - 1);
      if (w == "the" || w == "The" || w == "this" || w == "This" || w == "that") m.score *= 0.85f;
    }
    if ((cue.cls == CueClass::kAttack || cue.cls == CueClass::kKill) &&
        Is(sub, "Attack")) {
      // "The victim had charges against him for drug trafficking": ACLED codes the killing of
      // a suspected trafficker by armed men as a clash between gangs.
      if (DrugLinkedVictims()) {
        sub = "Armed clash";
      } else if (EngagementIn(si, hit)) {
        // "two civilians were killed in clashes between two families": the toll of a fight
        // the clash cue types.
        m.score = std::min(m.score, 0.68f);
      }
    }
    // `sub` views a literal: this code's or the static table's (the cue's).
    m.sub_event_type = sub;
    // (The cue's own type unchanged, as most are: its event type was looked up once.)
    const bool cue_type =
        sub.data() == cue.sub_event_type.data() && sub.size() == cue.sub_event_type.size();
    m.event_type = cue_type ? cue.event_type : EventTypeOf(sub);
    // "3 civilians were also killed" after the lede: a further toll of the event told, not
    // what typed it.
    if (si > 0 && (cue.cls == CueClass::kKill || cue.cls == CueClass::kAttack) &&
        AlsoBefore(si, hit)) {
      m.score *= 0.85f;
    }
    // The lede carries the news: later sentences need clearly better evidence to win.
    m.score *= 1.0f - 0.03f * static_cast<float>(std::min<uint32_t>(si, 5));
    m.negated = Negated(si, hit);
    if (m.negated) m.score *= 0.3f;
    if (Irrealis(si, hit)) m.score *= 0.6f;
    if (hit.grievance && cue.cls != CueClass::kProtest) m.score *= 0.5f;
    // Possessive dates ("last year's attack") date only the cue they stand before
    // (PossessiveDatesCue), which asks whether the word before this cue is a cue itself.
    const bool plain_word_before =
        hit.begin == 0 || std::none_of(scan.triggers.begin(), scan.triggers.end(),
                                       [&](const Hit& h) { return h.begin == hit.begin - 1; });
    float history = scan.history +
                    trigger::DateHistoryWeight(doc_, doc_.sentences[si], pub_, hit.end, hit.begin,
                                               plain_word_before) +
                    (PastPerfectBefore(si, hit) ? 0.5f : 0.0f);
    for (const auto& [end, weight] : scan.possessive_history) {
      if (trigger::PossessiveDatesCue(end, hit.begin, plain_word_before)) history += weight;
    }
    m.historical = history >= 1.0f;
  }

  // "fired machine guns at the farms", "bursts of fire involving heavy machineguns": machine-gun
  // fire with no small arms named in the sentence, no fight near and no one killed or hurt in
  // the sentence.
  bool HeavyFireAlone(uint32_t si, const Hit& hit) const {
    bool machine = false, bursts = false;
    for (uint32_t t = hit.begin; t < hit.end; ++t) {
      const std::string_view w = Low(doc_.tokens[t].span);
      machine |= w.rfind("machine", 0) == 0;
      bursts |= w == "bursts";
    }
    if (!machine && !bursts) return false;
    const Sentence& s = doc_.sentences[si];
    bool fired = false;
    for (uint32_t t = s.token_begin; t < s.token_end; ++t) {
      const std::string_view w = Low(doc_.tokens[t].span);
      if (w == "small" || w == "small-arms") return false;
      if (t < hit.begin) fired |= w == "fired" || w == "firing" || w == "fire";
    }
    if (machine && !fired) return false;
    if (EngagementNear(si)) return false;
    for (const CasualtyFrame& f : doc_.casualties) {
      if (f.sentence == si && !f.negated && f.value > 0) return false;
    }
    return true;
  }

  // "a clash erupted between police and shopkeepers", "residents ... clashed with the police":
  // a hand-to-hand clash word (no gunfire) in a sentence naming state forces of one country and
  // people who are not the casualties.
  bool CrowdAgainstState(uint32_t si, const Hit& hit) const {
    static constexpr std::string_view kWords[] = {"clash", "clashes", "clashed", "clashing",
                                                  "fought", "fight", "fighting", "confrontation",
                                                  "confrontations", "scuffle", "brawl"};
    if (hit.end != hit.begin + 1) return false;
    const std::string_view w = Low(doc_.tokens[hit.begin].span);
    if (std::find(std::begin(kWords), std::end(kWords), w) == std::end(kWords)) return false;
    if (hit.begin > doc_.sentences[si].token_begin &&
        Low(doc_.tokens[hit.begin - 1].span) == "armed") {
      return false;  // "an armed clash"
    }
    const ActorMention* state = nullptr;
    bool people = false;
    for (const ActorMention* a : ActorsIn(si)) {
      if (a->inter == 1 || a->inter == 8) {
        if (state != nullptr && !SameSide(*state, *a)) return false;  // two states' forces
        state = a;
      } else if (a->inter == 5 || a->inter == 7) {
        bool casualty = false;
        for (const CasualtyFrame& f : doc_.casualties) {
          casualty |= f.sentence == si && a->span.begin >= f.span.begin && a->span.end <= f.span.end;
        }
        people |= !casualty;
      }
    }
    return state != nullptr && people;
  }

  // "armed villagers", "individuals armed with rifles" before the cue.
  bool ArmedWordBefore(uint32_t si, const Hit& hit) const {
    for (uint32_t t = doc_.sentences[si].token_begin; t < hit.begin; ++t) {
      if (Low(doc_.tokens[t].span) == "armed") return true;
    }
    return false;
  }

  // A civilian mention before the cue in its sentence ("taxi riders burnt a vehicle").
  bool CivilianBefore(uint32_t si, const Hit& hit) const {
    for (const ActorMention* a : ActorsIn(si)) {
      if ((a->inter == 7 || a->inter == 5) && a->span.end <= doc_.tokens[hit.begin].span.begin) {
        return true;
      }
    }
    return false;
  }

  // "blocked by soldiers": the cue's doer comes after it.
  bool FollowedByBy(uint32_t si, const Hit& hit) const {
    return hit.end < doc_.sentences[si].token_end &&
           Low(doc_.tokens[hit.end].span) == "by";
  }

  // A non-state armed actor among the four tokens before the cue ("armed groups have also
  // blocked"); soldiers or police may be protesting themselves.
  bool ArmedDoerBefore(uint32_t si, const Hit& hit) const {
    const uint32_t lo = ReachBefore(si, hit, 4);
    const uint32_t from = doc_.tokens[lo].span.begin, to = doc_.tokens[hit.begin].span.begin;
    for (const ActorMention* a : ActorsIn(si)) {
      const bool non_state = a->inter == 2 || a->inter == 3 || a->inter == 4;
      if (non_state && a->span.end > from && a->span.end <= to) return true;
    }
    return false;
  }

  // "opened fire", "fired at", "shot at": shooting at someone, not at property.
  bool Shooting(const Hit& hit) const {
    for (uint32_t t = hit.begin; t < hit.end; ++t) {
      const std::string_view w = TokenText(doc_, t);
      if (w == "fire" || w == "fired" || w == "shot" || w == "Fired" || w == "Shot") return true;
    }
    return false;
  }

  // "a retired policeman", "a former soldier": not an armed target.
  bool OffDuty(const Hit& h) const {
    if (h.begin == 0) return false;
    const std::string_view w = Low(doc_.tokens[h.begin - 1].span);
    return w == "former" || w == "retired" || w == "off-duty" || w == "ex" || w == "demobilized" ||
           w == "demobilised";
  }
  // Whether `in_sentence` holds for sentence `si` or a neighbour; each sentence is tested once
  // per document (`memo`: -1 not yet tested, 0 no, 1 yes).
  template <typename InSentence>
  bool NearSentence(uint32_t si, std::vector<int8_t>& memo, InSentence in_sentence) const {
    const uint32_t lo = si > 0 ? si - 1 : 0;
    const uint32_t hi = std::min<uint32_t>(si + 2, doc_.sentences.size());
    for (uint32_t k = lo; k < hi; ++k) {
      if (memo[k] < 0) memo[k] = in_sentence(doc_.sentences[k]) ? 1 : 0;
      if (memo[k] != 0) return true;
    }
    return false;
  }
  // "off-duty" or "off duty" in sentence `si` or a neighbour.
  bool OffDutyNear(uint32_t si) const {
    // Both spellings hold a token "off-duty" or "duty": a document with neither (most) has no
    // sentence to test.
    if ((RareWords() & kRareDuty) == 0) return false;
    return NearSentence(si, off_duty_in_, [&](const Sentence& s) {
      for (uint32_t t = s.token_begin; t < s.token_end; ++t) {
        const std::string_view w = Low(doc_.tokens[t].span);
        if (w.empty() || w[0] != 'o') continue;  // most words: one byte test, no compare
        if (w == "off-duty") return true;
        if (w == "off" && t + 1 < s.token_end && Low(doc_.tokens[t + 1].span) == "duty") {
          return true;
        }
      }
      return false;
    });
  }
  bool OffDutyVictims(const CasualtyFrame& f) const {
    const std::string_view v = Low(f.span);
    return v.find("former ") != std::string::npos || v.find("retired ") != std::string::npos ||
           v.find("off-duty ") != std::string::npos;
  }

  // The first of the `reach` tokens before the cue, within its sentence.
  uint32_t ReachBefore(uint32_t si, const Hit& hit, uint32_t reach) const {
    const uint32_t first = doc_.sentences[si].token_begin;
    return hit.begin >= first + reach ? hit.begin - reach : first;
  }

  // One of `words` (lower case) among the `reach` tokens before the cue.
  // (The words are literals, each compared inline: a list of views compared each through
  // memcmp out of line.)
  template <size_t... N>
  bool WordBefore(uint32_t si, const Hit& hit, uint32_t reach, const char (&... words)[N]) const {
    for (uint32_t t = ReachBefore(si, hit, reach); t < hit.begin; ++t) {
      const std::string_view w = Low(doc_.tokens[t].span);
      if ((... || (w == words))) return true;
    }
    return false;
  }

  // "backed by", "supported by", "followed by", "accompanied by" among the three words before.
  bool SupportWordBefore(uint32_t si, const Hit& hit) const {
    return WordBefore(si, hit, 3, "backed", "supported", "followed", "accompanied");
  }

  // Gunfire named in sentence `si` (a weapon-class cue: "small arms fire", "gunfire").
  bool SmallArmsIn(uint32_t si) const {
    for (const Hit& t : scans_[si].triggers) {
      if (t.cue->cls == CueClass::kWeapon && !Negated(si, t)) return true;
    }
    return false;
  }

  // A clash-class cue other than `hit` in sentence `si`, said as news.
  bool EngagementIn(uint32_t si, const Hit& hit) const {
    for (const Hit& t : scans_[si].triggers) {
      if (t.begin != hit.begin && t.cue->cls == CueClass::kClash && !t.grievance &&
          !Negated(si, t)) {
        return true;
      }
    }
    return false;
  }

  // The document-wide prechecks of rules that look for a rare word token by token: whether
  // some token is "off-duty" or "duty" (kRareDuty), "drug" (kRareDrug), in any case. Such a
  // token has that word as its key: one pass over the key hashes (actor::PhraseTrie::KeyHash)
  // without a branch, on first use (a search of the lower-cased text for the words' letters
  // stopped at every 'y' and 'g').
  static constexpr uint8_t kRareDuty = 1, kRareDrug = 2;
  uint8_t RareWords() const {
    if (rare_words_ >= 0) return static_cast<uint8_t>(rare_words_);
    static const uint64_t kOffDuty = actor::PhraseTrie::KeyHash("off-duty");
    static const uint64_t kDuty = actor::PhraseTrie::KeyHash("duty");
    static const uint64_t kDrug = actor::PhraseTrie::KeyHash("drug");
    const uint64_t* const hashes = keys_.hashes();
    bool duty = false, drug = false;
    for (size_t i = 0, n = keys_.size(); i < n; ++i) {
      duty |= (hashes[i] == kOffDuty) | (hashes[i] == kDuty);
      drug |= hashes[i] == kDrug;
    }
    rare_words_ = static_cast<int8_t>((duty ? kRareDuty : 0) | (drug ? kRareDrug : 0));
    return static_cast<uint8_t>(rare_words_);
  }

  // The victims are said to be drug traffickers: a sentence naming "the victim(s)" with
  // charges or a conviction for drug trafficking.
  bool DrugLinkedVictims() const {
    if (drug_linked_ < 0) drug_linked_ = FindDrugLinkedVictims() ? 1 : 0;
    return drug_linked_ != 0;
  }
  bool FindDrugLinkedVictims() const {
    // The words looked for, one lookup per token.
    constexpr uint32_t kVictimWord = 1, kDrugWord = 2, kRecordWord = 4;
    static constexpr std::string_view kVictimWords[] = {"victim", "victims"};
    static constexpr std::string_view kDrugWordList[] = {"drug"};
    static constexpr std::string_view kRecordWords[] = {"charges", "convicted"};
    static const util::WordBits kDrugWords{
        {kVictimWords, kVictimWord}, {kDrugWordList, kDrugWord}, {kRecordWords, kRecordWord}};
    // No token "drug" in the document (most): no sentence to test.
    if ((RareWords() & kRareDrug) == 0) return false;
    for (uint32_t si = 0; si < doc_.sentences.size(); ++si) {
      const Sentence& s = doc_.sentences[si];
      bool victim = false, drug = false, record = false;
      for (uint32_t t = s.token_begin; t < s.token_end; ++t) {
        const uint32_t bits = kDrugWords.Of(Low(doc_.tokens[t].span));
        victim |= (bits & kVictimWord) != 0;
        drug |= (bits & kDrugWord) != 0;
        record |= (bits & kRecordWord) != 0;
      }
      if (victim && drug && record) return true;
    }
    return false;
  }

  // Two sides engaging (a clash-class cue, not a weapon name) in sentence `si` or a neighbour,
  // said as news (not negated, not a protest's grievance).
  bool EngagementNear(uint32_t si) const {
    const uint32_t lo = si > 0 ? si - 1 : 0;
    const uint32_t hi = std::min<uint32_t>(si + 2, scans_.size());
    for (uint32_t k = lo; k < hi; ++k) {
      for (const Hit& t : scans_[k].triggers) {
        if (t.cue->cls == CueClass::kClash && !t.grievance && !Negated(k, t) &&
            !EarlierFight(k, t)) {
          return true;
        }
      }
    }
    return false;
  }

  // "bombs from previous fighting", "the site of an earlier JNIM ambush": a fight before the
  // one told (an earlier/previous/past/prior among the two words before the cue); or one the
  // told event answered ("in revenge for the army's offensive", "in retaliation for clashes").
  bool EarlierFight(uint32_t si, const Hit& hit) const {
    return WordBefore(si, hit, 2, "earlier", "previous", "past", "prior") ||
           WordBefore(si, hit, 5, "revenge", "retaliation", "avenge");
  }

  // A crowd's weapons (stones, sticks, clubs, firecrackers) in sentence `si` or a neighbour.
  bool UnarmedWeaponsNear(uint32_t si) const {
    static constexpr std::string_view kWords[] = {
        "stones", "stone", "stone-pelting", "rocks", "bricks", "sticks", "clubs", "bludgeons",
        "batons", "firecrackers", "fireworks", "bottles", "fists", "fist", "slippers"};
    static const util::WordSet kWordSet(kWords);
    return NearSentence(si, unarmed_weapons_in_,
                        [&](const Sentence& s) { return TokenIn(s, kWordSet); });
  }

  // "shot", "gunned down", "shooting": a firearm, not a crowd's weapon.
  bool Firearm(const Hit& hit) const {
    for (uint32_t t = hit.begin; t < hit.end; ++t) {
      const std::string_view w = Low(doc_.tokens[t].span);
      if (w == "shot" || w == "gunned" || w == "shooting" || w == "shootings") return true;
    }
    return false;
  }

  // "threw stones at", "pelted stones at": the weapons of a crowd.
  bool StoneThrowing(const Hit& hit) const {
    for (uint32_t t = hit.begin; t < hit.end; ++t) {
      const std::string_view w = Low(doc_.tokens[t].span);
      if (w == "stones" || w == "stone") return true;
    }
    return false;
  }

  // A crowd word as the agent of a passive cue: "was beaten up by locals", "were assaulted by
  // a group of residents" (not "by unidentified men", not an armed actor).
  bool CrowdAgent(uint32_t si, const Hit& hit) const {
    if (!PassiveBefore(hit)) return false;
    const Sentence& s = doc_.sentences[si];
    for (uint32_t t = hit.end; t < std::min(hit.end + 4, s.token_end); ++t) {
      const std::string_view w = Low(doc_.tokens[t].span);
      if (w != "by") continue;
      return CrowdAt(si, t + 1, std::min(t + 5, s.token_end));
    }
    return false;
  }

  // A crowd word just before an active cue that acts on someone: "a group of local people
  // killed a man", "four employees attacked a whistleblower" (not "three people killed").
  bool CrowdDoer(uint32_t si, const Hit& hit, const Cue& cue, int object_kind) const {
    if (PassiveBefore(hit)) return false;
    if (cue.cls != CueClass::kAttack && object_kind != 1) return false;
    if (!HasContext(si, CueClass::kCtxCrowd)) return false;
    for (const Hit& h : scans_[si].context) {
      if (h.cue->cls != CueClass::kCtxCrowd || h.end > hit.begin || h.end + 2 < hit.begin) continue;
      if (h.begin > doc_.sentences[si].token_begin && CountWord(h.begin - 1) &&
          cue.cls != CueClass::kAttack && cue.score > 0.5f) {
        continue;  // "two men killed ..." may be the victims' count; "five men beat" not
      }
      return CrowdAt(si, h.begin, h.end);
    }
    return false;
  }

  // "also" among the three words before the cue.
  bool AlsoBefore(uint32_t si, const Hit& hit) const { return WordBefore(si, hit, 3, "also"); }

  // A number or number word ("3", "three"): a count, as of victims.
  bool CountWord(uint32_t t) const {
    if (doc_.tokens[t].kind == TokenKind::kNumber) return true;
    static constexpr std::string_view kWords[] = {"two", "three", "four", "five", "six", "seven",
                                                  "eight", "nine", "ten", "several", "many"};
    const std::string_view w = Low(doc_.tokens[t].span);
    return std::find(std::begin(kWords), std::end(kWords), w) != std::end(kWords);
  }

  // A crowd word starting in tokens [lo, hi) with no armed actor over it and not "unidentified
  // men", "armed youths".
  bool CrowdAt(uint32_t si, uint32_t lo, uint32_t hi) const {
    if (!HasContext(si, CueClass::kCtxCrowd)) return false;
    for (const Hit& h : scans_[si].context) {
      if (h.cue->cls != CueClass::kCtxCrowd || h.begin < lo || h.begin >= hi) continue;
      if (InsideArmedActor(si, h)) return false;
      for (const ActorMention* a : ActorsIn(si)) {
        if (IsArmedInter(a->inter) && a->span.begin >= doc_.tokens[lo].span.begin &&
            a->span.begin <= doc_.tokens[h.end - 1].span.end) {
          return false;
        }
      }
      if (h.begin > doc_.sentences[si].token_begin) {
        const std::string_view w = Low(doc_.tokens[h.begin - 1].span);
        if (w == "unidentified" || w == "unknown" || w == "armed" || w == "masked" ||
            w == "suspected" || w == "hooded") {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  // The text of `span` lower-cased (ASCII only, as std::tolower in the "C" locale sitrep runs
  // in): a view into the document's text lower-cased once, where a string per word test cost
  // a copy each.
  std::string_view Low(Span span) const {
    return std::string_view(lower_.data() + span.begin, span.size());
  }

  // An ethnic, clan or land word (ctx_communal with weight 1) in sentence `si` or a neighbour.
  bool EthnicNear(uint32_t si) const {
    const uint32_t lo = si > 0 ? si - 1 : 0;
    const uint32_t hi = std::min<uint32_t>(si + 2, scans_.size());
    for (uint32_t k = lo; k < hi; ++k) {
      for (const Hit& h : scans_[k].context) {
        if (h.cue->cls == CueClass::kCtxCommunal && h.cue->score >= 1) return true;
      }
    }
    return false;
  }

  // A killing said in sentence `si` or the next one, not negated and not a grievance.
  bool LethalNear(uint32_t si) const {
    const uint32_t hi = std::min<uint32_t>(si + 2, scans_.size());
    for (uint32_t k = si; k < hi; ++k) {
      for (const Hit& t : scans_[k].triggers) {
        if (t.cue->cls == CueClass::kKill && t.cue->score > 0.5f && !t.grievance &&
            !Negated(k, t)) {
          return true;
        }
      }
    }
    return false;
  }

  // For "during (a|an|the ...) operation": the sub-event type of a strategic cue (arrest,
  // seizure, defusing) before it in the sentence, when the sentence has no other violent cue
  // and no casualty count; else empty.
  std::string_view OperationOutcome(uint32_t si, const Hit& hit) const {
    bool operation = false;
    for (uint32_t t = hit.begin; t < hit.end; ++t) {
      operation |= Low(doc_.tokens[t].span).rfind("operation", 0) == 0;
    }
    if (!operation) return {};
    if (!WordBefore(si, hit, 4, "during")) return {};
    std::string_view outcome;
    for (const Hit& t : scans_[si].triggers) {
      if (t.begin == hit.begin) continue;
      if (t.cue->cls == CueClass::kFixed && t.cue->event_type == "Strategic developments") {
        if (t.begin < hit.begin && outcome.empty()) outcome = t.cue->sub_event_type;
        continue;
      }
      if (!Negated(si, t)) return {};  // a killing, a clash, a blast: a violent event
    }
    for (const CasualtyFrame& f : doc_.casualties) {
      if (f.sentence == si && !f.negated && f.value > 0 &&
          (f.fate == Fate::kKilled || f.fate == Fate::kInjured)) {
        return {};
      }
    }
    return outcome;
  }

  // A looting or destruction cue in sentence `si` and no killing, wounding or casualty count.
  bool LootingWithoutHarm(uint32_t si) const {
    bool looting = false;
    for (const Hit& t : scans_[si].triggers) {
      if (Is(t.cue->sub_event_type, "Looting/property destruction") && !t.grievance) looting = true;
      if (t.cue->cls == CueClass::kKill || t.cue->cls == CueClass::kIed ||
          Is(t.cue->sub_event_type, "Abduction/forced disappearance") ||
          Is(t.cue->sub_event_type, "Sexual violence")) {
        if (!Negated(si, t)) return false;
      }
    }
    if (!looting) return false;
    for (const CasualtyFrame& f : doc_.casualties) {
      if (f.sentence == si && !f.negated && f.value > 0) return false;
    }
    return true;
  }

  // Protester violence said in sentence `si` or a neighbour that reports no protest of its own
  // (a neighbour about other protests, "after the riots of last week", is another event);
  // negated ("no clashes were reported") and grievance words do not count.
  bool ViolenceNear(uint32_t si) const {
    const uint32_t lo = si > 0 ? si - 1 : 0;
    const uint32_t hi = std::min<uint32_t>(si + 2, scans_.size());
    for (uint32_t k = lo; k < hi; ++k) {
      if (k != si && scans_[k].has[static_cast<size_t>(CueClass::kProtest)]) continue;
      for (const Hit& h : scans_[k].context) {
        if (h.cue->cls == CueClass::kCtxViolent && !h.grievance && !Negated(k, h)) {
          return true;
        }
      }
      for (const Hit& h : scans_[k].triggers) {
        if (h.cue->cls == CueClass::kRiot && !h.grievance && !Negated(k, h)) return true;
      }
    }
    return false;
  }

  // Protesters themselves killed or hurt in sentence `si` or a neighbour: a casualty count of
  // protesters ("one protester was killed") or shooting at them ("opened fire on the
  // protesters", "shot dead a demonstrator"), not tear gas fired at them, not a killing the
  // protest is about.
  bool ProtestersHarmed(uint32_t si) const {
    auto protest_word = [&](uint32_t t) {
      const std::string_view w = Low(doc_.tokens[t].span);
      return w.rfind("protest", 0) == 0 || w.rfind("demonstrat", 0) == 0 || w == "crowd";
    };
    const uint32_t lo = si > 0 ? si - 1 : 0;
    const uint32_t hi = std::min<uint32_t>(si + 2, scans_.size());
    for (const CasualtyFrame& f : doc_.casualties) {
      if (f.sentence < lo || f.sentence >= hi || f.negated || f.value <= 0) continue;
      if (f.fate != Fate::kKilled && f.fate != Fate::kInjured) continue;
      const Sentence& s = doc_.sentences[f.sentence];
      for (uint32_t t = s.token_begin; t < s.token_end; ++t) {
        const Span& sp = doc_.tokens[t].span;
        if (sp.begin >= f.span.begin && sp.end <= f.span.end && protest_word(t)) return true;
      }
    }
    for (uint32_t k = lo; k < hi; ++k) {
      const Sentence& s = doc_.sentences[k];
      for (const Hit& h : scans_[k].triggers) {
        const bool harm = (h.cue->cls == CueClass::kKill && h.cue->score > 0.5f) ||
                          (h.cue->cls == CueClass::kAttack && Shooting(h));
        if (!harm || h.grievance || Negated(k, h)) continue;
        for (uint32_t t = h.end; t < std::min(h.end + 5, s.token_end); ++t) {
          bool dispersal = false;
          for (const Hit& c : scans_[k].context) {
            dispersal |= c.cue->cls == CueClass::kCtxIntervention && c.begin >= h.end &&
                         c.begin <= t;
          }
          if (dispersal) break;
          if (protest_word(t)) return true;
        }
      }
    }
    return false;
  }

  // "was shot", "were killed", "had been attacked": an auxiliary just before the cue.
  bool PassiveBefore(const Hit& hit) const {
    for (uint32_t back = 1; back <= 2 && hit.begin >= back; ++back) {
      const std::string_view w = Low(doc_.tokens[hit.begin - back].span);
      if (w == "was" || w == "were" || w == "been" || w == "being" || w == "is" || w == "are" ||
          w == "got" || w == "be") {
        return true;
      }
    }
    return false;
  }

  // What the cue acts on, from the first words after it (up to four, not after "by"): 1 a
  // victim ("killed two civilians", "attacked a village"), 2 an armed side or armed target
  // ("attacked an army post", "ambushed soldiers"), 0 nothing said.
  int ObjectAfter(uint32_t si, const Hit& hit) const {
    const Sentence& s = doc_.sentences[si];
    if (hit.end >= s.token_end) return 0;
    const std::string_view first = TokenText(doc_, hit.end);
    // "beat and injured a woman", "shot and killed two farmers": two verbs share the object.
    if (first == "and" && hit.end + 1 < s.token_end) {
      for (const Hit& o : scans_[si].triggers) {
        if (o.begin == hit.end + 1) return ObjectAfter(si, o);
      }
    }
    if (first == "by" || first == "By" || first == "between" || first == "with" ||
        doc_.tokens[hit.end].kind == TokenKind::kPunct) {
      return 0;
    }
    const uint32_t last = std::min<uint32_t>(hit.end + 4, s.token_end) - 1;
    const uint32_t lo = doc_.tokens[hit.end].span.begin, hi = doc_.tokens[last].span.end;
    uint32_t best = hi;
    int kind = 0;
    for (const ActorMention* a : ActorsIn(si)) {
      if (a->span.begin < lo || a->span.begin >= best) continue;
      if (a->inter == 7) {
        best = a->span.begin;
        kind = 1;
      } else if (IsArmedInter(a->inter)) {
        best = a->span.begin;
        kind = 2;
      }
    }
    // (Only victim and armed-target words count.)
    const bool objects =
        HasContext(si, CueClass::kCtxVictim) || HasContext(si, CueClass::kCtxArmedTarget);
    const std::span<const Hit> context =
        objects ? std::span<const Hit>(scans_[si].context) : std::span<const Hit>();
    for (const Hit& c : context) {
      if (c.begin < hit.end || c.begin > last) continue;
      const uint32_t at = doc_.tokens[c.begin].span.begin;
      if (at > best || (at == best && kind != 0)) continue;
      if (c.cue->cls == CueClass::kCtxVictim && !InsideArmedActor(si, c)) {
        best = at;
        kind = c.cue->score >= 1 ? 1 : 3;
      } else if (c.cue->cls == CueClass::kCtxArmedTarget) {
        best = at;
        kind = 2;
      }
    }
    // Stop at a clause break: only the words before a comma, "and" or another cue belong to
    // the object ("fighting killed three civilians" says nothing of what was fought). (With no
    // object found there is nothing to stop before.)
    if (kind == 0) return 0;
    for (uint32_t t = hit.end; t <= last; ++t) {
      const std::string_view w = TokenText(doc_, t);
      if (doc_.tokens[t].span.begin >= best) break;
      if (w == "," || w == "and" || w == "in" || w == "near") return 0;
      for (const Hit& o : scans_[si].triggers) {
        if (o.begin == t) return 0;
      }
    }
    return kind;
  }

  // Dispersal or arrest words in a sentence that speaks of protesters or state forces (not
  // "He was arrested in May", the cause of a protest).
  bool InterventionNear(uint32_t si) const {
    uint32_t lo = si > 0 ? si - 1 : 0, hi = std::min<uint32_t>(si + 2, doc_.sentences.size());
    for (uint32_t k = lo; k < hi; ++k) {
      if (!scans_[k].has[static_cast<size_t>(CueClass::kCtxIntervention)]) continue;
      if (scans_[k].has[static_cast<size_t>(CueClass::kProtest)]) return true;
      for (const ActorMention* a : ActorsIn(k)) {
        if (a->inter == 1 || a->inter == 6) return true;
      }
    }
    return false;
  }

  bool NearState(uint32_t si) const {
    uint32_t lo = si > 0 ? si - 1 : 0, hi = std::min<uint32_t>(si + 2, doc_.sentences.size());
    for (uint32_t k = lo; k < hi; ++k) {
      for (const ActorMention* a : ActorsIn(k)) {
        if (a->inter == 1) return true;
      }
    }
    return false;
  }

  // Sentence `si` has a context hit of class `c` (its flag from Scan). Not for kCtxViolent and
  // kCtxIntervention, whose flags tell only of hits outside a protest's grievance. The rules
  // below ask it before looking through the sentence's context hits for one of the class.
  bool HasContext(uint32_t si, CueClass c) const {
    return scans_[si].has[static_cast<size_t>(c)];
  }
  bool ContextBefore(uint32_t si, const Hit& hit, CueClass c, uint32_t window) const {
    if (!HasContext(si, c)) return false;
    for (const Hit& h : scans_[si].context) {
      if (h.cue->cls == c && h.end <= hit.begin && h.end + window >= hit.begin) return true;
    }
    return false;
  }
  // A negation word within three tokens before the cue, in its clause: "left the town without
  // electricity after detonating three towers" negates the electricity, not the detonation.
  bool Negated(uint32_t si, const Hit& hit) const {
    if (!HasContext(si, CueClass::kCtxNegation)) return false;
    for (const Hit& h : scans_[si].context) {
      if (h.cue->cls != CueClass::kCtxNegation || h.end > hit.begin || h.end + 3 < hit.begin) {
        continue;
      }
      bool other_clause = false;
      for (uint32_t t = h.end; t < hit.begin && !other_clause; ++t) {
        const std::string_view w = TokenText(doc_, t);
        other_clause = w == "after" || w == "before" || w == "when" || w == "while" ||
                       w == "because" || w == "until" || w == "following";
      }
      if (!other_clause) return true;
    }
    return false;
  }
  bool Irrealis(uint32_t si, const Hit& hit) const {
    return ContextBefore(si, hit, CueClass::kCtxIrrealis, 3);
  }

  // "had" followed within three tokens by the cue or by a participle before it.
  bool PastPerfectBefore(uint32_t si, const Hit& hit) const {
    const Sentence& s = doc_.sentences[si];
    uint32_t lo = hit.begin >= s.token_begin + 4 ? hit.begin - 4 : s.token_begin;
    for (uint32_t t = lo; t < hit.begin; ++t) {
      std::string_view w = TokenText(doc_, t);
      if (w == "had" || w == "Had") return true;
    }
    return false;
  }

  const Document& doc_;
  trigger::YearMonth pub_;
  const std::string_view lower_;  // doc_.text, ASCII lower-cased
  const actor::TokenKeys& keys_;  // of doc_'s tokens (actor::ThreadTokenKeys)
  ClassifierBuffers& buffers_;
  std::span<const SentenceScan> scans_;
  // Per-sentence memos, filled on first use (-1: not yet known).
  std::vector<std::vector<const ActorMention*>>& actors_in_;
  std::vector<uint8_t>& actors_in_filled_;
  std::vector<int8_t>& off_duty_in_;
  mutable int8_t rare_words_ = -1;  // RareWords(); -1 not looked at yet
  std::vector<int8_t>& unarmed_weapons_in_;
  mutable int8_t drug_linked_ = -1;
};

class TriggersStage : public Stage {
 public:
  std::string_view name() const override { return "triggers"; }
  Status Run(Document& doc) const override {
    AnnotateTriggers(doc);
    return Status::Ok();
  }
  // The actors stage's token keys of the document (actor::ThreadTokenKeys) are read again here.
  bool RunsRightAfterPrevious() const override { return true; }
};

}  // namespace

std::string_view EventTypeOf(std::string_view sub_event_type) {
  // The sub-event types of each length (at most two share one; none is 48 bytes or longer):
  // typing asks this for every trigger, and a scan of all 25 compared most of their lengths.
  constexpr size_t kMaxLength = 48;
  static constexpr auto kByLength = [] {
    std::array<std::array<uint8_t, 2>, kMaxLength> t{};  // index + 1, 0 for none
    for (size_t i = 0; i < kSubTypes.size(); ++i) {
      auto& slot = t[kSubTypes[i].first.size()];
      slot[slot[0] == 0 ? 0 : 1] = static_cast<uint8_t>(i + 1);
    }
    return t;
  }();
  static_assert(std::all_of(kSubTypes.begin(), kSubTypes.end(), [](const auto& entry) {
    return entry.first.size() < kMaxLength &&
           std::count_if(kSubTypes.begin(), kSubTypes.end(), [&](const auto& other) {
             return other.first.size() == entry.first.size();
           }) <= 2;
  }));
  if (sub_event_type.size() >= kMaxLength) return {};
  for (const uint8_t k : kByLength[sub_event_type.size()]) {
    if (k != 0 && kSubTypes[k - 1].first == sub_event_type) return kSubTypes[k - 1].second;
  }
  return {};
}

const std::vector<std::string_view>& AcledSubEventTypes() {
  static const std::vector<std::string_view>* types = [] {
    auto* v = new std::vector<std::string_view>;
    for (const auto& [sub, type] : kSubTypes) v->push_back(sub);
    return v;
  }();
  return *types;
}

std::vector<TriggerMention> FindTriggers(const Document& doc) {
  // The document's lines that say where its casualty frames and temporal expressions are
  // (Classifier::Run asks for their lines in turn), without waiting for them.
  __builtin_prefetch(&doc.casualties);
  __builtin_prefetch(&doc.timex);
  thread_local ClassifierBuffers buffers;
  std::vector<TriggerMention> out;
  Classifier(doc, buffers).Run(&out);
  return out;
}

void AnnotateTriggers(Document& doc) {
  if (doc.tokens.empty() && !doc.text.empty()) Segment(doc);
  doc.triggers = FindTriggers(doc);
}

const TriggerMention* PrimaryTrigger(const Document& doc) {
  const TriggerMention* best = nullptr;
  for (const TriggerMention& t : doc.triggers) {
    if (t.historical || t.negated) continue;
    if (best == nullptr || t.score > best->score) best = &t;
  }
  return best;
}

std::unique_ptr<Stage> MakeTriggersStage() { return std::make_unique<TriggersStage>(); }

}  // namespace sitrep
