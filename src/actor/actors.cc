// Actor mentions: longest match of the actor lexicon over each sentence's token keys.
//
// At each token the longest lexicon phrase starting there wins (acronyms only in capitals, and
// not in all-caps headlines where every word is capitalized). What a match becomes:
//  - a group or generic phrase is a mention as is;
//  - a country name or demonym starts a state-force or generic mention when a force word or
//    generic phrase follows, possibly after up to two modifiers ("Iraqi National Intelligence
//    Service" → Military Forces of Iraq; "Kenyan protesters" → Protesters, KEN); alone it is
//    not an actor;
//  - a force word alone is a country-less state-force mention when its lexicon row allows it
//    ("the army", "police"), else nothing ("forces" alone).
#include "sitrep/pipeline.h"
#include "sitrep/actors.h"

#include <memory>
#include <string>

#include "actor/lexicon.h"
#include "sitrep/text.h"
#include "util/literal_equal.h"

namespace sitrep {
namespace {

using actor::Entry;
using actor::EntryKind;
using actor::Lexicon;

struct Match {
  uint32_t end = 0;  // token index one past the match
  const Entry* entry = nullptr;
};

class Matcher {
 public:
  Matcher(const Document& doc, const Lexicon& lex)
      : doc_(doc), lex_(lex), keys_(actor::ThreadTokenKeys(doc)) {}

  // The longest match at token `i` (before `end`) whose entry kind is accepted by `want`.
  template <typename Want>
  Match Longest(uint32_t i, uint32_t end, Want want) const {
    Match best;
    actor::PhraseTrie::Step step;
    step.node = actor::PhraseTrie::kRoot;
    for (uint32_t j = i; j < end; ++j) {
      step = lex_.trie.StepTo(step.node, keys_, j);
      if (step.node < 0) break;
      for (uint32_t id : step.values) {
        const Entry& e = lex_.entries[id];
        if (!want(e)) continue;
        if (e.case_sensitive && (!SurfaceHasNoLowercase(i, j + 1) || CapsHeadline())) continue;
        // "let them pass" is no "LeT": an alias with an inner capital needs one in the text.
        if (e.inner_capital &&
            (!actor::HasInnerCapital(doc_.Slice(doc_.tokens[i].span)) || CapsHeadline())) {
          continue;
        }
        best = {j + 1, &e};
        break;
      }
    }
    return best;
  }

  void Run(std::vector<ActorMention>* out) {
    for (const Sentence& s : doc_.sentences) {
      sentence_ = &s;
      caps_headline_ = -1;
      uint32_t i = s.token_begin;
      while (i < s.token_end) {
        // The tokens that start no phrase (no match at them), most of them, passed over at once.
        i = static_cast<uint32_t>(lex_.trie.NextPhraseStart(keys_, i, s.token_end));
        if (i == s.token_end) break;
        Match m = Longest(i, s.token_end, [](const Entry& e) {
          return e.kind != EntryKind::kModifier;
        });
        if (m.entry == nullptr) {
          ++i;
          continue;
        }
        const Entry& e = *m.entry;
        if (e.kind == EntryKind::kCountry) {
          Match ext = Extend(m.end, s.token_end);
          if (ext.entry != nullptr) {
            Emit(i, ext.end, *ext.entry, e.iso3, out);
            i = ext.end;
          } else {
            i = m.end;
          }
          continue;
        }
        if (e.kind == EntryKind::kForce && keys_[i] == "the") {
          // "the military forces of X": the longer phrase after "the" wins over "the military".
          Match next = Longest(i + 1, s.token_end, [](const Entry& x) {
            return x.kind != EntryKind::kModifier;
          });
          if (next.entry != nullptr && next.end > m.end) {
            ++i;
            continue;
          }
        }
        if (e.kind == EntryKind::kForce) {
          // "military forces of Azerbaijan", "the army of Mali": the country after "of".
          Match c = OfCountry(m.end, s.token_end);
          if (c.entry != nullptr) {
            Emit(i, c.end, e, c.entry->iso3, out);
            i = c.end;
            // "military forces of India and Pakistan": the same force of the second country.
            if (i + 1 < s.token_end && keys_[i] == "and") {
              Match c2 = Longest(i + 1, s.token_end,
                                 [](const Entry& x) { return x.kind == EntryKind::kCountry; });
              if (c2.entry != nullptr && Extend(c2.end, s.token_end).entry == nullptr) {
                Emit(i + 1, c2.end, e, c2.entry->iso3, out);
                i = c2.end;
              }
            }
            continue;
          }
        }
        if (e.kind != EntryKind::kForce || e.bare) Emit(i, m.end, e, "", out);
        i = m.end;
        // "Military Forces of India and Pakistan" where the first is a lexicon name.
        const bool police = e.actor.starts_with("Police Forces of ");
        if (e.kind == EntryKind::kGroup && e.inter == 1 && i + 1 < s.token_end &&
            keys_[i] == "and" && (police || e.actor.starts_with("Military Forces of "))) {
          Match c2 = Longest(i + 1, s.token_end,
                             [](const Entry& x) { return x.kind == EntryKind::kCountry; });
          const actor::Country* c =
              c2.entry == nullptr ? nullptr : lex_.FindCountry(c2.entry->iso3);
          if (c != nullptr && Extend(c2.end, s.token_end).entry == nullptr) {
            ActorMention& a = Append(out);
            a.span = {doc_.tokens[i + 1].span.begin, doc_.tokens[c2.end - 1].span.end};
            a.actor = police ? c->police_forces_of : c->military_forces_of;
            a.inter = 1;
            a.country_iso3 = c->iso3;
            i = c2.end;
          }
        }
      }
    }
  }

