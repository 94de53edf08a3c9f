// Roles: who is actor1 / actor2, who is associated with whom, and the UCDP sides.
//
// The actors are the mentions of the incident's sentences, deduplicated by normalized name
// (generic names completed with the country: "Protesters" → "Protesters (Kenya)"). A generic
// armed group ("militants") is dropped when a named non-state group is present — it is that
// group. Sides, by actor class (state forces and external forces S, non-state armed groups N,
// protesters P, rioters R, civilians C):
//  - S and N oppose; two N groups oppose; two S of different countries oppose only when no N is
//    present (else they are allies against it, "Iraqi forces and American troops ... IS");
//  - P/R oppose S; C are victims (actor2 of violence against civilians).
// actor1 is the first armed actor of the incident's strongest sentence (protesters for
// protests, rioters for riots); actor2 the first actor opposing it. Others join the assoc list
// of their side. A foreign state force (its country differs from the event's) is actor1/actor2
// only when no local state force is on its side — then its inter code is 8 — else it is an
// associated actor.
// ACLED conventions filled in: mentions joined by "and/or", "or", "/" are one side; rival
// factions of one country's forces oppose; civilians who protest are "Protesters (Country)",
// who riot "Rioters (Country)"; an intervention with no force named is the country's police;
// violence against civilians (and looting) with no perpetrator named is "Unidentified Armed
// Group (Country)"; looting and mob violence with no opponent hit "Civilians (Country)"; a
// named rebel group in a battle with no opponent named fought "Military Forces of Country";
// fighting across a front line with neither side named is the state's forces against the side
// across that line (data/actors/front_lines.tsv, by date), else "Rebel Forces (Country)".
#include <algorithm>
#include <array>
#include <charconv>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "actor/phrase_trie.h"
#include "event/event_internal.h"
#include "sitrep/pipeline.h"
#include "sitrep/actors.h"
#include "sitrep/events.h"

