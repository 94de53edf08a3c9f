// Named persons: capitalized name sequences of the incident's sentences ("Abu Ali al-Tunisi",
// "Ahmad Hamid Husayn Abd-al-Jalil al-Ithawi") that are not actors, places or organizations,
// kept when the sentence gives them a fate (nearest fate word: killed, injured, arrested,
// abducted; "reward"/"wanted" → wanted) or an apposition role (", the deputy commander").
// Role: the apposition after the name, else the noun phrase before "known as" / "identified
// as" / "named", inherited by a second name joined with "and"; a money amount with "reward"
// or "bounty" is added ("$5 million reward").
#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <string>
#include <vector>

#include "event/event_internal.h"
#include "sitrep/pipeline.h"
#include "sitrep/places.h"
#include "util/word_set.h"

namespace sitrep::event {
namespace {

// Equality by size and first byte before memcmp: these sets are scanned at every token.
template <size_t N>
bool In(std::string_view w, const std::string_view (&set)[N]) {
  for (const std::string_view s : set) {
    if (s.size() == w.size() &&
        (s.empty() || (s[0] == w[0] && std::memcmp(s.data(), w.data(), s.size()) == 0))) {
      return true;
    }
  }
  return false;
}

using util::WordSet;

constexpr std::string_view kParticles[] = {"al", "el", "bin", "ibn", "bint", "abd", "de", "da",
                                           "van", "von", "ould", "ag", "ben", "abu", "del", "la"};
constexpr std::string_view kNotNames[] = {
    "command", "department", "service", "ministry", "army", "forces", "force", "council",
    "group", "state", "province", "party", "front", "movement", "organization", "agency",
    "brigade", "brigades", "police", "committee", "university", "hospital", "office", "union",
    "nations", "court", "government", "republic", "coalition", "corps", "reuters", "press",
    "news", "times", "post", "central", "national", "international", "islamic", "treasury",
    "airport", "street", "road", "district", "region", "county", "city", "village", "mosque",
    "church", "school", "market", "camp", "base", "bank", "company", "network", "media",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "god", "allah",
    // Organisations that report or monitor, not people: "Syrian Observatory for Human Rights",
    // "Red Cross", "Doctors Without Borders", "Al Jazeera television".
    "observatory", "rights", "watch", "amnesty", "crescent", "cross", "borders", "foundation",
    "institute", "center", "centre", "association", "society", "federation", "authority",
    "authorities", "administration", "directorate", "television", "tv", "radio", "channel",
    "daily", "gazette", "herald", "tribune", "journal", "monitor", "parliament", "assembly",
    "senate", "congress", "embassy", "consulate", "mission", "programme", "program", "fund",
    // Places and premises: "Kenyatta Avenue", "Jilani Masjid", "Dunai Bazaar", "Ramat Square".
    "avenue", "boulevard", "highway", "bridge", "square", "plaza", "mall", "hotel", "cinema",
    "stadium", "station", "prison", "jail", "restaurant", "temple", "shrine", "cemetery",
    "masjid", "bazaar", "bazar", "chowk", "mohalla", "nagar", "colony", "mandi", "farm",
    "checkpoint", "kibbutz", "barangay", "sitio", "hills", "mountains", "valley", "division",
    "enterprises", "construction"};
// Words before a name that put it as a place: "in", "near the", "an attack on".
constexpr std::string_view kLocatives[] = {"in",     "near",  "at",     "outside", "inside",
                                           "into",   "toward", "towards", "across", "around"};
constexpr std::string_view kAttackNouns[] = {"attack",  "attacks", "raid",
                                             "raids",   "assault", "offensive"};
// Words after a name that make it a place: "Abu Shouk camp", "X village".
constexpr std::string_view kPlaceWordsAfter[] = {
    "camp",   "village", "town",          "area",         "district", "market",
    "road",   "street",  "neighbourhood", "neighborhood", "refugee",  "checkpoint"};
constexpr std::string_view kStarters[] = {
    "the", "in", "on", "at", "a", "an", "other", "among", "but", "however", "after", "when",
    "last", "this", "that", "these", "those", "his", "her", "their", "its", "despite", "as",
    "while", "during", "since", "according", "some", "several", "two", "three", "officials",
    "both", "and", "or", "also", "meanwhile", "earlier", "later", "yesterday", "today"};
constexpr std::string_view kTitles[] = {
    "president", "gen", "gen.", "general", "colonel", "col", "col.", "commander", "minister",
    "sheikh", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "lt", "lt.", "maj", "maj.",
    "major", "captain", "capt", "capt.", "sgt", "sgt.", "sergeant", "governor", "chief",
    "senior", "deputy", "leader", "emir", "spokesman", "mayor", "imam", "senator", "prince",
    "king", "judge", "brig", "brig.", "brigadier", "lieutenant", "private", "cpl", "corporal",
    "prime", "secretary", "ambassador", "rev", "rev.", "father", "st", "st."};
constexpr std::string_view kRoleNouns[] = {
    "commander", "leader", "chief", "head", "deputy", "emir", "spokesman", "spokesperson",
    "official", "minister", "governor", "general", "officer", "member", "militant", "fighter",
    "soldier", "journalist", "activist", "mayor", "president", "lawmaker", "cleric", "founder",
    "operative", "financier", "bombmaker", "recruiter", "lieutenant", "colonel", "imam",
    "politician", "candidate", "councillor", "councilor", "senator", "judge", "student",
    "teacher", "doctor", "reporter", "photographer", "worker", "chairman", "director", "aide",
    "commanders", "leaders", "officials", "militants", "fighters", "members", "operatives"};

const WordSet& NotNames() {
  static const WordSet set(kNotNames);
  return set;
}
const WordSet& Starters() {
  static const WordSet set(kStarters);
  return set;
}
const WordSet& Titles() {
  static const WordSet set(kTitles);
  return set;
}
const WordSet& RoleNouns() {
  static const WordSet set(kRoleNouns);
  return set;
}

bool IsUpperStart(std::string_view w) { return !w.empty() && w[0] >= 'A' && w[0] <= 'Z'; }

bool AllCaps(std::string_view w) {
  int letters = 0;
  for (char c : w) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') ++letters;
  }
  return letters >= 2;
}

// "al-Issawi", "bin", "el-Sayed": a lower-case particle, alone or hyphenated to a name.
static_assert(std::all_of(std::begin(kParticles), std::end(kParticles),
                          [](std::string_view p) { return p.size() <= 4; }));
bool IsParticle(std::string_view w) {
  // Only the first letters of the particles (a b d e i l o v) can start one: most words are
  // turned away by one table test.
  static constexpr std::array<bool, 256> kFirst = [] {
    std::array<bool, 256> t{};
    for (const std::string_view p : kParticles) {
      t[static_cast<unsigned char>(p[0])] = true;
      t[static_cast<unsigned char>(p[0] - 'a' + 'A')] = true;
    }
    return t;
  }();
  if (w.empty() || !kFirst[static_cast<unsigned char>(w[0])]) return false;
  // The part before a dash, looked for only as far as a particle can go.
  size_t n = 0;
  while (n < w.size() && n <= 4 && w[n] != '-') ++n;
  if (n > 4) return false;  // no particle is longer
  const std::string_view head = w.substr(0, n);
  char buf[4] = {};  // (zeroed: GCC cannot see that an empty head is never read)
  for (size_t i = 0; i < head.size(); ++i) buf[i] = LowerByte(head[i]);
  return In(std::string_view(buf, head.size()), kParticles);
}

// The text of `span` in `lower` (the document's text lower-cased).
std::string_view Low(std::string_view lower, Span span) {
  // (Not substr: its range check is a call per token; spans lie inside the text.)
  return std::string_view(lower.data() + span.begin, span.end - span.begin);
}

// The fate a word says ("" when none); the literals live as long as the program.
std::string_view FateWord(std::string_view w) {
  static constexpr std::string_view kKilled[] = {"killed", "died", "dead", "slain", "assassinated",
                                                 "eliminated", "neutralized", "neutralised",
                                                 "executed", "beheaded", "killing", "death"};
  static constexpr std::string_view kInjured[] = {"wounded", "injured", "hurt", "injuring",
                                                  "wounding"};
  static constexpr std::string_view kArrested[] = {"arrested", "detained", "captured",
                                                   "apprehended", "nabbed", "arrest", "custody"};
  static constexpr std::string_view kAbducted[] = {"abducted", "kidnapped", "kidnapping",
                                                   "abduction", "hostage"};
  static constexpr std::string_view kWanted[] = {"wanted", "reward", "bounty"};
  // Whether some fate word has this size and first byte: one table load turns away nearly
  // every word of a sentence before the five lists are compared (this runs at every token).
  static constexpr size_t kMaxSize = 12;
  static constexpr auto kSizeAndFirst = [] {
    std::array<std::array<bool, 256>, kMaxSize + 1> t{};
    auto mark = [&t](const auto& list) {
      for (const std::string_view f : list) t[f.size()][static_cast<unsigned char>(f[0])] = true;
    };
    mark(kKilled);
    mark(kInjured);
    mark(kArrested);
    mark(kAbducted);
    mark(kWanted);
    return t;
  }();
  if (w.empty() || w.size() > kMaxSize ||
      !kSizeAndFirst[w.size()][static_cast<unsigned char>(w[0])]) {
    return "";
  }
  if (In(w, kKilled)) return "killed";
  if (In(w, kInjured)) return "injured";
  if (In(w, kArrested)) return "arrested";
  if (In(w, kAbducted)) return "abducted";
  if (In(w, kWanted)) return "wanted";
  return "";
}

// Drops leading determiners, numbers and "other": "two other ISIS leaders" → "ISIS leaders".
std::string CleanRole(const Document& doc, std::string_view lower, uint32_t begin, uint32_t end) {
  while (begin < end) {
    const std::string_view w = Low(lower, doc.tokens[begin].span);
    if (w == "a" || w == "an" || w == "the" || w == "other" || w == "two" || w == "three" ||
        w == "four" || w == "several" || doc.tokens[begin].kind == TokenKind::kNumber) {
      ++begin;
    } else {
      break;
    }
  }
  if (begin >= end) return "";
  return std::string(doc.text.substr(doc.tokens[begin].span.begin,
                                     doc.tokens[end - 1].span.end - doc.tokens[begin].span.begin));
}

bool HasRoleNoun(const Document& doc, std::string_view lower, uint32_t begin, uint32_t end) {
  for (uint32_t k = begin; k < end; ++k) {
    if (RoleNouns().Has(Low(lower, doc.tokens[k].span))) return true;
  }
  return false;
}

}  // namespace