 private:
  // After a country word ending at `j`: the farthest force word or generic phrase, allowing up
  // to two modifiers before it.
  Match Extend(uint32_t j, uint32_t end) const {
    Match best;
    for (int skipped = 0; skipped <= 2 && j < end; ++skipped) {
      Match m = Longest(j, end, [](const Entry& e) {
        return e.kind == EntryKind::kForce || e.kind == EntryKind::kGeneric;
      });
      if (m.entry != nullptr && m.end > best.end) best = m;
      Match mod = Longest(j, end, [](const Entry& e) { return e.kind == EntryKind::kModifier; });
      if (mod.entry == nullptr) break;
      j = mod.end;
    }
    return best;
  }

  // "of" (+ "the") + a country name at token `j`: the country match, else none.
  Match OfCountry(uint32_t j, uint32_t end) const {
    if (j >= end || keys_[j] != "of") return {};
    ++j;
    if (j < end && keys_[j] == "the") ++j;
    if (j >= end) return {};
    Match c = Longest(j, end, [](const Entry& e) { return e.kind == EntryKind::kCountry; });
    // "officers of the Iraqi National Intelligence Service": the country starts its own actor.
    if (c.entry != nullptr && Extend(c.end, end).entry != nullptr) return {};
    return c;
  }

  // `country_iso3` views lexicon storage (or is empty): the mention keeps the view.
  void Emit(uint32_t begin, uint32_t end, const Entry& e, std::string_view country_iso3,
            std::vector<ActorMention>* out) const {
    ActorMention& m = Append(out);
    m.span = {doc_.tokens[begin].span.begin, doc_.tokens[end - 1].span.end};
    m.inter = e.inter;
    // "a former soldier", "a retired policeman", "an off-duty officer": no longer (or not then)
    // acting as state forces; ACLED counts them among civilians.
    if (e.inter == 1 && begin > 0 && OffDuty(keys_[begin - 1])) {
      m.actor = "Civilians";
      m.inter = 7;
      m.generic = true;
      m.country_iso3 = e.kind == EntryKind::kForce ? country_iso3 : e.iso3;
      return;
    }
    if (e.kind == EntryKind::kForce) {
      const actor::Country* c = country_iso3.empty() ? nullptr : lex_.FindCountry(country_iso3);
      if (e.branch >= 0) m.branch = lex_.branches[static_cast<size_t>(e.branch)].name;
      if (c != nullptr) {
        m.actor = lex_.ForcesOf(*c, e.police, e.branch);
        m.country_iso3 = c->iso3;
      } else {
        m.actor = e.actor;
        m.generic = true;
      }
    } else if (e.kind == EntryKind::kGeneric) {
      m.actor = e.actor;
      m.country_iso3 = country_iso3;
      m.generic = true;
    } else {
      m.actor = e.actor;
      m.country_iso3 = e.iso3;
    }
  }