namespace sitrep::event {
namespace {

enum class Class { kState, kNonState, kProtesters, kRioters, kCivilians, kOther };

Class ClassOf(int inter) {
  switch (inter) {
    case 1:
    case 8: return Class::kState;
    case 2:
    case 3:
    case 4: return Class::kNonState;
    case 5: return Class::kRioters;
    case 6: return Class::kProtesters;
    case 7: return Class::kCivilians;
    default: return Class::kOther;
  }
}

struct Actor {
  std::string name;
  int inter = 0;
  std::string iso3;
  Span first;        // first mention
  bool primary = false;  // mentioned in the incident's strongest sentence
  bool generic = false;
  bool claimed = false;  // some mention claims the attack (ClaimsAttack)
  bool branch = false;   // a branch of a country's forces ("... Gendarmerie"): not a faction
  Class cls = Class::kOther;
};

// The actor lexicon's name of the country, else `fallback` (a view of one of the two).
std::string_view CountryNameView(std::string_view iso3, std::string_view fallback) {
  const std::string_view name = iso3.empty() ? std::string_view() : ActorCountryName(iso3);
  return name.empty() ? fallback : name;
}

// The parts joined, in one string of the final size (a chain of + made and grew a string per
// part).
std::string Joined(std::initializer_list<std::string_view> parts) {
  size_t size = 0;
  for (std::string_view p : parts) size += p.size();
  std::string out;
  out.reserve(size);
  for (std::string_view p : parts) out.append(p);
  return out;
}

// "Military Forces of <country>" / "Police Forces of <country>": the actor lexicon's name when it
// knows the country (with "the" where ACLED writes it), else the country's name as given.
std::string ForcesName(bool police, std::string_view iso3, std::string_view country) {
  const std::string_view base = police ? "Police Forces" : "Military Forces";
  if (country.empty()) return std::string(base);
  if (const std::string_view known = ActorForcesName(iso3, police); !known.empty()) {
    return std::string(known);
  }
  return Joined({base, " of ", country});
}

// "Base (Country)", or the base alone when the country is unknown.
std::string WithCountry(std::string_view base, std::string_view country) {
  return country.empty() ? std::string(base) : Joined({base, " (", country, ")"});
}

// The actor's name with the event's country completed (generic names), written into `buffer`
// when it is made, else a view of the mention's own name: a mention whose actor is already
// listed makes no string.
std::string_view CompleteName(const ActorMention& m, std::string_view event_iso3,
                              std::string_view event_country, std::string* buffer) {
  if (!m.generic) return m.actor;
  const std::string_view iso3 = m.country_iso3.empty() ? event_iso3 : m.country_iso3;
  const std::string_view country = m.country_iso3.empty()
                                       ? CountryNameView(event_iso3, event_country)
                                       : CountryNameView(m.country_iso3, "");
  if (country.empty()) return m.actor;
  // (Views: compared with the literals inline, not through string::compare and strlen.)
  const std::string_view actor = m.actor;
  const bool police = actor == "Police Forces";
  const bool forces = police || actor == "Military Forces";
  // The lexicon's name lives for the process: a view of it makes no string.
  if (forces) {
    if (const std::string_view known = ActorForcesName(iso3, police, m.branch); !known.empty()) {
      return known;
    }
  }
  buffer->clear();
  if (forces) {
    buffer->append(actor).append(" of ").append(country);
    if (!m.branch.empty()) buffer->append(" ").append(m.branch);
  } else {
    buffer->append(actor).append(" (").append(country).append(")");
  }
  return *buffer;
}

// Is `w`, lower-cased, one of `Words` (lower-case)? Compared without building strings. The
// lists are static arrays: a braced list would be built on the stack at every call, and the
// role tests below ask it of several words of every actor mention. (The array is a template
// argument: the lengths and first letters of its words are a table made at compile time and
// tested first, as most words asked have none of them.)
template <const auto& Words>
bool AnyOfLower(std::string_view w) {
  static_assert(std::all_of(std::begin(Words), std::end(Words), [](std::string_view x) {
    return x.size() < 64 && !x.empty();
  }));
  // A first byte's class: its letter (0-25, either case), 26 for any other byte. (A byte
  // or'ed with 0x20 is a lower-case letter exactly when the byte is a letter.)
  constexpr auto first_class = [](char c) {
    const unsigned letter = static_cast<unsigned char>(c | 0x20) - 'a';
    return letter < 26 ? letter : 26u;
  };
  // Per length, the first-byte classes of its words (a bit each): a word of no such length and
  // first byte is turned away before the compares.
  static constexpr std::array<uint32_t, 64> kFirstsByLength = [&] {
    std::array<uint32_t, 64> t{};
    for (std::string_view x : Words) t[x.size()] |= uint32_t{1} << first_class(x[0]);
    return t;
  }();
  if (w.empty() || w.size() >= 64 || (kFirstsByLength[w.size()] >> first_class(w[0]) & 1) == 0) {
    return false;
  }
  for (std::string_view x : Words) {
    if (EqualsLower(w, x)) return true;
  }
  return false;
}

// Where an actor mention's words start and where the words after it start
// (Document::FirstTokenFrom of its span's ends): found once for the tests below.
struct MentionTokens {
  std::vector<Token>::const_iterator first, after;
  MentionTokens(const Document& doc, const ActorMention& m)
      : first(doc.FirstTokenFrom(m.span.begin)), after(doc.FirstTokenFrom(m.span.end)) {}
};

constexpr std::string_view kReportVerbs[] = {"said",      "says",         "told",      "reported",
                                             "announced", "stated",       "confirmed", "added",
                                             "spokesman", "spokesperson", "statement"};
constexpr std::string_view kOwnForces[] = {"its", "their", "our"};
constexpr std::string_view kBeforeReportVerb[] = {
    "also",  "later",    "on",        "has",  "had",      "commander",
    "chief", "official", "officials", "head", "director", "inspector"};
constexpr std::string_view kReleaseVerbs[] = {"released", "issued", "statement"};

// A mention that only reports the event: "police said", "according to the army",
// "the Iraqi military also reported", "U.S. Central Command said".
bool IsSource(const Document& doc, const MentionTokens& at) {
  auto tok = at.after;
  for (int k = 0; k < 5 && tok + k < doc.tokens.end(); ++k) {
    const std::string_view w = doc.Slice((tok + k)->span);
    if (AnyOfLower<kReportVerbs>(w)) {
      // "U.S. Central Command reported that its forces killed...": the source is the actor.
      for (int j = k + 1; j < k + 6 && tok + j + 1 < doc.tokens.end(); ++j) {
        if (AnyOfLower<kOwnForces>(doc.Slice((tok + j)->span))) return false;
      }
      return true;
    }
    // A named speaker of the force stands between it and the verb: "Police officer Abdirahman
    // Osman said", "police commander John Mwangi said".
    const bool name = !w.empty() && w[0] >= 'A' && w[0] <= 'Z';
    if (!name && !AnyOfLower<kBeforeReportVerb>(w)) {
      break;
    }
  }
  auto before = at.first;
  if (before - doc.tokens.begin() >= 2) {
    const std::string_view w1 = doc.Slice((before - 1)->span);
    const std::string_view w2 = doc.Slice((before - 2)->span);
    if (EqualsLower(w2, "according") && EqualsLower(w1, "to")) return true;
    if (EqualsLower(w1, "by") && AnyOfLower<kReleaseVerbs>(w2)) return true;
  }
  return false;
}

constexpr std::string_view kClaimObjects[] = {"responsibility", "credit"};
constexpr std::string_view kClaimedAttacks[] = {"attack",  "attacks", "bombing", "bombings",
                                                "blast",   "assault", "ambush",  "explosion",
                                                "killing", "killings"};
constexpr std::string_view kBeforeClaim[] = {"group",   "militants", "militant", "fighters", "has",
                                             "have",    "had",       "later",    "quickly",  "also",
                                             "swiftly", "which",     "who",      "that",     ","};
constexpr std::string_view kBlameVerbs[] = {"blamed", "blames", "blame"};

// A mention that claims the attack: "al-Shabaab claimed responsibility", "the group, which
// later claimed the bombing", "IS has claimed credit", "an attack claimed by the Taliban"; or
// that others blame for it: "attributed the attack to the NPA", "blamed on Boko Haram".
bool ClaimsAttack(const Document& doc, const MentionTokens& at) {
  auto tok = at.after;
  const auto end = doc.tokens.end();
  auto word = [&](std::vector<Token>::const_iterator t) {
    return t < end ? doc.Slice(t->span) : std::string_view();
  };
  for (int k = 0; k < 6 && tok + k < end; ++k) {
    const std::string_view w = word(tok + k);
    if (StartsWithLower(w, "claim") && !EqualsLower(w, "claimants")) {
      // "claimed responsibility", "claimed (the) credit", "claimed the attack".
      const std::string_view next = word(tok + k + 1), after = word(tok + k + 2);
      return AnyOfLower<kClaimObjects>(next) || AnyOfLower<kClaimObjects>(after) ||
             (EqualsLower(next, "the") && AnyOfLower<kClaimedAttacks>(after));
    }
    // Only the group's own words and auxiliaries stand between it and its claim.
    if (!AnyOfLower<kBeforeClaim>(w)) {
      break;
    }
  }
  auto before = at.first;
  const auto first = doc.tokens.begin();
  if (before - first >= 3 && EqualsLower(word(before - 1), "the")) --before;  // "claimed by the"
  if (before - first >= 2 && EqualsLower(word(before - 1), "by") &&
      EqualsLower(word(before - 2), "claimed")) {
    return true;
  }
  // Blame laid by others counts as well: "sources attributed the attack to the NPA", "the
  // bombing was blamed on Boko Haram".
  if (before - first >= 3 && EqualsLower(word(before - 1), "to")) {
    for (int k = 2; k <= 5 && before - first >= k; ++k) {
      if (EqualsLower(word(before - k), "attributed")) return true;
    }
  }
  return before - first >= 2 && EqualsLower(word(before - 1), "on") &&
         AnyOfLower<kBlameVerbs>(word(before - 2));
}

constexpr std::string_view kFirstActions[] = {
    "killed", "shot",     "destroyed",   "defused",  "dismantled", "arrested",    "captured",
    "seized", "found",    "discovered",  "detected", "recovered",  "neutralized", "neutralised",
    "foiled", "thwarted", "intercepted", "raided",   "fired",      "repelled"};
constexpr std::string_view kBeforeFirstAction[] = {
    "have", "has", "had",  "reportedly", "also",         "later",    "claimed",
    "said", "say", "says", "to",         "successfully", "allegedly"};

// The mention is the subject of an action of its own: "the police killed a militant carrying
// an IED", "an army EOD team destroyed the device", "forces claimed to have destroyed", "troops
// shot the bomber before he blew himself up". Such forces did not suffer the bomb; they acted.
bool ActsFirst(const Document& doc, Span mention) {
  auto tok = doc.FirstTokenFrom(mention.end);
  const auto end = doc.tokens.end();
  for (int k = 0; k < 5 && tok + k < end; ++k) {
    const std::string_view w = doc.Slice((tok + k)->span);
    if (AnyOfLower<kFirstActions>(w)) {
      return true;
    }
    if (!AnyOfLower<kBeforeFirstAction>(w)) {
      return false;
    }
  }
  return false;
}

// A state force named as a faction or a body other than the country's plain military or
// police ("Military Forces of Libya Haftar Faction", "Military Forces of Artsakh" with ISO3 AZE).
// A branch of the forces ("Police Forces of Burkina Faso Gendarmerie") is none: gendarmes and
// soldiers fight on one side.
bool IsFaction(const Actor& a) {
  if (a.cls != Class::kState || a.iso3.empty() || a.branch) return false;
  const std::string_view c = ActorCountryName(a.iso3);
  if (c.empty()) return false;
  // (Compared in place: a.name is base + c, or base + "the " + c.)
  const std::string_view name = a.name;
  for (std::string_view base : {"Military Forces of ", "Police Forces of "}) {
    if (!name.starts_with(base) || !name.ends_with(c)) continue;
    const size_t middle = name.size() - base.size() - c.size();
    if (name.size() >= base.size() + c.size() &&
        (middle == 0 || (middle == 4 && name.substr(base.size(), 4) == "the "))) {
      return false;
    }
  }
  return true;
}

constexpr std::string_view kProGovernmentMilitia = "Militia (Pro-Government)";

using AllyPairs = std::vector<std::pair<std::string, std::string>>;

// Whether the text joins `a` and `b` as alternatives of one side ("X or Y", "X and/or Y").
bool Allied(const AllyPairs& allies, const Actor& a, const Actor& b) {
  return std::any_of(allies.begin(), allies.end(), [&](const auto& pair) {
    return (pair.first == a.name && pair.second == b.name) ||
           (pair.first == b.name && pair.second == a.name);
  });
}

bool Oppose(const Actor& a, const Actor& b, bool any_non_state, const AllyPairs& allies = {}) {
  if (a.name == b.name || Allied(allies, a, b)) return false;
  const Class x = a.cls, y = b.cls;
  if (x == Class::kOther || y == Class::kOther) return false;
  // A pro-government militia fights beside the state's forces ("police and Arbakis").
  if ((x == Class::kState && b.name == kProGovernmentMilitia) ||
      (y == Class::kState && a.name == kProGovernmentMilitia)) {
    return false;
  }
  if (x == Class::kState && y == Class::kState) {
    // Rival factions of one country's forces fight each other ("LNA forces repelled GNA forces").
    if (!a.iso3.empty() && a.iso3 == b.iso3 && (IsFaction(a) || IsFaction(b))) return true;
    return !any_non_state && !a.iso3.empty() && !b.iso3.empty() && a.iso3 != b.iso3;
  }
  if (x == Class::kNonState && y == Class::kNonState) return true;
  if (x == y) return false;
  if ((x == Class::kProtesters && y == Class::kRioters) ||
      (x == Class::kRioters && y == Class::kProtesters)) {
    return false;
  }
  return true;
}

std::string GovernmentName(const Actor& a) {
  // "Military Forces of Iraq" / "Police Forces of Iraq (2003-)" → "Government of Iraq".
  std::string country(CountryNameView(a.iso3, ""));
  if (country.empty()) {
    // (A branch is its country's: "Police Forces of Burkina Faso Gendarmerie" → Burkina Faso.)
    const std::string_view name = ActorForcesWithoutBranch(a.name);
    const size_t of = name.find(" of ");
    if (of == std::string::npos) return a.name;
    country = name.substr(of + 4);
    if (country.starts_with("the ")) country = country.substr(4);
    const size_t paren = country.find(" (");
    if (paren != std::string::npos) country.resize(paren);
  }
  // (At most one applies: no new name is another's old one.)
  if (const std::string_view name = country; name == "United States") {
    country = "United States of America";
  } else if (name == "Russia") {
    country = "Russia (Soviet Union)";
  } else if (name == "Democratic Republic of Congo") {
    country = "DR Congo (Zaire)";
  } else if (name == "Myanmar") {
    country = "Myanmar (Burma)";
  } else if (name == "Yemen") {
    country = "Yemen (North Yemen)";
  }
  return "Government of " + country;
}

// Words of communities, clans and ethnic groups in the incident's sentences.
bool CommunalContext(const Document& doc, const std::vector<uint32_t>& sentences) {
  static constexpr std::string_view kWords[] = {
      "communal", "intercommunal", "inter-communal", "community", "communities", "ethnic",
      "clan", "clans", "sub-clan", "tribe", "tribes", "tribal", "tribesmen", "herders",
      "herdsmen", "pastoralists", "farmers", "inhabitants", "villagers"};
  for (uint32_t si : sentences) {
    const Sentence& s = doc.sentences[si];
    for (uint32_t t = s.token_begin; t < s.token_end; ++t) {
      const std::string w = Lower(doc.Slice(doc.tokens[t].span));
      if (std::find(std::begin(kWords), std::end(kWords), w) != std::end(kWords)) return true;
    }
  }
  return false;
}

// The incident's typing cue says two sides fought each other ("clashed", "a brawl"), or its
// strongest sentence does ("at each other", "two groups").
bool MutualFight(const Document& doc, const Incident& incident, std::string_view sub,
                 uint32_t primary) {
  for (uint32_t ti : incident.triggers) {
    const TriggerMention& t = doc.triggers[ti];
    if (t.sub_event_type != sub) continue;
    const std::string w = Lower(doc.Slice(t.span));
    for (std::string_view p : {"clash", "fight", "fought", "brawl", "scuffle", "confront",
                               "skirmish", "feud", "communal", "inter-communal", "intercommunal"}) {
      if (w.starts_with(p)) return true;
    }
  }
  const std::string text = Lower(doc.Slice(doc.sentences[primary].span));
  for (std::string_view p : {"each other", "one another", "two groups", "rival groups"}) {
    if (text.find(p) != std::string::npos) return true;
  }
  return false;
}

// Two mentions joined as one side: "police and soldiers", "the army, the gendarmerie".
bool Coordinated(const Document& doc, Span x, Span y) {
  if (x.empty() || y.empty()) return false;
  if (y.begin < x.begin) std::swap(x, y);
  if (x.end > y.begin) return false;
  std::string between = Lower(doc.text.substr(x.end, y.begin - x.end));
  std::erase_if(between, [](char c) { return c == ' '; });
  return between.empty() || between == "and" || between == "," || between == "andthe" || between == ",the" ||
         between == "alongwith" || between == "withthesupportof" || between == "backedby" ||
         between == "supportedby" || between == "and/or" || between == "/";
}

// A front line or a ceasefire-monitoring report in the incident's sentences ("in both
// directions of the frontline", "the line of contact", "ceasefire violations", "the monitoring
// mission observed"). A front line is held by the state's forces on one side and an organised
// armed opposition on the other, so fire across it with neither side named is still a fight
// between them ("frontline workers", "frontline staff" are not front lines).
bool FrontlineContext(const Document& doc, const std::vector<uint32_t>& sentences) {
  for (uint32_t si : sentences) {
    const Sentence& s = doc.sentences[si];
    for (uint32_t t = s.token_begin; t < s.token_end; ++t) {
      // Words compared lower-cased (EqualsLower), without building strings.
      auto word = [&](uint32_t k) {
        return k < s.token_end ? doc.Slice(doc.tokens[k].span) : std::string_view();
      };
      const std::string_view w = word(t);
      const std::string_view next = word(t + 1);
      // The word after "frontline" / "front line(s)".
      std::string_view after;
      bool front = false;
      if (EqualsLower(w, "frontline") || EqualsLower(w, "frontlines")) {
        front = true;
        after = next;
      } else if (EqualsLower(w, "front") &&
                 (EqualsLower(next, "line") || EqualsLower(next, "lines"))) {
        front = true;
        after = word(t + 2);
      }
      if (front) {
        bool care = false;  // "frontline workers", "front line health staff"
        for (std::string_view x : {"workers", "worker", "staff", "health", "medical", "doctors",
                                   "nurses", "responders"}) {
          care |= EqualsLower(after, x);
        }
        if (!care) return true;
        continue;
      }
      if ((EqualsLower(w, "contact") && EqualsLower(next, "line")) ||
          (EqualsLower(w, "line") && EqualsLower(next, "of") &&
           EqualsLower(word(t + 2), "contact"))) {
        return true;
      }
      if ((EqualsLower(w, "ceasefire") || EqualsLower(w, "cease-fire")) &&
          (EqualsLower(next, "violation") || EqualsLower(next, "violations") ||
           EqualsLower(next, "monitors"))) {
        return true;
      }
      if (EqualsLower(w, "monitoring") && EqualsLower(next, "mission")) return true;
      if (doc.Slice(doc.tokens[t].span) == "SMM") return true;  // OSCE's Special Monitoring Mission
    }
  }
  return false;
}

}  // namespace

namespace {
constexpr std::string_view kFrontLinesTsv =
#include "event/front_lines_tsv.inc"
    ;

struct FrontLineRow {
  std::string_view iso3, first, last;  // days as written; last empty: to date
  FrontLineOpponent opponent;
};

// The rows of kFrontLinesTsv, read once (views into the literal).
const std::vector<FrontLineRow>& FrontLineRows() {
  static const std::vector<FrontLineRow> rows = [] {
    std::vector<FrontLineRow> out;
    actor::ForEachTsvRow(kFrontLinesTsv, [&](const std::vector<std::string_view>& f) {
      if (f.size() < 6 || f[0].size() != 3 || f[3].empty()) return;
      int inter = 0;
      std::from_chars(f[4].data(), f[4].data() + f[4].size(), inter);
      out.push_back({f[0], f[1], f[2], {f[3], inter, f[5]}});
    });
    return out;
  }();
  return rows;
}
}  // namespace

std::string_view EmbeddedFrontLinesTsv() { return kFrontLinesTsv; }

std::optional<FrontLineOpponent> FrontLineOpponentOf(std::string_view iso3,
                                                     std::optional<std::string_view> date) {
  for (const FrontLineRow& row : FrontLineRows()) {
    if (row.iso3 != iso3) continue;
    // Days compare as strings: "YYYY-MM-DD" sorts by date.
    const bool holds =
        date ? *date >= row.first && (row.last.empty() || *date <= row.last) : row.last.empty();
    if (holds) return row.opponent;
  }
  return std::nullopt;
}

bool AssignRoles(const Document& doc, const MentionIndex& mentions, const Incident& incident,
                 std::string_view country_iso3, std::string_view country, Event* event) {
  // The incident's sentences and its strongest sentence.
  // Kept per thread, like in_sentences below: nothing AssignRoles calls comes back here.
  thread_local std::vector<uint32_t> sentences;
  sentences.clear();
  uint32_t primary = doc.triggers[incident.triggers.front()].sentence;
  float best_score = -1;
  for (uint32_t ti : incident.triggers) {
    const TriggerMention& t = doc.triggers[ti];
    sentences.push_back(t.sentence);
    if (FamilyOf(t.event_type) != Family::kStrategic && t.score > best_score) {
      best_score = t.score;
      primary = t.sentence;
    }
  }
  std::sort(sentences.begin(), sentences.end());
  sentences.erase(std::unique(sentences.begin(), sentences.end()), sentences.end());

  // A list of the thread, as `sentences` (the names it holds move to the event at the end).
  thread_local std::vector<Actor> actors;
  actors.clear();
  // Mentions joined by "and/or", "or" or "/" are one side: "JNIM and/or ISGS militants",
  // "Boko Haram/IS" (ACLED's way of saying the perpetrator is one of them).
  AllyPairs allies;
  // The name of the mention before: a view of its actor's name in `actors`, which does not move
  // while the mentions are read (room is reserved for all of them).
  std::string_view prev_name;
  thread_local std::string completed;  // CompleteName's buffer
  uint32_t prev_end = 0;
  // The mentions of the incident's sentences in document order: (index into doc.actors, its
  // sentence).
  // (Already in order when the actor mentions are in text order, as the actors stage writes
  // them.)
  thread_local std::vector<std::pair<uint32_t, uint32_t>> in_sentences;
  in_sentences.clear();
  for (uint32_t si : sentences) {
    for (uint32_t a : mentions.ActorsOf(si)) in_sentences.emplace_back(a, si);
  }
  if (!std::is_sorted(in_sentences.begin(), in_sentences.end())) {
    std::sort(in_sentences.begin(), in_sentences.end());
  }
  actors.reserve(in_sentences.size() + 3);  // the mentions, and the actors the type implies
  for (const auto& [index, s] : in_sentences) {
    const ActorMention& m = doc.actors[index];
    const MentionTokens at(doc, m);
    if (IsSource(doc, at)) continue;
    const std::string_view name = CompleteName(m, country_iso3, country, &completed);
    const std::string_view gap =
        prev_end <= m.span.begin ? std::string_view(doc.text).substr(prev_end, m.span.begin - prev_end)
                                 : std::string_view();
    // (The joining words are at most six bytes without spaces: a longer gap is not lower-cased.)
    if (!prev_name.empty() && prev_end <= m.span.begin && prev_name != name &&
        std::count_if(gap.begin(), gap.end(), [](char c) { return c != ' '; }) <= 6) {
      std::string between = Lower(gap);
      std::erase_if(between, [](char c) { return c == ' '; });
      if (between == "and/or" || between == "or" || between == "/" || between == "andor") {
        allies.emplace_back(prev_name, name);
      }
    }
    prev_end = m.span.end;
    auto it = std::find_if(actors.begin(), actors.end(),
                           [&](const Actor& a) { return a.name == name; });
    const bool claims = ClaimsAttack(doc, at);
    if (it != actors.end()) {
      prev_name = it->name;
      it->primary |= s == primary;
      it->claimed |= claims;
      continue;
    }
    Actor a;
    a.name = std::string(name);
    a.inter = m.inter;
    a.iso3 = m.country_iso3;
    a.first = m.span;
    a.primary = s == primary;
    a.generic = m.generic;
    a.claimed = claims;
    a.branch = !m.branch.empty();
    a.cls = ClassOf(m.inter);
    actors.push_back(std::move(a));
    prev_name = actors.back().name;
  }
  // (A pro-government militia is not the group "militants" refers to: it fights them.)
  const bool named_non_state = std::any_of(actors.begin(), actors.end(), [](const Actor& a) {
    return a.cls == Class::kNonState && !a.generic && a.name != kProGovernmentMilitia;
  });
  if (named_non_state) {
    std::erase_if(actors,
                  [](const Actor& a) { return a.cls == Class::kNonState && a.generic; });
  }
  const bool any_non_state = std::any_of(actors.begin(), actors.end(), [](const Actor& a) {
    return a.cls == Class::kNonState;
  });

  const std::string_view type = event->event_type;  // views: literal compares check sizes first
  const std::string_view sub = event->sub_event_type;
  auto first_of = [&](auto pred) -> int {
    int fallback = -1;
    for (size_t i = 0; i < actors.size(); ++i) {
      if (!pred(actors[i])) continue;
      if (actors[i].primary) return static_cast<int>(i);
      if (fallback < 0) fallback = static_cast<int>(i);
    }
    return fallback;
  };
  auto is_armed = [](const Actor& a) {
    return a.cls == Class::kState || a.cls == Class::kNonState;
  };
  // Synthesized actors the event type implies, named (add_named) or "base (Country)".
  const std::string_view country_name = CountryNameView(country_iso3, country);
  auto add_named = [&](std::string name, int inter, Class cls) {
    Actor a;
    a.name = std::move(name);
    a.inter = inter;
    a.cls = cls;
    a.generic = true;
    actors.push_back(std::move(a));
    return static_cast<int>(actors.size()) - 1;
  };
  auto add_actor = [&](std::string_view base, int inter, Class cls) {
    return add_named(WithCountry(base, country_name), inter, cls);
  };
  // An actor that takes the role the event type gives it: the residents who protest are
  // "Protesters (Country)", protesters who riot are "Rioters (Country)".
  auto recast = [&](int k, std::string_view base, int inter, Class cls) {
    actors[k].name = WithCountry(base, country_name);
    actors[k].inter = inter;
    actors[k].cls = cls;
    actors[k].generic = true;
  };
  auto is_civilian = [](const Actor& a) { return a.cls == Class::kCivilians; };
  auto add_state_forces = [&]() {
    const int k =
        add_named(ForcesName(/*police=*/false, country_iso3, country_name), 1, Class::kState);
    actors[k].iso3 = std::string(country_iso3);
    return k;
  };
  // Fire across a front line with no side named: the state's forces and the armed opposition
  // that holds the other side (fighting: state vs rebels; shelling or other remote fire whose
  // origin is not said: the state's forces, the one party every front line has).
  if ((type == "Battles" || type == "Explosions/Remote violence") &&
      std::none_of(actors.begin(), actors.end(), is_armed) && FrontlineContext(doc, sentences)) {
    add_state_forces();
    if (type == "Battles") {
      // The side a known front line has across it; else the generic armed opposition.
      const std::optional<std::string_view> date =
          event->date_start ? std::optional<std::string_view>(*event->date_start) : std::nullopt;
      if (auto opponent = FrontLineOpponentOf(country_iso3, date)) {
        const int k =
            add_named(std::string(opponent->name), opponent->inter, ClassOf(opponent->inter));
        actors[k].iso3 = std::string(opponent->iso3);
      } else {
        add_actor("Rebel Forces", 2, Class::kNonState);
      }
    }
  }
  // Fighting with no armed side named, among communities, clans or ethnic groups: identity
  // militias on both sides ("intercommunal clashes left three dead", "Beni Amir and Nuba
  // groups clashed").
  if (type == "Battles" && std::none_of(actors.begin(), actors.end(), is_armed) &&
      CommunalContext(doc, sentences)) {
    add_actor("Unidentified Communal Militia", 4, Class::kNonState);
    add_actor("Unidentified Communal Militia", 4, Class::kNonState);
  }
  // Fighting where no side is named at all ("a shoot-out took place", "two unidentified forces
  // clashed"): ACLED's unidentified armed groups on both sides.
  if (type == "Battles" && std::none_of(actors.begin(), actors.end(), [](const Actor& a) {
        return a.cls == Class::kState || a.cls == Class::kNonState ||
               a.cls == Class::kProtesters || a.cls == Class::kRioters;
      })) {
    add_actor("Unidentified Armed Group", 3, Class::kNonState);
  }
  int a1 = -1;
  if (type == "Protests") {
    a1 = first_of([](const Actor& a) { return a.cls == Class::kProtesters; });
    if (a1 < 0) {
      a1 = first_of(is_civilian);
      if (a1 >= 0) recast(a1, "Protesters", 6, Class::kProtesters);
    }
    if (a1 < 0) a1 = add_actor("Protesters", 6, Class::kProtesters);
  } else if (type == "Riots") {
    a1 = first_of([](const Actor& a) {
      return a.cls == Class::kRioters || a.cls == Class::kProtesters;
    });
    if (a1 < 0 && sub == "Violent demonstration") {
      a1 = first_of(is_civilian);
      if (a1 >= 0) recast(a1, "Rioters", 5, Class::kRioters);
    }
    if (a1 < 0) a1 = add_actor("Rioters", 5, Class::kRioters);
    if (actors[a1].cls == Class::kProtesters) recast(a1, "Rioters", 5, Class::kRioters);
  } else if (type == "Violence against civilians" || sub == "Looting/property destruction") {
    // ACLED's perpetrator of an attack nobody claims: "Unidentified Armed Group (Country)".
    a1 = first_of(is_armed);
    if (a1 < 0) a1 = add_actor("Unidentified Armed Group", 3, Class::kNonState);
  }
  if (a1 < 0) a1 = first_of(is_armed);
  // A bomb, a mine or shelling nobody is named for: ACLED's "Unidentified Armed Group".
  if (a1 < 0 && type == "Explosions/Remote violence" && sub != "Air/drone strike") {
    a1 = add_actor("Unidentified Armed Group", 3, Class::kNonState);
  }
  if (a1 < 0) a1 = first_of([](const Actor& a) { return a.cls != Class::kOther; });

  int a2 = -1;
  if (a1 >= 0) {
    if (type == "Violence against civilians") {
      a2 = first_of([](const Actor& a) { return a.cls == Class::kCivilians; });
      if (a2 < 0) a2 = add_actor("Civilians", 7, Class::kCivilians);
    } else if (type == "Protests" && sub != "Protest with intervention" &&
               sub != "Excessive force against protesters") {
      a2 = -1;
    } else if (type == "Protests") {
      // Who intervened: the state force named, else the country's police.
      a2 = first_of([](const Actor& a) { return a.cls == Class::kState; });
      if (a2 < 0) {
        a2 = add_named(ForcesName(/*police=*/true, country_iso3, country_name), 1, Class::kState);
        actors[a2].iso3 = std::string(country_iso3);
      }
    } else {
      // Two crowds fighting each other ("two groups of workers clashed", "clashes between
      // students of different schools"), no state force among them: rioters on both sides.
      if (sub == "Mob violence" && MutualFight(doc, incident, sub, primary) &&
          std::none_of(actors.begin(), actors.end(),
                       [](const Actor& a) { return a.cls == Class::kState; })) {
        const int k = add_actor("Rioters", 5, Class::kRioters);
        a2 = k;
      }
      if (a2 < 0) {
        a2 = first_of([&](const Actor& a) { return is_armed(a) && Oppose(actors[a1], a, any_non_state, allies); });
      }
      // (Civilians are no side of a battle: fire that hits them is violence against them, and
      // residents who flee a town that changes hands did not hold it.)
      if (a2 < 0) {
        a2 = first_of([&](const Actor& a) {
          return Oppose(actors[a1], a, any_non_state, allies) &&
                 !(type == "Battles" && a.cls == Class::kCivilians);
        });
      }
      // Property destroyed or looted with no armed opponent belongs to civilians.
      if (a2 < 0 && sub == "Looting/property destruction" && is_armed(actors[a1])) {
        a2 = add_actor("Civilians", 7, Class::kCivilians);
      }
      // An identity militia (ethnic, clan, tribal, communal) in a battle with no opponent
      // named fought another one ("tribesmen clashed over a well", "Fulani militiamen and
      // villagers exchanged fire").
      if (a2 < 0 && type == "Battles" && actors[a1].inter == 4) {
        a2 = add_actor("Unidentified Communal Militia", 4, Class::kNonState);
      }
      // An unnamed armed group in a battle with no opponent named fought another one.
      if (a2 < 0 && type == "Battles" && actors[a1].cls == Class::kNonState &&
          actors[a1].generic && actors[a1].inter == 3) {
        a2 = add_actor("Unidentified Armed Group", 3, Class::kNonState);
      }
      // A named rebel group in a battle with no opponent named fought the state's forces
      // ("Al Shabaab fighters attacked a government position").
      if (a2 < 0 && type == "Battles" && actors[a1].cls == Class::kNonState &&
          !actors[a1].generic) {
        if (!country_name.empty()) a2 = add_state_forces();
      }
      // Two bodies of one state's forces fighting each other with no one else named ("police
      // clashed with soldiers", "soldiers attacked a police station"), unless the sentence
      // joins them as one side ("police and soldiers"). A branch and a plain force word are
      // one body named twice ("the Military Police raided ... the police seized a pistol").
      if (a2 < 0 && type == "Battles" && actors[a1].cls == Class::kState && !any_non_state) {
        a2 = first_of([&](const Actor& a) {
          return a.cls == Class::kState && a.name != actors[a1].name && a.iso3 == actors[a1].iso3 &&
                 !a.branch && !actors[a1].branch && !Coordinated(doc, actors[a1].first, a.first);
        });
      }
      // State forces fighting, or hit by a bomb, with no opponent named: ACLED's
      // "Unidentified Armed Group (Country)" ("a patrol struck an IED", "soldiers were
      // ambushed"). The bomb's unnamed maker is actor1.
      if (a2 < 0 && actors[a1].cls == Class::kState &&
          (type == "Battles" || sub == "Remote explosive/landmine/IED" || sub == "Grenade" ||
           sub == "Suicide bomb")) {
        a2 = add_actor("Unidentified Armed Group", 3, Class::kNonState);
        if (type != "Battles") std::swap(a1, a2);
      }
      // A mob with no opponent named turned on civilians ("a mob lynched a suspected thief").
      if (a2 < 0 && sub == "Mob violence") a2 = add_actor("Civilians", 7, Class::kCivilians);
      // A bomb, grenade or shell that killed or hurt civilians, no armed side hit: the
      // civilians are its target ("a landmine killed a displaced man").
      if (a2 < 0 && type == "Explosions/Remote violence" &&
          std::any_of(incident.frames.begin(), incident.frames.end(), [&](uint32_t fi) {
            const CasualtyFrame& f = doc.casualties[fi];
            return !f.negated && f.value > 0 && f.category == VictimCategory::kCivilians;
          })) {
        a2 = add_actor("Civilians", 7, Class::kCivilians);
      }
    }
  }

  // The armed group that claims the attack carried it out, whoever else the strongest
  // sentence names first ("a car bomb killed four soldiers ... al-Shabaab claimed
  // responsibility"); and a bomb's maker is the non-state group named against the state forces
  // it hit, as state forces plant no roadside bombs and send no suicide bombers.
  if (a1 >= 0 && a2 >= 0 && type != "Protests" && type != "Riots" &&
      type != "Strategic developments") {
    const bool claimed_by_a2 = actors[a2].claimed && is_armed(actors[a2]) && !actors[a1].claimed;
    const bool bomb_by_a2 = (sub == "Remote explosive/landmine/IED" || sub == "Suicide bomb") &&
                            actors[a1].cls == Class::kState && actors[a2].cls == Class::kNonState &&
                            !ActsFirst(doc, actors[a1].first);
    if (claimed_by_a2 || bomb_by_a2) std::swap(a1, a2);
  }

  // Sides: each actor joins the side it does not oppose. (Lists of the thread, as `actors`.)
  thread_local std::vector<int> side1, side2;
  side1.clear();
  side2.clear();
  for (size_t i = 0; i < actors.size(); ++i) {
    const int k = static_cast<int>(i);
    if (k == a1 || k == a2 || actors[i].cls == Class::kOther) continue;
    if (a1 >= 0 && !Oppose(actors[a1], actors[i], any_non_state, allies)) {
      if (actors[i].cls != Class::kCivilians) side1.push_back(k);
    } else if (a2 >= 0 && !Oppose(actors[a2], actors[i], any_non_state, allies)) {
      if (actors[i].cls != Class::kCivilians || type == "Violence against civilians") {
        side2.push_back(k);
      }
    }
  }
  // Foreign state forces give way to a local state force of their side.
  auto localize = [&](int& lead, std::vector<int>& side) -> int {
    if (lead < 0) return 0;
    const Actor& a = actors[lead];
    if (a.cls != Class::kState || a.iso3.empty() || country_iso3.empty() || a.iso3 == country_iso3) {
      return a.inter;
    }
    auto local = std::find_if(side.begin(), side.end(), [&](int k) {
      return actors[k].cls == Class::kState && actors[k].iso3 == country_iso3;
    });
    if (local == side.end()) return 8;
    std::swap(lead, *local);
    return actors[lead].inter;
  };
  event->inter1 = localize(a1, side1);
  event->inter2 = localize(a2, side2);
  event->interaction = InteractionCode(event->inter1, event->inter2);

  // A perpetrator written as one of two named groups ("JNIM or ISGS militants", "ISWAP and/or
  // Boko Haram", "Boko Haram/IS") is one joint actor to ACLED, "X and/or Y" in the order written,
  // not X with Y associated. Its partner leaves the side; the joint name is given at the end (the
  // UCDP side keeps the lead group's name).
  auto joint_partner = [&](int lead, std::vector<int>& side) -> int {
    if (lead < 0 || actors[lead].cls != Class::kNonState || actors[lead].generic) return -1;
    for (auto it = side.begin(); it != side.end(); ++it) {
      const Actor& b = actors[*it];
      if (b.cls != Class::kNonState || b.generic) continue;
      if (!Allied(allies, actors[lead], b)) continue;
      const int partner = *it;
      side.erase(it);
      return partner;
    }
    return -1;
  };
  const int partner1 = joint_partner(a1, side1), partner2 = joint_partner(a2, side2);

  // Field names looked up once, not per event.
  static const FieldName kActor1 = "actor1", kInter1 = "inter1", kActor2 = "actor2",
                         kInter2 = "inter2", kAssocActor1 = "assoc_actor_1",
                         kAssocActor2 = "assoc_actor_2", kSideA = "side_a", kSideB = "side_b";
  auto evidence = [&](FieldName field, int k) {
    if (k >= 0 && !actors[k].first.empty()) AddEvidence(doc, field, actors[k].first, event);
  };
  // (The names are moved to the event at the end: the sides below read them.)
  if (a1 >= 0) {
    evidence(kActor1, a1);
    evidence(kActor1, partner1);
    evidence(kInter1, a1);
  }
  if (a2 >= 0) {
    evidence(kActor2, a2);
    evidence(kActor2, partner2);
    evidence(kInter2, a2);
  }
  for (int k : side1) evidence(kAssocActor1, k);
  for (int k : side2) evidence(kAssocActor2, k);

  // UCDP: side_a is the government when one is involved.
  auto government_of = [&](int lead, const std::vector<int>& side) -> int {
    if (lead >= 0 && actors[lead].inter == 1 && actors[lead].cls == Class::kState) return lead;
    for (int k : side) {
      if (actors[k].inter == 1) return k;
    }
    return -1;
  };
  const int g1 = government_of(a1, side1), g2 = government_of(a2, side2);
  auto ucdp = [&](int k) -> std::optional<std::string> {
    if (k < 0) return std::nullopt;
    if (actors[k].cls == Class::kCivilians) return std::string("Civilians");
    return UcdpSideName(actors[k].name);
  };
  bool government = false;
  if (g1 >= 0) {
    event->side_a = GovernmentName(actors[g1]);
    event->side_b = g2 >= 0 ? std::optional<std::string>(GovernmentName(actors[g2])) : ucdp(a2);
    evidence(kSideA, g1);
    evidence(kSideB, g2 >= 0 ? g2 : a2);
    government = true;
  } else if (g2 >= 0) {
    event->side_a = GovernmentName(actors[g2]);
    event->side_b = ucdp(a1);
    evidence(kSideA, g2);
    evidence(kSideB, a1);
    government = true;
  } else {
    event->side_a = ucdp(a1);
    event->side_b = ucdp(a2);
    evidence(kSideA, a1);
    evidence(kSideB, a2);
  }
  // The names, moved (a copy of each allocated): a1, a2 and the sides' members are different
  // actors, and nothing reads the names after.
  auto joint_name = [&](int lead, int partner) {
    if (partner < 0) return std::move(actors[lead].name);
    const bool lead_first = actors[lead].first.begin <= actors[partner].first.begin;
    const std::string& x = actors[lead_first ? lead : partner].name;
    const std::string& y = actors[lead_first ? partner : lead].name;
    return Joined({x, " and/or ", y});
  };
  if (a1 >= 0) event->actor1 = joint_name(a1, partner1);
  if (a2 >= 0) event->actor2 = joint_name(a2, partner2);
  event->assoc_actor_1.reserve(side1.size());
  for (int k : side1) event->assoc_actor_1.push_back(std::move(actors[k].name));
  event->assoc_actor_2.reserve(side2.size());
  for (int k : side2) event->assoc_actor_2.push_back(std::move(actors[k].name));
  return government;
}

}  // namespace sitrep::event