void FindNamedPersons(const Document& doc, const Incident& incident, Event* event) {
  FindNamedPersons(doc, Lower(doc.text), MentionIndex(doc), incident, event);
}

void FindNamedPersons(const Document& doc, std::string_view lower, const MentionIndex& mentions,
                      const Incident& incident, Event* event) {
  // Lists of the calling thread, reused from event to event (nothing below comes back here):
  // the incident's sentences, and the fate words of one sentence (token, fate), read once for
  // all of its names.
  thread_local std::vector<uint32_t> sentences;
  thread_local std::vector<std::pair<uint32_t, std::string_view>> fate_words;
  sentences.clear();
  for (uint32_t ti : incident.triggers) sentences.push_back(doc.triggers[ti].sentence);
  std::sort(sentences.begin(), sentences.end());
  sentences.erase(std::unique(sentences.begin(), sentences.end()), sentences.end());

  // Plain pointers for the token walks below: the writes to the event would make the compiler
  // load the vectors' bounds again at every token.
  const Token* const tokens = doc.tokens.data();
  const char* const text = doc.text.data();
  for (uint32_t si : sentences) {
    const Sentence& s = doc.sentences[si];
    std::string inherited_role;  // role of the previous name, for "A and B"
    uint32_t prev_end = 0;
    bool fates_read = false;
    bool sentence_reward = false;  // "reward" or "bounty" in the sentence
    for (uint32_t k = s.token_begin; k < s.token_end;) {
      // Most tokens open no run: passed over in a tight loop on plain pointers (the writes to
      // the event below would make the compiler reload the vectors' bounds at every token).
      {
        while (k < s.token_end &&
               (tokens[k].kind != TokenKind::kWord || tokens[k].span.empty() ||
                static_cast<unsigned char>(text[tokens[k].span.begin] - 'A') >= 26)) {
          ++k;
        }
        if (k == s.token_end) break;
      }
      // Maximal run of capitalized words and particles.
      uint32_t end = k;
      while (end < s.token_end && tokens[end].kind == TokenKind::kWord) {
        const Span span = tokens[end].span;
        // (Not Slice: its range check is a call per token; token spans lie inside the text.)
        const std::string_view w(text + span.begin, span.end - span.begin);
        if (!IsUpperStart(w) && !(IsParticle(w) && end > k)) break;
        if (end > k && span.begin > tokens[end - 1].span.end + 1) break;
        ++end;
      }
      const uint32_t next = end;
      // One word alone names no one (the stripping below only shortens a run): most runs are a
      // sentence's first word or a single capitalized word, passed over here.
      if (end - k < 2) {
        k = next;
        continue;
      }
      uint32_t b = k;
      // Strip starters and titles in front, particles at the end.
      std::string title;
      while (b < end) {
        const std::string_view lw = Low(lower, doc.tokens[b].span);
        if (Starters().Has(lw)) {
          ++b;
        } else if (Titles().Has(lw)) {
          title = lw;
          ++b;
        } else {
          break;
        }
      }
      while (end > b && IsParticle(doc.Slice(doc.tokens[end - 1].span)) &&
             doc.Slice(doc.tokens[end - 1].span).find('-') == std::string_view::npos) {
        --end;
      }
      k = next;
      if (end - b < 2) continue;
      const Span name_span{doc.tokens[b].span.begin, doc.tokens[end - 1].span.end};
      bool reject = false;
      for (uint32_t j = b; j < end && !reject; ++j) {
        const std::string_view w = doc.Slice(doc.tokens[j].span);
        const std::string_view lw = Low(lower, doc.tokens[j].span);
        if (lw.ends_with("'s") || lw.ends_with("\xE2\x80\x99s")) reject = true;
        if (AllCaps(w) || NotNames().Has(lw)) reject = true;
      }
      // A name right after a locative preposition is a place the gazetteer lacks ("killed in
      // Kone Thar", "near Tel Rumeida", "at Umueze Ozalla"); so is one after "the" there ("in
      // the Abu Shouk camp"), the target of an attack ("an attack on Kurmin Masara"), and one
      // followed by a word for a place ("Abu Shouk camp").
      if (b > s.token_begin) {
        uint32_t p = b - 1;
        if (Low(lower, doc.tokens[p].span) == "the" && p > s.token_begin) --p;
        const std::string_view before = Low(lower, doc.tokens[p].span);
        reject |= In(before, kLocatives) ||
                  (before == "on" && p > s.token_begin &&
                   In(Low(lower, doc.tokens[p - 1].span), kAttackNouns));
      }
      if (end < s.token_end) reject |= In(Low(lower, doc.tokens[end].span), kPlaceWordsAfter);
      if (reject || mentions.named().AnyOverlaps(name_span)) continue;

      // Fate: the nearest fate word of the sentence.
      if (!fates_read) {
        fates_read = true;
        fate_words.clear();
        for (uint32_t j = s.token_begin; j < s.token_end; ++j) {
          const std::string_view lw = Low(lower, doc.tokens[j].span);
          const std::string_view f = FateWord(lw);
          if (f.empty()) continue;
          if (f == "wanted") {
            sentence_reward |= lw == "reward" || lw == "bounty";
            continue;
          }
          fate_words.emplace_back(j, f);
        }
      }
      std::string fate;
      long best = -1;
      const bool reward = sentence_reward;
      for (const auto& [j, f] : fate_words) {
        const long d = j < b ? static_cast<long>(b - j) : static_cast<long>(j - end + 1);
        if (best < 0 || d < best) {
          best = d;
          fate = f;
        }
      }
      if (fate.empty() && reward) fate = "wanted";

      // Role: apposition after, else the phrase before "known as" / "identified as" / "named".
      std::string role;
      if (end + 1 < s.token_end && doc.Slice(doc.tokens[end].span) == ",") {
        uint32_t r = end + 1, re = r;
        while (re < s.token_end && re - r < 12) {
          const std::string_view w = doc.Slice(doc.tokens[re].span);
          if (w == "," || w == "." || w == ";" || w == "and" || w == "who" || w == "was" ||
              w == "for" || w == ")") {
            break;
          }
          ++re;
        }
        if (HasRoleNoun(doc, lower, r, re)) role = CleanRole(doc, lower, r, re);
      }
      if (role.empty() && b >= s.token_begin + 2) {
        const std::string_view c1 = Low(lower, doc.tokens[b - 1].span);
        const std::string_view c2 = Low(lower, doc.tokens[b - 2].span);
        uint32_t cue = 0;
        if (c1 == "as" && (c2 == "known" || c2 == "identified")) cue = b - 2;
        if (c1 == "named") cue = b - 1;
        if (cue > s.token_begin) {
          uint32_t rb = cue;
          while (rb > s.token_begin) {
            const std::string_view lw = Low(lower, doc.tokens[rb - 1].span);
            if (lw == "," || lw == "was" || lw == "were" || lw == "included" || lw == "is" ||
                lw == "are" || lw == "including" || lw == "of" || lw == "and") {
              break;
            }
            --rb;
            if (lw == "a" || lw == "an" || lw == "the") break;
          }
          if (HasRoleNoun(doc, lower, rb, cue)) role = CleanRole(doc, lower, rb, cue);
        }
      }
      if (role.empty() && !inherited_role.empty() && prev_end + 1 == b &&
          Low(lower, doc.tokens[b - 1].span) == "and") {
        role = inherited_role;
      }
      if (role.empty() && !title.empty()) role = title;
      if (fate.empty() && role.empty()) continue;
      inherited_role = role;
      prev_end = end;
      if (reward) {
        for (const Quantity& q : doc.quantities) {
          if (q.kind == QuantityKind::kMoney && q.span.begin >= s.span.begin &&
              q.span.end <= s.span.end) {
            std::string money(doc.Slice(q.span));
            role += role.empty() ? money + " reward" : "; " + money + " reward";
            break;
          }
        }
      }
      std::string name(doc.Slice(name_span));
      const std::string lname = Lower(name);
      auto dup = std::find_if(event->named_persons.begin(), event->named_persons.end(),
                              [&](const NamedPerson& p) { return Lower(p.name) == lname; });
      if (dup != event->named_persons.end()) {
        if (dup->role.empty()) dup->role = role;
        if (dup->fate.empty() || dup->fate == "wanted") dup->fate = fate;
        continue;
      }
      event->named_persons.push_back({std::move(name), std::move(role), std::move(fate)});
      static const FieldName kNamedPersons = "named_persons";  // looked up once
      AddEvidence(doc, kNamedPersons, name_span, event);
    }
  }
}

}  // namespace sitrep::event