  // A new mention at the end of `out`, filled in there (a mention made apart was moved in,
  // strings and all); with room for a few mentions at the first: a document with actors names
  // two or three, which grew the list from one to two to four (moving every mention each time).
  static ActorMention& Append(std::vector<ActorMention>* out) {
    if (out->capacity() == 0) out->reserve(4);
    return out->emplace_back();
  }

  static bool OffDuty(std::string_view key) {
    return key == "former" || key == "retired" || key == "off-duty" || key == "ex" ||
           key == "demobilized" || key == "demobilised";
  }

  bool SurfaceHasNoLowercase(uint32_t begin, uint32_t end) const {
    for (uint32_t t = begin; t < end; ++t) {
      if (!actor::HasNoLowercase(doc_.Slice(doc_.tokens[t].span))) return false;
    }
    return true;
  }

  bool CapsHeadline() const {
    if (caps_headline_ < 0) caps_headline_ = IsCapsHeadline(*sentence_) ? 1 : 0;
    return caps_headline_ != 0;
  }

  // A sentence whose words are all capitalized gives acronyms no case evidence.
  bool IsCapsHeadline(const Sentence& s) const {
    int words = 0, caps = 0;
    for (uint32_t t = s.token_begin; t < s.token_end; ++t) {
      if (doc_.tokens[t].kind != TokenKind::kWord) continue;
      ++words;
      if (actor::HasNoLowercase(doc_.Slice(doc_.tokens[t].span))) ++caps;
    }
    return words >= 4 && caps * 10 >= words * 8;
  }

  const Document& doc_;
  const Lexicon& lex_;
  const actor::TokenKeys& keys_;
  // The sentence matched and whether it is a caps headline: -1 until an acronym asks, as
  // most sentences have no acronym to check.
  const Sentence* sentence_ = nullptr;
  mutable int8_t caps_headline_ = -1;
};

class ActorsStage : public Stage {
 public:
  std::string_view name() const override { return "actors"; }
  Status Run(Document& doc) const override {
    AnnotateActors(doc);
    return Status::Ok();
  }
};

}  // namespace

std::vector<ActorMention> FindActors(const Document& doc) {
  std::vector<ActorMention> out;
  Matcher(doc, actor::GetLexicon()).Run(&out);
  return out;
}

void AnnotateActors(Document& doc) {
  if (doc.tokens.empty() && !doc.text.empty()) Segment(doc);
  doc.actors = FindActors(doc);
}

std::string_view ActorCountryName(std::string_view iso3) {
  const actor::Country* c = actor::GetLexicon().FindCountry(iso3);
  return c == nullptr ? std::string_view() : std::string_view(c->name);
}

std::string_view ActorForcesName(std::string_view iso3, bool police, std::string_view branch) {
  const Lexicon& lex = actor::GetLexicon();
  const actor::Country* c = iso3.empty() ? nullptr : lex.FindCountry(iso3);
  if (c == nullptr) return {};
  if (branch.empty()) return police ? c->police_forces_of : c->military_forces_of;
  const int b = lex.FindBranch(police, branch);
  return b < 0 ? std::string_view() : lex.ForcesOf(*c, police, b);
}

std::string_view ActorForcesWithoutBranch(std::string_view name) {
  if (!name.starts_with("Military Forces of ") && !name.starts_with("Police Forces of ")) {
    return name;
  }
  for (const actor::ForceBranch& b : actor::GetLexicon().branches) {
    if (name.size() > b.name.size() && name.ends_with(b.name) &&
        name[name.size() - b.name.size() - 1] == ' ') {
      return name.substr(0, name.size() - b.name.size() - 1);
    }
  }
  return name;
}

std::unique_ptr<Stage> MakeActorsStage() { return std::make_unique<ActorsStage>(); }

}  // namespace sitrep