namespace sitrep {

int InteractionCode(int inter1, int inter2) {
  const int lo = std::min(inter1, inter2), hi = std::max(inter1, inter2);
  if (lo == 0) return hi * 10;
  return lo * 10 + hi;
}

std::string UcdpSideName(std::string_view acled_actor) {
  struct Pair {
    std::string_view acled, ucdp;
  };
  static constexpr Pair kNames[] = {
      {"Islamic State", "IS"},
      {"Islamic State (West Africa)", "IS"},
      {"Islamic State (Greater Sahara)", "IS"},
      {"Islamic State (Khorasan)", "IS"},
      {"Islamic State (Somalia)", "IS"},
      {"Islamic State (Central Africa)", "IS"},
      {"Islamic State (Mozambique)", "IS"},
      {"Al Shabaab", "Al-Shabaab"},
      {"JNIM: Group for Support of Islam and Muslims", "JNIM"},
      {"Boko Haram - Jamatu Ahli is-Sunnah lid-Dawatai wal-Jihad",
       "Jama'atu Ahlis Sunna Lidda'awati wal-Jihad"},
      {"Ansaroul Islam", "Ansaroul Islam"},
      {"Al Qaeda", "al-Qaida"},
      {"Al Qaeda in the Arabian Peninsula", "AQAP"},
      {"Al Qaeda in the Islamic Maghreb", "AQIM"},
      {"Hayat Tahrir al-Sham", "Hay'at Tahrir al-Sham"},
      {"SDF: Syrian Democratic Forces", "SDF"},
      {"PKK: Kurdistan Workers Party", "PKK"},
      {"Hezbollah", "Hizbollah"},
      {"Hamas Movement", "Hamas"},
      {"PIJ: Palestinian Islamic Jihad", "PIJ"},
      {"Taliban", "Taleban"},
      {"TTP: Tehrik-i-Taliban Pakistan", "TTP"},
      {"BLA: Balochistan Liberation Army", "BLA"},
      {"CPI (Maoist): Communist Party of India (Maoist)", "CPI-Maoist"},
      {"NPA: New Peoples Army", "CPP"},
      {"Arakan Army", "AA"},
      {"KIA: Kachin Independence Army", "KIO"},
      {"PDF: Peoples Defense Force", "PDF"},
      {"RSF: Rapid Support Forces", "RSF"},
      {"M23: March 23 Movement", "M23"},
      {"ADF: Allied Democratic Forces", "ADF"},
      {"TPLF: Tigray Peoples Liberation Front", "TPLF"},
      {"OLA: Oromo Liberation Army", "OLA"},
      {"Wagner Group", "Wagner"},
  };
  // A bit per length of the names above: most actors' names have none of those lengths and
  // are not compared with each.
  static_assert(std::all_of(std::begin(kNames), std::end(kNames),
                            [](const Pair& p) { return p.acled.size() < 64; }));
  static constexpr uint64_t kLengths = [] {
    uint64_t bits = 0;
    for (const Pair& p : kNames) bits |= uint64_t{1} << p.acled.size();
    return bits;
  }();
  if (acled_actor.size() < 64 && (kLengths >> acled_actor.size() & 1) != 0) {
    for (const Pair& p : kNames) {
      if (p.acled == acled_actor) return std::string(p.ucdp);
    }
  }
  if (acled_actor.starts_with("Houthi") || acled_actor.starts_with("Ansar Allah")) {
    return "Ansarallah";
  }
  if (acled_actor.starts_with("Military Forces of ") || acled_actor.starts_with("Police Forces of ")) {
    const std::string_view forces = ActorForcesWithoutBranch(acled_actor);
    std::string_view c = forces.substr(forces.find(" of ") + 4);
    if (c.starts_with("the ")) c.remove_prefix(4);
    const size_t paren = c.find(" (");
    if (paren != std::string_view::npos) c = c.substr(0, paren);
    if (c == "United States") return "Government of United States of America";
    return "Government of " + std::string(c);
  }
  return std::string(acled_actor);
}

}  // namespace sitrep
